package org.claimcheck.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Json;
import org.claimcheck.claim.ClaimsFile;
import org.claimcheck.claim.Lexicon;
import org.claimcheck.index.AbstractSearcher;
import org.claimcheck.index.IndexSchema;
import org.claimcheck.index.SearchPage;
import org.claimcheck.index.SearchRequest;
import org.claimcheck.pubmed.PubmedRecord;
import org.claimcheck.verify.ClaimVerdict;
import org.claimcheck.verify.StanceModel;
import org.claimcheck.verify.Verifier;

/**
 * Thread-safe. The researchers' search server: a JSON API and a web page over one shared {@link AbstractSearcher},
 * on the JDK's HTTP server with one virtual thread per exchange.
 *
 * <ul>
 *   <li>{@code GET /api/search?q=...}: Lucene-syntax (or {@code syntax=text}) search with filters and paging;
 *   <li>{@code GET /api/abstract/{id}} (or {@code /api/abstract?id=...}): one stored record;
 *   <li>{@code GET /api/verify?claim=...}: a verdict with its evidence;
 *   <li>{@code GET /health}: status and index size;
 *   <li>{@code GET /}: the page (and {@code /static/app.js}, {@code /static/style.css}).
 * </ul>
 *
 * <p>Searches run in {@link SearchLanes} (bounded pools, bounded queues, a deadline) after {@link QueryGuard} has
 * checked them; errors are JSON {@code {"status", "error", "detail", "hint"}} and never carry a stack trace. A timer
 * asks the searcher to pick up new index commits every {@link ServerOptions#refreshInterval()}. The server does not
 * own the searcher: whoever opened it closes it, after closing the server.
 */
public final class SearchServer implements Closeable {
  private static final Set<String> SEARCH_PARAMS = Set.of("q", "syntax", "page", "size", "year_from", "year_to",
      "pubtype", "mesh", "humans", "exclude_retracted");
  private static final Set<String> VERIFY_PARAMS = Set.of("claim", "abstracts");
  private static final int MAX_FILTER_VALUES = 20;
  private static final int MAX_FILTER_LENGTH = 200;
  private static final int MAX_URI_LENGTH = 8192;
  private static final String PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

  private final AbstractSearcher searcher;
  private final StanceModel stance;
  private final Lexicon lexicon;
  private final ServerOptions options;
  private final PrintWriter log;
  private final QueryGuard guard;
  private final SearchLanes lanes;
  private final StaticFiles page;
  private final Semaphore inFlight;
  private final HttpServer http;
  private final ExecutorService exchanges;
  private final ScheduledExecutorService refresher;
  private final Instant started = Instant.now();
  private final AtomicLong requestIds = new AtomicLong();
  private volatile Instant refreshedAt = Instant.now();
  private volatile String refreshError;

  private SearchServer(AbstractSearcher searcher, StanceModel stance, Lexicon lexicon, ServerOptions options,
      PrintWriter log) throws IOException {
    this.searcher = searcher;
    this.stance = stance;
    this.lexicon = lexicon;
    this.options = options;
    this.log = log;
    QueryGuard.Limits d = QueryGuard.Limits.defaults();
    this.guard = new QueryGuard(new QueryGuard.Limits(options.maxQueryLength(), d.maxDepth(), d.maxTerms(),
        d.maxMultiTerm(), d.minPrefix(), d.maxSlop()));
    this.lanes = new SearchLanes(options.searchThreads(), options.searchQueue(), options.multiTermThreads(),
        options.multiTermQueue(), options.searchTimeout());
    this.page = StaticFiles.load();
    this.inFlight = new Semaphore(options.maxConcurrentRequests());
    configureJdkServer(options.clientTimeout());
    this.http = HttpServer.create(options.address(), 256);
    this.exchanges = Executors.newVirtualThreadPerTaskExecutor();
    this.http.setExecutor(exchanges);
    this.http.createContext("/", this::handle);
    this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "claimcheck-index-refresh");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Starts serving {@code searcher} (not owned: close it after this server). Verdicts come from a {@link Verifier}
   * over {@code stance} and {@code lexicon}. Server-side errors (never sent to clients) go to {@code log}.
   */
  public static SearchServer start(AbstractSearcher searcher, StanceModel stance, Lexicon lexicon,
      ServerOptions options, PrintWriter log) throws IOException {
    SearchServer s = new SearchServer(Objects.requireNonNull(searcher, "searcher"),
        Objects.requireNonNull(stance, "stance"), Objects.requireNonNull(lexicon, "lexicon"),
        Objects.requireNonNull(options, "options"), Objects.requireNonNull(log, "log"));
    long every = options.refreshInterval().toMillis();
    s.refresher.scheduleWithFixedDelay(s::refresh, every, every, TimeUnit.MILLISECONDS);
    s.http.start();
    return s;
  }

