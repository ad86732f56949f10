package org.claimcheck.cli;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.claimcheck.ClaimcheckException;
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
        + "probabilities, using the trained cross-encoder (or --stance-model).",
        "Input: a CSV with a header and the columns claim and evidence.",
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
    return Main.OK;
  }

  private static String fmt(double p) {
    return String.format(Locale.ROOT, "%.4f", p);
  }
}
