package org.claimcheck.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.claimcheck.cli.Main;
import org.claimcheck.index.AbstractSearcher;
import org.claimcheck.index.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random points of a real run (a child JVM), then a rerun: the previous report and the index must be
 * intact after the kill, and the rerun's outputs must equal those of a run that was never interrupted.
 *
 * <p>The run is day 2 of a working folder: one page changed and an abstract file was added since day 1, so every stage
 * has work to do. Kill points are drawn, with a printed seed, from the progress lines of an uninterrupted run (the
 * child is killed when it has printed as many lines as the reference had at that progress line, plus a random delay
 * of up to 200 ms). {@code -Dclaimcheck.crash.seed=S} repeats a draw and
 * {@code -Dclaimcheck.crash.trials=N} (default 3) sets how many kills.
 */
class CrashSafetyTest {
  static final String DAY1 = "2026-11-20";
  static final String DAY2 = "2026-11-21";

  @Test
  void aRunKilledAtAnyPointResumesToTheSameOutputs(@TempDir Path tmp) throws Exception {
    long seed = Long.getLong("claimcheck.crash.seed", System.nanoTime());
    int trials = Integer.getInteger("claimcheck.crash.trials", 3);
    System.out.printf(Locale.ROOT, "CrashSafetyTest: seed %d, %d trials (-Dclaimcheck.crash.seed=%d to repeat)%n",
        seed, trials, seed);
    Random random = new Random(seed);

    // The reference: day 1 in this JVM, day 2 in a child JVM that is left alone.
    RunFixture ref = dayOne(tmp.resolve("ref"));
    List<String> lines;
    try (ChildJvm child = ChildJvm.start(Main.class, ref.args(DAY2))) {
      assertEquals(0, child.waitFor(120_000), String.join("\n", child.lines()));
      lines = child.lines();
    }
    Map<String, String> expected = ref.outputs(DAY2);
    // Kill points: the progress lines ("[stage] ..."), which come while the stages work.
    List<Integer> points = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("[")) {
        points.add(i);
      }
    }
    assertTrue(points.size() >= 12, String.join("\n", lines));
    assertTrue(expected.get("changes.csv").contains(",NEW,"), "day 2 has changes to report");

    int killed = 0;
    for (int trial = 0; trial < trials; trial++) {
      RunFixture f = dayOne(tmp.resolve("trial-" + trial));
      Map<String, byte[]> dayOneReport = f.reportBytes(DAY1);
      int line = points.get(random.nextInt(points.size()));
      int delay = random.nextInt(200);
      int code;
      try (ChildJvm child = ChildJvm.start(Main.class, f.args(DAY2))) {
        child.awaitLines(line, 120_000);
        Thread.sleep(delay);
        code = child.kill();
      }
      boolean landed = code == 137;
      killed += landed ? 1 : 0;
      System.out.printf(Locale.ROOT, "  trial %d: kill after output line %d (%s) + %d ms: %s%n", trial, line,
          lines.get(line), delay, landed ? "killed" : "had finished (exit " + code + ")");

      // What the kill left: the previous report as it was, an index that opens and answers.
      Map<String, byte[]> after = f.reportBytes(DAY1);
      assertEquals(dayOneReport.keySet(), after.keySet(), "trial " + trial);
      for (String file : dayOneReport.keySet()) {
        assertArrayEquals(dayOneReport.get(file), after.get(file), "trial " + trial + ": " + file);
      }
      try (AbstractSearcher s = AbstractSearcher.open(f.work.resolve("corpus/index"), AbstractSearcher.Bm25.DEFAULT)) {
        int size = s.size();
        assertTrue(size == 6 || size == 8, "trial " + trial + ": the day-1 commit or the day-2 commit: " + size);
        assertEquals(1, s.search(SearchRequest.text("zinc common cold", 1)).size());
      }
      if (landed) {
        assertTrue(!Files.exists(f.work.resolve("reports/" + DAY2))
            || Files.exists(f.work.resolve("reports/" + DAY2 + "/manifest.json")), "a report folder is whole");
      }

      // The rerun finishes the work and gives what the uninterrupted run gave.
      RunFixture.Run rerun = f.run(DAY2);
      assertEquals(0, rerun.code(), "trial " + trial + "\n" + rerun.err());
      assertEquals(expected, f.outputs(DAY2), "trial " + trial + ": outputs differ from the uninterrupted run");
      assertEquals(6, rerun.manifest().path("counts").path("checkWorthyClaims").asInt(),
          "trial " + trial + ": 6 check-worthy claims");
      List<String> leftovers = new ArrayList<>();
      try (var files = Files.list(f.work.resolve("reports"))) {
        files.filter(p -> p.getFileName().toString().startsWith(".")).forEach(p -> leftovers.add(p.toString()));
      }
      assertEquals(List.of(), leftovers, "trial " + trial + ": no staging folders left");
    }
    System.out.printf(Locale.ROOT, "CrashSafetyTest: %d of %d kills landed mid-run; every rerun matched%n", killed,
        trials);
  }

  private static RunFixture dayOne(Path work) throws Exception {
    RunFixture f = new RunFixture(work);
    RunFixture.Run first = f.run(DAY1);
    assertEquals(0, first.code(), first.err());
    f.addIronClaim();
    f.addSecondAbstracts();
    return f;
  }
}
