package org.claimcheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Searches that overstay their deadline or find a full queue are answered 503, and never hold up the other lane. */
class SearchLanesTest {
  @Test
  void deadlinesQueuesAndLanes() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (SearchLanes lanes = new SearchLanes(1, 1, 1, 1, Duration.ofMillis(1000))) {
      // A search that hangs: answered 503 at the deadline, while it keeps its thread.
      CompletableFuture<ApiException> hung = CompletableFuture.supplyAsync(() -> assertThrows(ApiException.class,
          () -> lanes.run(false, () -> {
            started.countDown();
            release.await();
            return 1;
          })));
      started.await();
      // The lane's one thread is taken: the next search waits in the queue (size 1), the one after is turned away.
      CompletableFuture<ApiException> queued = CompletableFuture.supplyAsync(() -> assertThrows(ApiException.class,
          () -> lanes.run(false, () -> 2)));
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (lanes.queued(false) == 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertEquals(1, lanes.queued(false));
      ApiException busy = assertThrows(ApiException.class, () -> lanes.run(false, () -> 3));
      assertEquals(503, busy.status());
      assertEquals("server busy", busy.error());
      // The other lane is free.
      assertEquals(4, lanes.run(true, () -> 4));

      ApiException late = hung.get();
      assertEquals(503, late.status());
      assertEquals("search took too long", late.error());
      assertEquals("no result within 1000 ms", late.detail());
      assertEquals("search took too long", queued.get().error());
      assertEquals(1, lanes.rejected());
      assertEquals(2, lanes.timedOut());
      assertEquals(1, lanes.active(), "the hung search still holds its thread");
      release.countDown();
      // Once it ends the lane serves again; the queued search was cancelled and never ran.
      assertEquals(5, lanes.run(false, () -> 5));
    }
  }

  @Test
  void exceptionsOfTheTaskComeBackUnwrapped() {
    try (SearchLanes lanes = new SearchLanes(1, 1, 1, 1, Duration.ofSeconds(5))) {
      ApiException e = assertThrows(ApiException.class, () -> lanes.run(false, () -> {
        throw ApiException.badRequest("bad query", "x", null);
      }));
      assertEquals(400, e.status());
      IllegalStateException ise = assertThrows(IllegalStateException.class, () -> lanes.run(true, () -> {
        throw new IllegalStateException("boom");
      }));
      assertTrue(ise.getMessage().contains("boom"));
    }
  }
}
