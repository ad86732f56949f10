package org.claimcheck.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.claimcheck.TestData;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of check-worthiness (a sentence counts as check-worthy when one of its claims reaches the
 * default threshold, 0.5) against our own hand labels: the five real articles of ../shared/data/articles (skipped
 * when absent) and the invented articles beside this test. The labels are ours, made by the team that wrote the rules:
 * the figures say how well the rules follow our own judgement, not a neutral benchmark. The floors below sit a little
 * under the measured values so that a regression fails; raise them when the figures improve.
 */
class CheckWorthinessEvalTest {
  static final double THRESHOLD = 0.5;
  private final ClaimExtractor extractor = new ClaimExtractor(Lexicon.builtin());

  private LabelledSet.Metrics evaluate(String name, Path dir, String labels, boolean showText) throws IOException {
    List<LabelledSet.Label> ls = LabelledSet.read(TestData.resource("org/claimcheck/claim/labels/" + labels));
    List<LabelledSet.Outcome> outcomes = LabelledSet.outcomes(extractor, dir, ls);
    LabelledSet.Metrics m = LabelledSet.metrics(outcomes, THRESHOLD);
    System.out.printf(Locale.ROOT, "check-worthiness %-8s %d sentences: %s%n", name, ls.size(), m);
    for (LabelledSet.Outcome o : outcomes) {
      boolean predicted = o.score() >= THRESHOLD;
      if (predicted != o.label().worthy() || o.sentence() == null) {
        System.out.printf(Locale.ROOT, "  %s %s:%d %.2f %s%n", o.sentence() == null ? "DROPPED"
                : predicted ? "FP" : "FN",
            o.label().file(), o.label().index(), o.score(), showText && o.sentence() != null ? o.sentence() : "");
      }
    }
    return m;
  }

  private static int ls(LabelledSet.Metrics m) {
    return m.tp() + m.fp() + m.fn() + m.tn();
  }

  @Test
  void realArticles() throws IOException {
    Path dir = TestData.shared("articles");
    LabelledSet.Metrics m = evaluate("real", dir, "real-articles.tsv", false);
    assertTrue(m.dropped() * 20 <= ls(m), "many labelled sentences are gone: relabel with LabelTool; " + m);
    assertTrue(m.precision() >= 0.90, m.toString());
    assertTrue(m.recall() >= 0.90, m.toString());
  }

  @Test
  void inventedArticles() throws IOException {
    Path dir = TestData.resource("org/claimcheck/claim/invented");
    LabelledSet.Metrics m = evaluate("invented", dir, "invented-articles.tsv", true);
    assertTrue(m.dropped() * 20 <= ls(m), "many labelled sentences are gone: relabel with LabelTool; " + m);
    assertTrue(m.precision() >= 0.85, m.toString());
    assertTrue(m.recall() >= 0.85, m.toString());
  }
}
