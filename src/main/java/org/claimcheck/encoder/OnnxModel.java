package org.claimcheck.encoder;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Hashes;

/**
 * Thread-safe (ONNX Runtime sessions may run concurrently). A BERT-style ONNX model on the CPU: inputs
 * {@code input_ids}, {@code attention_mask} and (when the model has it) {@code token_type_ids}, all int64
 * {@code [batch, sequence]}; the first output is read either as {@code [batch, k]} (a classifier's logits, {@link
 * Pooling#NONE}) or as {@code [batch, sequence, hidden]} pooled per input ({@link Pooling#CLS}, {@link Pooling#MEAN}
 * over the attention mask), so the same wrapper serves claimcheck's stance cross-encoder and bi-encoders such as
 * bge-small-en-v1.5.
 *
 * <p>Threads are ours to set: {@link Options#intraOpThreads()} threads per session, one inter-op thread, sequential
 * execution, and no spin-waiting (ONNX Runtime's default spinning would keep idle pool threads busy and starve the
 * rest of the pipeline on a 2-core machine). Inputs are sorted by length and cut into batches of at most {@link
 * Options#batchSize()}, each padded only to its own longest input; results come back in input order. The model loads
 * from the classpath or a file; ONNX Runtime's native libraries are unpacked by {@link OnnxNatives}. The caller closes
 * the model.
 */
public final class OnnxModel implements AutoCloseable {
  /** How the first output becomes one vector per input. */
  public enum Pooling {
    /** The output is {@code [batch, k]}: each row as it is (classifier logits). */
    NONE,
    /** The output is {@code [batch, sequence, hidden]}: the first token's vector (bge-small's pooling). */
    CLS,
    /** The output is {@code [batch, sequence, hidden]}: the mean over the input's tokens. */
    MEAN
  }

  /**
   * Session settings.
   *
   * @param intraOpThreads threads ONNX Runtime may use for one inference, 1..64
   * @param batchSize inputs per inference call, 1..1024
   */
  public record Options(int intraOpThreads, int batchSize) {
    public Options {
      if (intraOpThreads < 1 || intraOpThreads > 64) {
        throw new IllegalArgumentException("intraOpThreads must be 1..64: " + intraOpThreads);
      }
      if (batchSize < 1 || batchSize > 1024) {
        throw new IllegalArgumentException("batchSize must be 1..1024: " + batchSize);
      }
    }

    /** {@code min(2, cores)} threads (or the system property {@code claimcheck.onnx.threads}), batches of 32. */
    public static Options defaults() {
      int threads = Math.min(2, Runtime.getRuntime().availableProcessors());
      String p = System.getProperty("claimcheck.onnx.threads");
      if (p != null && !p.isBlank()) {
        try {
          threads = Integer.parseInt(p.strip());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("claimcheck.onnx.threads must be a number: " + p);
        }
      }
      return new Options(threads, 32);
    }
  }

  private final OrtEnvironment env;
  private final OrtSession session;
  private final String name;
  private final String sha256;
  private final boolean hasTokenTypes;
  private final String outputName;
  private final Options options;

