package org.claimcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.encoder.OnnxModel;
import org.claimcheck.verify.CrossEncoderStanceModel;
import org.claimcheck.verify.HybridStanceModel;
import org.claimcheck.verify.RuleStanceModel;
import org.claimcheck.claim.Lexicon;
import org.claimcheck.verify.StanceModel;
import org.claimcheck.verify.TrainedStanceModel;
import picocli.CommandLine.Option;

/** Which stance model a command uses, shared by {@code verify}, {@code stance} and {@code eval scifact}. */
public final class StanceModelOptions {
  @Option(names = "--stance-model", paramLabel = "trained|rule|cross-encoder|hybrid|FILE",
      description = "The stance model: 'trained' (the default: logistic regressions over word, negation, direction "
          + "and retrieval features, trained on SciFact train claims; it scores best), 'rule' (word overlap, "
          + "negation and direction words), 'cross-encoder' (the fine-tuned cross-encoder shipped in the jar), "
          + "'hybrid' (the cross-encoder's relevance, the rule's direction), an ONNX cross-encoder exported by "
          + "src/training/ (FILE.onnx), or a trained model's JSON (FILE.json, from TrainStanceLr).")
  String model;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads for the stance model (default: 2, or fewer cores).")
  Integer threads;

  OnnxModel.Options onnx() {
    OnnxModel.Options d = OnnxModel.Options.defaults();
    if (threads == null) {
      return d;
    }
    if (threads < 1 || threads > 64) {
      throw ClaimcheckException.usage("--threads must be between 1 and 64", threads.toString(), null);
    }
    return new OnnxModel.Options(threads, d.batchSize());
  }

  /** Whether the hybrid (cross-encoder relevance, rule direction) was asked for. */
  boolean hybrid() {
    return "hybrid".equals(model);
  }

  /** Fails early when a model file was named but is not there. */
  void check() {
    if (model != null && !NAMES.contains(model)) {
      Outputs.requireFile(Path.of(model), "stance model",
          "Give 'trained', 'rule', 'cross-encoder', 'hybrid', an .onnx file exported by src/training/ or a trained "
              + "model's .json");
    }
  }

  /** Opens the model; the caller closes it when it is {@link AutoCloseable}. */
  StanceModel open() {
    if (model == null || model.equals("trained")) {
      return TrainedStanceModel.builtin(Lexicon.builtin());
    }
    if (model.equals("rule")) {
      return new RuleStanceModel();
    }
    if (model.equals("cross-encoder")) {
      return CrossEncoderStanceModel.builtin(onnx());
    }
    if (model.equals("hybrid")) {
      return new HybridStanceModel(CrossEncoderStanceModel.builtin(onnx()), new RuleStanceModel());
    }
    if (model.endsWith(".json")) {
      try {
        return TrainedStanceModel.fromJson(Files.readAllBytes(Path.of(model)), model, Lexicon.builtin());
      } catch (IOException e) {
        throw new ClaimcheckException("cannot read the stance model", model + ": " + e.getMessage(),
            "Give a readable .json written by TrainStanceLr");
      }
    }
    return CrossEncoderStanceModel.fromFile(Path.of(model), onnx());
  }

  /** The built-in model names. */
  static final java.util.Set<String> NAMES = java.util.Set.of("trained", "rule", "cross-encoder", "hybrid");

  static void close(StanceModel m) {
    if (m instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot close the stance model", e);
      }
    }
  }
}
