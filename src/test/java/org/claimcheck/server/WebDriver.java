package org.claimcheck.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.claimcheck.Json;

/**
 * One per test. A small W3C WebDriver client over {@link HttpClient}: starts chromedriver on a free loopback port,
 * opens a headless Chromium session with a fresh profile, and offers what the browser tests need (navigate, find,
 * type, click, read text, screenshot). Closing it ends the session and the chromedriver process it started.
 */
final class WebDriver implements AutoCloseable {
  /** The W3C key of an element reference in WebDriver JSON. */
  private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

  /** A WebDriver command failed: the error code and message the driver gave. */
  static final class WebDriverException extends RuntimeException {
    WebDriverException(String message) {
      super(message);
    }
  }

  private final Process driver;
  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private String session;

  private WebDriver(Process driver, URI base) {
    this.driver = driver;
    this.base = base;
  }

  /** The first executable of {@code names} on PATH (or the path an environment variable names), if any. */
  static Optional<Path> executable(String envVar, String... names) {
    String env = System.getenv(envVar);
    if (env != null && Files.isExecutable(Path.of(env))) {
      return Optional.of(Path.of(env));
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      for (String n : names) {
        Path p = Path.of(dir, n);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /** Starts chromedriver and a headless Chromium session whose profile lives in {@code profile}. */
  static WebDriver start(Path chromedriver, Path chromium, Path profile) throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = profile.resolveSibling(profile.getFileName() + "-chromedriver.log");
    Process p = new ProcessBuilder(chromedriver.toString(), "--port=" + port, "--log-path=" + log)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    WebDriver wd = new WebDriver(p, URI.create("http://127.0.0.1:" + port));
    try {
      wd.waitFor(Duration.ofSeconds(20), "chromedriver to be ready", wd::ready);
      Map<String, Object> chrome = new LinkedHashMap<>();
      chrome.put("binary", chromium.toString());
      chrome.put("args", List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-background-networking", "--disable-component-update", "--no-first-run",
          "--window-size=1280,1000", "--user-data-dir=" + profile));
      Map<String, Object> always = new LinkedHashMap<>();
      always.put("browserName", "chrome");
      always.put("goog:chromeOptions", chrome);
      JsonNode v = wd.call("POST", "/session", Map.of("capabilities", Map.of("alwaysMatch", always)));
      wd.session = v.get("sessionId").asText();
      return wd;
    } catch (RuntimeException | Error e) {
      wd.close();
      throw e;
    }
  }

  private boolean ready() {
    try {
      return call("GET", "/status", null).path("ready").asBoolean(false);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private JsonNode call(String method, String path, Object body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json; charset=utf-8")
          .method(method, HttpRequest.BodyPublishers.ofString(Json.line(body), StandardCharsets.UTF_8));
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonNode value = Json.MAPPER.readTree(r.body()).path("value");
      if (r.statusCode() >= 400 || value.has("error")) {
        throw new WebDriverException(method + " " + path + ": " + value.path("error").asText() + ": "
            + value.path("message").asText().lines().findFirst().orElse(""));
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String s(String path) {
    return "/session/" + session + path;
  }

  void navigate(URI uri) {
    call("POST", s("/url"), Map.of("url", uri.toString()));
  }

  String title() {
    return call("GET", s("/title"), null).asText();
  }

  /** The first element matching the CSS selector; throws when there is none. */
  String find(String css) {
    return call("POST", s("/element"), Map.of("using", "css selector", "value", css)).get(ELEMENT).asText();
  }

  /** Every element matching the CSS selector (maybe none). */
  List<String> findAll(String css) {
    List<String> out = new ArrayList<>();
    call("POST", s("/elements"), Map.of("using", "css selector", "value", css))
        .forEach(e -> out.add(e.get(ELEMENT).asText()));
    return out;
  }

  void sendKeys(String element, String text) {
    call("POST", s("/element/" + element + "/value"), Map.of("text", text));
  }

  void clear(String element) {
    call("POST", s("/element/" + element + "/clear"), Map.of());
  }

  void click(String element) {
    call("POST", s("/element/" + element + "/click"), Map.of());
  }

  /** The element's rendered text. */
  String text(String element) {
    return call("GET", s("/element/" + element + "/text"), null).asText();
  }

  /** The address of the page shown. */
  String url() {
    return call("GET", s("/url"), null).asText();
  }

  /** Whether the element (a checkbox, an option) is checked or selected. */
  boolean selected(String element) {
    return call("GET", s("/element/" + element + "/selected"), null).asBoolean();
  }

  /** The element's DOM property {@code name} as text, e.g. a select's {@code value}. */
  String property(String element, String name) {
    return call("GET", s("/element/" + element + "/property/" + name), null).asText();
  }

  /** The element's tag name, lower case. */
  String tag(String element) {
    return call("GET", s("/element/" + element + "/name"), null).asText();
  }

  /** A PNG of the viewport. */
  byte[] screenshot() {
    return Base64.getDecoder().decode(call("GET", s("/screenshot"), null).asText());
  }

  /** Polls {@code condition} until it holds or {@code timeout} passes, then fails naming {@code what}. */
  void waitFor(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (WebDriverException e) {
        // An element not there yet, or replaced while we read it: try again.
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Override
  public void close() {
    try {
      if (session != null) {
        call("DELETE", "/session/" + session, null);
      }
    } catch (RuntimeException e) {
      // The browser is gone already; the driver is stopped below.
    } finally {
      driver.destroy();
      try {
        if (!driver.waitFor(5, TimeUnit.SECONDS)) {
          driver.destroyForcibly();
        }
      } catch (InterruptedException e) {
        driver.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
