package org.claimcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimcheck.claim.Claim;
import org.claimcheck.verify.AbstractEvidence;
import org.claimcheck.verify.ClaimVerdict;
import org.claimcheck.verify.EvidenceSentence;
import org.claimcheck.verify.Stance;
import org.claimcheck.verify.StudyDesign;
import org.claimcheck.verify.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html: escaping, its parts, and what its script does in a real browser (headless Chromium, when present). */
class HtmlReportTest {
  static HtmlReport.Page page() {
    List<ClaimsReport.Row> rows = ReportRows.rows();
    List<ChangesReport.Change> changes = List.of(
        new ChangesReport.Change(ChangesReport.Kind.NEW, "c0000000000000003", "https://example.org/winter",
            "Staying Well Through Winter", "Magnesium improves sleep quality in people with insomnia.", "", "MIXED",
            "", "0.470", ""),
        new ChangesReport.Change(ChangesReport.Kind.VERDICT_CHANGED, "c0000000000000002", "https://example.org/winter",
            "Staying Well Through Winter", "Zinc shortens the duration of the common cold in adults.",
            "INSUFFICIENT_EVIDENCE", "SUPPORTED", "0.500", "0.640", ""),
        new ChangesReport.Change(ChangesReport.Kind.REMOVED, "c0000000000000009", "https://example.org/old",
            "An <b>old</b> page", "Vitamin C <i>cures</i> colds.", "SUPPORTED", "", "0.700", "", ""));
    return new HtmlReport.Page("2026-11-21", "2026-11-20", rows, changes, 2,
        List.of("claimcheck test", "stance model: <rule>"));
  }

  @Test
  void everythingPrintedIsEscapedAndNothingIsLoaded() {
    String html = HtmlReport.render(page());
    assertFalse(html.contains(ReportRows.EVIL_TITLE));
    assertFalse(html.contains("<script>document"));
    assertFalse(html.contains("<img"));
    assertFalse(html.contains("javascript:"), "no javascript: link");
    assertFalse(html.contains("<b>old</b>"));
    assertTrue(html.contains("Turmeric &lt;script&gt;document.body.setAttribute(&#39;data-pwned&#39;,&#39;1&#39;)"
        + "&lt;/script&gt; cures arthritis &amp; &quot;gout&quot;"), "the claim is shown as text");
    assertTrue(html.contains("&lt;img src=x onerror=&quot;"));
    assertEquals(1, count(html, "<script"), "only the page's own script");
    assertFalse(Pattern.compile("(src|href)=\"(https?:)?//(?!pubmed\\.ncbi|example\\.org)").matcher(html).find(),
        "links only to the article and PubMed, loads nothing");
    assertFalse(Pattern.compile("<[^>]*\\ssrc=").matcher(html).find(), "no element loads anything");

    // The Content-Security-Policy allows exactly the inline style and script by hash.
    Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
    Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
    assertTrue(style.find() && script.find());
    assertTrue(html.contains("default-src 'none'; style-src " + Html.cspHash(style.group(1)) + "; script-src "
        + Html.cspHash(script.group(1)) + ";"));
  }

  @Test
  void contradictedClaimsComeFirstWithTheirEvidence() {
    String html = HtmlReport.render(page());
    List<String> order = new ArrayList<>();
    Matcher m = Pattern.compile("<li class=\"claim\" id=\"c-(\\w+)\" data-v=\"(\\w+)\"").matcher(html);
    while (m.find()) {
      order.add(m.group(2));
    }
    assertEquals(List.of("CONTRADICTED", "MIXED", "SUPPORTED", "INSUFFICIENT_EVIDENCE"), order);
    assertTrue(html.contains("href=\"https://pubmed.ncbi.nlm.nih.gov/91000002/\""));
    assertTrue(html.contains("<span class=\"design\" data-tier=\"strong\" title=\"Study design, weight 1.00\">"
        + "meta-analysis</span>"));
    assertTrue(html.contains("<span class=\"retracted\">Retracted</span>"));
    assertTrue(html.contains("<mark>Zinc</mark> <mark>shortened</mark> the <mark>duration</mark>"),
        "the words the evidence shares with the claim are highlighted");
    assertTrue(html.contains("<span class=\"change\">New</span>"));
    assertTrue(html.contains("<span class=\"change\">Changed · was No evidence found</span>"));
    assertTrue(html.contains("No longer found since 20 November 2026"));
    assertTrue(html.contains("<title id=\"chart-title\">Verdicts: Contradicted 1, Mixed evidence 1, Supported 1, "
        + "No evidence found 1, Not verified 0 (4 claims)</title>"));
    assertTrue(html.contains("1 is contradicted by the literature."));
  }

