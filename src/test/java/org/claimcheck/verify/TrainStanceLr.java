package org.claimcheck.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.claimcheck.AtomicFiles;
import org.claimcheck.Hashes;
import org.claimcheck.Json;
import org.claimcheck.claim.Claim;
import org.claimcheck.claim.ClaimsFile;
import org.claimcheck.claim.Lexicon;
import org.claimcheck.encoder.OnnxModel;
import org.claimcheck.index.AbstractSearcher;
import org.claimcheck.index.DenseVectors;
import org.claimcheck.index.HybridRanker;
import org.claimcheck.index.SearchHit;
import org.claimcheck.pubmed.PubmedRecord;

/**
 * Trains the trained stance model ({@link TrainedStanceModel}) on SciFact train claims and cross-validates it through
 * the {@link Verifier}: 5 folds grouped by abstract (claims that share a cited or evidence abstract are in one fold,
 * union-find), thresholds (rationale, support) chosen inside each outer fold on out-of-fold predictions of its training
 * folds (nested), the four SciFact F1 figures of the pooled held-out predictions and of each fold printed. Then fits
 * the shipped model on every claim (thresholds from the outer out-of-fold predictions) and writes it with its feature
 * list, input checksums and the CV figures.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.mainClass=org.claimcheck.verify.TrainStanceLr -Dexec.args="\
 *   --claims ../shared/data/scifact/claims_train.jsonl --corpus ../shared/data/scifact/corpus.jsonl \
 *   --index corpus/scifact --embedding-cache corpus/scifact-embeddings --contradiction-rule --unbalanced-label \
 *   --verdicts target/stance-lr-cv-verdicts.jsonl --output src/main/resources/org/claimcheck/verify/stance-lr.json"
 * </pre>
 * Options: {@code --verdicts FILE} (the out-of-fold verdicts, raw confidences, for src/training/calibrate.py),
 * {@code --contradiction-rule} and {@code --unbalanced-label} (the shipped settings: see {@link TrainedStanceModel};
 * the label model's classes are balanced unless told), {@code --balanced-selector}, {@code --augment} /
 * {@code --augment-sentences} / {@code --augment-weight W} (negated claims and sentences with the opposite label added
 * to the label model's rows; measured worse), {@code --lambda L} (L2 penalty, default 1), {@code --drop f1,f2} (features left out), {@code --dense}
 * (keep {@code dense_cosine}: sentence vectors from bge-small through the embedding cache), {@code --candidates M},
 * {@code --abstracts K}, {@code --folds N} (5), no {@code --output}: CV only.
 */
public final class TrainStanceLr {
  private TrainStanceLr() {}

