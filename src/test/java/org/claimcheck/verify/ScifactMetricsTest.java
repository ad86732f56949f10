package org.claimcheck.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScifactMetricsTest {
  @Test
  void officialDefinitionsOnInventedClaims() throws IOException {
    var gold = ScifactMetrics.readGold(TestData.resource("org/claimcheck/verify/scifact-gold.jsonl"));
    Map<String, Map<String, String>> labels = new HashMap<>();
    var predicted = ScifactMetrics.readPredictions(
        TestData.resource("org/claimcheck/verify/scifact-predictions.jsonl"), gold.keySet(), labels);
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

  /** Each second line is refused naming line 2: SciFact's scorer refuses it too (or would score it wrongly). */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      {"id": 99, "evidence": {}}                                                  | a prediction for claim 99, which is not in the claims file
      {"id": 2, "evidence": {}}                                                   | a second prediction for claim 2 (the first is on line 1)
      {"id": 1, "evidence": {"11": {"sentences": [0], "label": "support"}}}       | abstract 11 has the label "support"
      {"id": 1, "evidence": {"11": {"sentences": [0]}}}                           | abstract 11 has no label
      {"id": 1, "evidence": {"11": {"sentences": 4, "label": "SUPPORT"}}}         | the sentences of abstract 11 are not a list
      {"id": 1, "evidence": {"11": {"sentences": ["11"], "label": "SUPPORT"}}}    | abstract 11 has the sentence "11", not a sentence number
      {"id": 1, "evidence": {"11": {"sentences": [1.5], "label": "SUPPORT"}}}     | abstract 11 has the sentence 1.5, not a sentence number
      {"id": 1, "evidence": {"11": {"sentences": [1, 1], "label": "SUPPORT"}}}    | abstract 11 has the sentence 1 twice
      {"id": 1, "evidence": {"11": {"sentences": [0, 1, 4, 5], "label": "SUPPORT"}}} | abstract 11 has 4 sentences, more than 3
      {"id": 1}                                                                   | a prediction without an evidence object
      {"evidence": {}}                                                            | a prediction without a claim id
      """)
  void predictionsTheOfficialScorerRefusesAreRefusedNamingTheLine(String line, String message, @TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("predictions.jsonl");
    Files.writeString(file, "{\"id\": 2, \"evidence\": {}}\n" + line + "\n");
    ClaimcheckException e = assertThrows(ClaimcheckException.class,
        () -> ScifactMetrics.readPredictions(file, Set.of("1", "2", "3"), new HashMap<>()));
    assertEquals(ClaimcheckException.USAGE, e.exitCode());
    assertEquals(message, e.what());
    assertEquals(file + ":2", e.context());
  }

  @Test
  void claimIdsMayBeNumbersOrText(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("predictions.jsonl");
    Files.writeString(file, "{\"id\": 1, \"evidence\": {\"11\": {\"sentences\": [3, 0, 1], \"label\": "
        + "\"SUPPORT\"}}}\n\n{\"id\": \"2\", \"evidence\": {}}\n");
    Map<String, Map<String, String>> labels = new HashMap<>();
    var p = ScifactMetrics.readPredictions(file, Set.of("1", "2", "3"), labels);
    assertEquals(Map.of("1", Map.of("11", List.of(3, 0, 1)), "2", Map.of()), p);
    assertEquals(Map.of("1", Map.of("11", "SUPPORT"), "2", Map.of()), labels);
  }
}
