package org.claimcheck.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Tally;
import org.claimcheck.claim.Claim;
import org.claimcheck.claim.ClaimExtractor;
import org.claimcheck.claim.ClaimsFile;
import org.claimcheck.claim.Lexicon;
import org.claimcheck.index.AbstractSearcher;
import org.claimcheck.report.ClaimsReport;
import org.claimcheck.verify.ClaimVerdict;
import org.claimcheck.verify.Predictions;
import org.claimcheck.verify.StanceModel;
import org.claimcheck.verify.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code claimcheck verify}: verdicts for claims. */
@Command(name = "verify", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {"Verifies claims against the abstract index: retrieves abstracts, selects evidence sentences, "
        + "judges their stance and weighs them by study design into a verdict (SUPPORTED, CONTRADICTED, MIXED, "
        + "INSUFFICIENT_EVIDENCE).",
        "Claims: claimcheck's claims.jsonl or claims.csv, SciFact claims .jsonl ({\"id\", \"claim\"}), BEIR "
            + "queries.jsonl ({\"_id\", \"text\"}), or TSV id<TAB>claim.",
        "Example: claimcheck verify --claims claims/claims.jsonl --format scifact --output predictions.jsonl"})
public final class VerifyCommand implements Callable<Integer> {
  enum Format { csv, jsonl, scifact }

  @Mixin
  CommonOptions common;

  @Mixin
  IndexOption indexOption;

  @Mixin
  Bm25Options bm25;

  @Mixin
  RankingOptions ranking;

  @Mixin
  StanceModelOptions stanceModel;

  @Spec
  CommandSpec spec;

  @Option(names = "--claims", required = true, paramLabel = "FILE", description = "The claims to verify.")
  Path claimsFile;

  @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT",
      description = "csv (the report's columns), jsonl (verdicts with all evidence) or scifact (SciFact "
          + "predictions). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of stdout.")
  Path output;

  @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "T", converter = RunCommand.Decimal.class,
      description = "Verify claims with at least this check-worthiness (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Mixin
  VerifierOptions verifier;

  @Option(names = "--excel", description = "CSV for Excel: byte-order mark, formula cells neutralised.")
  boolean excel;

  @Override
  public Integer call() throws Exception {
    Outputs.requireFile(claimsFile, "claims file",
        "Give claims.jsonl or claims.csv from claimcheck extract, or a SciFact claims .jsonl");
    if (!(threshold >= 0 && threshold <= 1)) {
      throw ClaimcheckException.usage("--threshold must be between 0 and 1", Double.toString(threshold), null);
    }
    Verifier.Options options = verifier.options();
    stanceModel.check();
    Outputs.checkWritable(output);
    Tally tally = new Tally("verify");
    List<ClaimsFile.Entry> entries = ClaimsFile.readWithIds(claimsFile);
    // SciFact predictions show no marks, and are matched to the entries' claims as they are.
    List<Claim> claims = format == Format.scifact ? toVerify(entries, tally) : analysed(toVerify(entries, tally));
    List<ClaimVerdict> verdicts = new ArrayList<>();
    long t0 = System.nanoTime();
    StanceModel model = stanceModel.open();
    try (AbstractSearcher searcher = AbstractSearcher.open(indexOption.index, bm25.bm25(), ranking.settings(), null)) {
      Verifier engine = new Verifier(searcher, model, Lexicon.builtin(), options);
      for (Claim c : claims) {
        ClaimVerdict v = engine.verify(c);
        verdicts.add(v);
        tally.count(v.verdict().name());
      }
    } finally {
      StanceModelOptions.close(model);
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    Outputs.write(output, spec.commandLine().getOut(), w -> {
      switch (format) {
        case csv -> ClaimsReport.write(w, LocalDate.now().toString(),
            verdicts.stream().map(v -> new ClaimsReport.Row(v.claim(), v)).toList(), excel);
        case jsonl -> Predictions.writeJsonl(w, verdicts);
        case scifact -> Predictions.writeScifact(w, entries.stream().map(ClaimsFile.Entry::claim).toList(), verdicts);
      }
    });
    var err = spec.commandLine().getErr();
    tally.print(err);
    err.printf(Locale.ROOT, "%d claims verified in %.1f s (%.1f claims/s)%n", claims.size(), secs,
        claims.size() / Math.max(secs, 1e-9));
    return Main.OK;
  }

  /**
   * The claims with what extraction marks of a claim (negation, hedging, subject, ...) where the file gave only their
   * text (an id and a claim: TSV, SciFact, BEIR, a CSV of id and claim); claims from claimcheck's own claims files have
   * theirs. The verdicts do not depend on these marks; the outputs show them.
   */
  private static List<Claim> analysed(List<Claim> claims) {
    if (claims.stream().noneMatch(VerifyCommand::given)) {
      return claims;
    }
    ClaimExtractor extractor = new ClaimExtractor(Lexicon.builtin());
    return claims.stream().map(c -> given(c) ? extractor.analyseGiven(c) : c).toList();
  }

  private static boolean given(Claim c) {
    return c.reasons().equals(List.of(ClaimsFile.GIVEN));
  }

  /**
   * The claims of {@code entries} to verify; each other one counted SKIPPED in {@code tally}, with its id, line and
   * why: check-worthiness below {@code --threshold}, or {@link Verifier#unverifiable}.
   */
  private List<Claim> toVerify(List<ClaimsFile.Entry> entries, Tally tally) {
    String below = "check-worthiness below the threshold " + threshold;
    List<Claim> out = new ArrayList<>();
    for (ClaimsFile.Entry e : entries) {
      Claim c = e.claim();
      String item = c.id() + " (line " + e.line() + ")";
      String why = c.checkWorthiness() < threshold ? below : Verifier.unverifiable(c.claim());
      if (why != null) {
        tally.count("SKIPPED", why, item);
      } else {
        out.add(c);
      }
    }
    return out;
  }
}
