package org.claimcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Hashes;
import org.claimcheck.Tally;
import org.claimcheck.claim.Claim;
import org.claimcheck.claim.ClaimsFile;
import org.claimcheck.claim.Lexicon;
import org.claimcheck.eval.Expectation;
import org.claimcheck.eval.Expectations;
import org.claimcheck.eval.MetricReport;
import org.claimcheck.index.AbstractIndexer;
import org.claimcheck.index.AbstractSearcher;
import org.claimcheck.index.BeirEvaluation;
import org.claimcheck.index.DenseVectors;
import org.claimcheck.index.HybridRanker;
import org.claimcheck.encoder.OnnxModel;
import org.claimcheck.verify.ClaimVerdict;
import org.claimcheck.verify.CrossEncoderStanceModel;
import org.claimcheck.verify.HybridStanceModel;
import org.claimcheck.verify.RuleStanceModel;
import org.claimcheck.verify.Predictions;
import org.claimcheck.verify.ScifactMetrics;
import org.claimcheck.verify.StanceModel;
import org.claimcheck.verify.SentenceContext;
import org.claimcheck.verify.StanceScores;
import org.claimcheck.verify.TrainedStanceModel;
import org.claimcheck.verify.Verifier;
import org.claimcheck.verify.VerdictCalibration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code claimcheck eval scifact}: SciFact's four F1 figures, from predictions or by running verify. */
@Command(name = "scifact", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {"SciFact's official metrics: abstract label-only, abstract label+rationale, sentence selection and "
        + "sentence selection+label F1 (with precision and recall), gold from the claims file.",
        "Either score a predictions file (--predictions, the format of verify --format scifact), or run verify over "
            + "the SciFact corpus (--corpus corpus.jsonl, indexed into a temporary folder) or an index (--index).",
        "--cv DIR cross-validates: DIR holds folds.json and fold-K.onnx from src/training/, and each claim is "
            + "verified by the model of the fold that held it out.",
        "With --predictions only --expect applies: the options that tune or record a run of verify are refused.",
        "Example: claimcheck eval scifact --claims ../shared/data/scifact/claims_train.jsonl "
            + "--corpus ../shared/data/scifact/corpus.jsonl"})
