package org.claimcheck.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.claimcheck.Tally;
import org.claimcheck.claim.Claim;
import org.claimcheck.claim.ClaimsFile;
import org.claimcheck.claim.Lexicon;
import org.claimcheck.encoder.OnnxModel;
import org.claimcheck.index.AbstractIndexer;
import org.claimcheck.index.AbstractSearcher;

/**
 * Verification speed: claims per second through {@link Verifier} (BM25 or hybrid retrieval, candidate selection, the stance
 * model, aggregation) over the SciFact corpus, single-threaded caller, the model on {@code --threads} ONNX
 * Runtime threads. Warm-up, then {@code --rounds} rounds of {@code --claims-per-round} claims; prints each round and
 * the median, in wall-clock claims/s and in claims per CPU-second (what one core does; on a shared, busy machine the
 * wall clock mostly measures the other jobs). Also prints the process's resident memory before and after loading the
 * model.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.mainClass=org.claimcheck.verify.VerifyBench \
 *   -Dexec.args="--corpus ../shared/data/scifact/corpus.jsonl --claims ../shared/data/scifact/claims_train.jsonl"
 * </pre>
 * Options: {@code --index DIR} instead of {@code --corpus} (an index with vectors ranks hybrid; give
 * {@code --embedding-cache DIR} for the claims' vectors), {@code --stance-model trained|rule|cross-encoder|FILE.onnx}
 * (default trained, the product's default; a file, e.g. the fp32 export, to compare), {@code --threads N} (2), {@code --rounds N} (5), {@code --claims-per-round N} (100), {@code --candidates M},
 * {@code --abstracts K}.
 */
public final class VerifyBench {
  private VerifyBench() {}

  public static void main(String[] args) throws Exception {
    Path corpus = null;
    Path index = null;
    Path claimsFile = null;
    String modelName = "trained";
    Path embeddingCache = null;
    int threads = 2;
    int rounds = 5;
    int perRound = 100;
    int candidates = Verifier.DEFAULT_CANDIDATES;
    int abstracts = Verifier.DEFAULT_ABSTRACTS;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpus" -> corpus = Path.of(args[++i]);
        case "--index" -> index = Path.of(args[++i]);
        case "--claims" -> claimsFile = Path.of(args[++i]);
        case "--stance-model" -> modelName = args[++i];
        case "--embedding-cache" -> embeddingCache = Path.of(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--claims-per-round" -> perRound = Integer.parseInt(args[++i]);
        case "--candidates" -> candidates = Integer.parseInt(args[++i]);
        case "--abstracts" -> abstracts = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (claimsFile == null || (corpus == null) == (index == null)) {
      throw new IllegalArgumentException("give --claims FILE and one of --corpus FILE or --index DIR");
    }
    Path tmp = null;
    if (corpus != null) {
      tmp = Files.createTempDirectory("verify-bench-");
      index = tmp.resolve("index");
      try (AbstractIndexer indexer = AbstractIndexer.open(index)) {
        indexer.index(corpus, new Tally("index"));
        indexer.commit();
      }
    }
    List<Claim> claims = ClaimsFile.read(claimsFile);
    long rssBefore = rssKb();
    OnnxModel.Options onnx = new OnnxModel.Options(threads, 32);
    StanceModel model = switch (modelName) {
      case "rule" -> new RuleStanceModel();
      case "trained" -> TrainedStanceModel.builtin(Lexicon.builtin());
      case "cross-encoder" -> CrossEncoderStanceModel.builtin(onnx);
      default -> CrossEncoderStanceModel.fromFile(Path.of(modelName), onnx);
    };
    try (org.claimcheck.index.DenseVectors vectors = embeddingCache == null ? null
        : org.claimcheck.index.DenseVectors.open(embeddingCache, onnx,
            org.claimcheck.index.HybridRanker.Settings.DEFAULT_QUERY_PREFIX);
        AbstractSearcher searcher = AbstractSearcher.open(index, AbstractSearcher.Bm25.DEFAULT,
            org.claimcheck.index.HybridRanker.Settings.of(org.claimcheck.index.HybridRanker.Mode.AUTO), vectors)) {
      System.out.println("ranking: " + searcher.ranking());
      model.score("warm up", List.of("a first call initialises ONNX Runtime"));
      long rssAfter = rssKb();
      System.out.printf(Locale.ROOT, "model %s%nresident memory: %d MB before loading the model, %d MB after (+%d MB)%n",
          model.describe(), rssBefore / 1024, rssAfter / 1024, (rssAfter - rssBefore) / 1024);
      Verifier verifier = new Verifier(searcher, model, Lexicon.builtin(),
          new Verifier.Options(abstracts, 3, true, candidates, Verifier.DEFAULT_RATIONALE_THRESHOLD,
              Math.min(abstracts, Verifier.DEFAULT_EVIDENCE_ABSTRACTS)));
      int next = 0;
      for (int i = 0; i < Math.min(30, claims.size()); i++) {
        verifier.verify(claims.get(next++ % claims.size()));
      }
      double[] rates = new double[rounds];
      double[] cpuRates = new double[rounds];
      var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
          .getOperatingSystemMXBean();
      for (int r = 0; r < rounds; r++) {
        long t0 = System.nanoTime();
        long c0 = os.getProcessCpuTime();
        for (int i = 0; i < perRound; i++) {
          verifier.verify(claims.get(next++ % claims.size()));
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - c0) / 1e9;
        rates[r] = perRound / secs;
        cpuRates[r] = perRound / cpu;
        System.out.printf(Locale.ROOT, "round %d: %d claims in %.2f s = %.1f claims/s (%.2f CPU-s, %.1f claims per "
            + "CPU-second; load average %.1f)%n", r + 1, perRound, secs, rates[r], cpu, cpuRates[r],
            os.getSystemLoadAverage());
      }
      double[] sorted = rates.clone();
      Arrays.sort(sorted);
      double[] cpuSorted = cpuRates.clone();
      Arrays.sort(cpuSorted);
      System.out.printf(Locale.ROOT,
          "median %.1f claims/s, %.1f claims per CPU-second (threads %d, abstracts %d, candidates %d; %d rounds of %d "
              + "claims)%n", sorted[sorted.length / 2], cpuSorted[cpuSorted.length / 2], threads, abstracts,
          candidates, rounds, perRound);
    } finally {
      if (model instanceof AutoCloseable c) {
        c.close();
      }
      if (tmp != null) {
        try (var paths = Files.walk(tmp)) {
          List<Path> all = new ArrayList<>(paths.toList());
          all.sort(java.util.Comparator.reverseOrder());
          for (Path p : all) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }

  private static long rssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D+", ""));
        }
      }
    } catch (Exception e) {
      // not Linux
    }
    return 0;
  }
}
