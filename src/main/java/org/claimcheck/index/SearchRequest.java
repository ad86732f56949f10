package org.claimcheck.index;

import java.util.List;
import java.util.Objects;

/**
 * A search: the query, which page of hits, and filters.
 *
 * @param query the query text
 * @param syntax {@link Syntax#LUCENE} to parse Lucene query syntax, {@link Syntax#TEXT} to search the words as given
 *     (claims, batch queries)
 * @param hits how many hits to return, 1 to 10,000
 * @param yearFrom lowest publication year, or null
 * @param yearTo highest publication year, or null
 * @param pubTypes publication types (any of them), case-insensitive
 * @param mesh MeSH descriptors (all of them), case-insensitive
 * @param humans true to keep only records tagged Humans, false to leave them out, null for no filter
 * @param excludeRetracted true to drop retracted records
 * @param offset how many of the best hits to pass over before the page starts (0 to 10,000): page {@code p} of size
 *     {@code n} is offset {@code (p - 1) * n}
 * @param animals true to keep only records tagged Animals, false to leave them out, null for no filter
 */
public record SearchRequest(
    String query,
    Syntax syntax,
    int hits,
    Integer yearFrom,
    Integer yearTo,
    List<String> pubTypes,
    List<String> mesh,
    Boolean humans,
    boolean excludeRetracted,
    int offset,
    Boolean animals) {

  /** The most hits one request returns, and the deepest offset. */
  public static final int MAX_HITS = 10_000;

  /**
   * The most distinct terms a {@link Syntax#TEXT} query is searched with: the searcher keeps the first ones, in the
   * order of the text, and passes over the rest (a claim that long is more than any abstract can match anyway).
   */
  public static final int MAX_TEXT_TERMS = 1024;

  /** How the query text is read. */
  public enum Syntax {
    LUCENE,
    TEXT
  }

  public SearchRequest {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(syntax, "syntax");
    if (hits < 1 || hits > MAX_HITS) {
      throw new IllegalArgumentException("hits must be between 1 and 10000: " + hits);
    }
    if (offset < 0 || offset > MAX_HITS) {
      throw new IllegalArgumentException("offset must be between 0 and 10000: " + offset);
    }
    if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
      throw new IllegalArgumentException("year range is empty: " + yearFrom + ".." + yearTo);
    }
    pubTypes = pubTypes == null ? List.of() : List.copyOf(pubTypes);
    mesh = mesh == null ? List.of() : List.copyOf(mesh);
  }

  /** The first page of a search, with the filters of the first version of this API (no animals filter). */
  public SearchRequest(String query, Syntax syntax, int hits, Integer yearFrom, Integer yearTo, List<String> pubTypes,
      List<String> mesh, Boolean humans, boolean excludeRetracted) {
    this(query, syntax, hits, yearFrom, yearTo, pubTypes, mesh, humans, excludeRetracted, 0, null);
  }

  /** A plain-text search with no filters. */
  public static SearchRequest text(String query, int hits) {
    return new SearchRequest(query, Syntax.TEXT, hits, null, null, List.of(), List.of(), null, false);
  }

  /** This request for page {@code page} (1-based) of {@link #hits()} hits each. */
  public SearchRequest page(int page) {
    if (page < 1) {
      throw new IllegalArgumentException("pages start at 1: " + page);
    }
    long off = (long) (page - 1) * hits;
    if (off > MAX_HITS) {
      throw new IllegalArgumentException("page " + page + " starts past hit " + MAX_HITS);
    }
    return withOffset((int) off);
  }

  /** This request starting after the first {@code newOffset} hits. */
  public SearchRequest withOffset(int newOffset) {
    return new SearchRequest(query, syntax, hits, yearFrom, yearTo, pubTypes, mesh, humans, excludeRetracted,
        newOffset, animals);
  }

  /** Whether any filter is set. */
  public boolean hasFilters() {
    return yearFrom != null || yearTo != null || !pubTypes.isEmpty() || !mesh.isEmpty() || humans != null
        || animals != null || excludeRetracted;
  }
}
