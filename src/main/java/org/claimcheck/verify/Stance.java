package org.claimcheck.verify;

/** Stance of evidence toward a claim. Names follow SciFact ({@code SUPPORT}, {@code CONTRADICT}). */
public enum Stance {
  SUPPORT,
  CONTRADICT,
  NEUTRAL
}
