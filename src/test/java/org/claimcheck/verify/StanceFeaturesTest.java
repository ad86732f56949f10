package org.claimcheck.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.claimcheck.claim.Lexicon;
import org.junit.jupiter.api.Test;

class StanceFeaturesTest {
  private static final StanceFeatures F = new StanceFeatures(Lexicon.builtin());

  private static double f(String claim, String sentence, String name) {
    return f(claim, SentenceContext.of(sentence), name);
  }

  private static double f(String claim, SentenceContext s, String name) {
    int i = StanceFeatures.NAMES.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(name);
    }
    return F.features(F.analyse(claim), s)[i];
  }

  @Test
  void negationOnOneSideOnly() {
    String claim = "Aspirin reduces the risk of stroke in older adults.";
    String negated = "Aspirin did not reduce the risk of stroke in older adults.";
    String plain = "Aspirin reduced the risk of stroke in older adults by a third.";
    assertEquals(1, f(claim, negated, "sentence_negated"));
    assertEquals(0, f(claim, negated, "claim_negated"));
    assertEquals(1, f(claim, negated, "negation_xor"));
    assertEquals(1, f(claim, negated, "sentence_negation_scoped"), "'not' governs 'reduce', a claim word");
    assertEquals(0, f(claim, plain, "negation_xor"));
    // Both negated: no mismatch.
    assertEquals(0, f("Aspirin does not reduce stroke risk.", negated, "negation_xor"));
    assertEquals(1, f("Aspirin does not reduce stroke risk.", negated, "claim_negated"));
  }

  @Test
  void unlikelyImprobableAndDoubtfulNegateAClaim() {
    // "Folic acid is unlikely to lower homocysteine" was SUPPORTED by the sentence supporting "Folic acid lowers
    // homocysteine": the extractor marks these words as negations, the stance features did not.
    String s = "Folic acid supplementation lowered serum homocysteine levels by a quarter.";
    for (String claim : List.of("Folic acid supplementation is unlikely to lower serum homocysteine levels.",
        "It is improbable that folic acid supplementation lowers serum homocysteine levels.",
        "It is doubtful that folic acid supplementation lowers serum homocysteine levels.")) {
      assertEquals(1, f(claim, s, "claim_negated"), claim);
      assertEquals(1, f(claim, s, "negation_xor"), claim);
      var scores = new RuleStanceModel().score(claim, List.of(s)).getFirst();
      assertTrue(scores.contradict() > scores.support(), claim + " " + scores);
    }
    assertEquals(0, f("Folic acid supplementation lowers serum homocysteine levels.", s, "negation_xor"));
  }

  @Test
  void aCurlyApostropheNegatesAsAStraightOneDoes() {
    // "isn’t" (as web pages write it) was no negation: the claim was verified as its positive form.
    String s = "Amitriptyline is an effective treatment for chronic tension-type headaches.";
    String straight = "Amitriptyline isn't an effective treatment for chronic tension-type headaches.";
    String curly = "Amitriptyline isn\u2019t an effective treatment for chronic tension-type headaches.";
    assertEquals(1, f(curly, s, "claim_negated"));
    for (String name : List.of("negation_xor", "overlap", "claim_negated")) {
      assertEquals(f(straight, s, name), f(curly, s, name), 1e-12, name);
    }
    var rule = new RuleStanceModel();
    assertEquals(rule.score(straight, List.of(s)), rule.score(curly, List.of(s)));
  }

  @Test
  void negationFarFromSharedWordsIsNotScoped() {
    String claim = "Vitamin D supplementation lowers blood pressure.";
    String s = "Patients without prior treatment were enrolled, and vitamin D supplementation lowered blood pressure.";
    assertEquals(1, f(claim, s, "sentence_negated"));
    assertEquals(0, f(claim, s, "sentence_negation_scoped"));
  }

  @Test
  void aNegatedFindingGovernsTheRestOfItsSentence() {
    // "These data provide no support for the use of these supplements for the prevention of cancer" reached no word
    // of the claim within five words, so the claim's direction agreed with "prevention": SUPPORTED, reversed.
    String claim = "Vitamin C supplementation prevents cancer in older men.";
    String s = "These data provide no support for the use of these supplements for the prevention of cancer.";
    assertEquals(1, f(claim, s, "sentence_negation_scoped"));
    assertEquals(1, f("Vitamin E reduces prostate cancer.",
        "There was no significant evidence that the daily use of vitamin E reduced prostate cancer.",
        "sentence_negation_scoped"));
    // ... to the end of its clause: a finding after "but" is not denied.
    assertEquals(0, f("Vitamin D supplementation reduces fractures.", "There was no significant difference in "
        + "mortality, but vitamin D supplementation reduced fractures.", "sentence_negation_scoped"));
    assertEquals(0, f("Omega-3 reduces depression.", "There was no association between fish intake and anxiety; "
        + "omega-3 reduced depression.", "sentence_negation_scoped"));
    // A short clause too ("no benefit, whereas ..."), and "yet" as an adverb ends nothing.
    assertEquals(0, f("Omega-3 fatty acids reduce cardiovascular events.", "There was no benefit, whereas omega-3 "
        + "fatty acids reduced cardiovascular events.", "sentence_negation_scoped"));
    assertEquals(1, f("Vitamin D supplementation reduces fractures.", "No convincing evidence has yet been found that "
        + "vitamin D supplementation reduces fractures.", "sentence_negation_scoped"));
    // A clause put first ends at its comma, a parenthesis at its bracket.
    assertEquals(0, f("Folic acid prevents neural tube defects.", "Although folic acid did not reduce miscarriage, it "
        + "prevented neural tube defects.", "sentence_negation_scoped"));
    assertEquals(0, f("Zinc shortens colds.", "Zinc (but not vitamin E) shortened colds in adults.",
        "sentence_negation_scoped"));
    assertEquals(1, f("Folic acid reduces miscarriage.", "Although folic acid did not reduce miscarriage, it "
        + "prevented neural tube defects.", "sentence_negation_scoped"));
    // Other cues keep their five words.
    assertEquals(0, f(claim, "No patients were lost, and the use of these supplements for the prevention of cancer "
        + "continued.", "sentence_negation_scoped"));
  }

  @Test
  void directionAgreementAndAntonyms() {
    String claim = "Exercise increases insulin sensitivity.";
    assertEquals(1, f(claim, "Exercise training decreased insulin sensitivity in mice.", "direction_disagree"));
    assertEquals(0, f(claim, "Exercise training decreased insulin sensitivity in mice.", "direction_agree"));
    assertEquals(0.5, f(claim, "Exercise training decreased insulin sensitivity in mice.", "antonym_clash"), 1e-12);
    assertEquals(1, f(claim, "Exercise training increased insulin sensitivity in mice.", "direction_agree"));
    assertEquals(0, f(claim, "Exercise training increased insulin sensitivity in mice.", "direction_disagree"));
    assertEquals(0, f(claim, "Exercise training increased insulin sensitivity in mice.", "antonym_clash"));
    assertEquals(1, f(claim, "Exercise was measured by accelerometer.", "claim_direction"));
    assertEquals(0, f(claim, "Exercise was measured by accelerometer.", "sentence_direction"));
    assertEquals(-1, f("Statins lower cholesterol.", "Statins lowered LDL.", "sentence_direction"));
  }

  @Test
  void overlapNumbersHedgesAndNullResults() {
    String claim = "Smoking causes 30% of lung cancer deaths.";
    assertEquals(1, f(claim, "Smoking caused 30% of deaths from lung cancer.", "numbers_found"));
    assertEquals(1, f(claim, "Smoking caused 12% of deaths from lung cancer.", "numbers_mismatch"));
    assertTrue(f(claim, "Smoking caused 30% of deaths from lung cancer.", "overlap") > 0.7);
    assertEquals(0, f(claim, "The weather was mild.", "overlap"));
    assertEquals(1, f(claim, "Smoking may contribute to lung cancer.", "sentence_hedge"));
    assertEquals(1, f(claim, "There was no significant difference in lung cancer deaths.", "sentence_null"));
    assertEquals(1, f(claim, "There was no significant difference in lung cancer deaths.", "null_claim_positive"));
  }

  @Test
  void contextFeatures() {
    String claim = "Metformin lowers glucose.";
    SentenceContext last = new SentenceContext("Metformin lowered glucose.", 9, 10, 1, 5, 10, "Metformin lowered glucose.");
    assertEquals(1, f(claim, last, "rank1"));
    assertEquals(0, f(claim, last, "rank0"));
    assertEquals(0.5, f(claim, last, "relative_score"), 1e-12);
    assertEquals(1, f(claim, last, "position"), 1e-12);
    assertEquals(1, f(claim, last, "last"));
    assertTrue(Double.isNaN(f(claim, last, "dense_cosine")), "no vectors given");
    StanceFeatures dense = new StanceFeatures(Lexicon.builtin(), text -> new float[] {0.6f, 0.8f});
    double cos = dense.features(dense.analyse(claim), last)[StanceFeatures.NAMES.indexOf("dense_cosine")];
    assertEquals(1, cos, 1e-6);
  }
  @Test
  void aNegationThatSaysWhomAFindingIsAboutDeniesNothing() {
    // A verdict review: "people without heart disease", "no history of", "individuals reporting no activity" were
    // read as denials and CONTRADICTED claims that the abstract supports. The model's feature keeps them (leaving them
    // out measured worse in cross-validation); the contradiction rule's signal does not.
    String claim = "In people without established cardiovascular disease, statins reduce all cause mortality.";
    String sentence = "Treatment with statins significantly reduced the risk of all cause mortality.";
    assertEquals(1, f(claim, sentence, "scoped_negation_xor"));
    assertEquals(0, f(claim, sentence, "rule_negation_xor"));
    assertEquals(0, f("Leisure time physical activity lowers mortality risk.", "Compared with individuals reporting no "
        + "leisure time physical activity, we observed a 20% lower mortality risk.", "rule_negation_xor"));
    assertEquals(0, f("Pravastatin reduces myocardial infarction in men with no history of myocardial infarction.",
        "Pravastatin reduced myocardial infarction by 31 percent.", "rule_negation_xor"));
    assertEquals(0, f("Women with diabetes have a lower bone score than women without diabetes.",
        "In women, the bone score was lower in diabetes.", "rule_negation_xor"));
    assertEquals(0, f("Hypoglycemia raises dementia risk in patients with diabetes and no prior dementia.",
        "Hypoglycemia was associated with a greater risk of dementia.", "rule_negation_xor"));
    // A denial still counts.
    assertEquals(1, f("Statins reduce all cause mortality.", "Statins did not reduce all cause mortality.",
        "rule_negation_xor"));
    assertEquals(1, f("Statins reduce mortality in people without heart disease.",
        "In people without heart disease, statins had no effect on mortality.", "rule_negation_xor"));
    assertEquals(1, f("Pravastatin increases deaths from non-cardiovascular causes.",
        "There was no excess of deaths from noncardiovascular causes with pravastatin.", "rule_negation_xor"));
  }
  @Test
  void aComparisonTheOtherWayRoundIsAClash() {
    // A verdict review: "X lowered risk more than Y" read as agreeing with "Y lowered risk more than X" (the same
    // words, the same directions). The contradiction rule reads which side each text puts above the other.
    String cbt = "CONCLUSION These results suggest that interventions based on CBT are superior to zopiclone treatment "
        + "both in short- and long-term management of insomnia in older adults.";
    assertEquals(-1, f("Zopiclone is more effective than cognitive behavioral therapy for insomnia in older adults.", cbt,
        "rule_comparison"));
    assertEquals(1, f("Cognitive behavioral therapy is more effective than zopiclone for insomnia in older adults.", cbt,
        "rule_comparison"));
    String tmao = "Omnivorous human subjects produced more TMAO than did vegans or vegetarians following ingestion of "
        + "L-carnitine through a microbiota-dependent mechanism.";
    assertEquals(-1, f("Vegans produce more TMAO than omnivores after eating L-carnitine.", tmao, "rule_comparison"));
    assertEquals(1, f("Omnivores produce more TMAO than vegans after eating L-carnitine.", tmao, "rule_comparison"));
    String adenomas = "The mean number of adenomas was lower in the aspirin group than the placebo group (0.30 vs. 0.49).";
    assertEquals(-1, f("Patients taking aspirin develop more colorectal adenomas than patients taking placebo.",
        adenomas, "rule_comparison"), "the same order, the other way");
    assertEquals(1, f("Patients taking aspirin develop fewer colorectal adenomas than patients taking placebo.",
        adenomas, "rule_comparison"));
    assertEquals(0, f("Aspirin prevents colorectal adenomas.", adenomas, "rule_comparison"), "no comparison");
    assertEquals(-1, f("As-needed terbutaline controls asthma symptoms better than as-needed budesonide-formoterol.",
        "In mild asthma, as-needed budesonide-formoterol provided superior asthma-symptom control to as-needed "
            + "terbutaline.", "rule_comparison"));
    assertEquals(0, f("Patients taking aspirin develop fewer adenomas than patients taking placebo.",
        "Adenomas were found in 17 percent of patients.", "rule_comparison"));
  }
  @Test
  void theGroupAComparisonMeasuresAgainstIsNoNegation() {
    // "higher serum corin than people without hypertension" was read as a negated claim, and every result that did
    // not say "without" as evidence against it.
    String claim = "People with hypertension have higher serum corin levels than people without hypertension.";
    String result = "Higher serum corin was positively associated with prevalent hypertension.";
    assertEquals(0, f(claim, result, "claim_negated"));
    assertEquals(0, f(claim, result, "negation_xor"));
    assertEquals(0, f(claim, "Hypertensive participants had an increased serum corin level compared to those without "
        + "hypertension.", "sentence_negated"));
    assertEquals(0, f("Women with type 2 diabetes have a lower bone score than women without diabetes.", result,
        "claim_negated"));
    // Not after a comparison: still a negation.
    assertEquals(1, f("Women without diabetes have a lower bone score.", result, "claim_negated"));
    assertEquals(1, f("Statins are no better than placebo.", result, "claim_negated"));
  }
}
