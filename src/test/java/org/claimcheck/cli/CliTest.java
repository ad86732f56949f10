package org.claimcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimcheck.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Commands run through the same CommandLine as users get, with captured stdout and stderr. */
class CliTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "fetch", "text", "extract", "index", "search", "verify", "stance"})
  void everyCommandDescribesItsOptions(String command) {
    Run r = run(command, "--help");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("Usage: claimcheck " + command), r.out());
    assertTrue(r.out().contains("--help"), r.out());
  }

  @Test
  void topLevelHelpListsTheCommands() {
    Run r = run("--help");
    assertEquals(0, r.code());
    for (String c : new String[] {"run", "fetch", "text", "extract", "index", "search", "verify", "stance"}) {
      assertTrue(r.out().contains("  " + c + " "), c);
    }
  }

  @Test
  void noCommandOrAnUnknownOptionIsAUsageErrorOnOneLine() {
    Run none = run();
    assertEquals(2, none.code());
    Run unknown = run("search", "--bogus", "x");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().startsWith("error: Unknown option: '--bogus'"), unknown.err());
    assertTrue(unknown.err().contains("claimcheck search --help"), unknown.err());
    assertEquals(1, unknown.err().lines().count(), unknown.err());
  }

  @Test
  void aMissingFileIsAUsageErrorThatSaysWhatToDo(@TempDir Path dir) {
    Run r = run("index", "--index", dir.resolve("idx").toString(), dir.resolve("nope.xml").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("error: no such abstract file ("), r.err());
    assertTrue(r.err().contains("Give PubMed XML"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    Run search = run("search", "--index", dir.resolve("idx").toString(), "b12");
    assertEquals(2, search.code());
    assertTrue(search.err().contains("Build one first"), search.err());
  }

  @Test
  void aBm25WeightOutsideZeroToOneIsAUsageError(@TempDir Path dir) {
    String idx = dir.resolve("idx").toString();
    String file = TestData.resource("org/claimcheck/pubmed/invented-pubmed.xml").toString();
    assertEquals(0, run("index", "--index", idx, file).code());
    for (Run r : List.of(run("search", "--index", idx, "--bm25-weight", "2", "b12"),
        run("eval", "beir", "--bm25-weight", "-0.5", "--corpus", file, "--queries", file, "--qrels", file))) {
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().startsWith("error: bad --bm25-weight ("), r.err());
      assertTrue(r.err().contains("Give a weight between 0 and 1"), r.err());
    }
  }

  @Test
  void badEnumValuesNameTheAllowedOnes() {
    Run r = run("search", "--format", "xml", "b12");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("text, json, csv, trec"), r.err());
  }

  @Test
  void indexShowsHowManyFilesItHasRead(@TempDir Path dir) throws Exception {
    Path first = dir.resolve("a.xml");
    Files.copy(TestData.resource("org/claimcheck/pubmed/invented-pubmed.xml"), first);
    Path second = Files.copy(first, dir.resolve("b.xml"));
    String idx = dir.resolve("idx").toString();
    Run plain = run("index", "--progress", "plain", "--index", idx, first.toString(), second.toString());
    assertEquals(0, plain.code(), plain.err());
    List<String> lines = plain.err().lines().filter(l -> l.startsWith("[index]")).toList();
    assertEquals(3, lines.size(), plain.err());
    assertEquals("[index] 2 files", lines.get(0));
    assertEquals("[index] 1/2 files (50%)", lines.get(1));
    assertTrue(lines.get(2).startsWith("[index] done: 2/2 files in "), lines.get(2));
    assertTrue(plain.err().contains("4 INDEXED") && plain.err().contains("4 REPLACED"), plain.err());

    Run quiet = run("index", "--progress", "none", "--index", idx, first.toString());
    assertEquals(0, quiet.code(), quiet.err());
    assertTrue(quiet.err().lines().noneMatch(l -> l.startsWith("[index]")), quiet.err());
    Run bad = run("index", "--progress", "loud", "--index", idx, first.toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("auto, bar, plain, none"), bad.err());
  }

  @Test
  void anIndexFolderThatIsAFileOrDamagedIsRefusedWithWhatToDo(@TempDir Path dir) throws Exception {
    String xml = TestData.resource("org/claimcheck/pubmed/invented-pubmed.xml").toString();
    Path file = Files.writeString(dir.resolve("afile"), "x");
    Run onFile = run("index", "--index", file.toString(), xml);
    assertEquals(2, onFile.code(), onFile.err());
    assertTrue(onFile.err().contains("error: the index must be a folder (" + file + " is a file)"), onFile.err());

    Path junk = Files.createDirectories(dir.resolve("junk"));
    Files.writeString(junk.resolve("segments_1"), "junk");
    Run onJunk = run("index", "--index", junk.toString(), xml);
    assertEquals(1, onJunk.code(), onJunk.err());
    assertTrue(onJunk.err().contains("Rebuild it: delete the folder " + junk), onJunk.err());
    assertFalse(onJunk.err().contains("internal error"), onJunk.err());

    Path idx = dir.resolve("idx");
    assertEquals(0, run("index", "--index", idx.toString(), xml).code());
    try (var s = Files.list(idx)) {
      for (Path si : s.filter(p -> p.toString().endsWith(".si")).toList()) {
        Files.write(si, new byte[] {1, 2, 3});
      }
    }
    Run damaged = run("index", "--index", idx.toString(), xml);
    assertEquals(1, damaged.code(), damaged.err());
    assertTrue(damaged.err().contains("error: the index is damaged (" + idx), damaged.err());
    assertTrue(damaged.err().contains("Rebuild it: delete the folder " + idx), damaged.err());
  }

  @Test
  void readingAnOlderPubmedFileAfterNewerOnesIsFlagged(@TempDir Path dir) throws Exception {
    Path invented = TestData.resource("org/claimcheck/pubmed/invented-pubmed.xml");
    Path base = Files.copy(invented, dir.resolve("pubmed25n0001.xml"));
    Path update = Files.copy(TestData.resource("org/claimcheck/pubmed/invented-update.xml"),
        dir.resolve("pubmed25n1300.xml"));
    String idx = dir.resolve("idx").toString();
    Run inOrder = run("index", "--index", idx, base.toString(), update.toString());
    assertEquals(0, inOrder.code(), inOrder.err());
    assertFalse(inOrder.err().contains("warning"), inOrder.err());
    Run older = run("index", "--index", idx, base.toString());
    assertEquals(0, older.code(), older.err());
    assertTrue(older.err().contains("warning: pubmed25n0001.xml is older than pubmed25n1300.xml, which this index "
        + "has read"), older.err());
    Run again = run("index", "--index", idx, base.toString(), update.toString());
    assertFalse(again.err().contains("warning"), "the update file read again after it: " + again.err());
    Run other = run("index", "--index", idx, invented.toString());
    assertFalse(other.err().contains("warning"), "a file not named as PubMed's: " + other.err());
    // A later year's baseline comes after this year's updates; a file that failed does not count as read.
    Path nextYear = Files.copy(invented, dir.resolve("pubmed26n0001.xml"));
    Path broken = Files.writeString(dir.resolve("pubmed26n0900.xml"), "");
    Run later = run("index", "--index", idx, nextYear.toString(), broken.toString());
    assertFalse(later.err().contains("warning"), later.err());
    Run same = run("index", "--index", idx, nextYear.toString());
    assertFalse(same.err().contains("warning"), "the failed file was not recorded: " + same.err());
    // Out of order within one run.
    Path fresh = dir.resolve("idx2");
    Run outOfOrder = run("index", "--index", fresh.toString(), update.toString(), base.toString());
    assertTrue(outOfOrder.err().contains("warning: pubmed25n0001.xml is older than pubmed25n1300.xml, which is read "
        + "before it"), outOfOrder.err());
  }

  @Test
  void indexThenSearchInEveryFormat(@TempDir Path dir) throws Exception {
    String idx = dir.resolve("idx").toString();
    Run index = run("index", "--index", idx, TestData.resource("org/claimcheck/pubmed/invented-pubmed.xml").toString());
    assertEquals(0, index.code(), index.err());
    assertTrue(index.err().contains("4 INDEXED"), index.err());

    Run text = run("search", "--index", idx, "title:melatonin");
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().contains("90000002"), text.out());
    assertTrue(text.out().contains("[melatonin]"), text.out());

    Path queries = dir.resolve("q.tsv");
    Files.writeString(queries, "q1\tcobalamin neuropathy\nq2\tmelatonin rats\n");
    Run trec = run("search", "--index", idx, "--queries", queries.toString(), "--format", "trec", "--hits", "3");
    assertEquals(0, trec.code(), trec.err());
    String[] lines = trec.out().strip().split("\n");
    assertTrue(lines[0].matches("q1 Q0 \\d+ 1 \\d+\\.\\d{6} claimcheck"), lines[0]);
    for (int i = 1; i < lines.length; i++) {
      String[] a = lines[i - 1].split(" ");
      String[] b = lines[i].split(" ");
      if (a[0].equals(b[0])) {
        assertTrue(Double.parseDouble(b[4]) < Double.parseDouble(a[4]), "scores must strictly decrease");
      }
    }
    Run json = run("search", "--index", idx, "--format", "json", "cobalamin", "--year", "2010..2015");
    assertEquals(0, json.code(), json.err());
    assertTrue(json.out().contains("\"id\":\"90000002\""), json.out());
    assertTrue(!json.out().contains("\"id\":\"90000001\""), json.out());
    Run badYear = run("search", "--index", idx, "--year", "20x", "b12");
    assertEquals(2, badYear.code());
  }

  @Test
  void stanceJudgesPairs(@TempDir Path dir) throws Exception {
    Path pairs = dir.resolve("pairs.csv");
    Files.writeString(pairs, "claim,evidence\n"
        + "B12 improves neuropathy,Vitamin B12 improved neuropathy in adults.\n"
        + "B12 improves neuropathy,Vitamin B12 did not improve neuropathy in adults.\n"
        + "B12 improves neuropathy,The weather was sunny.\n");
    Run r = run("stance", "--pairs", pairs.toString());
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().strip().split("\r?\n");
    assertEquals("claim,evidence,stance,p_supports,p_refutes,p_neutral", lines[0]);
    assertTrue(lines[1].contains(",SUPPORTS,"), lines[1]);
    assertTrue(lines[2].contains(",REFUTES,"), lines[2]);
    assertTrue(lines[3].contains(",NEUTRAL,"), lines[3]);
  }
}
