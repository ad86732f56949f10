package org.claimcheck.batch;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;

/**
 * Thread-safe. Shows how far each stage of the run has got, on stderr: a bar redrawn in place on a terminal, plain
 * lines when the output goes to a file or a pipe (cron, systemd), or nothing.
 *
 * <p>Plain mode prints a line when a stage starts, when it passes each tenth of its items (at most one line a second,
 * and at least one every ten seconds while items keep coming) and when it ends, so a log shows where a run was when it
 * stopped.
 */
public final class Progress {
  /** How progress is shown. */
  public enum Mode {
    /** A bar redrawn in place: for terminals. */
    BAR,
    /** Plain lines: for logs. */
    PLAIN,
    /** Nothing. */
    NONE
  }

  private static final int BAR_WIDTH = 28;
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final long PLAIN_MIN_NANOS = 1_000_000_000L;
  private static final long PLAIN_MAX_NANOS = 10_000_000_000L;

  private final Mode mode;
  private final PrintWriter err;

  public Progress(Mode mode, PrintWriter err) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.err = Objects.requireNonNull(err, "err");
  }

  /** No progress at all. */
  public static Progress none(PrintWriter err) {
    return new Progress(Mode.NONE, err);
  }

  public Mode mode() {
    return mode;
  }

  /** Starts showing a stage of {@code total} items of {@code unit} ("articles"); close it when the stage ends. */
  public Stage start(String stage, int total, String unit) {
    Stage s = new Stage(stage, total, unit);
    s.begin();
    return s;
  }

  /** Prints a whole line (a warning, say), clearing a bar being drawn first. */
  public synchronized void line(String text) {
    if (mode == Mode.BAR) {
      err.print("\r\033[2K");
    }
    err.println(text);
    err.flush();
  }

  /** Thread-safe. The progress of one stage. */
  public final class Stage implements AutoCloseable {
    private final String name;
    private final int total;
    private final String unit;
    private final long started = System.nanoTime();
    private int done;
    private long lastDraw;
    private int lastTenth = -1;
    private boolean closed;

    private Stage(String name, int total, String unit) {
      this.name = name;
      this.total = Math.max(0, total);
      this.unit = unit;
    }

    private void begin() {
      synchronized (Progress.this) {
        switch (mode) {
          case PLAIN -> {
            err.printf(Locale.ROOT, "[%s] %d %s%n", name, total, unit(total));
            err.flush();
            lastDraw = System.nanoTime();
            lastTenth = 0;
          }
          case BAR -> draw(false);
          case NONE -> { }
        }
      }
    }

    /** One more item done. */
    public void step() {
      synchronized (Progress.this) {
        if (closed) {
          return;
        }
        done++;
        long now = System.nanoTime();
        switch (mode) {
          case PLAIN -> {
            int tenth = total == 0 ? 10 : (int) (10L * done / total);
            boolean passedTenth = tenth > lastTenth && now - lastDraw >= PLAIN_MIN_NANOS;
            boolean quietTooLong = now - lastDraw >= PLAIN_MAX_NANOS;
            if ((passedTenth || quietTooLong || done == 1) && done < total) {
              err.printf(Locale.ROOT, "[%s] %d/%d %s (%d%%)%n", name, done, total, unit(total), percent());
              err.flush();
              lastDraw = now;
              lastTenth = tenth;
            }
          }
          case BAR -> {
            if (now - lastDraw >= REDRAW_NANOS || done == total) {
              draw(false);
              lastDraw = now;
            }
          }
          case NONE -> { }
        }
      }
    }

    public int done() {
      synchronized (Progress.this) {
        return done;
      }
    }

    /** Ends the stage: the bar is drawn complete and ended with a new line; plain mode prints a last line. */
    @Override
    public void close() {
      synchronized (Progress.this) {
        if (closed) {
          return;
        }
        closed = true;
        switch (mode) {
          case PLAIN -> {
            err.printf(Locale.ROOT, "[%s] done: %d/%d %s in %s%n", name, done, total, unit(total), seconds());
            err.flush();
          }
          case BAR -> draw(true);
          case NONE -> { }
        }
      }
    }

    /** "1 file", "2 files". */
    private String unit(int n) {
      return n == 1 && unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    }

    private int percent() {
      return total == 0 ? 100 : (int) (100L * done / total);
    }

    private String seconds() {
      return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9);
    }

    private void draw(boolean last) {
      int filled = total == 0 ? (last ? BAR_WIDTH : 0) : (int) ((long) BAR_WIDTH * done / total);
      StringBuilder bar = new StringBuilder(BAR_WIDTH);
      for (int i = 0; i < BAR_WIDTH; i++) {
        bar.append(i < filled ? '=' : i == filled ? '>' : ' ');
      }
      if (filled >= BAR_WIDTH) {
        bar.setLength(BAR_WIDTH);
      }
      err.printf(Locale.ROOT, "\r\033[2K%-9s [%s] %d/%d %s  %s", name, bar, done, total, unit(total), seconds());
      if (last) {
        err.println();
      }
      err.flush();
    }
  }
}
