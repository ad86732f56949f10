package org.claimcheck.claim;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.claimcheck.article.Article;
import org.claimcheck.nlp.Annotator;

/**
 * Speed of the whole claim stage on one thread (sentence splitting, tokens, tags, verb lemmas, lexicon, clauses,
 * atomic claims, scores) over the real articles of ../shared/data/articles (when present) and the invented test
 * articles. Reads the articles once, warms up, then times rounds and prints the median sentences per second, by the
 * wall clock and by the worker thread's CPU time (the fair figure on a shared machine: what one core does); with
 * {@code all-lemmas} it also times the full lemmatizer, to show what it would cost.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.mainClass=org.claimcheck.claim.ClaimBench -Dexec.args="5 15"
 * </pre>
 * Arguments: warm-up rounds, timed rounds, then optional folders of articles and the word {@code all-lemmas}. Pin it to
 * one core with {@code taskset -c 0} for a one-core figure.
 */
public final class ClaimBench {
  private ClaimBench() {}

  public static void main(String[] args) throws IOException {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    boolean allLemmas = Arrays.asList(args).contains("all-lemmas");
    List<Path> dirs = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      if (!args[i].equals("all-lemmas")) {
        dirs.add(Path.of(args[i]));
      }
    }
    if (dirs.isEmpty()) {
      Path shared = Path.of(System.getProperty("claimcheck.shared.data", "../shared/data"), "articles");
      if (Files.isDirectory(shared)) {
        dirs.add(shared);
      }
      dirs.add(Path.of("src/test/resources/org/claimcheck/claim/invented"));
    }
    List<Article> articles = new ArrayList<>();
    for (Path d : dirs) {
      try (Stream<Path> s = Files.list(d)) {
        for (Path f : s.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".html")).sorted()
            .toList()) {
          if (!f.getFileName().toString().equals("PROVENANCE.md")) {
            articles.add(LabelledSet.article(f));
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "claim stage: %d articles from %s, %d warm-up and %d timed rounds, one thread%n",
        articles.size(), dirs, warmup, rounds);
    double verbs = measure("verb lemmas (default)", articles, Annotator.Lemmas.VERBS, warmup, rounds);
    if (allLemmas) {
      double all = measure("all lemmas", articles, Annotator.Lemmas.ALL, Math.max(1, warmup / 2),
          Math.max(3, rounds / 3));
      System.out.printf(Locale.ROOT, "all lemmas / verb lemmas time ratio: %.1f%n", verbs / all);
    }
  }

  /** Median sentences per second of {@code rounds} timed rounds. */
  private static double measure(String name, List<Article> articles, Annotator.Lemmas lemmas, int warmup,
      int rounds) {
    ClaimExtractor extractor = new ClaimExtractor(Lexicon.builtin(), lemmas);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int sentences = 0;
    int claims = 0;
    double[] rates = new double[rounds];
    double[] cpuRates = new double[rounds];
    for (int r = -warmup; r < rounds; r++) {
      sentences = 0;
      claims = 0;
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      for (Article a : articles) {
        ClaimExtractor.Extraction e = extractor.extractAll(a);
        sentences += e.sentences() + e.headings();
        claims += e.claims().size();
      }
      long t1 = System.nanoTime();
      long c1 = threads.getCurrentThreadCpuTime();
      if (r >= 0) {
        rates[r] = sentences / ((t1 - t0) / 1e9);
        cpuRates[r] = sentences / ((c1 - c0) / 1e9);
      }
    }
    Arrays.sort(rates);
    Arrays.sort(cpuRates);
    double median = rates[rounds / 2];
    System.out.printf(Locale.ROOT, "%-22s %d sentences (headings included), %d claims per round:%n", name, sentences,
        claims);
    System.out.printf(Locale.ROOT, "  wall clock      median %.0f sentences/s (min %.0f, max %.0f)%n", median,
        rates[0], rates[rounds - 1]);
    System.out.printf(Locale.ROOT, "  thread CPU time median %.0f sentences/s per core (min %.0f, max %.0f)%n",
        cpuRates[rounds / 2], cpuRates[0], cpuRates[rounds - 1]);
    return median;
  }
}
