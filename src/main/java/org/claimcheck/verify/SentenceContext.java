package org.claimcheck.verify;

import java.util.List;
import java.util.Objects;

/**
 * A sentence the stance model judges, with where it comes from: a trained model uses its place in the abstract and
 * the abstract's place in the retrieval.
 *
 * @param text the sentence
 * @param position its number in the abstract's sentence list (0-based)
 * @param sentences how many sentences the abstract has
 * @param rank the abstract's retrieval rank (0-based)
 * @param score the abstract's retrieval score
 * @param topScore the retrieval score of the claim's first hit
 * @param abstractText the whole abstract (its sentences, one space between)
 */
public record SentenceContext(String text, int position, int sentences, int rank, double score, double topScore,
    String abstractText) {
  public SentenceContext {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(abstractText, "abstractText");
    if (position < 0 || sentences <= position || rank < 0) {
      throw new IllegalArgumentException("bad sentence context: position " + position + " of " + sentences
          + ", rank " + rank);
    }
  }

  /** A sentence with no known context: the only sentence of the first hit. */
  public static SentenceContext of(String text) {
    return new SentenceContext(text, 0, 1, 0, 1, 1, text);
  }

  /** Sentence {@code position} of an abstract given as its sentences. */
  public static SentenceContext of(List<String> abstractSentences, int position, int rank, double score,
      double topScore) {
    return new SentenceContext(abstractSentences.get(position), position, abstractSentences.size(), rank, score,
        topScore, String.join(" ", abstractSentences));
  }
}
