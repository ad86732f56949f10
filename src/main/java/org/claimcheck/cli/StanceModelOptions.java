package org.claimcheck.cli;

import java.nio.file.Path;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.encoder.OnnxModel;
import org.claimcheck.verify.CrossEncoderStanceModel;
import org.claimcheck.verify.RuleStanceModel;
import org.claimcheck.verify.StanceModel;
import picocli.CommandLine.Option;

/** Which stance model a command uses, shared by {@code verify}, {@code stance} and {@code eval scifact}. */
public final class StanceModelOptions {
  @Option(names = "--stance-model", paramLabel = "FILE.onnx|rule",
      description = "The stance model: an ONNX cross-encoder exported by src/training/, or 'rule' for the word-overlap "
          + "baseline. Default: the trained model shipped with claimcheck.")
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

  /** Fails early when a model file was named but is not there. */
  void check() {
    if (model != null && !model.equals("rule")) {
      Outputs.requireFile(Path.of(model), "stance model", "Give an .onnx file exported by src/training/, or 'rule'");
    }
  }

  /** Opens the model; the caller closes it when it is {@link AutoCloseable}. */
  StanceModel open() {
    if (model == null) {
      return CrossEncoderStanceModel.builtin(onnx());
    }
    if (model.equals("rule")) {
      return new RuleStanceModel();
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
