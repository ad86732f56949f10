package org.claimcheck.pubmed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.claimcheck.TestData;

/**
 * An in-process fake of E-utilities' esearch.fcgi and efetch.fcgi on loopback, answering in the real formats from the
 * fixtures under {@code pubmed/eutils/} (invented records). It logs every request and can be told to fail the next
 * requests with given HTTP statuses.
 */
public final class FakeEutils implements AutoCloseable {
  /** One request as the fake saw it. */
  public record Request(String endpoint, Map<String, String> params) {}

  private final HttpServer server;
  private final Map<String, List<String>> searches = new TreeMap<>();
  private final Map<String, String> records = new LinkedHashMap<>();
  final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  final Deque<Integer> failures = new ArrayDeque<>();
  String retryAfter;
  String efetchOverride;
  /** The body of the failures (null: NCBI's usual ones). */
  String failureBody;
  /** Where every request is redirected (301), or null. */
  String redirectTo;
  /** How long an answer stalls after its headers, in milliseconds. */
  volatile long stallBodyMillis;

  public FakeEutils() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/esearch.fcgi", x -> handle(x, "esearch"));
    server.createContext("/efetch.fcgi", x -> handle(x, "efetch"));
    server.start();
  }

  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** Records {@code from} to {@code to} (PMIDs) exist, and {@code term} finds them. */
  public FakeEutils with(String term, int from, int to) {
    List<String> ids = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      String id = Integer.toString(i);
      ids.add(id);
      records.put(id, fixture("efetch-article.xml").replace("{pmid}", id));
    }
    searches.put(term, ids);
    return this;
  }

  /** The next requests are answered with these HTTP statuses, in order (for tests outside this package). */
  public FakeEutils failNext(int... statuses) {
    synchronized (failures) {
      for (int s : statuses) {
        failures.add(s);
      }
    }
    return this;
  }

  static String fixture(String name) {
    try {
      return Files.readString(TestData.resource("org/claimcheck/pubmed/eutils/" + name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange x, String endpoint) throws IOException {
    Map<String, String> params = new LinkedHashMap<>();
    parse(x.getRequestURI().getRawQuery(), params);
    parse(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), params);
    requests.add(new Request(endpoint, params));
    if (redirectTo != null) {
      x.getResponseHeaders().add("Location", redirectTo);
      send(x, 301, "");
      return;
    }
    Integer fail;
    synchronized (failures) {
      fail = failures.poll();
    }
    if (fail != null) {
      if (retryAfter != null) {
        x.getResponseHeaders().add("Retry-After", retryAfter);
      }
      String body = failureBody != null ? failureBody
          : fail == 429 ? "{\"error\":\"API rate limit exceeded\",\"count\":\"4\",\"limit\":\"3\"}"
          : "<html><body>Service unavailable</body></html>";
      send(x, fail, body);
      return;
    }
    if (endpoint.equals("esearch")) {
      String term = params.getOrDefault("term", "");
      if (term.contains("(") && !term.contains(")")) {
        send(x, 200, fixture("esearch-error.xml"));
        return;
      }
      List<String> ids = searches.getOrDefault(term, List.of());
      int retmax = Integer.parseInt(params.getOrDefault("retmax", "20"));
      List<String> shown = ids.subList(0, Math.min(retmax, ids.size()));
      StringBuilder idXml = new StringBuilder();
      shown.forEach(id -> idXml.append("<Id>").append(id).append("</Id>\n"));
      send(x, 200, fixture("esearch.xml").replace("{count}", Integer.toString(ids.size()))
          .replace("{retmax}", Integer.toString(shown.size())).replace("{ids}", idXml).replace("{term}", term));
      return;
    }
    if (efetchOverride != null) {
      send(x, 200, efetchOverride);
      return;
    }
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD "
        + "PubMedArticle, 1st January 2025//EN\" \"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd\">\n"
        + "<PubmedArticleSet>\n");
    for (String id : params.getOrDefault("id", "").split(",")) {
      String r = records.get(id.strip());
      if (r != null) {
        xml.append(r);
      }
    }
    send(x, 200, xml.append("</PubmedArticleSet>\n").toString());
  }

  private static void parse(String form, Map<String, String> into) {
    if (form == null || form.isEmpty()) {
      return;
    }
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        into.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
  }

  private void send(HttpExchange x, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    x.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    if (stallBodyMillis > 0 && b.length > 0) {
      x.getResponseBody().write(b, 0, 1);
      x.getResponseBody().flush();
      try {
        Thread.sleep(stallBodyMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try {
        x.getResponseBody().write(b, 1, b.length - 1);
      } catch (IOException gone) {
        // the client gave up waiting
      }
      x.close();
      return;
    }
    x.getResponseBody().write(b);
    x.close();
  }

  public List<Request> requests(String endpoint) {
    synchronized (requests) {
      return requests.stream().filter(r -> r.endpoint().equals(endpoint)).toList();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
