package org.claimcheck.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.claimcheck.claim.Claim;
import org.claimcheck.claim.ClaimsFile;
import org.claimcheck.claim.Lexicon;
import org.claimcheck.index.AbstractSearcher;
import org.claimcheck.verify.RuleStanceModel;

/**
 * Load benchmark of the search server: N concurrent clients (virtual threads sharing one {@link HttpClient}, closed
 * loop: each sends its next request when the last one is answered) on loopback, for a fixed time per round; prints
 * throughput and latency percentiles per round and their medians over the rounds.
 *
 * <p>Query mixes, all built from SciFact train claims: {@code text} sends each claim as plain words (BM25,
 * {@code syntax=text}); {@code lucene} sends Lucene-syntax queries made from each claim's longest words (AND, OR,
 * phrase with slop, field, exclusion, and one in six a prefix query); {@code verify} asks for a verdict per claim.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.mainClass=org.claimcheck.server.SearchServerBench \
 *   -Dexec.args="--index /tmp/scifact-index --queries ../shared/data/scifact/claims_train.jsonl"
 * </pre>
 *
 * Options: {@code --index DIR} (starts a server in this JVM) or {@code --url http://127.0.0.1:8080/} (a running
 * {@code claimcheck serve}); {@code --queries FILE}; {@code --mix text,lucene[,verify]}; {@code --clients 64};
 * {@code --seconds 20} per round; {@code --warmup 10} seconds; {@code --rounds 3}; {@code --size 10} hits per page.
 */
public final class SearchServerBench {
  private static final Set<String> STOP = Set.of("about", "after", "again", "against", "among", "because", "before",
      "being", "between", "could", "does", "during", "either", "other", "their", "there", "these", "those", "through",
      "under", "which", "while", "whose", "within", "without", "would");

  private SearchServerBench() {}

  record Round(long requests, double seconds, long[] micros, Map<Integer, Long> errors) {
    double throughput() {
      return requests / seconds;
    }

    double percentile(double p) {
      if (micros.length == 0) {
        return Double.NaN;
      }
      int i = (int) Math.ceil(p / 100.0 * micros.length) - 1;
      return micros[Math.max(0, Math.min(micros.length - 1, i))] / 1000.0;
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = new TreeMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
      }
      opt.put(args[i].substring(2), args[i + 1]);
    }
    int clients = Integer.parseInt(opt.getOrDefault("clients", "64"));
    int seconds = Integer.parseInt(opt.getOrDefault("seconds", "20"));
    int warmup = Integer.parseInt(opt.getOrDefault("warmup", "10"));
    int rounds = Integer.parseInt(opt.getOrDefault("rounds", "3"));
    int size = Integer.parseInt(opt.getOrDefault("size", "10"));
    List<String> mixes = List.of(opt.getOrDefault("mix", "text,lucene").split(","));
    List<Claim> claims = ClaimsFile.read(Path.of(opt.getOrDefault("queries",
        "../shared/data/scifact/claims_train.jsonl")));

