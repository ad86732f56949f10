package org.claimcheck.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.claimcheck.encoder.Encoding;
import org.claimcheck.encoder.OnnxModel;
import org.claimcheck.encoder.WordPieceTokenizer;

/**
 * Thread-safe. claimcheck's trained stance model: a cross-encoder (the first 6 layers of bge-small-en-v1.5, fine-tuned
 * on SciFact train rationales and retrieved non-rationale sentences, int8 weights) that reads
 * {@code [CLS] claim [SEP] sentence [SEP]} and gives SUPPORT / CONTRADICT / NEUTRAL probabilities. The recipe is in
 * {@code src/training/}; the model and its tokenizer ship in the jar. Closing it closes the ONNX session.
 */
public final class CrossEncoderStanceModel implements StanceModel, AutoCloseable {
  /** The shipped int8 model. */
  public static final String MODEL = "/org/claimcheck/verify/stance-model.onnx";
  /** Its tokenizer (bge-small-en-v1.5's WordPiece vocabulary). */
  public static final String TOKENIZER = "/org/claimcheck/verify/stance-tokenizer.json";
  /** Token budget of a pair, as in training. */
  public static final int MAX_LENGTH = 128;
  /** Claim tokens kept in a pair, as in training; the sentence fills the rest. */
  public static final int MAX_CLAIM = 48;

  private final OnnxModel model;
  private final WordPieceTokenizer tokenizer;

  /** Takes ownership of {@code model}. */
  public CrossEncoderStanceModel(OnnxModel model, WordPieceTokenizer tokenizer) {
    this.model = Objects.requireNonNull(model, "model");
    this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
  }

  /** The shipped model. */
  public static CrossEncoderStanceModel builtin(OnnxModel.Options options) {
    WordPieceTokenizer tokenizer = WordPieceTokenizer.fromClasspath(TOKENIZER);
    return new CrossEncoderStanceModel(OnnxModel.fromClasspath(MODEL, options), tokenizer);
  }

  /** A model exported by the training recipe (cross-validation folds, experiments), with the shipped tokenizer. */
  public static CrossEncoderStanceModel fromFile(Path onnx, OnnxModel.Options options) {
    WordPieceTokenizer tokenizer = WordPieceTokenizer.fromClasspath(TOKENIZER);
    return new CrossEncoderStanceModel(OnnxModel.fromFile(onnx, options), tokenizer);
  }

  /** The pair encoding the model reads. */
  public Encoding encode(String claim, String sentence) {
    return tokenizer.encodePair(claim, sentence, MAX_CLAIM, MAX_LENGTH);
  }

  @Override
  public List<StanceScores> score(String claim, List<String> sentences) {
    if (sentences.isEmpty()) {
      return List.of();
    }
    List<Encoding> pairs = new ArrayList<>(sentences.size());
    for (String s : sentences) {
      pairs.add(encode(claim, s));
    }
    float[][] logits = model.run(pairs, OnnxModel.Pooling.NONE);
    List<StanceScores> out = new ArrayList<>(logits.length);
    for (float[] l : logits) {
      out.add(softmax(l));
    }
    return out;
  }

  static StanceScores softmax(float[] logits) {
    if (logits.length != 3) {
      throw new IllegalStateException("the stance model must give 3 logits, gave " + logits.length);
    }
    double max = Math.max(logits[0], Math.max(logits[1], logits[2]));
    double s = Math.exp(logits[0] - max);
    double c = Math.exp(logits[1] - max);
    double n = Math.exp(logits[2] - max);
    double sum = s + c + n;
    s /= sum;
    c /= sum;
    return new StanceScores(s, c, Math.max(0, 1 - s - c));
  }

  /** SHA-256 of the ONNX model. */
  public String sha256() {
    return model.sha256();
  }

  @Override
  public String describe() {
    return "cross-encoder: " + model.describe();
  }

  @Override
  public void close() {
    model.close();
  }
}
