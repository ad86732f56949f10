package org.claimcheck.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.claimcheck.Tally;
import org.claimcheck.claim.Lexicon;
import org.claimcheck.encoder.OnnxModel;

/**
 * Tuning of the hybrid ranking on the SciFact train claims only, with honest figures: every family of rankings
 * (BM25, dense by abstract, by best sentence, mixtures, min-max and reciprocal-rank fusions) is scored over its
 * parameter grid; the parameters are then chosen on one half of the judged claims and scored on the other half
 * (2-fold, repeated over 10 random splits), which is the figure to quote. Exhaustive (brute-force) dense scores, so
 * the figures measure the fusion, not HNSW's approximation. Vectors come from the embedding cache (see
 * {@link ScifactVectors}; the first run embeds the corpus, minutes on 2 cores).
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.mainClass=org.claimcheck.index.HybridTuning \
 *   -Dexec.args="corpus/embedding-cache"</pre>
 */
public final class HybridTuning {
  private HybridTuning() {}

  /** One query's scores: BM25 (top 1000, by record index) and exact dense scores over the whole corpus. */
  record QueryScores(Map<Integer, Float> bm25, Map<Integer, Float> bm25Lex, float[] abstractCos, float[] sentenceMax,
      float[] abstractCosPrefixed, float[] sentenceMaxPrefixed) {}

  public static void main(String[] args) throws Exception {
    Path cache = Path.of(args.length > 0 ? args[0] : "corpus/embedding-cache");
    Path corpus = Path.of("../shared/data/scifact/corpus.jsonl");
    Path claimsFile = Path.of("../shared/data/scifact/claims_train.jsonl");
    Qrels qrels = Qrels.read(Path.of("../shared/data/scifact/qrels/train.tsv"));
    ScifactVectors v = ScifactVectors.load(cache, 2, 16, true);
    int n = v.records.size();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(v.records.get(i).id(), i);
    }
    Path dir = Files.createTempDirectory("claimcheck-tuning-");
    Map<String, QueryScores> scores = new LinkedHashMap<>();
    Lexicon lexicon = Lexicon.builtin();
    try (AbstractIndexer indexer = AbstractIndexer.open(dir)) {
      indexer.index(corpus, new Tally("index"));
      indexer.commit();
    }
    try (AbstractSearcher searcher = AbstractSearcher.open(dir, AbstractSearcher.Bm25.DEFAULT)) {
      for (var e : v.claims.entrySet()) {
        if (!qrels.queries().contains(e.getKey())) {
          continue;
        }
        Map<Integer, Float> bm = new HashMap<>();
        for (SearchHit h : searcher.search(SearchRequest.text(e.getValue(), 1000), false)) {
          bm.put(index.get(h.id()), h.score());
        }
        List<String> extra = lexicon.expand(e.getValue());
        Map<Integer, Float> bmLex = bm;
        if (!extra.isEmpty()) {
          bmLex = new HashMap<>();
          for (SearchHit h : searcher.search(SearchRequest.text(e.getValue() + " " + String.join(" ", extra), 1000),
              false)) {
            bmLex.put(index.get(h.id()), h.score());
          }
        }
        float[] q = v.claimsPlain.get(e.getKey());
        float[] qp = v.claimsPrefixed.get(e.getKey());
        float[] a = new float[n];
        float[] s = new float[n];
        float[] ap = new float[n];
        float[] sp = new float[n];
        for (int i = 0; i < n; i++) {
          a[i] = dot(q, v.abstracts[i]);
          ap[i] = dot(qp, v.abstracts[i]);
          float best = -1;
          float bestP = -1;
          for (float[] sv : v.sentences[i]) {
            best = Math.max(best, dot(q, sv));
            bestP = Math.max(bestP, dot(qp, sv));
          }
          s[i] = v.sentences[i].length == 0 ? a[i] : best;
          sp[i] = v.sentences[i].length == 0 ? ap[i] : bestP;
        }
        scores.put(e.getKey(), new QueryScores(bm, bmLex, a, s, ap, sp));
      }
    }
    org.claimcheck.AtomicFiles.deleteRecursively(dir);
    List<String> ids = v.records.stream().map(r -> r.id()).toList();
    List<String> queries = new ArrayList<>(scores.keySet());
    System.out.printf(Locale.ROOT, "%d judged train claims, %d abstracts%n", queries.size(), n);

