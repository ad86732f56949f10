package org.claimcheck.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.TextFiles;

/**
 * Thread-safe (immutable). Relevance judgements: BEIR {@code qrels/*.tsv} ({@code query-id corpus-id score} with a
 * header) or TREC qrels ({@code qid iter docid rel}). As in trec_eval, a document is relevant when its judgement is
 * greater than 0, and a query without any relevant document is left out of the averages.
 */
public final class Qrels {
  private final Map<String, Map<String, Integer>> judgements;

  private Qrels(Map<String, Map<String, Integer>> judgements) {
    this.judgements = judgements;
  }

  /** Judgements given in code: query id to (document id to relevance). */
  public static Qrels of(Map<String, Map<String, Integer>> judgements) {
    Map<String, Map<String, Integer>> copy = new TreeMap<>();
    judgements.forEach((q, d) -> copy.put(q, Map.copyOf(d)));
    return new Qrels(Collections.unmodifiableMap(copy));
  }

  /** Reads a BEIR TSV or TREC qrels file; a malformed line is a usage error naming it. */
  public static Qrels read(Path file) throws IOException {
    Map<String, Map<String, Integer>> j = new TreeMap<>();
    try (BufferedReader r = TextFiles.reader(file)) {
      int lineNo = 0;
      for (String line; (line = r.readLine()) != null; ) {
        lineNo++;
        String s = line.strip();
        if (s.isEmpty()) {
          continue;
        }
        String[] f = s.split("\\s+");
        if (lineNo == 1 && f.length == 3 && !isInt(f[2])) {
          continue; // BEIR header: query-id corpus-id score
        }
        String q;
        String d;
        String rel;
        if (f.length == 3) {
          q = f[0];
          d = f[1];
          rel = f[2];
        } else if (f.length == 4) {
          q = f[0];
          d = f[2];
          rel = f[3];
        } else {
          throw bad(file, lineNo);
        }
        if (!isInt(rel)) {
          throw bad(file, lineNo);
        }
        j.computeIfAbsent(q, k -> new LinkedHashMap<>()).put(d, Integer.parseInt(rel));
      }
    }
    return of(j);
  }

  private static ClaimcheckException bad(Path file, int lineNo) {
    return ClaimcheckException.usage("not a qrels line", file + ":" + lineNo,
        "Give BEIR qrels (query-id<TAB>corpus-id<TAB>score) or TREC qrels (qid 0 docid rel)");
  }

  private static boolean isInt(String s) {
    return s.matches("-?\\d{1,9}");
  }

  /** The queries with at least one relevant document, sorted. */
  public Set<String> queries() {
    Set<String> out = new java.util.TreeSet<>();
    judgements.forEach((q, d) -> {
      if (d.values().stream().anyMatch(v -> v > 0)) {
        out.add(q);
      }
    });
    return out;
  }

  /** Document id to relevance for {@code query}; empty when it was not judged. */
  public Map<String, Integer> judged(String query) {
    return judgements.getOrDefault(query, Map.of());
  }

  /**
   * nDCG at {@code k} of one ranking, trec_eval's {@code ndcg_cut}: gain is the judgement, discount log2(rank + 1),
   * the ideal ranking sorts every judgement above 0.
   */
  public double ndcg(String query, List<String> ranking, int k) {
    Map<String, Integer> rels = judged(query);
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranking.size()); i++) {
      int g = rels.getOrDefault(ranking.get(i), 0);
      if (g > 0) {
        dcg += g / log2(i + 2);
      }
    }
    List<Integer> ideal = rels.values().stream().filter(v -> v > 0).sorted(Collections.reverseOrder()).toList();
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  /** Recall at {@code k}: the share of the relevant documents found in the first {@code k}. */
  public double recall(String query, List<String> ranking, int k) {
    Map<String, Integer> rels = judged(query);
    long relevant = rels.values().stream().filter(v -> v > 0).count();
    if (relevant == 0) {
      return 0;
    }
    long found = ranking.stream().limit(k).filter(d -> rels.getOrDefault(d, 0) > 0).count();
    return (double) found / relevant;
  }

  /**
   * The mean of a measure over the queries searched that have a relevant document, as BEIR's evaluator averages (a
   * query searched without hits counts 0; one judged here but not searched is left out, not counted 0). {@code runs}
   * maps each query searched to its ranking, an empty one when it found nothing; 0 when no query is judged.
   */
  public double mean(Map<String, List<String>> runs, Measure measure, int k) {
    Set<String> qs = searched(runs.keySet());
    if (qs.isEmpty()) {
      return 0;
    }
    double sum = 0;
    for (String q : qs) {
      List<String> ranking = runs.get(q);
      sum += measure == Measure.NDCG ? ndcg(q, ranking, k) : recall(q, ranking, k);
    }
    return sum / qs.size();
  }

  /** Those of {@code searched} with a relevant document here: the queries {@link #mean} averages over, sorted. */
  public Set<String> searched(java.util.Collection<String> searched) {
    Set<String> out = queries();
    out.retainAll(Set.copyOf(searched));
    return out;
  }

  /** The measures {@link #mean} computes. */
  public enum Measure {
    NDCG,
    RECALL
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
