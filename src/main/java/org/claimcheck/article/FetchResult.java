package org.claimcheck.article;

import java.util.Objects;

/** How fetching one source ended: fetched (new or changed), unchanged since the last snapshot, skipped or failed. */
public sealed interface FetchResult {
  Source source();

  /** The outcome name used in counts and reports: OK, UNCHANGED, SKIPPED or FAILED. */
  String outcome();

  /**
   * A new or changed article, with the raw page bytes for its snapshot.
   *
   * @param note what the user may want to know about an article that was fetched all the same ("cut at 10485760
   *     bytes"), or null
   */
  record Fetched(Source source, Article article, byte[] raw, String note) implements FetchResult {
    public Fetched {
      Objects.requireNonNull(article, "article");
      Objects.requireNonNull(raw, "raw");
    }

    public Fetched(Source source, Article article, byte[] raw) {
      this(source, article, raw, null);
    }

    @Override
    public String outcome() {
      return "OK";
    }
  }

  /**
   * The page has not changed since {@code previous} was taken (HTTP 304, or the same content hash).
   *
   * @param previous the snapshot, with the validators (ETag, Last-Modified) the server gave this time
   * @param refreshed whether those validators differ from the stored snapshot's: its record is to be rewritten (with
   *     {@link ArticleStore#putRecord}), or the next conditional request asks with stale ones and gets the whole page
   */
  record Unchanged(Source source, Article previous, boolean refreshed) implements FetchResult {
    public Unchanged {
      Objects.requireNonNull(previous, "previous");
    }

    public Unchanged(Source source, Article previous) {
      this(source, previous, false);
    }

    @Override
    public String outcome() {
      return "UNCHANGED";
    }
  }

  /** Not an article we can read (a PDF, an empty page, disallowed by robots.txt): {@code reason} says which. */
  record Skipped(Source source, String reason) implements FetchResult {
    @Override
    public String outcome() {
      return "SKIPPED";
    }
  }

  /** Could not be fetched or read (network, HTTP error, unreadable file): {@code reason} says why. */
  record Failed(Source source, String reason) implements FetchResult {
    @Override
    public String outcome() {
      return "FAILED";
    }
  }
}
