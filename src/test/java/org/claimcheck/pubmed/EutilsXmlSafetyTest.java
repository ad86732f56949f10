package org.claimcheck.pubmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The other XML claimcheck parses, E-utilities' esearch answers (through the JDK's StAX parser): an external DTD on a
 * loopback server is never fetched, external entities never read local files, and entity expansion never happens.
 */
class EutilsXmlSafetyTest {
  @Test
  void esearchAnswersNeverFetchReadOrExpandEntities(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AtomicInteger hits = new AtomicInteger();
    server.createContext("/", ex -> {
      hits.incrementAndGet();
      byte[] body = "<!ENTITY remote \"FROM-THE-NETWORK\">".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    try {
      String dtd = "http://127.0.0.1:" + server.getAddress().getPort() + "/esearch.dtd";
      StringBuilder lol = new StringBuilder("<!ENTITY lol0 \"lol\">");
      for (int i = 1; i < 10; i++) {
        lol.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
      }
      String ids = "<IdList><Id>1</Id></IdList>";
      for (String doc : List.of(
          "<!DOCTYPE eSearchResult PUBLIC \"-//NLM//DTD esearch 20060628//EN\" \"" + dtd + "\"><eSearchResult>"
              + "<Count>1</Count>" + ids + "</eSearchResult>",
          "<!DOCTYPE eSearchResult [<!ENTITY % r SYSTEM \"" + dtd + "\"> %r;]><eSearchResult><Count>1</Count>"
              + "<IdList><Id>&remote;</Id></IdList></eSearchResult>",
          "<!DOCTYPE eSearchResult [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]><eSearchResult><Count>1</Count>"
              + "<IdList><Id>&xxe;</Id></IdList></eSearchResult>",
          "<!DOCTYPE eSearchResult [" + lol + "]><eSearchResult><Count>1</Count><IdList><Id>&lol9;</Id></IdList>"
              + "</eSearchResult>")) {
        try {
          EutilsClient.SearchResult r = EutilsClient.parseSearch(doc.getBytes(StandardCharsets.UTF_8), "q");
          for (String id : r.pmids()) {
            assertFalse(id.contains("TOP-SECRET") || id.contains("FROM-THE-NETWORK") || id.contains("lollol"), id);
          }
        } catch (IOException refused) {
          String m = String.valueOf(refused.getMessage());
          assertFalse(m.contains("TOP-SECRET") || m.contains("FROM-THE-NETWORK"), m);
        }
      }
      assertEquals(0, hits.get(), "the DTD server was contacted");
    } finally {
      server.stop(0);
    }
  }
}
