package org.claimcheck.cli;

import java.util.Locale;
import org.claimcheck.index.HybridRanker;
import picocli.CommandLine.Option;

/** How the commands that search rank hits: BM25, dense or hybrid (default: hybrid when the index has vectors). */
public final class RankingOptions {
  enum Ranking { auto, bm25, dense, hybrid }

  @Option(names = "--ranking", defaultValue = "auto", paramLabel = "R",
      description = "auto (hybrid when the index has vectors from index --dense, else BM25), bm25, dense or hybrid "
          + "(default: ${DEFAULT-VALUE}). Lucene queries other than plain words always rank by BM25.")
  Ranking ranking;

  @Option(names = "--bm25-weight", paramLabel = "W",
      description = "Hybrid ranking: weight of the normalised BM25 score, 0 to 1; dense gets 1 - W (default: "
          + HybridRanker.Settings.DEFAULT_BM25_WEIGHT + ").")
  Double bm25Weight;

  HybridRanker.Settings settings() {
    return new HybridRanker.Settings(HybridRanker.Mode.valueOf(ranking.name().toUpperCase(Locale.ROOT)),
        bm25Weight(bm25Weight), HybridRanker.Settings.DEFAULT_CANDIDATES);
  }

  /** A given {@code --bm25-weight} checked to lie in [0, 1], or the default when none was given. */
  static double bm25Weight(Double given) {
    double w = given == null ? HybridRanker.Settings.DEFAULT_BM25_WEIGHT : given;
    if (!(w >= 0 && w <= 1)) {
      throw org.claimcheck.ClaimcheckException.usage("bad --bm25-weight", Double.toString(w),
          "Give a weight between 0 and 1");
    }
    return w;
  }
}
