package org.claimcheck.pubmed;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Benchmark main: record parsing alone (what {@link PubmedXmlReader} does on an indexing worker), one thread, over
 * records cut into memory beforehand, so neither gunzip nor cutting is timed. Prints microseconds and MB of XML per CPU
 * second of each round and the median.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.claimcheck.pubmed.ParseBench \
 *     -Dexec.args="--file /tmp/synth-30k.xml.gz --rounds 10"
 * </pre>
 *
 * {@code --file} is any PubMed XML file ({@code IndexBench} writes a synthetic one); {@code --stax true} times the JDK's
 * StAX parser instead of {@link MiniXml}.
 */
public final class ParseBench {
  private ParseBench() {}

  public static void main(String[] args) throws IOException {
    Path file = null;
    int rounds = 10;
    boolean stax = false;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--file" -> file = Path.of(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--stax" -> stax = Boolean.parseBoolean(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (file == null) {
      throw new IllegalArgumentException("--file is required");
    }
    List<PubmedXmlSplitter.Chunk> chunks = new ArrayList<>();
    long bytes = 0;
    String encoding;
    InputStream in = Files.newInputStream(file);
    if (file.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    try (var splitter = new PubmedXmlSplitter(in, file.toString())) {
      for (PubmedXmlSplitter.Chunk c; (c = splitter.next()) != null; ) {
        if (c.kind() == PubmedXmlSplitter.Kind.ARTICLE && c.problem() == null) {
          chunks.add(c);
          bytes += c.bytes().length;
        }
      }
      encoding = splitter.encoding();
    }
    System.out.printf(Locale.ROOT, "%,d records, %.1f MB of XML, %s%n", chunks.size(), bytes / 1e6,
        stax ? "StAX" : "MiniXml");
    var bean = ManagementFactory.getThreadMXBean();
    double[] us = new double[rounds];
    long check = 0;
    for (int round = 0; round <= rounds; round++) {
      long t0 = bean.getCurrentThreadCpuTime();
      int skipped = 0;
      for (PubmedXmlSplitter.Chunk c : chunks) {
        RecordReader.Entry e = PubmedXmlReader.parse(c, encoding, stax);
        if (e instanceof RecordReader.Entry.Upsert u) {
          check += u.record().title().length() + u.record().sections().size() + u.record().authors().size();
        } else {
          skipped++;
        }
      }
      double s = (bean.getCurrentThreadCpuTime() - t0) / 1e9;
      if (round == 0) {
        System.out.printf(Locale.ROOT, "warm-up: %.2f CPU s%s%n", s, skipped == 0 ? "" : ", " + skipped + " skipped");
        continue;
      }
      us[round - 1] = s * 1e6 / chunks.size();
      System.out.printf(Locale.ROOT, "round %d: %.1f us per record, %.0f MB/s%n", round, us[round - 1],
          bytes / 1e6 / s);
    }
    Arrays.sort(us);
    double median = us[rounds / 2];
    System.out.printf(Locale.ROOT, "median: %.1f us per record, %.0f MB per CPU second (checksum %d)%n", median,
        bytes / 1e6 / (median * chunks.size() / 1e6), check);
  }
}
