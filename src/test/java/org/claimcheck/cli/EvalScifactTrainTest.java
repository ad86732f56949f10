package org.claimcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.claimcheck.TestData;
import org.junit.jupiter.api.Test;

/**
 * The default verifier over the SciFact corpus and train claims, against the recorded expectation
 * ({@code scifact-train-rule.json}); skipped without ../shared/data. About ten seconds.
 */
class EvalScifactTrainTest {
  @Test
  void defaultVerifierOnTrainClaimsMatchesItsExpectation() {
    CliTest.Run r = CliTest.run("eval", "scifact", "--claims",
        TestData.shared("scifact/claims_train.jsonl").toString(), "--corpus",
        TestData.shared("scifact/corpus.jsonl").toString());
    assertTrue(r.out().contains(" ok"), r.out() + r.err());
    assertEquals(0, r.code(), r.out() + r.err());
  }
}
