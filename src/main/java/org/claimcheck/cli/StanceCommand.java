package org.claimcheck.cli;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.verify.RuleStanceModel;
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
        + "probabilities.",
        "Input: a CSV with a header and the columns claim and evidence.",
        "Example: claimcheck stance --pairs pairs.csv --output stance.csv"})
public final class StanceCommand implements Callable<Integer> {
  /** Output columns. */
  enum Column { claim, evidence, stance, p_supports, p_refutes, p_neutral }

  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Option(names = "--pairs", required = true, paramLabel = "FILE.csv", description = "claim,evidence pairs.")
  Path pairs;

  @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of stdout.")
  Path output;

  @Override
  public Integer call() throws Exception {
    Outputs.requireFile(pairs, "pairs file", "Give a CSV with a header and the columns claim and evidence");
    Outputs.checkWritable(output);
    List<String[]> rows = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(pairs, StandardCharsets.UTF_8)) {
      var format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
      var parser = format.parse(r);
      if (!parser.getHeaderMap().containsKey("claim") || !parser.getHeaderMap().containsKey("evidence")) {
        throw ClaimcheckException.usage("the pairs CSV needs the columns claim and evidence", pairs.toString(),
            "Write a header line: claim,evidence");
      }
      for (CSVRecord rec : parser) {
        rows.add(new String[] {rec.get("claim"), rec.get("evidence")});
      }
    } catch (java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
      throw ClaimcheckException.usage("malformed pairs CSV", pairs + ": " + e.getMessage(),
          "Write RFC 4180 CSV with a header line: claim,evidence");
    }
    StanceModel model = new RuleStanceModel();
    Outputs.write(output, spec.commandLine().getOut(), w -> {
      CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(Column.class).get());
      for (String[] row : rows) {
        StanceScores s = model.score(row[0], List.of(row[1])).getFirst();
        String label = switch (s.label()) {
          case SUPPORT -> "SUPPORTS";
          case CONTRADICT -> "REFUTES";
          case NEUTRAL -> "NEUTRAL";
        };
        csv.printRecord(row[0], row[1], label, fmt(s.support()), fmt(s.contradict()), fmt(s.neutral()));
      }
      csv.flush();
    });
    return Main.OK;
  }

  private static String fmt(double p) {
    return String.format(Locale.ROOT, "%.4f", p);
  }
}
