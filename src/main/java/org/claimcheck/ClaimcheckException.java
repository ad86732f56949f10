package org.claimcheck;

import java.util.Objects;

/**
 * A failure a user can act on: what failed, the context it failed in (a file, a URL, an option) and what to do about it.
 *
 * <p>Thread-safe (immutable). The command line prints {@link #oneLine()} as {@code error: <what> (<context>). <fix>}
 * and exits with {@link #exitCode()}; the stack trace is shown only with {@code --verbose}.
 */
public class ClaimcheckException extends RuntimeException {
  /** Exit code of a failure. */
  public static final int FAILURE = 1;
  /** Exit code of a usage error: a bad option, a missing or unreadable input named on the command line. */
  public static final int USAGE = 2;

  private final String what;
  private final String context;
  private final String fix;
  private final int exitCode;

  public ClaimcheckException(String what, String context, String fix) {
    this(what, context, fix, FAILURE, null);
  }

  public ClaimcheckException(String what, String context, String fix, Throwable cause) {
    this(what, context, fix, FAILURE, cause);
  }

  protected ClaimcheckException(String what, String context, String fix, int exitCode, Throwable cause) {
    super(format(what, context, fix), cause);
    this.what = Objects.requireNonNull(what, "what");
    this.context = context;
    this.fix = fix;
    this.exitCode = exitCode;
  }

  /** A usage error (exit code 2): the user named something that cannot work. */
  public static ClaimcheckException usage(String what, String context, String fix) {
    return new ClaimcheckException(what, context, fix, USAGE, null);
  }

  public String what() {
    return what;
  }

  /** The file, URL, option or record the failure is about; may be null. */
  public String context() {
    return context;
  }

  /** What the user can do about it; may be null. */
  public String fix() {
    return fix;
  }

  public int exitCode() {
    return exitCode;
  }

  /** {@code <what> (<context>). <fix>} on one line. */
  public String oneLine() {
    return getMessage();
  }

  private static String format(String what, String context, String fix) {
    StringBuilder sb = new StringBuilder(what);
    if (context != null && !context.isBlank()) {
      sb.append(" (").append(context).append(')');
    }
    if (fix != null && !fix.isBlank()) {
      sb.append(". ").append(fix);
    }
    return sb.toString().replace('\n', ' ').replace('\r', ' ');
  }
}
