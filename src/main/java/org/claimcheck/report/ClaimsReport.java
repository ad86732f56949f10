package org.claimcheck.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.claimcheck.AtomicFiles;
import org.claimcheck.claim.Claim;
import org.claimcheck.verify.AbstractEvidence;
import org.claimcheck.verify.ClaimVerdict;

/**
 * Thread-safe (stateless). Writes {@code claims-report.csv}: one row per claim with its verdict and best evidence,
 * RFC 4180, UTF-8. For Excel, {@code excel} adds a byte-order mark and neutralises cells that begin with
 * {@code = + - @} (formula injection) by prefixing an apostrophe.
 */
public final class ClaimsReport {
  private ClaimsReport() {}

  /** One row of the report: a claim and its verdict (null when the claim was not verified). */
  public record Row(Claim claim, ClaimVerdict verdict) {}

  /** Writes the report to {@code file} atomically. */
  public static void write(Path file, String runDate, List<Row> rows, boolean excel) throws IOException {
    AtomicFiles.writeText(file, w -> write(w, runDate, rows, excel));
  }

  /** Writes the report to {@code w}. */
  public static void write(Writer w, String runDate, List<Row> rows, boolean excel) throws IOException {
    if (excel) {
      w.write('\ufeff');
    }
    CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(ReportColumn.class).get());
    for (Row row : rows) {
      Claim c = row.claim();
      ClaimVerdict v = row.verdict();
      AbstractEvidence best = v == null ? null : v.best();
      List<String> pmids = v == null ? List.of() : v.evidence().stream().map(AbstractEvidence::id).toList();
      Object[] cells = {
          runDate,
          c.articleUrl(),
          c.articleTitle(),
          c.id(),
          c.claim(),
          c.sentence(),
          String.format(Locale.ROOT, "%.3f", c.checkWorthiness()),
          c.negated(),
          c.hedged(),
          v == null ? "NOT_VERIFIED" : v.verdict().name(),
          v == null ? "" : String.format(Locale.ROOT, "%.3f", v.confidence()),
          v == null ? "" : v.supporting(),
          v == null ? "" : v.contradicting(),
          best == null ? "" : best.id(),
          best == null || best.sentences().isEmpty() ? "" : best.sentences().getFirst().text(),
          best == null ? "" : best.design().label(),
          best == null || best.year() == null ? "" : best.year(),
          String.join(" ", pmids),
          link(best, pmids)
      };
      for (Object cell : cells) {
        csv.print(excel ? neutralise(cell) : cell);
      }
      csv.println();
    }
    csv.flush();
  }

  private static String link(AbstractEvidence best, List<String> pmids) {
    List<String> numeric = pmids.stream().filter(p -> p.matches("\\d{1,9}")).toList();
    if (numeric.isEmpty()) {
      return best == null || best.url() == null ? "" : best.url();
    }
    if (numeric.size() == 1) {
      return "https://pubmed.ncbi.nlm.nih.gov/" + numeric.getFirst() + "/";
    }
    return "https://pubmed.ncbi.nlm.nih.gov/?term=" + numeric.stream().collect(Collectors.joining("%2C"));
  }

  /** A cell that a spreadsheet would read as a formula gets a leading apostrophe. */
  static Object neutralise(Object cell) {
    if (cell instanceof String s && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      return "'" + s;
    }
    return cell;
  }
}
