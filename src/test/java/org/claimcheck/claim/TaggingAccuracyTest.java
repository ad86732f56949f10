package org.claimcheck.claim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.claimcheck.TestData;
import org.claimcheck.nlp.Annotator;
import org.claimcheck.nlp.CharSpan;
import org.claimcheck.nlp.Tagged;
import org.junit.jupiter.api.Test;

/**
 * Measures how entity spans are best shown to the OpenNLP tagger: verb precision and recall (tokens tagged VERB or AUX)
 * on invented sentences with lexicon entities ({@code verbs-gold.tsv}), for each masking with and without the verb
 * repair. The default annotator must be the best of them.
 */
class TaggingAccuracyTest {
  record Gold(String sentence, List<String> verbs) {}

  static List<Gold> gold() throws IOException {
    List<Gold> out = new ArrayList<>();
    for (String line : Files.readAllLines(TestData.resource("org/claimcheck/claim/verbs-gold.tsv"),
        StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      out.add(new Gold(cols[0], Arrays.asList(cols[1].split(" "))));
    }
    return out;
  }

  /** Verb F1 of an annotator over the gold sentences. */
  static double[] score(Annotator annotator, List<Gold> gold) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (Gold g : gold) {
      List<CharSpan> spans = Lexicon.builtin().find(g.sentence()).stream()
          .map(m -> new CharSpan(m.start(), m.end())).toList();
      Tagged t = annotator.tag(g.sentence(), spans, Annotator.Lemmas.NONE);
      List<String> predicted = new ArrayList<>();
      for (int i = 0; i < t.size(); i++) {
        if (t.tags().get(i).equals("VERB") || t.tags().get(i).equals("AUX")) {
          predicted.add(t.tokens().get(i));
        }
      }
      List<String> want = new ArrayList<>(g.verbs());
      for (String p : predicted) {
        if (want.remove(p)) {
          tp++;
        } else {
          fp++;
        }
      }
      fn += want.size();
    }
    double p = tp / (double) Math.max(1, tp + fp);
    double r = tp / (double) Math.max(1, tp + fn);
    return new double[] {p, r, 2 * p * r / Math.max(1e-9, p + r)};
  }

  @Test
  void theDefaultMaskingAndRepairTagVerbsBest() throws IOException {
    List<Gold> gold = gold();
    double best = 0;
    for (Annotator.Masking m : Annotator.Masking.values()) {
      for (boolean repair : new boolean[] {false, true}) {
        double[] s = score(new Annotator(m, repair), gold);
        System.out.printf(Locale.ROOT, "tagging %-16s repair=%-5s verb P %.3f R %.3f F1 %.3f%n", m, repair, s[0], s[1],
            s[2]);
        best = Math.max(best, s[2]);
      }
    }
    double[] def = score(new Annotator(), gold);
    System.out.printf(Locale.ROOT, "tagging default verb P %.3f R %.3f F1 %.3f%n", def[0], def[1], def[2]);
    assertTrue(def[2] >= best - 1e-9, "the default is not the best configuration");
    assertTrue(def[2] >= 0.9, "verb F1 " + def[2]);
  }
}
