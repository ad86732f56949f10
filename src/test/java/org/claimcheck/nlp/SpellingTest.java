package org.claimcheck.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpellingTest {
  private static final Map<String, String> PAIRS = Map.ofEntries(Map.entry("anaemia", "anemia"),
      Map.entry("haemoglobin", "hemoglobin"), Map.entry("hypoglycaemia", "hypoglycemia"),
      Map.entry("leukaemia", "leukemia"), Map.entry("paediatric", "pediatric"), Map.entry("orthopaedic", "orthopedic"),
      Map.entry("diarrhoea", "diarrhea"), Map.entry("dyspnoea", "dyspnea"), Map.entry("oedema", "edema"),
      Map.entry("oestrogen", "estrogen"), Map.entry("oesophageal", "esophageal"), Map.entry("foetal", "fetal"),
      Map.entry("faecal", "fecal"), Map.entry("caesarean", "cesarean"), Map.entry("aetiology", "etiology"),
      Map.entry("anaesthesia", "anesthesia"), Map.entry("paraesthesia", "paresthesia"),
      Map.entry("gynaecology", "gynecology"), Map.entry("coeliac", "celiac"), Map.entry("homoeopathy", "homeopathy"),
      Map.entry("sulphonylurea", "sulfonylurea"), Map.entry("leucocytes", "leukocytes"),
      Map.entry("tumours", "tumors"), Map.entry("antitumour", "antitumor"), Map.entry("behavioural", "behavioral"),
      Map.entry("unfavourable", "unfavorable"), Map.entry("fibre", "fiber"), Map.entry("centres", "centers"),
      Map.entry("millilitres", "milliliters"), Map.entry("programme", "program"), Map.entry("ageing", "aging"),
      Map.entry("aluminium", "aluminum"), Map.entry("practise", "practice"), Map.entry("randomised", "randomized"),
      Map.entry("hospitalisation", "hospitalization"), Map.entry("analysed", "analyzed"),
      Map.entry("paralysing", "paralyzing"), Map.entry("minimises", "minimizes"), Map.entry("grey", "gray"));

  @Test
  void britishSpellingsBecomeAmericanAndTheCheapTestLetsThemAllThrough() {
    PAIRS.forEach((british, american) -> {
      assertEquals(american, Spelling.american(british), british);
      assertTrue(Spelling.mayChange(british.toCharArray(), british.length()), british);
      assertEquals(american, Spelling.american(american), "American spellings stay: " + american);
    });
  }

  @Test
  void wordsThatAreTheSameInBothStayTheSameInstance() {
    // The re-review's words: American words that looked British, and names.
    for (String w : List.of("stepwise", "pairwise", "piecewise", "imprecise", "immunocompromised", "unsupervised",
        "unsurprising", "disenfranchised", "louise", "kaempferol", "graeme", "healthwise")) {
      assertSame(w, Spelling.american(w), w);
      assertEquals(w, Spelling.iseToIze(w), w);
    }
    for (String w : List.of("exercise", "advised", "compromised", "analyses", "four", "hour", "colorectal", "does",
        "toes", "aerobic", "poem", "coefficient", "center", "wise", "premise", "b12", "il-6")) {
      assertSame(w, Spelling.american(w), w);
    }
    assertFalse(Spelling.mayChange("cobalamin".toCharArray(), 9), "most words are ruled out by their letters");
    assertFalse(Spelling.mayChange("b12".toCharArray(), 3));
  }

  @Test
  void iseToIzeKeepsCase() {
    assertEquals("Stabilized", Spelling.iseToIze("Stabilised"));
    assertEquals("ORGANIZATIONS", Spelling.iseToIze("ORGANISATIONS"));
    assertEquals("Exercise", Spelling.iseToIze("Exercise"));
  }
}
