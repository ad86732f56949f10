package org.claimcheck.cli;

import org.claimcheck.ClaimcheckException;
import org.claimcheck.verify.Verifier;
import picocli.CommandLine.Option;

/** The verifier's settings, shared by {@code verify} and {@code eval scifact}. */
public final class VerifierOptions {
  @Option(names = "--abstracts-per-claim", defaultValue = "" + Verifier.DEFAULT_ABSTRACTS, paramLabel = "K",
      description = "Abstracts retrieved per claim (default: ${DEFAULT-VALUE}).")
  int abstracts;

  @Option(names = "--candidates", defaultValue = "" + Verifier.DEFAULT_CANDIDATES, paramLabel = "M",
      description = "Sentences of the retrieved abstracts the stance model reads per claim, those sharing the most "
          + "words with the claim first; 0 for all (default: ${DEFAULT-VALUE}).")
  int candidates;

  @Option(names = "--rationale-threshold", defaultValue = "" + Verifier.DEFAULT_RATIONALE_THRESHOLD,
      paramLabel = "T", description = "A sentence is evidence when P(SUPPORT) + P(CONTRADICT) >= T "
          + "(default: ${DEFAULT-VALUE}).")
  double rationaleThreshold;

  @Option(names = "--evidence-abstracts", defaultValue = "" + Verifier.DEFAULT_EVIDENCE_ABSTRACTS, paramLabel = "N",
      description = "At most N abstracts per claim take a stance, the most probable first (default: ${DEFAULT-VALUE}).")
  int evidenceAbstracts;

  Verifier.Options options() {
    return options(abstracts, candidates, rationaleThreshold, evidenceAbstracts);
  }

  /** Options with usage errors that name the bad value. */
  static Verifier.Options options(int abstracts, int candidates, double rationaleThreshold, int evidenceAbstracts) {
    if (abstracts < 1 || abstracts > 100) {
      throw ClaimcheckException.usage("--abstracts-per-claim must be between 1 and 100", Integer.toString(abstracts),
          null);
    }
    if (candidates < 0 || candidates > 10_000) {
      throw ClaimcheckException.usage("--candidates must be between 0 and 10000", Integer.toString(candidates), null);
    }
    if (!(rationaleThreshold > 0 && rationaleThreshold <= 1)) {
      throw ClaimcheckException.usage("--rationale-threshold must be in (0, 1]", Double.toString(rationaleThreshold),
          null);
    }
    if (evidenceAbstracts < 1 || evidenceAbstracts > 100) {
      throw ClaimcheckException.usage("--evidence-abstracts must be between 1 and 100",
          Integer.toString(evidenceAbstracts), null);
    }
    return new Verifier.Options(abstracts, 3, true, candidates, rationaleThreshold,
        Math.min(abstracts, evidenceAbstracts));
  }
}
