package org.claimcheck.cli;

import picocli.CommandLine.Option;

/** Options every command has. */
public final class CommonOptions {
  @Option(names = {"-v", "--verbose"}, description = "Print stack traces with errors.")
  boolean verbose;
}