public final class EvalScifactCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Mixin
  Bm25Options bm25;

  @Mixin
  RankingOptions ranking;

  @Mixin
  StanceModelOptions stanceModel;

  @Option(names = "--dense", description = "With --corpus: index with dense vectors (bge-small-en-v1.5), so that "
      + "retrieval is hybrid as with an index built by index --dense (slow without --embedding-cache: minutes).")
  boolean dense;

  @Option(names = "--embedding-cache", paramLabel = "DIR",
      description = "Where vectors of abstracts and claims are kept between runs (with --dense, or an --index that "
          + "has vectors).")
  Path embeddingCache;

  @Spec
  CommandSpec spec;

  @Option(names = "--claims", required = true, paramLabel = "FILE",
      description = "SciFact claims with gold evidence (claims_train.jsonl, claims_dev.jsonl).")
  Path claimsFile;

  static final class Source {
    @Option(names = "--predictions", paramLabel = "FILE", description = "SciFact predictions to score.")
    Path predictions;

    @Option(names = "--corpus", paramLabel = "FILE", description = "The SciFact corpus.jsonl: index it and verify.")
    Path corpus;

    @Option(names = "--index", paramLabel = "DIR", description = "An index of the SciFact corpus: verify over it.")
    Path index;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--cv", paramLabel = "DIR",
      description = "Cross-validation models: folds.json and fold-K.onnx (needs --corpus or --index).")
  Path cv;

  @Mixin
  VerifierOptions verifier;

  @Option(names = "--sweep-evidence-abstracts", split = ",", paramLabel = "N,N...",
      description = "Also score these --evidence-abstracts values (see --sweep-candidates).")
  List<Integer> sweepEvidence;

  @Option(names = "--sweep-candidates", split = ",", paramLabel = "M,M...",
      description = "Also score these candidate counts (each with every --sweep-thresholds value); stance scores are "
          + "reused across the sweep. One line of F1 figures each, on stderr.")
  List<Integer> sweepCandidates;

  @Option(names = "--sweep-thresholds", split = ",", paramLabel = "T,T...",
      description = "Also score these rationale thresholds (see --sweep-candidates).")
  List<Double> sweepThresholds;

  @Option(names = "--output", paramLabel = "FILE", description = "Also write the predictions here (SciFact format).")
  Path output;

  @Option(names = "--verdicts", paramLabel = "FILE",
      description = "Also write the verdicts (claimcheck JSONL, raw confidences) here, for calibration.")
  Path verdictsFile;

  @Option(names = "--expect", paramLabel = "FILE",
      description = "Compare with this expectation instead of the built-in ones.")
  Path expect;

  /**
   * The options that apply when a --predictions file is scored; every other one tunes or records the run of verify
   * (--corpus, --index) and is refused with --predictions rather than ignored. --dense has its own message.
   */
  private static final Set<String> WITH_PREDICTIONS = Set.of("--claims", "--predictions", "--expect", "--verbose",
      "--help", "--version", "--dense");

  @Override
  public Integer call() throws Exception {
    Outputs.requireFile(claimsFile, "claims file", "Give SciFact claims with evidence, e.g. claims_train.jsonl");
    if (source.predictions != null) {
      Outputs.requireFile(source.predictions, "predictions file", "Give the output of verify --format scifact");
      for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
        String name = o.longestName();
        if (!WITH_PREDICTIONS.contains(name)) {
          throw ClaimcheckException.usage(name + " needs --corpus or --index",
              o.stringValues().isEmpty() ? null : String.join(",", o.stringValues()),
              "Drop --predictions, or drop " + name);
        }
      }
    }
    if (source.corpus != null) {
      Outputs.requireFile(source.corpus, "corpus file", "Give the SciFact corpus.jsonl");
    } else if (dense) {
      throw ClaimcheckException.usage("--dense needs --corpus", "--dense",
          "Drop --dense: an --index is searched as it was built (hybrid when it has vectors)");
    }
    HybridRanker.Settings rankingSettings = ranking.settings();
    if (cv != null && !Files.isRegularFile(cv.resolve("folds.json"))) {
      throw ClaimcheckException.usage("no folds.json in the cross-validation folder", cv.toString(),
          "Give the folder src/training/run.sh writes (folds.json, fold-0.onnx ...)");
    }
    Verifier.Options options = verifier.options();
    stanceModel.check();
    Outputs.checkWritable(output);
    Outputs.checkWritable(verdictsFile, "--verdicts");
    var err = spec.commandLine().getErr();
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("claims", Hashes.sha256(Files.readAllBytes(claimsFile)));
    Map<String, Object> opts = new LinkedHashMap<>();
    Path predictions = source.predictions;
    Path tmp = null;
    try {
      if (predictions == null) {
        tmp = Files.createTempDirectory("claimcheck-scifact-");
        Path index = source.index;
        if (source.corpus != null) {
          inputs.put("corpus", Hashes.sha256(Files.readAllBytes(source.corpus)));
          index = tmp.resolve("index");
          Tally indexed = new Tally("index");
          try (DenseVectors vectors = dense ? openVectors() : null;
              AbstractIndexer indexer = AbstractIndexer.open(index, AbstractIndexer.Options.defaults(), vectors)) {
            indexer.index(source.corpus, indexed);
            // Refused as eval beir refuses it: a claims file as the corpus indexed nothing, and every F1 was 0.
            BeirEvaluation.requireDocuments(source.corpus, indexed, "--claims");
            indexer.commit();
          }
        }
        if (DenseVectors.indexModel(index) != null) {
          opts.put("ranking", ranking.ranking.name());
        }
        List<Verifier.Options> optionSets = new ArrayList<>();
        optionSets.add(options);
        boolean sweep = sweepCandidates != null || sweepThresholds != null || sweepEvidence != null;
        for (int c : sweepCandidates == null ? List.of(verifier.candidates) : sweepCandidates) {
          for (double t : sweepThresholds == null ? List.of(verifier.rationaleThreshold) : sweepThresholds) {
            for (int n : sweepEvidence == null ? List.of(verifier.evidenceAbstracts) : sweepEvidence) {
              if (sweep) {
                optionSets.add(VerifierOptions.options(verifier.abstracts, c, t, n));
              }
            }
          }
        }
        long t0 = System.nanoTime();
        List<List<ClaimVerdict>> runs = runVerify(index, rankingSettings, optionSets, inputs);
        double secs = (System.nanoTime() - t0) / 1e9;
        List<ClaimVerdict> verdicts = runs.getFirst();
        if (runs.size() > 1) {
          var gold = ScifactMetrics.readGold(claimsFile);
          err.printf(Locale.ROOT, "%-10s %-9s %-8s %9s %9s %9s %9s%n", "candidates", "threshold", "evidence",
              "abs_label", "abs_rat", "sent_sel", "sent_lab");
          for (int r = 1; r < runs.size(); r++) {
            Path p = tmp.resolve("sweep-" + r + ".jsonl");
            List<ClaimVerdict> v = runs.get(r);
            org.claimcheck.AtomicFiles.writeText(p, w -> Predictions.writeScifact(w, v));
            Map<String, Map<String, String>> l = new HashMap<>();
            var sc = ScifactMetrics.score(gold, ScifactMetrics.readPredictions(p, gold.keySet(), l), l);
            err.printf(Locale.ROOT, "%-10d %-9.2f %-8d %9.4f %9.4f %9.4f %9.4f%n", optionSets.get(r).candidates(),
                optionSets.get(r).rationaleThreshold(), optionSets.get(r).evidenceAbstracts(),
                sc.get("abstract_label_f1"), sc.get("abstract_rationale_f1"), sc.get("sentence_selection_f1"),
                sc.get("sentence_label_f1"));
          }
        }
        predictions = output != null ? output : tmp.resolve("predictions.jsonl");
        Path p = predictions;
        org.claimcheck.AtomicFiles.writeText(p, w -> Predictions.writeScifact(w, verdicts));
        if (verdictsFile != null) {
          org.claimcheck.AtomicFiles.writeText(verdictsFile, w -> Predictions.writeJsonl(w, verdicts));
        }
        opts.put("abstracts", verifier.abstracts);
        opts.put("candidates", verifier.candidates);
        opts.put("rationale_threshold", verifier.rationaleThreshold);
        opts.put("evidence_abstracts", verifier.evidenceAbstracts);
        opts.put("k1", Double.parseDouble(Float.toString(bm25.k1)));
        opts.put("b", Double.parseDouble(Float.toString(bm25.b)));
        err.printf(Locale.ROOT, "%d claims verified in %.1f s (%.1f claims/s); stance model %s%n", verdicts.size(),
            secs, verdicts.size() / Math.max(secs, 1e-9), inputs.getOrDefault("model", "?"));
      } else {
        inputs.put("predictions", Hashes.sha256(Files.readAllBytes(predictions)));
      }
      var gold = ScifactMetrics.readGold(claimsFile);
      Map<String, Map<String, String>> labels = new HashMap<>();
      var predicted = ScifactMetrics.readPredictions(predictions, gold.keySet(), labels);
      ScifactMetrics.Scores scores = ScifactMetrics.score(gold, predicted, labels);
      MetricReport report = new MetricReport("SciFact (" + claimsFile.getFileName() + ", " + gold.size()
          + " claims)");
      scores.values().forEach(report::put);
      Expectation e = expect != null ? Expectations.read(expect) : Expectations.find("scifact", inputs, opts);
      report.expect(e);
      report.print(spec.commandLine().getOut(), err);
      return report.exitCode();
    } finally {
      if (tmp != null) {
        deleteTree(tmp);
      }
    }
  }

  /**
   * Verifies every claim once per options (the first is the main run, the others the sweep). Each model is wrapped in
   * a cache, so a sentence the model has scored for a claim is not scored again for another option set. With
   * {@code --cv}, each claim is verified by the model of the fold that held it out.
   */
  private List<List<ClaimVerdict>> runVerify(Path index, HybridRanker.Settings rankingSettings,
      List<Verifier.Options> optionSets, Map<String, String> inputs) throws IOException {
    List<Claim> claims = ClaimsFile.read(claimsFile);
    List<ClaimVerdict[]> out = new ArrayList<>();
    for (int o = 0; o < optionSets.size(); o++) {
      out.add(new ClaimVerdict[claims.size()]);
    }
    boolean hasVectors = DenseVectors.indexModel(index) != null;
    try (DenseVectors vectors = hasVectors && embeddingCache != null ? openVectors() : null;
        AbstractSearcher searcher = AbstractSearcher.open(index, bm25.bm25(), rankingSettings, vectors)) {
      if (cv == null) {
        StanceModel model = stanceModel.open();
        try {
          inputs.put("model", model instanceof CrossEncoderStanceModel ce ? ce.sha256()
              : model instanceof TrainedStanceModel t ? "trained:" + t.sha256() : "rule");
          StanceModel cached = new CachingStanceModel(model);
          for (int o = 0; o < optionSets.size(); o++) {
            // Raw confidences (the calibration is fitted on them); SciFact's figures do not use confidences.
            Verifier verifier = new Verifier(searcher, cached, Lexicon.builtin(), optionSets.get(o),
                VerdictCalibration.identity());
            for (int i = 0; i < claims.size(); i++) {
              out.get(o)[i] = verifier.verify(claims.get(i));
            }
          }
        } finally {
          StanceModelOptions.close(model);
        }
      } else {
        Map<String, Integer> foldOf = new HashMap<>();
        var folds = org.claimcheck.Json.MAPPER.readTree(cv.resolve("folds.json").toFile());
        folds.fieldNames().forEachRemaining(f -> folds.path(f).forEach(id -> foldOf.put(id.asText(),
            Integer.parseInt(f))));
        for (Claim c : claims) {
          if (!foldOf.containsKey(c.id())) {
            throw ClaimcheckException.usage("a claim is in no fold", c.id(),
                "Use the claims file the folds were made from");
          }
        }
        StringBuilder models = new StringBuilder();
        for (int f : foldOf.values().stream().distinct().sorted().toList()) {
          Path file = cv.resolve("fold-" + f + ".onnx");
          Outputs.requireFile(file, "fold model", "Train the folds with src/training/run.sh");
          try (CrossEncoderStanceModel model = CrossEncoderStanceModel.fromFile(file, stanceModel.onnx())) {
            models.append(model.sha256());
            StanceModel cached = new CachingStanceModel(stanceModel.hybrid()
                ? new HybridStanceModel(model, new RuleStanceModel()) : model);
            for (int o = 0; o < optionSets.size(); o++) {
              // Raw confidences: the calibration is fitted on these.
              Verifier verifier = new Verifier(searcher, cached, Lexicon.builtin(), optionSets.get(o),
                  VerdictCalibration.identity());
              for (int i = 0; i < claims.size(); i++) {
                if (foldOf.get(claims.get(i).id()) == f) {
                  out.get(o)[i] = verifier.verify(claims.get(i));
                }
              }
            }
          }
        }
        inputs.put("cv_models", Hashes.sha256(models.toString()));
      }
    }
    List<List<ClaimVerdict>> result = new ArrayList<>();
    for (ClaimVerdict[] v : out) {
      result.add(List.of(v));
    }
    return result;
  }

  private DenseVectors openVectors() {
    return DenseVectors.open(embeddingCache, OnnxModel.Options.defaults(), HybridRanker.Settings.DEFAULT_QUERY_PREFIX);
  }

  /** One per thread. Remembers the scores of (claim, sentence in its context) pairs. */
  private static final class CachingStanceModel implements StanceModel {
    private final StanceModel model;
    private final Map<String, Map<SentenceContext, StanceScores>> cache = new HashMap<>();

    CachingStanceModel(StanceModel model) {
      this.model = model;
    }

    @Override
    public List<StanceScores> score(String claim, List<String> sentences) {
      return scoreInContext(claim, sentences.stream().map(SentenceContext::of).toList());
    }

    @Override
    public List<StanceScores> scoreInContext(String claim, List<SentenceContext> sentences) {
      Map<SentenceContext, StanceScores> known = cache.computeIfAbsent(claim, k -> new HashMap<>());
      List<SentenceContext> missing = sentences.stream().filter(s -> !known.containsKey(s)).distinct().toList();
      if (!missing.isEmpty()) {
        List<StanceScores> scored = model.scoreInContext(claim, missing);
        for (int i = 0; i < missing.size(); i++) {
          known.put(missing.get(i), scored.get(i));
        }
      }
      return sentences.stream().map(known::get).toList();
    }

    @Override
    public String describe() {
      return model.describe();
    }
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // best effort: a temporary folder
        }
      });
    } catch (IOException e) {
      // best effort
    }
  }
}
