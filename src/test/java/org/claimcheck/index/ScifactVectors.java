package org.claimcheck.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.claimcheck.claim.Claim;
import org.claimcheck.claim.ClaimsFile;
import org.claimcheck.encoder.OnnxModel;
import org.claimcheck.pubmed.PubmedRecord;
import org.claimcheck.pubmed.RecordReader;
import org.claimcheck.pubmed.RecordReaders;

/**
 * One per run. The SciFact corpus and claims with their vectors, read through an {@link EmbeddingCache} (embedding
 * what it lacks, in length-sorted chunks, with progress on stderr): abstracts (title and abstract as indexed),
 * sentences, and claims with and without bge's query instruction. Used by the tuning harness and the benchmark.
 */
final class ScifactVectors {
  final List<PubmedRecord> records = new ArrayList<>();
  final Map<String, String> claims = new LinkedHashMap<>();
  final float[][] abstracts;
  /** Per record, its sentences' vectors. */
  final float[][][] sentences;
  final Map<String, float[]> claimsPlain = new LinkedHashMap<>();
  final Map<String, float[]> claimsPrefixed = new LinkedHashMap<>();

  /**
   * Abstracts and claims through {@code dense} (give one with batches of 1, as the indexer embeds them: the int8
   * model's dynamic quantisation makes a vector depend a little on what it is batched with), sentences through
   * {@code sentenceVectors} (null: none).
   */
  ScifactVectors(Path corpus, Path claimsFile, DenseVectors dense, DenseVectors sentenceVectors) throws IOException {
    try (RecordReader r = RecordReaders.open(corpus)) {
      for (RecordReader.Entry e; (e = r.next()) != null; ) {
        if (e instanceof RecordReader.Entry.Upsert u) {
          records.add(u.record());
        }
      }
    }
    for (Claim c : ClaimsFile.read(claimsFile)) {
      claims.put(c.id(), c.claim());
    }
    List<String> docs = records.stream().map(DenseVectors::passage).toList();
    abstracts = embed("abstracts", docs, dense);
    sentences = new float[records.size()][][];
    if (sentenceVectors != null) {
      List<String> all = new ArrayList<>();
      for (PubmedRecord r : records) {
        all.addAll(r.sentences());
      }
      float[][] flat = embed("sentences", all, sentenceVectors);
      int k = 0;
      for (int i = 0; i < records.size(); i++) {
        int n = records.get(i).sentences().size();
        sentences[i] = new float[n][];
        for (int j = 0; j < n; j++) {
          sentences[i][j] = flat[k++];
        }
      }
    }
    List<String> ids = new ArrayList<>(claims.keySet());
    float[][] plain = embed("claims", ids.stream().map(claims::get).toList(), dense);
    float[][] prefixed = embed("claims with instruction",
        ids.stream().map(id -> DenseEncoder.BGE_QUERY_INSTRUCTION + claims.get(id)).toList(), dense);
    for (int i = 0; i < ids.size(); i++) {
      claimsPlain.put(ids.get(i), plain[i]);
      claimsPrefixed.put(ids.get(i), prefixed[i]);
    }
  }

  /** Vectors of {@code texts}, embedding the missing ones shortest first in chunks, with progress on stderr. */
  static float[][] embed(String what, List<String> texts, DenseVectors dense) {
    float[][] out = new float[texts.size()][];
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      if ((out[i] = dense.cache().get(texts.get(i))) == null) {
        order.add(i);
      }
    }
    if (order.isEmpty()) {
      return out;
    }
    DenseEncoder enc = dense.encoder();
    int[] tokens = new int[texts.size()];
    for (int i : order) {
      tokens[i] = Math.min(DenseEncoder.MAX_TOKENS, enc.tokens(texts.get(i)));
    }
    order.sort(Comparator.comparingInt((Integer i) -> tokens[i]).thenComparingInt(i -> i));
    long t0 = System.nanoTime();
    long tok = 0;
    int chunk = 256;
    for (int s = 0; s < order.size(); s += chunk) {
      List<Integer> part = order.subList(s, Math.min(order.size(), s + chunk));
      float[][] v = dense.passages(part.stream().map(texts::get).toList());
      for (int j = 0; j < part.size(); j++) {
        out[part.get(j)] = v[j];
        tok += tokens[part.get(j)];
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      System.err.printf(Locale.ROOT, "%s: %d/%d embedded, %.1f texts/s, %.0f tokens/s%n", what,
          Math.min(order.size(), s + chunk), order.size(), (s + part.size()) / secs, tok / secs);
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    Path cache = Path.of(args.length > 0 ? args[0] : "corpus/embedding-cache");
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    load(cache, threads, batch, true);
  }

  /** Loads (embedding what the cache lacks) the SciFact corpus and train claims. */
  static ScifactVectors load(Path cache, int threads, int sentenceBatch, boolean sentences) throws IOException {
    Path corpus = Path.of("../shared/data/scifact/corpus.jsonl");
    Path claims = Path.of("../shared/data/scifact/claims_train.jsonl");
    ScifactVectors v;
    try (DenseVectors dense = DenseVectors.open(cache, new OnnxModel.Options(threads, 1), "")) {
      v = new ScifactVectors(corpus, claims, dense, null);
    }
    if (sentences) {
      try (DenseVectors dense = DenseVectors.open(cache, new OnnxModel.Options(threads, sentenceBatch), "");
          DenseVectors s = dense.borrowed()) {
        v = new ScifactVectors(corpus, claims, dense, s);
        System.err.println("cache: " + dense.cache().size() + " vectors in " + dense.cache().file());
      }
    }
    return v;
  }
}
