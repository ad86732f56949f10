package org.claimcheck.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.claimcheck.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching against an in-process HTTP server on loopback, with short timeouts. */
class FetcherTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T03:00:00Z"), ZoneOffset.UTC);
  private static final String PAGE = "<html><head><title>%s</title></head><body><nav><a href='/'>Home</a></nav>"
      + "<article><h1>%s</h1><p>%s</p><p>Vitamin B12 helps form the myelin sheath around nerve fibres, and a long "
      + "deficiency damages it, as several reviews report.</p></article></body></html>";

  private HttpServer server;
  private ExecutorService serverThreads;
  private byte[] article;
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  private final Fetcher.Options testOptions = Fetcher.Options.defaults()
      .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(400), Duration.ofMillis(1500))
      .withRetries(2, Duration.ofMillis(10), Duration.ofSeconds(5))
      .withPoliteness(Duration.ZERO, 1, 4)
      .withAllowPrivateAddresses(true);
  private Fetcher fetcher;

  @BeforeEach
  void start() throws IOException {
    article = Files.readAllBytes(TestData.resource("org/claimcheck/article/b12-article.html"));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    serverThreads = Executors.newCachedThreadPool();
    server.setExecutor(serverThreads);
    route("/robots.txt", ex -> send(ex, 200, "text/plain",
        "User-agent: *\nDisallow: /private\n\nUser-agent: otherbot\nDisallow: /\n".getBytes(StandardCharsets.UTF_8)));
    route("/article", ex -> {
      if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        send(ex, 304, null, null);
        return;
      }
      ex.getResponseHeaders().add("ETag", "\"v1\"");
      send(ex, 200, "text/html; charset=utf-8", article);
    });
    route("/dated", ex -> {
      if ("Tue, 03 Feb 2026 09:00:00 GMT".equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
        send(ex, 304, null, null);
        return;
      }
      ex.getResponseHeaders().add("Last-Modified", "Tue, 03 Feb 2026 09:00:00 GMT");
      send(ex, 200, "text/html", article);
    });
    route("/static", ex -> send(ex, 200, "text/html", article));
    route("/new-etag-same-page", ex -> {
      ex.getResponseHeaders().add("ETag", "\"r" + hits.get("/new-etag-same-page").get() + "\"");
      send(ex, 200, "text/html", article);
    });
    route("/private/page", ex -> send(ex, 200, "text/html", article));
    route("/missing", ex -> send(ex, 404, null, null));
    route("/gone", ex -> send(ex, 410, null, null));
    route("/paper.pdf", ex -> send(ex, 200, "application/pdf", "%PDF-1.4 invented".getBytes(StandardCharsets.UTF_8)));
    route("/pdf-said-html", ex -> send(ex, 200, "text/html", "%PDF-1.4 invented".getBytes(StandardCharsets.UTF_8)));
    route("/empty", ex -> send(ex, 200, "text/html", "<html><body></body></html>".getBytes(StandardCharsets.UTF_8)));
    route("/gzip", ex -> {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
        gz.write(article);
      }
      ex.getResponseHeaders().add("Content-Encoding", "gzip");
      send(ex, 200, "text/html; charset=utf-8", buf.toByteArray());
    });
    route("/wrong-charset", ex -> send(ex, 200, "text/html; charset=utf-8",
        page("Caf\u00e9 culture", "A caf\u00e9 in M\u00fcnster serves cr\u00e8me br\u00fbl\u00e9e every day.")
            .getBytes(Charset.forName("windows-1252"))));
    route("/utf8-said-latin1", ex -> send(ex, 200, "text/html; charset=iso-8859-1",
        page("Caf\u00e9 culture", "A caf\u00e9 in M\u00fcnster serves cr\u00e8me br\u00fbl\u00e9e every day.")
            .getBytes(StandardCharsets.UTF_8)));
    route("/redirect", ex -> redirect(ex, "/article"));
    route("/redirect-absolute", ex -> redirect(ex, base() + "/static"));
    route("/redirect-ftp", ex -> redirect(ex, "ftp://127.0.0.1/article"));
    route("/redirect-file", ex -> redirect(ex, "file:///etc/passwd"));
    route("/loop-a", ex -> redirect(ex, "/loop-b"));
    route("/loop-b", ex -> redirect(ex, "/loop-a"));
    route("/chain", ex -> {
      int n = Integer.parseInt(ex.getRequestURI().getQuery().substring(2));
      redirect(ex, n == 0 ? "/article" : "/chain?n=" + (n - 1));
    });
    route("/to-private", ex -> redirect(ex, "/private/page"));
    route("/busy", ex -> {
      if (hits.get("/busy").get() == 1) {
        ex.getResponseHeaders().add("Retry-After", "1");
        send(ex, 429, null, null);
      } else {
        send(ex, 200, "text/html", article);
      }
    });
    route("/busy-for-an-hour", ex -> {
      ex.getResponseHeaders().add("Retry-After", "3600");
      send(ex, 429, null, null);
    });
    route("/flaky", ex -> {
      if (hits.get("/flaky").get() <= 2) {
        send(ex, 503, null, null);
      } else {
        send(ex, 200, "text/html", article);
      }
    });
    route("/down", ex -> send(ex, 500, null, null));
    route("/slow", ex -> {
      sleep(1200); // headers after the read timeout
      send(ex, 200, "text/html", article);
    });
    route("/trickle", ex -> {
      ex.getResponseHeaders().add("Content-Type", "text/html");
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        out.write("<html><body><p>".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 100; i++) { // a byte every 100 ms: never idle long enough to time out
          out.write('x');
          out.flush();
          sleep(100);
        }
      } catch (IOException e) {
        // the client gave up, as it should
      }
    });
    route("/huge", ex -> {
      StringBuilder sb = new StringBuilder("<html><body><article>");
      while (sb.length() < 200_000) {
        sb.append("<p>Vitamin B12 helps form the myelin sheath around nerve fibres, as reviews report.</p>");
      }
      send(ex, 200, "text/html", sb.append("</article></body></html>").toString().getBytes(StandardCharsets.UTF_8));
    });
    route("/plain.txt", ex -> send(ex, 200, "text/plain; charset=utf-8",
        "B12 and nerves\n\nLow vitamin B12 levels cause peripheral neuropathy in older adults.\n"
            .getBytes(StandardCharsets.UTF_8)));
    server.start();
    fetcher = new Fetcher(testOptions, CLOCK, waits::add);
  }

  @AfterEach
  void stop() {
    fetcher.close();
    server.stop(0);
    serverThreads.shutdownNow();
  }

  private void route(String path, HttpHandler h) {
    hits.put(path, new AtomicInteger());
    server.createContext(path, ex -> {
      hits.get(path).incrementAndGet();
      try {
        h.handle(ex);
      } finally {
        ex.close();
      }
    });
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    if (type != null) {
      ex.getResponseHeaders().add("Content-Type", type);
    }
    if (body == null) {
      ex.sendResponseHeaders(status, -1);
      return;
    }
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
  }

  private static void redirect(HttpExchange ex, String to) throws IOException {
    ex.getResponseHeaders().add("Location", to);
    ex.sendResponseHeaders(302, -1);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String page(String title, String text) {
    return String.format(PAGE, title, title, text);
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private Source url(String path) {
    return Source.url(URI.create(base() + path));
  }

  private FetchResult fetch(String path) {
    return fetcher.fetch(url(path), null);
  }

  private String failure(String path) {
    return assertInstanceOf(FetchResult.Failed.class, fetch(path)).reason();
  }

  private String skip(String path) {
    return assertInstanceOf(FetchResult.Skipped.class, fetch(path)).reason();
  }

  @Test
  void fetchesExtractsAndRevalidatesWithTheEtag() {
    FetchResult.Fetched f = assertInstanceOf(FetchResult.Fetched.class, fetch("/article"));
    Article a = f.article();
    assertEquals(200, a.httpStatus());
    assertEquals("\"v1\"", a.etag());
    assertEquals("Vitamin B12 and Your Nerves", a.title());
    assertEquals("Dr. Jane Invented", a.author());
    assertEquals("https://health.example.org/b12-nerves", a.canonicalUrl());
    assertEquals("2026-11-21T03:00:00Z", a.fetchedAt());
    assertEquals(Hashes.sha256(article), a.contentHash());
    assertEquals(a.id(), Article.idFor(url("/article").name()));
    assertTrue(a.text().contains("synthesis of melatonin"));
    assertNull(f.note());

    assertInstanceOf(FetchResult.Unchanged.class, fetcher.fetch(url("/article"), a));
    assertEquals(2, hits.get("/article").get(), "the second fetch asked with If-None-Match and got a 304");
  }

  @Test
  void lastModifiedAndTheContentHashAlsoTellUnchangedPages() {
    Article dated = assertInstanceOf(FetchResult.Fetched.class, fetch("/dated")).article();
    assertEquals("Tue, 03 Feb 2026 09:00:00 GMT", dated.lastModified());
    assertInstanceOf(FetchResult.Unchanged.class, fetcher.fetch(url("/dated"), dated));

    Article plain = assertInstanceOf(FetchResult.Fetched.class, fetch("/static")).article();
    assertNull(plain.etag());
    assertInstanceOf(FetchResult.Unchanged.class, fetcher.fetch(url("/static"), plain), "same bytes, same hash");
  }

  @Test
  void aNewEtagForTheSamePageIsKeptForTheNextRequest() {
    Article first = assertInstanceOf(FetchResult.Fetched.class, fetch("/new-etag-same-page")).article();
    assertEquals("\"r1\"", first.etag());
    FetchResult.Unchanged u = assertInstanceOf(FetchResult.Unchanged.class,
        fetcher.fetch(url("/new-etag-same-page"), first));
    assertTrue(u.refreshed(), "the record is to be rewritten");
    assertEquals("\"r2\"", u.previous().etag());
    assertEquals(first.contentHash(), u.previous().contentHash());
    assertEquals(first.withValidators("\"r2\"", null), u.previous());

    Article dated = assertInstanceOf(FetchResult.Fetched.class, fetch("/dated")).article();
    FetchResult.Unchanged same = assertInstanceOf(FetchResult.Unchanged.class, fetcher.fetch(url("/dated"), dated));
    assertEquals(false, same.refreshed(), "a 304 without validators keeps the old ones");
    assertEquals(dated, same.previous());
  }

  @Test
  void httpErrorsFailAndNonPagesAreSkippedWithAReason() {
    assertEquals("HTTP 404 Not Found", failure("/missing"));
    assertEquals("HTTP 410 Gone", failure("/gone"));
    assertEquals("not a web page: application/pdf", skip("/paper.pdf"));
    assertEquals("a PDF (text/html), not a web page", skip("/pdf-said-html"));
    assertEquals("no article text found in the page", skip("/empty"));
    assertEquals(1, hits.get("/paper.pdf").get());
  }

  @Test
  void followsRedirectsAndChecksEveryHop() {
    FetchResult.Fetched f = assertInstanceOf(FetchResult.Fetched.class, fetch("/redirect#top"));
    assertEquals(base() + "/redirect", f.article().url(), "the fragment is not part of the source");
    assertEquals(base() + "/article", f.article().finalUrl());
    assertInstanceOf(FetchResult.Fetched.class, fetch("/redirect-absolute"));

    assertEquals("redirect to a non-HTTP(S) URL refused: ftp://127.0.0.1/article", failure("/redirect-ftp"));
    assertEquals("redirect to a non-HTTP(S) URL refused: file:///etc/passwd", failure("/redirect-file"));
    assertEquals("redirect loop at " + base() + "/loop-b", failure("/loop-b"));
    assertInstanceOf(FetchResult.Fetched.class, fetch("/chain?n=4"), "five redirects are allowed");
    assertEquals("more than 5 redirects", failure("/chain?n=5"));
    assertEquals("disallowed by robots.txt: " + base() + "/private/page", skip("/to-private"));
  }

  @Test
  void honoursRobotsTxtAndReadsItOncePerSite() {
    assertEquals("disallowed by robots.txt", skip("/private/page"));
    assertEquals(0, hits.get("/private/page").get());
    assertInstanceOf(FetchResult.Fetched.class, fetch("/article"));
    assertEquals(1, hits.get("/robots.txt").get());
  }

  @Test
  void retriesAfter429HonouringRetryAfterAndGivesUpOnLongWaits() {
    Fetcher.Options roomy =
        testOptions.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(30));
    try (Fetcher patient = new Fetcher(roomy, CLOCK, waits::add)) {
      assertInstanceOf(FetchResult.Fetched.class, patient.fetch(url("/busy"), null)); // the wait is only recorded
    }
    assertEquals(2, hits.get("/busy").get());
    assertTrue(waits.contains(Duration.ofSeconds(1)), "waited the Retry-After second: " + waits);

    assertEquals("HTTP 429 Too Many Requests: Retry-After 3600 s is longer than the 5 s allowed",
        failure("/busy-for-an-hour"));
    assertEquals(1, hits.get("/busy-for-an-hour").get());
  }

  @Test
  void retries5xxWithExponentialBackoff() {
    assertInstanceOf(FetchResult.Fetched.class, fetch("/flaky"));
    assertEquals(3, hits.get("/flaky").get());
    assertTrue(waits.containsAll(List.of(Duration.ofMillis(10), Duration.ofMillis(20))), waits.toString());

    assertEquals("HTTP 500 Internal Server Error after 3 attempts", failure("/down"));
    assertEquals(3, hits.get("/down").get());
  }

  @Test
  void slowAndTricklingServersCannotHoldAFetch() {
    long t0 = System.nanoTime();
    assertEquals("timed out: no response headers within 0.4 s", failure("/slow"));
    assertEquals("deadline reached: no complete response in time", failure("/trickle"));
    assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "both ended within their limits");
  }

  @Test
  void undoesGzipAndOverrulesWrongCharsets() {
    Article gz = assertInstanceOf(FetchResult.Fetched.class, fetch("/gzip")).article();
    assertTrue(gz.text().contains("synthesis of melatonin"), gz.text());
    assertEquals(Hashes.sha256(article), gz.contentHash(), "the hash is of the page, not of its gzip");

    String expected = "A caf\u00e9 in M\u00fcnster serves cr\u00e8me br\u00fbl\u00e9e every day.";
    assertTrue(assertInstanceOf(FetchResult.Fetched.class, fetch("/wrong-charset")).article().text()
        .contains(expected), "windows-1252 bytes said to be UTF-8");
    assertTrue(assertInstanceOf(FetchResult.Fetched.class, fetch("/utf8-said-latin1")).article().text()
        .contains(expected), "UTF-8 bytes said to be Latin-1");
  }

  @Test
  void hugePagesAreCutNotDropped() {
    try (Fetcher small = new Fetcher(testOptions.withMaxBodyBytes(50_000), CLOCK, waits::add)) {
      FetchResult.Fetched f = assertInstanceOf(FetchResult.Fetched.class, small.fetch(url("/huge"), null));
      assertEquals(50_000, f.raw().length);
      assertEquals("cut at 50000 bytes", f.note());
      assertTrue(f.article().text().contains("myelin sheath"));
    }
  }

  @Test
  void plainTextPagesBecomeBlocks() {
    Article a = assertInstanceOf(FetchResult.Fetched.class, fetch("/plain.txt")).article();
    assertEquals(List.of(new Block(Block.Kind.HEADING, "B12 and nerves"), new Block(Block.Kind.PARAGRAPH,
        "Low vitamin B12 levels cause peripheral neuropathy in older adults.")), a.blocks());
  }

  @Test
  void privateAddressesAreRefusedUnlessAllowed() {
    try (Fetcher strict = new Fetcher(testOptions.withAllowPrivateAddresses(false), CLOCK, waits::add)) {
      String reason = assertInstanceOf(FetchResult.Skipped.class, strict.fetch(url("/article"), null)).reason();
      assertEquals("refused: 127.0.0.1 is a private address (127.0.0.1); allow private addresses to fetch intranet "
          + "pages", reason);
      assertEquals(0, hits.get("/article").get() + hits.get("/robots.txt").get(), "nothing was asked");
      assertTrue(assertInstanceOf(FetchResult.Failed.class,
          strict.fetch(Source.url(URI.create("http://no-such-host.invalid/")), null)).reason()
          .startsWith("unknown host no-such-host.invalid"));
    }
    assertEquals("robots.txt: unknown host (DNS lookup failed)", assertInstanceOf(FetchResult.Failed.class,
        fetcher.fetch(Source.url(URI.create("http://no-such-host.invalid/")), null)).reason(), "no check first");
  }

  /** Every kind of address a remote source could point at inside the network is refused by default. */
  @Test
  void privateLoopbackLinkLocalAndSpecialAddressesAreRecognised() throws Exception {
    for (String a : List.of("127.0.0.1", "127.1.2.3", "2130706433", "0.0.0.0", "10.1.2.3", "172.16.0.1",
        "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "198.18.0.1", "224.0.0.1", "255.255.255.255",
        "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "ff02::1")) {
      assertTrue(HttpTransport.isPrivate(InetAddress.getByName(a)), a);
    }
    for (String a : List.of("8.8.8.8", "93.184.216.34", "172.32.0.1", "192.169.0.1", "2606:4700::1111")) {
      assertTrue(!HttpTransport.isPrivate(InetAddress.getByName(a)), a);
    }
  }

  @Test
  void waitsBetweenRequestsToOneHost() {
    try (Fetcher polite = new Fetcher(testOptions.withPoliteness(Duration.ofMillis(300), 1, 1), CLOCK, waits::add)) {
      assertInstanceOf(FetchResult.Fetched.class, polite.fetch(url("/article"), null));
      assertInstanceOf(FetchResult.Fetched.class, polite.fetch(url("/static"), null));
      // robots.txt, then /article 300 ms after it, then /static 300 ms after that: the (recorded) waits grow.
      assertEquals(3, waits.size(), waits.toString());
      assertTrue(waits.get(1).toMillis() > 200 && waits.get(2).toMillis() > 400, waits.toString());
    }
  }

  @Test
  void aSiteWhoseRobotsTxtFailsIsClosedAndCrawlDelayIsHonoured() throws IOException {
    HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AtomicInteger robotsStatus = new AtomicInteger(503);
    other.createContext("/robots.txt", ex -> {
      if (robotsStatus.get() == 200) {
        send(ex, 200, "text/plain", "User-agent: *\nCrawl-delay: 0.3\n".getBytes(StandardCharsets.UTF_8));
      } else {
        send(ex, robotsStatus.get(), null, null);
      }
      ex.close();
    });
    other.createContext("/page", ex -> {
      send(ex, 200, "text/html", article);
      ex.close();
    });
    other.start();
    try {
      Source page = Source.url(URI.create("http://127.0.0.1:" + other.getAddress().getPort() + "/page"));
      assertEquals("disallowed by robots.txt (robots.txt unavailable, HTTP 503: the site is treated as closed)",
          assertInstanceOf(FetchResult.Skipped.class, fetcher.fetch(page, null)).reason());
      robotsStatus.set(200);
      try (Fetcher fresh = new Fetcher(testOptions, CLOCK, waits::add)) {
        waits.clear();
        assertInstanceOf(FetchResult.Fetched.class, fresh.fetch(page, null));
        assertInstanceOf(FetchResult.Fetched.class, fresh.fetch(page, null));
        assertTrue(waits.stream().anyMatch(w -> w.toMillis() > 200), "the Crawl-delay spaced the requests: " + waits);
      }
    } finally {
      other.stop(0);
    }
  }

  /** What {@link #site} saw of one request: its path, when it arrived and when its answer began. */
  private record Seen(String path, long arrived, long answering) {}

  /**
   * A second site on loopback that serves {@code robotsTxt} and the article at any other path, and records in
   * {@code seen} each request's arrival and the start of its answer ({@link System#nanoTime()}).
   */
  private HttpServer site(String robotsTxt, List<Seen> seen) throws IOException {
    HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    other.createContext("/", ex -> {
      long arrived = System.nanoTime();
      String path = ex.getRequestURI().getRawPath();
      seen.add(new Seen(path, arrived, System.nanoTime())); // before the answer: the client cannot have read it yet
      try {
        send(ex, 200, path.equals("/robots.txt") ? "text/plain" : "text/html",
            path.equals("/robots.txt") ? robotsTxt.getBytes(StandardCharsets.UTF_8) : article);
      } finally {
        ex.close();
      }
    });
    other.start();
    return other;
  }

  @Test
  void aCrawlDelayLongerThanTheLongestWaitFailsTheSite() throws IOException {
    List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    HttpServer other = site("User-agent: *\nCrawl-delay: 10\n", seen);
    try {
      String base = "http://127.0.0.1:" + other.getAddress().getPort();
      for (String path : List.of("/page", "/other")) {
        FetchResult r = fetcher.fetch(Source.url(URI.create(base + path)), null);
        assertEquals("robots.txt Crawl-delay 10 s is longer than the 5 s allowed",
            assertInstanceOf(FetchResult.Failed.class, r).reason());
      }
      assertEquals(List.of("/robots.txt"), seen.stream().map(Seen::path).toList(), "no page was asked for");
    } finally {
      other.stop(0);
    }
  }

  /**
   * Really waits (no recording sleeper): every request reaches the server at least the delay after the previous answer
   * began, the first page after robots.txt included, for the host delay and for a Crawl-delay alike.
   */
  @Test
  void theServerSeesTheDelayBetweenAnAnswerAndTheNextRequest() throws IOException {
    for (boolean crawlDelay : List.of(false, true)) { // the first also warms the HTTP client up
      List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
      HttpServer other = site(crawlDelay ? "User-agent: *\nCrawl-delay: 0.3\n" : "User-agent: *\nDisallow: /x\n", seen);
      Fetcher.Options options = crawlDelay ? testOptions : testOptions.withPoliteness(Duration.ofMillis(300), 1, 4);
      try (Fetcher real = new Fetcher(options.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2),
          Duration.ofSeconds(10)), CLOCK)) {
        String base = "http://127.0.0.1:" + other.getAddress().getPort();
        List<FetchResult> results = real.fetchAll(List.of(Source.url(URI.create(base + "/a")),
            Source.url(URI.create(base + "/b"))), s -> null);
        assertEquals(List.of("OK", "OK"), results.stream().map(FetchResult::outcome).toList());
      } finally {
        other.stop(0);
      }
      List<Seen> byArrival = seen.stream().sorted(java.util.Comparator.comparingLong(Seen::arrived)).toList();
      assertEquals(3, byArrival.size(), byArrival.toString());
      for (int i = 1; i < byArrival.size(); i++) {
        long gap = byArrival.get(i).arrived() - byArrival.get(i - 1).answering();
        assertTrue(gap >= 300_000_000L, (crawlDelay ? "Crawl-delay" : "host delay") + ": " + byArrival.get(i).path()
            + " came " + gap / 1_000_000 + " ms after the answer to " + byArrival.get(i - 1).path());
      }
    }
  }

  @Test
  void aRefusedConnectionFailsWithoutThrowing() throws IOException {
    int port;
    try (var s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    FetchResult r = fetcher.fetch(Source.url(URI.create("http://127.0.0.1:" + port + "/")), null);
    assertEquals("robots.txt: connection refused", assertInstanceOf(FetchResult.Failed.class, r).reason());
  }

  @Test
  void fetchAllKeepsTheOrderAndEndsEverySource() {
    List<Source> sources = List.of(url("/article"), url("/missing"), url("/paper.pdf"), url("/static"));
    List<FetchResult> results = fetcher.fetchAll(sources, s -> null);
    assertEquals(List.of("OK", "FAILED", "SKIPPED", "OK"), results.stream().map(FetchResult::outcome).toList());
    assertEquals(sources, results.stream().map(FetchResult::source).toList());
  }

  @Test
  void readsLocalFilesAndKnowsWhenTheyHaveNotChanged(@TempDir Path dir) throws IOException {
    Path page = TestData.copy("org/claimcheck/article/b12-plain.txt", dir.resolve("b12.txt"));
    Source s = Source.file(page, dir);
    assertEquals("b12.txt", s.name());
    FetchResult.Fetched f = assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch(s, null));
    assertEquals(0, f.article().httpStatus());
    assertInstanceOf(FetchResult.Unchanged.class, fetcher.fetch(s, f.article()));
    Files.writeString(page, "Changed text about B12 deficiency and nerves.\n");
    assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch(s, f.article()));
  }

  @Test
  void localGzipBinaryAndEmptyFiles(@TempDir Path dir) throws IOException {
    Path gz = dir.resolve("page.html.gz");
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(article);
    }
    assertTrue(assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch(Source.file(gz, dir), null)).article()
        .text().contains("myelin sheath"));
    Path notGzip = Files.writeString(dir.resolve("broken.html.gz"), "not gzip");
    assertTrue(assertInstanceOf(FetchResult.Failed.class, fetcher.fetch(Source.file(notGzip, dir), null)).reason()
        .startsWith("not a readable gzip file"));
    Path pdf = Files.write(dir.resolve("paper.html"), "%PDF-1.7 binary".getBytes(StandardCharsets.US_ASCII));
    assertEquals("a PDF, not a web page",
        assertInstanceOf(FetchResult.Skipped.class, fetcher.fetch(Source.file(pdf, dir), null)).reason());
    Path empty = Files.writeString(dir.resolve("empty.html"), "");
    assertInstanceOf(FetchResult.Skipped.class, fetcher.fetch(Source.file(empty, dir), null));
    Path missing = dir.resolve("gone.html");
    assertEquals("no such file", assertInstanceOf(FetchResult.Failed.class,
        fetcher.fetch(Source.file(missing, dir), null)).reason());
    Path folder = Files.createDirectories(dir.resolve("folder.html"));
    assertTrue(assertInstanceOf(FetchResult.Failed.class, fetcher.fetch(Source.file(folder, dir), null)).reason()
        .startsWith("cannot read file"));
  }

  /** The Hashes of the project, under a short name. */
  private static final class Hashes {
    static String sha256(byte[] b) {
      return org.claimcheck.Hashes.sha256(b);
    }
  }
}
