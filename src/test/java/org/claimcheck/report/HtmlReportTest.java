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

  /** The lede and the "only new or changed" switch count each kind of change (an off-by-one went unseen). */
  @Test
  void theLedeCountsClaimsArticlesAndChanges() {
    String html = HtmlReport.render(page());
    assertTrue(html.contains("<p class=\"lede\">4 check-worthy claims from 2 articles. <strong>1 is contradicted by the "
        + "literature.</strong> Since 20 November 2026: 1 new, 1 verdict changed, 1 no longer found.</p>"), html);
    assertTrue(html.contains("Only new or changed (2)</label>"), html);

    List<ClaimsReport.Row> rows = ReportRows.rows();
    ClaimsReport.Row zinc = rows.get(1);
    ClaimsReport.Row contradicted = new ClaimsReport.Row(zinc.claim(), new ClaimVerdict(zinc.claim(),
        Verdict.CONTRADICTED, 0.7, 0, 1, zinc.verdict().abstracts()));
    List<ChangesReport.Change> changes = List.of(
        new ChangesReport.Change(ChangesReport.Kind.VERDICT_CHANGED, "c0000000000000001", "", "", "x", "MIXED",
            "CONTRADICTED", "", "", ""),
        new ChangesReport.Change(ChangesReport.Kind.VERDICT_CHANGED, "c0000000000000002", "", "", "x", "SUPPORTED",
            "CONTRADICTED", "", "", ""));
    String two = HtmlReport.render(new HtmlReport.Page("2026-11-21", "2026-11-19", List.of(rows.get(0), contradicted),
        changes, 1, List.of()));
    assertTrue(two.contains("<p class=\"lede\">2 check-worthy claims from 1 article. <strong>2 are contradicted by "
        + "the literature.</strong> Since 19 November 2026: 0 new, 2 verdicts changed, 0 no longer found.</p>"), two);
    assertTrue(two.contains("Only new or changed (2)</label>"), two);

    String one = HtmlReport.render(new HtmlReport.Page("2026-11-21", "2026-11-20", List.of(rows.get(1)), List.of(), 3,
        List.of()));
    assertTrue(one.contains("<p class=\"lede\">1 check-worthy claim from 3 articles. Nothing changed since "
        + "20 November 2026.</p>"), one);
    assertTrue(one.contains("Only new or changed (0)</label>"), one);
    assertFalse(one.contains("<section class=\"removed\""), "no removed claims, no section");

    String first = HtmlReport.render(new HtmlReport.Page("2026-11-21", null, List.of(), List.of(), 0, List.of()));
    assertTrue(first.contains("<p class=\"lede\">0 check-worthy claims from 0 articles. This is the first report: "
        + "there is no earlier one to compare with.</p>"), first);
    assertTrue(first.contains("<p class=\"empty\">No check-worthy claims in tonight's articles.</p>"));
    assertFalse(html.contains("<p class=\"empty\">No check-worthy claims"), "not when there are claims");
  }

  /** Any one kind of change makes the night "changed", whatever the others' counts. */
  @Test
  void anyChangeIsNotNothingChanged() {
    List<ClaimsReport.Row> rows = ReportRows.rows();
    ChangesReport.Change fresh = new ChangesReport.Change(ChangesReport.Kind.NEW, "c0000000000000001", "", "", "x", "",
        "CONTRADICTED", "", "", "");
    ChangesReport.Change verdict = new ChangesReport.Change(ChangesReport.Kind.VERDICT_CHANGED, "c0000000000000002", "",
        "", "x", "MIXED", "SUPPORTED", "", "", "");
    ChangesReport.Change evidence = new ChangesReport.Change(ChangesReport.Kind.EVIDENCE_CHANGED, "c0000000000000003",
        "", "", "x", "MIXED", "MIXED", "", "", "", "1", "2");
    ChangesReport.Change gone = new ChangesReport.Change(ChangesReport.Kind.REMOVED, "c0000000000000009", "", "", "x",
        "SUPPORTED", "", "", "", "");
    for (List<ChangesReport.Change> changes : List.of(List.of(fresh, verdict), List.of(verdict, evidence),
        List.of(fresh, gone))) {
      String html = HtmlReport.render(new HtmlReport.Page("2026-11-21", "2026-11-20", rows, changes, 1, List.of()));
      assertFalse(html.contains("Nothing changed"), changes.toString());
      assertTrue(html.contains("Since 20 November 2026: "), changes.toString());
    }
  }

  /** Without the script the page lists claims by verdict, then higher confidence, then higher check-worthiness. */
  @Test
  void withinAVerdictClaimsAreOrderedByConfidenceThenCheckWorthiness() {
    List<ClaimsReport.Row> rows = new ArrayList<>();
    String[][] claims = {{"c0000000000000011", "0.60", "0.90"}, {"c0000000000000012", "0.90", "0.10"},
        {"c0000000000000013", "0.60", "0.95"}, {"c0000000000000014", "0.60", "0.90"}};
    for (String[] x : claims) {
      Claim c = ReportRows.claim(x[0], "A page", "https://example.org/p", "Zinc shortens colds " + x[0] + ".",
          Double.parseDouble(x[2]));
      rows.add(new ClaimsReport.Row(c, new ClaimVerdict(c, Verdict.SUPPORTED, Double.parseDouble(x[1]), 1, 0,
          List.of())));
    }
    String html = HtmlReport.render(new HtmlReport.Page("2026-11-21", null, rows, List.of(), 1, List.of()));
    List<String> order = new ArrayList<>();
    Matcher m = Pattern.compile("<li class=\"claim\" id=\"c-(\\w+)\"").matcher(html);
    while (m.find()) {
      order.add(m.group(1));
    }
    assertEquals(List.of("c0000000000000012", "c0000000000000013", "c0000000000000011", "c0000000000000014"), order);
  }

  /** Links are made from absolute http, https and file URLs only; anything else is shown as text. */
  @Test
  void onlyAbsoluteWebAndFileUrlsBecomeLinks() {
    assertEquals(null, Html.safeUrl(null));
    assertEquals(null, Html.safeUrl("  "));
    assertEquals(null, Html.safeUrl("/relative/page"), "no scheme");
    assertEquals(null, Html.safeUrl("http://a b/"), "not a URI");
    assertEquals(null, Html.safeUrl("javascript:alert(1)"));
    assertEquals(null, Html.safeUrl("data:text/html,x"));
    assertEquals("HTTPS://example.org/a", Html.safeUrl(" HTTPS://example.org/a "));
    assertEquals("file:/tmp/x.html", Html.safeUrl("file:/tmp/x.html"));
    for (String url : List.of("", "/relative/page", "http://a b/")) {
      Claim c = ReportRows.claim("c0000000000000015", "A page", url, "Zinc shortens colds.", 0.9);
      String html = HtmlReport.render(new HtmlReport.Page("2026-11-21", null, List.of(new ClaimsReport.Row(c, null)),
          List.of(), 1, List.of()));
      assertTrue(html.contains("<span class=\"article\">A page</span>"), url);
      assertFalse(html.contains("href=\"\""), url);
    }
  }

  @Test
  void theFooterListsItsFactsInOrder() {
    assertTrue(HtmlReport.render(page()).contains("<footer class=\"wrap foot\">claimcheck test · stance model: "
        + "&lt;rule&gt; · evidence from PubMed abstracts; verdicts are leads to check, not rulings</footer>"));
    assertTrue(HtmlReport.render(new HtmlReport.Page("2026-11-21", null, List.of(), List.of(), 0, List.of()))
        .contains("<footer class=\"wrap foot\">evidence from PubMed abstracts; verdicts are leads to check, not "
            + "rulings</footer>"));
  }

  /** The chart's bars are scaled to the largest count, one row per verdict, an empty bar for none. */
  @Test
  void theChartsBarsAreScaledToTheLargestCount() {
    List<ClaimsReport.Row> rows = ReportRows.rows();
    List<ClaimsReport.Row> three = List.of(rows.get(0), rows.get(0), rows.get(2)); // 2 contradicted, 1 mixed
    String html = HtmlReport.render(new HtmlReport.Page("2026-11-21", null, three, List.of(), 1, List.of()));
    String bg = "\" rx=\"3\" fill=\"#f2f4f7\"/>";
    assertTrue(html.contains("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 500 134\" width=\"500\" height=\"134\""
        + " aria-labelledby=\"chart-title\"><title id=\"chart-title\">Verdicts: Contradicted 2, Mixed evidence 1, "
        + "Supported 0, No evidence found 0, Not verified 0 (3 claims)</title>"
        + "<text x=\"130\" y=\"19\" text-anchor=\"end\" class=\"cl\">Contradicted</text>"
        + "<rect x=\"140\" y=\"6\" width=\"300\" height=\"18" + bg
        + "<rect x=\"140\" y=\"6\" width=\"300\" height=\"18\" rx=\"3\" fill=\"#b42318\"/>"
        + "<text x=\"450\" y=\"19\" class=\"cn\">2</text>"
        + "<text x=\"130\" y=\"45\" text-anchor=\"end\" class=\"cl\">Mixed evidence</text>"
        + "<rect x=\"140\" y=\"32\" width=\"300\" height=\"18" + bg
        + "<rect x=\"140\" y=\"32\" width=\"150\" height=\"18\" rx=\"3\" fill=\"#b54708\"/>"
        + "<text x=\"450\" y=\"45\" class=\"cn\">1</text>"
        + "<text x=\"130\" y=\"71\" text-anchor=\"end\" class=\"cl\">Supported</text>"
        + "<rect x=\"140\" y=\"58\" width=\"300\" height=\"18" + bg
        + "<rect x=\"140\" y=\"58\" width=\"0\" height=\"18\" rx=\"3\" fill=\"#067647\"/>"), html);
    // A count far below the largest still shows a sliver.
    List<ClaimsReport.Row> many = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      many.add(rows.get(0));
    }
    many.add(rows.get(1));
    String sliver = HtmlReport.render(new HtmlReport.Page("2026-11-21", null, many, List.of(), 1, List.of()));
    assertTrue(sliver.contains("<rect x=\"140\" y=\"58\" width=\"3\" height=\"18\" rx=\"3\" fill=\"#067647\"/>"),
        sliver);
  }

  /** What a claim's card shows: confidence, flags, the sentence and heading when they add something. */
  @Test
  void aClaimsCardShowsItsConfidenceFlagsSentenceAndHeading() {
    String html = HtmlReport.render(page());
    assertTrue(html.contains("confidence 0.80</span>"));
    assertFalse(html.contains("confidence 0.50</span>"), "no confidence shown for no evidence");
    assertFalse(html.contains("<span class=\"flag\""), "invented claims are neither negated nor hedged");
    assertFalse(html.contains("In the article:"), "the sentence is the claim");
    assertFalse(html.contains("Under the heading:"));

    Claim c = new Claim("c0000000000000007", "a-1", "https://example.org/b12", "B12 facts", 2,
        "Some say that B12 may not cause acne at all.", "Skin and B12", "B12 may not cause acne.", "", "", "", true,
        true, 0.8, List.of("invented"), List.of(), null);
    String card = HtmlReport.render(new HtmlReport.Page("2026-11-21", null, List.of(new ClaimsReport.Row(c, null)),
        List.of(), 1, List.of()));
    assertTrue(card.contains(" <span class=\"flag\" title=\"The claim denies something\">negated</span>"
        + " <span class=\"flag\" title=\"The claim is hedged (may, might, some studies)\">hedged</span>"), card);
    assertTrue(card.contains("<p class=\"sentence\"><span class=\"muted\">In the article:</span> Some say that B12 may "
        + "not cause acne at all.</p>"), card);
    assertTrue(card.contains("<p class=\"sentence\"><span class=\"muted\">Under the heading:</span> Skin and B12</p>"),
        card);
    assertTrue(card.contains("<p class=\"none\">Not verified: there was no abstract index to search.</p>"), card);
    assertTrue(card.contains("<a class=\"article\" href=\"https://example.org/b12\" rel=\"noopener noreferrer\" "
        + "target=\"_blank\">B12 facts</a>"), card);

    // A heading that is the article's title adds nothing.
    Claim titled = new Claim("c0000000000000008", "a-1", "javascript:x", "B12 facts", 2, "B12 cures acne.",
        " B12 facts ", "B12 cures acne.", "", "", "", false, false, 0.8, List.of("invented"), List.of(), null);
    String plain = HtmlReport.render(new HtmlReport.Page("2026-11-21", null, List.of(new ClaimsReport.Row(titled,
        null)), List.of(), 1, List.of()));
    assertFalse(plain.contains("Under the heading:"), plain);
    assertFalse(plain.contains("<span class=\"flag\""), plain);
    assertTrue(plain.contains("<span class=\"article\">B12 facts</span>"), "no link for a javascript: URL");
  }

  /** The evidence block: which abstracts, its summary, open or closed, each abstract's facts, and the overflow. */
  @Test
  void theEvidenceBlockSummarisesAndListsTheAbstractsThatTakeAStance() {
    Claim c = ReportRows.claim("c0000000000000010", "A page", "https://example.org/p", "Zinc shortens colds.", 0.9);
    AbstractEvidence neutral = ReportRows.evidence("91000050", StudyDesign.RCT, Stance.NEUTRAL, false, "Unrelated.");
    String none = HtmlReport.render(new HtmlReport.Page("2026-11-21", null, List.of(new ClaimsReport.Row(c,
        new ClaimVerdict(c, Verdict.INSUFFICIENT_EVIDENCE, 0.5, 0, 0, List.of(neutral)))), List.of(), 1, List.of()));
    assertTrue(none.contains("<p class=\"none\">No abstract in the index takes a stance on this claim (1 abstract "
        + "retrieved).</p>"), none);
    assertFalse(none.contains("91000050"), "a neutral abstract is not listed");
    String zero = HtmlReport.render(new HtmlReport.Page("2026-11-21", null, List.of(new ClaimsReport.Row(c,
        new ClaimVerdict(c, Verdict.INSUFFICIENT_EVIDENCE, 0.5, 0, 0, List.of()))), List.of(), 1, List.of()));
    assertTrue(zero.contains("(0 abstracts retrieved)"), zero);

    List<AbstractEvidence> abstracts = new ArrayList<>(List.of(
        ReportRows.evidence("91000051", StudyDesign.RCT, Stance.SUPPORT, false, "Zinc shortened colds."),
        ReportRows.evidence("91000052", StudyDesign.CROSS_SECTIONAL, Stance.CONTRADICT, false, "No."),
        ReportRows.evidence("91000053", StudyDesign.REVIEW, Stance.SUPPORT, true, "Retracted."),
        new AbstractEvidence("91000054", "No year", null, " ", "https://pubmed.ncbi.nlm.nih.gov/91000054/",
            StudyDesign.COHORT, false, 1, Stance.SUPPORT, 0.7, List.of()),
        neutral,
        ReportRows.evidence("91000055", StudyDesign.OTHER, Stance.SUPPORT, false, "Yes."),
        ReportRows.evidence("91000056", StudyDesign.OTHER, Stance.SUPPORT, false, "Yes."),
        ReportRows.evidence("91000057", StudyDesign.OTHER, Stance.SUPPORT, false, "Yes.")));
    String html = HtmlReport.render(new HtmlReport.Page("2026-11-21", null, List.of(new ClaimsReport.Row(c,
        new ClaimVerdict(c, Verdict.SUPPORTED, 0.7, 5, 1, abstracts))), List.of(), 1, List.of()));
    assertTrue(html.contains("<details class=\"evidence\"><summary>Evidence: 1 abstract contradicts, 5 abstracts "
        + "support, 1 retracted, not counted</summary>"), html);
    assertTrue(html.contains("<li class=\"ev\" data-stance=\"SUPPORT\">\n<div class=\"evh\"><span class=\"stance\" "
        + "data-stance=\"SUPPORT\">Supports</span><span class=\"design\" data-tier=\"strong\" title=\"Study design, "
        + "weight 0.85\">randomized controlled trial</span><span class=\"muted\">2021</span><span class=\"muted "
        + "journal\">Invented Journal</span></div>\n<p class=\"evt\"><a href=\"https://pubmed.ncbi.nlm.nih.gov/91000051/\""
        + " rel=\"noopener noreferrer\" target=\"_blank\">An invented study 91000051</a> <span class=\"muted\">PMID "
        + "91000051</span></p>"), html);
    assertTrue(html.contains("<span class=\"stance\" data-stance=\"CONTRADICT\">Contradicts</span><span class=\"design\" "
        + "data-tier=\"moderate\" title=\"Study design, weight 0.45\">cross-sectional study</span><span class=\"muted\">"
        + "2021</span><span class=\"muted journal\">Invented Journal</span></div>"), html);
    assertTrue(html.contains("<span class=\"design\" data-tier=\"weak\" title=\"Study design, weight 0.40\">review"
        + "</span><span class=\"muted\">2021</span><span class=\"muted journal\">Invented Journal</span><span "
        + "class=\"retracted\">Retracted</span></div>"), html);
    assertEquals(1, count(html, "<span class=\"retracted\">"), "only the retracted abstract is flagged");
    assertTrue(html.contains("<span class=\"design\" data-tier=\"moderate\" title=\"Study design, weight 0.60\">cohort "
        + "study</span></div>"), "no year, a blank journal: neither shown");
    assertEquals(5, count(html, "<li class=\"ev\""), "five abstracts shown");
    assertTrue(html.contains("<li class=\"muted\">and 2 more in the CSV</li>"), html);

    String open = HtmlReport.render(new HtmlReport.Page("2026-11-21", null, ReportRows.rows(), List.of(), 1,
        List.of()));
    assertEquals(2, count(open, "<details class=\"evidence\" open>"), "contradicted and mixed claims are open");
    assertEquals(1, count(open, "<details class=\"evidence\">"), "a supported claim is closed");
    assertFalse(open.contains("more in the CSV"));
    assertTrue(open.contains("<summary>Evidence: 1 abstract contradicts, 1 abstract supports</summary>"), open);
    assertTrue(open.contains("<summary>Evidence: 1 abstract contradicts</summary>"), "none supports: not said");
    assertTrue(open.contains("<summary>Evidence: 1 abstract supports, 1 retracted, not counted</summary>"), open);
  }

  /** Shared words are marked by their first five letters; short words and stop words are not, numbers are. */
  @Test
  void shortWordsAndStopWordsAreNotHighlighted() {
    Set<String> stems = HtmlReport.stems("Is 5 mg of fat or zinc with the cold OK for B6?");
    assertEquals(Set.of("5", "fat", "zinc", "cold", "b6"), stems);
    assertEquals("<mark>Zinci</mark> is ok <mark>without</mark> <mark>5</mark> the <mark>COLDS</mark>",
        HtmlReport.highlight("Zinci is ok without 5 the COLDS", HtmlReport.stems("zinc zincing withou colds 5")));
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
