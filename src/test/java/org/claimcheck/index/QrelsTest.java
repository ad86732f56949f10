package org.claimcheck.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrelsTest {
  @Test
  void followsTrecEvalConventions(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("qrels.txt");
    // TREC format, graded, with a non-relevant judgement and a query that has no relevant document.
    Files.writeString(f, "q1 0 a 2\nq1 0 b 1\nq1 0 c 0\nq2 0 x 0\n");
    Qrels q = Qrels.read(f);
    assertEquals(Set.of("q1"), q.queries(), "q2 has nothing relevant: left out of the means");
    // Ranking c, b, a: gains 0, 1, 2 -> DCG = 1/log2(3) + 2/log2(4); ideal 2 + 1/log2(3).
    double dcg = 1 / log2(3) + 2 / log2(4);
    double idcg = 2 + 1 / log2(3);
    assertEquals(dcg / idcg, q.ndcg("q1", List.of("c", "b", "a"), 10), 1e-12);
    assertEquals(1 / log2(3) / idcg, q.ndcg("q1", List.of("c", "b", "a"), 2), 1e-12, "cut at 2");
    assertEquals(0.5, q.recall("q1", List.of("z", "b"), 100), 1e-12);
    assertEquals(0.0, q.recall("q1", List.of("z", "b"), 1), 1e-12);
    // A query searched without hits counts 0; none searched: 0.
    assertEquals(0.0, q.mean(Map.of("q1", List.of()), Qrels.Measure.NDCG, 10), 1e-12);
    assertEquals(0.0, q.mean(Map.of(), Qrels.Measure.NDCG, 10), 1e-12);
  }

  @Test
  void meansAreOverTheJudgedQueriesSearched(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("qrels.tsv"), "query-id\tcorpus-id\tscore\nq1\ta\t1\nq2\tb\t1\nq3\tc\t1\n");
    Qrels q = Qrels.read(f);
    // q2 and q3 are judged but not searched: left out, as BEIR's evaluator leaves them (they were counted 0).
    Map<String, List<String>> runs = Map.of("q1", List.of("a"), "q9", List.of("a"));
    assertEquals(1.0, q.mean(runs, Qrels.Measure.NDCG, 10), 1e-12);
    assertEquals(1.0, q.mean(runs, Qrels.Measure.RECALL, 100), 1e-12);
    assertEquals(Set.of("q1"), q.searched(runs.keySet()));
  }

  @Test
  void readsBeirTsvWithItsHeader(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("train.tsv");
    Files.writeString(f, "query-id\tcorpus-id\tscore\n0\t31715818\t1\n2\t13734012\t1\n");
    Qrels q = Qrels.read(f);
    assertEquals(Set.of("0", "2"), q.queries());
    assertEquals(1.0, q.mean(Map.of("0", List.of("31715818"), "2", List.of("x", "13734012")), Qrels.Measure.RECALL,
        100), 1e-12);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
