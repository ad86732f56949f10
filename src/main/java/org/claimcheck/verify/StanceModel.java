package org.claimcheck.verify;

import java.util.List;

/**
 * Judges the stance of evidence sentences toward a claim. Implementations state their thread safety; the verifier
 * gives each worker its own when they are not thread-safe.
 */
public interface StanceModel {
  /** One {@link StanceScores} per sentence, in order. */
  List<StanceScores> score(String claim, List<String> sentences);

  /**
   * One {@link StanceScores} per sentence, in order, knowing where each sentence comes from. The verifier calls this;
   * models that use only the text keep the default, which calls {@link #score(String, List)}.
   */
  default List<StanceScores> scoreInContext(String claim, List<SentenceContext> sentences) {
    return score(claim, sentences.stream().map(SentenceContext::text).toList());
  }

  /** Name and version, for run manifests. */
  String describe();
}
