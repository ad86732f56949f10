package org.claimcheck.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
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
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile pages are handled within bounds set by counts, not by clocks: a 50 MB page is read up to the 10 MiB cap and
 * no further, 100,000 nested elements are walked without recursion, random bytes served as text/html and pages whose
 * charset declarations lie give a result or a reason, never an exception. The timeouts are hang guards only.
 */
class HostilePagesTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T03:00:00Z"), ZoneOffset.UTC);
  private static final String PARAGRAPH = "<p>Vitamin B12 helps form the myelin sheath around nerve fibres, and a long "
      + "deficiency damages it, as several reviews report.</p>\n";

  @Test
  @Timeout(120)
  void aFiftyMegabytePageIsReadUpToTheCapAndNoFurther(@TempDir Path dir) throws IOException {
    Path page = dir.resolve("huge.html");
    byte[] chunk = PARAGRAPH.repeat(1000).getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(page)) {
      out.write("<html><body><article>".getBytes(StandardCharsets.UTF_8));
      for (long n = 0; n < 50L << 20; n += chunk.length) {
        out.write(chunk);
      }
    }
    assertTrue(Files.size(page) >= 50L << 20);
    try (Fetcher fetcher = new Fetcher(Fetcher.Options.defaults(), CLOCK)) {
      FetchResult.Fetched f = assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch(Source.file(page, dir), null));
      assertEquals(10 << 20, f.raw().length, "read up to the cap, not the whole file");
      assertEquals("cut at 10485760 bytes", f.note());
      long paragraphs = f.article().blocks().stream().filter(b -> b.text().startsWith("Vitamin B12 helps")).count();
      assertTrue(paragraphs > 50_000 && paragraphs <= (10 << 20) / PARAGRAPH.length() + 1, paragraphs + " paragraphs");
    }
  }

  @Test
  @Timeout(120)
  void aHundredThousandNestedElementsAreWalkedWithoutRecursion() {
    int depth = 100_000;
    for (String tag : List.of("div", "span", "table", "li")) {
      String html = ("<" + tag + ">").repeat(depth) + "<p>A paragraph at the bottom of a very deep page about B12.</p>"
          + ("</" + tag + ">").repeat(depth);
      MainText m = new TextExtractor().extract(html.getBytes(StandardCharsets.UTF_8), null, "");
      assertTrue(m.text().contains("A paragraph at the bottom of a very deep page about B12."), tag + ": " + m.text());
    }
  }

  @Test
  @Timeout(120)
  void randomBytesServedAsHtmlGiveAResultOrAReason() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    Random random = new Random(42);
    server.createContext("/robots.txt", ex -> {
      ex.sendResponseHeaders(404, -1);
      ex.close();
    });
    server.createContext("/", ex -> {
      byte[] body = new byte[1 << 20];
      random.nextBytes(body);
      String type = switch (ex.getRequestURI().getPath()) {
        case "/utf16" -> "text/html; charset=utf-16";
        case "/bogus" -> "text/html; charset=x-no-such-charset";
        case "/quoted" -> "text/html; charset=\"utf-8\"; charset=latin1";
        default -> "text/html";
      };
      ex.getResponseHeaders().add("Content-Type", type);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    Fetcher.Options options = Fetcher.Options.defaults().withAllowPrivateAddresses(true)
        .withPoliteness(Duration.ZERO, 1, 1).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofSeconds(20));
    try (Fetcher fetcher = new Fetcher(options, CLOCK)) {
      for (String path : List.of("/random", "/utf16", "/bogus", "/quoted")) {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        FetchResult r = fetcher.fetch(Source.url(uri), null);
        switch (r) {
          case FetchResult.Fetched f -> assertEquals(1 << 20, f.raw().length, path);
          case FetchResult.Skipped s -> assertFalse(s.reason().isBlank(), path);
          case FetchResult.Failed f -> assertFalse(f.reason().startsWith("unexpected error"), path + ": " + f.reason());
          default -> throw new AssertionError(path + ": " + r);
        }
      }
    } finally {
      server.stop(0);
    }
  }

  @Test
  void charsetDeclarationsThatLieAreOverruledByTheBytes() {
    TextExtractor x = new TextExtractor();
    String text = "A caf\u00e9 in M\u00fcnster serves cr\u00e8me br\u00fbl\u00e9e every day, and vitamin D is sold "
        + "there too.";
    String page = "<html><head><meta charset=\"%s\"></head><body><article><p>" + text + "</p></article></body></html>";
    record Case(String declaredInMeta, String header, Charset actual) {}
    for (Case c : List.of(new Case("utf-16", null, StandardCharsets.UTF_8),
        new Case("utf-32", "utf-16le", StandardCharsets.UTF_8),
        new Case("x-no-such-charset", null, Charset.forName("windows-1252")),
        new Case("utf-8", "iso-8859-1", StandardCharsets.UTF_8),
        new Case("iso-8859-1", "utf-8", Charset.forName("windows-1252")),
        new Case("utf-8;;; garbage \u00e9", "\"UTF-8\"", StandardCharsets.UTF_8))) {
      byte[] bytes = String.format(page, c.declaredInMeta()).getBytes(c.actual());
      assertEquals(List.of(text), x.extract(bytes, c.header(), "").blocks().stream().map(Block::text).toList(),
          c.toString());
    }
  }
}
