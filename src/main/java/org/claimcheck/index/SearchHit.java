package org.claimcheck.index;

import java.util.Objects;
import org.claimcheck.pubmed.PubmedRecord;

/**
 * One hit of a search.
 *
 * @param rank 1-based rank
 * @param score the retrieval score (BM25, or the fused score of a hybrid search)
 * @param record the stored record, its sentences included
 * @param bestSentence the index of the sentence that matches the query best, -1 when the abstract has none or
 *     highlights were not asked for
 * @param highlight that sentence as HTML with the matching words in {@code <mark>} (everything else escaped), or the
 *     title when the abstract has no sentences; null when highlights were not asked for
 */
public record SearchHit(int rank, float score, PubmedRecord record, int bestSentence, String highlight) {
  public SearchHit {
    Objects.requireNonNull(record, "record");
    if (rank < 1) {
      throw new IllegalArgumentException("rank < 1: " + rank);
    }
  }

  public String id() {
    return record.id();
  }
}
