package org.claimcheck.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimcheck.AtomicFiles;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Tally;

/**
 * One per evaluation. BM25 retrieval on a BEIR-style benchmark: indexes a corpus into a fresh index, searches every
 * query as plain words and scores the rankings against the qrels with trec_eval's conventions (see {@link Qrels}).
 */
public final class BeirEvaluation {
  /** nDCG cut-off. */
  public static final int NDCG_AT = 10;
  /** Recall cut-off, and how many hits each query retrieves. */
  public static final int RECALL_AT = 100;

  /**
   * What one evaluation measured.
   *
   * @param runs query id to its hits, in rank order (the TREC run)
   */
  public record Result(double ndcg, double recall, int queries, int judgedQueries, int documents,
      Map<String, List<SearchHit>> runs, Tally tally, double indexSeconds, double searchSeconds) {}

  private BeirEvaluation() {}

  /**
   * Indexes {@code corpus} into a temporary folder (removed afterwards), runs {@code queries} (id to text) and scores
   * them against {@code qrels}.
   */
  public static Result run(Path corpus, Map<String, String> queries, Qrels qrels, AbstractSearcher.Bm25 bm25)
      throws IOException {
    Path dir = Files.createTempDirectory("claimcheck-beir-");
    try {
      Tally tally = new Tally("index");
      long t0 = System.nanoTime();
      try (AbstractIndexer indexer = AbstractIndexer.open(dir)) {
        indexer.index(corpus, tally);
        indexer.commit();
      }
      if (tally.get("FAILED") > 0) {
        throw new ClaimcheckException("the corpus could not be read", corpus + ": " + tally.reasons(),
            "Give a BEIR corpus.jsonl (_id, title, text) or a SciFact corpus.jsonl (doc_id, title, abstract)");
      }
      long t1 = System.nanoTime();
      Map<String, List<SearchHit>> runs = new LinkedHashMap<>();
      int documents;
      try (AbstractSearcher searcher = AbstractSearcher.open(dir, bm25)) {
        documents = searcher.size();
        for (var q : queries.entrySet()) {
          runs.put(q.getKey(), searcher.search(SearchRequest.text(q.getValue(), RECALL_AT), false));
        }
      }
      long t2 = System.nanoTime();
      Map<String, List<String>> ranked = new LinkedHashMap<>();
      runs.forEach((q, hits) -> ranked.put(q, hits.stream().map(SearchHit::id).toList()));
      int judged = (int) qrels.queries().stream().filter(queries::containsKey).count();
      return new Result(qrels.mean(ranked, Qrels.Measure.NDCG, NDCG_AT),
          qrels.mean(ranked, Qrels.Measure.RECALL, RECALL_AT), queries.size(), judged, documents, runs, tally,
          (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    } finally {
      try {
        AtomicFiles.deleteRecursively(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
