package org.claimcheck.server;

import java.io.Closeable;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Thread-safe. Where searches run: two bounded pools of platform threads, each with a bounded queue, and a deadline
 * per task. Plain searches (BM25 words, terms, phrases, verification) take the main lane, one thread per core;
 * wildcard, regular-expression and fuzzy searches take a lane of their own, so that a costly one never holds up the
 * rest. A full queue answers 503 at once; a task not done by its deadline answers 503, and a running task that
 * overstays keeps its thread until it ends (Lucene cannot stop a search from outside), so at most the lane's threads
 * can be spent on overstaying searches.
 *
 * <p>Worker threads are long-lived, so the analyzers' per-thread token streams are reused across requests.
 */
final class SearchLanes implements Closeable {
  /** One lane: a fixed pool with a bounded queue. */
  private static final class Lane {
    final String name;
    final ThreadPoolExecutor pool;

    Lane(String name, int threads, int queue) {
      this.name = name;
      AtomicInteger n = new AtomicInteger();
      this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue),
          r -> {
            Thread t = new Thread(r, "claimcheck-" + name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
          }, new ThreadPoolExecutor.AbortPolicy());
    }
  }

  private final Lane main;
  private final Lane expensive;
  private final Duration timeout;
  private final AtomicLong timedOut = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();

  SearchLanes(int threads, int queue, int expensiveThreads, int expensiveQueue, Duration timeout) {
    this.main = new Lane("search", threads, queue);
    this.expensive = new Lane("search-multiterm", expensiveThreads, expensiveQueue);
    this.timeout = timeout;
  }

  /**
   * Runs {@code task} in the main or the expensive lane and waits for it until the deadline. Exceptions the task
   * throws come back unwrapped.
   */
  <T> T run(boolean costly, Callable<T> task) throws Exception {
    Lane lane = costly ? expensive : main;
    Future<T> future;
    try {
      future = lane.pool.submit(task);
    } catch (RejectedExecutionException e) {
      rejected.incrementAndGet();
      throw ApiException.unavailable("server busy", lane.pool.getQueue().size() + " searches waiting in the "
          + lane.name + " lane", "Retry in a moment");
    }
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // A task still queued leaves the queue and never starts; a running one finishes on its thread and its result
      // is dropped.
      future.cancel(false);
      if (future instanceof Runnable r) {
        lane.pool.remove(r);
      }
      timedOut.incrementAndGet();
      throw ApiException.unavailable("search took too long",
          String.format(Locale.ROOT, "no result within %d ms", timeout.toMillis()),
          costly ? "Give wildcards and regular expressions a longer prefix, or use plain words"
              : "Narrow the query or retry in a moment");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("server shutting down", null, "Retry later");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** Searches answered 503 because they ran past the deadline. */
  long timedOut() {
    return timedOut.get();
  }

  /** Searches answered 503 because a lane's queue was full. */
  long rejected() {
    return rejected.get();
  }

  /** Searches waiting in a lane's queue. */
  int queued(boolean costly) {
    return (costly ? expensive : main).pool.getQueue().size();
  }

  /** Searches running now, in both lanes. */
  int active() {
    return main.pool.getActiveCount() + expensive.pool.getActiveCount();
  }

  @Override
  public void close() {
    main.pool.shutdownNow();
    expensive.pool.shutdownNow();
  }
}
