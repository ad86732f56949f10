package org.claimcheck.index;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Thread-safe (stateless). Writes TREC run lines, {@code qid Q0 docid rank score tag}, with scores strictly decreasing
 * within a query: hits come sorted by score then id, and a tie (at six decimals) is broken by lowering the later score
 * by one millionth, as Anserini's {@code ScoreTiesAdjusterReranker} does, so trec_eval keeps our order.
 */
public final class TrecRun {
  private TrecRun() {}

  /** Writes the lines of one query. */
  public static void write(Writer w, String queryId, List<SearchHit> hits, String tag) throws IOException {
    long previous = Long.MAX_VALUE;
    for (SearchHit h : hits) {
      long micros = Math.min(Math.round(h.score() * 1e6), previous - 1);
      previous = micros;
      w.write(String.format(Locale.ROOT, "%s Q0 %s %d %.6f %s%n", queryId, h.id(), h.rank(), micros / 1e6, tag));
    }
  }
}
