package org.claimcheck.cli;

import java.nio.file.Path;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.encoder.OnnxModel;
import org.claimcheck.verify.CrossEncoderStanceModel;
import org.claimcheck.verify.HybridStanceModel;
import org.claimcheck.verify.RuleStanceModel;
import org.claimcheck.verify.StanceModel;
import picocli.CommandLine.Option;

/** Which stance model a command uses, shared by {@code verify}, {@code stance} and {@code eval scifact}. */
public final class StanceModelOptions {
  @Option(names = "--stance-model", paramLabel = "rule|cross-encoder|hybrid|FILE.onnx",
      description = "The stance model: 'rule' (word overlap, negation and direction words; the default: it scores "
          + "best on SciFact so far), 'cross-encoder' (the trained model shipped in the jar), 'hybrid' (the "
          + "cross-encoder's relevance, the rule's direction), or an ONNX cross-encoder exported by src/training/.")
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
    if (model != null && !model.equals("rule") && !model.equals("hybrid") && !model.equals("cross-encoder")) {
      Outputs.requireFile(Path.of(model), "stance model", "Give an .onnx file exported by src/training/, or 'rule'");
    }
  }

  /** Opens the model; the caller closes it when it is {@link AutoCloseable}. */
  StanceModel open() {
    if (model == null || model.equals("rule")) {
      return new RuleStanceModel();
    }
    if (model.equals("cross-encoder")) {
      return CrossEncoderStanceModel.builtin(onnx());
    }
    if (model.equals("hybrid")) {
      return new HybridStanceModel(CrossEncoderStanceModel.builtin(onnx()), new RuleStanceModel());
    }
    return CrossEncoderStanceModel.fromFile(Path.of(model), onnx());
  }

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
