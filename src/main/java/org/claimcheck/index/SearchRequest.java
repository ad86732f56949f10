package org.claimcheck.index;

import java.util.List;
import java.util.Objects;

/**
 * A search: the query, how many hits, and filters.
 *
 * @param query the query text
 * @param syntax {@link Syntax#LUCENE} to parse Lucene query syntax, {@link Syntax#TEXT} to search the words as given
 *     (claims, batch queries)
 * @param hits how many hits to return, 1 to 10,000
 * @param yearFrom lowest publication year, or null
 * @param yearTo highest publication year, or null
 * @param pubTypes publication types (any of them), case-insensitive
 * @param mesh MeSH descriptors (all of them), case-insensitive
 * @param humans true to keep only records tagged Humans, null for no filter
 * @param excludeRetracted true to drop retracted records
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
    boolean excludeRetracted) {

  /** How the query text is read. */
  public enum Syntax {
    LUCENE,
    TEXT
  }

  public SearchRequest {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(syntax, "syntax");
    if (hits < 1 || hits > 10_000) {
      throw new IllegalArgumentException("hits must be between 1 and 10000: " + hits);
    }
    if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
      throw new IllegalArgumentException("year range is empty: " + yearFrom + ".." + yearTo);
    }
    pubTypes = pubTypes == null ? List.of() : List.copyOf(pubTypes);
    mesh = mesh == null ? List.of() : List.copyOf(mesh);
  }

  /** A plain-text search with no filters. */
  public static SearchRequest text(String query, int hits) {
    return new SearchRequest(query, Syntax.TEXT, hits, null, null, List.of(), List.of(), null, false);
  }

  /** Whether any filter is set. */
  public boolean hasFilters() {
    return yearFrom != null || yearTo != null || !pubTypes.isEmpty() || !mesh.isEmpty() || humans != null
        || excludeRetracted;
  }
}