  private OnnxModel(String name, byte[] model, Options options) throws OrtException {
    this.name = name;
    this.sha256 = Hashes.sha256(model);
    this.options = options;
    OnnxNatives.prepare();
    this.env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
      so.setIntraOpNumThreads(options.intraOpThreads());
      so.setInterOpNumThreads(1);
      so.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      so.addConfigEntry("session.intra_op.allow_spinning", "0");
      so.addConfigEntry("session.inter_op.allow_spinning", "0");
      this.session = env.createSession(model, so);
    }
    Map<String, NodeInfo> inputs = session.getInputInfo();
    if (!inputs.containsKey("input_ids") || !inputs.containsKey("attention_mask")) {
      session.close();
      throw new IllegalArgumentException(name + " is not a BERT-style model: inputs " + inputs.keySet());
    }
    this.hasTokenTypes = inputs.containsKey("token_type_ids");
    this.outputName = session.getOutputNames().iterator().next();
  }

  /** Loads a model from the classpath ({@code /org/claimcheck/verify/stance-model.onnx}). */
  public static OnnxModel fromClasspath(String resource, Options options) {
    Objects.requireNonNull(options, "options");
    byte[] bytes;
    try (InputStream in = OnnxModel.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ClaimcheckException("model missing from the classpath", resource,
            "Rebuild claimcheck (./mvnw package); the model ships inside the jar");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new ClaimcheckException("cannot read the model", resource + ": " + e.getMessage(),
          "Rebuild claimcheck (./mvnw package)");
    }
    return create(resource, bytes, options);
  }

  /** Loads a model from a file. */
  public static OnnxModel fromFile(Path file, Options options) {
    Objects.requireNonNull(options, "options");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw ClaimcheckException.usage("cannot read the model file", file + ": " + e.getMessage(),
          "Give an ONNX model exported by src/training/");
    }
    return create(file.toString(), bytes, options);
  }

  private static OnnxModel create(String name, byte[] bytes, Options options) {
    try {
      return new OnnxModel(name, bytes, options);
    } catch (OrtException e) {
      throw new ClaimcheckException("ONNX Runtime cannot load the model", name + ": " + e.getMessage(),
          "Use an ONNX model exported by src/training/ (opset 17)");
    }
  }

  /** Where the model came from. */
  public String name() {
    return name;
  }

  /** SHA-256 of the model file, for manifests. */
  public String sha256() {
    return sha256;
  }

  public Options options() {
    return options;
  }

  /**
   * Runs the model over {@code inputs} in length-sorted batches and returns one vector per input, in input order.
   */
  public float[][] run(List<Encoding> inputs, Pooling pooling) {
    float[][] out = new float[inputs.size()][];
    List<Integer> order = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt((Integer i) -> inputs.get(i).length()).thenComparingInt(i -> i));
    for (int start = 0; start < order.size(); start += options.batchSize()) {
      List<Integer> batch = order.subList(start, Math.min(order.size(), start + options.batchSize()));
      float[][] vectors = runBatch(batch.stream().map(inputs::get).toList(), pooling);
      for (int j = 0; j < batch.size(); j++) {
        out[batch.get(j)] = vectors[j];
      }
    }
    return out;
  }

  private float[][] runBatch(List<Encoding> batch, Pooling pooling) {
    int rows = batch.size();
    int cols = batch.stream().mapToInt(Encoding::length).max().orElse(1);
    long[] ids = new long[rows * cols];
    long[] mask = new long[rows * cols];
    long[] types = new long[rows * cols];
    for (int r = 0; r < rows; r++) {
      Encoding e = batch.get(r);
      for (int c = 0; c < e.length(); c++) {
        ids[r * cols + c] = e.id(c);
        types[r * cols + c] = e.typeId(c);
        mask[r * cols + c] = 1;
      }
    }
    long[] shape = {rows, cols};
    Map<String, OnnxTensor> feed = new HashMap<>();
    try {
      feed.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
      feed.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
      if (hasTokenTypes) {
        feed.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape));
      }
      try (OrtSession.Result result = session.run(feed, java.util.Set.of(outputName))) {
        Object value = result.get(0).getValue();
        return pool(value, pooling, batch);
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed on " + name + ": " + e.getMessage(), e);
    } finally {
      feed.values().forEach(OnnxTensor::close);
    }
  }

  private static float[][] pool(Object value, Pooling pooling, List<Encoding> batch) {
    if (pooling == Pooling.NONE) {
      if (!(value instanceof float[][] m)) {
        throw new IllegalStateException("expected a [batch, k] float output for Pooling.NONE");
      }
      return m;
    }
    if (!(value instanceof float[][][] h)) {
      throw new IllegalStateException("expected a [batch, sequence, hidden] float output for Pooling." + pooling);
    }
    float[][] out = new float[h.length][];
    for (int r = 0; r < h.length; r++) {
      if (pooling == Pooling.CLS) {
        out[r] = h[r][0].clone();
      } else {
        int n = batch.get(r).length();
        float[] v = new float[h[r][0].length];
        for (int t = 0; t < n; t++) {
          for (int k = 0; k < v.length; k++) {
            v[k] += h[r][t][k];
          }
        }
        for (int k = 0; k < v.length; k++) {
          v[k] /= n;
        }
        out[r] = v;
      }
    }
    return out;
  }

  /** Name, checksum and threads, for run manifests. */
  public String describe() {
    return String.format(Locale.ROOT, "%s (sha256 %s, ONNX Runtime %s, %d threads)", name, sha256.substring(0, 12),
        OnnxNatives.version(), options.intraOpThreads());
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close the ONNX session of " + name, e);
    }
  }
}