  /**
   * The JDK server reads its limits from system properties once per JVM, when it is first used; set ours unless the
   * user set them (-D...). Slow clients: a request must arrive, and a response be read, within {@code exchange};
   * at most 64 request headers of 16 KiB in all; at most 1024 connections; no Nagle delay on small responses.
   */
  private static void configureJdkServer(Duration exchange) {
    String seconds = Long.toString(exchange.toSeconds());
    setIfAbsent("sun.net.httpserver.maxReqTime", seconds);
    setIfAbsent("sun.net.httpserver.maxRspTime", seconds);
    setIfAbsent("sun.net.httpserver.maxReqHeaders", "64");
    setIfAbsent("sun.net.httpserver.maxReqHeaderSize", "16384");
    setIfAbsent("jdk.httpserver.maxConnections", "1024");
    setIfAbsent("sun.net.httpserver.nodelay", "true");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /** Where the server listens (the actual port when started on port 0). */
  public InetSocketAddress address() {
    return http.getAddress();
  }

  /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    InetSocketAddress a = address();
    String host = a.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + a.getPort() + "/");
  }

  private void refresh() {
    try {
      searcher.refresh();
      refreshedAt = Instant.now();
      refreshError = null;
    } catch (IOException | RuntimeException e) {
      // The message alone can be just a file name (NoSuchFileException): say what kind of failure it is.
      refreshError = Views.clip(e instanceof ClaimcheckException || e.getClass() == IOException.class
          ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage(), 1000);
      log.println("serve: cannot refresh the index: " + e);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Exchanges

  private void handle(HttpExchange ex) {
    try (ex) {
      if (!inFlight.tryAcquire()) {
        sendError(ex, ApiException.unavailable("server busy",
            options.maxConcurrentRequests() + " requests in progress", "Retry in a moment"));
        return;
      }
      try {
        route(ex);
      } catch (ApiException e) {
        sendError(ex, e);
      } catch (ClaimcheckException e) {
        // The searcher's own checks (a query the guard let through but the parser refused).
        sendError(ex, new ApiException(e.exitCode() == ClaimcheckException.USAGE ? 400 : 500, e.what(),
            Views.clip(e.context(), 300), e.fix()));
      } catch (IOException e) {
        // The client went away or was too slow; nothing to answer.
      } catch (Exception | StackOverflowError e) {
        long id = requestIds.incrementAndGet();
        log.println("serve: internal error in request " + id + " (" + ex.getRequestMethod() + " "
            + Views.clip(ex.getRequestURI().getRawPath(), 200) + "):");
        e.printStackTrace(log);
        log.flush();
        sendError(ex, new ApiException(500, "internal error", "request " + id,
            "The server log has the details; please report it"));
      } finally {
        inFlight.release();
      }
    }
  }

  private void route(HttpExchange ex) throws Exception {
    String method = ex.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      ex.getResponseHeaders().set("Allow", "GET, HEAD");
      throw new ApiException(405, "method not allowed", method, "Use GET");
    }
    checkHost(ex);
    URI uri = ex.getRequestURI();
    String rawPath = uri.getRawPath() == null ? "/" : uri.getRawPath();
    if (uri.getScheme() == null && uri.getRawAuthority() != null) {
      // A path that starts with "//" is parsed as an authority and a path ("//x/health": host x, path /health); it
      // names no resource here. ("//health" alone has no path left, and the JDK answers 404 before we see it.)
      rawPath = "//" + uri.getRawAuthority() + rawPath;
    }
    String rawQuery = uri.getRawQuery();
    if (rawPath.length() + (rawQuery == null ? 0 : rawQuery.length()) > MAX_URI_LENGTH) {
      throw new ApiException(414, "request URI too long", "more than " + MAX_URI_LENGTH + " characters",
          "Shorten the query");
    }
    Headers in = ex.getRequestHeaders();
    String length = in.getFirst("Content-Length");
    if (in.containsKey("Transfer-Encoding") || (length != null && !length.strip().equals("0"))) {
      throw new ApiException(413, "request bodies are not accepted", null, "Send parameters in the query string");
    }
    StaticFiles.File file = page.get(rawPath);
    if (file != null) {
      // The query is the page script's to read; parameters it does not know (a tracker's fbclid on a shared link, a
      // cache-busting ?v=2) are ignored, as web pages do. The API refuses them.
      sendStatic(ex, file);
      return;
    }
    switch (rawPath) {
      case "/health" -> {
        Params.parse(rawQuery, Set.of());
        sendJson(ex, 200, health());
      }
      case "/api/search" -> sendJson(ex, 200, search(Params.parse(rawQuery, SEARCH_PARAMS)));
      case "/api/verify" -> sendJson(ex, 200, verify(Params.parse(rawQuery, VERIFY_PARAMS)));
      case "/api/abstract" -> {
        // The id as a parameter, for the ids a path cannot carry: a browser resolves a segment "." or ".." away, even
        // written %2E.
        sendJson(ex, 200, abstractRecord(Params.parse(rawQuery, Set.of("id")).get("id")));
      }
      default -> {
        if (rawPath.startsWith("/api/abstract/")) {
          Params.parse(rawQuery, Set.of());
          // Everything after the prefix is the id, slashes included (DOIs and BEIR ids have them, as such or %2F).
          sendJson(ex, 200, abstractRecord(Params.decodePath(rawPath.substring("/api/abstract/".length()))));
        } else {
          throw new ApiException(404, "not found", Views.clip(rawPath, 100),
              "The API has /api/search, /api/abstract/{id}, /api/verify and /health; the page is at /");
        }
      }
    }
  }

  /**
   * On a loopback address, only requests for a loopback host name are served: a web page elsewhere cannot reach the
   * server through DNS rebinding. (HTTP/1.0 requests without a Host header pass.)
   */
  private void checkHost(HttpExchange ex) {
    if (!options.address().getAddress().isLoopbackAddress()) {
      return;
    }
    String host = ex.getRequestHeaders().getFirst("Host");
    if (host == null) {
      return;
    }
    String name = host.strip().toLowerCase(Locale.ROOT);
    if (name.startsWith("[")) {
      int close = name.indexOf(']');
      name = close < 0 ? name : name.substring(0, close + 1);
    } else if (name.indexOf(':') >= 0) {
      name = name.substring(0, name.indexOf(':'));
    }
    if (!isLoopbackName(name)) {
      throw new ApiException(421, "misdirected request", "Host: " + Views.clip(host, 100),
          "This server answers on localhost only; start it with --bind to serve other names");
    }
  }

  /**
   * Whether a Host header's name (lower case, port removed) names this machine's loopback: {@code localhost},
   * {@code [::1]} or an IPv4 literal in 127.0.0.0/8 written as four decimal numbers. A name that only starts like one
   * ({@code 127.0.0.1.rebind.example}) is a DNS name anyone can point here.
   */
  static boolean isLoopbackName(String name) {
    if (name.equals("localhost") || name.equals("localhost.") || name.equals("[::1]")) {
      return true;
    }
    String[] octets = name.split("\\.", -1);
    if (octets.length != 4 || !octets[0].equals("127")) {
      return false;
    }
    for (String o : octets) {
      boolean decimal = !o.isEmpty() && o.length() <= 3 && o.chars().allMatch(c -> c >= '0' && c <= '9');
      if (!decimal || Integer.parseInt(o) > 255) {
        return false;
      }
    }
    return true;
  }

  private Map<String, Object> health() throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", refreshError == null ? "ok" : "degraded");
    m.put("documents", searcher.size());
    m.put("refreshedAt", refreshedAt.toString());
    m.put("refreshError", refreshError);
    m.put("uptimeSeconds", Duration.between(started, Instant.now()).toSeconds());
    m.put("activeSearches", lanes.active());
    m.put("timedOut", lanes.timedOut());
    m.put("rejected", lanes.rejected());
    AbstractSearcher.CacheStats c = searcher.recordCacheStats();
    Map<String, Object> cache = new LinkedHashMap<>(); // in README's order, the same on every start
    cache.put("capacity", c.capacity());
    cache.put("size", c.size());
    cache.put("hits", c.hits());
    cache.put("misses", c.misses());
    m.put("recordCache", cache);
    return m;
  }

  private Map<String, Object> search(Params p) throws Exception {
    long t0 = System.nanoTime();
    String q = p.get("q");
    SearchRequest.Syntax syntax = syntax(p.get("syntax"));
    int size = p.integer("size", 10, 1, options.maxPageSize());
    int pageNo = p.integer("page", 1, 1, options.maxResults());
    if ((long) pageNo * size > options.maxResults()) {
      throw ApiException.badRequest("page too deep", "page " + pageNo + " of size " + size + " reaches result "
          + (long) pageNo * size + ", at most " + options.maxResults(), "Narrow the query or add filters");
    }
    Integer from = p.optionalInteger("year_from", 0, 9999);
    Integer to = p.optionalInteger("year_to", 0, 9999);
    if (from != null && to != null && from > to) {
      throw ApiException.badRequest("empty year range", from + ".." + to, "Put the earlier year in year_from");
    }
    List<String> pubTypes = filter(p, "pubtype");
    List<String> mesh = filter(p, "mesh");
    Boolean humans = p.bool("humans", false) ? Boolean.TRUE : null;
    boolean excludeRetracted = p.bool("exclude_retracted", false);
    QueryGuard.Checked checked = guard.check(q, syntax);
    // Only the page's records are read and highlighted; the count of matches tells whether there is a next page.
    SearchRequest request = new SearchRequest(q, syntax, size, from, to, pubTypes, mesh, humans, excludeRetracted,
        (pageNo - 1) * size, null);
    SearchPage found = lanes.run(checked.expensive(), () -> searcher.page(request));
    long shown = (long) pageNo * size;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("query", q);
    m.put("syntax", syntax.name().toLowerCase(Locale.ROOT));
    m.put("page", pageNo);
    m.put("size", size);
    // The searcher asked for at least one hit more than the pages so far hold, and its count is never below what it
    // got back: a count that is only a lower bound (dense or hybrid ranking: the hits fetched; BM25 past 1,000
    // matches) is above them when there is more, and at most them when the list ended, on a page's last hit too.
    boolean more = found.totalHits() > shown;
    // The next page would pass the depth limit and be refused: there is none to ask for, and the answer says why.
    boolean atLimit = shown + size > options.maxResults();
    m.put("hasMore", more && !atLimit);
    if (more && atLimit) {
      m.put("depthLimit", options.maxResults());
    }
    m.put("hits", found.hits().stream().map(Views::hit).toList());
    List<String> notes = new ArrayList<>();
    // Parsed again only when nothing matched: the note explains an empty answer.
    if (found.totalHits() == 0 && syntax == SearchRequest.Syntax.LUCENE && QueryGuard.onlyExcludes(q)) {
      notes.add("a group of only NOT clauses matches nothing in Lucene: give it something to match, e.g. "
          + "*:* NOT x for every record without x");
    }
    // Filter values no record holds (a typo, an abbreviation): said with the closest values the index holds (read
    // from the field's values when one is unknown: the expensive lane).
    if (!pubTypes.isEmpty() || !mesh.isEmpty()) {
      notes.addAll(lanes.run(true, () -> {
        List<String> out = new ArrayList<>();
        searcher.unmatchedFilterValues(IndexSchema.PUBTYPE, pubTypes).forEach((v, near) ->
            out.add(unmatched("publication type", v, near)));
        searcher.unmatchedFilterValues(IndexSchema.MESH, mesh).forEach((v, near) ->
            out.add(unmatched("MeSH descriptor", v, near)));
        return out;
      }));
    }
    if (!notes.isEmpty()) {
      m.put("note", String.join("; ", notes));
    }
    m.put("tookMs", (System.nanoTime() - t0) / 1_000_000);
    return m;
  }

  private static String unmatched(String what, String value, List<String> closest) {
    return "no record in the index has the " + what + " '" + Views.clip(value, 100) + "'"
        + (closest.isEmpty() ? "" : " (closest: " + String.join(", ", closest) + ")");
  }

  private static SearchRequest.Syntax syntax(String s) {
    if (s == null) {
      return SearchRequest.Syntax.LUCENE;
    }
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "lucene" -> SearchRequest.Syntax.LUCENE;
      case "text" -> SearchRequest.Syntax.TEXT;
      default -> throw ApiException.badRequest("unknown syntax", "'" + Views.clip(s, 40) + "'",
          "Use lucene (query syntax, the default) or text (plain words, as for a claim)");
    };
  }

  private static List<String> filter(Params p, String name) {
    List<String> values = p.all(name);
    if (values.size() > MAX_FILTER_VALUES) {
      throw ApiException.badRequest("too many " + name + " values", values.size() + ", at most "
          + MAX_FILTER_VALUES, null);
    }
    for (String v : values) {
      if (v.isEmpty()) {
        // As on the command line: a blank filter would match no record; leaving it out is what was meant, or a value.
        throw ApiException.badRequest("blank " + name + " value", name + "=", "Give a value, e.g. " + name + "="
            + (name.equals("pubtype") ? "Randomized Controlled Trial" : "Melatonin") + ", or leave the parameter out");
      }
      if (v.length() > MAX_FILTER_LENGTH) {
        throw ApiException.badRequest(name + " value too long", v.length() + " characters, at most "
            + MAX_FILTER_LENGTH, null);
      }
    }
    return values;
  }

  /**
   * The record {@code id} names. Any id the index can hold is accepted: PMIDs, and corpus ids of one word (no white
   * space or control characters, as the JSONL reader requires) of any length the URI limit leaves room for.
   */
  private Map<String, Object> abstractRecord(String id) throws Exception {
    if (id == null || id.isEmpty()) {
      throw ApiException.badRequest("no abstract id", null, "Give a PMID or corpus id, e.g. /api/abstract/12345678");
    }
    if (!id.codePoints().allMatch(c -> c > ' ' && !Character.isWhitespace(c) && !Character.isISOControl(c))) {
      throw ApiException.badRequest("bad abstract id", "'" + Views.clip(id, 40) + "'",
          "Ids have no white space or control characters; give a PMID or corpus id, e.g. /api/abstract/12345678");
    }
    PubmedRecord r = lanes.run(false, () -> searcher.get(id));
    if (r == null) {
      throw new ApiException(404, "no such abstract", "'" + Views.clip(id, 40) + "'",
          "Search first; hits carry their ids");
    }
    return Views.record(r);
  }

  private Map<String, Object> verify(Params p) throws Exception {
    String claim = p.get("claim");
    if (claim == null) {
      throw ApiException.badRequest("no claim", "parameter claim",
          "Give a claim, e.g. claim=Vitamin D supplements prevent fractures");
    }
    if (claim.length() > options.maxClaimLength()) {
      throw ApiException.badRequest("claim too long", claim.length() + " characters, at most "
          + options.maxClaimLength(), "Give one sentence");
    }
    int abstracts = p.integer("abstracts", 5, 1, 20);
    String why = Verifier.unverifiable(claim);
    if (why != null) {
      throw ApiException.badRequest("not a claim that can be checked", why,
          "Give a statement about something, e.g. claim=Vitamin D supplements prevent fractures");
    }
    Verifier verifier = new Verifier(searcher, stance, lexicon, new Verifier.Options(abstracts, 3, true));
    ClaimVerdict v = lanes.run(false, () -> verifier.verify(ClaimsFile.plain("claim", claim, 0)));
    return Views.verdict(v);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Responses

  private static void securityHeaders(Headers h, boolean html) {
    h.set("Content-Security-Policy", html ? PAGE_CSP : API_CSP);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "no-referrer");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Cross-Origin-Resource-Policy", "same-origin");
    h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  }

  private static void sendStatic(HttpExchange ex, StaticFiles.File f) throws IOException {
    Headers h = ex.getResponseHeaders();
    securityHeaders(h, f.contentType().startsWith("text/html"));
    h.set("Content-Type", f.contentType());
    h.set("ETag", f.etag());
    h.set("Cache-Control", "no-cache");
    if (f.etag().equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
      ex.sendResponseHeaders(304, -1);
      return;
    }
    send(ex, 200, f.body());
  }

  private static void sendJson(HttpExchange ex, int status, Object body) throws IOException {
    byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
    Headers h = ex.getResponseHeaders();
    securityHeaders(h, false);
    h.set("Content-Type", "application/json; charset=utf-8");
    h.set("Cache-Control", "no-store");
    send(ex, status, bytes);
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    if (ex.getRequestMethod().equals("HEAD")) {
      ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
      ex.sendResponseHeaders(status, -1);
      return;
    }
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private void sendError(HttpExchange ex, ApiException e) {
    if (ex.getResponseCode() != -1) {
      return; // headers already sent: nothing more can be said
    }
    if (e.status() == 503) {
      ex.getResponseHeaders().set("Retry-After", "1");
    }
    try {
      sendJson(ex, e.status(), Views.error(e.status(), e.error(), e.detail(), e.hint()));
    } catch (IOException ignored) {
      // The client went away.
    }
  }

  /** Stops listening (exchanges in progress get a second to finish), the refresh timer and the search lanes. */
  @Override
  public void close() {
    http.stop(1);
    refresher.shutdownNow();
    lanes.close();
    exchanges.shutdownNow();
    guard.close();
  }
}
