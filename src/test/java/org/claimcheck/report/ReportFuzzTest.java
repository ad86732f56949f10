package org.claimcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.claimcheck.Fuzz;
import org.claimcheck.claim.Claim;
import org.claimcheck.verify.ClaimVerdict;
import org.claimcheck.verify.Stance;
import org.claimcheck.verify.StudyDesign;
import org.claimcheck.verify.Verdict;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any text a page or an abstract can carry (the input, as UTF-8), put in every field the reports print: in the Excel
 * CSV no cell starts with a formula character and reading the report back gives the text exactly; in report.html
 * nothing becomes markup (the page has the elements, scripts and attributes it has with harmless text, and no
 * {@code on*} handler), and the text is there as text.
 */
class ReportFuzzTest {
  private static Set<String> baselineTags;

  static ClaimsReport.Row row(String s) {
    String safe = s.isBlank() ? "x" : s;
    Claim c = ReportRows.claim("c0000000000000001", safe, s, safe, 0.9);
    return new ClaimsReport.Row(c, new ClaimVerdict(c, Verdict.CONTRADICTED, 0.8, 0, 1,
        List.of(ReportRows.evidence("91000001", StudyDesign.RCT, Stance.CONTRADICT, false, safe))));
  }

  static Set<String> tags(Document d) {
    Set<String> out = new TreeSet<>();
    for (Element e : d.getAllElements()) {
      out.add(e.tagName());
    }
    return out;
  }

  static void checkCell(byte[] data, Path dir) throws IOException {
    String s = new String(data, StandardCharsets.UTF_8);
    ClaimsReport.Row row = row(s);

    StringWriter csv = new StringWriter();
    ClaimsReport.write(csv, "2026-11-21", List.of(row), true);
    for (CSVRecord rec : CSVFormat.RFC4180.builder().get().parse(new StringReader(csv.toString().substring(1)))) {
      for (String cell : rec) {
        assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, "a formula cell: " + cell);
      }
    }
    Path file = dir.resolve("claims-report.csv");
    ClaimsReport.write(file, "2026-11-21", List.of(row), true);
    ClaimsReport.ReportedClaim back = ClaimsReport.read(file).getFirst();
    // As written: clipped when longer than a spreadsheet cell holds.
    assertEquals(ClaimsReport.cell(row.claim().claim(), false), back.claim(), "the claim reads back as written");
    assertEquals(ClaimsReport.cell(row.claim().articleTitle(), false), back.articleTitle());
    assertEquals(s, ClaimsReport.restore((String) ClaimsReport.neutralise(s)));

    String html = HtmlReport.render(new HtmlReport.Page("2026-11-21", null, List.of(row), List.of(), 1, List.of(s)));
    Document d = Jsoup.parse(html);
    if (baselineTags == null) {
      baselineTags = tags(Jsoup.parse(HtmlReport.render(new HtmlReport.Page("2026-11-21", null,
          List.of(row("Zinc shortens colds.")), List.of(), 1, List.of("x")))));
    }
    assertEquals(1, d.select("script").size(), "only the page's own script");
    assertTrue(baselineTags.containsAll(tags(d)), "new elements: " + tags(d));
    for (Element e : d.getAllElements()) {
      for (Attribute a : e.attributes()) {
        assertFalse(a.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on"), "handler " + a);
        if (Set.of("href", "src", "action", "formaction", "xlink:href").contains(a.getKey())) {
          assertFalse(a.getValue().strip().toLowerCase(java.util.Locale.ROOT).startsWith("javascript:"), "link " + a);
        }
      }
    }
    String visible = s.replaceAll("[\\x00-\\x08\\x0b-\\x1f\\x7f]", " ").replaceAll("[\\ufffe\\uffff]", "\ufffd").replaceAll("\\s+", " ").strip();
    if (!visible.isEmpty()) {
      assertTrue(d.text().contains(visible), "the text is shown as text");
    }
  }

  @Test
  @Timeout(300)
  void reportsNeutraliseFormulasAndShowMarkupAsText(@TempDir Path dir) {
    Fuzz.run("reports", Fuzz.corpus(ReportFuzzTest.class, "cell"), Fuzz.dictionary("=", "+", "-", "@", "\t", "\r",
        "\n", "'", "\"", ",", "<", ">", "&", "<script>", "</script>", "<img src=x onerror=alert(1)>", "javascript:",
        "<a href=\"javascript:x\">", "&lt;", "&#x3c;", "]]>", "<!--", "\u0000", "\u2028", "\u202e", "\ufeff",
        "<svg onload=alert(1)>", "</textarea>", "</title>", "' onmouseover='x", "\" onfocus=\"x"),
        Fuzz.inputs(500), data -> checkCell(data, dir));
  }

  @FuzzTest(maxDuration = "5m")
  void cell(byte[] data) throws IOException {
    checkCell(data, Files.createTempDirectory("report-fuzz"));
  }
}
