package org.claimcheck.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.claimcheck.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching against an in-process HTTP server on loopback. */
class FetcherTest {
  private HttpServer server;
  private final AtomicInteger conditionalHits = new AtomicInteger();
  private final Fetcher fetcher = new Fetcher(Fetcher.Options.defaults(),
      Clock.fixed(Instant.parse("2026-11-21T03:00:00Z"), ZoneOffset.UTC));

  @BeforeEach
  void start() throws IOException {
    byte[] page = Files.readAllBytes(TestData.resource("org/claimcheck/article/b12-article.html"));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/article", ex -> {
      if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        conditionalHits.incrementAndGet();
        ex.sendResponseHeaders(304, -1);
        ex.close();
        return;
      }
      ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      ex.getResponseHeaders().add("ETag", "\"v1\"");
      ex.sendResponseHeaders(200, page.length);
      ex.getResponseBody().write(page);
      ex.close();
    });
    server.createContext("/missing", ex -> {
      ex.sendResponseHeaders(404, -1);
      ex.close();
    });
    server.createContext("/paper.pdf", ex -> {
      byte[] pdf = "%PDF-1.4 invented".getBytes(StandardCharsets.US_ASCII);
      ex.getResponseHeaders().add("Content-Type", "application/pdf");
      ex.sendResponseHeaders(200, pdf.length);
      ex.getResponseBody().write(pdf);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private Source url(String path) {
    return Source.url(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path));
  }

  @Test
  void fetchesExtractsAndRevalidatesWithTheEtag() {
    FetchResult.Fetched f = assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch(url("/article"), null));
    Article a = f.article();
    assertEquals(200, a.httpStatus());
    assertEquals("\"v1\"", a.etag());
    assertEquals("Vitamin B12 and Your Nerves", a.title());
    assertEquals("2026-11-21T03:00:00Z", a.fetchedAt());
    assertEquals(a.id(), Article.idFor(url("/article").name()));
    assertTrue(a.text().contains("synthesis of melatonin"));

    assertInstanceOf(FetchResult.Unchanged.class, fetcher.fetch(url("/article"), a));
    assertEquals(1, conditionalHits.get());
  }

  @Test
  void httpErrorsFailAndNonPagesAreSkippedWithAReason() {
    assertEquals("HTTP 404", assertInstanceOf(FetchResult.Failed.class, fetcher.fetch(url("/missing"), null))
        .reason());
    assertEquals("not a web page: application/pdf",
        assertInstanceOf(FetchResult.Skipped.class, fetcher.fetch(url("/paper.pdf"), null)).reason());
  }

  @Test
  void aRefusedConnectionFailsWithoutThrowing() throws IOException {
    int port;
    try (var s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    FetchResult r = fetcher.fetch(Source.url(URI.create("http://127.0.0.1:" + port + "/")), null);
    assertTrue(assertInstanceOf(FetchResult.Failed.class, r).reason().startsWith("network error"));
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
}
