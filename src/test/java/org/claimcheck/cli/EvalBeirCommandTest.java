package org.claimcheck.cli;

import static org.claimcheck.cli.SearchCommandTest.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval beir} on degenerate inputs: each is refused or warned about, never scored as if it were fine. */
class EvalBeirCommandTest {
  @TempDir
  Path dir;

  Path corpus;
  Path queries;
  Path qrels;

  @org.junit.jupiter.api.BeforeEach
  void inputs() throws IOException {
    corpus = Files.writeString(dir.resolve("corpus.jsonl"), String.join("\n",
        "{\"_id\": \"d1\", \"title\": \"Vitamin B12 and neuropathy\", \"text\": \"Cobalamin improved nerve function.\"}",
        "{\"_id\": \"d2\", \"title\": \"Melatonin and sleep\", \"text\": \"Melatonin shortened sleep latency.\"}", ""));
    queries = Files.writeString(dir.resolve("queries.jsonl"),
        "{\"_id\": \"q1\", \"text\": \"melatonin sleep\"}\n{\"_id\": \"q2\", \"text\": \"b12 nerve\"}\n");
    qrels = Files.writeString(dir.resolve("qrels.tsv"), "query-id\tcorpus-id\tscore\nq1\td2\t1\nq2\td1\t1\n");
  }

  CliTest.Run eval(String... more) {
    String[] args = {"eval", "beir", "--corpus", corpus.toString(), "--queries", queries.toString(), "--qrels",
        qrels.toString()};
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return CliTest.run(all);
  }

  @Test
  void theseInputsScore() {
    CliTest.Run r = eval();
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("2 (2 judged of 2 in the qrels)"), r.out());
  }

  @Test
  void judgedQueriesThatWereNotSearchedAreLeftOutOfTheMeansAndCounted() throws IOException {
    // q1 alone is searched; q2 and q3, judged, were counted 0 in the means (nDCG@10 1/3 instead of 1).
    Files.writeString(queries, "{\"_id\": \"q1\", \"text\": \"melatonin sleep\"}\n");
    Files.writeString(qrels, "query-id\tcorpus-id\tscore\nq1\td2\t1\nq2\td1\t1\nq3\td1\t1\n");
    CliTest.Run r = eval();
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("nDCG@10                          1.0000"), r.out());
    assertTrue(r.out().contains("Recall@100                       1.0000"), r.out());
    assertTrue(r.out().contains("1 (1 judged of 3 in the qrels; 2 judged not searched, left out of the means)"),
        r.out());
    assertTrue(r.err().startsWith("warning: 2 of the 3 queries judged in the qrels are not in the queries file; the "
        + "means are over the 1 searched that are judged"), r.err());
  }

  @Test
  void twoQueriesWithOneIdAreRefused() throws IOException {
    Files.writeString(queries, "{\"_id\": \"q1\", \"text\": \"melatonin sleep\"}\n"
        + "{\"_id\": \"q1\", \"text\": \"b12 nerve\"}\n");
    assertUsageError(eval(), "query id 'q1' given twice", queries + ":1 and " + queries + ":2");
  }

  @Test
  void aRunThatCannotBeWrittenIsAUsageErrorNamingRun() {
    assertUsageError(eval("--run", dir.toString()), "the output file is a folder", "--run " + dir,
        "Give --run a file in a folder you can write");
    assertUsageError(eval("--k1", "Infinity"), "bad --k1 (Infinity)");
  }

  @Test
  void qrelsThatJudgeNoQueryOfTheFileAreRefused() throws IOException {
    Files.writeString(qrels, "");
    assertUsageError(eval(), "the qrels judge no document relevant", qrels.toString());
    Files.writeString(qrels, "query-id\tcorpus-id\tscore\nq1\td2\t0\n");
    assertUsageError(eval(), "the qrels judge no document relevant", qrels.toString());
    Files.writeString(qrels, "query-id\tcorpus-id\tscore\nx1\td2\t1\n");
    assertUsageError(eval(), "no query of the queries file is judged in the qrels", "first id q1", "first id x1");
  }

  @Test
  void aCorpusWithoutDocumentsIsRefused() throws IOException {
    // SciFact claims given as the corpus: every line lacks a document id.
    queries = Files.writeString(dir.resolve("claims.jsonl"), "{\"id\": 1, \"claim\": \"Melatonin aids sleep.\"}\n"
        + "{\"id\": 2, \"claim\": \"B12 helps nerves.\"}\n");
    Files.writeString(qrels, "query-id\tcorpus-id\tscore\n1\td2\t1\n");
    corpus = queries;
    assertUsageError(eval(), "the corpus has no documents", queries + ": 2 entries: 2 SKIPPED");
  }

  @Test
  void judgedDocumentsMissingFromTheCorpusAreCountedInAWarning() throws IOException {
    Files.writeString(qrels, "query-id\tcorpus-id\tscore\nq1\td2\t1\nq2\td1\t1\nq2\td9\t2\nq2\td8\t0\n");
    CliTest.Run r = eval();
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.err().startsWith("warning: 1 of the 3 documents judged relevant to these queries are not in the "
        + "corpus (d9); "), r.err());
  }
}
