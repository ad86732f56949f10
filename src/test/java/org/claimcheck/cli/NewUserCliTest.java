package org.claimcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimcheck.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user walking the README met: inputs of the wrong kind, and messages that did not say what to do. */
class NewUserCliTest {
  private static CliTest.Run run(String... args) {
    return CliTest.run(args);
  }

  private static void assertOneLineUsage(CliTest.Run r, String start) {
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("error: " + start), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  private static Path latin1(Path file, String text) throws IOException {
    return Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Every file and folder under {@code dir}, sorted. */
  private static List<Path> tree(Path dir) throws IOException {
    try (var all = Files.walk(dir)) {
      return all.sorted().toList();
    }
  }

  /** Every text input that is not UTF-8 is a one-line usage error naming the file, not an internal error. */
  @Test
  void textInputsThatAreNotUtf8AreUsageErrorsNamingTheFile(@TempDir Path dir) throws IOException {
    String corpus = TestData.resource("org/claimcheck/pubmed/invented-pubmed.xml").toString();
    Path pairs = latin1(dir.resolve("pairs.csv"), "claim,evidence\n\"Caf\u00e9 raises it\",\"Coffee did.\"\n");
    Path qrels = latin1(dir.resolve("qrels.tsv"), "query-id\tcorpus-id\tscore\n\u00e9\t1\t1\n");
    Path claims = Files.writeString(dir.resolve("claims.jsonl"), "{\"id\": 1, \"claim\": \"Zinc cuts colds.\"}\n");
    Path predictions = latin1(dir.resolve("predictions.jsonl"), "\u00e9\n");
    Path claimsCsv = latin1(dir.resolve("claims.csv"), "claim\nCaf\u00e9 raises blood pressure\n");
    Path lexicon = latin1(dir.resolve("lexicon.tsv"), "x1\tfood\tCaf\u00e9\tcoffee\n");
    Path sources = latin1(dir.resolve("sources.txt"), "https://example.org/caf\u00e9\n");
    Path config = latin1(dir.resolve("claimcheck.properties"), "threshold = 0.5\n# caf\u00e9\n");
    Path articles = Files.createDirectories(dir.resolve("articles"));
    Files.writeString(articles.resolve("a.txt"), "Zinc cuts colds.\n");
    Path out = dir.resolve("out.csv");
    List<String[]> cases = List.of(
        new String[] {pairs + ":2", "stance", "--pairs", pairs.toString(), "--output", out.toString()},
        new String[] {qrels + ":2", "eval", "beir", "--corpus", corpus, "--queries", claims.toString(), "--qrels",
            qrels.toString()},
        new String[] {predictions + ":1", "eval", "scifact", "--claims", claims.toString(), "--predictions",
            predictions.toString()},
        new String[] {claimsCsv + ":2", "verify", "--claims", claimsCsv.toString(), "--index",
            dir.resolve("none").toString()},
        new String[] {lexicon + ":1", "extract", "--articles", articles.toString(), "--lexicon", lexicon.toString(),
            "--output", out.toString()},
        new String[] {sources + ":1", "fetch", "--sources", sources.toString()},
        new String[] {sources + ":1", "run", "--workdir", dir.resolve("work").toString(), "--offline", "--sources",
            sources.toString()},
        new String[] {config + ":2", "run", "--workdir", dir.resolve("work").toString(), "--config",
            config.toString()});
    Files.createDirectories(dir.resolve("work"));
    for (String[] c : cases) {
      String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
      List<Path> before = tree(dir);
      CliTest.Run r = run(args);
      assertOneLineUsage(r, "not UTF-8 text (" + c[0] + ": byte 0xE9). Save it as UTF-8");
      // Nothing written anywhere in the folder: no output, no index, no work file (only two of the commands were
      // given out.csv; a check of that file alone passed for the others whatever they wrote).
      assertEquals(before, tree(dir), String.join(" ", args));
    }
    try (var left = Files.list(dir.resolve("work"))) {
      assertEquals(List.of(), left.toList(), "a run refused for its sources list leaves nothing in its folder");
    }
  }

  @Test
  void extractSaysWhatIsWrongWithItsLexiconAndArticles(@TempDir Path dir) throws IOException {
    Path articles = Files.createDirectories(dir.resolve("articles"));
    Path page = Files.writeString(articles.resolve("a.txt"), "Zinc cuts colds.\n");
    CliTest.Run missing = run("extract", "--articles", articles.toString(), "--lexicon",
        dir.resolve("missing.tsv").toString(), "--output", dir.resolve("o.csv").toString());
    assertOneLineUsage(missing, "no such lexicon file (" + dir.resolve("missing.tsv") + "). Give a UTF-8");
    CliTest.Run file = run("extract", "--articles", page.toString(), "--output", dir.resolve("o.csv").toString());
    assertOneLineUsage(file, "--articles must be a folder (" + page + " is a file). Give the folder that holds the "
        + "pages: --articles " + articles);
  }

  private static List<String> names(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** A claims folder given as --index: nothing is written among its files, and no command takes it for an index. */
  @Test
  void aFolderOfOtherFilesIsNotTakenForAnIndex(@TempDir Path dir) throws IOException {
    Path claims = Files.createDirectories(dir.resolve("claims"));
    Files.writeString(claims.resolve("claims.csv"), "claim\nZinc cuts colds.\n");
    Files.writeString(claims.resolve("README.md"), "claims\n");
    String corpus = TestData.resource("org/claimcheck/pubmed/invented-pubmed.xml").toString();
    String expected = "not an index folder (" + claims + " holds README.md, claims.csv and no index). Give --index ";
    assertOneLineUsage(run("index", "--index", claims.toString(), corpus), expected + "a new or empty folder");
    assertOneLineUsage(run("search", "--index", claims.toString(), "zinc"), expected + "the folder `claimcheck index`");
    assertOneLineUsage(run("verify", "--index", claims.toString(), "--claims", claims.resolve("claims.csv").toString()),
        expected + "the folder `claimcheck index`");
    Path work = Files.createDirectories(dir.resolve("work"));
    assertOneLineUsage(run("run", "--workdir", work.toString(), "--offline", "--index", claims.toString(),
        "--abstracts", corpus), expected + "a new or empty folder");
    assertEquals(List.of("README.md", "claims.csv"), names(claims));
    assertEquals(List.of(), names(work));
    // An index among other files is still an index; a folder holding only what a killed build left is still fine.
    Path idx = dir.resolve("idx");
    assertEquals(0, run("index", "--index", idx.toString(), corpus).code());
    Files.writeString(idx.resolve("NOTES.txt"), "built from invented-pubmed.xml\n");
    assertEquals(0, run("index", "--index", idx.toString(), corpus).code());
    assertEquals(0, run("search", "--index", idx.toString(), "b12").code());
    Path killed = Files.createDirectories(dir.resolve("killed"));
    Files.writeString(killed.resolve("write.lock"), "");
    Files.writeString(killed.resolve("_0.fdt"), "");
    assertEquals(0, run("index", "--index", killed.toString(), corpus).code());
  }

  /** When every input fails, no empty index is left to be taken for a built one. */
  @Test
  void indexLeavesNothingWhenEveryInputFailed(@TempDir Path dir) throws IOException {
    Path page = Files.writeString(dir.resolve("page.xml"), "<html><body>Not PubMed</body></html>");
    CliTest.Run r = run("index", "--index", dir.resolve("new/idx").toString(), page.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("FAILED: file unreadable: not a PubMed XML file"), r.err());
    assertTrue(r.err().contains("no index was made in " + dir.resolve("new/idx") + ": nothing could be indexed"),
        r.err());
    assertFalse(Files.exists(dir.resolve("new")), "the folders it made are gone");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertEquals(1, run("index", "--index", empty.toString(), page.toString()).code());
    assertEquals(List.of(), names(empty));
    // An index that was there stays; a new one with a good file and a bad one is made.
    String corpus = TestData.resource("org/claimcheck/pubmed/invented-pubmed.xml").toString();
    Path idx = dir.resolve("idx");
    CliTest.Run mixed = run("index", "--index", idx.toString(), page.toString(), corpus);
    assertEquals(0, mixed.code(), mixed.err());
    assertTrue(mixed.err().contains("the index holds "), mixed.err());
    assertEquals(1, run("index", "--index", idx.toString(), page.toString()).code());
    assertEquals(0, run("search", "--index", idx.toString(), "b12").code());
  }

  /** Articles saved as .txt given to index are refused as MEDLINE, one FAILED each, not read as 0 records. */
  @Test
  void proseTextFilesAreNotMedline(@TempDir Path dir) throws IOException {
    Path articles = Files.createDirectories(dir.resolve("articles"));
    Files.writeString(articles.resolve("a.txt"), "Vitamin B12 and you\n\nZinc cuts colds.\n");
    CliTest.Run r = run("index", "--index", dir.resolve("idx").toString(), articles.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("1 FAILED: file unreadable: not a MEDLINE file: no 'PMID- ' line (a.txt)"), r.err());
  }

  /** Every command's help lists -V/--version; each prints the version, as claimcheck --version does. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"run", "fetch", "text", "extract", "pubmed", "index",
      "search", "verify", "stance", "serve", "eval", "eval beir", "eval scifact", "eval article-extraction"})
  void everyCommandPrintsItsVersion(String command) {
    CliTest.Run top = run("--version");
    assertEquals(0, top.code());
    assertTrue(top.out().startsWith("claimcheck "), top.out());
    List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
    args.add("--version");
    CliTest.Run r = run(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    assertEquals(top.out(), r.out());
    args.set(args.size() - 1, "-V");
    assertEquals(top.out(), run(args.toArray(String[]::new)).out());
  }

  /** A claims file given as eval scifact's corpus is refused, as eval beir refuses it, not scored 0 on every F1. */
  @Test
  void evalScifactRefusesAClaimsFileAsItsCorpus() {
    String claims = TestData.resource("org/claimcheck/verify/scifact-gold.jsonl").toString();
    CliTest.Run r = run("eval", "scifact", "--claims", claims, "--corpus", claims);
    assertOneLineUsage(r, "the corpus has no documents (" + claims + ": 3 entries: 3 SKIPPED");
    assertTrue(r.err().contains("a claims or queries file goes to --claims"), r.err());
    assertEquals("", r.out());
  }

  /** stance with no row to judge fails without leaving a header-only output, and says what to do. */
  @Test
  void stanceWithNoRowToJudgeWritesNothing(@TempDir Path dir) throws IOException {
    Path pairs = Files.writeString(dir.resolve("pairs.csv"), "claim,evidence\n,Statins reduced mortality.\n");
    Path out = dir.resolve("out.csv");
    CliTest.Run r = run("stance", "--pairs", pairs.toString(), "--output", out.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("1 SKIPPED: empty claim (row 2)"), r.err());
    assertTrue(r.err().endsWith("error: no row to judge in " + pairs + " (1 row skipped, counted above). Give at "
        + "least one row with both a claim and its evidence, under the header claim,evidence" + System.lineSeparator()),
        r.err());
    assertFalse(Files.exists(out));
    Files.writeString(pairs, "claim,evidence\n");
    CliTest.Run header = run("stance", "--pairs", pairs.toString());
    assertEquals(1, header.code(), header.err());
    assertEquals("", header.out(), "no CSV header on stdout either");
    assertTrue(header.err().contains("(only a header). Give at least one row"), header.err());
  }

  /**
   * The README's run example names corpus/pubmed/, which a fresh clone has (kept by its README, as corpus/inbox/ is);
   * the README there is not read as an abstract file.
   */
  @Test
  void aFreshCloneHasTheAbstractsFolderTheReadmeNames(@TempDir Path dir) {
    Path pubmed = Path.of("corpus", "pubmed");
    assertTrue(Files.isRegularFile(pubmed.resolve("README.md")), "corpus/pubmed/README.md is under version control");
    CliTest.Run r = run("index", "--index", dir.resolve("idx").toString(), pubmed.resolve("README.md").toString());
    assertOneLineUsage(r, "unsupported abstract file");
  }

  /** Messages that named the wrong thing, or gave the wrong advice: each says what is wrong and what to do. */
  @Test
  void messagesSayWhatIsWrongAndWhatToDo(@TempDir Path dir) throws IOException {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    assertOneLineUsage(run("fetch", inbox.toString()), "nothing to fetch (no page or URL in " + inbox + "). Name URLs");
    Path pages = Files.createDirectories(dir.resolve("pages"));
    Files.writeString(pages.resolve("a.txt"), "Zinc cuts colds. Vitamin C does not.\n");
    CliTest.Run folder = run("fetch", "--articles", dir.resolve("articles").toString(), "--sources", pages.toString());
    assertEquals(0, folder.code(), "fetch --sources takes a folder of pages, as run --sources does: " + folder.err());
    assertTrue(folder.out().startsWith("OK\t"), folder.out());
    Path notes = Files.writeString(dir.resolve("notes.txt"), "notes\n");
    assertOneLineUsage(run("fetch", "--articles", notes.toString(), pages.toString()),
        "--articles must be a folder (" + notes + " is a file). Give --articles the folder the snapshots go to");
    assertOneLineUsage(run("fetch", "--threads", "0", pages.toString()),
        "bad --threads (0). Give --threads a whole number of at least 1");
    assertOneLineUsage(run("fetch", "--per-host", "0", pages.toString()), "bad --per-host (0).");
    assertOneLineUsage(run("fetch", "--deadline", "0", pages.toString()),
        "bad --deadline (0.0). Give --deadline a number of seconds above 0 to 86400");
    Path out = dir.resolve("pm");
    assertOneLineUsage(run("pubmed", "--eutils-url", "notaurl", "--out", out.toString(), "--query", "b12"),
        "bad --eutils-url (notaurl). Give an http:// or https:// URL, e.g. https://");
    assertFalse(Files.exists(out), "nothing made before the options are checked");
    // run checks its abstract files' kinds before it fetches and extracts.
    Path work = Files.createDirectories(dir.resolve("work"));
    Path png = Files.write(dir.resolve("img.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    assertOneLineUsage(run("run", "--offline", "--workdir", work.toString(), "--sources", pages.toString(),
        "--abstracts", png.toString()), "unsupported abstract file (" + png + "). Give PubMed XML");
    assertEquals(List.of(), names(work));
  }

  @Test
  void serveSaysWhyItCannotListen(@TempDir Path dir) throws IOException {
    String idx = dir.resolve("idx").toString();
    assertEquals(0, run("index", "--index", idx,
        TestData.resource("org/claimcheck/pubmed/invented-pubmed.xml").toString()).code());
    assertOneLineUsage(run("serve", "--index", idx, "--bind", "192.0.2.1"), "--bind must be an address of this "
        + "machine (192.0.2.1 is not one). Give 127.0.0.1 (this machine only), 0.0.0.0 (every interface)");
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      CliTest.Run r = run("serve", "--index", idx, "--port", Integer.toString(taken.getLocalPort()));
      assertEquals(1, r.code(), r.err());
      assertTrue(r.err().startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort() + " ("), r.err());
      assertTrue(r.err().contains("Choose another --port"), r.err());
    }
  }

  /** Help names every input kind the code takes: BEIR queries for verify, .medline and .nbib for index. */
  @Test
  void helpNamesEveryInputKind() {
    String verify = run("verify", "--help").out().replaceAll("\\s+", " ");
    assertTrue(verify.contains("BEIR queries.jsonl ({\"_id\", \"text\"})"), verify);
    String index = run("index", "--help").out().replaceAll("\\s+", " ");
    assertTrue(index.contains("MEDLINE text (.txt, .medline, .nbib)"), index);
  }
}
