package org.claimcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Tally;
import org.claimcheck.article.ArticleStore;
import org.claimcheck.article.FetchResult;
import org.claimcheck.article.Fetcher;
import org.claimcheck.article.Source;
import org.claimcheck.article.Sources;
import org.claimcheck.batch.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code claimcheck fetch}: pulls articles into {@code corpus/articles/}. */
@Command(name = "fetch", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {"Fetches articles (URLs, local pages, folders) and keeps a snapshot of each under "
        + "corpus/articles/: the raw page and a JSON record with metadata and main text. Without arguments it "
        + "fetches corpus/sources.txt and the pages in corpus/inbox/.",
        "Politely: robots.txt is honoured, one request per host at a time with a delay between them, 429 and 5xx "
            + "answers are retried with backoff (Retry-After honoured), unchanged pages are not processed again "
            + "(ETag, Last-Modified, content hash).",
        "Prints one line per source: OUTCOME ARTICLE-ID SOURCE [reason] (ARTICLE-ID - for a sources-list line that "
            + "names no source). Exit code 1 when no source ended OK or UNCHANGED.",
        "Example: claimcheck fetch https://example.org/b12 corpus/inbox/"})
public final class FetchCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Option(names = "--sources", paramLabel = "FILE|DIR",
      description = "A sources list (one URL or path per line, # comments) or a folder of pages.")
  Path sourcesFile;

  @Option(names = "--articles", paramLabel = "DIR", defaultValue = "corpus/articles",
      description = "Where snapshots go (default: ${DEFAULT-VALUE}).")
  Path articles;

  @Mixin
  FetchOptions fetchOptions;

  @Parameters(arity = "0..*", paramLabel = "URL|PATH", description = "URLs, page files or folders.")
  List<String> sources = new ArrayList<>();

  @Override
  public Integer call() {
    Fetcher.Options options = fetchOptions.toOptions();
    Workspace ws = Workspace.current();
    Tally tally = new Tally("fetch");
    PrintWriter out = spec.commandLine().getOut();
    // A line of a sources list that names no source gets its line on stdout like every source, with no article id.
    BiConsumer<String, String> badLine = (where, why) -> out.println("SKIPPED\t-\t" + where + "\t" + why);
    if (Files.exists(articles) && !Files.isDirectory(articles)) {
      throw ClaimcheckException.usage("--articles must be a folder", articles + " is a file",
          "Give --articles the folder the snapshots go to (default: corpus/articles)");
    }
    List<Source> all = new ArrayList<>(Sources.resolve(sources, ws.root()));
    if (sourcesFile != null && Files.isDirectory(sourcesFile)) {
      all.addAll(Sources.directory(sourcesFile, ws.root())); // a folder of pages, as run --sources takes it
    } else if (sourcesFile != null) {
      Outputs.requireFile(sourcesFile, "sources list or folder",
          "Give a text file with one URL or path per line, or a folder of pages");
      all.addAll(Sources.readList(sourcesFile, ws.root(), tally, badLine));
    }
    if (sources.isEmpty() && sourcesFile == null) {
      if (Files.isRegularFile(ws.sourcesFile())) {
        all.addAll(Sources.readList(ws.sourcesFile(), ws.root(), tally, badLine));
      }
      all.addAll(Sources.directory(ws.inbox(), ws.root()));
    }
    if (all.isEmpty() && tally.total() == 0 && (!sources.isEmpty() || sourcesFile != null)) {
      List<String> given = new ArrayList<>(sources);
      if (sourcesFile != null) {
        given.add("--sources " + sourcesFile);
      }
      throw ClaimcheckException.usage("nothing to fetch", "no page or URL in " + String.join(" ", given),
          "Name URLs, page files or folders holding pages (.html, .htm, .html.gz, .txt), or a sources list with one "
              + "URL or path per line");
    }
    if (all.isEmpty() && tally.total() == 0) {
      throw ClaimcheckException.usage("nothing to fetch", "no URL, path or --sources given, and "
          + ws.root().relativize(ws.sourcesFile()) + " and " + ws.root().relativize(ws.inbox()) + " are empty",
          "Name URLs, files or folders, pass --sources FILE, or add sources to corpus/sources.txt");
    }
    ArticleStore store = new ArticleStore(articles);
    List<Source> unique = all.stream().distinct().toList();
    try (Fetcher fetcher = new Fetcher(options, Clock.systemUTC())) {
      fetcher.fetchAll(unique, s -> store.get(s.id()), r -> record(r, store, tally, out));
    }
    out.flush();
    tally.print(spec.commandLine().getErr());
    boolean anyGood = tally.get("OK") + tally.get("UNCHANGED") > 0;
    return anyGood ? Main.OK : Main.FAILURE;
  }

  /** Stores a fetched article and prints and counts every outcome; called from the fetching threads. */
  private static void record(FetchResult r, ArticleStore store, Tally tally, PrintWriter out) {
    Source s = r.source();
    String reason = "";
    switch (r) {
      case FetchResult.Fetched f -> {
        try {
          store.put(f.article(), f.raw());
          tally.count(r.outcome());
          reason = f.note() == null ? "" : f.note();
        } catch (ClaimcheckException e) {
          tally.count("FAILED", e.what(), s.name());
          reason = e.oneLine();
          r = new FetchResult.Failed(s, reason);
        }
      }
      case FetchResult.Unchanged u -> {
        try {
          if (u.refreshed()) {
            store.putRecord(u.previous()); // new validators for the same page, or every night is a full download
          }
          tally.count(r.outcome());
        } catch (ClaimcheckException e) {
          tally.count("FAILED", e.what(), s.name());
          reason = e.oneLine();
          r = new FetchResult.Failed(s, reason);
        }
      }
      case FetchResult.Skipped sk -> {
        reason = sk.reason();
        tally.count(r.outcome(), reason, s.name());
      }
      case FetchResult.Failed f -> {
        reason = f.reason();
        tally.count(r.outcome(), reason, s.name());
      }
    }
    synchronized (out) {
      out.println(r.outcome() + "\t" + s.id() + "\t" + s.name() + (reason.isEmpty() ? "" : "\t" + reason));
      out.flush();
    }
  }

  /** The fetch options of {@code fetch} (and, once wired, {@code run}): one per option of {@link Fetcher.Options}. */
  static final class FetchOptions {
    private static final Fetcher.Options DEFAULTS = Fetcher.Options.defaults();

    @Option(names = "--contact", paramLabel = "URL|EMAIL",
        description = "Who site owners can reach about this crawler; goes in the user agent "
            + "(default: the project's address).")
    String contact;

    @Option(names = "--user-agent", paramLabel = "UA",
        description = "The whole user agent instead (default: claimcheck/VERSION (+CONTACT; health fact-checking)).")
    String userAgent;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10",
        description = "Longest wait for a connection (default: ${DEFAULT-VALUE}).")
    double connectTimeout;

    @Option(names = "--read-timeout", paramLabel = "SECONDS", defaultValue = "20",
        description = "Longest wait for response headers or the next bytes of a page (default: ${DEFAULT-VALUE}).")
    double readTimeout;

    @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "60",
        description = "Longest time for one source, redirects and retries included (default: ${DEFAULT-VALUE}).")
    double deadline;

    @Option(names = "--max-bytes", paramLabel = "BYTES", defaultValue = "10485760",
        description = "Pages are cut at this size (default: ${DEFAULT-VALUE}).")
    int maxBytes;

    @Option(names = "--max-redirects", paramLabel = "N", defaultValue = "5",
        description = "Redirects followed per source (default: ${DEFAULT-VALUE}).")
    int maxRedirects;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "2",
        description = "Retries after 429 or 5xx answers (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--max-retry-wait", paramLabel = "SECONDS", defaultValue = "60",
        description = "Longest Retry-After or Crawl-delay honoured; longer fails the source "
            + "(default: ${DEFAULT-VALUE}).")
    double maxRetryWait;

    @Option(names = "--host-delay", paramLabel = "SECONDS", defaultValue = "1",
        description = "Least time between two requests to one host (default: ${DEFAULT-VALUE}).")
    double hostDelay;

    @Option(names = "--per-host", paramLabel = "N", defaultValue = "1",
        description = "Most requests to one host at a time (default: ${DEFAULT-VALUE}).")
    int perHost;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "4",
        description = "Sources fetched at once (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--allow-private-addresses",
        description = "Fetch hosts on loopback, private and link-local addresses (intranets); refused by default.")
    boolean allowPrivateAddresses;

    /** The options; a bad one is a usage error naming it, its value and what it takes. */
    Fetcher.Options toOptions() {
      Duration connect = seconds("--connect-timeout", connectTimeout, true);
      Duration read = seconds("--read-timeout", readTimeout, true);
      Duration whole = seconds("--deadline", deadline, true);
      Duration retryWait = seconds("--max-retry-wait", maxRetryWait, false);
      Duration delay = seconds("--host-delay", hostDelay, false);
      atLeast("--max-bytes", maxBytes, 1);
      atLeast("--max-redirects", maxRedirects, 0);
      atLeast("--retries", retries, 0);
      atLeast("--per-host", perHost, 1);
      atLeast("--threads", threads, 1);
      String option = userAgent != null ? "--user-agent" : "--contact";
      try {
        String ua = userAgent != null ? userAgent
            : contact != null ? Fetcher.Options.userAgentFor(contact) : DEFAULTS.userAgent();
        return new Fetcher.Options(ua, connect, read, whole, maxBytes, maxRedirects, retries,
            DEFAULTS.retryBackoff(), retryWait, delay, perHost, threads, allowPrivateAddresses);
      } catch (IllegalArgumentException e) {
        throw ClaimcheckException.usage("bad " + option, userAgent != null ? userAgent : contact,
            "The user agent must be printable ASCII, not blank");
      }
    }

    private static void atLeast(String option, int value, int least) {
      if (value < least) {
        throw ClaimcheckException.usage("bad " + option, Integer.toString(value),
            "Give " + option + " a whole number of at least " + least);
      }
    }

    private static Duration seconds(String option, double s, boolean positive) {
      if (!(s >= 0) || s > 86400 || positive && Math.round(s * 1000) == 0) {
        throw ClaimcheckException.usage("bad " + option, Double.toString(s), "Give " + option + " a number of "
            + "seconds " + (positive ? "above 0" : "from 0") + " to 86400");
      }
      return Duration.ofMillis(Math.round(s * 1000));
    }
  }
}
