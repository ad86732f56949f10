package org.claimcheck.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Tally;
import org.claimcheck.TextFiles;
import org.claimcheck.claim.ClaimsFile;
import org.claimcheck.verify.StanceModel;
import org.claimcheck.verify.StanceScores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code claimcheck stance}: stance of given evidence toward given claims. */
@Command(name = "stance", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {"Judges the stance of evidence sentences toward claims: SUPPORTS, REFUTES or NEUTRAL, with "
        + "probabilities, using the trained model (logistic regressions over cheap features; or --stance-model).",
        "Input: a CSV with a header and the columns claim and evidence (in any case; a UTF-8 byte-order mark, as "
            + "Excel writes, is fine). Rows with an empty claim or evidence are skipped and counted on stderr.",
        "Example: claimcheck stance --pairs pairs.csv --output stance.csv"})
public final class StanceCommand implements Callable<Integer> {
  /** Output columns. */
  enum Column { claim, evidence, stance, p_supports, p_refutes, p_neutral }

  @Mixin
  CommonOptions common;

  @Mixin
  StanceModelOptions stanceModel;

  @Spec
  CommandSpec spec;

  @Option(names = "--pairs", required = true, paramLabel = "FILE.csv", description = "claim,evidence pairs.")
  Path pairs;

  @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of stdout.")
  Path output;

  @Override
  public Integer call() throws Exception {
    Outputs.requireFile(pairs, "pairs file", "Give a CSV with a header and the columns claim and evidence");
    stanceModel.check();
    Outputs.checkWritable(output);
    Tally tally = new Tally("stance");
    List<String[]> rows = readPairs(pairs, tally);
    if (rows.isEmpty()) {
      // No row with both a claim and evidence (none at all, or only skipped ones): the run judged nothing, and scripts
      // should know (exit 1); no output is written, not even its header.
      tally.print(spec.commandLine().getErr());
      long skipped = tally.total();
      throw new ClaimcheckException("no row to judge in " + pairs, skipped == 0 ? "only a header"
          : skipped + (skipped == 1 ? " row" : " rows") + " skipped, counted above",
          "Give at least one row with both a claim and its evidence, under the header claim,evidence");
    }
    StanceModel model = stanceModel.open();
    List<StanceScores> scores = new ArrayList<>(rows.size());
    try {
      // One call per claim, so the model batches each claim's evidence.
      Map<String, List<Integer>> byClaim = new LinkedHashMap<>();
      for (int i = 0; i < rows.size(); i++) {
        byClaim.computeIfAbsent(rows.get(i)[0], k -> new ArrayList<>()).add(i);
        scores.add(null);
      }
      for (var e : byClaim.entrySet()) {
        List<StanceScores> s = model.score(e.getKey(), e.getValue().stream().map(i -> rows.get(i)[1]).toList());
        for (int j = 0; j < s.size(); j++) {
          scores.set(e.getValue().get(j), s.get(j));
        }
      }
    } finally {
      StanceModelOptions.close(model);
    }
    Outputs.write(output, spec.commandLine().getOut(), w -> {
      CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(Column.class).get());
      for (int i = 0; i < rows.size(); i++) {
        String[] row = rows.get(i);
        StanceScores s = scores.get(i);
        String label = switch (s.label()) {
          case SUPPORT -> "SUPPORTS";
          case CONTRADICT -> "REFUTES";
          case NEUTRAL -> "NEUTRAL";
        };
        csv.printRecord(row[0], row[1], label, fmt(s.support()), fmt(s.contradict()), fmt(s.neutral()));
      }
      csv.flush();
    });
    tally.print(spec.commandLine().getErr());
    return Main.OK;
  }

  /**
   * The pairs of {@code file} with both a claim and evidence. The header names the columns claim and evidence in any
   * case, with spaces around them or a byte-order mark before them (Excel's "CSV UTF-8"); other columns are ignored.
   * A row with an empty (or blank) claim or evidence is counted as skipped in {@code tally}, named by its row as a
   * spreadsheet numbers it (the header is row 1).
   */
  static List<String[]> readPairs(Path file, Tally tally) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (Reader r = TextFiles.reader(file);
        CSVParser parser = CSVFormat.RFC4180.parse(r)) {
      Iterator<CSVRecord> records = parser.iterator();
      int claimColumn = -1;
      int evidenceColumn = -1;
      List<String> names = new ArrayList<>();
      if (records.hasNext()) {
        CSVRecord header = records.next();
        for (int i = 0; i < header.size(); i++) {
          String name = columnName(header.get(i));
          names.add(name);
          if (name.equals(Column.claim.name())) {
            claimColumn = uniqueColumn(file, name, claimColumn, i);
          } else if (name.equals(Column.evidence.name())) {
            evidenceColumn = uniqueColumn(file, name, evidenceColumn, i);
          }
        }
      }
      if (claimColumn < 0 || evidenceColumn < 0) {
        String found = names.isEmpty() ? "no header" : "header " + String.join(",", names);
        throw ClaimcheckException.usage("the pairs CSV needs the columns claim and evidence",
            file + ": " + (found.length() > 100 ? found.substring(0, 99) + "\u2026" : found),
            "Write a header line: claim,evidence");
      }
      while (records.hasNext()) {
        CSVRecord rec = records.next();
        if (rec.size() == 1 && rec.get(0).isBlank()) {
          continue; // a blank line: a row of its own in a spreadsheet (so rows keep its numbers), but nothing to skip
        }
        String claim = rec.size() > claimColumn ? rec.get(claimColumn) : "";
        String evidence = rec.size() > evidenceColumn ? rec.get(evidenceColumn) : "";
        String row = "row " + rec.getRecordNumber();
        if (claim.isBlank()) {
          tally.count("SKIPPED", "empty claim", row);
        } else if (evidence.isBlank()) {
          tally.count("SKIPPED", "empty evidence", row);
        } else {
          tally.count("OK");
          rows.add(new String[] {claim, evidence});
        }
      }
    } catch (java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
      throw ClaimcheckException.usage("malformed pairs CSV", file + ": " + ClaimsFile.csvProblem(e),
          "Write RFC 4180 CSV with a header line: claim,evidence");
    }
    return rows;
  }

  /** A header cell as a column name: trimmed, lower case. */
  private static String columnName(String cell) {
    return cell.strip().toLowerCase(Locale.ROOT);
  }

  /** {@code column}, unless {@code name} already named column {@code seen}: then a usage error. */
  private static int uniqueColumn(Path file, String name, int seen, int column) {
    if (seen >= 0) {
      throw ClaimcheckException.usage("the pairs CSV has two " + name + " columns",
          file + ": columns " + (seen + 1) + " and " + (column + 1), "Keep one column named " + name);
    }
    return column;
  }

  private static String fmt(double p) {
    return String.format(Locale.ROOT, "%.4f", p);
  }
}
