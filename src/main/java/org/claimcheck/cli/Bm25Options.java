package org.claimcheck.cli;

import org.claimcheck.index.AbstractSearcher;
import picocli.CommandLine.Option;

/** BM25 parameters, shared by the commands that search. */
public final class Bm25Options {
  @Option(names = "--k1", defaultValue = "0.9", paramLabel = "K1",
      description = "BM25 term-frequency saturation (default: ${DEFAULT-VALUE}).")
  float k1;

  @Option(names = "--b", defaultValue = "0.4", paramLabel = "B",
      description = "BM25 length normalisation, 0 to 1 (default: ${DEFAULT-VALUE}).")
  float b;

  AbstractSearcher.Bm25 bm25() {
    try {
      return new AbstractSearcher.Bm25(k1, b);
    } catch (IllegalArgumentException e) {
      throw org.claimcheck.ClaimcheckException.usage("bad BM25 parameters", "--k1 " + k1 + " --b " + b,
          "Use k1 >= 0 and b between 0 and 1");
    }
  }
}
