package org.claimcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code search} through the command line: query files and their ids, run tags. */
class SearchCommandTest {
  @TempDir
  static Path dir;

  static String idx;

  @BeforeAll
  static void index() throws IOException {
    Path corpus = dir.resolve("corpus.jsonl");
    Files.writeString(corpus, String.join("\n",
        "{\"_id\": \"d1\", \"title\": \"Vitamin B12 and neuropathy\", \"text\": \"Cobalamin improved nerve function.\"}",
        "{\"_id\": \"d2\", \"title\": \"Melatonin and sleep\", \"text\": \"Melatonin shortened sleep latency.\"}",
        "{\"_id\": \"d3\", \"title\": \"Lung fibrosis in welders\", \"text\": \"Welders had more lung fibrosis.\"}",
        // Control characters, as a record may hold them: an ANSI colour, a line break, a tab, a C1 CSI, a bidi override.
        "{\"_id\": \"d4\", \"title\": \"Asbestosis\\u001b[31m red\\u001b[0m\\nsecond\\tline\", "
            + "\"text\": \"Asbestosis \\u009b2J in miners \\u202Eslidoc.\"}", ""));
    idx = dir.resolve("idx").toString();
    CliTest.Run r = CliTest.run("index", "--index", idx, corpus.toString());
    assertEquals(0, r.code(), r.err());
  }

  static CliTest.Run search(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "search";
    all[1] = "--index";
    all[2] = idx;
    System.arraycopy(args, 0, all, 3, args.length);
    return CliTest.run(all);
  }

  /** A usage error (exit 2) on one line that starts with {@code error: what} and holds each of {@code parts}. */
  static void assertUsageError(CliTest.Run r, String what, String... parts) {
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().startsWith("error: " + what), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    for (String p : parts) {
      assertTrue(r.err().contains(p), p + " in " + r.err());
    }
  }

  static Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  /** An index of the invented PubMed records, one of them retracted (90000003). */
  static String pubmedIndex() {
    Path pubmed = dir.resolve("pubmed-idx");
    if (!Files.isDirectory(pubmed)) {
      CliTest.Run r = CliTest.run("index", "--index", pubmed.toString(),
          org.claimcheck.TestData.resource("org/claimcheck/pubmed/invented-pubmed.xml").toString());
      assertEquals(0, r.code(), r.err());
    }
    return pubmed.toString();
  }

