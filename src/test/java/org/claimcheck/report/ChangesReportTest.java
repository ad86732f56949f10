package org.claimcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangesReportTest {
  @Test
  void newChangedAndRemovedClaimsAgainstTheMostRecentEarlierUsableReport(@TempDir Path reports) throws IOException {
    List<ClaimsReport.Row> before = ReportRows.rows();
    write(reports, "2026-11-19", before.subList(1, 4), false);
    write(reports, "2026-11-20", before.subList(0, 3), true); // the most recent, written for Excel
    Files.writeString(reports.resolve("2026-11-20/manifest.json"), "{\"status\": \"OK\"}");
    write(reports, "2026-11-21", before, false); // same day as the run: not "earlier"
    write(reports, "2026-11-18", List.of(), false);
    Files.createDirectories(reports.resolve("notes"));

    PreviousReport previous = PreviousReport.find(reports, LocalDate.parse("2026-11-21"));
    assertEquals("2026-11-20", previous.date());
    assertEquals(3, previous.claims().size());
    assertEquals("Turmeric <script>document.body.setAttribute('data-pwned','1')</script> cures arthritis & \"gout\" "
        + "in older adults.", previous.claims().getFirst().claim(), "read back through the Excel encoding");

    // Tonight: the first claim's verdict changed, the third is gone, the fourth is new.
    ClaimsReport.Row first = before.get(0);
    ClaimsReport.Row changed = new ClaimsReport.Row(first.claim(), new org.claimcheck.verify.ClaimVerdict(
        first.claim(), org.claimcheck.verify.Verdict.MIXED, 0.4, 1, 1, first.verdict().abstracts()));
    List<ChangesReport.Change> changes = ChangesReport.compare(List.of(changed, before.get(1), before.get(3)),
        previous);
    assertEquals(List.of(ChangesReport.Kind.VERDICT_CHANGED, ChangesReport.Kind.NEW, ChangesReport.Kind.REMOVED),
        changes.stream().map(ChangesReport.Change::kind).toList());
    assertEquals("CONTRADICTED", changes.get(0).oldVerdict());
    assertEquals("MIXED", changes.get(0).newVerdict());
    assertEquals("0.800", changes.get(0).oldConfidence());
    assertEquals("c0000000000000004", changes.get(1).claimId());
    assertEquals("c0000000000000003", changes.get(2).claimId());
    assertEquals("MIXED", changes.get(2).oldVerdict());

    StringWriter w = new StringWriter();
    ChangesReport.write(w, "2026-11-21", previous.date(), changes, true);
    String csv = w.toString();
    assertEquals('\ufeff', csv.charAt(0));
    assertTrue(csv.startsWith("\ufeffrun_date,previous_run_date,change,claim_id,article_url,article_title,claim,"
        + "old_verdict,new_verdict,old_confidence,new_confidence,pubmed_link,old_evidence_pmids,new_evidence_pmids\r\n"),
        csv);
    assertTrue(csv.contains("2026-11-21,2026-11-20,VERDICT_CHANGED,c0000000000000001,javascript:alert(1),"), csv);
  }

  @Test
  void evidenceThatChangedUnderTheSameVerdictIsAChange(@TempDir Path reports) throws IOException {
    // A SUPPORTED claim whose evidence was deleted by an update file and replaced by another abstract kept its verdict
    // and was not reported; a changed verdict did not say which evidence went.
    List<ClaimsReport.Row> before = ReportRows.rows();
    write(reports, "2026-11-20", before, false);
    PreviousReport previous = PreviousReport.find(reports, LocalDate.parse("2026-11-21"));
    assertEquals("91000002", previous.claims().get(1).evidencePmids(), "the retracted 91000006 is not evidence");

    ClaimsReport.Row zinc = before.get(1);
    ClaimsReport.Row otherEvidence = new ClaimsReport.Row(zinc.claim(), new org.claimcheck.verify.ClaimVerdict(
        zinc.claim(), org.claimcheck.verify.Verdict.SUPPORTED, 0.64, 1, 0, List.of(ReportRows.evidence("91000007",
            org.claimcheck.verify.StudyDesign.RCT, org.claimcheck.verify.Stance.SUPPORT, false, "Zinc helped."))));
    ClaimsReport.Row first = before.get(0);
    ClaimsReport.Row noEvidence = new ClaimsReport.Row(first.claim(), new org.claimcheck.verify.ClaimVerdict(
        first.claim(), org.claimcheck.verify.Verdict.INSUFFICIENT_EVIDENCE, 0.7, 0, 0, List.of()));
    List<ChangesReport.Change> changes = ChangesReport.compare(List.of(noEvidence, otherEvidence, before.get(2),
        before.get(3)), previous);
    assertEquals(List.of(ChangesReport.Kind.VERDICT_CHANGED, ChangesReport.Kind.EVIDENCE_CHANGED),
        changes.stream().map(ChangesReport.Change::kind).toList());
    assertEquals("91000001", changes.get(0).oldEvidence());
    assertEquals("", changes.get(0).newEvidence());
    assertEquals("91000002", changes.get(1).oldEvidence());
    assertEquals("91000007", changes.get(1).newEvidence());
    assertEquals("SUPPORTED", changes.get(1).newVerdict());

    // A report written before the column was read back compares as unchanged evidence, not as every claim changed.
    Path old = reports.resolve("2026-11-19/claims-report.csv");
    Files.createDirectories(old.getParent());
    Files.writeString(old, "claim_id,claim,verdict,confidence\r\nc0000000000000002,Zinc,SUPPORTED,0.640\r\n");
    assertEquals(List.of(), ChangesReport.compare(List.of(otherEvidence),
        PreviousReport.find(reports, LocalDate.parse("2026-11-20"))));
  }

  @Test
  void aFailedRunsReportIsSkippedAndTheFirstRunHasNothingToCompareWith(@TempDir Path reports) throws IOException {
    assertNull(PreviousReport.find(reports.resolve("absent"), LocalDate.parse("2026-11-21")));
    write(reports, "2026-11-19", ReportRows.rows(), false);
    write(reports, "2026-11-20", List.of(), false);
    Files.writeString(reports.resolve("2026-11-20/manifest.json"), "{\"status\": \"FAILED\"}");
    assertEquals("2026-11-19", PreviousReport.find(reports, LocalDate.parse("2026-11-21")).date());

    List<ChangesReport.Change> first = ChangesReport.compare(ReportRows.rows(), null);
    assertEquals(4, first.size());
    assertTrue(first.stream().allMatch(c -> c.kind() == ChangesReport.Kind.NEW));
  }

  @Test
  void oldReportsWithFewerColumnsStillRead(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("claims-report.csv");
    Files.writeString(csv, "claim_id,claim,verdict\r\nabc,\"B12, daily\",SUPPORTED\r\n");
    ClaimsReport.ReportedClaim c = ClaimsReport.read(csv).getFirst();
    assertEquals("abc", c.claimId());
    assertEquals("B12, daily", c.claim());
    assertEquals("SUPPORTED", c.verdict());
    assertEquals("", c.articleUrl());
    assertEquals("-5 kg", ClaimsReport.restore("'-5 kg"));
    assertEquals("'quoted'", ClaimsReport.restore("'quoted'"));
  }

  /** Each change is a row of its own, every column in its place, written to a file as to a writer. */
  @Test
  void eachChangeIsARowWithEveryColumn(@TempDir Path dir) throws IOException {
    List<ChangesReport.Change> changes = List.of(
        new ChangesReport.Change(ChangesReport.Kind.NEW, "c1", "https://example.org/a", "A", "Zinc shortens colds.", "",
            "SUPPORTED", "", "0.640", "https://pubmed.ncbi.nlm.nih.gov/91000002/", "", "91000002"),
        new ChangesReport.Change(ChangesReport.Kind.EVIDENCE_CHANGED, "c2", "https://example.org/b", "B",
            "Iron helps.", "MIXED", "MIXED", "0.470", "0.480", "", "91000003 91000004", "91000005"),
        new ChangesReport.Change(ChangesReport.Kind.REMOVED, "c3", "https://example.org/c", "C", "Gone.", "SUPPORTED",
            "", "0.700", "", "", "91000009", ""));
    Path file = dir.resolve("changes.csv");
    ChangesReport.write(file, "2026-11-21", null, changes, false);
    String csv = Files.readString(file);
    StringWriter w = new StringWriter();
    ChangesReport.write(w, "2026-11-21", null, changes, false);
    assertEquals(w.toString(), csv);
    assertEquals(4, csv.split("\r\n", -1).length - 1, "a header and three lines, each ended: " + csv);
    List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
        .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv)).getRecords();
    assertEquals(List.of("NEW", "EVIDENCE_CHANGED", "REMOVED"), rows.stream().map(r -> r.get("change")).toList());
    org.apache.commons.csv.CSVRecord r = rows.get(1);
    assertEquals("2026-11-21", r.get("run_date"));
    assertEquals("", r.get("previous_run_date"), "the first run has no previous date");
    assertEquals("c2", r.get("claim_id"));
    assertEquals("https://example.org/b", r.get("article_url"));
    assertEquals("B", r.get("article_title"));
    assertEquals("Iron helps.", r.get("claim"));
    assertEquals("MIXED", r.get("old_verdict"));
    assertEquals("MIXED", r.get("new_verdict"));
    assertEquals("0.470", r.get("old_confidence"));
    assertEquals("0.480", r.get("new_confidence"));
    assertEquals("91000003 91000004", r.get("old_evidence_pmids"));
    assertEquals("91000005", r.get("new_evidence_pmids"));
    assertEquals("https://pubmed.ncbi.nlm.nih.gov/91000002/", rows.get(0).get("pubmed_link"));
    assertEquals("c3", rows.get(2).get("claim_id"));
  }

  /** The nights after a day that have a usable report, up to today: not failed ones, not future ones. */
  @Test
  void laterReportsAreTheUsableOnesUpToToday(@TempDir Path reports) throws IOException {
    assertEquals(List.of(), PreviousReport.later(reports.resolve("absent"), LocalDate.parse("2026-11-01"),
        LocalDate.parse("2026-11-30")));
    write(reports, "2026-11-18", List.of(), false); // the day itself: not later
    write(reports, "2026-11-19", List.of(), false);
    write(reports, "2026-11-20", List.of(), false);
    Files.writeString(reports.resolve("2026-11-20/manifest.json"), "{\"status\": \"FAILED\"}");
    write(reports, "2026-11-21", List.of(), false);
    Files.writeString(reports.resolve("2026-11-21/manifest.json"), "{\"status\": \"OK\"}");
    Files.createDirectories(reports.resolve("2026-11-22")); // no report in it
    write(reports, "2026-11-23", List.of(), false); // today
    write(reports, "2026-11-24", List.of(), false); // in the future
    write(reports, "latest", List.of(), false);
    Files.writeString(reports.resolve("2026-11-25"), "a file, not a folder");
    assertEquals(List.of(LocalDate.parse("2026-11-19"), LocalDate.parse("2026-11-21"), LocalDate.parse("2026-11-23")),
        PreviousReport.later(reports, LocalDate.parse("2026-11-18"), LocalDate.parse("2026-11-23")));
    assertTrue(PreviousReport.isFailed(reports.resolve("2026-11-20")));
    assertEquals(false, PreviousReport.isFailed(reports.resolve("2026-11-21")));
    assertEquals(false, PreviousReport.isFailed(reports.resolve("2026-11-19")), "no manifest");
  }

  private static void write(Path reports, String date, List<ClaimsReport.Row> rows, boolean excel)
      throws IOException {
    Files.createDirectories(reports.resolve(date));
    ClaimsReport.write(reports.resolve(date).resolve("claims-report.csv"), date, rows, excel);
  }
}
