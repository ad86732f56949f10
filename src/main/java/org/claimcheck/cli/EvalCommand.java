package org.claimcheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code claimcheck eval}: scores on public benchmarks, checked against recorded expectations. Each suite is a
 * subcommand in its own class.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {"Scores claimcheck on public benchmarks. When the inputs (by checksum) and options match a recorded "
        + "expectation, each metric is checked against its expected value and tolerance; a metric outside it in "
        + "either direction exits with code 3."},
    synopsisSubcommandLabel = "SUITE",
    subcommands = {EvalArticleExtractionCommand.class, EvalBeirCommand.class, EvalScifactCommand.class})
public final class EvalCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "an evaluation suite is required");
  }
}
