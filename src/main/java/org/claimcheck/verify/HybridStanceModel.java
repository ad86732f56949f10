package org.claimcheck.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Thread-safe when both parts are. Relevance from one model, direction from another: a sentence's probability of
 * being evidence is {@code 1 - P(NEUTRAL)} of {@code relevance} (the trained cross-encoder), split between SUPPORT and
 * CONTRADICT in the proportions {@code polarity} (the rule baseline: negation and direction words) gives them. Closing
 * it closes both parts.
 */
public final class HybridStanceModel implements StanceModel, AutoCloseable {
  private final StanceModel relevance;
  private final StanceModel polarity;

  public HybridStanceModel(StanceModel relevance, StanceModel polarity) {
    this.relevance = Objects.requireNonNull(relevance, "relevance");
    this.polarity = Objects.requireNonNull(polarity, "polarity");
  }

  @Override
  public List<StanceScores> score(String claim, List<String> sentences) {
    List<StanceScores> r = relevance.score(claim, sentences);
    List<StanceScores> p = polarity.score(claim, sentences);
    List<StanceScores> out = new ArrayList<>(sentences.size());
    for (int i = 0; i < sentences.size(); i++) {
      double evidence = 1 - r.get(i).neutral();
      double s = p.get(i).support();
      double c = p.get(i).contradict();
      double share = s + c == 0 ? 1 : s / (s + c);
      double support = evidence * share;
      out.add(new StanceScores(support, evidence - support, Math.max(0, 1 - evidence)));
    }
    return out;
  }

  @Override
  public String describe() {
    return "hybrid: relevance from " + relevance.describe() + "; direction from " + polarity.describe();
  }

  @Override
  public void close() throws Exception {
    try {
      if (relevance instanceof AutoCloseable c) {
        c.close();
      }
    } finally {
      if (polarity instanceof AutoCloseable c) {
        c.close();
      }
    }
  }
}
