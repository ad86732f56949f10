package org.claimcheck.verify;

import java.util.Objects;

/**
 * A sentence of an abstract chosen as evidence.
 *
 * @param index the sentence's number in the abstract's sentence list (0-based)
 * @param probability the probability of {@code stance}
 */
public record EvidenceSentence(int index, String text, Stance stance, double probability) {
  public EvidenceSentence {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(stance, "stance");
    if (index < 0) {
      throw new IllegalArgumentException("index < 0: " + index);
    }
  }
}
