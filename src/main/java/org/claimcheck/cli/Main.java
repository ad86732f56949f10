package org.claimcheck.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.claimcheck.ClaimcheckException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code claimcheck} command line: one picocli subcommand per stage. Exit codes: 0 ok, 1 failure, 2 usage error, 3
 * an evaluation outside its expected range. Errors are one line on stderr,
 * {@code error: <what failed> (<context>). <what to do>}; the stack trace only with {@code --verbose}.
 */
@Command(
    name = "claimcheck",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    versionProvider = Main.Version.class,
    description = "Checks health claims on the web against PubMed abstracts.",
    synopsisSubcommandLabel = "COMMAND",
    commandListHeading = "%nCommands:%n",
    footerHeading = "%n",
    footer = {"Run 'claimcheck COMMAND --help' for a command's options.",
        "Exit codes: 0 ok, 1 failure, 2 usage error, 3 evaluation outside its expected range."},
    subcommands = {
        RunCommand.class,
        FetchCommand.class,
        TextCommand.class,
        ExtractCommand.class,
        PubmedCommand.class,
        IndexCommand.class,
        SearchCommand.class,
        VerifyCommand.class,
        StanceCommand.class,
        ServeCommand.class,
        EvalCommand.class,
        CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;
  public static final int EVAL_OUT_OF_RANGE = 3;

  /** Lucene announces its vector setup at INFO through java.util.logging; keep stderr for what users need. */
  private static final java.util.logging.Logger LUCENE_LOG = quiet("org.apache.lucene");

  @Spec
  CommandSpec spec;

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger(name);
    log.setLevel(java.util.logging.Level.WARNING);
    return log;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = execute(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the command line with the given writers and returns the exit code; tests call this. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    boolean verbose = Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    giveVersion(cl, new Version()); // every command lists -V/--version: each prints it, not only claimcheck's
    cl.setParameterExceptionHandler((ex, params) -> {
      CommandLine cmd = ex.getCommandLine();
      err.println("error: " + oneLine(ex.getMessage()) + ". Run '" + cmd.getCommandSpec().qualifiedName()
          + " --help' for usage.");
      err.flush();
      return USAGE;
    });
    cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
      if (ex instanceof ClaimcheckException ce) {
        err.println("error: " + ce.oneLine());
        if (verbose) {
          ce.printStackTrace(err);
        }
        err.flush();
        return ce.exitCode();
      }
      if (ex instanceof CommandLine.ParameterException pe) {
        err.println("error: " + oneLine(pe.getMessage()) + ". Run '" + cmd.getCommandSpec().qualifiedName()
            + " --help' for usage.");
        err.flush();
        return USAGE;
      }
      err.println("error: " + oneLine(String.valueOf(ex)) + " (internal error in '"
          + cmd.getCommandSpec().qualifiedName() + "'). Please report it with the output of --verbose");
      if (verbose) {
        ex.printStackTrace(err);
      }
      err.flush();
      return FAILURE;
    });
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      err.println("error: out of memory (" + e.getMessage()
          + "). Give Java more memory, e.g. CLAIMCHECK_JAVA_OPTS=-Xmx8g ./claimcheck ...");
      err.flush();
      return FAILURE;
    }
  }

  private static void giveVersion(CommandLine cl, CommandLine.IVersionProvider version) {
    cl.getCommandSpec().versionProvider(version);
    cl.getSubcommands().values().forEach(sub -> giveVersion(sub, version));
  }

  private static String oneLine(String s) {
    String line = s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    // picocli starts some messages with "Error: " ("Missing required argument"): ours says "error: " already.
    return line.regionMatches(true, 0, "error: ", 0, 7) ? line.substring(7) : line;
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"claimcheck " + (v == null ? "dev" : v),
          "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
  }
}
