package org.claimcheck;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Thread-safe. Counts how every item of one stage ended: an outcome (OK, SKIPPED, FAILED, INDEXED, ...) and, for the
 * outcomes that need one, a reason. Keeps the first {@link #MAX_EXAMPLES} item ids per reason, in natural order, so
 * a report can name them.
 *
 * <p>Every stage accounts for every item: nothing is dropped without a count (after Anserini's {@code Counters}).
 */
public final class Tally {
  /** How many example items are kept per outcome and reason. */
  public static final int MAX_EXAMPLES = 20;

  private final String stage;
  private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> reasons = new ConcurrentHashMap<>();
  private final Map<String, List<String>> examples = new ConcurrentHashMap<>();

  public Tally(String stage) {
    this.stage = Objects.requireNonNull(stage, "stage");
  }

  public String stage() {
    return stage;
  }

  /** Counts one item that ended with {@code outcome}. */
  public void count(String outcome) {
    outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
  }

  /** Counts one item that ended with {@code outcome} for {@code reason}; {@code item} names it in reports. */
  public void count(String outcome, String reason, String item) {
    count(outcome);
    String key = outcome + ": " + reason;
    reasons.computeIfAbsent(key, k -> new LongAdder()).increment();
    if (item != null) {
      keep(examples.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())), item);
    }
  }

  /**
   * Keeps {@code item} in {@code list} when the list holds fewer than {@link #MAX_EXAMPLES} items or a later one in
   * natural order (which it replaces): the examples are the first items in natural order, whatever order parallel
   * workers counted them in, so identical runs report identical examples.
   */
  private static void keep(List<String> list, String item) {
    synchronized (list) {
      if (list.size() < MAX_EXAMPLES) {
        list.add(item);
        return;
      }
      int last = 0;
      for (int i = 1; i < list.size(); i++) {
        if (naturally(list.get(i), list.get(last)) > 0) {
          last = i;
        }
      }
      if (naturally(item, list.get(last)) < 0) {
        list.set(last, item);
      }
    }
  }

  /** Adds everything counted by {@code other} (same or another stage) to this tally. */
  public void addAll(Tally other) {
    other.outcomes.forEach((k, v) -> outcomes.computeIfAbsent(k, x -> new LongAdder()).add(v.sum()));
    other.reasons.forEach((k, v) -> reasons.computeIfAbsent(k, x -> new LongAdder()).add(v.sum()));
    other.examples.forEach((k, v) -> {
      List<String> list = examples.computeIfAbsent(k, x -> Collections.synchronizedList(new ArrayList<>()));
      List<String> items;
      synchronized (v) {
        items = List.copyOf(v);
      }
      for (String item : items) {
        keep(list, item);
      }
    });
  }

  public long get(String outcome) {
    LongAdder a = outcomes.get(outcome);
    return a == null ? 0 : a.sum();
  }

  public long total() {
    return outcomes.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Outcome to count, sorted by outcome name. */
  public Map<String, Long> outcomes() {
    Map<String, Long> m = new TreeMap<>();
    outcomes.forEach((k, v) -> m.put(k, v.sum()));
    return m;
  }

  /** "OUTCOME: reason" to count, sorted. */
  public Map<String, Long> reasons() {
    Map<String, Long> m = new TreeMap<>();
    reasons.forEach((k, v) -> m.put(k, v.sum()));
    return m;
  }

  /**
   * "OUTCOME: reason" to the first items that ended so in natural order (numbers by value: "9 (a.xml)" before
   * "10 (a.xml)"), at most {@link #MAX_EXAMPLES}, sorted by reason: runs whose workers finished items in another order
   * report the same examples.
   */
  public Map<String, List<String>> examples() {
    Map<String, List<String>> m = new TreeMap<>();
    examples.forEach((k, v) -> {
      List<String> items;
      synchronized (v) {
        items = new ArrayList<>(v);
      }
      items.sort(Tally::naturally);
      m.put(k, List.copyOf(items));
    });
    return m;
  }

  /** Compares text as text and runs of digits as numbers. */
  static int naturally(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (Character.isDigit(x) && Character.isDigit(y)) {
        int ei = i;
        int ej = j;
        while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
          ei++;
        }
        while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
          ej++;
        }
        String da = a.substring(i, ei).replaceFirst("^0+(?=.)", "");
        String db = b.substring(j, ej).replaceFirst("^0+(?=.)", "");
        int c = da.length() != db.length() ? Integer.compare(da.length(), db.length()) : da.compareTo(db);
        if (c != 0) {
          return c;
        }
        i = ei;
        j = ej;
      } else {
        if (x != y) {
          return Character.compare(x, y);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** A JSON-friendly view: stage, outcomes, reasons with examples. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("stage", stage);
    m.put("total", total());
    m.put("outcomes", outcomes());
    Map<String, Object> r = new LinkedHashMap<>();
    Map<String, List<String>> ex = examples();
    reasons().forEach((k, v) -> r.put(k, Map.of("count", v, "examples", ex.getOrDefault(k, List.of()))));
    m.put("reasons", r);
    return m;
  }

  /** How many examples {@link #print} names per reason. */
  static final int PRINTED_EXAMPLES = 3;

  /**
   * Prints one line per outcome and one indented line per reason with the first few items that ended so, e.g. for
   * stderr: {@code 2 SKIPPED: version older than the indexed one (e.g. 123 (a.xml), 124 (a.xml))}.
   */
  public void print(PrintWriter err) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-10s %8d total", stage, total()));
    outcomes().forEach((k, v) -> sb.append(String.format(Locale.ROOT, ", %d %s", v, k)));
    err.println(sb);
    Map<String, List<String>> ex = examples();
    reasons().forEach((k, v) -> {
      List<String> items = ex.getOrDefault(k, List.of());
      String named = "";
      if (!items.isEmpty()) {
        List<String> shown = items.subList(0, Math.min(PRINTED_EXAMPLES, items.size())).stream()
            .map(i -> printable(i.length() > 80 ? i.substring(0, 79) + "\u2026" : i)).toList();
        named = " (" + (v == 1 ? "" : "e.g. ") + String.join(", ", shown) + (v > shown.size() ? ", \u2026" : "") + ")";
      }
      err.printf(Locale.ROOT, "%-10s %8d %s%s%n", "", v, printable(k), named);
    });
    err.flush();
  }

  /** {@code s} for a terminal: control characters (from the data) as U+FFFD, so they cannot break lines or colour. */
  static String printable(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c)) {
        if (sb == null) {
          sb = new StringBuilder(s.substring(0, i));
        }
        sb.append('\ufffd');
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  @Override
  public String toString() {
    return stage + outcomes();
  }
}
