package org.claimcheck.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verb lemmas, which the claim stage reads a claim's relation by: whole words, not the model's cuts. */
class VerbLemmaTest {
  private final Annotator annotator = new Annotator();

  /** The lemma of the token {@code word} in {@code sentence}, which must be tagged a verb or an auxiliary. */
  private String lemma(String sentence, String word) {
    Tagged t = annotator.tag(sentence, List.of(), Annotator.Lemmas.VERBS);
    int i = t.tokens().indexOf(word);
    String tag = t.tags().get(i);
    assertTrue(tag.equals("VERB") || tag.equals("AUX"), word + " tagged " + tag + " in " + t.tokens());
    return t.lemma(i);
  }

  @Test
  void regularFormsGiveWholeWords() {
    // The reviewer's two: "blamed" gave "blam", "watches" "watc".
    assertEquals("blame", lemma("Chocolate is often blamed for migraine attacks.", "blamed"));
    assertEquals("watch", lemma("The nurse watches patients closely.", "watches"));
    // More of the same kinds, none of them in verbs.txt: a cut "e", a cut stem, an unchanged form, a doubled consonant.
    List<String> wrong = new ArrayList<>();
    String[][] cases = {
      {"She avoids sugar at night.", "avoids", "avoid"},
      {"Cold weather worsens joint pain.", "worsens", "worsen"},
      {"The drug was piped into the vein.", "piped", "pipe"},
      {"Patients coped well with the diet.", "coped", "cope"},
      {"He breathes slowly when he sleeps.", "breathes", "breathe"},
      {"Doctors are diagnosing more cases.", "diagnosing", "diagnose"},
      {"The doctor screens every patient.", "screens", "screen"},
      {"Nurses hurried to the ward.", "hurried", "hurry"},
      {"The nurse plugged the line.", "plugged", "plug"},
      {"Blood clotting is slowed by aspirin.", "slowed", "slow"},
      {"The virus spread quickly and mimicked influenza.", "mimicked", "mimic"},
      {"The study confirmed that vaccines shielded children.", "shielded", "shield"},
    };
    for (String[] c : cases) {
      String got = lemma(c[0], c[1]);
      if (!got.equals(c[2])) {
        wrong.add(c[1] + " -> " + got);
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void irregularFormsAndContractionsKeepTheirLemmas() {
    assertEquals("make", lemma("Coffee made the headache worse.", "made"));
    assertEquals("lead", lemma("Smoking led to cancer.", "led"));
    assertEquals("have", lemma("Iron has many roles.", "has"));
    assertEquals("do", lemma("It does not cure colds.", "does"));
    assertEquals("need", lemma("Adults need iron.", "need"));
    assertEquals("bring", lemma("Exercise can bring relief.", "bring"));
    // The model gave "+we" for a curly "’s" and "+be" for "'re".
    assertEquals("be", lemma("That\u2019s why we need iron.", "\u2019s"));
    assertEquals("be", lemma("They're caused by a virus.", "'re"));
  }

  @Test
  void spellingRulesTellTheBase() {
    assertEquals(List.of("blame"), List.copyOf(VerbLemmas.regularBases("blamed")));
    assertEquals(List.of("watch"), List.copyOf(VerbLemmas.regularBases("watches")).subList(0, 1));
    assertEquals(List.of("stop"), List.copyOf(VerbLemmas.regularBases("stopped")));
    assertEquals(List.of("kill"), List.copyOf(VerbLemmas.regularBases("killed")));
    assertEquals(List.of("assess"), List.copyOf(VerbLemmas.regularBases("assessed")));
    assertEquals(List.of("die"), List.copyOf(VerbLemmas.regularBases("dying")));
    assertEquals(List.of("underlie"), List.copyOf(VerbLemmas.regularBases("underlying")));
    assertEquals(List.of(), List.copyOf(VerbLemmas.regularBases("focus")));
    assertEquals(List.of(), List.copyOf(VerbLemmas.regularBases("need")));
    assertEquals("blame", VerbLemmas.choose("blamed", List.of("blam", "blame"), java.util.Set.of()));
    assertEquals("have", VerbLemmas.choose("has", List.of("have"), java.util.Set.of()));
  }
}
