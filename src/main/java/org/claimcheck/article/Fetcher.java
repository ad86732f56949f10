package org.claimcheck.article;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.claimcheck.Hashes;

/**
 * Thread-safe. Fetches sources, local or remote, politely, and extracts their main text. Never throws for a bad
 * source: every source ends as a {@link FetchResult} (OK, UNCHANGED, SKIPPED or FAILED) that says why.
 *
 * <p>Remote sources: http and https only (a redirect to another scheme is refused), each redirect followed by hand
 * up to a limit and checked like the first URL (scheme, private addresses, robots.txt, loops); robots.txt read once
 * per site and honoured (its Crawl-delay too, up to {@link Options#maxRetryWait}: a longer one fails the site's
 * sources); at most {@link Options#hostConcurrency} requests to a host at a time and {@link Options#hostDelay} (or
 * the Crawl-delay) from one answer to the next request; 429 and 5xx retried with exponential backoff, honouring
 * {@code Retry-After} up to {@link Options#maxRetryWait}; conditional GET with the previous snapshot's ETag and
 * Last-Modified, and the content hash, tell unchanged pages; connect, header and idle timeouts and an overall
 * {@link Options#deadline} per source bound every fetch; bodies are capped at {@link Options#maxBodyBytes} (the
 * page is cut, not dropped); binary content (PDF, images) is skipped. Hosts that resolve to loopback, private,
 * link-local or unique-local addresses are refused unless {@link Options#allowPrivateAddresses} (intranets, tests);
 * the check is made before each hop, so a name that changes its address between the check and the connection
 * (DNS rebinding) is not caught.
 *
 * <p>Owns an HTTP client once a remote source has been fetched: close it.
 */
public final class Fetcher implements AutoCloseable {
  /** The product token robots.txt groups are matched against. */
  public static final String ROBOTS_TOKEN = "claimcheck";

  /**
   * How to fetch. {@link #defaults()} are polite settings for a nightly run; the {@code with...} methods change one
   * aspect.
   *
   * @param userAgent names the tool and a contact address, so site owners know who is calling (see
   *     {@link #userAgentFor})
   * @param connectTimeout longest wait for a connection
   * @param readTimeout longest wait for the response headers, and for the next bytes of a body
   * @param deadline longest time one source may take, redirects, retries and waits for a turn included
   * @param maxBodyBytes pages longer than this are cut here (also once gzip is undone)
   * @param maxRedirects redirects followed before giving up
   * @param maxRetries retries after a 429 or 5xx answer
   * @param retryBackoff wait before the first retry when the server gives no Retry-After; doubled each retry
   * @param maxRetryWait longest Retry-After (or Crawl-delay) honoured; a longer one fails the source
   * @param hostDelay least time between two requests to one host: after the previous one started and after the
   *     latest answer was read
   * @param hostConcurrency most requests to one host at a time
   * @param threads sources fetched at once by {@link #fetchAll}
   * @param allowPrivateAddresses fetch hosts on loopback, private and link-local addresses (intranets, tests)
   */
  public record Options(
      String userAgent,
      Duration connectTimeout,
      Duration readTimeout,
      Duration deadline,
      int maxBodyBytes,
      int maxRedirects,
      int maxRetries,
      Duration retryBackoff,
      Duration maxRetryWait,
      Duration hostDelay,
      int hostConcurrency,
      int threads,
      boolean allowPrivateAddresses) {
    /** The project's address, where site owners learn what claimcheck is and how to reach whoever runs it. */
    public static final String PROJECT_URL = "https://github.com/claimcheck/claimcheck";
    public static final String DEFAULT_USER_AGENT = userAgentFor(PROJECT_URL);

    public Options {
      Objects.requireNonNull(userAgent, "userAgent");
      if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
        throw new IllegalArgumentException("the user agent must be non-blank printable ASCII: " + userAgent);
      }
      positive("connectTimeout", connectTimeout);
      positive("readTimeout", readTimeout);
      positive("deadline", deadline);
      notNegative("retryBackoff", retryBackoff);
      notNegative("maxRetryWait", maxRetryWait);
      notNegative("hostDelay", hostDelay);
      if (maxBodyBytes <= 0) {
        throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
      }
      if (maxRedirects < 0 || maxRetries < 0) {
        throw new IllegalArgumentException("maxRedirects and maxRetries must be >= 0: " + maxRedirects + ", "
            + maxRetries);
      }
      if (hostConcurrency < 1 || threads < 1) {
        throw new IllegalArgumentException("hostConcurrency and threads must be >= 1: " + hostConcurrency + ", "
            + threads);
      }
    }