    AbstractSearcher searcher = null;
    SearchServer server = null;
    URI base;
    if (opt.containsKey("url")) {
      base = URI.create(opt.get("url"));
    } else {
      if (!opt.containsKey("index")) {
        throw new IllegalArgumentException("give --index DIR (a server in this JVM) or --url (a running server)");
      }
      searcher = AbstractSearcher.open(Path.of(opt.get("index")), AbstractSearcher.Bm25.DEFAULT);
      server = SearchServer.start(searcher, new RuleStanceModel(), Lexicon.builtin(),
          ServerOptions.defaults(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
          new PrintWriter(System.err, true));
      base = server.uri();
    }
    System.out.printf(Locale.ROOT, "server %s; %d clients; %d s warm-up, %d rounds of %d s; %d claims; %d cores%n",
        base, clients, warmup, rounds, seconds, claims.size(), Runtime.getRuntime().availableProcessors());
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try {
      for (String mix : mixes) {
        List<URI> requests = requests(base, mix.strip(), claims, size);
        run(http, requests, clients, warmup);
        List<Round> results = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
          Round round = run(http, requests, clients, seconds);
          results.add(round);
          print(mix + " round " + r, round);
        }
        System.out.printf(Locale.ROOT, "%-14s median of %d rounds: %8.0f req/s   p50 %7.2f ms   p99 %7.2f ms%n",
            mix, rounds, median(results.stream().mapToDouble(Round::throughput).toArray()),
            median(results.stream().mapToDouble(x -> x.percentile(50)).toArray()),
            median(results.stream().mapToDouble(x -> x.percentile(99)).toArray()));
      }
    } finally {
      http.close();
      if (server != null) {
        server.close();
      }
      if (searcher != null) {
        searcher.close();
      }
    }
  }

  static List<URI> requests(URI base, String mix, List<Claim> claims, int size) {
    List<URI> out = new ArrayList<>();
    for (int i = 0; i < claims.size(); i++) {
      String claim = claims.get(i).claim();
      String path = switch (mix) {
        case "text" -> "/api/search?syntax=text&size=" + size + "&q=" + enc(claim);
        case "lucene" -> {
          String q = lucene(claim, i);
          yield q == null ? null : "/api/search?size=" + size + "&q=" + enc(q);
        }
        case "verify" -> "/api/verify?claim=" + enc(claim);
        default -> throw new IllegalArgumentException("unknown mix " + mix + ": text, lucene or verify");
      };
      if (path != null) {
        out.add(base.resolve(path));
      }
    }
    return out;
  }

  /** A Lucene-syntax query from the claim's longest words; the form rotates with {@code i}. */
  static String lucene(String claim, int i) {
    Set<String> words = new LinkedHashSet<>();
    for (String w : claim.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
      if (w.length() >= 5 && !STOP.contains(w)) {
        words.add(w);
      }
    }
    List<String> w = new ArrayList<>(words);
    w.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    if (w.size() < 3) {
      return null;
    }
    String a = w.get(0);
    String b = w.get(1);
    String c = w.get(2);
    return switch (i % 6) {
      case 0 -> a + " AND " + b;
      case 1 -> "\"" + a + " " + b + "\"~10 " + c;
      case 2 -> "title:" + a + " OR " + b + " OR " + c;
      case 3 -> "+" + a + " " + b + " -" + c;
      case 4 -> "(" + a + " OR " + b + ") AND " + c;
      default -> a.substring(0, 5) + "* AND " + b;
    };
  }

  static Round run(HttpClient http, List<URI> requests, int clients, int seconds) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicLong count = new AtomicLong();
    Map<Integer, Long> errors = new ConcurrentHashMap<>();
    long[][] latencies = new long[clients][];
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < clients; c++) {
        int id = c;
        pool.submit(() -> {
          long[] mine = new long[1024];
          int n = 0;
          while (System.nanoTime() < end) {
            URI uri = requests.get(Math.floorMod(next.getAndIncrement(), requests.size()));
            long t0 = System.nanoTime();
            int status;
            try {
              status = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                  HttpResponse.BodyHandlers.ofByteArray()).statusCode();
            } catch (IOException e) {
              status = -1;
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
            long t = (System.nanoTime() - t0) / 1000;
            if (status != 200) {
              errors.merge(status, 1L, Long::sum);
            }
            if (n == mine.length) {
              mine = Arrays.copyOf(mine, n * 2);
            }
            mine[n++] = t;
            count.incrementAndGet();
          }
          latencies[id] = Arrays.copyOf(mine, n);
        });
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
    return new Round(count.get(), elapsed, all, new TreeMap<>(errors));
  }

  static void print(String label, Round r) {
    System.out.printf(Locale.ROOT, "%-14s %7d requests %8.0f req/s   p50 %7.2f ms   p90 %7.2f ms   p99 %7.2f ms"
            + "   max %7.2f ms   non-200: %s%n", label, r.requests(), r.throughput(), r.percentile(50),
        r.percentile(90), r.percentile(99), r.percentile(100), r.errors().isEmpty() ? "none" : r.errors());
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