  @Test
  void aCorpusDocumentIsNotShownAsAPubmedId() {
    // A SciFact document showed its bare id, greyed, like a PMID: pasted into PubMed it finds another paper.
    Claim c = ReportRows.claim("c0000000000000005", "A page", "https://example.org/p", "Folic acid lowers homocysteine.",
        0.9);
    var corpus = new AbstractEvidence("33409100", "An invented trial", 2007, "Invented Journal", null,
        StudyDesign.RCT, false, 3.2, Stance.SUPPORT, 0.8, List.of(new EvidenceSentence(0, "It was lowered.",
            Stance.SUPPORT, 0.8)));
    String html = HtmlReport.render(new HtmlReport.Page("2026-11-21", null, List.of(new ClaimsReport.Row(c,
        new ClaimVerdict(c, Verdict.SUPPORTED, 0.6, 1, 0, List.of(corpus)))), List.of(), 1, List.of()));
    assertTrue(html.contains("corpus document 33409100</span>"), html);
    assertFalse(html.contains("PMID 33409100"));
    assertTrue(HtmlReport.render(page()).contains("PMID 91000002"));
  }

  @Test
  void evidenceThatChangedUnderTheSameVerdictHasABadge() {
    List<ChangesReport.Change> changes = List.of(new ChangesReport.Change(ChangesReport.Kind.EVIDENCE_CHANGED,
        "c0000000000000002", "https://example.org/winter", "Staying Well Through Winter", "Zinc ...", "SUPPORTED",
        "SUPPORTED", "0.640", "0.640", "", "91000005 91000009", "91000002"));
    String html = HtmlReport.render(new HtmlReport.Page("2026-11-21", "2026-11-20", ReportRows.rows(), changes, 2,
        List.of()));
    assertTrue(html.contains("<span class=\"change\">Evidence changed · was 91000005, 91000009</span>"), html);
    assertTrue(html.contains("data-change=\"EVIDENCE_CHANGED\""));
    // The night is not "Nothing changed", and the switch counts it (both said 0).
    assertTrue(html.contains("Since 20 November 2026: 0 new, 0 verdicts changed, 1 with other evidence, 0 no longer "
        + "found."), html);
    assertTrue(html.contains("changed (1)</label>"), html);
  }

  /** Found by ReportFuzzTest: a U+FFFF in a claim made jsoup (and any parser that stops there) lose the page's script. */
  @Test
  void noncharactersBecomeReplacementCharacters() {
    assertEquals("a\ufffdb\ufffd c", Html.esc("a\uffffb\ufffe\u0000c"));
    org.jsoup.nodes.Document d = org.jsoup.Jsoup.parse(HtmlReport.render(new HtmlReport.Page("2026-11-21", null,
        List.of(ReportFuzzTest.row("B12 \uffff is not toxic")), List.of(), 1, List.of("\uffff"))));
    assertEquals(1, d.select("script").size());
  }

  @Test
  void highlightingEscapesAndMarksSharedWords() {
    Set<String> stems = HtmlReport.stems("Vitamin B12 deficiency causes neuropathy");
    assertEquals("<mark>Vitamin</mark> <mark>B12</mark> &lt;b&gt; <mark>deficient</mark> adults",
        HtmlReport.highlight("Vitamin B12 <b> deficient adults", stems));
  }

