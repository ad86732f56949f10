package org.claimcheck.article;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Thread-safe. Politeness per host: at most {@code concurrency} requests to a host at a time, and each request starts
 * at least the host's delay (the configured delay, raised by the site's robots.txt Crawl-delay) after the previous
 * request started and after the latest one ended, so the server sees the delay between its answer and the next
 * request whatever the connection and the answer took.
 */
final class HostGate {
  /** How the gate waits; tests record the waits instead of sleeping. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;

    Sleeper REAL = d -> {
      if (!d.isNegative() && !d.isZero()) {
        Thread.sleep(d);
      }
    };
  }

  private static final class Host {
    final Semaphore permits;
    long delayNanos;
    boolean used; // a turn has been taken: lastStart and lastEnd are set
    long lastStart; // when the latest turn started, as planned (a recording sleeper does not really wait)
    long lastEnd; // when the latest turn ended

    Host(int concurrency, long delayNanos) {
      this.permits = new Semaphore(concurrency, true);
      this.delayNanos = delayNanos;
    }
  }

  private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();
  private final int concurrency;
  private final long delayNanos;
  private final Sleeper sleeper;

  HostGate(int concurrency, Duration delay, Sleeper sleeper) {
    this.concurrency = concurrency;
    this.delayNanos = delay.toNanos();
    this.sleeper = sleeper;
  }

  private Host host(String name) {
    return hosts.computeIfAbsent(name, k -> new Host(concurrency, delayNanos));
  }

  /**
   * Raises a host's delay to its robots.txt Crawl-delay (the caller refuses sites whose delay is too long); the next
   * turn waits the new delay after the last one, robots.txt's own included.
   */
  void crawlDelay(String name, Duration crawlDelay) {
    Host h = host(name);
    synchronized (h) {
      h.delayNanos = Math.max(h.delayNanos, crawlDelay.toNanos());
    }
  }

  /**
   * Waits for a turn at {@code name}: a free slot, then the host's delay since the last start and the last end.
   * Returns false, holding nothing, when the turn would come after {@code deadlineNanos} ({@link System#nanoTime()}
   * scale). Every turn taken is ended with {@link #leave} once the answer has been read.
   */
  boolean enter(String name, long deadlineNanos) throws InterruptedException {
    Host h = host(name);
    long wait = deadlineNanos - System.nanoTime();
    if (wait <= 0 || !h.permits.tryAcquire(wait, TimeUnit.NANOSECONDS)) {
      return false;
    }
    long now = System.nanoTime();
    long start;
    synchronized (h) {
      start = now;
      if (h.used) {
        long last = h.lastEnd - h.lastStart > 0 ? h.lastEnd : h.lastStart;
        long earliest = last + h.delayNanos;
        start = earliest - now > 0 ? earliest : now;
      }
      if (start - deadlineNanos > 0) {
        h.permits.release();
        return false;
      }
      if (!h.used) {
        h.lastEnd = start;
      }
      h.used = true;
      h.lastStart = start;
    }
    try {
      sleeper.sleep(Duration.ofNanos(start - now));
    } catch (InterruptedException e) {
      h.permits.release();
      throw e;
    }
    return true;
  }

  /** Ends a turn taken with {@link #enter}: the next one waits the host's delay from now. */
  void leave(String name) {
    Host h = host(name);
    synchronized (h) {
      long now = System.nanoTime();
      if (now - h.lastEnd > 0) {
        h.lastEnd = now;
      }
    }
    h.permits.release();
  }
}