  static final double[] RATIONALE_GRID = {0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6};
  static final double[] SUPPORT_GRID = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};

  record Gold(String claimId, Set<String> docs, Map<String, Set<Integer>> rationale, Map<String, String> label,
      Map<String, List<Set<Integer>>> rationaleSets, Set<String> cited) {}

  public static void main(String[] args) throws Exception {
    Path claimsFile = null;
    Path corpus = null;
    Path index = null;
    Path cacheDir = null;
    Path output = null;
    Path verdictsFile = null;
    double lambda = 1;
    boolean dense = false;
    boolean balancedSelector = false;
    boolean balancedLabel = true;
    boolean augment = false;
    boolean contradictionRule = false;
    boolean augmentSentences = false;
    double augmentWeight = 1;
    List<String> drop = new ArrayList<>();
    int candidates = Verifier.DEFAULT_CANDIDATES;
    int abstracts = Verifier.DEFAULT_ABSTRACTS;
    int nFolds = 5;
    int evidence = Verifier.DEFAULT_EVIDENCE_ABSTRACTS;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--claims" -> claimsFile = Path.of(args[++i]);
        case "--corpus" -> corpus = Path.of(args[++i]);
        case "--index" -> index = Path.of(args[++i]);
        case "--embedding-cache" -> cacheDir = Path.of(args[++i]);
        case "--output" -> output = Path.of(args[++i]);
        case "--verdicts" -> verdictsFile = Path.of(args[++i]);
        case "--lambda" -> lambda = Double.parseDouble(args[++i]);
        case "--dense" -> dense = true;
        case "--augment" -> augment = true;
        case "--contradiction-rule" -> contradictionRule = true;
        case "--augment-sentences" -> augmentSentences = true;
        case "--augment-weight" -> augmentWeight = Double.parseDouble(args[++i]);
        case "--balanced-selector" -> balancedSelector = true;
        case "--unbalanced-label" -> balancedLabel = false;
        case "--drop" -> drop.addAll(Arrays.asList(args[++i].split(",")));
        case "--candidates" -> candidates = Integer.parseInt(args[++i]);
        case "--abstracts" -> abstracts = Integer.parseInt(args[++i]);
        case "--folds" -> nFolds = Integer.parseInt(args[++i]);
        case "--evidence-abstracts" -> evidence = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (claimsFile == null || index == null || corpus == null) {
      throw new IllegalArgumentException("give --claims FILE --corpus FILE --index DIR");
    }
    List<String> features = new ArrayList<>(StanceFeatures.NAMES);
    if (!dense) {
      features.remove("dense_cosine");
    }
    features.removeAll(drop);
    features.removeAll(StanceFeatures.RULE_ONLY);
    long t0 = System.nanoTime();
    List<Claim> claims = ClaimsFile.read(claimsFile);
    Map<String, Gold> gold = readGold(claimsFile);
    int[] fold = folds(claims, gold, nFolds);
    Lexicon lexicon = Lexicon.builtin();
    Verifier.Options options = new Verifier.Options(abstracts, 3, true, candidates, 0.5,
        Math.min(abstracts, evidence));
    try (DenseVectors vectors = DenseVectors.open(cacheDir, OnnxModel.Options.defaults(),
        HybridRanker.Settings.DEFAULT_QUERY_PREFIX);
        AbstractSearcher searcher = AbstractSearcher.open(index, AbstractSearcher.Bm25.DEFAULT,
            HybridRanker.Settings.of(HybridRanker.Mode.AUTO), vectors.borrowed())) {
      System.err.println("ranking: " + searcher.ranking());
      StanceFeatures extractor = new StanceFeatures(lexicon,
          dense ? text -> vectors.passages(List.of(text))[0] : null);
      FeatureMemo memo = new FeatureMemo(TrainedStanceModel.extractor(extractor));
      // Retrieval, once.
      Verifier retriever = new Verifier(searcher, new RuleStanceModel(), lexicon, options);
      List<List<SearchHit>> hits = new ArrayList<>();
      int goldRetrieved = 0;
      int goldTotal = 0;
      for (Claim c : claims) {
        List<SearchHit> h = retriever.retrieve(c);
        hits.add(h);
        Set<String> docs = gold.get(c.id()).docs();
        goldTotal += docs.size();
        goldRetrieved += (int) h.stream().filter(x -> docs.contains(x.id())).count();
      }
      System.err.printf(Locale.ROOT, "retrieval: %d of %d gold abstracts in the top %d (%.1f s)%n", goldRetrieved,
          goldTotal, abstracts, (System.nanoTime() - t0) / 1e9);
      // Training rows per claim: every sentence of the retrieved abstracts (selector), and every gold rationale
      // sentence (label model).
      List<List<double[]>> selX = new ArrayList<>();
      List<List<Boolean>> selY = new ArrayList<>();
      List<List<double[]>> labX = new ArrayList<>();
      List<List<Boolean>> labY = new ArrayList<>();
      List<List<Double>> labW = new ArrayList<>();
      Map<String, List<Object[]>> augmented = new LinkedHashMap<>();
      for (int i = 0; i < claims.size(); i++) {
        Claim c = claims.get(i);
        Gold g = gold.get(c.id());
        List<SearchHit> h = hits.get(i);
        double top = h.isEmpty() ? 0 : h.getFirst().score();
        List<SentenceContext> ctx = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        Map<String, Integer> rankOf = new HashMap<>();
        for (int r = 0; r < h.size(); r++) {
          PubmedRecord rec = h.get(r).record();
          rankOf.put(rec.id(), r);
          Set<Integer> rat = g.rationale().getOrDefault(rec.id(), Set.of());
          for (int s = 0; s < rec.sentences().size(); s++) {
            ctx.add(SentenceContext.of(rec.sentences(), s, r, h.get(r).score(), top));
            y.add(rat.contains(s));
          }
        }
        selX.add(memo.features(c.claim(), ctx));
        selY.add(y);
        List<SentenceContext> lctx = new ArrayList<>();
        List<Boolean> ly = new ArrayList<>();
        List<Double> lw = new ArrayList<>();
        for (var e : new TreeMap<>(g.rationale()).entrySet()) {
          PubmedRecord rec = searcher.get(e.getKey());
          if (rec == null) {
            continue;
          }
          Integer r = rankOf.get(rec.id());
          for (int s : e.getValue()) {
            if (s < rec.sentences().size()) {
              lctx.add(SentenceContext.of(rec.sentences(), s, r == null ? abstracts : r,
                  r == null ? 0 : h.get(r).score(), top));
              boolean support = "SUPPORT".equals(g.label().get(e.getKey()));
              ly.add(support);
              lw.add(1.0);
              if (augment) {
                // The claim negated with the opposite label (training rows only).
                augmented.computeIfAbsent(negate(c.claim()), k -> new ArrayList<>()).add(new Object[] {
                    SentenceContext.of(rec.sentences(), s, r == null ? abstracts : r, r == null ? 0 : h.get(r).score(),
                        top), !support});
              }
              if (augment || augmentSentences) {
                // The sentence negated with the opposite label (training rows only).
                List<String> sentences = new ArrayList<>(rec.sentences());
                sentences.set(s, negate(sentences.get(s)));
                lctx.add(SentenceContext.of(sentences, s, r == null ? abstracts : r, r == null ? 0 : h.get(r).score(),
                    top));
                ly.add(!support);
                lw.add(augmentWeight);
              }
            }
          }
        }
        List<double[]> lx = new ArrayList<>(memo.features(c.claim(), lctx));
        for (var e : augmented.entrySet()) {
          for (Object[] row : e.getValue()) {
            lx.add(memo.features(e.getKey(), List.of((SentenceContext) row[0])).getFirst());
            ly.add((Boolean) row[1]);
            lw.add(augmentWeight);
          }
        }
        augmented.clear();
        labX.add(lx);
        labY.add(ly);
        labW.add(lw);
      }
      System.err.printf(Locale.ROOT, "features: %d selector rows, %d label rows (%.1f s)%n",
          selX.stream().mapToInt(List::size).sum(), labX.stream().mapToInt(List::size).sum(),
          (System.nanoTime() - t0) / 1e9);
      Data data = new Data(claims, gold, hits, selX, selY, labX, labY, labW, features, lambda, memo, searcher, lexicon,
          options, balancedSelector, balancedLabel, contradictionRule);
      // Outer CV with nested threshold choice.
      ClaimVerdict[] heldOut = new ClaimVerdict[claims.size()];
      Map<String, double[]> outerGrid = new LinkedHashMap<>();
      List<double[]> perFold = new ArrayList<>();
      for (int k = 0; k < nFolds; k++) {
        final int kk = k;
        boolean[] train = new boolean[claims.size()];
        for (int i = 0; i < claims.size(); i++) {
          train[i] = fold[i] != kk;
        }
        // Inner: out-of-fold predictions of the training folds for every threshold pair.
        Map<String, ClaimVerdict[]> inner = new LinkedHashMap<>();
        for (int j = 0; j < nFolds; j++) {
          if (j == k) {
            continue;
          }
          boolean[] innerTrain = new boolean[claims.size()];
          boolean[] innerTest = new boolean[claims.size()];
          for (int i = 0; i < claims.size(); i++) {
            innerTrain[i] = train[i] && fold[i] != j;
            innerTest[i] = fold[i] == j;
          }
          Fitted f = data.fit(innerTrain);
          for (double rt : RATIONALE_GRID) {
            for (double st : SUPPORT_GRID) {
              ClaimVerdict[] v = inner.computeIfAbsent(key(rt, st), x -> new ClaimVerdict[claims.size()]);
              data.predict(f, rt, st, innerTest, v);
            }
          }
        }
        String best = null;
        double bestScore = -1;
        for (var e : inner.entrySet()) {
          double[] s = data.score(e.getValue(), train);
          double mean = (s[0] + s[1] + s[2] + s[3]) / 4;
          if (mean > bestScore + 1e-12) {
            bestScore = mean;
            best = e.getKey();
          }
        }
        double rt = Double.parseDouble(best.split(" ")[0]);
        double st = Double.parseDouble(best.split(" ")[1]);
        Fitted f = data.fit(train);
        boolean[] test = new boolean[claims.size()];
        for (int i = 0; i < claims.size(); i++) {
          test[i] = !train[i];
        }
        data.predict(f, rt, st, test, heldOut);
        double[] s = data.score(heldOut, test);
        perFold.add(s);
        System.err.printf(Locale.ROOT, "fold %d (%d claims): thresholds %s (inner mean %.4f): %s%n", k,
            countTrue(test), best, bestScore, fmt(s));
        // For the final model's thresholds: this fold's held-out predictions at every threshold pair.
        for (double r2 : RATIONALE_GRID) {
          for (double s2 : SUPPORT_GRID) {
            ClaimVerdict[] v = new ClaimVerdict[claims.size()];
            data.predict(f, r2, s2, test, v);
            outerGrid.putIfAbsent(key(r2, s2), new double[0]);
            data.collect(key(r2, s2), v, test);
          }
        }
      }
      boolean[] all = new boolean[claims.size()];
      Arrays.fill(all, true);
      double[] cv = data.score(heldOut, all);
      if (verdictsFile != null) {
        // Out-of-fold verdicts with raw confidences, for src/training/calibrate.py.
        AtomicFiles.writeText(verdictsFile, w -> Predictions.writeJsonl(w, List.of(heldOut)));
      }
      System.out.printf(Locale.ROOT, "CV (%d folds, pooled): %s%n", nFolds, fmt(cv));
      for (int m = 0; m < 4; m++) {
        double lo = 1;
        double hi = 0;
        for (double[] s : perFold) {
          lo = Math.min(lo, s[m]);
          hi = Math.max(hi, s[m]);
        }
        System.out.printf(Locale.ROOT, "  %-22s folds %.1f .. %.1f%n", METRICS[m], 100 * lo, 100 * hi);
      }
      // Final model: thresholds from the pooled out-of-fold predictions, fitted on every claim.
      String best = null;
      double bestScore = -1;
      for (String key : outerGrid.keySet()) {
        double[] s = data.score(data.collected(key), all);
        double mean = (s[0] + s[1] + s[2] + s[3]) / 4;
        if (mean > bestScore + 1e-12) {
          bestScore = mean;
          best = key;
        }
      }
      double rt = Double.parseDouble(best.split(" ")[0]);
      double st = Double.parseDouble(best.split(" ")[1]);
      Fitted f = data.fit(all);
      TrainedStanceModel model = new TrainedStanceModel(features, f.selector(), f.label(), rt, st,
          contradictionRule, TrainedStanceModel.extractor(extractor));
      ClaimVerdict[] trainVerdicts = new ClaimVerdict[claims.size()];
      data.predict(f, rt, st, all, trainVerdicts);
      double[] trainScores = data.score(trainVerdicts, all);
      System.out.printf(Locale.ROOT, "final model: thresholds %s; on the training claims: %s (%.1f s)%n", best,
          fmt(trainScores), (System.nanoTime() - t0) / 1e9);
      printWeights(features, f);
      if (output != null) {
        Map<String, Object> extra = new LinkedHashMap<>();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("claims", Hashes.sha256(Files.readAllBytes(claimsFile)));
        inputs.put("corpus", Hashes.sha256(Files.readAllBytes(corpus)));
        inputs.put("ranking", searcher.ranking());
        extra.put("inputs", inputs);
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("lambda", lambda);
        training.put("abstracts", abstracts);
        training.put("candidates", candidates);
        training.put("evidence_abstracts", evidence);
        training.put("augment", augment ? "claims and sentences" : augmentSentences ? "sentences" : "none");
        training.put("augment_weight", augmentWeight);
        training.put("folds", nFolds);
        training.put("selector_rows", selX.stream().mapToInt(List::size).sum());
        training.put("label_rows", labX.stream().mapToInt(List::size).sum());
        extra.put("training", training);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("cv_pooled", named(cv));
        List<Object> folds = new ArrayList<>();
        perFold.forEach(s -> folds.add(named(s)));
        figures.put("cv_folds", folds);
        figures.put("training_claims", named(trainScores));
        extra.put("figures", figures);
        String json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(model.toJson(extra)) + "\n";
        AtomicFiles.writeString(output, json);
        System.err.println("wrote " + output + " (sha256 of the parameters " + model.sha256() + ")");
      }
    }
  }

  private static final java.util.regex.Pattern AUX = java.util.regex.Pattern.compile(
      "\\b(is|are|was|were|does|do|did|can|could|may|might|will|would|has|have|had|should|must)\\b");
  private static final java.util.regex.Pattern NEGATED = java.util.regex.Pattern.compile(
      "\\b(not|no|never|cannot|without)\\b|n't\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

  /**
   * A simple negation (as src/training/recipe.py's): "not" after the first auxiliary, else "It is not true that ...";
   * a text already negated loses its first "not".
   */
  static String negate(String text) {
    java.util.regex.Matcher n = NEGATED.matcher(text);
    if (n.find() && n.group().equalsIgnoreCase("not")) {
      return (text.substring(0, n.start()) + text.substring(n.end())).replaceAll("  +", " ");
    }
    java.util.regex.Matcher m = AUX.matcher(text);
    if (m.find()) {
      return text.substring(0, m.end()) + " not" + text.substring(m.end());
    }
    return "It is not true that " + text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }

  static final String[] METRICS = {"abstract_label_f1", "abstract_rationale_f1", "sentence_selection_f1",
      "sentence_label_f1"};

  private static Map<String, Double> named(double[] s) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < 4; i++) {
      m.put(METRICS[i], Math.round(s[i] * 10000) / 10000.0);
    }
    return m;
  }

  private static void printWeights(List<String> features, Fitted f) {
    StringBuilder sb = new StringBuilder("weights (selector / label):");
    for (int j = 0; j < features.size(); j++) {
      sb.append(String.format(Locale.ROOT, "%n  %-30s %7.3f %7.3f", features.get(j), f.selector().weights()[j],
          f.label().weights()[j]));
    }
    System.err.println(sb);
  }

  private static String key(double rt, double st) {
    return String.format(Locale.ROOT, "%.2f %.2f", rt, st);
  }

  private static int countTrue(boolean[] b) {
    int n = 0;
    for (boolean x : b) {
      n += x ? 1 : 0;
    }
    return n;
  }

  private static String fmt(double[] s) {
    return String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f", 100 * s[0], 100 * s[1], 100 * s[2], 100 * s[3]);
  }

  record Fitted(LogisticRegression selector, LogisticRegression label) {}

  /** Everything the folds share: rows, retrieval, the feature memo. */
  record Data(List<Claim> claims, Map<String, Gold> gold, List<List<SearchHit>> hits, List<List<double[]>> selX,
      List<List<Boolean>> selY, List<List<double[]>> labX, List<List<Boolean>> labY, List<List<Double>> labW,
      List<String> features,
      double lambda, FeatureMemo memo, AbstractSearcher searcher, Lexicon lexicon, Verifier.Options options,
      boolean balancedSelector, boolean balancedLabel, boolean contradictionRule,
      Map<String, ClaimVerdict[]> collectedByKey) {
    Data(List<Claim> claims, Map<String, Gold> gold, List<List<SearchHit>> hits, List<List<double[]>> selX,
        List<List<Boolean>> selY, List<List<double[]>> labX, List<List<Boolean>> labY, List<List<Double>> labW,
        List<String> features,
        double lambda, FeatureMemo memo, AbstractSearcher searcher, Lexicon lexicon, Verifier.Options options,
        boolean balancedSelector, boolean balancedLabel, boolean contradictionRule) {
      this(claims, gold, hits, selX, selY, labX, labY, labW, features, lambda, memo, searcher, lexicon, options,
          balancedSelector, balancedLabel, contradictionRule, new HashMap<>());
    }

    Fitted fit(boolean[] use) {
      return new Fitted(fitOne(selX, selY, null, use, balancedSelector), fitOne(labX, labY, labW, use, balancedLabel));
    }

    private LogisticRegression fitOne(List<List<double[]>> xs, List<List<Boolean>> ys, List<List<Double>> ws,
        boolean[] use, boolean balanced) {
      int[] cols = columns();
      List<double[]> x = new ArrayList<>();
      List<Boolean> y = new ArrayList<>();
      List<Double> w = new ArrayList<>();
      for (int i = 0; i < claims.size(); i++) {
        if (!use[i]) {
          continue;
        }
        for (int r = 0; r < xs.get(i).size(); r++) {
          double[] full = xs.get(i).get(r);
          double[] row = new double[cols.length];
          for (int j = 0; j < cols.length; j++) {
            row[j] = full[cols[j]];
          }
          x.add(row);
          y.add(ys.get(i).get(r));
          w.add(ws == null ? 1.0 : ws.get(i).get(r));
        }
      }
      boolean[] yy = new boolean[y.size()];
      for (int i = 0; i < yy.length; i++) {
        yy[i] = y.get(i);
      }
      return LogisticRegression.fit(x, yy, w.stream().mapToDouble(Double::doubleValue).toArray(), lambda, balanced);
    }

    int[] columns() {
      return features.stream().mapToInt(StanceFeatures.NAMES::indexOf).toArray();
    }

    void predict(Fitted f, double rt, double st, boolean[] which, ClaimVerdict[] out) {
      TrainedStanceModel model = new TrainedStanceModel(features, f.selector(), f.label(), rt, st, contradictionRule,
          memo);
      Verifier v = new Verifier(searcher, model, lexicon, options, VerdictCalibration.identity());
      for (int i = 0; i < claims.size(); i++) {
        if (which[i]) {
          out[i] = v.verify(claims.get(i), hits.get(i));
        }
      }
    }

    void collect(String key, ClaimVerdict[] v, boolean[] which) {
      ClaimVerdict[] acc = collectedByKey.computeIfAbsent(key, k -> new ClaimVerdict[claims.size()]);
      for (int i = 0; i < v.length; i++) {
        if (which[i]) {
          acc[i] = v[i];
        }
      }
    }

    ClaimVerdict[] collected(String key) {
      return collectedByKey.get(key);
    }

    /** The four F1 figures of the verdicts of the chosen claims. */
    double[] score(ClaimVerdict[] verdicts, boolean[] which) {
      Map<String, Map<String, ScifactMetrics.DocEvidence>> g = new LinkedHashMap<>();
      Map<String, Map<String, List<Integer>>> p = new LinkedHashMap<>();
      Map<String, Map<String, String>> l = new LinkedHashMap<>();
      for (int i = 0; i < claims.size(); i++) {
        if (!which[i]) {
          continue;
        }
        String id = claims.get(i).id();
        Gold gd = gold.get(id);
        Map<String, ScifactMetrics.DocEvidence> docs = new LinkedHashMap<>();
        gd.rationaleSets().forEach((doc, sets) -> docs.put(doc, new ScifactMetrics.DocEvidence(gd.label().get(doc),
            sets)));
        g.put(id, docs);
        Map<String, List<Integer>> pd = new LinkedHashMap<>();
        Map<String, String> pl = new LinkedHashMap<>();
        if (verdicts[i] != null) {
          Predictions.scifact(verdicts[i]).forEach((doc, e) -> {
            pd.put(doc, e.sentences());
            pl.put(doc, e.label());
          });
        }
        p.put(id, pd);
        l.put(id, pl);
      }
      ScifactMetrics.Scores s = ScifactMetrics.score(g, p, l);
      return new double[] {s.get(METRICS[0]), s.get(METRICS[1]), s.get(METRICS[2]), s.get(METRICS[3])};
    }
  }

  /** Feature vectors remembered by claim and sentence context: every fold and threshold reads the same ones. */
  static final class FeatureMemo implements TrainedStanceModel.FeatureSource {
    private final TrainedStanceModel.FeatureSource source;
    private final Map<String, Map<SentenceContext, double[]>> memo = new ConcurrentHashMap<>();

    FeatureMemo(TrainedStanceModel.FeatureSource source) {
      this.source = source;
    }

    @Override
    public List<double[]> features(String claim, List<SentenceContext> sentences) {
      Map<SentenceContext, double[]> known = memo.computeIfAbsent(claim, k -> new ConcurrentHashMap<>());
      List<SentenceContext> missing = sentences.stream().filter(s -> !known.containsKey(s)).distinct().toList();
      if (!missing.isEmpty()) {
        List<double[]> f = source.features(claim, missing);
        for (int i = 0; i < missing.size(); i++) {
          known.put(missing.get(i), f.get(i));
        }
      }
      return sentences.stream().map(known::get).toList();
    }
  }

  /** Gold evidence of each claim, and the abstracts it cites. */
  static Map<String, Gold> readGold(Path claimsFile) throws Exception {
    Map<String, Gold> out = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(claimsFile, StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = Json.MAPPER.readTree(line);
        String id = n.path("id").asText();
        Set<String> docs = new java.util.TreeSet<>();
        Map<String, Set<Integer>> rationale = new LinkedHashMap<>();
        Map<String, List<Set<Integer>>> sets = new LinkedHashMap<>();
        Map<String, String> label = new LinkedHashMap<>();
        Set<String> cited = new java.util.TreeSet<>();
        n.path("cited_doc_ids").forEach(d -> cited.add(d.asText()));
        JsonNode ev = n.path("evidence");
        ev.fieldNames().forEachRemaining(doc -> {
          docs.add(doc);
          Set<Integer> all = new java.util.TreeSet<>();
          List<Set<Integer>> ss = new ArrayList<>();
          for (JsonNode set : ev.path(doc)) {
            label.put(doc, set.path("label").asText());
            Set<Integer> one = new java.util.TreeSet<>();
            set.path("sentences").forEach(s -> one.add(s.asInt()));
            all.addAll(one);
            ss.add(one);
          }
          rationale.put(doc, all);
          sets.put(doc, ss);
        });
        out.put(id, new Gold(id, docs, rationale, label, sets, cited));
      }
    }
    return out;
  }

  /**
   * Folds grouped by abstract: claims sharing a cited or evidence abstract are joined (union-find); the groups, largest
   * first (ties by their first claim), go to the fold with the fewest claims so far (ties: the lowest fold).
   */
  static int[] folds(List<Claim> claims, Map<String, Gold> gold, int n) {
    int[] parent = new int[claims.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    Map<String, Integer> firstWithDoc = new HashMap<>();
    for (int i = 0; i < claims.size(); i++) {
      Gold g = gold.get(claims.get(i).id());
      Set<String> docs = new java.util.TreeSet<>(g.docs());
      docs.addAll(g.cited());
      for (String d : docs) {
        Integer j = firstWithDoc.putIfAbsent(d, i);
        if (j != null) {
          parent[find(parent, i)] = find(parent, j);
        }
      }
    }
    Map<Integer, List<Integer>> groups = new TreeMap<>();
    for (int i = 0; i < claims.size(); i++) {
      groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> sorted = new ArrayList<>(groups.values());
    sorted.sort(Comparator.comparingInt((List<Integer> g) -> -g.size()).thenComparingInt(List::getFirst));
    int[] fold = new int[claims.size()];
    int[] size = new int[n];
    for (List<Integer> g : sorted) {
      int best = 0;
      for (int f = 1; f < n; f++) {
        if (size[f] < size[best]) {
          best = f;
        }
      }
      for (int i : g) {
        fold[i] = best;
      }
      size[best] += g.size();
    }
    return fold;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
