package org.claimcheck.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.claimcheck.Hashes;

/**
 * Thread-safe (immutable). The web page's files, read once from the classpath
 * ({@code src/main/resources/org/claimcheck/server/}) and served from memory with a strong ETag.
 */
final class StaticFiles {
  /** One file: its bytes, content type and ETag. */
  record File(byte[] body, String contentType, String etag) {}

  private static final String BASE = "/org/claimcheck/server/";

  private final Map<String, File> files;

  private StaticFiles(Map<String, File> files) {
    this.files = files;
  }

  /** Loads the page: {@code /} is index.html, the rest under {@code /static/}. */
  static StaticFiles load() {
    Map<String, File> m = new LinkedHashMap<>();
    m.put("/", read("index.html", "text/html; charset=utf-8"));
    m.put("/static/app.js", read("app.js", "text/javascript; charset=utf-8"));
    m.put("/static/style.css", read("style.css", "text/css; charset=utf-8"));
    return new StaticFiles(Map.copyOf(m));
  }

  private static File read(String name, String type) {
    try (InputStream in = StaticFiles.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BASE + name + ": the jar is incomplete");
      }
      byte[] body = in.readAllBytes();
      return new File(body, type, "\"" + Hashes.sha256(body).substring(0, 16) + "\"");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file served at {@code path}, or null. */
  File get(String path) {
    return files.get(path);
  }
}
