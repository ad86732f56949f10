package org.claimcheck.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --index DIR} option, shared by the commands that read or write the abstract index. */
public final class IndexOption {
  @Option(names = "--index", paramLabel = "DIR", defaultValue = "corpus/index",
      description = "The Lucene index folder (default: ${DEFAULT-VALUE}).")
  Path index;
}
