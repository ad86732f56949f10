package org.claimcheck.index;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.claimcheck.AtomicFiles;
import org.claimcheck.Tally;
import org.claimcheck.nlp.Annotator;
import org.claimcheck.pubmed.PubmedRecord;
import org.claimcheck.pubmed.RecordReader;
import org.claimcheck.pubmed.RecordReaders;
import org.claimcheck.pubmed.SyntheticPubmed;

/**
 * Indexing throughput and index size. Synthesises one baseline-like file ({@link SyntheticPubmed}: real records of
 * {@code ../shared/data/pubmed-sample} with new PMIDs and recombined real text), then, after a warm-up round, indexes
 * it into a fresh index each round and prints the median records/s and abstracts/s (open to commit), the index size
 * per million records and a full-baseline projection; then the same for the real sample files. It also times each
 * stage alone on one thread (reading and cutting, parsing, sentence splitting by rule and by OpenNLP) to show where the
 * time goes.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.mainClass=org.claimcheck.index.IndexBench \
 *   -Dexec.args="--records 30000 --rounds 3"</pre>
 *
 * Options: {@code --records N} (30000, one baseline file), {@code --rounds R} (3), {@code --threads T} (processors),
 * {@code --ram-mb M} (256, Lucene's indexing buffer), {@code --file F} (keep the synthetic file there and reuse it
 * when it exists), {@code --real false} to skip the real sample, {@code --sample DIR}
 * (../shared/data/pubmed-sample/xml), {@code --scifact FILE} (../shared/data/scifact/corpus.jsonl, more real text),
 * {@code --stages false} to skip the per-stage timings.
 */
public final class IndexBench {
  /** PubMed baseline: records and files (2026). */
  static final double BASELINE_RECORDS = 40e6;

  private IndexBench() {}

