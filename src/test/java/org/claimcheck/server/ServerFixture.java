package org.claimcheck.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.claimcheck.Json;
import org.claimcheck.Tally;
import org.claimcheck.TestData;
import org.claimcheck.claim.Lexicon;
import org.claimcheck.index.AbstractIndexer;
import org.claimcheck.index.AbstractSearcher;
import org.claimcheck.verify.RuleStanceModel;

/**
 * One per test class. An index of invented abstracts (the PubMed fixture, 30 invented vitamin D studies for paging,
 * one record whose title and sentences carry HTML, and glacier records with odd ids), a server over it on a loopback
 * port, and an HTTP client.
 */
final class ServerFixture implements AutoCloseable {
  /** The id of the invented record whose text carries markup. */
  static final String HOSTILE_ID = "hostile-1";
  static final String HOSTILE_TITLE = "<img src=x onerror=\"document.title='pwned'\"> Vitamin D & <b>bone</b>";
  static final int VITAMIN_D_STUDIES = 30;
  /**
   * Ids of invented glacier records: ids the JSONL reader accepts (one word of any length) that a path must encode
   * (BEIR's slashes, a DOI, URL delimiters) or that a browser would resolve away (. and ..).
   */
  static final List<String> ODD_IDS = List.of("Global_warming/Effects", "10.1234/abc.def", "a+b%c?d#e&f=g", ".", "..",
      "long-" + "x".repeat(295));

  final Path indexDir;
  final AbstractSearcher searcher;
  final SearchServer server;
  final StringWriter log = new StringWriter();
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Response(int status, Map<String, List<String>> headers, String body) {
    JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String header(String name) {
      for (var e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().getFirst();
        }
      }
      return null;
    }
  }

  ServerFixture(Path dir, UnaryOperator<ServerOptions> options) throws IOException {
    this.indexDir = dir.resolve("index");
    index(indexDir, TestData.resource("org/claimcheck/pubmed/invented-pubmed.xml"), corpus(dir));
    this.searcher = AbstractSearcher.open(indexDir, AbstractSearcher.Bm25.DEFAULT);
    ServerOptions o = options.apply(ServerOptions.defaults(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .withRefreshInterval(Duration.ofMillis(100)));
    this.server = SearchServer.start(searcher, new RuleStanceModel(), Lexicon.builtin(), o, new PrintWriter(log, true));
  }

  ServerFixture(Path dir) throws IOException {
    this(dir, o -> o);
  }

  static void index(Path indexDir, Path... files) {
    try (AbstractIndexer indexer = AbstractIndexer.open(indexDir)) {
      Tally t = new Tally("index");
      for (Path f : files) {
        indexer.index(f, t);
      }
      indexer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A SciFact-style JSONL corpus: the vitamin D studies, the record with markup and the glacier records. */
  static Path corpus(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= VITAMIN_D_STUDIES; i++) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("doc_id", "vitd-" + String.format("%02d", i));
      doc.put("title", "Vitamin D supplementation and fracture risk: invented cohort " + i);
      doc.put("abstract", List.of(
          "This invented cohort " + i + " followed adults who took vitamin D for " + i + " years.",
          "Fracture risk fell by " + i + " percent among those taking vitamin D" + " supplements".repeat(i % 3) + ".",
          "Nothing here is real."));
      lines.add(Json.line(doc));
    }
    Map<String, Object> hostile = new LinkedHashMap<>();
    hostile.put("doc_id", HOSTILE_ID);
    hostile.put("title", HOSTILE_TITLE);
    hostile.put("abstract", List.of("Osteomalacia <script>document.title='pwned'</script> responds to calciferol.",
        "A second sentence about osteomalacia & calciferol <i>dosing</i>."));
    lines.add(Json.line(hostile));
    for (int i = 0; i < ODD_IDS.size(); i++) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("doc_id", ODD_IDS.get(i));
      doc.put("title", "Glacier retreat record " + i);
      doc.put("abstract", List.of("This invented glacier retreat record " + i + " has an id a URL must encode."));
      lines.add(Json.line(doc));
    }
    Path f = dir.resolve("invented-corpus.jsonl");
    Files.write(f, lines, StandardCharsets.UTF_8);
    return f;
  }

  URI uri(String pathAndQuery) {
    return server.uri().resolve(pathAndQuery);
  }

  Response get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
  }

  Response send(HttpRequest request) {
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Sends {@code raw} bytes on a fresh socket and returns everything the server answers before it closes. */
  String raw(String raw) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(server.address(), 5000);
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] head = new byte[65536];
      int n = 0;
      int r;
      // Read until the headers and the declared body are in.
      while ((r = in.read(head, n, head.length - n)) > 0) {
        n += r;
        String sofar = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        int end = sofar.indexOf("\r\n\r\n");
        if (end >= 0) {
          var m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(sofar);
          int len = m.find() ? Integer.parseInt(m.group(1)) : 0;
          if (n >= end + 4 + len) {
            break;
          }
        }
      }
      return new String(head, 0, n, StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    searcher.close();
  }
}
