package org.claimcheck.verify;

/** What the literature says of a claim, for editors. */
public enum Verdict {
  /** Weighted evidence supports it and little contradicts it. */
  SUPPORTED,
  /** Weighted evidence contradicts it and little supports it. */
  CONTRADICTED,
  /** Substantial evidence both ways. */
  MIXED,
  /** No abstract found takes a stance on it. */
  INSUFFICIENT_EVIDENCE
}
