package org.claimcheck.index;

import java.util.List;

/**
 * One page of a search.
 *
 * @param totalHits how many records match, counted exactly up to 1,000 and at least that many beyond
 * @param totalIsExact whether {@code totalHits} is exact or a lower bound
 * @param offset the hits passed over before this page
 * @param hits this page's hits; ranks count from the first hit of the search, not of the page
 */
public record SearchPage(long totalHits, boolean totalIsExact, int offset, List<SearchHit> hits) {
  public SearchPage {
    hits = List.copyOf(hits);
  }
}
