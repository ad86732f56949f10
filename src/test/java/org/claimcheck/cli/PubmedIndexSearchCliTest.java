package org.claimcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimcheck.TestData;
import org.claimcheck.pubmed.FakeEutils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pubmed}, {@code index}, {@code search} and {@code eval beir} through the command line. */
class PubmedIndexSearchCliTest {
  static CliTest.Run run(String... args) {
    return CliTest.run(args);
  }

  @Test
  void theNewCommandsDescribeThemselves() {
    for (List<String> c : List.of(List.of("pubmed"), List.of("eval", "beir"))) {
      String[] args = new java.util.ArrayList<>(c) {{ add("--help"); }}.toArray(String[]::new);
      CliTest.Run r = run(args);
      assertEquals(0, r.code(), r.err());
      assertTrue(r.out().startsWith("Usage: claimcheck " + String.join(" ", c)), r.out());
    }
  }

  @Test
  void downloadsFromEutilsThenIndexesAndPagesThroughTheResults(@TempDir Path dir) throws Exception {
    try (FakeEutils fake = new FakeEutils().with("vitamin b12", 90001001, 90001012)) {
      Path out = dir.resolve("pubmed");
      CliTest.Run got = run("pubmed", "--query", "vitamin b12", "--max", "12", "--batch", "5", "--out", out.toString(),
          "--eutils-url", fake.base().toString(), "--api-key", "KEY");
      assertEquals(0, got.code(), got.err());
      assertTrue(got.err().contains("12 records match"), got.err());
      assertTrue(got.err().contains("12 fetched into 3 files"), got.err());
      assertEquals(3, got.out().strip().lines().count());
      assertEquals("KEY", fake.requests("efetch").getFirst().params().get("api_key"));

      String idx = dir.resolve("idx").toString();
      CliTest.Run index = run("index", "--index", idx, out.toString());
      assertEquals(0, index.code(), index.err());
      assertTrue(index.err().contains("12 INDEXED"), index.err());
      assertTrue(index.err().matches("(?s).*records/s indexed.*"), index.err());

      // A second download with --skip-indexed asks PubMed for nothing new.
      Files.list(out).forEach(f -> f.toFile().delete());
      CliTest.Run again = run("pubmed", "--query", "vitamin b12", "--max", "12", "--out", out.toString(),
          "--eutils-url", fake.base().toString(), "--skip-indexed", "--index", idx);
      assertEquals(0, again.code(), again.err());
      assertTrue(again.err().contains("0 fetched into 0 files") && again.err().contains("12 already indexed"),
          again.err());

      CliTest.Run page2 = run("search", "--index", idx, "melatonin", "--hits", "5", "--page", "2", "--format", "json");
      assertEquals(0, page2.code(), page2.err());
      assertTrue(page2.out().contains("\"total\":12"), page2.out());
      assertTrue(page2.out().contains("\"offset\":5"), page2.out());
      assertTrue(page2.out().contains("\"rank\":6"), page2.out());
      CliTest.Run trec = run("search", "--index", idx, "melatonin", "--hits", "12", "--format", "trec");
      String[] lines = trec.out().strip().split("\n");
      assertEquals(12, lines.length);
      for (int i = 1; i < lines.length; i++) {
        assertTrue(Double.parseDouble(lines[i].split(" ")[4]) < Double.parseDouble(lines[i - 1].split(" ")[4]),
            "TREC scores strictly decrease: " + lines[i - 1] + " / " + lines[i]);
      }
      CliTest.Run badPage = run("search", "--index", idx, "melatonin", "--page", "0");
      assertEquals(2, badPage.code());
    }
  }

  @Test
  void pubmedChecksItsOptionsBeforeAnyRequest(@TempDir Path dir) {
    CliTest.Run max = run("pubmed", "--query", "b12", "--max", "20000", "--out", dir.toString());
    assertEquals(2, max.code());
    assertTrue(max.err().contains("--max must be between 1 and 10000"), max.err());
    CliTest.Run url = run("pubmed", "--query", "b12", "--eutils-url", "ftp://x/", "--out", dir.toString());
    assertEquals(2, url.code());
    assertTrue(url.err().startsWith("error: bad --eutils-url"), url.err());
  }

  @Test
  void evalBeirScoresARunAndChecksTheRecordedExpectation(@TempDir Path dir) throws Exception {
    Path corpus = dir.resolve("corpus.jsonl");
    Files.writeString(corpus, String.join("\n",
        "{\"_id\": \"d1\", \"title\": \"Vitamin B12 and neuropathy\", \"text\": \"Cobalamin improved nerve function.\"}",
        "{\"_id\": \"d2\", \"title\": \"Melatonin and sleep\", \"text\": \"Melatonin shortened sleep latency.\"}",
        "{\"_id\": \"d3\", \"title\": \"Omega-3 and IL-6\", \"text\": \"Omega-3 lowered IL-6 in COVID-19.\"}", ""));
    Path queries = dir.resolve("queries.jsonl");
    Files.writeString(queries, "{\"_id\": \"q1\", \"text\": \"melatonin sleep\"}\n"
        + "{\"_id\": \"q2\", \"text\": \"IL-6 and omega-3\"}\n{\"_id\": \"q3\", \"text\": \"b12 nerve\"}\n");
    Path qrels = dir.resolve("qrels.tsv");
    Files.writeString(qrels, "query-id\tcorpus-id\tscore\nq1\td2\t1\nq2\td3\t1\nq3\td2\t1\nq3\td1\t1\n");
    // By hand: q1 and q2 find their one relevant document first (nDCG 1, recall 1); q3 finds d1 first but never d2,
    // which shares no word with it: DCG 1, ideal 1 + 1/log2(3), nDCG 0.6131, recall 0.5. Means: 0.8710 and 0.8333.
    Path expect = dir.resolve("expect.json");
    Files.writeString(expect, "{\"name\": \"tiny\", \"suite\": \"beir\", \"inputs\": {}, \"options\": {}, "
        + "\"metrics\": {\"nDCG@10\": {\"expected\": 0.8710, \"tolerance\": 0.0001}, "
        + "\"Recall@100\": {\"expected\": 0.8333, \"tolerance\": 0.0001}}}");
    Path runFile = dir.resolve("run.trec");
    CliTest.Run r = run("eval", "beir", "--corpus", corpus.toString(), "--queries", queries.toString(), "--qrels",
        qrels.toString(), "--expect", expect.toString(), "--run", runFile.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("nDCG@10"), r.out());
    assertTrue(Files.readString(runFile).startsWith("q1 Q0 d2 1 "), Files.readString(runFile));
    Files.writeString(expect, Files.readString(expect).replace("0.8710", "0.95"));
    CliTest.Run off = run("eval", "beir", "--corpus", corpus.toString(), "--queries", queries.toString(), "--qrels",
        qrels.toString(), "--expect", expect.toString());
    assertEquals(3, off.code(), off.out() + off.err());
    TestData.resource("org/claimcheck/pubmed/invented-pubmed.xml");
  }
}
