package org.claimcheck.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.claimcheck.Json;
import org.claimcheck.nlp.Annotator;
import org.claimcheck.nlp.Sentence;

/**
 * Sentence splitting: speed and agreement of the rule-based {@link SentenceSplitter} and of OpenNLP (through
 * {@link Annotator}) with the sentence lists of the SciFact corpus, whose abstracts come split by their authors.
 * Each abstract's sentences are joined with spaces and split again; the internal boundaries are compared (precision,
 * recall, F1) and the splitting speed measured in abstracts per second (median of rounds after a warm-up).
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.mainClass=org.claimcheck.index.SentenceSplitBench \
 *   -Dexec.args="../shared/data/scifact/corpus.jsonl 5"</pre>
 */
public final class SentenceSplitBench {
  private SentenceSplitBench() {}

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/data/scifact/corpus.jsonl");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<List<String>> gold = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        JsonNode n = Json.MAPPER.readTree(line);
        List<String> s = new ArrayList<>();
        n.path("abstract").forEach(x -> s.add(x.asText().strip()));
        s.removeIf(String::isEmpty);
        if (!s.isEmpty()) {
          gold.add(s);
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d abstracts, %d sentences%n", gold.size(),
        gold.stream().mapToInt(List::size).sum());
    Annotator annotator = new Annotator();
    measure("rules", gold, SentenceSplitter::split, rounds);
    measure("opennlp", gold, t -> annotator.sentences(t).stream().map(Sentence::text).toList(), rounds);
  }

  static void measure(String name, List<List<String>> gold, Function<String, List<String>> splitter, int rounds) {
    List<String> texts = gold.stream().map(s -> String.join(" ", s)).toList();
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (int i = 0; i < texts.size(); i++) {
      Set<Integer> want = boundaries(texts.get(i), gold.get(i));
      Set<Integer> got = boundaries(texts.get(i), splitter.apply(texts.get(i)));
      for (int b : got) {
        if (want.contains(b)) {
          tp++;
        } else {
          fp++;
        }
      }
      for (int b : want) {
        if (!got.contains(b)) {
          fn++;
        }
      }
    }
    double p = tp / (double) (tp + fp);
    double r = tp / (double) (tp + fn);
    double[] perSecond = new double[rounds];
    for (int round = -1; round < rounds; round++) {
      long t0 = System.nanoTime();
      long sink = 0;
      for (String t : texts) {
        sink += splitter.apply(t).size();
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      if (round >= 0) {
        perSecond[round] = texts.size() / secs;
      }
      if (sink == 42) {
        System.out.print("");
      }
    }
    Arrays.sort(perSecond);
    System.out.printf(Locale.ROOT, "%-8s boundaries P %.3f R %.3f F1 %.3f; %,.0f abstracts/s (median of %d)%n", name,
        p, r, 2 * p * r / (p + r), perSecond[rounds / 2], rounds);
  }

  /** Start offsets of every sentence but the first, found in order in {@code text}. */
  static Set<Integer> boundaries(String text, List<String> sentences) {
    Set<Integer> out = new HashSet<>();
    int from = 0;
    for (int i = 0; i < sentences.size(); i++) {
      int at = text.indexOf(sentences.get(i), from);
      if (at < 0) {
        continue;
      }
      if (i > 0) {
        out.add(at);
      }
      from = at + sentences.get(i).length();
    }
    return out;
  }
}
