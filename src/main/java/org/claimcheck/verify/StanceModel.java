package org.claimcheck.verify;

import java.util.List;

/**
 * Judges the stance of evidence sentences toward a claim. Implementations state their thread safety; the verifier
 * gives each worker its own when they are not thread-safe.
 */
public interface StanceModel {
  /** One {@link StanceScores} per sentence, in order. */
  List<StanceScores> score(String claim, List<String> sentences);

  /** Name and version, for run manifests. */
  String describe();
}
