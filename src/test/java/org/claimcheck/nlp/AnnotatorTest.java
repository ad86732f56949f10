package org.claimcheck.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnnotatorTest {
  private static final Annotator ANNOTATOR = new Annotator();

  /** The sentences {@link Annotator#sentences} makes of {@code text}. */
  static List<String> split(String text) {
    return ANNOTATOR.sentences(text).stream().map(Sentence::text).toList();
  }

  @Test
  void abbreviationsDoNotEndSentences() {
    assertEquals(List.of("Deficiency causes neuropathy, e.g. tingling, vs. controls (Smith et al. 2019).",
            "It is common."),
        split("Deficiency causes neuropathy, e.g. tingling, vs. controls (Smith et al. 2019). It is common."));
    assertEquals(List.of("As shown in Fig. 2 the levels fell.", "Recovery was slow."),
        split("As shown in Fig. 2 the levels fell. Recovery was slow."));
  }

  @Test
  void oneWordAnswersAreSentencesOfTheirOwnHoweverManyInARow() {
    assertEquals(List.of("No.", "A cup of decaf still contains caffeine."),
        split("No. A cup of decaf still contains caffeine."));
    assertEquals(List.of("Yes.", "No.", "Coffee has caffeine."), split("Yes. No. Coffee has caffeine."));
    // Thousands in a row once overflowed the stack (ClaimExtractorFuzzTest, seed 16915446675823).
    List<String> many = split("No. ".repeat(20_000) + "Decaf has caffeine.");
    assertEquals(20_001, many.size());
    assertEquals("Decaf has caffeine.", many.getLast());
  }

  @Test
  void aSentenceEndingInB12Ends() {
    assertEquals(List.of("Many vegans lack vitamin B12.", "Supplements help."),
        split("Many vegans lack vitamin B12. Supplements help."));
  }

  @Test
  void lineBreaksAlwaysEndSentencesAndOffsetsPointIntoTheText() {
    String text = "Symptoms of deficiency\n\n  Numbness in the feet\nFatigue. Memory loss.";
    List<Sentence> s = ANNOTATOR.sentences(text);
    assertEquals(List.of("Symptoms of deficiency", "Numbness in the feet", "Fatigue.", "Memory loss."),
        s.stream().map(Sentence::text).toList());
    for (Sentence x : s) {
      assertEquals(x.text(), text.substring(x.start(), x.end()));
    }
  }

  @Test
  void tagsWithUniversalDependenciesAndLemmas() {
    Tagged t = ANNOTATOR.tag("Vitamin B12 helps maintain the myelin sheaths.", true);
    assertEquals(List.of("Vitamin", "B12", "helps", "maintain", "the", "myelin", "sheaths", "."), t.tokens());
    assertEquals("VERB", t.tags().get(2));
    assertEquals("DET", t.tags().get(4));
    assertEquals("PUNCT", t.tags().get(7));
    assertEquals("help", t.lemma(2));
    assertEquals("sheath", t.lemma(6));
    assertEquals(List.of(0, 8, 12, 18, 27, 31, 38, 45), t.starts());
    Tagged noLemmas = ANNOTATOR.tag("Vitamin B12 helps.", false);
    assertEquals("helps", noLemmas.lemma(2), "without lemmas, the lower-cased token stands in");
  }

  @Test
  void bulletsInsideALineStartSentencesAndGluedSentencesSplit() {
    assertEquals(List.of("Symptoms include:", "tingling", "numbness in the feet"),
        split("Symptoms include: \u2022 tingling \u2022 numbness in the feet"));
    assertEquals(List.of("It starts between the kneecap and ankle.", "Restless legs syndrome occurs often."),
        split("It starts between the kneecap and ankle.Restless legs syndrome occurs often."));
    assertEquals(List.of("The dose was 1000 mcg vs. 250 mcg (e.g. Fig. 2).", "It worked."),
        split("The dose was 1000 mcg vs. 250 mcg (e.g. Fig. 2). It worked."));
    assertEquals(List.of("Fatigue is common.", "Numbness follows."), split("- Fatigue is common. Numbness follows."));
  }

  @Test
  void contractionsAreSplitIntoTheirWords() {
    Tagged t = ANNOTATOR.tag("It's not clear, and it isn't rare.", false);
    assertEquals(List.of("It", "'s", "not", "clear", ",", "and", "it", "is", "n't", "rare", "."), t.tokens());
    assertEquals("AUX", t.tags().get(1));
    assertEquals("PART", t.tags().get(8));
    assertEquals(List.of(0, 2, 5, 9, 14, 16, 20, 23, 25, 29, 33), t.starts());
  }

  @Test
  void entitySpansAreNounsAndTheVerbAfterThemIsRepaired() {
    String s = "Cobalamin cures anemia and B12 has no toxicity.";
    Tagged plain = new Annotator(Annotator.Masking.NONE, false).tag(s, false);
    Tagged t = ANNOTATOR.tag(s, List.of(new CharSpan(0, 9), new CharSpan(27, 30)), Annotator.Lemmas.VERBS);
    assertEquals("PROPN", t.tags().get(0));
    assertEquals("VERB", t.tags().get(1), "plain model: " + plain.tags());
    assertEquals("PROPN", t.tags().get(4));
    assertEquals("cure", t.lemma(1));
    assertEquals("have", t.lemma(5));
    assertEquals("anemia", t.lemma(2), "only verbs are lemmatised");
  }

  @Test
  void aListedVerbTakenForANounAfterItsSubjectIsAVerb() {
    // "stunt" joined the list from the third blind set: "Coffee stunts children's growth" was "no verb" (0.35).
    Tagged t = ANNOTATOR.tag("Coffee stunts children's growth.", false);
    assertEquals("VERB", t.tags().get(1), t.toString());
  }

  @Test
  void studiesBeforeTheirVerbAreANoun() {
    // "Coffee raises blood pressure, but studies show it is safe" gave "Coffee studies show it is safe."
    Tagged t = ANNOTATOR.tag("Coffee raises blood pressure, but studies show it is safe.", false);
    assertEquals("NOUN", t.tags().get(6), t.toString());
    assertEquals("VERB", t.tags().get(7), t.toString());
  }

  @Test
  void britishSpellingsAreTaggedAsTheirAmericanOnes() {
    assertEquals("stabilize", Spelling.iseToIze("stabilise"));
    assertEquals("Minimized", Spelling.iseToIze("Minimised"));
    assertEquals("HOSPITALIZATIONS", Spelling.iseToIze("HOSPITALISATIONS"));
    assertEquals("paralyzed", Spelling.iseToIze("paralysed"));
    assertEquals("well-organized", Spelling.iseToIze("well-organised"));
    for (String same : List.of("exercise", "Exercises", "advised", "promise", "comprised", "surprising", "raise",
        "noise", "analyses", "meta-analyses", "otherwise", "precise", "stabilize", "premises", "self-exercise")) {
      assertEquals(same, Spelling.iseToIze(same));
    }
    Tagged t = ANNOTATOR.tag("Vaccines minimise the risk and immunise children.", false);
    assertEquals("VERB", t.tags().get(1), t.toString());
    assertEquals("VERB", t.tags().get(5), t.toString());
    assertEquals("minimise", t.tokens().get(1), "the page's spelling stays");
    assertTrue(Annotator.isListedVerb("stabilises"));
    assertTrue(Annotator.isListedVerb("optimizes"));
    assertTrue(Annotator.isListedVerb("optimises"));
    assertFalse(Annotator.isListedVerb("oversize"));
    assertFalse(Annotator.isListedVerb("prize"));
  }

  /**
   * A page without full stops is one "sentence" to the detector, and the tagger's time grows with the square of a
   * sentence's length: such text comes in pieces of at most MAX_SENTENCE_CHARS, cut at spaces, nothing dropped.
   */
  @Test
  void runawaySentencesComeInPiecesCutAtSpaces() {
    String words = "vitamin b12 lowers the risk of nerve damage and ".repeat(500) + "\ud83d\ude00".repeat(600);
    List<Sentence> pieces = ANNOTATOR.sentences(words);
    assertTrue(pieces.size() >= words.length() / Annotator.MAX_SENTENCE_CHARS, pieces.size() + " pieces");
    StringBuilder joined = new StringBuilder();
    for (Sentence s : pieces) {
      assertTrue(s.text().length() <= Annotator.MAX_SENTENCE_CHARS, s.text().length() + " characters");
      assertEquals(words.substring(s.start(), s.end()), s.text(), "offsets point at the piece");
      assertFalse(Character.isLowSurrogate(s.text().charAt(0)), "no emoji cut in half");
      joined.append(s.text());
    }
    assertTrue(words.replaceAll("\\s+", "").equals(joined.toString().replaceAll("\\s+", "")), "nothing dropped");
    assertTrue(Character.isWhitespace(words.charAt(pieces.getFirst().end())), "cut at a space");
    assertEquals(List.of("A normal sentence stays whole."), split("A normal sentence stays whole."));
  }
}