  public static void main(String[] args) throws Exception {
    int records = 30_000;
    int rounds = 3;
    int threads = Runtime.getRuntime().availableProcessors();
    Path sample = Path.of("../shared/data/pubmed-sample/xml");
    Path scifact = Path.of("../shared/data/scifact/corpus.jsonl");
    boolean stages = true;
    int ramMb = 256;
    Path keep = null;
    boolean real = true;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--records" -> records = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--threads" -> threads = Integer.parseInt(args[i + 1]);
        case "--sample" -> sample = Path.of(args[i + 1]);
        case "--scifact" -> scifact = Path.of(args[i + 1]);
        case "--stages" -> stages = Boolean.parseBoolean(args[i + 1]);
        case "--ram-mb" -> ramMb = Integer.parseInt(args[i + 1]);
        case "--file" -> keep = Path.of(args[i + 1]);
        case "--real" -> real = Boolean.parseBoolean(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path tmp = Files.createTempDirectory("claimcheck-indexbench-");
    try {
      SyntheticPubmed synth = new SyntheticPubmed(sample, scifact);
      Path file = keep != null ? keep : tmp.resolve("pubmed26n9001.xml.gz");
      long t0 = System.nanoTime();
      long abstracts;
      if (keep == null || !Files.exists(keep)) {
        synth.write(file, records, 40_000_001, 42);
      }
      // Counted as the indexer sees them: the writer's own count also took records whose only abstract is an
      // OtherAbstract (0.2% more).
      abstracts = countAbstracts(file);
      records = (int) countRecords(file);
      System.out.printf(Locale.ROOT, "synthetic file: %d records (%d with an abstract) from %d real templates, "
          + "%.1f MB gzipped, written or read in %.1f s; %d threads, %d processors, max heap %d MB%n", records, abstracts,
          synth.templates(), Files.size(file) / 1e6, (System.nanoTime() - t0) / 1e9, threads,
          Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
      if (stages) {
        stages(file, false);
        stages(file, true);
      }
      Result r = indexRounds(List.of(file), tmp, new AbstractIndexer.Options(threads, ramMb), rounds, abstracts);
      double bytesPerRecord = r.indexBytes / (double) r.records;
      System.out.printf(Locale.ROOT, "synthetic: %,.0f records/s, %,.0f abstracts/s (median of %d; min %,.0f, max %,.0f "
          + "records/s); %,.0f records per CPU second (x %d processors = %,.0f records/s on idle cores); index %.1f MB "
          + "= %.2f GB per million records%n", r.medianRecordsPerSecond,
          r.medianRecordsPerSecond * abstracts / records, rounds, r.min, r.max, r.medianPerCpuSecond, threads,
          r.medianPerCpuSecond * threads, r.indexBytes / 1e6, bytesPerRecord * 1e6 / 1e9);
      double hours = BASELINE_RECORDS / r.medianRecordsPerSecond / 3600;
      System.out.printf(Locale.ROOT, "projection for a full baseline (%.0f M records): %.1f hours, %.0f GB of index%n",
          BASELINE_RECORDS / 1e6, hours, bytesPerRecord * BASELINE_RECORDS / 1e9);
      if (!real) {
        return;
      }
      List<Path> files;
      try (Stream<Path> s = Files.list(sample)) {
        files = s.filter(RecordReaders::isSupported).sorted().toList();
      }
      Result rs = indexRounds(files, tmp, new AbstractIndexer.Options(threads, ramMb), rounds, -1);
      System.out.printf(Locale.ROOT, "real sample: %d files, %d records, %,.0f records/s (median of %d); index %.2f MB%n",
          files.size(), rs.records, rs.medianRecordsPerSecond, rounds, rs.indexBytes / 1e6);
    } finally {
      AtomicFiles.deleteRecursively(tmp);
    }
  }

  /**
   * @param medianPerCpuSecond records per second of process CPU time (all threads, GC and merges included): what the
   *     records/s would be on one otherwise idle core
   */
  record Result(long records, double medianRecordsPerSecond, double min, double max, double medianPerCpuSecond,
      long indexBytes) {}

  /** This thread's CPU time: the benchmark machine is shared, and wall time measures the neighbours too. */
  static long now() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static Result indexRounds(List<Path> files, Path tmp, AbstractIndexer.Options options, int rounds, long abstracts)
      throws IOException {
    double[] rates = new double[rounds];
    double[] cpuRates = new double[rounds];
    long records = 0;
    long bytes = 0;
    for (int round = -1; round < rounds; round++) {
      Path dir = tmp.resolve("index-" + System.nanoTime());
      Tally tally = new Tally("index");
      long cpu0 = processCpuNanos();
      long t0 = System.nanoTime();
      try (AbstractIndexer indexer = AbstractIndexer.open(dir, options)) {
        indexer.index(files, tally);
        indexer.commit();
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      double cpuSecs = (processCpuNanos() - cpu0) / 1e9;
      records = tally.get(AbstractIndexer.INDEXED) + tally.get(AbstractIndexer.REPLACED);
      bytes = size(dir);
      if (round >= 0) {
        rates[round] = records / secs;
        cpuRates[round] = records / cpuSecs;
      }
      System.out.printf(Locale.ROOT, "  %s: %d records in %.2f s = %,.0f records/s; %.2f CPU s = %,.0f records per "
          + "CPU second; index %.1f MB; %s%n", round < 0 ? "warm-up" : "round " + (round + 1), records, secs,
          records / secs, cpuSecs, records / cpuSecs, bytes / 1e6, tally.reasons().isEmpty() ? tally.outcomes()
          : tally.reasons());
      AtomicFiles.deleteRecursively(dir);
    }
    double[] sorted = rates.clone();
    Arrays.sort(sorted);
    Arrays.sort(cpuRates);
    return new Result(records, sorted[rounds / 2], sorted[0], sorted[rounds - 1], cpuRates[rounds / 2], bytes);
  }

  private static long countRecords(Path file) throws IOException {
    long n = 0;
    try (RecordReader r = RecordReaders.open(file)) {
      while (r.nextDeferred() != null) {
        n++;
      }
    }
    return n;
  }

  private static long countAbstracts(Path file) throws IOException {
    long n = 0;
    try (RecordReader r = RecordReaders.open(file)) {
      for (RecordReader.Entry e; (e = r.next()) != null; ) {
        n += e instanceof RecordReader.Entry.Upsert u && u.record().hasAbstract() ? 1 : 0;
      }
    }
    return n;
  }

  static long size(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  /** Each stage alone, one thread: records per second of this thread's CPU time. */
  static void stages(Path file, boolean print) throws IOException {
    List<PubmedRecord> parsed = new ArrayList<>();
    double cut = time("read + gunzip + cut into records", file, false, null);
    double parse = time("+ parse", file, true, parsed);
    long t0 = now();
    long n = 0;
    for (PubmedRecord r : parsed) {
      n += AbstractIndexer.split(r).size();
    }
    double rules = parsed.size() / ((now() - t0) / 1e9);
    Annotator annotator = new Annotator();
    t0 = now();
    int limit = Math.min(parsed.size(), 5000);
    for (PubmedRecord r : parsed.subList(0, limit)) {
      for (PubmedRecord.Section s : r.sections()) {
        n += annotator.sentences(s.text()).size();
      }
    }
    double opennlp = limit / ((now() - t0) / 1e9);
    t0 = now();
    long docs = 0;
    for (PubmedRecord r : parsed) {
      docs += AbstractIndexer.toDocument(r.withSentences(AbstractIndexer.split(r))).getFields().size();
    }
    double build = parsed.size() / ((now() - t0) / 1e9);
    if (print) {
      System.out.printf(Locale.ROOT, "stages, one thread, records/s: cut %,.0f; cut+parse %,.0f; sentence split by "
          + "rule %,.0f, by OpenNLP %,.0f; split+build document (analysis, stored form) %,.0f%s%n", cut, parse, rules,
          opennlp, build,
          n + docs == 0 ? "" : "");
    }
    List<org.apache.lucene.document.Document> docs2 = new ArrayList<>();
    for (PubmedRecord r : parsed) {
      docs2.add(AbstractIndexer.toDocument(r.withSentences(AbstractIndexer.split(r))));
    }
    long chars = 0;
    t0 = now();
    try (var a = IndexSchema.bulkTextAnalyzer()) {
      for (PubmedRecord r : parsed) {
        String text = r.title() + " " + r.abstractText();
        chars += text.length();
        try (var ts = a.tokenStream(IndexSchema.CONTENTS, text)) {
          ts.reset();
          while (ts.incrementToken()) {
            n++;
          }
          ts.end();
        }
      }
    }
    double analyze = parsed.size() / ((now() - t0) / 1e9);
    t0 = now();
    try (var dir = new org.apache.lucene.store.ByteBuffersDirectory();
        var w = new org.apache.lucene.index.IndexWriter(dir, new org.apache.lucene.index.IndexWriterConfig(
            IndexSchema.analyzer()).setRAMBufferSizeMB(256))) {
      for (var d : docs2) {
        w.addDocument(d);
      }
      w.commit();
    }
    double index = parsed.size() / ((now() - t0) / 1e9);
    if (!print) {
      return;
    }
    System.out.printf(Locale.ROOT, "stages, one thread, records/s: analyse title+abstract once %,.0f (%.0f chars per "
        + "record); IndexWriter on prebuilt documents, in memory %,.0f%n", analyze, chars / (double) parsed.size(),
        index);
  }

  private static double time(String what, Path file, boolean parse, List<PubmedRecord> sink) throws IOException {
    long t0 = now();
    long n = 0;
    try (RecordReader r = RecordReaders.open(file)) {
      for (RecordReader.Deferred d; (d = r.nextDeferred()) != null; ) {
        n++;
        if (parse && d.parse() instanceof RecordReader.Entry.Upsert u && sink != null) {
          sink.add(u.record());
        }
      }
    }
    return n / ((now() - t0) / 1e9);
  }
}
