package org.claimcheck.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IOUtils;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.encoder.OnnxModel;
import org.claimcheck.pubmed.PubmedRecord;

/**
 * Thread-safe. Vectors of texts, computed once: an {@link EmbeddingCache} in front of a {@link DenseEncoder}. Texts
 * the cache holds are read from it; the others are embedded together (length-sorted batches) and kept. Closing it
 * closes the encoder and the cache it was given.
 */
public final class DenseVectors implements Closeable {
  private final DenseEncoder encoder;
  private final EmbeddingCache cache;
  private final AtomicLong embedded;
  private final boolean closes;
  private static final int RECENT_QUERIES = 1024;
  private final Map<String, float[]> recent = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
      return size() > RECENT_QUERIES;
    }
  };

  /** Takes ownership of both. */
  public DenseVectors(DenseEncoder encoder, EmbeddingCache cache) {
    this(encoder, cache, new AtomicLong(), true);
  }

  private DenseVectors(DenseEncoder encoder, EmbeddingCache cache, AtomicLong embedded, boolean closes) {
    this.encoder = Objects.requireNonNull(encoder, "encoder");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.embedded = embedded;
    this.closes = closes;
    if (!cache.modelId().equals(encoder.modelId())) {
      throw new IllegalArgumentException("the cache holds vectors of " + cache.modelId() + ", the encoder is "
          + encoder.modelId());
    }
  }

  /**
   * bge-small-en-v1.5 with the cache in {@code cacheDir} (null: no cache), queries prefixed with {@code queryPrefix}.
   */
  public static DenseVectors open(Path cacheDir, OnnxModel.Options options, String queryPrefix) {
    DenseEncoder encoder = DenseEncoder.bgeSmall(options, queryPrefix);
    try {
      EmbeddingCache cache = cacheDir == null ? EmbeddingCache.none(encoder.modelId(), encoder.dimension())
          : EmbeddingCache.open(cacheDir, encoder.modelId(), encoder.dimension());
      return new DenseVectors(encoder, cache);
    } catch (RuntimeException e) {
      encoder.close();
      throw e;
    }
  }

  /** The text of a record that gets one vector: its title and abstract (as indexed), one space between. */
  public static String passage(PubmedRecord r) {
    String body = r.sentences().isEmpty() ? r.abstractText() : String.join(" ", r.sentences());
    return (r.title() + " " + body).strip();
  }

  /** The same encoder and cache, for a user that closes what it is given: closing the view closes nothing. */
  public DenseVectors borrowed() {
    return new DenseVectors(encoder, cache, embedded, false);
  }

  public DenseEncoder encoder() {
    return encoder;
  }

  public EmbeddingCache cache() {
    return cache;
  }

  /** Texts embedded (not found in the cache) since this was made. */
  public long embedded() {
    return embedded.get();
  }

  /** Unit vectors of {@code texts} (passages, as they are), in order. */
  public float[][] passages(List<String> texts) {
    float[][] out = new float[texts.size()][];
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      out[i] = cache.get(texts.get(i));
      if (out[i] == null) {
        missing.add(i);
      }
    }
    if (!missing.isEmpty()) {
      float[][] fresh = encoder.embedPassages(missing.stream().map(texts::get).toList());
      for (int j = 0; j < fresh.length; j++) {
        int i = missing.get(j);
        out[i] = fresh[j];
        cache.put(texts.get(i), fresh[j]);
      }
      embedded.addAndGet(fresh.length);
    }
    return out;
  }

  /** Adds the record's vector ({@link IndexSchema#VECTOR}) to its document; a record without text gets none. */
  void addTo(Document doc, PubmedRecord r) {
    String text = passage(r);
    if (!text.isEmpty()) {
      doc.add(new KnnFloatVectorField(IndexSchema.VECTOR, passages(List.of(text))[0],
          VectorSimilarityFunction.DOT_PRODUCT));
    }
  }

  /**
   * The vectors an indexer of {@code dir} adds: a {@link #borrowed()} view of {@code given} (checked against the model of
   * the index's vectors), or,
   * when none is given and the index has vectors, bge-small with the cache beside the index, ONNX Runtime getting the
   * cores the indexer's {@code threads} workers leave; null for a BM25-only index.
   */
  static DenseVectors forIndexer(Path dir, DirectoryReader committed, DenseVectors given, int threads)
      throws IOException {
    return forIndexer(dir, modelOf(committed), given, threads, false);
  }

  /**
   * As above, for an index whose vectors come from {@code model} (null: none); with {@code anyModel} (a rebuild) the
   * vectors may come from another model than the one named.
   */
  static DenseVectors forIndexer(Path dir, String model, DenseVectors given, int threads, boolean anyModel)
      throws IOException {
    DenseVectors v = given == null ? null : given.borrowed();
    if (v == null && model != null) {
      int cores = Runtime.getRuntime().availableProcessors();
      v = open(defaultCache(dir), new OnnxModel.Options(Math.max(1, cores / threads), 16), "");
    }
    if (v != null && model != null && !anyModel && !model.equals(v.encoder().modelId())) {
      String mine = v.encoder().modelId();
      v.close();
      throw new ClaimcheckException("the index holds vectors of another model", dir + ": " + model + ", this claimcheck "
          + "has " + mine, "Rebuild the index (claimcheck index --dense into a new folder)");
    }
    return v;
  }

  /** The model of the vectors of the index at {@code dir}, or null when it has none (or there is no index). */
  public static String indexModel(Path dir) throws IOException {
    if (!java.nio.file.Files.isDirectory(dir)) {
      return null;
    }
    try (org.apache.lucene.store.Directory d = org.apache.lucene.store.FSDirectory.open(dir)) {
      if (!DirectoryReader.indexExists(d)) {
        return null;
      }
      return org.apache.lucene.index.SegmentInfos.readLatestCommit(d).getUserData().get(IndexSchema.DENSE_MODEL_KEY);
    }
  }

  /** The model of the vectors in the last commit of an index, or null when it has none. */
  static String modelOf(DirectoryReader committed) throws IOException {
    return committed == null ? null : committed.getIndexCommit().getUserData().get(IndexSchema.DENSE_MODEL_KEY);
  }

  /**
   * Re-adds, with a vector, every live record of {@code committed} that has none (an index made dense after it was
   * built); returns how many. {@code reindex} replaces one record.
   */
  static int addMissing(DirectoryReader committed, RecordSink reindex) throws IOException {
    int n = 0;
    for (LeafReaderContext leaf : committed.leaves()) {
      LeafReader r = leaf.reader();
      FloatVectorValues values = r.getFloatVectorValues(IndexSchema.VECTOR);
      KnnVectorValues.DocIndexIterator it = values == null ? null : values.iterator();
      Bits live = r.getLiveDocs();
      StoredFields stored = r.storedFields();
      for (int d = 0; d < r.maxDoc(); d++) {
        if (live != null && !live.get(d)) {
          continue;
        }
        if (it != null && it.docID() < d) {
          it.advance(d);
        }
        if (it != null && it.docID() == d) {
          continue;
        }
        reindex.accept(StoredSource.read(stored, d));
        n++;
      }
    }
    return n;
  }

  /** Takes one record to index again. */
  interface RecordSink {
    void accept(PubmedRecord r) throws IOException;
  }

  /** The default cache folder of an index: beside it, {@code <index>-embeddings}. */
  public static Path defaultCache(Path index) {
    Path abs = index.toAbsolutePath().normalize();
    Path name = abs.getFileName();
    return abs.resolveSibling((name == null ? "index" : name.toString()) + "-embeddings");
  }

  /**
   * The unit vector of a query (the encoder's query prefix in front), from the cache, the last
   * {@value #RECENT_QUERIES} queries, or the encoder.
   */
  public float[] query(String query) {
    String text = encoder.queryPrefix() + query;
    synchronized (recent) {
      float[] v = recent.get(text);
      if (v != null) {
        return v.clone();
      }
    }
    float[] v = passages(List.of(text))[0];
    synchronized (recent) {
      recent.put(text, v.clone());
    }
    return v;
  }

  @Override
  public void close() throws IOException {
    if (closes) {
      IOUtils.close(cache, encoder::close);
    }
  }
}
