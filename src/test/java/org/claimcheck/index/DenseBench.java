package org.claimcheck.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.claimcheck.AtomicFiles;
import org.claimcheck.Tally;
import org.claimcheck.claim.Claim;
import org.claimcheck.claim.ClaimsFile;
import org.claimcheck.encoder.OnnxModel;
import org.claimcheck.pubmed.PubmedRecord;
import org.claimcheck.pubmed.RecordReader;
import org.claimcheck.pubmed.RecordReaders;

/**
 * Dense retrieval costs on the SciFact corpus: the memory the encoder takes (resident set, before and after loading
 * and after embedding), embedding throughput (sentences and whole abstracts per second, by batch size and ONNX Runtime
 * threads; medians of rounds after a warm-up), the cost per million abstracts (time, index and cache bytes), and
 * query latency p50 / p95 of BM25, dense and hybrid search over the SciFact index with the train claims. The index
 * is built with vectors from the embedding cache (the first run embeds the corpus: minutes).
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.mainClass=org.claimcheck.index.DenseBench \
 *   -Dexec.args="--cache corpus/index-embeddings --rounds 3"</pre>
 *
 * Options: {@code --cache DIR} (corpus/index-embeddings), {@code --rounds R} (3), {@code --sentences N} (1024),
 * {@code --abstracts N} (64), {@code --corpus FILE}, {@code --claims FILE}.
 */
public final class DenseBench {
  private DenseBench() {}

  public static void main(String[] args) throws Exception {
    Path cache = Path.of("corpus/index-embeddings");
    int rounds = 3;
    int nSentences = 1024;
    int nAbstracts = 64;
    Path corpus = Path.of("../shared/data/scifact/corpus.jsonl");
    Path claimsFile = Path.of("../shared/data/scifact/claims_train.jsonl");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--cache" -> cache = Path.of(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--sentences" -> nSentences = Integer.parseInt(args[i + 1]);
        case "--abstracts" -> nAbstracts = Integer.parseInt(args[i + 1]);
        case "--corpus" -> corpus = Path.of(args[i + 1]);
        case "--claims" -> claimsFile = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<PubmedRecord> records = new ArrayList<>();
    try (RecordReader r = RecordReaders.open(corpus)) {
      for (RecordReader.Entry e; (e = r.next()) != null; ) {
        if (e instanceof RecordReader.Entry.Upsert u) {
          records.add(u.record());
        }
      }
    }
    Random random = new Random(42);
    List<String> sentences = new ArrayList<>();
    records.forEach(r -> sentences.addAll(r.sentences()));
    java.util.Collections.shuffle(sentences, random);
    List<String> sentenceSample = sentences.subList(0, Math.min(nSentences, sentences.size()));
    List<PubmedRecord> shuffled = new ArrayList<>(records);
    java.util.Collections.shuffle(shuffled, random);
    List<String> abstractSample = shuffled.subList(0, Math.min(nAbstracts, shuffled.size())).stream()
        .map(DenseVectors::passage).toList();
    System.out.printf(Locale.ROOT, "machine: %d processors; load average %s%n",
        Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).strip());

