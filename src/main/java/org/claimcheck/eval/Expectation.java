package org.claimcheck.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The expected result of one evaluation: which inputs (by SHA-256) and options it applies to, and each metric's
 * expected value with a tolerance. Stored as JSON under {@code src/main/resources/org/claimcheck/eval/} and listed in
 * {@code expectations.list}; an improvement updates {@code expected} in the same commit that makes it.
 *
 * @param name the file's base name, e.g. {@code beir-scifact-train-bm25}
 * @param suite the {@code eval} subcommand it belongs to, e.g. {@code beir}
 * @param command how to reproduce it
 * @param inputs input role ("corpus", "queries", ...) to the SHA-256 of the file
 * @param options the options the values were measured with; a run with other options is not compared
 */
public record Expectation(
    String name,
    String suite,
    String description,
    String command,
    Map<String, String> inputs,
    Map<String, Object> options,
    Map<String, Metric> metrics) {

  /** An expected value; a measured value passes when {@code |measured - expected| <= tolerance}. */
  public record Metric(double expected, double tolerance) {
    public Metric {
      if (!(tolerance >= 0)) {
        throw new IllegalArgumentException("tolerance must be >= 0: " + tolerance);
      }
    }

    public boolean accepts(double value) {
      return Math.abs(value - expected) <= tolerance + 1e-12;
    }
  }

  public Expectation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(suite, "suite");
    inputs = Map.copyOf(inputs);
    options = options == null ? Map.of() : new LinkedHashMap<>(options);
    metrics = new LinkedHashMap<>(metrics);
  }
}
