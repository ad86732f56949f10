package org.claimcheck.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.claimcheck.AtomicFiles;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Tally;

/**
 * One per evaluation. Retrieval on a BEIR-style benchmark: indexes a corpus into a fresh index (with dense vectors when
 * a dense or hybrid ranking is asked for), searches every query as plain words with each ranking and scores the
 * rankings against the qrels with trec_eval's conventions (see {@link Qrels}).
 */
public final class BeirEvaluation {
  /** nDCG cut-off. */
  public static final int NDCG_AT = 10;
  /** Recall cut-off, and how many hits each query retrieves. */
  public static final int RECALL_AT = 100;

  /**
   * What one evaluation measured for one ranking.
   *
   * @param judgedQueries the queries searched that have a relevant document: those the means average over (a
   *     query judged in the qrels but not searched is left out of them)
   * @param runs query id to its hits, in rank order (the TREC run)
   * @param p50Ms median time of one search, in milliseconds (embedding the query included)
   * @param p95Ms 95th percentile of the same
   * @param relevant the documents judged relevant to a query searched, by id
   * @param missing those of {@code relevant} the corpus does not hold (no ranking can find them), sorted
   */
  public record Result(double ndcg, double recall, int queries, int judgedQueries, int documents,
      Map<String, List<SearchHit>> runs, Tally tally, double indexSeconds, double searchSeconds, double p50Ms,
      double p95Ms, int relevant, List<String> missing) {
    public Result {
      missing = List.copyOf(missing);
    }
  }

  private BeirEvaluation() {}

  /**
   * BM25 alone: indexes {@code corpus} into a temporary folder (removed afterwards), runs {@code queries} (id to text)
   * and scores them against {@code qrels}.
   */
  public static Result run(Path corpus, Map<String, String> queries, Qrels qrels, AbstractSearcher.Bm25 bm25)
      throws IOException {
    return run(corpus, queries, qrels, bm25, List.of(HybridRanker.Settings.of(HybridRanker.Mode.BM25)), null)
        .get(HybridRanker.Mode.BM25);
  }

  /**
   * Each of {@code rankings} over one temporary index; {@code vectors} embeds the corpus and the queries (needed
   * when a ranking is dense or hybrid; its cache spares later runs the embedding). Results in the order asked.
   * A corpus of which no document could be indexed is a usage error.
   */
  public static Map<HybridRanker.Mode, Result> run(Path corpus, Map<String, String> queries, Qrels qrels,
      AbstractSearcher.Bm25 bm25, List<HybridRanker.Settings> rankings, DenseVectors vectors) throws IOException {
    boolean dense = rankings.stream().anyMatch(r -> r.mode() != HybridRanker.Mode.BM25);
    if (dense && vectors == null) {
      throw new IllegalArgumentException("dense and hybrid rankings need vectors");
    }
    Path dir = Files.createTempDirectory("claimcheck-beir-");
    try {
      Tally tally = new Tally("index");
      long t0 = System.nanoTime();
      try (AbstractIndexer indexer = AbstractIndexer.open(dir, AbstractIndexer.Options.defaults(),
          dense ? vectors : null)) {
        indexer.index(corpus, tally);
        indexer.commit();
      }
      requireDocuments(corpus, tally, "--queries");
      double indexSeconds = (System.nanoTime() - t0) / 1e9;
      Set<String> judgedQueries = qrels.searched(queries.keySet());
      int judged = judgedQueries.size();
      Set<String> relevant = new TreeSet<>();
      for (String q : judgedQueries) {
        qrels.judged(q).forEach((doc, rel) -> {
          if (rel > 0) {
            relevant.add(doc);
          }
        });
      }
      List<String> missing = new ArrayList<>(relevant);
      Map<HybridRanker.Mode, Result> out = new LinkedHashMap<>();
      for (HybridRanker.Settings ranking : rankings) {
        long t1 = System.nanoTime();
        Map<String, List<SearchHit>> runs = new LinkedHashMap<>();
        double[] latencies = new double[queries.size()];
        int documents;
        try (AbstractSearcher searcher = AbstractSearcher.open(dir, bm25, ranking, dense ? vectors : null)) {
          documents = searcher.size();
          missing.removeAll(searcher.existing(relevant));
          int i = 0;
          for (var q : queries.entrySet()) {
            long s0 = System.nanoTime();
            runs.put(q.getKey(), searcher.search(SearchRequest.text(q.getValue(), RECALL_AT), false));
            latencies[i++] = (System.nanoTime() - s0) / 1e6;
          }
        }
        long t2 = System.nanoTime();
        Map<String, List<String>> ranked = new LinkedHashMap<>();
        runs.forEach((q, hits) -> ranked.put(q, hits.stream().map(SearchHit::id).toList()));
        java.util.Arrays.sort(latencies);
        out.put(ranking.mode(), new Result(qrels.mean(ranked, Qrels.Measure.NDCG, NDCG_AT),
            qrels.mean(ranked, Qrels.Measure.RECALL, RECALL_AT), queries.size(), judged, documents, runs, tally,
            indexSeconds, (t2 - t1) / 1e9, percentile(latencies, 0.5), percentile(latencies, 0.95),
            relevant.size(), missing));
      }
      return out;
    } finally {
      try {
        AtomicFiles.deleteRecursively(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Refuses a corpus that could not be read, or of which no document was indexed (a claims or queries file given as
   * the corpus: every line skipped), saying that such a file goes to {@code claimsOption}.
   */
  public static void requireDocuments(Path corpus, Tally tally, String claimsOption) {
    if (tally.get("FAILED") > 0) {
      throw new ClaimcheckException("the corpus could not be read", corpus + ": " + tally.reasons(),
          "Give a BEIR corpus.jsonl (_id, title, text) or a SciFact corpus.jsonl (doc_id, title, abstract)");
    }
    if (tally.get(AbstractIndexer.INDEXED) + tally.get(AbstractIndexer.REPLACED) == 0) {
      throw ClaimcheckException.usage("the corpus has no documents", corpus + ": " + describe(tally),
          "Give a BEIR corpus.jsonl (_id, title, text) or a SciFact corpus.jsonl (doc_id, title, abstract); a "
              + "claims or queries file goes to " + claimsOption);
    }
  }

  /** What became of a corpus's entries, e.g. {@code 2 entries: 2 SKIPPED (1 SKIPPED: line 1 has no doc_id, ...)}. */
  private static String describe(Tally tally) {
    StringBuilder sb = new StringBuilder(tally.total() + (tally.total() == 1 ? " entry" : " entries"));
    String sep = ": ";
    for (var e : tally.outcomes().entrySet()) {
      sb.append(sep).append(e.getValue()).append(' ').append(e.getKey());
      sep = ", ";
    }
    // The first few reasons: a file of the wrong kind has one per line.
    List<String> why = tally.reasons().entrySet().stream().limit(3).map(e -> e.getValue() + " " + e.getKey())
        .toList();
    if (!why.isEmpty()) {
      sb.append(" (").append(String.join(", ", why)).append(tally.reasons().size() > 3 ? ", ...)" : ")");
    }
    return sb.toString();
  }

  /** The {@code p} quantile of sorted values (nearest rank); 0 for none. */
  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
