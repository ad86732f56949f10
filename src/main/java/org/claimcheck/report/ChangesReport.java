package org.claimcheck.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.claimcheck.AtomicFiles;

/**
 * Thread-safe (stateless). Writes {@code changes.csv}: what changed since the previous report, one row per claim that
 * is new, whose verdict changed, or that is gone (its article changed or left the sources, or the check-worthiness
 * threshold was raised). A claim is the same claim
 * when its id is: the article and the normalised claim text. Same encoding rules as {@link ClaimsReport}.
 */
public final class ChangesReport {
  private ChangesReport() {}

  /** How a claim changed. */
  public enum Kind {
    /** Not in the previous report (every claim, on the first run). */
    NEW,
    /** In both reports with different verdicts. */
    VERDICT_CHANGED,
    /**
     * In both reports with the same verdict (not INSUFFICIENT_EVIDENCE or NOT_VERIFIED) resting on other abstracts:
     * evidence deleted, retracted or newly found, which an editor who checked yesterday's evidence should see.
     */
    EVIDENCE_CHANGED,
    /** In the previous report only. */
    REMOVED
  }

  /**
   * One changed claim; the old values are empty for new claims, the new ones empty for removed claims. The evidence
   * is the evidence_pmids of each report (space-separated ids).
   */
  public record Change(Kind kind, String claimId, String articleUrl, String articleTitle, String claim,
      String oldVerdict, String newVerdict, String oldConfidence, String newConfidence, String pubmedLink,
      String oldEvidence, String newEvidence) {
    public Change {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(claimId, "claimId");
      oldEvidence = oldEvidence == null ? "" : oldEvidence;
      newEvidence = newEvidence == null ? "" : newEvidence;
    }

    /** A change without evidence lists. */
    public Change(Kind kind, String claimId, String articleUrl, String articleTitle, String claim, String oldVerdict,
        String newVerdict, String oldConfidence, String newConfidence, String pubmedLink) {
      this(kind, claimId, articleUrl, articleTitle, claim, oldVerdict, newVerdict, oldConfidence, newConfidence,
          pubmedLink, "", "");
    }
  }

  /**
   * The changes from {@code previous} (null on the first run) to {@code rows}: new and changed claims in report order,
   * then removed ones in the previous report's order.
   */
  public static List<Change> compare(List<ClaimsReport.Row> rows, PreviousReport previous) {
    Map<String, ClaimsReport.ReportedClaim> before = new LinkedHashMap<>();
    if (previous != null) {
      previous.claims().forEach(c -> before.putIfAbsent(c.claimId(), c));
    }
    List<Change> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ClaimsReport.Row row : rows) {
      String id = row.claim().id();
      if (!seen.add(id)) {
        continue;
      }
      ClaimsReport.ReportedClaim old = before.get(id);
      if (old == null) {
        out.add(new Change(Kind.NEW, id, row.claim().articleUrl(), row.claim().articleTitle(), row.claim().claim(),
            "", row.verdictName(), "", row.confidenceText(), row.pubmedLink(), "", row.evidencePmids()));
      } else if (!old.verdict().equals(row.verdictName())) {
        out.add(new Change(Kind.VERDICT_CHANGED, id, row.claim().articleUrl(), row.claim().articleTitle(),
            row.claim().claim(), old.verdict(), row.verdictName(), old.confidence(), row.confidenceText(),
            row.pubmedLink(), old.evidencePmids(), row.evidencePmids()));
      } else if (evidenceChanged(old, row)) {
        out.add(new Change(Kind.EVIDENCE_CHANGED, id, row.claim().articleUrl(), row.claim().articleTitle(),
            row.claim().claim(), old.verdict(), row.verdictName(), old.confidence(), row.confidenceText(),
            row.pubmedLink(), old.evidencePmids(), row.evidencePmids()));
      }
    }
    for (ClaimsReport.ReportedClaim old : before.values()) {
      if (!seen.contains(old.claimId())) {
        out.add(new Change(Kind.REMOVED, old.claimId(), old.articleUrl(), old.articleTitle(), old.claim(),
            old.verdict(), "", old.confidence(), "", old.pubmedLink(), old.evidencePmids(), ""));
      }
    }
    return out;
  }

  /**
   * Whether a claim kept its verdict but not its evidence: the sets of evidence ids differ, for a verdict that rests
   * on evidence. A previous report without the column (older) compares as unchanged, not as every claim changed.
   */
  private static boolean evidenceChanged(ClaimsReport.ReportedClaim old, ClaimsReport.Row row) {
    String verdict = row.verdictName();
    if (verdict.equals("INSUFFICIENT_EVIDENCE") || verdict.equals(ClaimsReport.NOT_VERIFIED)
        || old.evidencePmids().isEmpty()) {
      return false;
    }
    return !new HashSet<>(List.of(old.evidencePmids().split(" "))).equals(
        row.evidencePmids().isEmpty() ? Set.of() : new HashSet<>(List.of(row.evidencePmids().split(" "))));
  }

  /** Writes {@code changes} to {@code file} atomically. */
  public static void write(Path file, String runDate, String previousDate, List<Change> changes, boolean excel)
      throws IOException {
    AtomicFiles.writeText(file, w -> write(w, runDate, previousDate, changes, excel));
  }

  /** Writes {@code changes} to {@code w}; {@code previousDate} is null on the first run. */
  public static void write(Writer w, String runDate, String previousDate, List<Change> changes, boolean excel)
      throws IOException {
    if (excel) {
      w.write('\ufeff');
    }
    CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(ChangeColumn.class).get());
    for (Change c : changes) {
      Object[] cells = {runDate, previousDate == null ? "" : previousDate, c.kind().name(), c.claimId(),
          c.articleUrl(), c.articleTitle(), c.claim(), c.oldVerdict(), c.newVerdict(), c.oldConfidence(),
          c.newConfidence(), c.pubmedLink(), c.oldEvidence(), c.newEvidence()};
      for (Object cell : cells) {
        csv.print(ClaimsReport.cell(cell, excel));
      }
      csv.println();
    }
    csv.flush();
  }
}
