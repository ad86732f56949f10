package org.claimcheck.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Java main run as a child process, with this test JVM's java and class path, so that tests can kill it for real
 * ({@link Process#destroyForcibly()} is SIGKILL on Linux: no shutdown hooks, no finally blocks). Its stdout and stderr
 * are merged and collected line by line.
 */
public final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;

  private ChildJvm(Process process) {
    this.process = process;
    this.reader = Thread.ofPlatform().daemon().start(() -> read(process.getInputStream()));
  }

  public static ChildJvm start(Class<?> main, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), main.getName()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    return new ChildJvm(pb.start());
  }

  private void read(InputStream in) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // the process is gone
    }
  }

  public long pid() {
    return process.pid();
  }

  /** Waits until the child printed more than {@code n} lines, or ended; true when it printed them. */
  public boolean awaitLines(int n, long timeoutMillis) throws InterruptedException {
    long end = System.currentTimeMillis() + timeoutMillis;
    synchronized (lines) {
      while (lines.size() <= n && process.isAlive()) {
        long left = end - System.currentTimeMillis();
        if (left <= 0) {
          return false;
        }
        lines.wait(Math.min(left, 50));
      }
      return lines.size() > n;
    }
  }

  /** Waits until some line contains {@code text}; false when the child ended first or time ran out. */
  public boolean awaitLine(String text, long timeoutMillis) throws InterruptedException {
    long end = System.currentTimeMillis() + timeoutMillis;
    synchronized (lines) {
      while (true) {
        if (lines.stream().anyMatch(l -> l.contains(text))) {
          return true;
        }
        long left = end - System.currentTimeMillis();
        if (left <= 0 || !process.isAlive()) {
          return lines.stream().anyMatch(l -> l.contains(text));
        }
        lines.wait(Math.min(left, 50));
      }
    }
  }

  /** SIGKILL, then waits for the process to be gone; returns its exit code (137 when the kill landed). */
  public int kill() throws InterruptedException {
    process.destroyForcibly();
    return waitFor(30_000);
  }

  /** Waits for the child to end by itself; -1 when it did not in time. */
  public int waitFor(long timeoutMillis) throws InterruptedException {
    if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
      return -1;
    }
    reader.join(5_000);
    return process.exitValue();
  }

  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
