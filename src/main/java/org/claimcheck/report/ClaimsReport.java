package org.claimcheck.report;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
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
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  private ClaimsReport() {}

  /** What the verdict column says of a claim that was not verified. */
  public static final String NOT_VERIFIED = "NOT_VERIFIED";

  /** One row of the report: a claim and its verdict (null when the claim was not verified). */
  public record Row(Claim claim, ClaimVerdict verdict) {
    /** The verdict column: the verdict's name, or {@link #NOT_VERIFIED}. */
    public String verdictName() {
      return verdict == null ? NOT_VERIFIED : verdict.verdict().name();
    }

    /** The confidence column: three decimals, empty when not verified. */
    public String confidenceText() {
      return verdict == null ? "" : String.format(Locale.ROOT, "%.3f", verdict.confidence());
    }

    /** The PubMed link column: the best evidence's page, or a PubMed search for all the evidence. */
    public String pubmedLink() {
      if (verdict == null) {
        return "";
      }
      // Only PubMed records have a URL; corpus documents' ids are not PMIDs.
      return link(verdict.best(), verdict.evidence().stream().filter(a -> a.url() != null)
          .map(AbstractEvidence::id).toList());
    }

    /** The evidence_pmids column: every abstract that takes a stance (not retracted), space-separated. */
    public String evidencePmids() {
      return verdict == null ? "" : String.join(" ", verdict.evidence().stream().map(AbstractEvidence::id).toList());
    }
  }

  /**
   * A row of a claims-report.csv written earlier, as text: what the changes report compares with.
   *
   * @param verdict the verdict column (a verdict name or NOT_VERIFIED)
   * @param evidencePmids the evidence_pmids column (empty in reports written before it was read back)
   */
  public record ReportedClaim(String claimId, String articleUrl, String articleTitle, String claim, String verdict,
      String confidence, String pubmedLink, String evidencePmids) {}

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
      List<String> retracted = v == null ? List.of() : v.retracted().stream().map(AbstractEvidence::id).toList();
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
          row.verdictName(),
          row.confidenceText(),
          v == null ? "" : v.supporting(),
          v == null ? "" : v.contradicting(),
          best == null ? "" : best.id(),
          // One line: corpus sentences may end in white space and line breaks (SciFact's do), which made cells of
          // several lines.
          best == null || v.bestSentence() == null ? ""
              : WHITE_SPACE.matcher(v.bestSentence().text()).replaceAll(" ").strip(),
          best == null ? "" : best.design().label(),
          best == null || best.year() == null ? "" : best.year(),
          row.evidencePmids(),
          row.pubmedLink(),
          String.join(" ", retracted)
      };
      for (Object cell : cells) {
        csv.print(cell(cell, excel));
      }
      csv.println();
    }
    csv.flush();
  }

  /**
   * Reads a claims-report.csv written by this or an earlier version (columns are found by name; absent ones read as
   * empty). A report written for Excel is recognised by its byte-order mark and its neutralised cells are restored.
   */
  public static List<ReportedClaim> read(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      r.mark(1);
      boolean excel = r.read() == '\ufeff';
      if (!excel) {
        r.reset();
      }
      List<ReportedClaim> out = new ArrayList<>();
      CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
      for (CSVRecord rec : parser) {
        out.add(new ReportedClaim(cell(rec, ReportColumn.claim_id, excel), cell(rec, ReportColumn.article_url, excel),
            cell(rec, ReportColumn.article_title, excel), cell(rec, ReportColumn.claim, excel),
            cell(rec, ReportColumn.verdict, excel), cell(rec, ReportColumn.confidence, excel),
            cell(rec, ReportColumn.pubmed_link, excel), cell(rec, ReportColumn.evidence_pmids, excel)));
      }
      return out;
    } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
      throw new IOException("not a claims report: " + e.getMessage(), e);
    }
  }

  private static String cell(CSVRecord rec, ReportColumn column, boolean excel) {
    if (!rec.isMapped(column.name()) || !rec.isSet(column.name())) {
      return "";
    }
    String v = rec.get(column.name());
    return excel ? restore(v) : v;
  }

  /** Undoes {@link #neutralise}: an apostrophe before a formula character goes. */
  static String restore(String cell) {
    return cell.startsWith("'") && startsFormula(cell) ? cell.substring(1) : cell;
  }

  /**
   * Whether {@code s}, its leading apostrophes aside, starts with a character a spreadsheet reads as a formula; a
   * plain number written as text ({@code -0.0123}) is a number, not a formula.
   */
  private static boolean startsFormula(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == '\'') {
      i++;
    }
    return i < s.length() && "=+-@\t\r".indexOf(s.charAt(i)) >= 0 && !s.matches("-?\\d+(\\.\\d+)?");
  }

  /** The best evidence's PubMed page, or a PubMed search for all of {@code pmids} (ids of PubMed records). */
  static String link(AbstractEvidence best, List<String> pmids) {
    List<String> numeric = pmids.stream().filter(p -> p.matches("\\d{1,9}")).toList();
    if (numeric.isEmpty()) {
      return best == null || best.url() == null ? "" : best.url();
    }
    if (numeric.size() == 1) {
      return "https://pubmed.ncbi.nlm.nih.gov/" + numeric.getFirst() + "/";
    }
    return "https://pubmed.ncbi.nlm.nih.gov/?term=" + numeric.stream().collect(Collectors.joining("%2C"));
  }

  /**
   * The longest cell written, in chars: Excel holds at most 32,767 characters in a cell and puts the rest of a longer
   * one into the rows below, breaking the table (a page's 48,000-character title did).
   */
  static final int MAX_CELL_CHARS = 32_000;

  /**
   * {@code cell} as written: clipped to {@link #MAX_CELL_CHARS} with an ellipsis, and neutralised for Excel (also
   * {@code search --format csv --excel}'s cells).
   */
  public static Object cell(Object cell, boolean excel) {
    if (cell instanceof String s && s.length() > MAX_CELL_CHARS) {
      int end = MAX_CELL_CHARS - 1;
      if (Character.isHighSurrogate(s.charAt(end - 1))) {
        end--;
      }
      cell = s.substring(0, end) + "\u2026";
    }
    return excel ? neutralise(cell) : cell;
  }

  /** A cell that a spreadsheet would read as a formula gets a leading apostrophe. */
  static Object neutralise(Object cell) {
    // Apostrophes before a formula character get one more, so that restore() gives back exactly what was written.
    if (cell instanceof String s && startsFormula(s)) {
      return "'" + s;
    }
    return cell;
  }
}
