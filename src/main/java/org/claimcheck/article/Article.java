package org.claimcheck.article;

import java.util.List;
import java.util.Objects;
import org.claimcheck.Hashes;

/**
 * An article as the claim stage sees it: where it came from, its metadata and its main text in blocks. This is also the
 * JSON record of a snapshot under {@code corpus/articles/}.
 *
 * @param id stable id: the first 16 hex digits of the SHA-256 of {@link #source}
 * @param source what the user named: a URL, or a path relative to the working folder (absolute when outside it)
 * @param url the URL asked for (a {@code file:} URL for local files)
 * @param finalUrl the URL after redirects
 * @param canonicalUrl the page's {@code rel=canonical} link, or null
 * @param fetchedAt when it was fetched or read, ISO 8601 instant
 * @param httpStatus the HTTP status, 0 for local files
 * @param contentHash SHA-256 (hex) of the raw page bytes
 * @param etag the HTTP ETag, for conditional requests next time; null when none
 * @param lastModified the HTTP Last-Modified, for conditional requests next time; null when none
 * @param text the main text, one block per line
 */
public record Article(
    String id,
    String source,
    String url,
    String finalUrl,
    String canonicalUrl,
    String title,
    String author,
    String published,
    String modified,
    String language,
    String fetchedAt,
    int httpStatus,
    String contentHash,
    String etag,
    String lastModified,
    String text,
    List<Block> blocks) {

  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    blocks = List.copyOf(blocks);
    text = text == null ? "" : text;
  }

  /** Builds an article from a source, fetch facts and the extracted main text. */
  public static Article of(Source source, String url, String finalUrl, String fetchedAt, int httpStatus,
      String contentHash, String etag, String lastModified, MainText main) {
    return new Article(source.id(), source.name(), url, finalUrl, main.canonicalUrl(), main.title(), main.author(),
        main.published(), main.modified(), main.language(), fetchedAt, httpStatus, contentHash, etag, lastModified,
        main.text(), main.blocks());
  }

  /** {@link #of(Source, String, String, String, int, String, String, String, MainText)} for a source named by text. */
  public static Article of(String source, String url, String finalUrl, String fetchedAt, int httpStatus,
      String contentHash, String etag, String lastModified, MainText main) {
    return new Article(idFor(source), source, url, finalUrl, main.canonicalUrl(), main.title(), main.author(),
        main.published(), main.modified(), main.language(), fetchedAt, httpStatus, contentHash, etag, lastModified,
        main.text(), main.blocks());
  }

  /** This snapshot with the validators of a later answer that showed the page unchanged. */
  public Article withValidators(String newEtag, String newLastModified) {
    return new Article(id, source, url, finalUrl, canonicalUrl, title, author, published, modified, language, fetchedAt,
        httpStatus, contentHash, newEtag, newLastModified, text, blocks);
  }

  /** The stable id of a source: 16 hex digits of its SHA-256. */
  public static String idFor(String source) {
    return Hashes.id(source);
  }
}
