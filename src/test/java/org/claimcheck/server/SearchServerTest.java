package org.claimcheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.claimcheck.Tally;
import org.claimcheck.TestData;
import org.claimcheck.claim.Lexicon;
import org.claimcheck.encoder.OnnxModel;
import org.claimcheck.index.AbstractIndexer;
import org.claimcheck.index.AbstractSearcher;
import org.claimcheck.index.DenseVectors;
import org.claimcheck.index.HybridRanker;
import org.claimcheck.verify.RuleStanceModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The API over loopback: status codes, JSON shapes, limits, and 400s that say what is wrong. */
class SearchServerTest {
  @TempDir
  static Path dir;

  static ServerFixture fx;

  @BeforeAll
  static void start() throws IOException {
    fx = new ServerFixture(dir);
  }

  @AfterAll
  static void stop() throws IOException {
    fx.close();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static List<String> ids(JsonNode body) {
    List<String> ids = new ArrayList<>();
    body.get("hits").forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  static JsonNode ok(String pathAndQuery) {
    ServerFixture.Response r = fx.get(pathAndQuery);
    assertEquals(200, r.status(), r.body());
    assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
    return r.json();
  }

  @Test
  void healthReportsTheIndex() {
    JsonNode h = ok("/health");
    List<String> cacheFields = new ArrayList<>();
    h.get("recordCache").fieldNames().forEachRemaining(cacheFields::add);
    assertEquals(List.of("capacity", "size", "hits", "misses"), cacheFields, "README's order");
    ServerFixture.Response x = fx.get("/health?x");
    assertEquals("unknown parameter", x.json().get("error").asText());
    assertEquals("This address takes no parameters", x.json().get("hint").asText());
    assertEquals("Use abstracts, claim", fx.get("/api/verify?x=1").json().get("hint").asText());
    assertEquals("ok", h.get("status").asText());
    assertEquals(4 + ServerFixture.VITAMIN_D_STUDIES + 1 + ServerFixture.ODD_IDS.size(), h.get("documents").asInt());
    assertEquals(0, h.get("timedOut").asLong());
  }

  @Test
  void aQueryOfOnlyNotClausesSaysWhyItMatchesNothing() {
    JsonNode body = ok("/api/search?q=" + enc("NOT melatonin"));
    assertEquals(0, body.get("hits").size());
    assertTrue(body.get("note").asText().contains("*:* NOT x"), body.toString());
    assertTrue(ok("/api/search?q=" + enc("cobalamin NOT melatonin")).path("note").isMissingNode());
    assertTrue(ok("/api/search?q=" + enc("NOT melatonin") + "&syntax=text").path("note").isMissingNode());
  }

  @Test
  void searchReturnsHitsWithHighlightsAndLinks() {
    JsonNode body = ok("/api/search?q=" + enc("title:cobalamin AND melatonin"));
    assertEquals("lucene", body.get("syntax").asText());
    assertEquals(1, body.get("page").asInt());
    assertEquals(10, body.get("size").asInt());
    assertFalse(body.get("hasMore").asBoolean());
    assertEquals(List.of("90000002"), ids(body));
    JsonNode hit = body.get("hits").get(0);
    assertEquals(1, hit.get("rank").asInt());
    assertEquals("Cobalamin does not alter melatonin synthesis in rats.", hit.get("title").asText());
    assertTrue(hit.get("year").isInt(), hit.toString());
    assertTrue(hit.get("score").asDouble() > 0);
    assertTrue(hit.get("publicationTypes").isArray());
    assertTrue(hit.has("journal"));
    assertFalse(hit.get("retracted").asBoolean());
    assertEquals("https://pubmed.ncbi.nlm.nih.gov/90000002/", hit.get("url").asText());
    JsonNode best = hit.get("sentences").get(0);
    assertTrue(best.get("index").asInt() >= 0);
    assertTrue(best.get("html").asText().contains("<mark>"), best.toString());
    boolean marked = false;
    StringBuilder text = new StringBuilder();
    for (JsonNode f : best.get("fragments")) {
      marked |= f.get("mark").asBoolean();
      text.append(f.get("text").asText());
    }
    assertTrue(marked, best.toString());
    assertFalse(text.toString().contains("<mark>"), text.toString());
  }

  @Test
  void aWholeWordBeforeAWildcardFindsItsAnalysedForm() {
    // The index holds neuropathi and cyanocobalamin's stem; the patterns as typed matched nothing.
    assertEquals(List.of("90000001"), ids(ok("/api/search?q=" + enc("neuropathy*"))));
    assertEquals(List.of("90000001"), ids(ok("/api/search?q=" + enc("title:neuropathy*"))));
    assertEquals(List.of("90000004"), ids(ok("/api/search?q=" + enc("hom?cysteine"))));
    // Its British spelling's American form counts for the guard's literal prefix, not only the common prefix.
    assertEquals(200, fx.get("/api/search?q=" + enc("oedema*")).status());
  }

  @Test
  void aFilterValueNoRecordHoldsIsNotedWithTheClosestKnownOnes() {
    JsonNode body = ok("/api/search?q=vitamin&pubtype=RCT");
    assertEquals(0, body.get("hits").size());
    assertEquals("no record in the index has the publication type 'RCT' (closest: randomized controlled trial)",
        body.get("note").asText());
    assertEquals("no record in the index has the MeSH descriptor 'Melatonine' (closest: melatonin)",
        ok("/api/search?q=vitamin&mesh=Melatonine").get("note").asText());
    assertTrue(ok("/api/search?q=vitamin&pubtype=" + enc("Randomized Controlled Trial")).path("note").isMissingNode());
  }

  @Test
  void plainTextSyntaxSearchesWordsAsGiven() {
    // Lucene syntax would read "AND" and ":" as operators; as plain words they are just words.
    JsonNode body = ok("/api/search?syntax=text&q=" + enc("vitamin B12: neuropathy AND (tingling"));
    assertEquals("text", body.get("syntax").asText());
    assertEquals("90000001", ids(body).getFirst());
  }

  @Test
  void filtersNarrowTheHits() {
    String q = "/api/search?q=" + enc("vitamin cobalamin melatonin homocysteine restless");
    assertEquals(List.of("90000001"), ids(ok(q + "&year_from=2015&year_to=2022")));
    assertEquals(List.of("90000001"), ids(ok(q + "&pubtype=" + enc("Randomized Controlled Trial"))));
    assertEquals(List.of("90000002"), ids(ok(q + "&mesh=Melatonin")));
    assertEquals(List.of("90000001"), ids(ok(q + "&humans=true")));
    assertTrue(ids(ok(q)).contains("90000003"));
    assertFalse(ids(ok(q + "&exclude_retracted=true")).contains("90000003"));
  }

  @Test
  void pagesAreContiguousAndWithoutOverlap() {
    String q = "/api/search?q=" + enc("vitamin D fracture") + "&size=";
    List<String> all = ids(ok(q + "50"));
    assertTrue(all.size() > ServerFixture.VITAMIN_D_STUDIES, all.toString());
    int pages = (all.size() + 9) / 10;
    List<String> paged = new ArrayList<>();
    for (int page = 1; page <= pages; page++) {
      JsonNode body = ok(q + "10&page=" + page);
      assertEquals(page < pages, body.get("hasMore").asBoolean(), "page " + page);
      int rank = (page - 1) * 10 + 1;
      for (JsonNode h : body.get("hits")) {
        assertEquals(rank++, h.get("rank").asInt());
      }
      paged.addAll(ids(body));
    }
    assertEquals(all, paged);
    assertEquals(0, ok(q + "10&page=" + (pages + 1)).get("hits").size());
  }

  @Test
  void everyIdTheIndexHoldsCanBeOpened() {
    for (String id : ServerFixture.ODD_IDS) {
      // A browser resolves a path segment . or .. away; other clients can send them as %2E.
      String segment = id.equals(".") || id.equals("..") ? id.replace(".", "%2E") : enc(id);
      assertEquals(id, ok("/api/abstract/" + segment).get("id").asText(), segment);
      assertEquals(id, ok("/api/abstract?id=" + enc(id)).get("id").asText(), id);
    }
    assertEquals("10.1234/abc.def", ok("/api/abstract/10.1234/abc.def").get("id").asText());
    assertEquals("90000001", ok("/api/abstract?id=90000001").get("id").asText());
    ServerFixture.Response space = fx.get("/api/abstract/a%20b");
    assertEquals(400, space.status(), space.body());
    assertEquals("bad abstract id", space.json().get("error").asText());
    ServerFixture.Response none = fx.get("/api/abstract?id=");
    assertEquals(400, none.status(), none.body());
    assertEquals("no abstract id", none.json().get("error").asText());
    ServerFixture.Response utf8 = fx.get("/api/abstract/%C3");
    assertEquals(400, utf8.status(), utf8.body());
    assertEquals("malformed path", utf8.json().get("error").asText());
  }

  /**
   * Dense and hybrid ranking count only the hits they fetched, a lower bound: results that end on a page's last hit
   * have no next page (the 8 records of the dense corpus on pages of 4 and 8).
   */
  @Test
  void denseAndHybridResultsThatEndOnAPageEndHaveNoNextPage(@TempDir Path own) throws IOException {
    Path index = own.resolve("dense");
    try (DenseVectors vectors = DenseVectors.open(null, new OnnxModel.Options(1, 16), "")) {
      try (AbstractIndexer indexer = AbstractIndexer.open(index, new AbstractIndexer.Options(1, 16), vectors)) {
        indexer.index(TestData.resource("org/claimcheck/index/dense-corpus.jsonl"), new Tally("index"));
        indexer.commit();
      }
      for (HybridRanker.Mode mode : List.of(HybridRanker.Mode.DENSE, HybridRanker.Mode.HYBRID)) {
        try (AbstractSearcher searcher = AbstractSearcher.open(index, AbstractSearcher.Bm25.DEFAULT,
                HybridRanker.Settings.of(mode), vectors);
            SearchServer server = SearchServer.start(searcher, new RuleStanceModel(), Lexicon.builtin(),
                ServerOptions.defaults(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
                new PrintWriter(new StringWriter(), true))) {
          String q = server.uri() + "api/search?syntax=text&q=" + enc("vitamin B12 deficiency in vegans");
          JsonNode first = get(q + "&size=4");
          assertEquals(4, first.get("hits").size(), mode + " " + first);
          assertTrue(first.get("hasMore").asBoolean(), mode + " " + first);
          JsonNode last = get(q + "&size=4&page=2");
          assertEquals(4, last.get("hits").size(), mode + " " + last);
          assertFalse(last.get("hasMore").asBoolean(), mode + " page 2 of 2: " + last);
          assertFalse(get(q + "&size=8").get("hasMore").asBoolean(), mode.toString());
        }
      }
    }
  }

  private static JsonNode get(String uri) {
    ServerFixture.Response r = fx.send(HttpRequest.newBuilder(java.net.URI.create(uri)).build());
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  @Test
  void theLastPageTheDepthLimitAllowsHasNoNextPageAndSaysWhy(@TempDir Path own) throws IOException {
    try (ServerFixture f = new ServerFixture(own, o -> o.withPaging(10, 25))) {
      String q = "/api/search?q=" + enc("vitamin D fracture") + "&size=10";
      JsonNode first = f.get(q).json();
      assertTrue(first.get("hasMore").asBoolean(), first.toString());
      assertTrue(first.path("depthLimit").isMissingNode(), first.toString());
      // Page 3 would reach result 30, past the limit of 25.
      JsonNode second = f.get(q + "&page=2").json();
      assertEquals(10, second.get("hits").size());
      assertFalse(second.get("hasMore").asBoolean(), second.toString());
      assertEquals(25, second.get("depthLimit").asInt(), second.toString());
      assertEquals("page too deep", f.get(q + "&page=3").json().get("error").asText());
      // Results that end before the limit have no depthLimit.
      JsonNode few = f.get("/api/search?q=osteomalacia").json();
      assertFalse(few.get("hasMore").asBoolean());
      assertTrue(few.path("depthLimit").isMissingNode(), few.toString());
    }
  }

  @Test
  void markupInRecordsComesOutEscapedOrAsText() {
    JsonNode body = ok("/api/search?q=osteomalacia");
    assertEquals(List.of(ServerFixture.HOSTILE_ID), ids(body));
    JsonNode hit = body.get("hits").get(0);
    assertEquals(ServerFixture.HOSTILE_TITLE, hit.get("title").asText()); // JSON text; the page shows it as text
    JsonNode best = hit.get("sentences").get(0);
    String html = best.get("html").asText();
    assertFalse(html.contains("<script") || html.contains("<i>"), html);
    assertTrue(html.contains("&lt;script&gt;") || html.contains("&lt;i&gt;"), html);
    assertTrue(html.replace("<mark>", "").replace("</mark>", "").indexOf('<') < 0, html);
    StringBuilder text = new StringBuilder();
    best.get("fragments").forEach(f -> text.append(f.get("text").asText()));
    assertTrue(text.toString().contains("<script>") || text.toString().contains("<i>"), text.toString());
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(delimiter = '|', textBlock = """
      /api/search                                  | 400 | empty query
      /api/search?q=+++                            | 400 | empty query
      /api/search?q=x&bogus=1                      | 400 | unknown parameter
      /api/search?q=x&size=0                       | 400 | parameter size out of range
      /api/search?q=x&size=51                      | 400 | parameter size out of range
      /api/search?q=x&size=ten                     | 400 | parameter size must be a whole number
      /api/search?q=x&page=0                       | 400 | parameter page out of range
      /api/search?q=x&page=99999999999             | 400 | parameter page out of range
      /api/search?q=x&size=-99999999999            | 400 | parameter size out of range
      /api/search?q=x&size=50&page=11              | 400 | page too deep
      /api/search?q=x&q=y                          | 400 | parameter given more than once
      /api/search?q=x&year_from=2020&year_to=2010  | 400 | empty year range
      /api/search?q=x&humans=maybe                 | 400 | parameter humans must be true or false
      /api/search?q=x&syntax=sql                   | 400 | unknown syntax
      /api/search?q=x&pubtype=                     | 400 | blank pubtype value
      /api/search?q=x&pubtype=review&pubtype=+     | 400 | blank pubtype value
      /api/search?q=x&mesh=                        | 400 | blank mesh value
      /api/search?q=vitamin+AND                    | 400 | bad query
      /api/search?q=title%3A%28a                   | 400 | bad query
      /api/search?q=*vitamin                       | 400 | bad query
      /api/search?q=vi*                            | 400 | wildcard or regular expression needs a longer literal prefix
      /api/search?q=vi%3Famin                      | 400 | wildcard or regular expression needs a longer literal prefix
      /api/search?q=%2F.*%2F                       | 400 | wildcard or regular expression needs a longer literal prefix
      /api/search?q=%2Fvit%7C.*%2F                 | 400 | wildcard or regular expression needs a longer literal prefix
      /api/search?q=%2F%5Ba-z%5D%7B1%2C20%7Dq%2F   | 400 | wildcard or regular expression needs a longer literal prefix
      /api/search?q=ab~2                           | 400 | fuzzy term too short
      /api/search?q=%2Fvit%28a%7B1%2C999%7D%29%7B1%2C999%7D%2F | 400 | regular expression too complex
      /api/search?q=%2Fvit%28%28a%7B1%2C99%7D%29%7B1%2C99%7D%29%7B1%2C99%7D%2F | 400 | regular expression too complex
      /api/search?q=vit*a%3F%3F%3F%3F%3F%3F%3F%3F%3F%3F%3F%3F%3F%3F%3F%3F%3F%3F%3F%3F%3F%3F | 400 | regular expression too complex
      /api/search?q=vit*+cob*+mel*+hom*+res*       | 400 | too many wildcard, fuzzy or regular-expression terms
      /api/search?q=title%3A%5Ba+TO+z%5D           | 400 | range queries are not supported
      /api/search?q=year%3A2020                    | 400 | year cannot be searched in the query
      /api/search?q=author%3Asmith                 | 400 | unknown field
      /api/search?q=%22vitamin+neuropathy%22~500   | 400 | phrase slop too large
      /api/search?q=((((((((((vitamin))))))))))    | 400 | query nested too deeply
      /api/verify                                  | 400 | no claim
      /api/verify?claim=x&abstracts=100            | 400 | parameter abstracts out of range
      /api/verify?claim=mice                       | 400 | not a claim that can be checked
      /api/verify?claim=AND+OR+NOT                 | 400 | not a claim that can be checked
      /api/abstract/90000001?x=1                   | 400 | unknown parameter
      /api/abstract/nope                           | 404 | no such abstract
      /api/nothing                                 | 404 | not found
      /etc/passwd                                  | 404 | not found
      /static/../../pom.xml                        | 404 | not found
      """)
  void badRequestsGetAJsonErrorThatSaysWhatIsWrong(String path, int status, String error) {
    ServerFixture.Response r = fx.get(path);
    assertEquals(status, r.status(), r.body());
    JsonNode e = r.json();
    assertEquals(status, e.get("status").asInt());
    assertEquals(error, e.get("error").asText(), r.body());
    assertTrue(e.has("detail") && e.has("hint"), r.body());
    assertNoStackTrace(r.body());
    assertEquals("nosniff", r.header("X-Content-Type-Options"));
  }

  static void assertNoStackTrace(String body) {
    assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("org.apache")
        || body.contains("java."), body);
  }

  @Test
  void anUnknownFieldIsQuotedAsTypedAndAFieldInOtherLettersNamedInLowerCase() {
    ServerFixture.Response r = fx.get("/api/search?q=" + enc("Title:fibrosis"));
    assertEquals(400, r.status(), r.body());
    assertEquals("unknown field", r.json().get("error").asText());
    assertEquals("'Title'", r.json().get("detail").asText());
    assertTrue(r.json().get("hint").asText().startsWith("Field names are case-sensitive: write title: instead of "
        + "Title:. Search one of: contents, title,"), r.body());
    ServerFixture.Response author = fx.get("/api/search?q=" + enc("author:smith"));
    assertEquals("'author'", author.json().get("detail").asText());
    assertTrue(author.json().get("hint").asText().startsWith("Search one of: contents, title,"), author.body());
  }

  @Test
  void limitsOnLengthsAreEnforced() {
    ServerFixture.Response q = fx.get("/api/search?q=" + "v".repeat(1001));
    assertEquals(400, q.status());
    assertEquals("query too long", q.json().get("error").asText());
    assertEquals("1001 characters, at most 1000", q.json().get("detail").asText());
    assertEquals(200, fx.get("/api/search?q=" + "v".repeat(1000)).status());
    ServerFixture.Response c = fx.get("/api/verify?claim=" + "b12+".repeat(300));
    assertEquals(400, c.status());
    assertEquals("claim too long", c.json().get("error").asText());
    ServerFixture.Response uri = fx.get("/api/search?q=x&pubtype=" + "a".repeat(9000));
    assertEquals(414, uri.status());
    assertEquals("request URI too long", uri.json().get("error").asText());
    StringBuilder many = new StringBuilder("/api/search?q=x");
    for (int i = 0; i < 21; i++) {
      many.append("&mesh=m").append(i);
    }
    assertEquals("too many mesh values", fx.get(many.toString()).json().get("error").asText());
    // 320 words are under the length limit but over the term limit.
    ServerFixture.Response terms = fx.get("/api/search?q=" + enc("b1 ".repeat(320)));
    assertEquals("query too large", terms.json().get("error").asText(), terms.body());
  }

  @Test
  void onlyGetAndHeadWithoutBodies() {
    ServerFixture.Response post = fx.send(HttpRequest.newBuilder(fx.uri("/api/search?q=x"))
        .POST(HttpRequest.BodyPublishers.ofString("q=x")).build());
    assertEquals(405, post.status());
    assertEquals("GET, HEAD", post.header("Allow"));
    ServerFixture.Response head = fx.send(HttpRequest.newBuilder(fx.uri("/health"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(200, head.status());
    assertEquals("", head.body());
    ServerFixture.Response body = fx.send(HttpRequest.newBuilder(fx.uri("/api/search?q=x"))
        .method("GET", HttpRequest.BodyPublishers.ofString("surprise")).build());
    assertEquals(413, body.status());
  }

  @Test
  void malformedRequestLinesAreABadRequest() throws IOException {
    // The JDK server refuses a malformed request URI itself, before the API sees it (README says so).
    for (String target : List.of("/api/search?q=%zz", "/api/search?q=%", "/api/abstract/%zz")) {
      String r = fx.raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      assertTrue(r.startsWith("HTTP/1.1 400"), r);
      assertFalse(r.contains("\tat ") || r.contains("sun.net"), r);
    }
  }

  @Test
  void pathsThatStartWithTwoSlashesNameNothing() throws IOException {
    // Parsed as host x and path /health, they were answered as /health and /api/search.
    for (String target : List.of("//x/health", "//127.0.0.1/api/search?q=vitamin")) {
      String r = fx.raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      assertTrue(r.startsWith("HTTP/1.1 404"), r);
      assertTrue(r.contains("\"error\":\"not found\""), r);
    }
    // No path at all is left of //health: the JDK answers 404 itself (README says so).
    String bare = fx.raw("GET //health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertTrue(bare.startsWith("HTTP/1.1 404"), bare);
    // An absolute URI is a request for its path.
    String absolute = fx.raw("GET " + fx.uri("/health") + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close"
        + "\r\n\r\n");
    assertTrue(absolute.startsWith("HTTP/1.1 200"), absolute);
  }

  @Test
  void aRequestLinePastTheHeaderLimitIsDroppedAndTheServerGoesOn() throws IOException {
    // Past 16 KiB the JDK server closes the connection without an answer (README says so); up to it, 414.
    try {
      String answer = fx.raw("GET /api/search?q=x&mesh=" + "a".repeat(17_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Connection: close\r\n\r\n");
      assertEquals("", answer);
    } catch (java.net.SocketException e) {
      // Reset: closed with the rest of the request unread.
    }
    assertEquals(414, fx.get("/api/search?q=x&mesh=" + "a".repeat(12_000)).status());
    assertEquals(200, fx.get("/health").status());
  }

  /**
   * Oversized requests: a 1 MB header line and 2,000 header lines are refused (an error status, or the connection
   * closed) without the server buffering them, and the server goes on answering.
   */
  @Test
  void oversizedHeadersAreRefusedAndTheServerGoesOn() throws IOException {
    String big = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(1 << 20) + "\r\n\r\n";
    StringBuilder many = new StringBuilder("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (int i = 0; i < 2000; i++) {
      many.append("X-H").append(i).append(": v\r\n");
    }
    for (String request : List.of(big, many.append("\r\n").toString())) {
      String answer;
      try (java.net.Socket sock = new java.net.Socket()) {
        sock.connect(fx.server.address(), 5000);
        sock.setSoTimeout(20_000);
        try {
          sock.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
          sock.getOutputStream().flush();
          byte[] head = sock.getInputStream().readNBytes(12);
          answer = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.net.SocketException closed) {
          answer = "closed: " + closed.getMessage();
        }
      }
      assertFalse(answer.startsWith("HTTP/1.1 2"), "an oversized request was served: " + answer);
    }
    assertEquals(200, fx.get("/health").status(), "the server still answers");
  }

  @Test
  void otherHostNamesAreRefusedOnLoopback() throws IOException {
    String evil = fx.raw("GET /health HTTP/1.1\r\nHost: rebind.example:80\r\nConnection: close\r\n\r\n");
    assertTrue(evil.startsWith("HTTP/1.1 421"), evil);
    assertTrue(evil.contains("misdirected request"), evil);
    String local = fx.raw("GET /health HTTP/1.1\r\nHost: localhost:" + fx.server.address().getPort()
        + "\r\nConnection: close\r\n\r\n");
    assertTrue(local.startsWith("HTTP/1.1 200"), local);
    for (String name : List.of("127.evil.example", "127.0.0.1.evil.example", "127.0.0.1x", "127.0.0.256",
        "127.0.0", "127..0.1", "localhost.evil.example")) {
      String answer = fx.raw("GET /health HTTP/1.1\r\nHost: " + name + "\r\nConnection: close\r\n\r\n");
      assertTrue(answer.startsWith("HTTP/1.1 421"), name + ": " + answer);
    }
    for (String name : List.of("127.0.0.1", "127.1.2.3:8080", "[::1]:80", "LOCALHOST")) {
      String answer = fx.raw("GET /health HTTP/1.1\r\nHost: " + name + "\r\nConnection: close\r\n\r\n");
      assertTrue(answer.startsWith("HTTP/1.1 200"), name + ": " + answer);
    }
  }

  @Test
  void abstractEndpointReturnsTheWholeRecord() {
    JsonNode r = ok("/api/abstract/90000001");
    assertEquals("90000001", r.get("id").asText());
    assertEquals(5, r.get("sentences").size());
    assertEquals("No toxicity was observed at doses up to 1000 \u03bcg daily.", r.get("sentences").get(3).asText());
    // Which section each sentence lies in: BACKGROUND, METHODS, RESULTS (two sentences), CONCLUSIONS.
    assertEquals("[0,1,2,2,3]", r.get("sentenceSections").toString());
    assertEquals("RESULTS", r.get("sections").get(2).get("label").asText());
    assertTrue(r.get("mesh").size() > 0);
    assertTrue(r.get("humans").asBoolean());
    assertEquals("https://pubmed.ncbi.nlm.nih.gov/90000001/", r.get("url").asText());
    // Ids are path segments: percent-encoded ones work.
    assertEquals(ServerFixture.HOSTILE_ID, ok("/api/abstract/hostile%2D1").get("id").asText());
  }

  @Test
  void verifyGivesAVerdictWithEvidence() {
    JsonNode v = ok("/api/verify?claim=" + enc("Vitamin B12 causes toxicity at high doses"));
    assertEquals("Vitamin B12 causes toxicity at high doses", v.get("claim").asText());
    Set<String> verdicts = Set.of("SUPPORTED", "CONTRADICTED", "MIXED", "INSUFFICIENT_EVIDENCE");
    assertTrue(verdicts.contains(v.get("verdict").asText()), v.toString());
    double confidence = v.get("confidence").asDouble();
    assertTrue(confidence >= 0 && confidence <= 1);
    assertTrue(v.get("abstracts").size() > 0, v.toString());
    JsonNode first = v.get("abstracts").get(0);
    for (String field : List.of("id", "title", "design", "stance", "probability", "sentences", "url")) {
      assertTrue(first.has(field), field + " in " + first);
    }
    // The counts agree with the evidence (the stance model itself is tested in the verify package).
    int support = 0;
    int contradict = 0;
    for (JsonNode a : v.get("abstracts")) {
      if (!a.get("retracted").asBoolean()) {
        support += a.get("stance").asText().equals("SUPPORT") ? 1 : 0;
        contradict += a.get("stance").asText().equals("CONTRADICT") ? 1 : 0;
      }
    }
    assertEquals(support, v.get("supporting").asInt());
    assertEquals(contradict, v.get("contradicting").asInt());
    assertEquals(2, ok("/api/verify?abstracts=2&claim=" + enc("Vitamin B12 toxicity")).get("abstracts").size());
  }

  @Test
  void thePageIsServedWithSecurityHeaders() {
    ServerFixture.Response page = fx.get("/");
    assertEquals(200, page.status());
    assertTrue(page.header("Content-Type").startsWith("text/html"));
    String csp = page.header("Content-Security-Policy");
    assertNotNull(csp);
    assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'")
        && csp.contains("frame-ancestors 'none'"), csp);
    assertEquals("DENY", page.header("X-Frame-Options"));
    assertEquals("no-referrer", page.header("Referrer-Policy"));
    assertTrue(page.body().contains("<script src=\"/static/app.js\" defer></script>"));
    assertFalse(page.body().contains("http://") || page.body().contains("https://"), "no external resources");
    assertFalse(page.body().contains("style=\"") || page.body().contains("onclick"), "no inline style or script");
    // Linkable searches: the page takes the search parameters and ignores others (trackers on shared links).
    assertEquals(200, fx.get("/?q=vitamin&size=20").status());
    assertEquals(200, fx.get("/?q=vitamin&fbclid=IwAR0abc").status());
    assertEquals(200, fx.get("/?nonsense=1").status());
    assertEquals(200, fx.get("/static/app.js?v=2").status());
    assertEquals(200, fx.get("/static/style.css?v=2").status());

    ServerFixture.Response js = fx.get("/static/app.js");
    assertEquals(200, js.status());
    assertTrue(js.header("Content-Type").startsWith("text/javascript"));
    assertFalse(js.body().contains("innerHTML"), "the page never parses HTML from the API");
    String etag = js.header("ETag");
    ServerFixture.Response again = fx.send(HttpRequest.newBuilder(fx.uri("/static/app.js"))
        .header("If-None-Match", etag).build());
    assertEquals(304, again.status());
    assertEquals(200, fx.get("/static/style.css").status());
  }

  @Test
  void anIndexRebuiltInPlaceIsPickedUpWithoutARestart(@TempDir Path own) throws Exception {
    try (ServerFixture f = new ServerFixture(own)) {
      try (var files = java.nio.file.Files.walk(f.indexDir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          java.nio.file.Files.delete(p);
        }
      }
      JsonNode h = awaitHealth(f, x -> x.get("status").asText().equals("degraded"));
      String why = h.get("refreshError").asText();
      assertTrue(why.startsWith("cannot refresh the index (") && why.contains("nor open it afresh"), why);
      assertEquals(200, f.get("/api/search?q=cobalamin").status(), "the old index goes on serving");
      ServerFixture.index(f.indexDir, TestData.resource("org/claimcheck/index/dense-corpus.jsonl"));
      h = awaitHealth(f, x -> x.get("status").asText().equals("ok"));
      assertEquals(8, h.get("documents").asInt(), h.toString());
      assertTrue(h.get("refreshError").isNull(), h.toString());
      assertEquals(404, f.get("/api/abstract/90000001").status());
      assertEquals(200, f.get("/api/abstract/101").status());
    }
  }

  private static JsonNode awaitHealth(ServerFixture f, java.util.function.Predicate<JsonNode> condition)
      throws InterruptedException {
    // The fixture refreshes every 100 ms; allow a generous bound for a busy machine.
    long deadline = System.nanoTime() + 10_000_000_000L;
    JsonNode h = f.get("/health").json();
    while (!condition.test(h) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      h = f.get("/health").json();
    }
    assertTrue(condition.test(h), h.toString());
    return h;
  }

  @Test
  void newCommitsArePickedUpWithoutARestart(@TempDir Path own) throws Exception {
    // Its own server: the update changes the index the other tests read.
    try (ServerFixture f = new ServerFixture(own)) {
      int before = f.get("/health").json().get("documents").asInt();
      ServerFixture.index(f.indexDir, TestData.resource("org/claimcheck/pubmed/invented-update.xml"));
      // The fixture refreshes every 100 ms; allow a generous bound for a busy machine.
      long deadline = System.nanoTime() + 10_000_000_000L;
      int after = before;
      while (after == before && System.nanoTime() < deadline) {
        Thread.sleep(50);
        after = f.get("/health").json().get("documents").asInt();
      }
      assertEquals(before - 1, after, "the update deletes one record");
      JsonNode hit = f.get("/api/search?q=" + enc("title:corrected")).json().get("hits").get(0);
      assertEquals("Cobalamin does not alter melatonin synthesis in rats (corrected).", hit.get("title").asText());
    }
  }
}
