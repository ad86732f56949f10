package org.claimcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.claim.Lexicon;
import org.claimcheck.index.AbstractSearcher;
import org.claimcheck.server.SearchServer;
import org.claimcheck.server.ServerOptions;
import org.claimcheck.verify.TrainedStanceModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code claimcheck serve}: the search API and web page over the abstract index, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {"Serves the abstract index over HTTP: a web page at / and a JSON API (/api/search, "
        + "/api/abstract/{id}, /api/verify, /health). New commits of the index (the nightly run) are picked up "
        + "every few seconds. Stop it with Ctrl-C.",
        "Example: claimcheck serve --index corpus/index --port 8080"})
public final class ServeCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Mixin
  IndexOption indexOption;

  @Mixin
  Bm25Options bm25;

  @Mixin
  RankingOptions ranking;

  @Spec
  CommandSpec spec;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
      description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every "
          + "interface).")
  String bind;

  @Option(names = "--search-threads", paramLabel = "N",
      description = "Threads that run searches (default: one per core, at least 2).")
  Integer searchThreads;

  @Option(names = "--search-timeout", defaultValue = "2000", paramLabel = "MS",
      description = "Deadline of one search in milliseconds, queueing included (default: ${DEFAULT-VALUE}).")
  long searchTimeoutMs;

  @Option(names = "--refresh", defaultValue = "5", paramLabel = "SECONDS",
      description = "How often to look for a new index commit (default: ${DEFAULT-VALUE}).")
  long refreshSeconds;

  @Option(names = "--client-timeout", defaultValue = "10", paramLabel = "SECONDS",
      description = "A client must send its request, and read the response, within this time, or the connection "
          + "is closed (default: ${DEFAULT-VALUE}).")
  long clientTimeoutSeconds;

  @Option(names = "--record-cache", paramLabel = "N",
      description = "Records kept in memory for the hits of later searches, 0 for none (default: "
          + AbstractSearcher.DEFAULT_RECORD_CACHE + ", about 20 MB).")
  int recordCache = AbstractSearcher.DEFAULT_RECORD_CACHE;

  @Override
  public Integer call() throws Exception {
    if (recordCache < 0 || recordCache > 10_000_000) {
      throw ClaimcheckException.usage("--record-cache must be between 0 and 10000000", Integer.toString(recordCache),
          null);
    }
    if (port < 0 || port > 65_535) {
      throw ClaimcheckException.usage("--port must be between 0 and 65535", Integer.toString(port), null);
    }
    if (searchThreads != null && (searchThreads < 1 || searchThreads > 256)) {
      throw ClaimcheckException.usage("--search-threads must be between 1 and 256", searchThreads.toString(), null);
    }
    if (searchTimeoutMs < 10 || searchTimeoutMs > 600_000) {
      throw ClaimcheckException.usage("--search-timeout must be between 10 and 600000 ms",
          Long.toString(searchTimeoutMs), null);
    }
    if (refreshSeconds < 1 || refreshSeconds > 86_400) {
      throw ClaimcheckException.usage("--refresh must be between 1 and 86400 seconds", Long.toString(refreshSeconds),
          null);
    }
    if (clientTimeoutSeconds < 1 || clientTimeoutSeconds > 3600) {
      throw ClaimcheckException.usage("--client-timeout must be between 1 and 3600 seconds",
          Long.toString(clientTimeoutSeconds), null);
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw ClaimcheckException.usage("unknown --bind address", bind, "Give an address such as 127.0.0.1 or 0.0.0.0");
    }
    if (!isOfThisMachine(address)) {
      throw ClaimcheckException.usage("--bind must be an address of this machine", bind + " is not one",
          "Give 127.0.0.1 (this machine only), 0.0.0.0 (every interface) or one of this machine's addresses");
    }
    ServerOptions options = ServerOptions.defaults(new InetSocketAddress(address, port))
        .withSearchTimeout(Duration.ofMillis(searchTimeoutMs))
        .withRefreshInterval(Duration.ofSeconds(refreshSeconds))
        .withClientTimeout(Duration.ofSeconds(clientTimeoutSeconds));
    if (searchThreads != null) {
      options = options.withSearchThreads(searchThreads);
    }
    PrintWriter err = spec.commandLine().getErr();
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    boolean served = false;
    try (AbstractSearcher searcher = AbstractSearcher.open(indexOption.index, bm25.bm25(), ranking.settings(), null);
        SearchServer server = start(withCache(searcher, recordCache), options, err)) {
      served = true;
      // Ctrl-C or SIGTERM: let the server and the index close before the JVM ends.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        stopped.countDown();
        try {
          closed.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "claimcheck-serve-stop"));
      err.println("serving " + searcher.size() + " abstracts from " + indexOption.index + " at " + server.uri()
          + " (Ctrl-C to stop)");
      if (!address.isLoopbackAddress()) {
        err.println("warning: listening on " + address.getHostAddress()
            + ": anyone who can reach this machine can query the index");
      }
      err.flush();
      stopped.await();
    } finally {
      if (served) {
        err.println("serve: stopped");
        err.flush();
      }
      closed.countDown();
    }
    return Main.OK;
  }

  private static AbstractSearcher withCache(AbstractSearcher searcher, int capacity) {
    searcher.recordCache(capacity);
    return searcher;
  }

  private static SearchServer start(AbstractSearcher searcher, ServerOptions options, PrintWriter err)
      throws IOException {
    try {
      return SearchServer.start(searcher, TrainedStanceModel.builtin(Lexicon.builtin()), Lexicon.builtin(), options,
          err);
    } catch (BindException e) {
      InetSocketAddress a = options.address();
      String host = a.getAddress().getHostAddress();
      String where = (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
      boolean inUse = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("in use");
      throw new ClaimcheckException("cannot listen on " + where, e.getMessage(), inUse
          ? "Choose another --port (or --port 0 for any free one)"
          : "Check --bind (an address of this machine) and --port (below 1024 needs root)");
    }
  }

  /** Whether a server can listen on {@code address} here: any, loopback, or an address of one of the interfaces. */
  private static boolean isOfThisMachine(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
      return true;
    }
    try {
      return NetworkInterface.getByInetAddress(address) != null;
    } catch (java.net.SocketException e) {
      return true; // the listen says what is wrong
    }
  }
}
