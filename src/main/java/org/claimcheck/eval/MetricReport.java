package org.claimcheck.eval;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The measured metrics of one evaluation, compared with the recorded {@link Expectation} when there is one. A metric
 * outside its tolerance in either direction fails: a drop is a regression, a rise is an improvement that must update
 * the recorded value in the same commit. {@link #exitCode()} is 3 when anything failed.
 */
public final class MetricReport {
  /** Exit code of an evaluation outside its expected range. */
  public static final int OUT_OF_RANGE = 3;

  private final String title;
  private final Map<String, Double> values = new LinkedHashMap<>();
  private final Map<String, String> notes = new LinkedHashMap<>();
  private Expectation expectation;

  public MetricReport(String title) {
    this.title = title;
  }

  public MetricReport put(String metric, double value) {
    values.put(metric, value);
    return this;
  }

  /** A line of context printed under the table (timings, counts). */
  public MetricReport note(String key, String value) {
    notes.put(key, value);
    return this;
  }

  public MetricReport expect(Expectation e) {
    this.expectation = e;
    return this;
  }

  public Map<String, Double> values() {
    return Map.copyOf(values);
  }

  /** The failures: one message per metric outside its tolerance or missing. */
  public List<String> failures() {
    List<String> out = new ArrayList<>();
    if (expectation == null) {
      return out;
    }
    expectation.metrics().forEach((name, m) -> {
      Double v = values.get(name);
      if (v == null) {
        out.add(name + " was not measured");
      } else if (!m.accepts(v)) {
        out.add(String.format(Locale.ROOT, "%s %.4f is %s the expected %.4f \u00b1 %.4f", name, v,
            v > m.expected() ? "above" : "below", m.expected(), m.tolerance()));
      }
    });
    return out;
  }

  public int exitCode() {
    return failures().isEmpty() ? 0 : OUT_OF_RANGE;
  }

  /** Prints the table to {@code out}; failures and what to do about them go to {@code err}. */
  public void print(PrintWriter out, PrintWriter err) {
    out.println(title);
    out.printf(Locale.ROOT, "%-28s %10s %10s %10s  %s%n", "metric", "value", "expected", "tolerance", "status");
    for (var e : values.entrySet()) {
      Expectation.Metric m = expectation == null ? null : expectation.metrics().get(e.getKey());
      String status = m == null ? "-" : m.accepts(e.getValue()) ? "ok" : e.getValue() > m.expected() ? "ABOVE"
          : "BELOW";
      out.printf(Locale.ROOT, "%-28s %10.4f %10s %10s  %s%n", e.getKey(), e.getValue(),
          m == null ? "-" : String.format(Locale.ROOT, "%.4f", m.expected()),
          m == null ? "-" : String.format(Locale.ROOT, "\u00b1%.4f", m.tolerance()), status);
    }
    notes.forEach((k, v) -> out.printf(Locale.ROOT, "%-28s %s%n", k, v));
    out.flush();
    if (expectation == null) {
      err.println("note: no recorded expectation matches these inputs and options; values are not checked");
    } else {
      for (String f : failures()) {
        err.println("error: " + f + " (" + expectation.name() + "). A drop is a regression to fix; a rise must update "
            + "\"expected\" in src/main/resources/org/claimcheck/eval/" + expectation.name() + ".json in the same commit");
      }
    }
    err.flush();
  }
}