    private static void positive(String name, Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
    }

    private static void notNegative(String name, Duration d) {
      if (d == null || d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + d);
      }
    }

    /**
     * Polite defaults: 10 s to connect, 20 s for headers or the next bytes, 60 s per source, 10 MiB per page, 5
     * redirects, 2 retries from 2 s, Retry-After up to 60 s, one request per host at a time and 1 s between them, 4
     * sources at once, public addresses only.
     */
    public static Options defaults() {
      return new Options(DEFAULT_USER_AGENT, Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(60),
          10 * 1024 * 1024, 5, 2, Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(1), 1, 4, false);
    }

    /** "claimcheck/VERSION (+CONTACT; health fact-checking)": the tool and who to contact. */
    public static String userAgentFor(String contact) {
      String version = Fetcher.class.getPackage().getImplementationVersion();
      return "claimcheck/" + (version == null ? "dev" : version) + " (+" + contact.strip() + "; health fact-checking)";
    }

    public Options withUserAgent(String ua) {
      return new Options(ua, connectTimeout, readTimeout, deadline, maxBodyBytes, maxRedirects, maxRetries,
          retryBackoff, maxRetryWait, hostDelay, hostConcurrency, threads, allowPrivateAddresses);
    }

    public Options withTimeouts(Duration connect, Duration read, Duration perSource) {
      return new Options(userAgent, connect, read, perSource, maxBodyBytes, maxRedirects, maxRetries, retryBackoff,
          maxRetryWait, hostDelay, hostConcurrency, threads, allowPrivateAddresses);
    }

    public Options withMaxBodyBytes(int bytes) {
      return new Options(userAgent, connectTimeout, readTimeout, deadline, bytes, maxRedirects, maxRetries,
          retryBackoff, maxRetryWait, hostDelay, hostConcurrency, threads, allowPrivateAddresses);
    }

    public Options withMaxRedirects(int redirects) {
      return new Options(userAgent, connectTimeout, readTimeout, deadline, maxBodyBytes, redirects, maxRetries,
          retryBackoff, maxRetryWait, hostDelay, hostConcurrency, threads, allowPrivateAddresses);
    }

    public Options withRetries(int retries, Duration backoff, Duration maxWait) {
      return new Options(userAgent, connectTimeout, readTimeout, deadline, maxBodyBytes, maxRedirects, retries,
          backoff, maxWait, hostDelay, hostConcurrency, threads, allowPrivateAddresses);
    }

    public Options withPoliteness(Duration delay, int perHost, int parallel) {
      return new Options(userAgent, connectTimeout, readTimeout, deadline, maxBodyBytes, maxRedirects, maxRetries,
          retryBackoff, maxRetryWait, delay, perHost, parallel, allowPrivateAddresses);
    }

    public Options withAllowPrivateAddresses(boolean allow) {
      return new Options(userAgent, connectTimeout, readTimeout, deadline, maxBodyBytes, maxRedirects, maxRetries,
          retryBackoff, maxRetryWait, hostDelay, hostConcurrency, threads, allow);
    }
  }

  private static final int MAX_ROBOTS_BYTES = 512 * 1024;
  private static final Map<Integer, String> STATUS = Map.ofEntries(Map.entry(400, "Bad Request"),
      Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
      Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"), Map.entry(408, "Request Timeout"),
      Map.entry(410, "Gone"), Map.entry(429, "Too Many Requests"), Map.entry(451, "Unavailable For Legal Reasons"),
      Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
      Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

  private final Options options;
  private final TextExtractor extractor = new TextExtractor();
  private final Clock clock;
  private final HostGate.Sleeper sleeper;
  private final HostGate gate;
  private final Map<String, CompletableFuture<RobotsTxt>> robots = new ConcurrentHashMap<>();
  private volatile HttpTransport transport;
  private volatile boolean closed;

  public Fetcher(Options options, Clock clock) {
    this(options, clock, HostGate.Sleeper.REAL);
  }

  /** With {@code sleeper} doing every wait (per-host delays, retry backoff): tests record the waits. */
  Fetcher(Options options, Clock clock, HostGate.Sleeper sleeper) {
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.gate = new HostGate(options.hostConcurrency(), options.hostDelay(), sleeper);
  }

  public Options options() {
    return options;
  }

  /** Fetches {@code source}; {@code previous} is its last snapshot, or null, to tell unchanged pages. */
  public FetchResult fetch(Source source, Article previous) {
    try {
      return source.isRemote() ? fetchRemote(source, previous) : readLocal(source, previous);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new FetchResult.Failed(source, "interrupted");
    } catch (RuntimeException | StackOverflowError e) {
      return new FetchResult.Failed(source, "unexpected error: " + e);
    }
  }

  /**
   * Fetches {@code sources} on {@link Options#threads} threads, politely per host, and hands each result to
   * {@code each} as it comes (from the fetching threads: {@code each} must be thread-safe). {@code previous} gives a
   * source's last snapshot, or null. Returns when every source has ended.
   */
  public void fetchAll(List<Source> sources, Function<Source, Article> previous, Consumer<FetchResult> each) {
    if (sources.isEmpty()) {
      return;
    }
    int n = Math.min(options.threads(), sources.size());
    AtomicInteger next = new AtomicInteger();
    AtomicInteger worker = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "claimcheck-fetch-" + worker.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < n; w++) {
        futures.add(pool.submit(() -> {
          for (int i; (i = next.getAndIncrement()) < sources.size(); ) {
            Source s = sources.get(i);
            FetchResult r;
            try {
              r = fetch(s, previous.apply(s));
            } catch (RuntimeException e) {
              r = new FetchResult.Failed(s, "unexpected error: " + e);
            }
            each.accept(r);
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a fetch worker failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** {@link #fetchAll(List, Function, Consumer)} with the results in the order of {@code sources}. */
  public List<FetchResult> fetchAll(List<Source> sources, Function<Source, Article> previous) {
    Map<Source, FetchResult> results = new ConcurrentHashMap<>();
    fetchAll(sources, previous, r -> results.put(r.source(), r));
    List<FetchResult> out = new ArrayList<>(sources.size());
    for (Source s : sources) {
      out.add(results.get(s));
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Local files

  private FetchResult readLocal(Source source, Article previous) {
    Path path = source.path();
    byte[] raw;
    boolean cut = false;
    try (InputStream in = Files.newInputStream(path)) {
      raw = in.readNBytes(options.maxBodyBytes());
      cut = in.read() >= 0;
    } catch (java.nio.file.NoSuchFileException e) {
      return new FetchResult.Failed(source, "no such file");
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
        HttpTransport.Gunzipped g = HttpTransport.gunzip(raw, options.maxBodyBytes());
        page = g.bytes();
        cut |= g.truncated();
      } catch (HttpTransport.Failure e) {
        return new FetchResult.Failed(source, "not a readable gzip file: " + e.getMessage());
      }
    }
    String binary = binary(page);
    if (binary != null) {
      return new FetchResult.Skipped(source, binary + ", not a web page");
    }
    String url = path.toUri().toString();
    MainText main = name.endsWith(".txt")
        ? extractor.fromPlainText(PageCharset.decode(page, null).text(), fileTitle(path))
        : extractor.extract(page, null, url);
    return finish(source, url, url, 0, hash, null, null, main, raw, cut);
  }

  private static String fileTitle(Path path) {
    String n = path.getFileName().toString();
    int dot = n.indexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Remote pages

  private FetchResult fetchRemote(Source source, Article previous) throws InterruptedException {
    long deadline = System.nanoTime() + options.deadline().toNanos();
    URI uri = withoutFragment(source.uri());
    Set<String> seen = new HashSet<>();
    Map<String, String> conditional = new LinkedHashMap<>();
    if (previous != null && previous.etag() != null) {
      conditional.put("If-None-Match", previous.etag());
    }
    if (previous != null && previous.lastModified() != null) {
      conditional.put("If-Modified-Since", previous.lastModified());
    }
    HttpTransport.Response response;
    try {
      for (int redirects = 0; ; redirects++) {
        String refused = refusal(uri);
        if (refused != null) {
          return new FetchResult.Skipped(source, refused);
        }
        seen.add(uri.toString());
        RobotsTxt rules = robots(uri, deadline);
        Duration crawlDelay = rules.crawlDelay();
        if (crawlDelay != null && crawlDelay.compareTo(options.maxRetryWait()) > 0) {
          return new FetchResult.Failed(source, "robots.txt Crawl-delay " + HttpTransport.seconds(crawlDelay)
              + " is longer than the " + HttpTransport.seconds(options.maxRetryWait()) + " allowed"
              + (uri.equals(source.uri()) ? "" : ": " + uri));
        }
        if (!rules.allows(pathAndQuery(uri))) {
          return new FetchResult.Skipped(source, "disallowed by robots.txt"
              + (rules.origin().equals("robots.txt") ? "" : " (" + rules.origin() + ")")
              + (uri.equals(source.uri()) ? "" : ": " + uri));
        }
        response = exchange(uri, conditional, deadline);
        int status = response.status();
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
          break;
        }
        String location = response.header("Location");
        if (location == null || location.isBlank()) {
          return new FetchResult.Failed(source, "HTTP " + status + " redirect without a Location");
        }
        URI next;
        try {
          next = withoutFragment(uri.resolve(location.strip().replace(" ", "%20")));
        } catch (IllegalArgumentException e) {
          return new FetchResult.Failed(source, "redirect to a malformed URL: " + location);
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
          return new FetchResult.Failed(source, "redirect to a non-HTTP(S) URL refused: " + next);
        }
        if (seen.contains(next.toString())) {
          return new FetchResult.Failed(source, "redirect loop at " + next);
        }
        if (redirects >= options.maxRedirects()) {
          return new FetchResult.Failed(source, "more than " + options.maxRedirects() + " redirects");
        }
        uri = next;
      }
    } catch (HttpTransport.Failure e) {
      return new FetchResult.Failed(source, e.getMessage());
    }
    return page(source, previous, response);
  }

  /** What to make of the final response of a source. */
  private FetchResult page(Source source, Article previous, HttpTransport.Response response) {
    int status = response.status();
    if (status == 304) {
      if (previous == null) {
        return new FetchResult.Failed(source, "HTTP 304 without a conditional request");
      }
      // A 304 carries the validators a 200 would; one that leaves them out keeps the old ones.
      String etag = response.header("ETag");
      String lastModified = response.header("Last-Modified");
      return unchanged(source, previous, etag != null ? etag : previous.etag(),
          lastModified != null ? lastModified : previous.lastModified());
    }
    if (status >= 400) {
      String phrase = STATUS.get(status);
      boolean retried = options.maxRetries() > 0 && retryable(status);
      return new FetchResult.Failed(source, "HTTP " + status + (phrase == null ? "" : " " + phrase)
          + (retried ? " after " + (options.maxRetries() + 1) + " attempts" : ""));
    }
    if (status < 200 || status >= 300) {
      return new FetchResult.Failed(source, "HTTP " + status);
    }
    String type = mediaType(response.contentType());
    if (!acceptable(type)) {
      return new FetchResult.Skipped(source, "not a web page: " + type);
    }
    byte[] raw = response.body() == null ? new byte[0] : response.body();
    String binary = binary(raw);
    if (binary != null) {
      return new FetchResult.Skipped(source, binary + (type.isEmpty() ? "" : " (" + type + ")")
          + ", not a web page");
    }
    String hash = Hashes.sha256(raw);
    if (previous != null && hash.equals(previous.contentHash())) {
      return unchanged(source, previous, response.header("ETag"), response.header("Last-Modified"));
    }
    String finalUrl = response.uri().toString();
    String charset = charsetOf(response.contentType());
    MainText main = type.equals("text/plain")
        ? extractor.fromPlainText(PageCharset.decode(raw, charset).text(), finalUrl)
        : extractor.extract(raw, charset, finalUrl);
    return finish(source, source.uri().toString(), finalUrl, status, hash, response.header("ETag"),
        response.header("Last-Modified"), main, raw, response.truncated());
  }

  /** Unchanged since {@code previous}, noting validators that changed (a new ETag for the same bytes). */
  private static FetchResult unchanged(Source source, Article previous, String etag, String lastModified) {
    if (Objects.equals(etag, previous.etag()) && Objects.equals(lastModified, previous.lastModified())) {
      return new FetchResult.Unchanged(source, previous);
    }
    return new FetchResult.Unchanged(source, previous.withValidators(etag, lastModified), true);
  }

  /** One request to {@code uri} in its host's turn, retried after 429 and 5xx answers. */
  private HttpTransport.Response exchange(URI uri, Map<String, String> headers, long deadline)
      throws HttpTransport.Failure, InterruptedException {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    for (int attempt = 0; ; attempt++) {
      HttpTransport.Response r = send(uri, headers, deadline, host, options.maxBodyBytes());
      if (!retryable(r.status()) || attempt >= options.maxRetries()) {
        return r;
      }
      Duration wait = retryAfter(r.header("Retry-After"));
      String phrase = "HTTP " + r.status() + (STATUS.containsKey(r.status()) ? " " + STATUS.get(r.status()) : "");
      if (wait == null) {
        wait = options.retryBackoff().multipliedBy(1L << Math.min(attempt, 20));
      } else if (wait.compareTo(options.maxRetryWait()) > 0) {
        throw new HttpTransport.Failure(phrase + ": Retry-After " + HttpTransport.seconds(wait)
            + " is longer than the " + HttpTransport.seconds(options.maxRetryWait()) + " allowed");
      }
      if (System.nanoTime() + wait.toNanos() - deadline > 0) {
        throw new HttpTransport.Failure(phrase + ": no time left for a retry before the deadline");
      }
      sleeper.sleep(wait);
    }
  }

  private HttpTransport.Response send(URI uri, Map<String, String> headers, long deadline, String host, int max)
      throws HttpTransport.Failure, InterruptedException {
    if (!gate.enter(host, deadline)) {
      throw new HttpTransport.Failure("deadline reached waiting for a turn at " + host);
    }
    try {
      return transport().get(uri, headers, info -> wanted(info), deadline);
    } finally {
      gate.leave(host);
    }
  }

  private static boolean wanted(HttpResponse.ResponseInfo info) {
    int s = info.statusCode();
    return s >= 200 && s < 300 && acceptable(mediaType(info.headers().firstValue("Content-Type").orElse("")));
  }

  private static boolean retryable(int status) {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  /** A Retry-After value (seconds, or an HTTP date) as a wait from now; null when absent or unreadable. */
  Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      long s = Long.parseLong(v);
      return s < 0 ? null : Duration.ofSeconds(s);
    } catch (NumberFormatException e) {
      try {
        Duration d = Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException e2) {
        return null;
      }
    }
  }

  /** Why {@code uri} may not be fetched (scheme, host, private address), or null. */
  private String refusal(URI uri) throws HttpTransport.Failure {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "not an http(s) URL: " + uri;
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return "no host in " + uri;
    }
    if (options.allowPrivateAddresses()) {
      return null;
    }
    try {
      String address = HttpTransport.privateAddress(uri.getHost());
      return address == null ? null : "refused: " + uri.getHost() + " is a private address (" + address
          + "); allow private addresses to fetch intranet pages";
    } catch (UnknownHostException e) {
      throw new HttpTransport.Failure("unknown host " + uri.getHost() + " (DNS lookup failed)");
    }
  }

  /** The robots.txt rules of {@code uri}'s site, read once per site. */
  private RobotsTxt robots(URI uri, long deadline) throws HttpTransport.Failure, InterruptedException {
    String site = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
    CompletableFuture<RobotsTxt> mine = new CompletableFuture<>();
    CompletableFuture<RobotsTxt> cached = robots.putIfAbsent(site, mine);
    if (cached == null) {
      try {
        RobotsTxt r = loadRobots(URI.create(site + "/robots.txt"), deadline);
        if (r.crawlDelay() != null && r.crawlDelay().compareTo(options.maxRetryWait()) <= 0) {
          gate.crawlDelay(uri.getHost().toLowerCase(Locale.ROOT), r.crawlDelay());
        }
        mine.complete(r);
      } catch (HttpTransport.Failure e) {
        mine.completeExceptionally(e);
      } catch (InterruptedException | RuntimeException e) {
        robots.remove(site, mine);
        mine.completeExceptionally(e);
        throw e;
      }
      cached = mine;
    }
    try {
      long wait = deadline - System.nanoTime();
      return cached.get(Math.max(0, wait), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new HttpTransport.Failure("deadline reached waiting for the site's robots.txt");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      throw new HttpTransport.Failure("robots.txt: " + c.getMessage());
    }
  }

  private RobotsTxt loadRobots(URI uri, long deadline) throws HttpTransport.Failure, InterruptedException {
    for (int hop = 0; hop <= 5; hop++) {
      String refused = refusal(uri);
      if (refused != null) {
        return RobotsTxt.ALLOW_ALL; // the page's own check refuses the page; its robots.txt elsewhere is moot
      }
      String host = uri.getHost().toLowerCase(Locale.ROOT);
      if (!gate.enter(host, deadline)) {
        throw new HttpTransport.Failure("deadline reached waiting for a turn at " + host);
      }
      HttpTransport.Response r;
      try {
        r = transport().get(uri, Map.of(), info -> info.statusCode() / 100 == 2, deadline);
      } finally {
        gate.leave(host);
      }
      int s = r.status();
      if (s >= 300 && s < 400 && r.header("Location") != null) {
        try {
          uri = uri.resolve(r.header("Location").strip());
        } catch (IllegalArgumentException e) {
          return RobotsTxt.ALLOW_ALL;
        }
        continue;
      }
      if (s >= 200 && s < 300) {
        byte[] body = r.body() == null ? new byte[0] : r.body();
        String text = new String(body, 0, Math.min(body.length, MAX_ROBOTS_BYTES), StandardCharsets.UTF_8);
        return RobotsTxt.parse(text, ROBOTS_TOKEN);
      }
      if (s >= 400 && s < 500 && s != 429) {
        return RobotsTxt.ALLOW_ALL; // no robots.txt: everything allowed
      }
      return RobotsTxt.disallowAll("robots.txt unavailable, HTTP " + s + ": the site is treated as closed");
    }
    return RobotsTxt.ALLOW_ALL; // too many redirects: RFC 9309 says treat as unavailable (allowed)
  }

  private HttpTransport transport() {
    HttpTransport t = transport;
    if (t == null) {
      synchronized (this) {
        if (closed) {
          throw new IllegalStateException("the fetcher is closed");
        }
        t = transport;
        if (t == null) {
          t = new HttpTransport(options.connectTimeout(), options.readTimeout(), options.maxBodyBytes(),
              options.userAgent());
          transport = t;
        }
      }
    }
    return t;
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      if (transport != null) {
        transport.close();
        transport = null;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Both

  private FetchResult finish(Source source, String url, String finalUrl, int status, String hash, String etag,
      String lastModified, MainText main, byte[] raw, boolean cut) {
    if (main.blocks().isEmpty()) {
      return new FetchResult.Skipped(source, "no article text found in the page");
    }
    Article article = Article.of(source, url, finalUrl, clock.instant().toString(), status, hash, etag,
        lastModified, main);
    return new FetchResult.Fetched(source, article, raw, cut ? "cut at " + options.maxBodyBytes() + " bytes" : null);
  }

  /** The media type of a Content-Type value, lower case, without parameters. */
  static String mediaType(String contentType) {
    int semi = contentType.indexOf(';');
    return (semi >= 0 ? contentType.substring(0, semi) : contentType).strip().toLowerCase(Locale.ROOT);
  }

  private static String charsetOf(String contentType) {
    for (String part : contentType.split(";")) {
      String p = part.strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        return p.substring(8).replace("\"", "").replace("'", "").strip();
      }
    }
    return null;
  }

  /** Types read as pages; no type or a generic binary type is sniffed. */
  private static boolean acceptable(String type) {
    return type.isEmpty() || type.equals("text/html") || type.equals("application/xhtml+xml")
        || type.equals("text/plain") || type.equals("application/xml") || type.equals("text/xml")
        || type.equals("application/octet-stream") || type.equals("binary/octet-stream");
  }

  /** Why {@code bytes} are binary content (a PDF, NUL bytes) rather than a page, or null. */
  static String binary(byte[] bytes) {
    if (bytes.length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F'
        && bytes[4] == '-') {
      return "a PDF";
    }
    int n = Math.min(bytes.length, 1024);
    boolean utf16 = bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
        || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE);
    for (int i = 0; i < n && !utf16; i++) {
      if (bytes[i] == 0) {
        return "binary content";
      }
    }
    return null;
  }

  /** The URI without its #fragment, which is never sent. */
  private static URI withoutFragment(URI uri) {
    if (uri.getRawFragment() == null) {
      return uri;
    }
    String s = uri.toString();
    return URI.create(s.substring(0, s.indexOf('#')));
  }

  private static String pathAndQuery(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  /** Gzip undone, failing past {@code max} bytes. */
  static byte[] gunzip(byte[] gz, int max) throws IOException {
    try {
      HttpTransport.Gunzipped g = HttpTransport.gunzip(gz, max);
      if (g.truncated()) {
        throw new IOException("more than " + max + " bytes once decompressed, or cut short");
      }
      return g.bytes();
    } catch (HttpTransport.Failure e) {
      throw new IOException(e.getMessage());
    }
  }
}
