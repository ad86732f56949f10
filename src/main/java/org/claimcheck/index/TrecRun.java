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

  /**
   * Whether {@code s} can stand as one field of a run line: not empty, no white space (trec_eval splits lines on it)
   * and no control characters.
   */
  public static boolean isField(String s) {
    return s != null && !s.isEmpty() && s.codePoints().noneMatch(c -> Character.isWhitespace(c)
        || Character.isSpaceChar(c) || Character.isISOControl(c));
  }

  /** Writes the lines of one query; {@code queryId} and {@code tag} must each be one {@linkplain #isField field}. */
  public static void write(Writer w, String queryId, List<SearchHit> hits, String tag) throws IOException {
    if (!isField(queryId) || !isField(tag)) {
      throw new IllegalArgumentException("a TREC query id and tag are each one word: '" + queryId + "', '" + tag + "'");
    }
    long previous = Long.MAX_VALUE;
    for (SearchHit h : hits) {
      long micros = Math.min(Math.round(h.score() * 1e6), previous - 1);
      previous = micros;
      w.write(String.format(Locale.ROOT, "%s Q0 %s %d %.6f %s%n", queryId, h.id(), h.rank(), micros / 1e6, tag));
    }
  }
}
