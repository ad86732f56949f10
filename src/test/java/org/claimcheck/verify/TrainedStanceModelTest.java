package org.claimcheck.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Json;
import org.claimcheck.claim.Lexicon;
import org.junit.jupiter.api.Test;

/** The shipped trained model: it loads, scores invented sentences sensibly, and a bad model file is a clear error. */
class TrainedStanceModelTest {
  private static final TrainedStanceModel MODEL = TrainedStanceModel.builtin(Lexicon.builtin());

  private static final String CLAIM = "Aspirin reduces the risk of stroke in older adults.";
  private static final List<String> ABSTRACT = List.of(
      "Stroke is a leading cause of disability.",
      "We randomised 2,000 older adults to aspirin or placebo for five years.",
      "Aspirin reduced the risk of stroke in older adults by a third (P < 0.01).",
      "The weather during the trial was unremarkable.");

  private static StanceScores score(String claim, List<String> sentences, int position) {
    return MODEL.scoreInContext(claim, List.of(SentenceContext.of(sentences, position, 0, 10, 10))).getFirst();
  }

  @Test
  void featuresOfSentencesSeenForAnEarlierClaimAreTheSameAsFresh() {
    List<String> sentences = List.of("Metformin lowered fasting glucose in adults with type 2 diabetes.",
        "Vitamin B12 did not reduce neuropathy scores.", "No serious adverse events were seen.");
    String abstractText = String.join(" ", sentences);
    List<SentenceContext> contexts = new java.util.ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      contexts.add(new SentenceContext(sentences.get(i), i, sentences.size(), 0, 10, 10, abstractText));
    }
    TrainedStanceModel.FeatureSource shared = TrainedStanceModel.extractor(new StanceFeatures(Lexicon.builtin()));
    shared.features("Vitamin B12 reduces neuropathy.", contexts);
    for (String claim : List.of("Metformin lowers glucose.", "Vitamin B12 does not reduce neuropathy.")) {
      List<double[]> reused = shared.features(claim, contexts);
      List<double[]> fresh = TrainedStanceModel.extractor(new StanceFeatures(Lexicon.builtin()))
          .features(claim, contexts);
      for (int i = 0; i < contexts.size(); i++) {
        assertTrue(java.util.Arrays.equals(fresh.get(i), reused.get(i)), claim + ", sentence " + i);
      }
    }
  }

  @Test
  void loadsWithItsFeatures() {
    assertTrue(StanceFeatures.NAMES.containsAll(MODEL.features()), MODEL.features().toString());
    assertTrue(MODEL.features().size() >= 20);
    assertEquals(64, MODEL.sha256().length());
    assertTrue(MODEL.describe().startsWith("trained: "), MODEL.describe());
  }

  @Test
  void theFindingIsRationaleAndUnrelatedTextIsNot() {
    StanceScores finding = score(CLAIM, ABSTRACT, 2);
    StanceScores weather = score(CLAIM, ABSTRACT, 3);
    assertTrue(1 - finding.neutral() > 0.5, "finding: " + finding);
    assertTrue(1 - weather.neutral() < 0.5, "weather: " + weather);
    assertEquals(Stance.SUPPORT, finding.support() >= finding.contradict() ? Stance.SUPPORT : Stance.CONTRADICT);
  }

  @Test
  void aNegatedClaimLeansTowardContradiction() {
    StanceScores plain = score(CLAIM, ABSTRACT, 2);
    StanceScores negated = score("Aspirin does not reduce the risk of stroke in older adults.", ABSTRACT, 2);
    double qPlain = plain.support() / (plain.support() + plain.contradict());
    double qNegated = negated.support() / (negated.support() + negated.contradict());
    assertTrue(qNegated < qPlain, qNegated + " vs " + qPlain);
    StanceScores opposite = score("Aspirin increases the risk of stroke in older adults.", ABSTRACT, 2);
    double qOpposite = opposite.support() / (opposite.support() + opposite.contradict());
    assertTrue(qOpposite < qPlain, qOpposite + " vs " + qPlain);
  }

  @Test
  void evidenceThatSaysNotOrTheOppositeContradicts() {
    List<String> negated = List.of(ABSTRACT.get(0), ABSTRACT.get(1),
        "Aspirin did not reduce the risk of stroke in older adults (P = 0.61).", ABSTRACT.get(3));
    StanceScores not = score(CLAIM, negated, 2);
    assertTrue(not.contradict() > not.support(), not.toString());
    List<String> opposite = List.of(ABSTRACT.get(0), ABSTRACT.get(1),
        "Aspirin increased the risk of stroke in older adults by a third (P < 0.01).", ABSTRACT.get(3));
    StanceScores up = score(CLAIM, opposite, 2);
    assertTrue(up.contradict() > up.support(), up.toString());
  }

  @Test
  void scoresAreProbabilitiesAndDeterministic() {
    List<StanceScores> a = MODEL.score(CLAIM, ABSTRACT);
    List<StanceScores> b = MODEL.score(CLAIM, ABSTRACT);
    assertEquals(a, b);
    assertEquals(ABSTRACT.size(), a.size());
  }

  @Test
  void roundTripsThroughJson() {
    ObjectNode json = MODEL.toJson(Map.of("note", "test"));
    TrainedStanceModel again = TrainedStanceModel.fromJson(json.toString().getBytes(StandardCharsets.UTF_8), "test",
        Lexicon.builtin());
    assertEquals(MODEL.sha256(), again.sha256());
    assertEquals(MODEL.score(CLAIM, ABSTRACT), again.score(CLAIM, ABSTRACT));
  }

  @Test
  void aMissingOrCorruptModelIsAClearError() throws Exception {
    ClaimcheckException missing = assertThrows(ClaimcheckException.class,
        () -> TrainedStanceModel.fromResource("/org/claimcheck/verify/no-such-model.json", Lexicon.builtin()));
    assertTrue(missing.getMessage().contains("missing"), missing.getMessage());
    for (String bad : List.of("", "{", "[]", "{\"format\": \"other\"}",
        "{\"format\": \"claimcheck-stance-lr-1\", \"features\": [\"overlap\"]}")) {
      ClaimcheckException e = assertThrows(ClaimcheckException.class,
          () -> TrainedStanceModel.fromJson(bad.getBytes(StandardCharsets.UTF_8), "bad.json", Lexicon.builtin()));
      assertTrue(e.getMessage().contains("corrupt trained stance model"), e.getMessage());
      assertTrue(e.getMessage().contains("bad.json"), e.getMessage());
    }
    ObjectNode json = MODEL.toJson(Map.of());
    ((ObjectNode) json.get("selector")).putArray("weights").add(1.0);
    ClaimcheckException wrongSize = assertThrows(ClaimcheckException.class, () -> TrainedStanceModel.fromJson(
        json.toString().getBytes(StandardCharsets.UTF_8), "short.json", Lexicon.builtin()));
    assertTrue(wrongSize.getMessage().contains("short.json"), wrongSize.getMessage());
    ObjectNode unknown = MODEL.toJson(Map.of());
    ((com.fasterxml.jackson.databind.node.ArrayNode) unknown.get("features")).set(0,
        Json.MAPPER.getNodeFactory().textNode("no_such_feature"));
    ClaimcheckException e = assertThrows(ClaimcheckException.class, () -> TrainedStanceModel.fromJson(
        unknown.toString().getBytes(StandardCharsets.UTF_8), "unknown.json", Lexicon.builtin()));
    assertTrue(e.getMessage().contains("no_such_feature"), e.getMessage());
  }
  @Test
  void aNegationSayingWhomAFindingIsAboutDoesNotTurnItsEvidenceAround() {
    // "Compared with individuals reporting no leisure time physical activity, we observed a 20% lower mortality risk"
    // was read as denying that activity lowers mortality: the contradiction rule fired on "no".
    StanceScores s = MODEL.score("Leisure time physical activity lowers mortality risk.", List.of("Compared with "
        + "individuals reporting no leisure time physical activity, we observed a 20% lower mortality risk.")).getFirst();
    assertTrue(s.support() > s.contradict(), s.toString());
  }
  @Test
  void aComparisonTheOtherWayRoundContradicts() {
    // "Vegans produce more TMAO than omnivores" was SUPPORTED by "omnivores produced more TMAO than did vegans".
    StanceScores s = MODEL.score("Vegans produce more TMAO than omnivores after eating L-carnitine.", List.of(
        "Omnivorous human subjects produced more TMAO than did vegans or vegetarians following ingestion of "
            + "L-carnitine through a microbiota-dependent mechanism.")).getFirst();
    assertTrue(s.contradict() > s.support(), s.toString());
  }
  @Test
  void aComparisonsReferenceGroupDoesNotTurnItsEvidenceAround() {
    StanceScores s = MODEL.score("People with hypertension have higher serum corin levels than people without "
        + "hypertension.", List.of("Higher serum corin was positively associated with prevalent hypertension (odds "
        + "ratio (OR) = 2.01, P < 0.001).")).getFirst();
    assertTrue(s.support() > s.contradict(), s.toString());
  }
}