  /** Renders the page in headless Chromium: the script must run under the page's CSP and filter and sort. */
  @Test
  void chromiumRendersThePageAndItsFiltersWork(@TempDir Path dir) throws Exception {
    String chromium = chromium();
    assumeTrue(chromium != null, "chromium is not installed (apt-get install chromium)");
    Path file = dir.resolve("report.html");
    HtmlReport.write(file, page());

    String dom = browse(chromium, dir, file.toUri() + "#verdict=CONTRADICTED,SUPPORTED&sort=confidence", "--dump-dom");
    assertTrue(dom.contains("Showing 2 of 4 claims"), "the script ran: " + dom);
    assertFalse(dom.contains("id=\"controls\" class=\"controls\" aria-label=\"Filter and sort\" hidden"),
        "the controls are shown when the script runs");
    assertTrue(Pattern.compile("<li class=\"claim\" id=\"c-c0000000000000003\"[^>]*hidden").matcher(dom).find(),
        "a mixed claim is hidden");
    assertFalse(Pattern.compile("<li class=\"claim\" id=\"c-c0000000000000001\"[^>]*hidden").matcher(dom).find());
    assertTrue(dom.indexOf("id=\"c-c0000000000000001\"") < dom.indexOf("id=\"c-c0000000000000002\""),
        "sorted by confidence: 0.80 before 0.64");
    assertEquals(1, count(dom, "<script"), "nothing the page printed became a script");
    assertFalse(dom.contains("<img"), "nothing the page printed became an element");
    assertFalse(Pattern.compile("<body[^>]*data-pwned").matcher(dom).find(), "no injected code ran");
    assertFalse(dom.contains("<title>pwned"));
    assertTrue(dom.contains("Turmeric &lt;script&gt;document.body.setAttribute"), "the claim is shown as text");

    // Claims with no verdict have a confidence that the card does not show (0.50 here): they sort after the mixed
    // claim's 0.47 (the "no evidence" claims came first).
    String all = browse(chromium, dir, file.toUri() + "#sort=confidence", "--dump-dom");
    assertTrue(all.contains("Showing 4 of 4 claims"), all);
    assertTrue(all.indexOf("id=\"c-c0000000000000003\"") < all.indexOf("id=\"c-c0000000000000004\""),
        "a verdict's 0.47 before no evidence's hidden 0.50");

    // Search, "only new or changed" and another sort order at once: c2 and c3 changed and mention winter.
    String changed = browse(chromium, dir, file.toUri() + "#changed=1&sort=worthiness&q=winter", "--dump-dom");
    assertTrue(changed.contains("Showing 2 of 4 claims"), changed);
    assertTrue(changed.indexOf("id=\"c-c0000000000000003\"") < changed.indexOf("id=\"c-c0000000000000002\""),
        "sorted by check-worthiness: 0.95 before 0.70");
    assertTrue(Pattern.compile("<li class=\"claim\" id=\"c-c0000000000000004\"[^>]*hidden").matcher(changed).find(),
        "unchanged claims are hidden");

    Path png = dir.resolve("report.png");
    browse(chromium, dir, file.toUri().toString(), "--screenshot=" + png, "--window-size=1280,2000");
    assertTrue(Files.size(png) > 10_000, "a screenshot was taken");
    // Kept for people to look at: target/report-screenshot.png
    Files.copy(png, Path.of("target", "report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  static String chromium() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p.toString();
        }
      }
    }
    return null;
  }

  /** Runs headless Chromium on {@code url} with a fresh profile; returns what it printed on stdout. */
  static String browse(String chromium, Path dir, String url, String... what) throws IOException,
      InterruptedException {
    Path profile = Files.createTempDirectory(dir, "profile");
    List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--user-data-dir=" + profile));
    cmd.addAll(List.of(what));
    cmd.add(url);
    Path out = dir.resolve("chromium.out");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(dir.resolve("chromium.err")
        .toFile()).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 90 s: " + cmd);
    }
    assertEquals(0, p.exitValue(), () -> "chromium failed: " + read(dir.resolve("chromium.err")));
    return read(out);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
