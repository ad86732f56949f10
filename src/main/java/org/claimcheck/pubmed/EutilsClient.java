package org.claimcheck.pubmed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.claimcheck.ClaimcheckException;

/**
 * Thread-safe. A client of NCBI's E-utilities for PubMed: {@link #search} (esearch: search terms to PMIDs) and
 * {@link #fetch} (efetch: PMIDs to PubMed XML). Requests are spaced to NCBI's limits (3 a second, 10 with an API key),
 * a 429 or 5xx answer or a broken connection is retried with back-off (honouring {@code Retry-After}), and every request
 * names the tool (and the e-mail address, when given) as NCBI asks. The base URL is configurable, so tests run against
 * an in-process fake on loopback.
 */
public final class EutilsClient {
  /** NCBI's E-utilities. */
  public static final URI DEFAULT_BASE = URI.create("https://eutils.ncbi.nlm.nih.gov/entrez/eutils/");
  /** PubMed's esearch returns at most this many PMIDs for one search. */
  public static final int MAX_SEARCH_RESULTS = 10_000;
  /** The most PMIDs one efetch request asks for. */
  public static final int MAX_BATCH = 500;

  /**
   * How to reach E-utilities.
   *
   * @param baseUrl where esearch.fcgi and efetch.fcgi live
   * @param apiKey NCBI API key, or null (then 3 requests a second instead of 10)
   * @param email a contact address NCBI can write to about heavy use, or null
   * @param maxAttempts tries per request, 1 or more
   * @param timeout per request
   */
  public record Options(URI baseUrl, String apiKey, String email, int maxAttempts, Duration timeout) {
    public Options {
      if (baseUrl == null || !(baseUrl.getScheme() != null && baseUrl.getScheme().matches("https?"))) {
        throw new IllegalArgumentException("the E-utilities URL must start with http:// or https://: " + baseUrl);
      }
      if (!baseUrl.toString().endsWith("/")) {
        baseUrl = URI.create(baseUrl + "/");
      }
      apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
      email = email == null || email.isBlank() ? null : email.strip();
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
    }

    /** NCBI's servers, 5 tries, 60 s per request. */
    public static Options defaults(String apiKey, String email) {
      return new Options(DEFAULT_BASE, apiKey, email, 5, Duration.ofSeconds(60));
    }

    /** Requests per second NCBI allows this client. */
    public double requestsPerSecond() {
      return apiKey == null ? 3 : 10;
    }
  }

  /** What esearch found: how many records match in all, and the first PMIDs. */
  public record SearchResult(long count, List<String> pmids) {
    public SearchResult {
      pmids = List.copyOf(pmids);
    }
  }

  private final Options options;
  private final HttpClient http;
  private final RateLimiter limiter;
  private final RateLimiter.Sleeper sleeper;

  public EutilsClient(Options options) {
    this(options, System::nanoTime, RateLimiter.Sleeper.REAL);
  }

