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

  long intervalNanos() {
    return intervalNanos;
  }
}
