package org.claimcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.claimcheck.TestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shipped stance model over the SciFact corpus and train claims, against the recorded expectation
 * ({@code scifact-train-shipped.json}). Slow (minutes): run with {@code -DexcludedTestGroups=none}.
 */
@Tag("slow")
class EvalScifactSlowTest {
  @Test
  void shippedModelOnTrainClaimsMatchesItsExpectation() {
    CliTest.Run r = CliTest.run("eval", "scifact", "--claims",
        TestData.shared("scifact/claims_train.jsonl").toString(), "--corpus",
        TestData.shared("scifact/corpus.jsonl").toString());
    assertTrue(r.out().contains(" ok"), r.out() + r.err());
    assertEquals(0, r.code(), r.out() + r.err());
  }
}
