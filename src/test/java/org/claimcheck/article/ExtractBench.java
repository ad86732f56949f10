package org.claimcheck.article;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;

/**
 * Main-text extraction speed on the article-extraction benchmark's pages: pages per second on one core (one thread),
 * from the page bytes (charset detection, parsing, metadata and main text), against parsing alone.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.mainClass=org.claimcheck.article.ExtractBench
 * -Dexec.args="[DIR] [ROUNDS]"} (default {@code ../shared/data/article-extraction}, 10 rounds). Prints the median
 * over rounds of the rates by this thread's CPU time, by the process's CPU time (garbage collection included) and by
 * wall clock: on a busy shared machine the CPU-time rates are the one-core figures. For a strictly one-core run, give
 * Maven's JVM {@code MAVEN_OPTS="-XX:+UseSerialGC -XX:ActiveProcessorCount=1"}.
 */
public final class ExtractBench {
  private ExtractBench() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/article-extraction");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    List<ExtractionBenchmark.Page> pages = ExtractionBenchmark.load(dir);
    List<byte[]> bytes = new ArrayList<>();
    long total = 0;
    for (ExtractionBenchmark.Page p : pages) {
      byte[] b = ExtractionBenchmark.read(p);
      bytes.add(b);
      total += b.length;
    }
    System.out.printf(Locale.ROOT, "%d pages, %.1f MB (mean %.0f kB)%n", pages.size(), total / 1e6,
        total / 1e3 / pages.size());
    TextExtractor extractor = new TextExtractor();
    Runnable extract = () -> {
      for (int i = 0; i < bytes.size(); i++) {
        sink += extractor.extract(bytes.get(i), null, pages.get(i).url()).blocks().size();
      }
    };
    Runnable parse = () -> {
      for (int i = 0; i < bytes.size(); i++) {
        sink += Jsoup.parse(new String(bytes.get(i), java.nio.charset.StandardCharsets.UTF_8), pages.get(i).url())
            .childNodeSize();
      }
    };
    for (int i = 0; i < 3; i++) { // warm-up
      extract.run();
      parse.run();
    }
    double[][] e = measure(extract, rounds, pages.size());
    double[][] p = measure(parse, rounds, pages.size());
    System.out.printf(Locale.ROOT, "%-28s %14s %14s %14s%n", "pages/s (median of " + rounds + ")", "thread CPU",
        "process CPU", "wall clock");
    System.out.printf(Locale.ROOT, "%-28s %14.1f %14.1f %14.1f%n", "extract (bytes -> MainText)", median(e[0]),
        median(e[1]), median(e[2]));
    System.out.printf(Locale.ROOT, "%-28s %14.1f %14.1f %14.1f%n", "parse only (jsoup)", median(p[0]), median(p[1]),
        median(p[2]));
    System.out.printf(Locale.ROOT, "extraction beyond parsing:   %.2f ms/page CPU%n",
        1000 / median(e[0]) - 1000 / median(p[0]));
    if (sink == 42) {
      System.out.println();
    }
  }

  private static long sink;

  /**
   * Per round: pages per CPU second of this thread, per CPU second of the whole process (garbage collection and JIT
   * included), and per wall-clock second.
   */
  private static double[][] measure(Runnable work, int rounds, int pages) {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double[] cpu = new double[rounds];
    double[] process = new double[rounds];
    double[] wall = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long c0 = bean.getCurrentThreadCpuTime();
      long p0 = os.getProcessCpuTime();
      long w0 = System.nanoTime();
      work.run();
      cpu[r] = pages / ((bean.getCurrentThreadCpuTime() - c0) / 1e9);
      process[r] = pages / ((os.getProcessCpuTime() - p0) / 1e9);
      wall[r] = pages / ((System.nanoTime() - w0) / 1e9);
    }
    return new double[][] {cpu, process, wall};
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
