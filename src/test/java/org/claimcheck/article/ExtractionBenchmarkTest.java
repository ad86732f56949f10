package org.claimcheck.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's metric, checked by hand on small texts. */
class ExtractionBenchmarkTest {
  @Test
  void tokensAreRunsOfWordCharactersInAnyScript() {
    assertEquals(List.of("Don", "t", "stop", "café", "3", "5", "mg", "日本語", "snake_case"),
        ExtractionBenchmark.tokens("Don't stop: café, 3.5 mg — 日本語 snake_case!"));
  }

  @Test
  void shinglesAreAMultisetOfFourTokenWindows() {
    assertEquals(Map.of("a\u0001b\u0001c\u0001d", 1, "b\u0001c\u0001d\u0001e", 1),
        ExtractionBenchmark.shingles("a b c d e"));
    assertEquals(Map.of("a\u0001b", 1), ExtractionBenchmark.shingles("a b"), "short texts give one short shingle");
    assertEquals(Map.of("x\u0001x\u0001x\u0001x", 2), ExtractionBenchmark.shingles("x x x x x"));
    assertEquals(Map.of(), ExtractionBenchmark.shingles("..."));
  }

  @Test
  void scoresArePerPageSharesAndMeansSkipEmptySides() {
    // truth: 3 shingles (a b c d, b c d e, c d e f); prediction: 2 of them and 1 other.
    ExtractionBenchmark.PageScore s = ExtractionBenchmark.score("p", "a b c d e f", "b c d e f g");
    assertEquals(2.0 / 4, s.tp(), 1e-12);
    assertEquals(1.0 / 4, s.fp(), 1e-12);
    assertEquals(1.0 / 4, s.fn(), 1e-12);
    assertEquals(2.0 / 3, s.precision(), 1e-12);
    assertEquals(2.0 / 3, s.recall(), 1e-12);

    ExtractionBenchmark.PageScore empty = ExtractionBenchmark.score("q", "a b c d", "");
    assertEquals(0, empty.recall());
    ExtractionBenchmark.PageScore perfect = ExtractionBenchmark.score("r", "a b c d", "a b c d");
    ExtractionBenchmark.Scores mean = ExtractionBenchmark.Scores.of(List.of(s, empty, perfect));
    assertEquals((2.0 / 3 + 1) / 2, mean.precision(), 1e-12, "a page with no prediction has no precision");
    assertEquals((2.0 / 3 + 0 + 1) / 3, mean.recall(), 1e-12);
    assertEquals(2 * mean.precision() * mean.recall() / (mean.precision() + mean.recall()), mean.f1(), 1e-12);
  }
}
