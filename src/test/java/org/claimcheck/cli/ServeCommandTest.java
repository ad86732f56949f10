package org.claimcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimcheck.Tally;
import org.claimcheck.TestData;
import org.claimcheck.index.AbstractIndexer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code claimcheck serve}: option checks in process, and the real command in a child JVM. */
class ServeCommandTest {
  static Path index(Path dir) throws IOException {
    Path index = dir.resolve("index");
    try (AbstractIndexer indexer = AbstractIndexer.open(index)) {
      indexer.index(TestData.resource("org/claimcheck/pubmed/invented-pubmed.xml"), new Tally("index"));
      indexer.commit();
    }
    return index;
  }

  @Test
  void helpListsTheOptions() {
    CliTest.Run r = CliTest.run("serve", "--help");
    assertEquals(0, r.code(), r.err());
    for (String o : List.of("--index", "--port", "--bind", "--search-timeout", "--client-timeout", "--refresh")) {
      assertTrue(r.out().contains(o), o);
    }
    assertTrue(r.out().contains("default: 127.0.0.1"), r.out());
    assertTrue(CliTest.run("--help").out().contains("  serve "));
  }

  @Test
  void badOptionsAreUsageErrorsBeforeAnythingStarts(@TempDir Path dir) {
    CliTest.Run port = CliTest.run("serve", "--index", dir.toString(), "--port", "70000");
    assertEquals(2, port.code());
    assertEquals("error: --port must be between 0 and 65535 (70000)", port.err().strip());
    CliTest.Run timeout = CliTest.run("serve", "--index", dir.toString(), "--search-timeout", "0");
    assertEquals(2, timeout.code());
    CliTest.Run cache = CliTest.run("serve", "--index", dir.toString(), "--record-cache", "-1");
    assertEquals(2, cache.code());
    assertEquals("error: --record-cache must be between 0 and 10000000 (-1)", cache.err().strip());
    CliTest.Run missing = CliTest.run("serve", "--index", dir.resolve("none").toString(), "--port", "0");
    assertEquals(2, missing.code());
    assertTrue(missing.err().startsWith("error: no index ("), missing.err());
  }

  @Test
  void aTakenPortIsAFailureThatSaysWhatToDo(@TempDir Path dir) throws IOException {
    Path index = index(dir);
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliTest.Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
          CliTest.run("serve", "--index", index.toString(), "--port", Integer.toString(taken.getLocalPort())));
      assertEquals(1, r.code(), r.err());
      assertTrue(r.err().startsWith("error: cannot listen on "), r.err());
      assertTrue(r.err().contains("--port 0"), r.err());
    }
  }

  /**
   * The command as users run it, in its own JVM (the JDK server's client timeouts are per JVM): it serves, closes the
   * connection of a client that never finishes its request, and stops cleanly on SIGTERM.
   */
  @Test
  void servesDropsSlowClientsAndStopsCleanly(@TempDir Path dir) throws Exception {
    Path index = index(dir);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = dir.resolve("serve.err");
    Process p = new ProcessBuilder(java, "-Xmx256m", "--add-modules", "jdk.incubator.vector",
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        "org.claimcheck.cli.Main", "serve", "--index", index.toString(), "--port", "0", "--client-timeout", "1")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(log.toFile())
        .start();
    try {
      URI base = null;
      Pattern serving = Pattern.compile("(?m)^serving 4 abstracts from .* at (http://127\\.0\\.0\\.1:\\d+/) ");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (base == null && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
        Matcher m = serving.matcher(Files.readString(log));
        if (m.find()) {
          base = URI.create(m.group(1));
        }
      }
      assertTrue(base != null, "serve did not start: " + Files.readString(log));

      HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/health"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode());
      assertTrue(health.body().contains("\"documents\":4"), health.body());
      assertTrue(health.body().contains("\"capacity\":4096"), health.body());

      // A client that sends half a request and waits: the connection is closed after the client timeout (1 s; the
      // JDK checks once a second).
      try (Socket s = new Socket(base.getHost(), base.getPort())) {
        s.setSoTimeout(20_000);
        s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        long t0 = System.nanoTime();
        int r = s.getInputStream().read();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(-1, r, "the server answered a half request");
        assertTrue(ms < 10_000, "closed only after " + ms + " ms");
      }
    } finally {
      p.destroy();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
    }
    String err = Files.readString(log);
    assertTrue(err.strip().endsWith("serve: stopped"), err);
  }
}
