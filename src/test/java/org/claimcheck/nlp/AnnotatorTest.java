package org.claimcheck.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnnotatorTest {
  private final Annotator annotator = new Annotator();

  private List<String> split(String text) {
    return annotator.sentences(text).stream().map(Sentence::text).toList();
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
  void aSentenceEndingInB12Ends() {
    assertEquals(List.of("Many vegans lack vitamin B12.", "Supplements help."),
        split("Many vegans lack vitamin B12. Supplements help."));
  }

  @Test
  void lineBreaksAlwaysEndSentencesAndOffsetsPointIntoTheText() {
    String text = "Symptoms of deficiency\n\n  Numbness in the feet\nFatigue. Memory loss.";
    List<Sentence> s = annotator.sentences(text);
    assertEquals(List.of("Symptoms of deficiency", "Numbness in the feet", "Fatigue.", "Memory loss."),
        s.stream().map(Sentence::text).toList());
    for (Sentence x : s) {
      assertEquals(x.text(), text.substring(x.start(), x.end()));
    }
  }

  @Test
  void tagsWithUniversalDependenciesAndLemmas() {
    Tagged t = annotator.tag("Vitamin B12 helps maintain the myelin sheaths.", true);
    assertEquals(List.of("Vitamin", "B12", "helps", "maintain", "the", "myelin", "sheaths", "."), t.tokens());
    assertEquals("VERB", t.tags().get(2));
    assertEquals("DET", t.tags().get(4));
    assertEquals("PUNCT", t.tags().get(7));
    assertEquals("help", t.lemma(2));
    assertEquals("sheath", t.lemma(6));
    assertEquals(List.of(0, 8, 12, 18, 27, 31, 38, 45), t.starts());
    Tagged noLemmas = annotator.tag("Vitamin B12 helps.", false);
    assertEquals("helps", noLemmas.lemma(2), "without lemmas, the lower-cased token stands in");
  }
}
