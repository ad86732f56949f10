package org.claimcheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in a real browser: headless Chromium driven through chromedriver (Debian packages {@code chromium} and
 * {@code chromium-driver}, which .ci/run installs). Skipped when either is absent. The last screenshot is kept in
 * {@code target/browser-test/} for people to look at.
 */
class BrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** A browser session with a profile in {@code dir}; the test is skipped when chromium or chromedriver is absent. */
  private static WebDriver browser(Path dir) throws IOException {
    Optional<Path> chromedriver = WebDriver.executable("CHROMEDRIVER", "chromedriver");
    Optional<Path> chromium = WebDriver.executable("CHROME_BIN", "chromium", "chromium-browser", "google-chrome");
    assumeTrue(chromedriver.isPresent() && chromium.isPresent(), "chromium and chromedriver are not installed");
    return WebDriver.start(chromedriver.get(), chromium.get(), dir.resolve("profile"));
  }

  @Test
  void searchesShowsHighlightedResultsPagesAndChecksAClaim(@TempDir Path dir) throws IOException {
    try (ServerFixture fx = new ServerFixture(dir); WebDriver wd = browser(dir)) {
      wd.navigate(fx.server.uri());
      assertEquals("claimcheck · abstract search", wd.title());
      wd.waitFor(WAIT, "the index size in the header", () -> wd.text(wd.find("#index-info")).contains("abstracts"));

      // Search: highlighted results.
      wd.sendKeys(wd.find("#q"), "vitamin D fracture");
      wd.click(wd.find("#search-button"));
      wd.waitFor(WAIT, "results", () -> wd.findAll("#results li.hit").size() == 10);
      List<String> marks = wd.findAll("#results li.hit .snippet mark");
      assertFalse(marks.isEmpty(), "no highlighted words");
      Set<String> wanted = Set.of("vitamin", "fracture", "d");
      for (String m : marks.subList(0, Math.min(5, marks.size()))) {
        assertTrue(wanted.contains(wd.text(m).toLowerCase(Locale.ROOT)), wd.text(m));
      }
      assertTrue(wd.text(wd.find("#status")).startsWith("Results 1–10"), wd.text(wd.find("#status")));
      String firstTitle = wd.text(wd.find("#results li.hit h3"));
      save(wd.screenshot(), "search.png");

      // Paging.
      wd.click(wd.find("#next"));
      wd.waitFor(WAIT, "page 2", () -> wd.text(wd.find("#page-label")).equals("Page 2"));
      wd.waitFor(WAIT, "results 11-20", () -> wd.text(wd.find("#status")).startsWith("Results 11–20"));
      assertFalse(wd.text(wd.find("#results li.hit h3")).equals(firstTitle));

      // The abstract opens in place.
      wd.click(wd.find("#results li.hit .actions button"));
      wd.waitFor(WAIT, "the abstract", () -> !wd.findAll("#results li.hit .abstract p").isEmpty());

      // Markup in a record is shown as text, never run.
      String q = wd.find("#q");
      wd.clear(q);
      wd.sendKeys(q, "osteomalacia");
      wd.click(wd.find("#search-button"));
      wd.waitFor(WAIT, "the record with markup", () -> wd.text(wd.find("#status")).startsWith("Results 1–1 "));
      assertEquals(ServerFixture.HOSTILE_TITLE, wd.text(wd.find("#results li.hit h3")));
      assertTrue(wd.findAll("#results img, #results script, #results b, #results i").isEmpty());
      assertTrue(wd.text(wd.find("#results .snippet")).contains("<script>"), wd.text(wd.find("#results .snippet")));
      assertEquals("claimcheck · abstract search", wd.title(), "a script from the data ran");

      // A bad query says what is wrong.
      wd.clear(q);
      wd.sendKeys(q, "vitamin AND");
      wd.click(wd.find("#search-button"));
      wd.waitFor(WAIT, "the error", () -> wd.text(wd.find("#status")).startsWith("bad query"));
      assertTrue(wd.findAll("#results li").isEmpty());

      // Check a claim.
      wd.sendKeys(wd.find("#claim"), "Vitamin B12 causes peripheral neuropathy");
      wd.click(wd.find("#verify-button"));
      wd.waitFor(WAIT, "a verdict", () -> !wd.findAll("#verdict-label").isEmpty());
      assertTrue(Set.of("Supported", "Contradicted", "Mixed evidence", "Insufficient evidence")
          .contains(wd.text(wd.find("#verdict-label"))), wd.text(wd.find("#verdict-label")));
      assertFalse(wd.findAll("#verdict .evidence li").isEmpty(), "no evidence listed");
      save(wd.screenshot(), "verify.png");
    }
  }

  @Test
  void aStructuredAbstractShowsItsSectionLabels(@TempDir Path dir) throws IOException {
    try (ServerFixture fx = new ServerFixture(dir); WebDriver wd = browser(dir)) {
      wd.navigate(fx.server.uri().resolve("/?q=" + "toxicity"));
      wd.waitFor(WAIT, "the hit", () -> wd.text(wd.find("#status")).startsWith("Results 1–1 "));
      wd.click(wd.find("#results li.hit .actions button"));
      wd.waitFor(WAIT, "the abstract", () -> !wd.findAll("#results li.hit .abstract p").isEmpty());
      List<String> labels = wd.findAll("#results li.hit .abstract p.section-label").stream().map(wd::text).toList();
      // The page showed the sentences alone: the labels were dropped.
      assertEquals(List.of("BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"),
          labels.stream().map(l -> l.toUpperCase(Locale.ROOT)).toList());
      List<String> paragraphs = wd.findAll("#results li.hit .abstract p").stream().map(wd::text).toList();
      int results = paragraphs.stream().map(p -> p.toUpperCase(Locale.ROOT)).toList().indexOf("RESULTS");
      assertTrue(paragraphs.get(results + 1).startsWith("Cyanocobalamin improved"), paragraphs.toString());
      assertTrue(paragraphs.get(results + 2).startsWith("No toxicity"), paragraphs.toString());
      assertEquals("No toxicity was observed at doses up to 1000 \u03bcg daily.",
          wd.text(wd.find("#results li.hit .abstract p.best")));
      save(wd.screenshot(), "abstract.png");
    }
  }

  @Test
  void opensTheAbstractOfEveryIdTheIndexHolds(@TempDir Path dir) throws IOException {
    try (ServerFixture fx = new ServerFixture(dir); WebDriver wd = browser(dir)) {
      wd.navigate(fx.server.uri().resolve("/?q=glacier&size=20"));
      int n = ServerFixture.ODD_IDS.size();
      wd.waitFor(WAIT, "the glacier records", () -> wd.findAll("#results li.hit").size() == n);
      for (String button : wd.findAll("#results li.hit .actions button")) {
        wd.click(button);
      }
      wd.waitFor(WAIT, "every abstract", () -> wd.findAll("#results li.hit .abstract").size() == n);
      assertTrue(wd.findAll("#results .status.error").isEmpty(), "an abstract could not be opened");
      for (String hit : wd.findAll("#results li.hit")) {
        assertTrue(wd.text(hit).contains("has an id a URL must encode"), wd.text(hit));
      }
    }
  }

  @Test
  void aLinkWithValuesTheApiAcceptsPagesOnWithTheSameQueryAndFilters(@TempDir Path dir) throws IOException {
    try (ServerFixture fx = new ServerFixture(dir); WebDriver wd = browser(dir)) {
      wd.navigate(fx.server.uri().resolve("/?q=vitamin+D+fracture&size=5&exclude_retracted=on&syntax=TEXT"));
      wd.waitFor(WAIT, "results 1-5", () -> wd.text(wd.find("#status")).startsWith("Results 1–5 "));
      assertEquals("5", wd.property(wd.find("#size"), "value"));
      assertTrue(wd.selected(wd.find("#plain")), "plain words");
      assertTrue(wd.selected(wd.find("#exclude_retracted")), "leave out retracted");
      wd.click(wd.find("#next"));
      // The old page sent size= (the server's 10) and skipped results 6-10.
      wd.waitFor(WAIT, "results 6-10", () -> wd.text(wd.find("#status")).startsWith("Results 6–10 "));
      String next = wd.url();
      assertTrue(next.contains("size=5") && next.contains("syntax=text") && next.contains("exclude_retracted=true")
          && next.contains("page=2"), next);

      wd.navigate(fx.server.uri().resolve("/?q=vitamin&humans=1&size=7"));
      wd.waitFor(WAIT, "results", () -> wd.text(wd.find("#status")).startsWith("Results 1–"));
      assertTrue(wd.selected(wd.find("#humans")), "humans only");
      assertEquals("7", wd.property(wd.find("#size"), "value"));
      wd.click(wd.find("#search-button"));
      wd.waitFor(WAIT, "the search again", () -> wd.url().contains("humans=true"));
      assertTrue(wd.url().contains("size=7"), wd.url());
    }
  }

  @Test
  void thePagerStopsAtTheDepthLimit(@TempDir Path dir) throws IOException {
    try (ServerFixture fx = new ServerFixture(dir, o -> o.withPaging(10, 25)); WebDriver wd = browser(dir)) {
      wd.navigate(fx.server.uri().resolve("/?q=vitamin+D+fracture&page=2"));
      wd.waitFor(WAIT, "results 11-20", () -> wd.text(wd.find("#status")).startsWith("Results 11–20 "));
      assertTrue(wd.text(wd.find("#status")).contains("pages stop at result 25"), wd.text(wd.find("#status")));
      assertEquals("true", wd.property(wd.find("#next"), "disabled"), "Next leads to 'page too deep'");
      assertEquals("false", wd.property(wd.find("#prev"), "disabled"));
    }
  }

  private static void save(byte[] png, String name) throws IOException {
    assertTrue(png.length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "not a PNG");
    Path out = Path.of("target", "browser-test");
    Files.createDirectories(out);
    Files.write(out.resolve(name), png);
  }
}
