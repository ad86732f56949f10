package org.claimcheck.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.claimcheck.AtomicFiles;
import org.claimcheck.Tally;
import org.claimcheck.pubmed.SyntheticPubmed;

/**
 * A baseline load in small: many baseline-sized synthetic files ({@link SyntheticPubmed}, distinct PMIDs) indexed in
 * order into one index with one commit at the end, as {@code claimcheck index} loads a folder of baseline files (which
 * hands all its files to one set of workers; here each file gets its own, so that a file's time ends when its last
 * record is indexed: a thread start and a cold word cache per 30,000 records). Where {@link IndexBench} measures one
 * file into a fresh index, this shows what the growing index costs: each file's records/s and records per CPU second
 * (merges running beside the workers included), the final commit, the index size per million records and the
 * process's anonymous resident memory, so the full-baseline projection rests on a measured trend rather than on one
 * file.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.mainClass=org.claimcheck.index.BaselineLoadBench \
 *   -Dexec.args="--files 34 --dir /tmp/synth-baseline"</pre>
 *
 * Options: {@code --files K} (34: a million records), {@code --records N} (30000 per file), {@code --dir D} (where the
 * files are written, and reused when they are there already; default a temporary folder, deleted after), {@code
 * --threads T} (processors), {@code --ram-mb M} (256), {@code --sample DIR}, {@code --scifact FILE} (as
 * {@link IndexBench}).
 */
public final class BaselineLoadBench {
  private BaselineLoadBench() {}

  public static void main(String[] args) throws Exception {
    int files = 34;
    int records = 30_000;
    int threads = Runtime.getRuntime().availableProcessors();
    int ramMb = 256;
    Path dirArg = null;
    Path sample = Path.of("../shared/data/pubmed-sample/xml");
    Path scifact = Path.of("../shared/data/scifact/corpus.jsonl");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--files" -> files = Integer.parseInt(args[i + 1]);
        case "--records" -> records = Integer.parseInt(args[i + 1]);
        case "--threads" -> threads = Integer.parseInt(args[i + 1]);
        case "--ram-mb" -> ramMb = Integer.parseInt(args[i + 1]);
        case "--dir" -> dirArg = Path.of(args[i + 1]);
        case "--sample" -> sample = Path.of(args[i + 1]);
        case "--scifact" -> scifact = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("options come in pairs: " + String.join(" ", args));
    }
    Path tmp = Files.createTempDirectory("claimcheck-baselinebench-");
    try {
      Path dataDir = dirArg != null ? dirArg : tmp.resolve("files");
      List<Path> inputs = writeFiles(dataDir, files, records, sample, scifact);
      Path index = tmp.resolve("index");
      System.out.printf(Locale.ROOT, "%d files of %,d records in %s; %d threads, %d processors, max heap %d MB, "
          + "Lucene buffer %d MB%n", files, records, dataDir, threads, Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20, ramMb);
      System.out.println(
          "file  records   seconds  records/s  per CPU s  total records  segments on disk  anon MB  load");
      double[] rates = new double[files];
      double[] cpuRates = new double[files];
      long total = 0;
      Tally tally = new Tally("index");
      long tStart = System.nanoTime();
      long cpuStart = IndexBench.processCpuNanos();
      double commitSecs;
      long anonPeak = 0;
      try (AbstractIndexer indexer = AbstractIndexer.open(index, new AbstractIndexer.Options(threads, ramMb))) {
        for (int f = 0; f < files; f++) {
          long before = tally.get(AbstractIndexer.INDEXED) + tally.get(AbstractIndexer.REPLACED);
          long cpu0 = IndexBench.processCpuNanos();
          long t0 = System.nanoTime();
          indexer.index(inputs.get(f), tally);
          double secs = (System.nanoTime() - t0) / 1e9;
          double cpu = (IndexBench.processCpuNanos() - cpu0) / 1e9;
          long n = tally.get(AbstractIndexer.INDEXED) + tally.get(AbstractIndexer.REPLACED) - before;
          total += n;
          rates[f] = n / secs;
          cpuRates[f] = n / cpu;
          long anon = procStatusMb("RssAnon:");
          anonPeak = Math.max(anonPeak, anon);
          System.out.printf(Locale.ROOT, "%4d  %,7d  %8.2f  %,9.0f  %,9.0f  %,13d  %16d  %7d  %s%n", f + 1, n, secs,
              rates[f], cpuRates[f], total, segments(index), anon, load());
        }
        long t0 = System.nanoTime();
        indexer.commit();
        commitSecs = (System.nanoTime() - t0) / 1e9;
      }
      double secs = (System.nanoTime() - tStart) / 1e9;
      double cpu = (IndexBench.processCpuNanos() - cpuStart) / 1e9;
      long bytes = IndexBench.size(index);
      int third = Math.max(1, files / 3);
      System.out.printf(Locale.ROOT, "outcomes %s%n", tally.reasons().isEmpty() ? tally.outcomes() : tally.reasons());
      System.out.printf(Locale.ROOT, "median per file: first third %,.0f records/s (%,.0f per CPU second), last third "
          + "%,.0f records/s (%,.0f per CPU second)%n", median(rates, 0, third), median(cpuRates, 0, third),
          median(rates, files - third, files), median(cpuRates, files - third, files));
      System.out.printf(Locale.ROOT, "all: %,d records in %.1f s (final commit %.1f s) = %,.0f records/s; %.1f CPU s = "
          + "%,.0f records per CPU second; index %.1f MB = %.2f GB per million records; anonymous resident memory "
          + "at most %d MB after a file (the index files Lucene maps count in the total resident peak, %d MB, but "
          + "are page cache)%n", total, secs, commitSecs, total / secs, cpu, total / cpu, bytes / 1e6,
          bytes / (double) total * 1e6 / 1e9, anonPeak, procStatusMb("VmHWM:"));
      System.out.printf(Locale.ROOT, "projection for a full baseline (%.0f M records) at the last third's rate: %.1f "
          + "hours%n", IndexBench.BASELINE_RECORDS / 1e6,
          IndexBench.BASELINE_RECORDS / median(rates, files - third, files) / 3600);
    } finally {
      AtomicFiles.deleteRecursively(tmp);
    }
  }

  /** The files {@code pubmed26n9001.xml.gz} onwards in {@code dir}, written unless there already. */
  static List<Path> writeFiles(Path dir, int files, int records, Path sample, Path scifact) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    SyntheticPubmed synth = null;
    for (int f = 0; f < files; f++) {
      Path p = dir.resolve(String.format(Locale.ROOT, "pubmed26n%04d.xml.gz", 9001 + f));
      if (!Files.exists(p)) {
        if (synth == null) {
          synth = new SyntheticPubmed(sample, scifact);
        }
        Path part = dir.resolve(p.getFileName() + ".part.gz");
        long t0 = System.nanoTime();
        synth.write(part, records, 40_000_001 + f * records, 42 + f);
        Files.move(part, p);
        System.out.printf(Locale.ROOT, "wrote %s (%.1f MB) in %.1f s%n", p.getFileName(), Files.size(p) / 1e6,
            (System.nanoTime() - t0) / 1e9);
      }
      out.add(p);
    }
    return out;
  }

  private static long segments(Path index) throws IOException {
    try (Stream<Path> s = Files.list(index)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".si")).count();
    }
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /** A memory line of /proc/self/status (Linux) in MB, or -1. */
  private static long procStatusMb(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }

  private static double median(double[] values, int from, int to) {
    double[] v = Arrays.copyOfRange(values, from, to);
    Arrays.sort(v);
    return v[v.length / 2];
  }
}
