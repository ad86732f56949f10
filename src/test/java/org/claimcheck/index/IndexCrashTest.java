package org.claimcheck.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.claimcheck.batch.ChildJvm;
import org.claimcheck.cli.Main;
import org.claimcheck.pubmed.PubmedRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of {@code claimcheck index} (a child JVM) at random points, then a rerun: the index must open holding exactly
 * the last commit (all of the killed run's files or none of them: the state before it, or the state after it), and the
 * rerun must finish with the same index as a run that was never interrupted.
 *
 * <p>Each trial starts either from an empty folder or from an index of a first file, then indexes an update (new
 * records, new versions of old ones, deletions; gzipped) and a JSONL corpus. Kill times are drawn, with a printed seed,
 * between the child's start and the end of an uninterrupted run. {@code -Dclaimcheck.crash.seed=S} repeats a draw and
 * {@code -Dclaimcheck.crash.trials=N} (default 3) sets how many kills.
 */
class IndexCrashTest {
  static final int BASE = 3000;
  static final int UPDATE = 9000;

  /** The index as a map from every id the inputs name to its stored record (or "absent"). */
  static TreeMap<String, String> dump(Path index) throws IOException {
    TreeMap<String, String> out = new TreeMap<>();
    if (!AbstractSearcher.exists(index)) {
      return out;
    }
    try (AbstractSearcher s = AbstractSearcher.open(index, AbstractSearcher.Bm25.DEFAULT)) {
      for (int i = 0; i < BASE + UPDATE; i++) {
        String id = Integer.toString(20_000_000 + i);
        PubmedRecord r = s.get(id);
        out.put(id, r == null ? "absent" : r.version() + " " + r.title() + " | " + r.abstractText());
      }
      for (int i = 0; i < 50; i++) {
        PubmedRecord r = s.get("doc" + i);
        out.put("doc" + i, r == null ? "absent" : r.title() + " | " + String.join(" ", r.sentences()));
      }
      out.put("size", Integer.toString(s.size()));
    }
    return out;
  }

  static void writeInputs(Path dir) throws IOException {
    StringBuilder base = new StringBuilder("<PubmedArticleSet>\n");
    for (int i = 0; i < BASE; i++) {
      base.append(article(i, 1, "Zinc and the common cold, study " + i));
    }
    Files.writeString(dir.resolve("base.xml"), base.append("</PubmedArticleSet>\n"));
    try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(dir.resolve("update.xml.gz")));
        Writer w = new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8)) {
      w.write("<PubmedArticleSet>\n");
      for (int i = 0; i < BASE; i += 3) {
        w.write(article(i, 2, "Revised: zinc lozenges and colds, study " + i));
      }
      for (int i = BASE; i < BASE + UPDATE; i++) {
        w.write(article(i, 1, "Vitamin D and fractures in older adults, study " + i));
      }
      w.write("<DeleteCitation>");
      for (int i = 1; i < BASE; i += 7) {
        w.write("<PMID Version=\"1\">" + (20_000_000 + i) + "</PMID>");
      }
      w.write("</DeleteCitation>\n</PubmedArticleSet>\n");
    }
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      jsonl.append("{\"_id\": \"doc").append(i).append("\", \"title\": \"Corpus document ").append(i)
          .append("\", \"text\": \"Magnesium and sleep quality in adults. Sentence two of document ").append(i)
          .append(".\"}\n");
    }
    Files.writeString(dir.resolve("corpus.jsonl"), jsonl);
  }

  static String article(int i, int version, String title) {
    return "<PubmedArticle><MedlineCitation><PMID Version=\"" + version + "\">" + (20_000_000 + i)
        + "</PMID><Article><ArticleTitle>" + title + "</ArticleTitle><Abstract><AbstractText Label=\"RESULTS\">"
        + "Participants in arm " + (i % 17) + " had " + (i % 5) + " fewer days of symptoms (p&lt;0.05). The effect "
        + "held after adjustment for age and season.</AbstractText></Abstract></Article></MedlineCitation>"
        + "</PubmedArticle>\n";
  }

  static void index(Path index, Path... files) {
    List<String> args = new ArrayList<>(List.of("index", "--index", index.toString(), "--threads", "2"));
    for (Path f : files) {
      args.add(f.toString());
    }
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
    assertEquals(0, code, err.toString());
  }

  @Test
  @Timeout(600)
  void indexingKilledAtAnyPointLeavesTheLastCommitAndARerunGivesTheSameIndex(@TempDir Path tmp) throws Exception {
    long seed = Long.getLong("claimcheck.crash.seed", System.nanoTime());
    int trials = Integer.getInteger("claimcheck.crash.trials", 3);
    System.out.printf(Locale.ROOT, "IndexCrashTest: seed %d, %d trials (-Dclaimcheck.crash.seed=%d to repeat)%n", seed,
        trials, seed);
    Random random = new Random(seed);
    Path inputs = Files.createDirectories(tmp.resolve("inputs"));
    writeInputs(inputs);
    Path[] update = {inputs.resolve("update.xml.gz"), inputs.resolve("corpus.jsonl")};

    // The reference: base then update, uninterrupted, the update in a child JVM (timed, for the kill points).
    Path ref = tmp.resolve("ref");
    index(ref, inputs.resolve("base.xml"));
    TreeMap<String, String> afterBase = dump(ref);
    long t0 = System.nanoTime();
    try (ChildJvm child = ChildJvm.start(Main.class, args(ref, update))) {
      assertEquals(0, child.waitFor(300_000), String.join("\n", child.lines()));
    }
    long runMillis = (System.nanoTime() - t0) / 1_000_000;
    TreeMap<String, String> expected = dump(ref);
    Path fresh = tmp.resolve("fresh");
    index(fresh, update);
    TreeMap<String, String> expectedFresh = dump(fresh);
    assertTrue(!expected.equals(afterBase), "the update changes the index");

    int landed = 0;
    for (int trial = 0; trial < trials; trial++) {
      boolean fromEmpty = random.nextInt(3) == 0;
      Path index = tmp.resolve("trial-" + trial);
      if (!fromEmpty) {
        index(index, inputs.resolve("base.xml"));
      }
      TreeMap<String, String> before = dump(index);
      long delay = random.nextLong(runMillis);
      int code;
      try (ChildJvm child = ChildJvm.start(Main.class, args(index, update))) {
        Thread.sleep(delay);
        code = child.kill();
      }
      boolean killed = code == 137;
      landed += killed ? 1 : 0;

      // What the kill left: the last commit, whole.
      TreeMap<String, String> after = dump(index);
      TreeMap<String, String> done = fromEmpty ? expectedFresh : expected;
      String state = after.equals(before) ? "the commit before" : after.equals(done) ? "the new commit" : null;
      System.out.printf(Locale.ROOT, "  trial %d (%s): kill after %d of %d ms: %s; the index holds %s%n", trial,
          fromEmpty ? "empty folder" : "base indexed", delay, runMillis, killed ? "killed" : "had finished (exit "
              + code + ")", state);
      assertTrue(state != null, "trial " + trial + ": the index holds neither commit after the kill");

      // The rerun finishes the work and gives what the uninterrupted run gave.
      index(index, update);
      assertEquals(done, dump(index), "trial " + trial + ": the rerun's index differs from the uninterrupted run's");
    }
    System.out.printf(Locale.ROOT, "IndexCrashTest: %d of %d kills landed mid-run; every index opened at a commit and "
        + "every rerun matched%n", landed, trials);
  }

  private static List<String> args(Path index, Path... files) {
    List<String> args = new ArrayList<>(List.of("index", "--index", index.toString(), "--threads", "2"));
    for (Path f : files) {
      args.add(f.toString());
    }
    return args;
  }
}
