package org.claimcheck.verify;

import java.util.Locale;

/** Probabilities that a piece of evidence supports, contradicts or says nothing about a claim; they sum to 1. */
public record StanceScores(double support, double contradict, double neutral) {
  public StanceScores {
    double sum = support + contradict + neutral;
    if (support < 0 || contradict < 0 || neutral < 0 || Math.abs(sum - 1) > 1e-6) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "stance probabilities must be >= 0 and sum to 1: %f %f %f", support, contradict, neutral));
    }
  }

  /** The most probable stance; ties go to NEUTRAL, then SUPPORT. */
  public Stance label() {
    if (neutral >= support && neutral >= contradict) {
      return Stance.NEUTRAL;
    }
    return support >= contradict ? Stance.SUPPORT : Stance.CONTRADICT;
  }

  /** The probability of {@code stance}. */
  public double probability(Stance stance) {
    return switch (stance) {
      case SUPPORT -> support;
      case CONTRADICT -> contradict;
      case NEUTRAL -> neutral;
    };
  }
}
