package org.claimcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.claimcheck.claim.ClaimsFile;
import org.junit.jupiter.api.Test;

class ClaimsReportTest {
  @Test
  void excelOutputHasABomAndNeutralisesFormulas() throws IOException {
    StringWriter w = new StringWriter();
    ClaimsReport.write(w, "2026-11-21", List.of(new ClaimsReport.Row(ClaimsFile.plain("1",
        "=HYPERLINK(\"http://evil\")", 0), null)), true);
    String csv = w.toString();
    assertEquals('\ufeff', csv.charAt(0));
    assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), csv);
    assertTrue(csv.contains("NOT_VERIFIED"));
  }

  @Test
  void plainOutputKeepsCellsAsTheyAre() throws IOException {
    StringWriter w = new StringWriter();
    ClaimsReport.write(w, "2026-11-21", List.of(new ClaimsReport.Row(ClaimsFile.plain("1", "-5 kg in a week", 0),
        null)), false);
    String csv = w.toString();
    assertTrue(csv.startsWith("run_date,article_url,article_title,claim_id,claim,"), csv);
    assertTrue(csv.contains(",-5 kg in a week,"), csv);
    assertEquals(2, csv.lines().count());
  }

  /** Retracted evidence was in the HTML report only: the CSV dropped it without a trace. */
  @Test
  void retractedEvidenceIsListedButNotCounted() throws IOException {
    StringWriter w = new StringWriter();
    ClaimsReport.write(w, "2026-11-21", ReportRows.rows(), false);
    List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new java.io.StringReader(w.toString())).getRecords();
    CSVRecord zinc = records.stream().filter(r -> r.get("claim_id").equals("c0000000000000002")).findFirst()
        .orElseThrow();
    assertEquals("91000006", zinc.get("retracted_pmids"));
    assertEquals("91000002", zinc.get("evidence_pmids"));
    assertEquals("1", zinc.get("supporting"));
    assertEquals("", records.getFirst().get("retracted_pmids"));
  }

  @Test
  void theBestSentenceShownTakesTheVerdictsSide() throws IOException {
    // best_sentence was the best abstract's first sentence, which the model could rate as contradicting a claim the
    // verdict says is supported; the HTML tooltip called every sentence by its abstract's stance.
    org.claimcheck.claim.Claim c = ReportRows.claim("c1", "Bleeding", "https://example.org/b",
        "Dexamethasone increases the risk of bleeding.", 0.9);
    var against = new org.claimcheck.verify.EvidenceSentence(15, "It decreased nausea.",
        org.claimcheck.verify.Stance.CONTRADICT, 0.58);
    var weak = new org.claimcheck.verify.EvidenceSentence(11, "Bleeding was more frequent.",
        org.claimcheck.verify.Stance.SUPPORT, 0.55);
    // SciFact's sentences end in spaces and a line break: the cell was several lines.
    var strong = new org.claimcheck.verify.EvidenceSentence(12, "It increased the risk of bleeding.   \n",
        org.claimcheck.verify.Stance.SUPPORT, 0.71);
    var a = new org.claimcheck.verify.AbstractEvidence("91000020", "A trial", 2020, "J", null,
        org.claimcheck.verify.StudyDesign.RCT, false, 3.0, org.claimcheck.verify.Stance.SUPPORT, 0.8,
        List.of(against, weak, strong));
    var v = new org.claimcheck.verify.ClaimVerdict(c, org.claimcheck.verify.Verdict.SUPPORTED, 0.6, 1, 0, List.of(a));
    assertEquals(strong, v.bestSentence());
    StringWriter w = new StringWriter();
    ClaimsReport.write(w, "2026-11-21", List.of(new ClaimsReport.Row(c, v)), false);
    CSVRecord r = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new java.io.StringReader(w.toString())).getRecords().getFirst();
    assertEquals("It increased the risk of bleeding.", r.get("best_sentence"));

    String html = HtmlReport.render(new HtmlReport.Page("2026-11-21", null, List.of(new ClaimsReport.Row(c, v)),
        List.of(), 0, List.of()));
    assertTrue(html.contains("<blockquote data-stance=\"CONTRADICT\" title=\"contradicts the claim, p = 0.58\">"),
        html);
    assertTrue(html.contains("<blockquote data-stance=\"SUPPORT\" title=\"supports the claim, p = 0.71\">"), html);
  }

  /** A 48,000-character page title went whole into a cell; Excel spills what passes 32,767 into the rows below. */
  @Test
  void longCellsAreClippedForSpreadsheets() throws IOException {
    String title = "B12 ".repeat(12_000);
    ClaimsReport.Row row = new ClaimsReport.Row(ReportRows.claim("c1", title, "https://example.org/b12",
        "B12 supplements reduce homocysteine.", 0.9), null);
    for (boolean excel : new boolean[] {false, true}) {
      StringWriter w = new StringWriter();
      ClaimsReport.write(w, "2026-11-21", List.of(row), excel);
      CSVRecord r = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new java.io.StringReader(w.toString().replace("\ufeff", ""))).getRecords().getFirst();
      assertEquals(ClaimsReport.MAX_CELL_CHARS, r.get("article_title").length());
      assertTrue(r.get("article_title").endsWith("\u2026"));
      assertEquals("B12 supplements reduce homocysteine.", r.get("claim"));
    }
    assertEquals("x\ud83d\ude00".repeat(1), ClaimsReport.cell("x\ud83d\ude00", false));
    String emoji = "a" + "\ud83d\ude00".repeat(20_000);
    String clipped = (String) ClaimsReport.cell(emoji, false);
    assertTrue(!Character.isHighSurrogate(clipped.charAt(clipped.length() - 2)), "no half character before the …");
  }

  /** Found by ReportFuzzTest: a cell that starts with an apostrophe and a formula character did not read back. */
  @Test
  void neutralisedCellsReadBackExactly() {
    for (String s : List.of("=1+1", "'=1+1", "''@x", "'plain", "-5 kg", "", "'", "\tx")) {
      Object n = ClaimsReport.neutralise(s);
      assertTrue(!((String) n).isEmpty() && "=+-@\t\r".indexOf(((String) n).charAt(0)) < 0 || s.isEmpty(), s);
      assertEquals(s, ClaimsReport.restore((String) n), s);
    }
  }
}