  @Test
  void retractedRecordsAreMarkedInTextAndCsv() {
    String idx = pubmedIndex();
    CliTest.Run text = CliTest.run("search", "--index", idx, "restless OR melatonin");
    assertEquals(0, text.code(), text.err());
    String retracted = text.out().lines().filter(l -> l.contains("90000003")).findFirst().orElseThrow();
    assertTrue(retracted.endsWith("  2009  [RETRACTED] Vitamin B12 cures restless legs syndrome."), retracted);
    String other = text.out().lines().filter(l -> l.contains("90000002")).findFirst().orElseThrow();
    assertFalse(other.contains("RETRACTED"), other);
    CliTest.Run csv = CliTest.run("search", "--index", idx, "--format", "csv", "restless OR melatonin");
    assertEquals(0, csv.code(), csv.err());
    List<String> lines = csv.out().lines().toList();
    // The new column comes last, so that scripts reading the others by position go on working.
    assertEquals("query_id,rank,id,score,year,title,best_sentence,url,retracted", lines.getFirst());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("1,") && l.contains(",90000003,") && l.endsWith(",true")),
        csv.out());
    assertTrue(lines.stream().anyMatch(l -> l.contains(",90000002,") && l.endsWith(",false")), csv.out());
  }

  @Test
  void blankFiltersAreRefusedAndUnknownOnesWarnedAbout() {
    String idx = pubmedIndex();
    // A blank value matched no record (0 hits) where the API left it out: both refuse it now.
    assertUsageError(CliTest.run("search", "--index", idx, "--pubtype=", "vitamin"), "blank --pubtype",
        "leave out --pubtype");
    assertUsageError(CliTest.run("search", "--index", idx, "--mesh", " ", "vitamin"), "blank --mesh");
    CliTest.Run rct = CliTest.run("search", "--index", idx, "--pubtype", "RCT", "vitamin");
    assertEquals(0, rct.code(), rct.err());
    assertEquals("no hits", rct.out().strip());
    assertTrue(rct.err().contains("warning: no record in the index has the publication type 'RCT' (closest: "
        + "randomized controlled trial)"), rct.err());
    CliTest.Run known = CliTest.run("search", "--index", idx, "--pubtype", "Randomized Controlled Trial", "vitamin");
    assertFalse(known.err().contains("warning"), known.err());
  }

  @Test
  void csvForSpreadsheetsHasAByteOrderMarkAndNoFormulaCells() throws IOException {
    Path corpus = file("formulas.jsonl",
        "{\"_id\": \"f1\", \"title\": \"=HYPERLINK(\\\"http://x.invalid\\\",\\\"asbestos\\\")\", "
        + "\"text\": \"@SUM(A1) asbestos in the lung.\"}\n"
        + "{\"_id\": \"f2\", \"title\": \"'+1 asbestos\", \"text\": \"Plain asbestos.\"}\n");
    String idx = dir.resolve("formula-idx").toString();
    assertEquals(0, CliTest.run("index", "--index", idx, corpus.toString()).code());
    CliTest.Run plain = CliTest.run("search", "--index", idx, "--format", "csv", "asbestos");
    assertEquals(0, plain.code(), plain.err());
    assertTrue(plain.out().startsWith("query_id,"), plain.out());
    assertTrue(plain.out().contains(",\"=HYPERLINK("), plain.out());
    CliTest.Run excel = CliTest.run("search", "--index", idx, "--format", "csv", "--excel", "asbestos");
    assertEquals(0, excel.code(), excel.err());
    assertTrue(excel.out().startsWith("\ufeffquery_id,rank,id,score,"), excel.out());
    assertTrue(excel.out().contains(",\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"asbestos\"\")\","), excel.out());
    assertTrue(excel.out().contains(",'@SUM(A1) asbestos in the lung.,"), excel.out());
    // An apostrophe before a formula character gets one more, as run --excel writes it.
    assertTrue(excel.out().contains(",''+1 asbestos,"), excel.out());
    assertFalse(excel.out().contains(",'0.") || excel.out().contains(",'1,"), "numbers stay numbers: " + excel.out());
    assertEquals("-0.0123", org.claimcheck.report.ClaimsReport.cell("-0.0123", true));
    assertEquals("'-1+2", org.claimcheck.report.ClaimsReport.cell("-1+2", true));
    assertUsageError(CliTest.run("search", "--index", idx, "--excel", "asbestos"), "--excel needs --format csv",
        "--format text");
  }

  @Test
  void aMissingArgumentSaysErrorOnce() {
    // picocli's "Error: Missing required argument" came out as "error: Error: Missing ...".
    CliTest.Run r = CliTest.run("search");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("error: Missing required argument"), r.err());
  }

  @Test
  void queryIdsThatWouldBreakATrecRunAreRefusedNamingTheLine() throws IOException {
    Path twice = file("twice.tsv", "q1\tfibrosis\nq1\tlung cancer\n");
    assertUsageError(search("--queries", twice.toString(), "--format", "trec"), "query id 'q1' given twice",
        twice + ":1 and " + twice + ":2");
    Path spaced = file("spaced.tsv", "q1\tfibrosis\nq 3\twelder\n");
    assertUsageError(search("--queries", spaced.toString(), "--format", "trec"),
        "a query id holds white space or a control character", spaced + ":2: 'q 3'");
    Path empty = file("empty-id.tsv", "q1\tfibrosis\n\n\temphysema\n");
    assertUsageError(search("--queries", empty.toString()), "a query has no id", empty + ":3");
    Path json = file("no-id.jsonl", "{\"_id\": \"q1\", \"text\": \"fibrosis\"}\n{\"text\": \"sleep\"}\n");
    assertUsageError(search("--queries", json.toString(), "--format", "json"), "a query has no id", json + ":2");
    Path noText = file("no-text.tsv", "q1\tfibrosis\nq2\t  \n");
    assertUsageError(search("--queries", noText.toString()), "query 'q2' has no text", noText + ":2");
  }

  @Test
  void aRunTagIsOneWord() throws IOException {
    Path q = file("tag.tsv", "q1\tfibrosis\n");
    for (String tag : new String[] {"my tag", "", "tab\there"}) {
      assertUsageError(search("--queries", q.toString(), "--format", "trec", "--tag", tag), "bad --tag");
    }
    CliTest.Run ok = search("--queries", q.toString(), "--format", "trec", "--tag", "bm25-run.1");
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.out().startsWith("q1 Q0 d3 1 ") && ok.out().strip().endsWith(" bm25-run.1"), ok.out());
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstQuery() throws IOException {
    String bom = "\uFEFF";
    Path tsv = file("bom.tsv", bom + "q1\tfibrosis\nq2\tmelatonin\n");
    CliTest.Run r = search("--queries", tsv.toString(), "--format", "trec", "--hits", "1");
    assertEquals(0, r.code(), r.err());
    assertEquals("q1 Q0 d3 1", r.out().lines().findFirst().orElseThrow().substring(0, 10), r.out());
    Path jsonl = file("bom.jsonl", bom + "{\"_id\": \"q1\", \"text\": \"fibrosis\"}\n");
    CliTest.Run j = search("--queries", jsonl.toString(), "--format", "trec", "--hits", "1");
    assertEquals(0, j.code(), j.err());
    assertTrue(j.out().startsWith("q1 Q0 d3 1 "), j.out());
    Path csv = file("bom.csv", bom + "claim_id,claim\r\nq1,fibrosis\r\n");
    CliTest.Run c = search("--queries", csv.toString(), "--format", "trec", "--hits", "1");
    assertEquals(0, c.code(), c.err());
    assertTrue(c.out().startsWith("q1 Q0 d3 1 "), c.out());
    // Messages name the file given.
    Path bad = Files.write(dir.resolve("bad.jsonl"), (bom + "{\"_id\": \"q1\", \"text\": \"a\"}\nnot json\n")
        .getBytes(StandardCharsets.UTF_8));
    assertUsageError(search("--queries", bad.toString()), "not a JSON line", bad + ":2");
  }

  @Test
  void fieldsTheIndexCannotSearchAreRefusedAsTheServerRefusesThem() throws IOException {
    CliTest.Run title = search("Title:fibrosis");
    assertUsageError(title, "unknown field ('Title')", "write title: instead of Title:",
        "Search one of: contents, title, abstract");
    for (String q : new String[] {"author:x", "pmid:1", "foo:bar", "fibrosis AND NOT foo:bar", "\"lung fibrosis\" OR "
        + "foo:\"a b\"", "foo:fibr*"}) {
      assertUsageError(search(q), "unknown field ('", "Search one of: contents, title");
    }
    assertUsageError(search("year:2010"), "year cannot be searched in the query", "--year");
    assertUsageError(search("PMID:1"), "unknown field ('PMID')", "The PubMed id is the field id: write id: instead "
        + "of PMID:. Search one of");
    Path file = file("fields.tsv", "q1\tfibrosis\nq2\tpmid:1 fibrosis\n");
    assertUsageError(search("--queries", file.toString(), "--syntax", "lucene"), "unknown field",
        file + ":2: 'pmid'");
    CliTest.Run ok = search("title:fibrosis AND mesh:x");
    assertEquals(0, ok.code(), ok.err());
  }

  @Test
  void aLongClaimIsSearchedForItsFirstDistinctWordsAndSaysSo() throws IOException {
    int max = org.claimcheck.index.SearchRequest.MAX_TEXT_TERMS;
    Path fits = file("fits.tsv", "q1\t" + words(max - 1) + " fibrosis\n");
    CliTest.Run found = search("--queries", fits.toString(), "--format", "json");
    assertEquals(0, found.code(), found.err());
    assertTrue(found.out().contains("\"id\":\"d3\""), found.out().substring(0, 200));
    assertEquals("", found.err());
    // One distinct word more and the last, fibrosis, is past what the searcher takes: said once, on stderr.
    Path longer = file("long.tsv", "q1\tfibrosis\nq2\t" + words(1500) + " fibrosis\nq3\t" + words(max + 1) + "\n");
    CliTest.Run cut = search("--queries", longer.toString(), "--format", "json");
    assertEquals(0, cut.code(), cut.err());
    assertTrue(cut.out().lines().skip(1).findFirst().orElseThrow().contains("\"total\":0"), cut.err());
    assertEquals("note: 2 queries (q2, q3) have more than " + max + " distinct words; only the first " + max
        + " were searched\n", cut.err());
  }

  @Test
  void aLongLuceneQueryIsRefusedWithoutEchoingIt() {
    CliTest.Run large = search(words(1500) + " fibrosis");
    assertUsageError(large, "query too large (more than 1024 clauses)", "--syntax text");
    assertTrue(!large.err().contains("w1499"), large.err());
    CliTest.Run bad = search(words(300) + " AND");
    assertUsageError(bad, "bad query (Cannot parse 'w0 w1 w2");
    assertTrue(bad.err().length() < 400, bad.err());
  }

  /** {@code n} distinct words that no record holds. */
  static String words(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : " ").append('w').append(i);
    }
    return sb.toString();
  }

  @Test
  void bm25ParametersOutOfRangeAreUsageErrorsNamingTheOption() {
    for (String k1 : new String[] {"Infinity", "-1", "NaN"}) {
      assertUsageError(search("fibrosis", "--k1", k1), "bad --k1 (");
    }
    assertUsageError(search("fibrosis", "--b", "1.5"), "bad --b (1.5)");
  }

  @Test
  void anOutputThatCannotBeWrittenIsAUsageErrorNamingTheOption() throws IOException {
    assertUsageError(search("fibrosis", "--output", dir.toString()), "the output file is a folder",
        "--output " + dir, "Give --output a file in a folder you can write");
    Path notAFolder = file("plain.txt", "x");
    assertUsageError(search("fibrosis", "--output", notAFolder.resolve("x.csv").toString()),
        "cannot create the output folder", "Give --output a file");
    // Permissions do not stop root; /proc does (the check writes a file where the output will go).
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")));
    assertUsageError(search("fibrosis", "--output", "/proc/x.csv"), "cannot write the output file",
        "--output /proc/x.csv");
  }

  @Test
  void textOutputKeepsControlCharactersFromTheTerminal() {
    CliTest.Run r = search("asbestosis");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().split("\n");
    assertEquals(2, lines.length, r.out());
    assertTrue(lines[0].endsWith("Asbestosis\uFFFD[31m red\uFFFD[0m second line"), lines[0]);
    assertEquals("     [Asbestosis] \uFFFD2J in miners \uFFFDslidoc.", lines[1]);
    assertTrue(r.out().chars().noneMatch(c -> c != '\n' && Character.isISOControl(c)), r.out());
    // JSON keeps the record as it is, escaped.
    CliTest.Run json = search("asbestosis", "--format", "json");
    assertTrue(json.out().contains("\"title\":\"Asbestosis\\u001B[31m red\\u001B[0m\\nsecond\\tline\""), json.out());
  }

  @Test
  void aQueryOfOnlyNotClausesMatchesNothingAndSaysSo() throws IOException {
    CliTest.Run not = search("NOT fibrosis");
    assertEquals(0, not.code(), not.err());
    assertEquals("no hits\n", not.out());
    assertTrue(not.err().startsWith("note: the query has a group of only NOT clauses, which matches nothing in "
        + "Lucene: give it something to match, e.g. *:* NOT x"), not.err());
    CliTest.Run all = search("*:* NOT fibrosis");
    assertEquals(0, all.code(), all.err());
    assertTrue(all.out().contains("d1") && !all.out().contains("d3"), all.out());
    assertEquals("", all.err());
    Path file = file("not.tsv", "q1\tfibrosis\nq2\t-fibrosis\nq3\tsleep AND (NOT melatonin)\n");
    CliTest.Run batch = search("--queries", file.toString(), "--syntax", "lucene");
    assertEquals(0, batch.code(), batch.err());
    assertTrue(batch.err().startsWith("note: 2 queries (q2, q3) have a group of only NOT clauses"), batch.err());
  }

  @Test
  void pageAndOffsetTogetherAreRefused() {
    assertUsageError(search("fibrosis", "--page", "2", "--offset", "3"), "--page and --offset cannot be combined");
    assertUsageError(search("fibrosis", "--offset", "0", "--page", "2"), "--page and --offset cannot be combined");
    assertEquals(0, search("fibrosis", "--page", "1").code());
    assertEquals(0, search("fibrosis", "--offset", "1").code());
  }

  @Test
  void aQueriesFileWithoutQueriesIsAnError() throws IOException {
    for (String content : new String[] {"", "\n  \n"}) {
      Path empty = file("empty.tsv", content);
      assertUsageError(search("--queries", empty.toString()), "the queries file holds no query (" + empty + ")");
    }
  }
}
