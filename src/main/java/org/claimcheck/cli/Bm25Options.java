package org.claimcheck.cli;

import org.claimcheck.ClaimcheckException;
import org.claimcheck.index.AbstractSearcher;
import picocli.CommandLine.Option;

/** BM25 parameters, shared by the commands that search. */
public final class Bm25Options {
  @Option(names = "--k1", defaultValue = "0.9", paramLabel = "K1",
      description = "BM25 term-frequency saturation, 0 or more (default: ${DEFAULT-VALUE}).")
  float k1;

  @Option(names = "--b", defaultValue = "0.4", paramLabel = "B",
      description = "BM25 length normalisation, 0 to 1 (default: ${DEFAULT-VALUE}).")
  float b;

  /** The parameters; a usage error naming the option when one is out of range (Lucene takes finite values only). */
  AbstractSearcher.Bm25 bm25() {
    if (!(k1 >= 0) || !Float.isFinite(k1)) {
      throw ClaimcheckException.usage("bad --k1", Float.toString(k1), "Give a number of 0 or more, e.g. 0.9");
    }
    if (!(b >= 0 && b <= 1)) {
      throw ClaimcheckException.usage("bad --b", Float.toString(b), "Give a number between 0 and 1, e.g. 0.4");
    }
    return new AbstractSearcher.Bm25(k1, b);
  }
}
