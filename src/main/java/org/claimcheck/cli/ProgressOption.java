package org.claimcheck.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.function.Supplier;
import org.claimcheck.batch.Progress;
import picocli.CommandLine.Option;

/** The {@code --progress MODE} option, shared by the commands that run long ({@code run}, {@code index}). */
public final class ProgressOption {
  /** How progress is shown. */
  enum ProgressMode { auto, bar, plain, none }

  @Option(names = "--progress", paramLabel = "MODE",
      description = "auto (bars on a terminal, plain lines otherwise), bar, plain or none (default: auto).")
  ProgressMode progress;

  /** Progress on {@code err} as the option asks, else {@code auto}. */
  Progress progress(PrintWriter err) {
    return progress(err, () -> ProgressMode.auto);
  }

  /** Progress on {@code err} as the option asks, else as {@code fallback} says (asked only then). */
  Progress progress(PrintWriter err, Supplier<ProgressMode> fallback) {
    return new Progress(mode(progress != null ? progress : fallback.get()), err);
  }

  private static Progress.Mode mode(ProgressMode m) {
    return switch (m) {
      case bar -> Progress.Mode.BAR;
      case plain -> Progress.Mode.PLAIN;
      case none -> Progress.Mode.NONE;
      case auto -> onTerminal() ? Progress.Mode.BAR : Progress.Mode.PLAIN;
    };
  }

  /**
   * Whether stderr most likely shows on a terminal. Before Java 22 {@code System.console()} is null unless the
   * process is attached to one; from Java 22 it is never null and {@code Console.isTerminal()} tells.
   */
  private static boolean onTerminal() {
    Console console = System.console();
    if (console == null || "dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
