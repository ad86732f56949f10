package org.claimcheck.verify;

import java.util.List;
import java.util.Objects;
import org.claimcheck.claim.Claim;

/**
 * The verdict on one claim with the evidence behind it.
 *
 * @param confidence in [0, 1]: how sure the verdict is
 * @param supporting how many abstracts (not retracted) support the claim
 * @param contradicting how many abstracts (not retracted) contradict it
 * @param abstracts every abstract retrieved for the claim, stance-taking ones first
 */
public record ClaimVerdict(
    Claim claim,
    Verdict verdict,
    double confidence,
    int supporting,
    int contradicting,
    List<AbstractEvidence> abstracts) {

  public ClaimVerdict {
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(verdict, "verdict");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence outside [0, 1]: " + confidence);
    }
    abstracts = List.copyOf(abstracts);
  }

  /** The abstracts that take a stance and are not retracted, in order. */
  public List<AbstractEvidence> evidence() {
    return abstracts.stream().filter(a -> a.stance() != Stance.NEUTRAL && !a.retracted()).toList();
  }

  /** The retracted abstracts that take a stance, in order: shown and flagged, never counted. */
  public List<AbstractEvidence> retracted() {
    return abstracts.stream().filter(a -> a.stance() != Stance.NEUTRAL && a.retracted()).toList();
  }

  /** The strongest piece of evidence in the direction of the verdict, or null. */
  public AbstractEvidence best() {
    Stance want = switch (verdict) {
      case SUPPORTED -> Stance.SUPPORT;
      case CONTRADICTED -> Stance.CONTRADICT;
      default -> null;
    };
    AbstractEvidence best = null;
    for (AbstractEvidence a : evidence()) {
      if (want != null && a.stance() != want) {
        continue;
      }
      if (best == null || a.probability() * a.design().weight() > best.probability() * best.design().weight()) {
        best = a;
      }
    }
    return best;
  }

  /**
   * The sentence of {@link #best} to show for it: its likeliest sentence of the abstract's own stance (the verdict's
   * direction), so that the one sentence shown does not argue against the verdict; its first sentence when none takes
   * that stance; null without a best abstract or sentences.
   */
  public EvidenceSentence bestSentence() {
    AbstractEvidence a = best();
    if (a == null || a.sentences().isEmpty()) {
      return null;
    }
    EvidenceSentence pick = null;
    for (EvidenceSentence s : a.sentences()) {
      if (s.stance() == a.stance() && (pick == null || s.probability() > pick.probability())) {
        pick = s;
      }
    }
    return pick != null ? pick : a.sentences().getFirst();
  }
}
