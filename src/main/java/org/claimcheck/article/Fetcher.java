package org.claimcheck.article;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.claimcheck.Hashes;
import org.jsoup.Connection;
import org.jsoup.Jsoup;

/**
 * Thread-safe. Fetches one source, local or remote, and extracts its main text. Never throws for a bad source: every
 * source ends as a {@link FetchResult} that says what happened.
 */
public final class Fetcher {
  /**
   * How to fetch.
   *
   * @param userAgent names the tool and a contact address, so site owners know who is calling
   * @param timeout connect and read timeout
   * @param maxBodyBytes pages larger than this are cut (remote) or skipped (local)
   */
  public record Options(String userAgent, Duration timeout, int maxBodyBytes) {
    public static final String DEFAULT_USER_AGENT =
        "claimcheck/0.1 (+https://github.com/claimcheck/claimcheck; health fact-checking)";

    public Options {
      Objects.requireNonNull(userAgent, "userAgent");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      if (maxBodyBytes <= 0) {
        throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
      }
    }

    public static Options defaults() {
      return new Options(DEFAULT_USER_AGENT, Duration.ofSeconds(20), 10 * 1024 * 1024);
    }
  }

  private final Options options;
  private final TextExtractor extractor;
  private final Clock clock;

  public Fetcher(Options options, Clock clock) {
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.extractor = new TextExtractor();
  }

  /** Fetches {@code source}; {@code previous} is its last snapshot, or null, to tell unchanged pages. */
  public FetchResult fetch(Source source, Article previous) {
    try {
      return source.isRemote() ? fetchRemote(source, previous) : readLocal(source, previous);
    } catch (RuntimeException e) {
      return new FetchResult.Failed(source, "unexpected error: " + e);
    }
  }

  private FetchResult readLocal(Source source, Article previous) {
    Path path = source.path();
    byte[] raw;
    try {
      long size = Files.size(path);
      if (size > options.maxBodyBytes()) {
        return new FetchResult.Skipped(source, "file larger than " + options.maxBodyBytes() + " bytes");
      }
      raw = Files.readAllBytes(path);
    } catch (IOException e) {
      return new FetchResult.Failed(source, "cannot read file: " + e.getMessage());
    }
    String hash = Hashes.sha256(raw);
    if (previous != null && hash.equals(previous.contentHash())) {
      return new FetchResult.Unchanged(source, previous);
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    byte[] page = raw;
    if (name.endsWith(".gz")) {
      try {
        page = gunzip(raw, options.maxBodyBytes());
      } catch (IOException e) {
        return new FetchResult.Failed(source, "not a readable gzip file: " + e.getMessage());
      }
    }
    String url = path.toUri().toString();
    MainText main = name.endsWith(".txt")
        ? extractor.fromPlainText(new String(page, StandardCharsets.UTF_8), fileTitle(path))
        : extractor.extract(page, null, url);
    return finish(source, url, url, 0, hash, null, null, main, raw);
  }

  private FetchResult fetchRemote(Source source, Article previous) {
    String url = source.uri().toString();
    Connection connection = Jsoup.connect(url)
        .userAgent(options.userAgent())
        .timeout((int) options.timeout().toMillis())
        .maxBodySize(options.maxBodyBytes())
        .followRedirects(true)
        .ignoreHttpErrors(true)
        .ignoreContentType(true)
        .header("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1")
        .header("Accept-Encoding", "gzip");
    if (previous != null) {
      if (previous.etag() != null) {
        connection.header("If-None-Match", previous.etag());
      }
      if (previous.lastModified() != null) {
        connection.header("If-Modified-Since", previous.lastModified());
      }
    }
    Connection.Response response;
    byte[] raw;
    try {
      response = connection.execute();
      if (response.statusCode() == 304 && previous != null) {
        return new FetchResult.Unchanged(source, previous);
      }
      if (response.statusCode() >= 400) {
        return new FetchResult.Failed(source, "HTTP " + response.statusCode());
      }
      String type = response.contentType() == null ? "" : response.contentType().toLowerCase(Locale.ROOT);
      if (!type.isEmpty() && !type.contains("html") && !type.startsWith("text/")) {
        return new FetchResult.Skipped(source, "not a web page: " + type.replaceAll(";.*", ""));
      }
      raw = response.bodyAsBytes();
    } catch (UnknownHostException e) {
      return new FetchResult.Failed(source, "unknown host " + e.getMessage());
    } catch (SocketTimeoutException e) {
      return new FetchResult.Failed(source, "timed out after " + options.timeout().toSeconds() + " s");
    } catch (IOException e) {
      return new FetchResult.Failed(source, "network error: " + e.getMessage());
    }
    String hash = Hashes.sha256(raw);
    if (previous != null && hash.equals(previous.contentHash())) {
      return new FetchResult.Unchanged(source, previous);
    }
    String finalUrl = response.url().toString();
    String type = response.contentType() == null ? "" : response.contentType().toLowerCase(Locale.ROOT);
    MainText main = type.startsWith("text/plain")
        ? extractor.fromPlainText(new String(raw, charsetOr(response.charset())), finalUrl)
        : extractor.extract(raw, response.charset(), finalUrl);
    return finish(source, url, finalUrl, response.statusCode(), hash, response.header("ETag"),
        response.header("Last-Modified"), main, raw);
  }

  private FetchResult finish(Source source, String url, String finalUrl, int status, String hash, String etag,
      String lastModified, MainText main, byte[] raw) {
    if (main.blocks().isEmpty()) {
      return new FetchResult.Skipped(source, "no text found in the page");
    }
    Article article = Article.of(source.name(), url, finalUrl, clock.instant().toString(), status, hash, etag,
        lastModified, main);
    return new FetchResult.Fetched(source, article, raw);
  }

  private static java.nio.charset.Charset charsetOr(String name) {
    try {
      return name == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(name);
    } catch (RuntimeException e) {
      return StandardCharsets.UTF_8;
    }
  }

  private static String fileTitle(Path path) {
    String n = path.getFileName().toString();
    int dot = n.indexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  static byte[] gunzip(byte[] gz, int max) throws IOException {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        out.write(buf, 0, n);
        if (out.size() > max) {
          throw new IOException("more than " + max + " bytes once decompressed");
        }
      }
      return out.toByteArray();
    }
  }
}
