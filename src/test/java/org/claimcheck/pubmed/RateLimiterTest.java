package org.claimcheck.pubmed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  @Test
  void theFirstAnswerStartsTheSpacingAgainBecauseItsRequestArrivedLate() throws InterruptedException {
    // The first request spent its slot opening the connection; the second, sent on time, arrived right behind it.
    AtomicLong now = new AtomicLong(0);
    List<Long> starts = new ArrayList<>();
    RateLimiter limiter = new RateLimiter(3, now::get, nanos -> now.addAndGet(nanos));
    long interval = limiter.intervalNanos();

    limiter.acquire();
    starts.add(now.get());
    now.addAndGet(300_000_000L); // connecting and the answer took 0.3 s
    limiter.answered();
    limiter.acquire();
    starts.add(now.get());
    assertEquals(300_000_000L + interval, starts.get(1), "a full interval after the first answer, not 0.33 s after"
        + " its start");

    // Later answers change nothing: requests leave when their slot comes.
    now.addAndGet(50_000_000L);
    limiter.answered();
    limiter.acquire();
    starts.add(now.get());
    assertEquals(starts.get(1) + interval, starts.get(2));
  }
}