    // Memory of the encoder.
    System.gc();
    long rss0 = rssKb();
    try (DenseEncoder enc = DenseEncoder.bgeSmall(new OnnxModel.Options(2, 16), "")) {
      long rss1 = rssKb();
      enc.embedPassages(sentenceSample.subList(0, Math.min(64, sentenceSample.size())));
      enc.embedPassages(abstractSample.subList(0, Math.min(16, abstractSample.size())));
      long rss2 = rssKb();
      System.out.printf(Locale.ROOT, "encoder memory: %.0f MB resident after loading, %.0f MB after embedding "
          + "(batches of 16, up to 512 tokens); Java heap in use %.0f MB%n", (rss1 - rss0) / 1024.0,
          (rss2 - rss0) / 1024.0, (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1e6);
      double tokens = sentenceSample.stream().mapToInt(enc::tokens).average().orElse(0);
      double aTokens = abstractSample.stream().mapToInt(t -> Math.min(512, enc.tokens(t))).average().orElse(0);
      System.out.printf(Locale.ROOT, "samples: %d sentences (%.0f tokens on average), %d abstracts (%.0f tokens, "
          + "at most 512)%n", sentenceSample.size(), tokens, abstractSample.size(), aTokens);
    }

    // Throughput by threads and batch size.
    System.out.printf(Locale.ROOT, "%-10s %7s %6s %12s%n", "texts", "threads", "batch", "texts/s");
    double abstractsPerSecond = 0;
    for (int threads : new int[] {1, 2}) {
      for (int batch : new int[] {1, 8, 16, 32}) {
        try (DenseEncoder enc = DenseEncoder.bgeSmall(new OnnxModel.Options(threads, batch), "")) {
          enc.embedPassages(sentenceSample.subList(0, Math.min(64, sentenceSample.size())));
          double s = median(rounds, () -> enc.embedPassages(sentenceSample), sentenceSample.size());
          System.out.printf(Locale.ROOT, "%-10s %7d %6d %12.1f%n", "sentences", threads, batch, s);
          if (batch == 1 || batch == 8) {
            double a = median(rounds, () -> enc.embedPassages(abstractSample), abstractSample.size());
            System.out.printf(Locale.ROOT, "%-10s %7d %6d %12.1f%n", "abstracts", threads, batch, a);
            if (threads == 2 && batch == 1) {
              abstractsPerSecond = a;
            }
          }
        }
      }
    }

    // Index with and without vectors, latency of each ranking.
    Path tmp = Files.createTempDirectory("claimcheck-densebench-");
    try (DenseVectors vectors = DenseVectors.open(cache, new OnnxModel.Options(1, 1), "")) {
      Path plain = tmp.resolve("bm25");
      Path dense = tmp.resolve("dense");
      try (AbstractIndexer indexer = AbstractIndexer.open(plain)) {
        indexer.index(corpus, new Tally("index"));
        indexer.commit();
      }
      long t0 = System.nanoTime();
      try (AbstractIndexer indexer = AbstractIndexer.open(dense, AbstractIndexer.Options.defaults(), vectors)) {
        indexer.index(corpus, new Tally("index"));
        indexer.commit();
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      long plainBytes = size(plain);
      long denseBytes = size(dense);
      double perDoc = (denseBytes - plainBytes) / (double) records.size();
      System.out.printf(Locale.ROOT, "index: %.1f MB BM25 only, %.1f MB with vectors (+%.0f bytes per abstract); "
          + "%d texts embedded, dense indexing %.1f s%n", plainBytes / 1e6, denseBytes / 1e6, perDoc,
          vectors.embedded(), secs);
      System.out.printf(Locale.ROOT, "per million abstracts: %.1f hours of embedding at %.1f abstracts/s (2 "
          + "threads), +%.1f GB of index, %.1f GB of embedding cache%n", 1e6 / abstractsPerSecond / 3600,
          abstractsPerSecond, perDoc * 1e6 / 1e9, (32 + 4.0 * DenseEncoder.DIMENSION) * 1e6 / 1e9);

      List<String> queries = ClaimsFile.read(claimsFile).stream().map(Claim::claim).toList();
      System.out.printf(Locale.ROOT, "%-8s %9s %9s   (%d claims, top 100, no highlights; dense and hybrid embed the "
          + "query)%n", "ranking", "p50 ms", "p95 ms", queries.size());
      for (HybridRanker.Mode mode : new HybridRanker.Mode[] {HybridRanker.Mode.BM25, HybridRanker.Mode.DENSE,
          HybridRanker.Mode.HYBRID}) {
        try (DenseVectors noCache = DenseVectors.open(null, OnnxModel.Options.defaults(), "");
            AbstractSearcher s = AbstractSearcher.open(dense, AbstractSearcher.Bm25.DEFAULT,
                HybridRanker.Settings.of(mode), noCache)) {
          for (String q : queries.subList(0, 50)) {
            s.search(SearchRequest.text(q, 100), false);
          }
          double[] p50 = new double[rounds];
          double[] p95 = new double[rounds];
          for (int r = 0; r < rounds; r++) {
            double[] lat = new double[queries.size()];
            // A fresh query text each round (a suffix), so that no round reads query vectors memoised by another.
            for (int i = 0; i < queries.size(); i++) {
              long q0 = System.nanoTime();
              s.search(SearchRequest.text(queries.get(i) + " " + "xyz".repeat(r + 1), 100), false);
              lat[i] = (System.nanoTime() - q0) / 1e6;
            }
            Arrays.sort(lat);
            p50[r] = BeirEvaluation.percentile(lat, 0.5);
            p95[r] = BeirEvaluation.percentile(lat, 0.95);
          }
          Arrays.sort(p50);
          Arrays.sort(p95);
          System.out.printf(Locale.ROOT, "%-8s %9.2f %9.2f%n", mode.name().toLowerCase(Locale.ROOT),
              p50[rounds / 2], p95[rounds / 2]);
        }
      }
    } finally {
      AtomicFiles.deleteRecursively(tmp);
    }
  }

  /** Median texts per second of {@code rounds} runs of {@code work} over {@code n} texts. */
  static double median(int rounds, Runnable work, int n) {
    double[] rates = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      work.run();
      rates[r] = n / ((System.nanoTime() - t0) / 1e9);
    }
    Arrays.sort(rates);
    return rates[rounds / 2];
  }

  static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  /** Resident set size of this process, in kB. */
  static long rssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
