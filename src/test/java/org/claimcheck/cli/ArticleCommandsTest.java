package org.claimcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.claimcheck.Json;
import org.claimcheck.TestData;
import org.claimcheck.article.ExtractionBenchmark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fetch, text and eval article-extraction through the command line. */
class ArticleCommandsTest {
  private static CliTest.Run run(String... args) {
    return CliTest.run(args);
  }

  @Test
  void fetchStoresSnapshotsAndReportsEverySource(@TempDir Path dir) throws IOException {
    byte[] page = Files.readAllBytes(TestData.resource("org/claimcheck/article/b12-article.html"));
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/b12", ex -> {
      ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      ex.getResponseHeaders().add("ETag", "\"e1\"");
      boolean same = "\"e1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"));
      ex.sendResponseHeaders(same ? 304 : 200, same ? -1 : page.length);
      if (!same) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(page);
        }
      }
      ex.close();
    });
    server.createContext("/missing", ex -> {
      ex.sendResponseHeaders(404, -1);
      ex.close();
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      Path articles = dir.resolve("articles");
      String[] args = {"fetch", "--articles", articles.toString(), "--allow-private-addresses", "--host-delay", "0",
          "--deadline", "5", base + "/b12", base + "/missing"};
      CliTest.Run first = run(args);
      assertEquals(0, first.code(), first.err());
      String[] lines = first.out().strip().split("\n");
      assertEquals(2, lines.length, first.out());
      assertTrue(first.out().contains("OK\t"), first.out());
      assertTrue(first.out().contains("FAILED\t") && first.out().contains("\tHTTP 404 Not Found"), first.out());
      assertTrue(first.err().contains("1 FAILED") && first.err().contains("1 OK"), first.err());
      String id = lines[0].startsWith("OK") ? lines[0].split("\t")[1] : lines[1].split("\t")[1];
      assertTrue(Files.exists(articles.resolve(id + ".raw.gz")));
      JsonNode record = Json.MAPPER.readTree(articles.resolve(id + ".json").toFile());
      assertEquals(base + "/b12", record.path("url").asText());
      assertEquals("https://health.example.org/b12-nerves", record.path("canonicalUrl").asText());
      assertEquals(200, record.path("httpStatus").asInt());
      assertEquals("\"e1\"", record.path("etag").asText());
      assertTrue(record.path("text").asText().contains("synthesis of melatonin"));
      try (var files = Files.list(articles)) {
        assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "nothing half-written");
      }

      CliTest.Run second = run(args);
      assertTrue(second.out().contains("UNCHANGED\t" + id), second.out());

      CliTest.Run bad = run("fetch", "--articles", articles.toString(), "--allow-private-addresses", "--host-delay",
          "0", base + "/missing");
      assertEquals(1, bad.code(), "no source ended well");
      CliTest.Run refused = run("fetch", "--articles", articles.toString(), base + "/b12");
      assertEquals(1, refused.code());
      assertTrue(refused.out().contains("SKIPPED") && refused.out().contains("private address"), refused.out());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void fetchKeepsANewEtagOfAnUnchangedPage(@TempDir Path dir) throws IOException {
    byte[] page = Files.readAllBytes(TestData.resource("org/claimcheck/article/b12-article.html"));
    java.util.concurrent.atomic.AtomicInteger version = new java.util.concurrent.atomic.AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/b12", ex -> {
      ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      ex.getResponseHeaders().add("ETag", "\"e" + version.incrementAndGet() + "\""); // a new ETag, the same bytes
      ex.sendResponseHeaders(200, page.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(page);
      }
      ex.close();
    });
    server.start();
    try {
      Path articles = dir.resolve("articles");
      String[] args = {"fetch", "--articles", articles.toString(), "--allow-private-addresses", "--host-delay", "0",
          "--deadline", "5", "http://127.0.0.1:" + server.getAddress().getPort() + "/b12"};
      String id = run(args).out().split("\t")[1];
      CliTest.Run second = run(args);
      assertEquals(0, second.code(), second.err());
      assertTrue(second.out().startsWith("UNCHANGED\t" + id), second.out());
      assertEquals("\"e2\"", Json.MAPPER.readTree(articles.resolve(id + ".json").toFile()).path("etag").asText(),
          "the next night asks with the ETag the server gave last");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aBadSourcesListLineHasItsLineOnStdout(@TempDir Path dir) throws IOException {
    Path list = Files.writeString(dir.resolve("sources.txt"), "ftp://example.org/file\n");
    CliTest.Run r = run("fetch", "--articles", dir.resolve("articles").toString(), "--sources", list.toString());
    assertEquals(1, r.code(), r.err());
    assertEquals("SKIPPED\t-\tsources.txt:1 ftp://example.org/file\tunsupported URL scheme", r.out().strip());
    assertTrue(r.err().contains("1 SKIPPED"), r.err());
  }

  @Test
  void fetchOptionsAreChecked() {
    CliTest.Run r = run("fetch", "--threads", "0", "https://example.org/");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("error: bad --threads (0). Give --threads a whole number of at least 1"), r.err());
    CliTest.Run scheme = run("fetch", "ftp://example.org/file");
    assertEquals(2, scheme.code());
    assertTrue(scheme.err().startsWith("error: unsupported URL scheme"), scheme.err());
  }

  @Test
  void textPrintsTheMainTextOfSavedPages(@TempDir Path dir) throws IOException {
    Path page = TestData.copy("org/claimcheck/article/complex-article.html", dir.resolve("page.html"));
    CliTest.Run text = run("text", page.toString());
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().startsWith("Magnesium supplements are sold"), text.out());
    assertFalse(text.out().contains("cookies"), text.out());

    CliTest.Run jsonl = run("text", "--format", "jsonl", page.toString());
    JsonNode line = Json.MAPPER.readTree(jsonl.out().strip());
    assertEquals("Does Magnesium Help You Sleep?", line.path("title").asText());
    assertEquals("HEADING", line.path("blocks").path(2).path("kind").asText());

    Path pdf = Files.writeString(dir.resolve("paper.html"), "%PDF-1.7 not a page");
    CliTest.Run skipped = run("text", pdf.toString());
    assertEquals(1, skipped.code());
    assertTrue(skipped.err().contains("a PDF, not a web page"), skipped.err());
  }

  @Test
  void textRefusesUrlsAndMissingFilesNamingThemAsTyped(@TempDir Path dir) {
    CliTest.Run url = run("text", "http://example.org/b12");
    assertEquals(2, url.code());
    assertTrue(url.err().startsWith("error: text reads saved pages only, not URLs (http://example.org/b12). "), url.err());
    assertTrue(url.err().contains("claimcheck fetch"), url.err());
    String missing = dir.resolve("nope.html").toString();
    CliTest.Run file = run("text", missing);
    assertEquals(2, file.code());
    assertTrue(file.err().startsWith("error: no such file (" + missing + "). "), file.err());
    assertFalse(file.err().contains("http(s) URL"), "text takes no URL: " + file.err());
  }

  /** A page of more than 10 MiB: a short article, then a comment that pads it past the cap. */
  static Path hugePage(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(("<html><body><article><p>Ashwagandha lowers cortisol in stressed adults, a small trial reported."
          + "</p></article><!--").getBytes(StandardCharsets.UTF_8));
      byte[] pad = new byte[1 << 20];
      java.util.Arrays.fill(pad, (byte) 'x');
      for (int i = 0; i < 11; i++) {
        out.write(pad);
      }
      out.write("--></body></html>".getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  @Test
  void textSaysWhenAPageWasCut(@TempDir Path dir) throws IOException {
    Path page = hugePage(dir.resolve("huge.html"));
    CliTest.Run text = run("text", page.toString());
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().startsWith("Ashwagandha lowers cortisol"), text.out());
    assertTrue(text.err().contains("warning: " + page + ": cut at 10485760 bytes, the text is of the part read"),
        text.err());
    JsonNode line = Json.MAPPER.readTree(run("text", "--format", "jsonl", page.toString()).out().strip());
    assertEquals("cut at 10485760 bytes", line.path("note").asText());
  }

  /** A two-page benchmark folder written for the test, in the benchmark's layout. */
  private static Path tinyBenchmark(Path dir) throws IOException {
    Path html = Files.createDirectories(dir.resolve("html"));
    Map<String, Object> truth = new LinkedHashMap<>();
    String[][] pages = {{"b12-article.html", "p1", "Vitamin B12 helps form and maintain the myelin sheath, the "
        + "protective layer around nerve fibres, and a long deficiency damages it."},
        {"complex-article.html", "p2", "Magnesium supplements are sold as a natural sleep aid, and sales have doubled "
            + "in five years, according to an invented market report."}};
    for (String[] p : pages) {
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(html.resolve(p[1] + ".html.gz")))) {
        out.write(Files.readAllBytes(TestData.resource("org/claimcheck/article/" + p[0])));
      }
      truth.put(p[1], Map.of("articleBody", p[2], "url", "https://example.org/" + p[1]));
    }
    Files.writeString(dir.resolve("ground-truth.json"), Json.pretty(truth));
    return dir;
  }

  @Test
  void evalPrintsTheMetricsAndExitsThreeOutsideTheExpectation(@TempDir Path dir) throws IOException {
    Path bench = tinyBenchmark(dir.resolve("bench"));
    CliTest.Run r = run("eval", "article-extraction", "--data", bench.toString(), "--per-page", dir.resolve("pp.tsv")
        .toString());
    assertEquals(0, r.code(), r.err());
    for (String metric : new String[] {"precision", "recall", "f1", "pages/s"}) {
      assertTrue(r.out().contains(metric), r.out());
    }
    assertTrue(r.err().contains("no recorded expectation matches"), r.err());
    assertEquals(3, Files.readAllLines(dir.resolve("pp.tsv")).size());

    Map<String, String> inputs = ExtractionBenchmark.checksums(bench, ExtractionBenchmark.load(bench));
    Path expect = dir.resolve("expect.json");
    Files.writeString(expect, Json.pretty(Map.of("name", "tiny", "suite", "article-extraction", "inputs", inputs,
        "options", Map.of("cross-validate", false),
        "metrics", Map.of("f1", Map.of("expected", 0.9, "tolerance", 0.01)))));
    CliTest.Run off = run("eval", "article-extraction", "--data", bench.toString(), "--expect", expect.toString());
    assertEquals(3, off.code(), off.out() + off.err());
    assertTrue(off.err().contains("f1") && off.err().contains("below the expected 0.9000"), off.err());

    Files.writeString(expect, Json.pretty(Map.of("name", "other", "suite", "article-extraction",
        "inputs", Map.of("ground-truth", "0", "html", "0"), "metrics", Map.of())));
    assertEquals(2, run("eval", "article-extraction", "--data", bench.toString(), "--expect", expect.toString())
        .code(), "an expectation for other inputs is refused");
    assertEquals(2, run("eval", "article-extraction", "--data", dir.resolve("nope").toString()).code());
  }

  @Test
  void evalOnTheSharedPagesMatchesTheRecordedExpectation() {
    Path data = TestData.shared("article-extraction");
    CliTest.Run r = run("eval", "article-extraction", "--data", data.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertFalse(r.err().contains("no recorded expectation"), r.err());
    double f1 = Double.parseDouble(r.out().lines().filter(l -> l.startsWith("f1 ")).findFirst().orElseThrow()
        .split("\\s+")[1]);
    assertTrue(f1 >= 0.96, "F1 " + f1 + " is below the target of 0.96");
  }
}
