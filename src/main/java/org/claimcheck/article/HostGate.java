package org.claimcheck.article;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Thread-safe. Politeness per host: at most {@code concurrency} requests to a host at a time, and the starts of two
 * requests to the same host at least its delay apart (the configured delay, raised by the site's robots.txt
 * Crawl-delay).
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
    long nextStart = Long.MIN_VALUE;

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

  /** Raises a host's delay to its robots.txt Crawl-delay (the caller refuses sites whose delay is too long). */
  void crawlDelay(String name, Duration crawlDelay) {
    Host h = host(name);
    synchronized (h) {
      h.delayNanos = Math.max(h.delayNanos, crawlDelay.toNanos());
    }
  }

  /**
   * Waits for a turn at {@code name}: a free slot, then the host's delay since the last start. Returns false, holding
   * nothing, when the turn would come after {@code deadlineNanos} ({@link System#nanoTime()} scale).
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
      start = h.nextStart == Long.MIN_VALUE ? now : Math.max(now, h.nextStart);
      if (start - deadlineNanos > 0) {
        h.permits.release();
        return false;
      }
      h.nextStart = start + h.delayNanos;
    }
    try {
      sleeper.sleep(Duration.ofNanos(start - now));
    } catch (InterruptedException e) {
      h.permits.release();
      throw e;
    }
    return true;
  }

  /** Ends a turn taken with {@link #enter}. */
  void leave(String name) {
    host(name).permits.release();
  }
}
