package org.claimcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TallyTest {
  @Test
  void printNamesTheFirstItemsOfEachReason() {
    Tally t = new Tally("index");
    t.count("INDEXED");
    t.count("FAILED", "file unreadable: the file breaks off", "b.xml.gz");
    for (int i = 1; i <= 5; i++) {
      t.count("SKIPPED", "version older than the indexed one", i + " (a.xml)");
    }
    t.count("SKIPPED", "record without a PMID", null);
    StringWriter out = new StringWriter();
    t.print(new PrintWriter(out));
    assertEquals(List.of(
        "index             8 total, 1 FAILED, 1 INDEXED, 6 SKIPPED",
        "                  1 FAILED: file unreadable: the file breaks off (b.xml.gz)",
        "                  1 SKIPPED: record without a PMID",
        "                  5 SKIPPED: version older than the indexed one (e.g. 1 (a.xml), 2 (a.xml), 3 (a.xml), "
            + "\u2026)"),
        out.toString().lines().toList());
  }

  @Test
  void controlCharactersFromTheDataDoNotReachTheTerminal() {
    Tally t = new Tally("index");
    t.count("SKIPPED", "why\u001b[2J", "a\nb\u001b[31m");
    StringWriter out = new StringWriter();
    t.print(new PrintWriter(out));
    assertEquals("                  1 SKIPPED: why\ufffd[2J (a\ufffdb\ufffd[31m)",
        out.toString().lines().toList().get(1));
  }

  @Test
  void examplesComeInNaturalOrderWhateverOrderTheyArrivedIn() {
    Tally t = new Tally("index");
    for (String item : List.of("10 (b.xml)", "9 (b.xml)", "c.jsonl line 11", "c.jsonl line 2", "9 (a.xml)")) {
      t.count("SKIPPED", "why", item);
    }
    assertEquals(List.of("9 (a.xml)", "9 (b.xml)", "10 (b.xml)", "c.jsonl line 2", "c.jsonl line 11"),
        t.examples().get("SKIPPED: why"));
  }

  /** Parallel workers count items in any order: the examples were the first 20 to arrive, so runs differed. */
  @Test
  void manyItemsKeepTheFirstInNaturalOrderWhateverOrderTheyArrivedIn() {
    List<String> items = new java.util.ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      items.add(i + " (a.xml)");
    }
    List<String> expected = items.subList(0, Tally.MAX_EXAMPLES);
    for (long seed = 0; seed < 5; seed++) {
      List<String> shuffled = new java.util.ArrayList<>(items);
      java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
      Tally t = new Tally("index");
      Tally half = new Tally("index");
      for (int i = 0; i < shuffled.size(); i++) {
        (i % 2 == 0 ? t : half).count("SKIPPED", "why", shuffled.get(i));
      }
      t.addAll(half);
      assertEquals(expected, t.examples().get("SKIPPED: why"), "seed " + seed);
      assertEquals(100, t.reasons().get("SKIPPED: why"));
    }
  }

  @Test
  void longItemsAreClipped() {
    Tally t = new Tally("index");
    t.count("SKIPPED", "why", "x".repeat(200));
    t.count("SKIPPED", "why", "y");
    StringWriter out = new StringWriter();
    t.print(new PrintWriter(out));
    assertEquals("                  2 SKIPPED: why (e.g. " + "x".repeat(79) + "\u2026, y)",
        out.toString().lines().toList().get(1));
  }
}
