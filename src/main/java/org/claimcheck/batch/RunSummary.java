package org.claimcheck.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.claimcheck.Tally;

/**
 * Thread-safe (stateless). The table of counts per stage printed at the end of a run, for the person reading the log:
 * per stage, how many items it had, how many it did, reused (unchanged since the last run), skipped and failed, its
 * time and its outcomes by name; then one line per reason things were skipped or failed, with the first items.
 */
final class RunSummary {
  private static final Set<String> REUSED = Set.of("UNCHANGED", "REUSED");

  private RunSummary() {}

  static List<String> lines(Map<String, Tally> tallies, Map<String, Long> timings) {
    List<String> out = new ArrayList<>();
    // The stage column fits the longest name ("pubmed search", "pubmed fetch" online), so the numbers line up.
    int width = Math.max("stage".length(), tallies.values().stream().mapToInt(t -> t.stage().length()).max()
        .orElse(0));
    width = Math.max(width, 10);
    String format = "%-" + width + "s %7s %7s %7s %7s %7s %8s  %s";
    out.add(String.format(Locale.ROOT, format, "stage", "total", "done", "reused", "skipped", "failed", "time",
        "outcomes"));
    for (Tally t : tallies.values()) {
      long reused = REUSED.stream().mapToLong(t::get).sum();
      long skipped = t.get("SKIPPED");
      long failed = t.get("FAILED");
      long done = t.total() - reused - skipped - failed;
      List<String> outcomes = new ArrayList<>();
      t.outcomes().forEach((k, v) -> outcomes.add(v + " " + k));
      Long ms = timings.get(t.stage());
      out.add(String.format(Locale.ROOT, format, t.stage(), t.total(), done, reused, skipped, failed,
          ms == null ? "-" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0),
          outcomes.isEmpty() ? "-" : String.join(", ", outcomes)));
    }
    for (Tally t : tallies.values()) {
      Map<String, List<String>> examples = t.examples();
      t.reasons().forEach((reason, count) -> {
        List<String> items = examples.getOrDefault(reason, List.of());
        String shown = items.isEmpty() ? "" : ": " + String.join(", ", items.subList(0, Math.min(3, items.size())))
            + (count > 3 ? ", ..." : "");
        out.add(String.format(Locale.ROOT, "  %s: %d %s%s", t.stage(), count, reason, shown));
      });
    }
    return out;
  }

  static void print(Progress progress, Map<String, Tally> tallies, Map<String, Long> timings) {
    for (String line : lines(tallies, timings)) {
      progress.line(line);
    }
  }
}