  /** For tests: a virtual clock and sleep. */
  EutilsClient(Options options, LongSupplier clock, RateLimiter.Sleeper sleeper) {
    this.options = options;
    this.http = HttpClient.newBuilder().connectTimeout(options.timeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.limiter = new RateLimiter(options.requestsPerSecond(), clock, sleeper);
    this.sleeper = sleeper;
  }

  public Options options() {
    return options;
  }

  /** The first {@code max} PMIDs (1 to 10,000) esearch finds for {@code term}, newest first as PubMed sorts them. */
  public SearchResult search(String term, int max) throws IOException {
    return search(term, max, null);
  }

  /**
   * The first {@code max} PMIDs (1 to 10,000) esearch finds for {@code term} in the order {@code sort} gives
   * ({@code "relevance"} for PubMed's Best Match, {@code "pub_date"}, ...; null for PubMed's default, newest first).
   */
  public SearchResult search(String term, int max, String sort) throws IOException {
    if (term == null || term.isBlank()) {
      throw ClaimcheckException.usage("empty PubMed query", String.valueOf(term), "Give search terms, e.g. "
          + "'vitamin b12 AND melatonin'");
    }
    if (max < 1 || max > MAX_SEARCH_RESULTS) {
      throw ClaimcheckException.usage("--max must be between 1 and " + MAX_SEARCH_RESULTS, Integer.toString(max),
          "PubMed's esearch returns at most 10,000 PMIDs per search: narrow the query");
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("db", "pubmed");
    params.put("term", term.strip());
    params.put("retmax", Integer.toString(max));
    params.put("retstart", "0");
    if (sort != null) {
      if (!sort.matches("[a-z_]{1,20}")) {
        throw new IllegalArgumentException("bad esearch sort: " + sort);
      }
      params.put("sort", sort);
    }
    return send("esearch.fcgi", params, body -> parseSearch(body, term));
  }

  /**
   * The PubMed XML efetch returns for {@code pmids} (1 to {@link #MAX_BATCH}), checked to be a
   * {@code PubmedArticleSet}. PMIDs PubMed does not know are simply absent from it.
   */
  public byte[] fetch(List<String> pmids) throws IOException {
    if (pmids.isEmpty() || pmids.size() > MAX_BATCH) {
      throw new IllegalArgumentException("efetch takes 1 to " + MAX_BATCH + " PMIDs: " + pmids.size());
    }
    for (String id : pmids) {
      if (!id.matches("\\d{1,9}")) {
        throw ClaimcheckException.usage("not a PMID", id, "PMIDs are numbers such as 31452104");
      }
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("db", "pubmed");
    params.put("retmode", "xml");
    params.put("id", String.join(",", pmids));
    return send("efetch.fcgi", params, body -> {
      checkPubmedXml(body);
      return body;
    });
  }

  /** The PMIDs of the records in PubMed XML {@code xml} (its DeleteCitations aside). */
  public static List<String> pmidsIn(byte[] xml) throws IOException {
    List<String> ids = new ArrayList<>();
    try (PubmedXmlSplitter s = new PubmedXmlSplitter(new ByteArrayInputStream(xml), "efetch")) {
      for (PubmedXmlSplitter.Chunk c; (c = s.next()) != null; ) {
        if (c.kind() != PubmedXmlSplitter.Kind.DELETE && c.id() != null) {
          ids.add(c.id());
        }
      }
    }
    return ids;
  }

  private static void checkPubmedXml(byte[] body) throws IOException {
    try {
      pmidsIn(body);
    } catch (IOException e) {
      String start = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
      throw new IOException("efetch did not return PubMed XML (" + e.getMessage() + "): " + start, e);
    }
  }

  /** Reads an answer: a value, an {@link IOException} for an answer worth asking again (incomplete, garbled). */
  private interface Answer<T> {
    T read(byte[] body) throws IOException;
  }

  /** After this many requests in a row that failed every try, the server is not asked again by this client. */
  static final int GIVE_UP_AFTER = 3;

  private final java.util.concurrent.atomic.AtomicInteger failedInARow =
      new java.util.concurrent.atomic.AtomicInteger();

  private <T> T send(String endpoint, Map<String, String> params, Answer<T> answer) throws IOException {
    if (failedInARow.get() >= GIVE_UP_AFTER) {
      throw new IOException("E-utilities did not answer the last " + GIVE_UP_AFTER + " requests ("
          + options.maxAttempts() + " tries each): not asked again in this run");
    }
    Map<String, String> all = new LinkedHashMap<>(params);
    all.put("tool", "claimcheck");
    if (options.email() != null) {
      all.put("email", options.email());
    }
    if (options.apiKey() != null) {
      all.put("api_key", options.apiKey());
    }
    String form = all.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    URI uri = options.baseUrl().resolve(endpoint);
    String shown = shown(uri, params);
    IOException last = null;
    for (int attempt = 1; attempt <= options.maxAttempts(); attempt++) {
      long waitNanos;
      try {
        limiter.acquire();
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(options.timeout())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("User-Agent", "claimcheck (E-utilities client)")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<byte[]> resp = receive(req);
        limiter.answered();
        int status = resp.statusCode();
        if (status == 200) {
          failedInARow.set(0);
          try {
            return answer.read(resp.body());
          } catch (IOException e) {
            throw new IOException(redact(e.getMessage()) + " (" + shown + ")", e);
          }
        }
        String message = redact(new String(resp.body(), 0, Math.min(resp.body().length, 300), StandardCharsets.UTF_8)
            .replaceAll("\\s+", " ").strip());
        if (status >= 300 && status < 400) {
          throw new ClaimcheckException("E-utilities answered with a redirect", shown + ": HTTP " + status + " to "
              + redact(resp.headers().firstValue("Location").orElse("(no Location)")),
              "Give the E-utilities URL (--eutils-url, pubmed.url) the address it names: a redirected POST loses its "
              + "search");
        }
        if (status != 429 && status < 500) {
          failedInARow.set(0);
          boolean aboutKey = message.toLowerCase(Locale.ROOT).matches(".*api[ _-]?key.*");
          throw new ClaimcheckException("E-utilities answered HTTP " + status, shown + ": " + message,
              aboutKey || status == 401 || status == 403 ? "Check the API key (--api-key or NCBI_API_KEY)"
                  : status == 400 ? "Check the query syntax" : "Check the E-utilities URL");
        }
        last = new IOException("HTTP " + status + " from " + shown + ": " + message);
        waitNanos = retryAfter(resp).orElse(backoff(attempt));
      } catch (IOException e) {
        last = e;
        waitNanos = backoff(attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      if (attempt < options.maxAttempts()) {
        try {
          sleeper.sleep(waitNanos);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }
    }
    failedInARow.incrementAndGet();
    throw new IOException("E-utilities failed " + options.maxAttempts() + " times: " + describe(last), last);
  }

  /**
   * The whole answer to {@code req}, or an {@link IOException} when it is not all there within twice the request
   * timeout: the request's own timeout only covers the wait for the headers, and a server that stalls in the body
   * would hold the run for as long as it keeps the connection.
   */
  private HttpResponse<byte[]> receive(HttpRequest req) throws IOException, InterruptedException {
    var pending = http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray());
    long limit = options.timeout().multipliedBy(2).toMillis();
    try {
      return pending.get(limit, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      pending.cancel(true);
      throw new java.net.http.HttpTimeoutException("no complete answer within " + limit / 1000 + " s");
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(String.valueOf(cause), cause);
    } catch (InterruptedException e) {
      pending.cancel(true);
      throw e;
    }
  }

  /** The request for messages: the endpoint and the search (clipped), never the PMIDs of a batch or the key. */
  private static String shown(URI uri, Map<String, String> params) {
    String term = params.get("term");
    if (term == null) {
      return uri.toString();
    }
    return uri + " (" + (term.length() > 100 ? term.substring(0, 100) + "\u2026" : term) + ")";
  }

  /** {@code s} without the API key, which servers may repeat in their error answers (raw or URL-encoded). */
  private String redact(String s) {
    String key = options.apiKey();
    if (s == null || key == null) {
      return s;
    }
    return s.replace(key, "[api key]").replace(URLEncoder.encode(key, StandardCharsets.UTF_8), "[api key]");
  }

  /** A failure in words: its message, or what it is when it has none (a refused connection has none). */
  private String describe(IOException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : redact(m);
  }

  /** 1 s, 2 s, 4 s, ... up to 30 s. */
  static long backoff(int attempt) {
    return Duration.ofSeconds(Math.min(30, 1L << Math.min(5, attempt - 1))).toNanos();
  }

  /**
   * How long {@code Retry-After} asks to wait, in whole seconds or as an HTTP date, at most 120 s (a larger value, or a
   * date further off, waits 120 s); empty when absent or unreadable.
   */
  static java.util.Optional<Long> retryAfter(HttpResponse<?> resp) {
    return resp.headers().firstValue("Retry-After").flatMap(v -> retryAfter(v, java.time.Instant.now()));
  }

  static java.util.Optional<Long> retryAfter(String value, java.time.Instant now) {
    String v = value.strip();
    long seconds;
    if (v.matches("\\d+")) {
      seconds = v.length() > 6 ? 120 : Long.parseLong(v);
    } else {
      try {
        var at = java.time.ZonedDateTime.parse(v, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        seconds = Duration.between(now, at).toSeconds();
      } catch (java.time.format.DateTimeParseException e) {
        return java.util.Optional.empty();
      }
    }
    return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Math.min(120, seconds))).toNanos());
  }

  static SearchResult parseSearch(byte[] body, String term) throws IOException {
    XMLStreamReader xml = null;
    long count = -1;
    List<String> ids = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    try {
      xml = PubmedXmlReader.newFactory().createXMLStreamReader(new ByteArrayInputStream(body));
      String root = null;
      boolean inIdList = false;
      while (xml.hasNext()) {
        int ev = xml.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          String n = xml.getLocalName();
          if (root == null) {
            root = n;
            if (!n.equals("eSearchResult")) {
              throw new IOException("esearch did not return an eSearchResult but <" + n + ">");
            }
          } else if (n.equals("Count") && count < 0) {
            count = Long.parseLong(xml.getElementText().strip());
          } else if (n.equals("IdList")) {
            inIdList = true;
          } else if (n.equals("Id") && inIdList) {
            ids.add(xml.getElementText().strip());
          } else if (n.equals("ERROR")) {
            errors.add(xml.getElementText().strip());
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("IdList")) {
          inIdList = false;
        }
      }
    } catch (XMLStreamException | NumberFormatException e) {
      throw new IOException("esearch returned malformed XML: " + e.getMessage(), e);
    } finally {
      if (xml != null) {
        try {
          xml.close();
        } catch (XMLStreamException e) {
          // nothing held
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ClaimcheckException("PubMed refused the search", term + ": " + String.join("; ", errors),
          "Check the query: PubMed search syntax, e.g. 'vitamin b12[tiab] AND melatonin'");
    }
    if (count < 0) {
      throw new IOException("esearch returned no Count");
    }
    return new SearchResult(count, ids);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "EutilsClient[%s, %.0f requests/s]", options.baseUrl(),
        options.requestsPerSecond());
  }
}