    Map<String, Map<String, Function<QueryScores, float[]>>> families = new LinkedHashMap<>();
    families.put("bm25", Map.of("-", qs -> sparse(qs.bm25(), n)));
    // The shipped ranking's grid, finer: min-max over the candidates of BM25 and dense by abstract, no instruction.
    Map<String, Function<QueryScores, float[]>> fine = new LinkedHashMap<>();
    for (double w : new double[] {0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5}) {
      for (int k : new int[] {50, 100, 200}) {
        fine.put("w=" + w + " k=" + k, qs -> minMax(qs.bm25(), qs.abstractCos(), w, k, n));
      }
    }
    families.put("SHIPPED GRID minmax over candidates: bm25 + dense abstract", fine);
    for (double w : new double[] {0.1, 0.2, 0.3, 0.5}) {
      families.put("  fixed w=" + w + " k=100", Map.of("-", qs -> minMax(qs.bm25(), qs.abstractCos(), w, 100, n)));
    }
    if (args.length > 1 && args[1].equals("--focused")) {
      families.put("dense abstract", Map.of("-", qs -> qs.abstractCos()));
    } else {
      addFamilies(families, n);
    }
    printFamilies(families, scores, queries, ids, qrels);
  }

  static void addFamilies(Map<String, Map<String, Function<QueryScores, float[]>>> families, int n) {
    families.put("bm25+lexicon", Map.of("-", qs -> sparse(qs.bm25Lex(), n)));
    for (boolean pre : new boolean[] {false, true}) {
      String p = pre ? " (instruction)" : "";
      families.put("dense abstract" + p, Map.of("-", qs -> pre ? qs.abstractCosPrefixed() : qs.abstractCos()));
      families.put("dense best sentence" + p, Map.of("-", qs -> pre ? qs.sentenceMaxPrefixed() : qs.sentenceMax()));
      Map<String, Function<QueryScores, float[]>> mix = new LinkedHashMap<>();
      for (double a : new double[] {0.2, 0.35, 0.5, 0.65, 0.8}) {
        mix.put("a=" + a, qs -> mixDense(qs, pre, a));
      }
      families.put("dense abstract*a + sentence*(1-a)" + p, mix);
      for (boolean sent : new boolean[] {false, true}) {
        for (boolean lex : new boolean[] {false, true}) {
          String name = (lex ? "bm25+lexicon" : "bm25") + " + " + (sent ? "dense mix" : "dense abstract") + p;
          Map<String, Function<QueryScores, float[]>> mm = new LinkedHashMap<>();
          Map<String, Function<QueryScores, float[]>> rrf = new LinkedHashMap<>();
          Map<String, Function<QueryScores, float[]>> listNorm = new LinkedHashMap<>();
          double[] alphas = sent ? new double[] {0.35, 0.5, 0.65} : new double[] {1.0};
          for (double a : alphas) {
            for (double w : new double[] {0.2, 0.3, 0.4, 0.5, 0.6}) {
              for (int k : new int[] {100, 1000}) {
                mm.put("a=" + a + " w=" + w + " k=" + k, qs -> minMax(lex ? qs.bm25Lex() : qs.bm25(),
                    mixDense(qs, pre, a), w, k, n));
                listNorm.put("a=" + a + " w=" + w + " k=" + k, qs -> listMinMax(lex ? qs.bm25Lex() : qs.bm25(),
                    mixDense(qs, pre, a), w, k, n));
              }
            }
            for (int c : new int[] {10, 30, 60}) {
              for (double w : new double[] {0.3, 0.5, 0.7}) {
                rrf.put("a=" + a + " c=" + c + " w=" + w, qs -> rrf(lex ? qs.bm25Lex() : qs.bm25(),
                    mixDense(qs, pre, a), c, w, n));
              }
            }
          }
          families.put("minmax over candidates: " + name, mm);
          families.put("minmax per list: " + name, listNorm);
          families.put("rrf: " + name, rrf);
        }
      }
    }
  }

  static void printFamilies(Map<String, Map<String, Function<QueryScores, float[]>>> families,
      Map<String, QueryScores> scores, List<String> queries, List<String> ids, Qrels qrels) {
    System.out.printf(Locale.ROOT, "%-72s %8s %8s %8s %8s  %s%n", "family", "nDCG@10", "R@100", "CV nDCG", "CV R@100",
        "best on all train");
    for (var fam : families.entrySet()) {
      Map<String, double[]> perParam = new LinkedHashMap<>();
      Map<String, double[]> perParamRecall = new LinkedHashMap<>();
      for (var param : fam.getValue().entrySet()) {
        double[] nd = new double[queries.size()];
        double[] rc = new double[queries.size()];
        for (int qi = 0; qi < queries.size(); qi++) {
          String q = queries.get(qi);
          List<String> ranking = top(param.getValue().apply(scores.get(q)), ids, 100);
          nd[qi] = qrels.ndcg(q, ranking, 10);
          rc[qi] = qrels.recall(q, ranking, 100);
        }
        perParam.put(param.getKey(), nd);
        perParamRecall.put(param.getKey(), rc);
      }
      String best = argmax(perParam, null);
      double cvN = 0;
      double cvR = 0;
      int splits = 10;
      for (int seed = 0; seed < splits; seed++) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
          order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        boolean[] inA = new boolean[queries.size()];
        for (int i = 0; i < order.size() / 2; i++) {
          inA[order.get(i)] = true;
        }
        for (boolean foldA : new boolean[] {true, false}) {
          boolean[] tune = new boolean[queries.size()];
          for (int i = 0; i < tune.length; i++) {
            tune[i] = inA[i] == foldA;
          }
          String chosen = argmax(perParam, tune);
          double sn = 0;
          double sr = 0;
          int cnt = 0;
          for (int i = 0; i < tune.length; i++) {
            if (!tune[i]) {
              sn += perParam.get(chosen)[i];
              sr += perParamRecall.get(chosen)[i];
              cnt++;
            }
          }
          cvN += sn / cnt / (2 * splits);
          cvR += sr / cnt / (2 * splits);
        }
      }
      System.out.printf(Locale.ROOT, "%-72s %8.4f %8.4f %8.4f %8.4f  %s%n", fam.getKey(), mean(perParam.get(best)),
          mean(perParamRecall.get(best)), cvN, cvR, best);
    }
  }

  static float dot(float[] a, float[] b) {
    float s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static float[] sparse(Map<Integer, Float> m, int n) {
    float[] out = new float[n];
    Arrays.fill(out, Float.NEGATIVE_INFINITY);
    m.forEach((i, s) -> out[i] = s);
    return out;
  }

  static float[] mixDense(QueryScores qs, boolean pre, double a) {
    float[] ab = pre ? qs.abstractCosPrefixed() : qs.abstractCos();
    if (a >= 1) {
      return ab;
    }
    float[] se = pre ? qs.sentenceMaxPrefixed() : qs.sentenceMax();
    float[] out = new float[ab.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (a * ab[i] + (1 - a) * se[i]);
    }
    return out;
  }

  /** Indexes of the {@code k} best scores, best first, ties by index. */
  static int[] topIdx(float[] s, int k) {
    long[] keys = new long[s.length];
    for (int i = 0; i < s.length; i++) {
      int bits = Float.floatToIntBits(s[i]);
      bits ^= (bits >> 31) & 0x7fffffff;
      keys[i] = ((long) ~bits << 32) | i;
    }
    Arrays.sort(keys);
    int m = Math.min(k, s.length);
    int[] out = new int[m];
    for (int i = 0; i < m; i++) {
      out[i] = (int) keys[i];
    }
    return out;
  }

  /**
   * Candidates: the best {@code k} of each; each score min-max normalised over the candidates (BM25 0 where the
   * record is not among BM25's matches), then {@code w * bm25 + (1 - w) * dense}.
   */
  static float[] minMax(Map<Integer, Float> bm25, float[] dense, double w, int k, int n) {
    float[] bm = sparse(bm25, n);
    java.util.Set<Integer> cand = new java.util.HashSet<>();
    for (int i : topIdx(bm, Math.min(k, bm25.size()))) {
      cand.add(i);
    }
    for (int i : topIdx(dense, k)) {
      cand.add(i);
    }
    float bMin = Float.MAX_VALUE;
    float bMax = -Float.MAX_VALUE;
    float dMin = Float.MAX_VALUE;
    float dMax = -Float.MAX_VALUE;
    for (int i : cand) {
      float b = bm25.getOrDefault(i, 0f);
      bMin = Math.min(bMin, b);
      bMax = Math.max(bMax, b);
      dMin = Math.min(dMin, dense[i]);
      dMax = Math.max(dMax, dense[i]);
    }
    float[] out = new float[n];
    Arrays.fill(out, Float.NEGATIVE_INFINITY);
    for (int i : cand) {
      double b = bMax > bMin ? (bm25.getOrDefault(i, 0f) - bMin) / (bMax - bMin) : 0;
      double d = dMax > dMin ? (dense[i] - dMin) / (dMax - dMin) : 0;
      out[i] = (float) (w * b + (1 - w) * d);
    }
    return out;
  }

  /** Each list of {@code k} normalised on its own, a record missing from a list scoring 0 there. */
  static float[] listMinMax(Map<Integer, Float> bm25, float[] dense, double w, int k, int n) {
    float[] bm = sparse(bm25, n);
    int[] tb = topIdx(bm, Math.min(k, bm25.size()));
    int[] td = topIdx(dense, k);
    float[] out = new float[n];
    Arrays.fill(out, Float.NEGATIVE_INFINITY);
    Map<Integer, Double> fused = new HashMap<>();
    if (tb.length > 0) {
      float max = bm[tb[0]];
      float min = bm[tb[tb.length - 1]];
      for (int i : tb) {
        fused.merge(i, w * (max > min ? (bm[i] - min) / (max - min) : 1), Double::sum);
      }
    }
    float max = dense[td[0]];
    float min = dense[td[td.length - 1]];
    for (int i : td) {
      fused.merge(i, (1 - w) * (max > min ? (dense[i] - min) / (max - min) : 1), Double::sum);
    }
    fused.forEach((i, s) -> out[i] = s.floatValue());
    return out;
  }

  static float[] rrf(Map<Integer, Float> bm25, float[] dense, int c, double w, int n) {
    float[] bm = sparse(bm25, n);
    int[] tb = topIdx(bm, Math.min(1000, bm25.size()));
    int[] td = topIdx(dense, 1000);
    float[] out = new float[n];
    Arrays.fill(out, Float.NEGATIVE_INFINITY);
    Map<Integer, Double> fused = new HashMap<>();
    for (int r = 0; r < tb.length; r++) {
      fused.merge(tb[r], w / (c + r + 1), Double::sum);
    }
    for (int r = 0; r < td.length; r++) {
      fused.merge(td[r], (1 - w) / (c + r + 1), Double::sum);
    }
    fused.forEach((i, s) -> out[i] = s.floatValue());
    return out;
  }

  static List<String> top(float[] s, List<String> ids, int k) {
    List<String> out = new ArrayList<>();
    for (int i : topIdx(s, k)) {
      if (s[i] == Float.NEGATIVE_INFINITY) {
        break;
      }
      out.add(ids.get(i));
    }
    return out;
  }

  static String argmax(Map<String, double[]> perParam, boolean[] mask) {
    String best = null;
    double bestV = -1;
    for (var e : perParam.entrySet()) {
      double s = 0;
      for (int i = 0; i < e.getValue().length; i++) {
        if (mask == null || mask[i]) {
          s += e.getValue()[i];
        }
      }
      if (s > bestV + 1e-12) {
        bestV = s;
        best = e.getKey();
      }
    }
    return best;
  }

  static double mean(double[] a) {
    return Arrays.stream(a).average().orElse(0);
  }
}
