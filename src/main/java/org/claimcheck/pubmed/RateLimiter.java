package org.claimcheck.pubmed;

import java.util.function.LongSupplier;

/**
 * Thread-safe. Spaces requests at least {@code 1 / perSecond} apart, as NCBI asks of E-utilities clients (3 requests a
 * second without an API key, 10 with one). The clock and the sleep are injectable so tests run in virtual time.
 */
final class RateLimiter {
  /** Sleeps for a number of nanoseconds. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(long nanos) throws InterruptedException;

    Sleeper REAL = nanos -> {
      if (nanos > 0) {
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
      }
    };
  }

  private final long intervalNanos;
  private final LongSupplier clock;
  private final Sleeper sleeper;
  private long next = Long.MIN_VALUE;
  private boolean answered;

  RateLimiter(double perSecond, LongSupplier clock, Sleeper sleeper) {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("perSecond must be > 0: " + perSecond);
    }
    this.intervalNanos = (long) Math.ceil(1e9 / perSecond);
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Waits until the next request may start, and books that slot. */
  synchronized void acquire() throws InterruptedException {
    long now = clock.getAsLong();
    if (next != Long.MIN_VALUE && now < next) {
      sleeper.sleep(next - now);
      now = clock.getAsLong();
    }
    next = Math.max(now, next == Long.MIN_VALUE ? now : next) + intervalNanos;
  }

  /**
   * Tells that a request's answer arrived. The first answer moves the next slot to a full interval after it: the
   * first request of a run spends its slot opening the connection (DNS, TCP, TLS), so it reached NCBI late and the
   * second, sent on time over the open connection, arrived right behind it (4 requests within 0.91 s without a key,
   * where NCBI allows 3 a second). Later requests reuse the connection and leave when their slot comes.
   */
  synchronized void answered() {
    if (!answered) {
      answered = true;
      long now = clock.getAsLong();
      next = Math.max(next == Long.MIN_VALUE ? now : next, now + intervalNanos);
    }
  }

  long intervalNanos() {
    return intervalNanos;
  }
}
