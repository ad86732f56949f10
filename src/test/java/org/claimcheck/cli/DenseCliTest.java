package org.claimcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.claimcheck.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code index --dense}, {@code search --ranking} and {@code eval beir --ranking all} on the invented corpus. */
class DenseCliTest {
  static final String CORPUS = TestData.resource("org/claimcheck/index/dense-corpus.jsonl").toString();

  @Test
  void denseIndexSearchesHybridAndNeverEmbedsTwice(@TempDir Path tmp) throws Exception {
    String index = tmp.resolve("index").toString();
    String cache = tmp.resolve("cache").toString();
    CliTest.Run r = CliTest.run("index", "--dense", "--embedding-cache", cache, "--index", index, CORPUS);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("vectors: 8 texts embedded"), r.err());

    CliTest.Run hybrid = CliTest.run("search", "--index", index, "--format", "trec", "--hits", "3",
        "low vitamin levels among vegans");
    assertEquals(0, hybrid.code(), hybrid.err());
    assertTrue(hybrid.out().startsWith("1 Q0 101 1 "), hybrid.out());
    CliTest.Run bm25 = CliTest.run("search", "--index", index, "--ranking", "bm25", "--format", "trec",
        "low vitamin levels among vegans");
    assertEquals(0, bm25.code(), bm25.err());
    assertFalse(bm25.out().contains(" 101 "), bm25.out());

    // Re-indexing the same records reads every vector from the cache; without --dense the index keeps its vectors.
    CliTest.Run again = CliTest.run("index", "--embedding-cache", cache, "--index", index, CORPUS);
    assertEquals(0, again.code(), again.err());
    assertTrue(again.err().contains("vectors: 0 texts embedded"), again.err());
    assertTrue(again.err().contains("the index has dense vectors"), again.err());

    CliTest.Run bad = CliTest.run("search", "--index", index, "--bm25-weight", "1.5", "vitamin");
    assertEquals(2, bad.code(), bad.err());
  }

  @Test
  void denseRankingOfAnIndexWithoutVectorsIsAUsageError(@TempDir Path tmp) {
    String index = tmp.resolve("index").toString();
    assertEquals(0, CliTest.run("index", "--index", index, CORPUS).code());
    CliTest.Run r = CliTest.run("search", "--index", index, "--ranking", "dense", "vitamin");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("index --dense"), r.err());
  }

  /** index --dense without files adds vectors to an index; a mistyped --index made an empty one, exit 0. */
  @Test
  void addingVectorsToNoIndexIsAUsageError(@TempDir Path tmp) {
    Path typo = tmp.resolve("idnex");
    CliTest.Run r = CliTest.run("index", "--dense", "--index", typo.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("error: no index to add vectors to (" + typo + ")"), r.err());
    assertFalse(java.nio.file.Files.exists(typo), "nothing created");
  }

  @Test
  void evalBeirPrintsEveryRanking(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("run.trec");
    CliTest.Run r = CliTest.run("eval", "beir", "--ranking", "all", "--embedding-cache", tmp.resolve("c").toString(),
        "--corpus", CORPUS,
        "--queries", TestData.resource("org/claimcheck/index/dense-queries.tsv").toString(),
        "--qrels", TestData.resource("org/claimcheck/index/dense-qrels.tsv").toString(), "--run", run.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("BEIR BM25"), r.out());
    assertTrue(r.out().contains("BEIR dense"), r.out());
    assertTrue(r.out().contains("BEIR hybrid"), r.out());
    assertTrue(r.out().contains("p95"), r.out());
    for (String m : new String[] {"bm25", "dense", "hybrid"}) {
      assertTrue(Files.size(tmp.resolve("run-" + m + ".trec")) > 0, m);
    }
    // The dense ranking finds all three abstracts that share no word with their query; BM25 cannot.
    assertTrue(Files.readString(tmp.resolve("run-dense.trec")).contains("q1 Q0 101 1 "));
  }
}
