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
    // Emoji from the first char: the cut falls between the two halves of one, which goes whole. (With an odd prefix,
    // as this test had, the cut falls between two emoji and the guard is never reached.)
    String emoji = "\ud83d\ude00".repeat(ClaimsReport.MAX_CELL_CHARS / 2) + "x".repeat(100);
    String clipped = (String) ClaimsReport.cell(emoji, false);
    assertEquals("\ud83d\ude00".repeat((ClaimsReport.MAX_CELL_CHARS - 2) / 2) + "\u2026", clipped);
    assertTrue(!Character.isHighSurrogate(clipped.charAt(clipped.length() - 2)), "no half character before the …");
    // A cell of exactly the limit is whole; one char more is clipped.
    String full = "x".repeat(ClaimsReport.MAX_CELL_CHARS);
    assertEquals(full, ClaimsReport.cell(full, false));
    assertEquals("x".repeat(ClaimsReport.MAX_CELL_CHARS - 1) + "\u2026", ClaimsReport.cell(full + "y", false));
  }

  /** Every column by name, for a verified claim with a best abstract (a test read few of them back). */
  @Test
  void everyColumnHoldsItsValue() throws IOException {
    org.claimcheck.claim.Claim c = new org.claimcheck.claim.Claim("c0000000000000042", "a-1",
        "https://example.org/b12", "B12 facts", 3, "Some say B12 does not cause acne.", "Skin", "B12 does not cause acne.",
        "", "", "", true, false, 0.875, List.of("invented"), List.of(), null);
    var best = new org.claimcheck.verify.AbstractEvidence("91000031", "A cohort", 2019, "J",
        "https://pubmed.ncbi.nlm.nih.gov/91000031/", org.claimcheck.verify.StudyDesign.COHORT, false, 3.0,
        org.claimcheck.verify.Stance.CONTRADICT, 0.9, List.of(new org.claimcheck.verify.EvidenceSentence(2,
            "Acne was more common with B12.", org.claimcheck.verify.Stance.CONTRADICT, 0.9)));
    var weaker = new org.claimcheck.verify.AbstractEvidence("91000032", "A case report", null, "J",
        "https://pubmed.ncbi.nlm.nih.gov/91000032/", org.claimcheck.verify.StudyDesign.CASE_REPORT, false, 2.0,
        org.claimcheck.verify.Stance.CONTRADICT, 0.6, List.of());
    var retracted = new org.claimcheck.verify.AbstractEvidence("91000033", "Retracted", 2001, "J",
        "https://pubmed.ncbi.nlm.nih.gov/91000033/", org.claimcheck.verify.StudyDesign.RCT, true, 2.0,
        org.claimcheck.verify.Stance.SUPPORT, 0.7, List.of());
    var v = new org.claimcheck.verify.ClaimVerdict(c, org.claimcheck.verify.Verdict.CONTRADICTED, 0.6126, 0, 2,
        List.of(best, weaker, retracted));
    CSVRecord r = records(List.of(new ClaimsReport.Row(c, v))).getFirst();
    assertEquals("2026-11-21", r.get("run_date"));
    assertEquals("https://example.org/b12", r.get("article_url"));
    assertEquals("B12 facts", r.get("article_title"));
    assertEquals("c0000000000000042", r.get("claim_id"));
    assertEquals("B12 does not cause acne.", r.get("claim"));
    assertEquals("Some say B12 does not cause acne.", r.get("sentence"));
    assertEquals("0.875", r.get("check_worthiness"));
    assertEquals("true", r.get("negated"));
    assertEquals("false", r.get("hedged"));
    assertEquals("CONTRADICTED", r.get("verdict"));
    assertEquals("0.613", r.get("confidence"));
    assertEquals("0", r.get("supporting"));
    assertEquals("2", r.get("contradicting"));
    assertEquals("91000031", r.get("best_pmid"));
    assertEquals("Acne was more common with B12.", r.get("best_sentence"));
    assertEquals("cohort study", r.get("best_design"));
    assertEquals("2019", r.get("best_year"));
    assertEquals("91000031 91000032", r.get("evidence_pmids"));
    assertEquals("https://pubmed.ncbi.nlm.nih.gov/?term=91000031%2C91000032", r.get("pubmed_link"));
    assertEquals("91000033", r.get("retracted_pmids"));

    // The best abstract without a year: the year cell is empty, the rest as before.
    var noYear = new org.claimcheck.verify.ClaimVerdict(c, org.claimcheck.verify.Verdict.CONTRADICTED, 0.6, 0, 1,
        List.of(weaker));
    CSVRecord r2 = records(List.of(new ClaimsReport.Row(c, noYear))).getFirst();
    assertEquals("91000032", r2.get("best_pmid"));
    assertEquals("", r2.get("best_year"));
    assertEquals("", r2.get("best_sentence"));
    assertEquals("case report", r2.get("best_design"));
  }

  /** The pubmed_link column: one PMID's page, a search for several, and never a PubMed link for a corpus id. */
  @Test
  void thePubmedLinkGoesToThePageOrASearchAndNeverToACorpusId() {
    org.claimcheck.claim.Claim c = ReportRows.claim("c1", "A page", "https://example.org/p", "Zinc shortens colds.",
        0.9);
    var one = new org.claimcheck.verify.ClaimVerdict(c, org.claimcheck.verify.Verdict.SUPPORTED, 0.6, 1, 0,
        List.of(ReportRows.evidence("91000002", org.claimcheck.verify.StudyDesign.RCT,
            org.claimcheck.verify.Stance.SUPPORT, false, "It did.")));
    assertEquals("https://pubmed.ncbi.nlm.nih.gov/91000002/", new ClaimsReport.Row(c, one).pubmedLink());
    // A SciFact document has a numeric id and no URL: its id is not a PMID, so no PubMed link.
    var corpus = new org.claimcheck.verify.AbstractEvidence("33409100", "A corpus trial", 2007, "J", null,
        org.claimcheck.verify.StudyDesign.RCT, false, 3.0, org.claimcheck.verify.Stance.SUPPORT, 0.8, List.of());
    var corpusOnly = new org.claimcheck.verify.ClaimVerdict(c, org.claimcheck.verify.Verdict.SUPPORTED, 0.6, 1, 0,
        List.of(corpus));
    assertEquals("", new ClaimsReport.Row(c, corpusOnly).pubmedLink());
    var mixed = new org.claimcheck.verify.ClaimVerdict(c, org.claimcheck.verify.Verdict.SUPPORTED, 0.6, 2, 0,
        List.of(corpus, one.abstracts().getFirst()));
    assertEquals("https://pubmed.ncbi.nlm.nih.gov/91000002/", new ClaimsReport.Row(c, mixed).pubmedLink());
    assertEquals("", new ClaimsReport.Row(c, null).pubmedLink());

    // Ids that are not PMIDs: the best abstract's own URL, or nothing.
    var doc = new org.claimcheck.verify.AbstractEvidence("doc-7", "A document", 2007, "J", "https://example.org/doc-7",
        org.claimcheck.verify.StudyDesign.RCT, false, 3.0, org.claimcheck.verify.Stance.SUPPORT, 0.8, List.of());
    assertEquals("https://example.org/doc-7", ClaimsReport.link(doc, List.of("doc-7", "1234567890")));
    assertEquals("", ClaimsReport.link(null, List.of("doc-7")));
    assertEquals("", ClaimsReport.link(corpus, List.of()));
    assertEquals("https://pubmed.ncbi.nlm.nih.gov/?term=1%2C22%2C333", ClaimsReport.link(doc, List.of("1", "22",
        "333")));
  }

  private static List<CSVRecord> records(List<ClaimsReport.Row> rows) throws IOException {
    StringWriter w = new StringWriter();
    ClaimsReport.write(w, "2026-11-21", rows, false);
    List<CSVRecord> out = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new java.io.StringReader(w.toString())).getRecords();
    assertEquals(rows.size(), out.size());
    return out;
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
