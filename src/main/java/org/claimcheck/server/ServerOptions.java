package org.claimcheck.server;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Thread-safe (immutable). How the search server listens and what it allows; README "Serve" documents the defaults.
 *
 * @param address where to listen (port 0: any free port)
 * @param maxQueryLength characters of a search query
 * @param maxClaimLength characters of a claim to verify
 * @param maxPageSize results per page
 * @param maxResults how deep paging may go: page x size
 * @param searchThreads threads of the main search lane
 * @param searchQueue searches that may wait for a main-lane thread; more are answered 503
 * @param multiTermThreads threads of the lane for wildcard, regular-expression and fuzzy searches
 * @param multiTermQueue searches that may wait for that lane
 * @param maxConcurrentRequests requests handled at once (static files included); more are answered 503
 * @param searchTimeout deadline of a search, queueing included; later it is answered 503
 * @param refreshInterval how often to look for a new index commit
 * @param clientTimeout how long a client may take to send its request or read the response, after which the
 *     connection is closed (the JDK server's request/response timers; they apply to the whole JVM)
 */
public record ServerOptions(
    InetSocketAddress address,
    int maxQueryLength,
    int maxClaimLength,
    int maxPageSize,
    int maxResults,
    int searchThreads,
    int searchQueue,
    int multiTermThreads,
    int multiTermQueue,
    int maxConcurrentRequests,
    Duration searchTimeout,
    Duration refreshInterval,
    Duration clientTimeout) {

  public ServerOptions {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(searchTimeout, "searchTimeout");
    Objects.requireNonNull(refreshInterval, "refreshInterval");
    Objects.requireNonNull(clientTimeout, "clientTimeout");
    positive("maxQueryLength", maxQueryLength);
    positive("maxClaimLength", maxClaimLength);
    positive("maxPageSize", maxPageSize);
    positive("searchThreads", searchThreads);
    positive("searchQueue", searchQueue);
    positive("multiTermThreads", multiTermThreads);
    positive("multiTermQueue", multiTermQueue);
    positive("maxConcurrentRequests", maxConcurrentRequests);
    if (maxResults < maxPageSize || maxResults > 10_000) {
      throw new IllegalArgumentException("maxResults must be between maxPageSize and 10000: " + maxResults);
    }
    if (searchTimeout.isNegative() || searchTimeout.isZero() || refreshInterval.isNegative()
        || refreshInterval.isZero() || clientTimeout.toSeconds() < 1) {
      throw new IllegalArgumentException("timeouts must be positive (the exchange time at least 1 s)");
    }
  }

  private static void positive(String name, int v) {
    if (v < 1) {
      throw new IllegalArgumentException(name + " must be at least 1: " + v);
    }
  }

  /** The defaults, listening on {@code address}. */
  public static ServerOptions defaults(InetSocketAddress address) {
    int cores = Runtime.getRuntime().availableProcessors();
    return new ServerOptions(address, 1000, 1000, 50, 500, Math.max(2, cores), 256, Math.max(1, cores / 4), 64, 512,
        Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  public ServerOptions withAddress(InetSocketAddress a) {
    return new ServerOptions(a, maxQueryLength, maxClaimLength, maxPageSize, maxResults, searchThreads, searchQueue,
        multiTermThreads, multiTermQueue, maxConcurrentRequests, searchTimeout, refreshInterval, clientTimeout);
  }

  public ServerOptions withSearchThreads(int threads) {
    return new ServerOptions(address, maxQueryLength, maxClaimLength, maxPageSize, maxResults, threads, searchQueue,
        multiTermThreads, multiTermQueue, maxConcurrentRequests, searchTimeout, refreshInterval, clientTimeout);
  }

  public ServerOptions withSearchTimeout(Duration timeout) {
    return new ServerOptions(address, maxQueryLength, maxClaimLength, maxPageSize, maxResults, searchThreads,
        searchQueue, multiTermThreads, multiTermQueue, maxConcurrentRequests, timeout, refreshInterval,
        clientTimeout);
  }

  public ServerOptions withRefreshInterval(Duration interval) {
    return new ServerOptions(address, maxQueryLength, maxClaimLength, maxPageSize, maxResults, searchThreads,
        searchQueue, multiTermThreads, multiTermQueue, maxConcurrentRequests, searchTimeout, interval,
        clientTimeout);
  }

  public ServerOptions withClientTimeout(Duration timeout) {
    return new ServerOptions(address, maxQueryLength, maxClaimLength, maxPageSize, maxResults, searchThreads,
        searchQueue, multiTermThreads, multiTermQueue, maxConcurrentRequests, searchTimeout, refreshInterval,
        timeout);
  }

  public ServerOptions withPaging(int pageSize, int results) {
    return new ServerOptions(address, maxQueryLength, maxClaimLength, pageSize, results, searchThreads, searchQueue,
        multiTermThreads, multiTermQueue, maxConcurrentRequests, searchTimeout, refreshInterval, clientTimeout);
  }

  public ServerOptions withQueues(int search, int multiTerm) {
    return new ServerOptions(address, maxQueryLength, maxClaimLength, maxPageSize, maxResults, searchThreads, search,
        multiTermThreads, multiTerm, maxConcurrentRequests, searchTimeout, refreshInterval, clientTimeout);
  }
}
