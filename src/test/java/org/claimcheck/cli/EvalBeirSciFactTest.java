package org.claimcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.claimcheck.TestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The recorded SciFact train expectation (nDCG@10 >= 0.67 asked): slow, run with -DexcludedTestGroups=none. */
@Tag("slow")
class EvalBeirSciFactTest {
  @Test
  void scifactTrainMatchesItsRecordedExpectation() {
    String base = "scifact/";
    CliTest.Run r = CliTest.run("eval", "beir", "--corpus", TestData.shared(base + "corpus.jsonl").toString(),
        "--queries", TestData.shared(base + "claims_train.jsonl").toString(), "--qrels",
        TestData.shared(base + "qrels/train.tsv").toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().matches("(?s).*nDCG@10\\s+0\\.6\\d+\\s+0\\.6974.*ok.*"), r.out());
  }

  /** Dense and hybrid beside BM25; the first run embeds the corpus (minutes), later ones read target/'s cache. */
  @Test
  void denseAndHybridMatchTheirRecordedExpectations() {
    String base = "scifact/";
    CliTest.Run r = CliTest.run("eval", "beir", "--ranking", "all", "--embedding-cache",
        "target/scifact-embeddings", "--corpus", TestData.shared(base + "corpus.jsonl").toString(),
        "--queries", TestData.shared(base + "claims_train.jsonl").toString(), "--qrels",
        TestData.shared(base + "qrels/train.tsv").toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().matches("(?s).*BEIR hybrid.*nDCG@10\\s+0\\.7\\d+\\s+0\\.7744.*ok.*"), r.out());
    assertTrue(!r.err().contains("no recorded expectation"), r.err());
  }
}
