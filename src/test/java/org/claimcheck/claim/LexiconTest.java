package org.claimcheck.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimcheck.ClaimcheckException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconTest {
  @Test
  void findsTheLongestMatchAndNormalisesSynonyms() {
    List<Lexicon.Match> m = Lexicon.builtin().find("Cyanocobalamin treats vitamin B12 deficiency, not folic acid.");
    assertEquals(List.of("vitamin_b12", "b12_deficiency", "folate"), m.stream().map(x -> x.concept().id()).toList());
    assertEquals("vitamin B12 deficiency", m.get(1).text());
  }

  @Test
  void knowsWhatHealthSitesWriteAboutAndNotTheWordsThatOnlyLookLikeIt() {
    Lexicon l = Lexicon.builtin();
    for (String[] c : new String[][] {
        {"TB spreads through the air.", "tuberculosis"}, {"PrEP prevents HIV.", "prep"},
        {"Statins cause muscle pain.", "statin"}, {"Side effects are rare.", "adverse_effects"},
        {"High blood pressure raises the risk.", "hypertension"}, {"Smokers die younger.", "smoking"},
        // Longer names holding a concept's word: not that concept.
        {"Assisted reproductive technology (ART) includes IVF.", null},
        {"Sodium valproate treats epilepsy.", "epilepsy"}, {"Heat stroke can be fatal.", "heat_stroke"},
        {"Tumour necrosis factor rises.", "tnf"}, {"Calcium channel blockers lower it.", "calcium_channel_blocker"},
        {"Insulin-like growth factor 1 falls.", "igf1"}, {"Anabolic steroids harm the liver.", "anabolic_steroid"}}) {
      List<String> ids = l.find(c[0]).stream().map(m -> m.concept().id()).toList();
      assertEquals(c[1] == null ? List.of() : List.of(c[1]), ids.isEmpty() ? List.of() : List.of(ids.getFirst()),
          c[0] + " " + ids);
    }
  }

  @Test
  void expandsAQueryWithSynonymsItDoesNotAlreadySay() {
    List<String> extra = Lexicon.builtin().expand("B12 and melatonin");
    assertTrue(extra.contains("cobalamin"));
    assertTrue(extra.contains("vitamin B12"));
    assertTrue(!extra.contains("B12"));
  }

  @Test
  void userFilesExtendTheLexiconAndBadLinesAreNamed(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("extra.tsv");
    Files.writeString(f, "# mine\ncurcumin\tsubstance\tcurcumin\tturmeric|diferuloylmethane\n");
    assertEquals("curcumin", Lexicon.withFile(f).find("Turmeric cures nothing.").getFirst().concept().id());
    Files.writeString(f, "broken line without tabs\n");
    ClaimcheckException e = assertThrows(ClaimcheckException.class, () -> Lexicon.withFile(f));
    assertTrue(e.oneLine().contains("extra.tsv:1"), e.oneLine());
  }

  @Test
  void shortAbbreviationsMatchOnlyWithTheirCapitals() {
    assertEquals(List.of("multiple_sclerosis"),
        Lexicon.builtin().find("B12 deficiency can mimic MS.").stream().map(m -> m.concept().id())
            .filter(id -> id.equals("multiple_sclerosis")).toList());
    assertTrue(Lexicon.builtin().find("Take it within 30 ms, Ms. Smith.").isEmpty());
    assertEquals("restless_legs", Lexicon.builtin().find("Iron helps RLS.").get(1).concept().id());
    assertTrue(Lexicon.builtin().find("rls").isEmpty());
  }

  @Test
  void pluralsAndHyphenatedCompoundsMatch() {
    assertEquals(List.of("b12_deficiency", "neuropathy"), Lexicon.builtin()
        .find("B12 deficiencies cause neuropathies.").stream().map(m -> m.concept().id()).toList());
    assertEquals("vitamin_b12", Lexicon.builtin().find("B12-related jerking").getFirst().concept().id());
    assertEquals("vitamin_b12", Lexicon.builtin().find("vitamin B-12").getFirst().concept().id());
  }
}
