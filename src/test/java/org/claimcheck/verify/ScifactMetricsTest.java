package org.claimcheck.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.claimcheck.TestData;
import org.junit.jupiter.api.Test;

class ScifactMetricsTest {
  @Test
  void officialDefinitionsOnInventedClaims() throws IOException {
    var gold = ScifactMetrics.readGold(TestData.resource("org/claimcheck/verify/scifact-gold.jsonl"));
    Map<String, Map<String, String>> labels = new HashMap<>();
    var predicted = ScifactMetrics.readPredictions(
        TestData.resource("org/claimcheck/verify/scifact-predictions.jsonl"), labels);
    ScifactMetrics.Scores s = ScifactMetrics.score(gold, predicted, labels);
    // Abstracts: 4 predicted, 3 gold; only (1, 11) is right, and its first three sentences hold rationale {0, 1}.
    assertEquals(1.0 / 4, s.get("abstract_label_precision"), 1e-9);
    assertEquals(1.0 / 3, s.get("abstract_label_recall"), 1e-9);
    assertEquals(2 * (0.25 / 3) / (0.25 + 1.0 / 3), s.get("abstract_label_f1"), 1e-9);
    assertEquals(s.get("abstract_label_f1"), s.get("abstract_rationale_f1"), 1e-9);
    // Sentences: 6 predicted, 5 gold. Correct selections: 0 and 1 (whole rationale {0, 1}) of 11, and 2 of 22
    // (wrong label). Sentence 3 of 11 is in no rationale; rationale {4} was missed.
    assertEquals(3.0 / 6, s.get("sentence_selection_precision"), 1e-9);
    assertEquals(3.0 / 5, s.get("sentence_selection_recall"), 1e-9);
    assertEquals(2.0 / 6, s.get("sentence_label_precision"), 1e-9);
    assertEquals(2.0 / 5, s.get("sentence_label_recall"), 1e-9);
  }

  @Test
  void aPartRationaleIsNotEvidence() throws IOException {
    var gold = ScifactMetrics.readGold(TestData.resource("org/claimcheck/verify/scifact-gold.jsonl"));
    Map<String, Map<String, String>> labels = Map.of("1", Map.of("11", "SUPPORT"));
    var predicted = Map.of("1", Map.of("11", java.util.List.of(1, 3)));
    ScifactMetrics.Scores s = ScifactMetrics.score(gold, predicted, labels);
    assertEquals(0, s.get("sentence_selection_f1"), 1e-9);
    assertEquals(0, s.get("abstract_rationale_f1"), 1e-9);
    assertEquals(2 * (1.0 * 1.0 / 3) / (1 + 1.0 / 3), s.get("abstract_label_f1"), 1e-9);
  }
}
