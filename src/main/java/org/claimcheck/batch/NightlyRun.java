package org.claimcheck.batch;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimcheck.AtomicFiles;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Json;
import org.claimcheck.Tally;
import org.claimcheck.article.Article;
import org.claimcheck.article.ArticleStore;
import org.claimcheck.article.FetchResult;
import org.claimcheck.article.Fetcher;
import org.claimcheck.article.Source;
import org.claimcheck.article.Sources;
import org.claimcheck.claim.Claim;
import org.claimcheck.claim.ClaimExtractor;
import org.claimcheck.claim.ClaimsFile;
import org.claimcheck.claim.Lexicon;
import org.claimcheck.index.AbstractIndexer;
import org.claimcheck.index.AbstractSearcher;
import org.claimcheck.index.IndexSchema;
import org.claimcheck.nlp.NlpModels;
import org.claimcheck.pubmed.RecordReaders;
import org.claimcheck.report.ClaimsReport;
import org.claimcheck.verify.ClaimVerdict;
import org.claimcheck.verify.RuleStanceModel;
import org.claimcheck.verify.StanceModel;
import org.claimcheck.verify.Verifier;

/**
 * One per run. The nightly job: fetch the sources, extract claims, index abstract files, verify the check-worthy claims
 * and write {@code reports/<date>/} (claims-report.csv and manifest.json). Every item of every stage is counted; the
 * counts go to stderr and to the manifest.
 *
 * <p>Reports are written into a hidden staging folder and renamed into place, so a report folder is never partial.
 */
public final class NightlyRun {
  private final RunOptions options;
  private final Clock clock;
  private final PrintWriter err;
  private final Map<String, Tally> tallies = new LinkedHashMap<>();
  private final Map<String, Long> timings = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  public NightlyRun(RunOptions options, Clock clock, PrintWriter err) {
    this.options = options;
    this.clock = clock;
    this.err = err;
  }

  /** What a run produced. */
  public record Result(Path reportDir, int articles, int claims, int verified, Map<String, Tally> tallies,
      List<String> warnings) {}

  public Result run() throws IOException {
    Instant started = clock.instant();
    Workspace ws = options.workspace();

    List<Source> sources = timed("sources", () -> collectSources(ws));
    List<Article> articles = timed("fetch", () -> fetch(ws, sources));
    List<Claim> claims = timed("extract", () -> extract(ws, articles));
    List<Path> abstractFiles = timed("index", () -> index(ws));
    List<ClaimsReport.Row> rows = timed("verify", () -> verify(claims));

    Path reportDir = ws.reports().resolve(options.date().toString());
    Path staging = ws.reports().resolve("." + options.date() + ".partial");
    AtomicFiles.deleteRecursively(staging);
    Files.createDirectories(staging);
    ClaimsReport.write(staging.resolve("claims-report.csv"), options.date().toString(), rows, options.excel());
    AtomicFiles.writeString(staging.resolve("manifest.json"),
        Json.pretty(manifest(started, sources, abstractFiles, articles, claims, rows)) + "\n");
    AtomicFiles.replaceDirectory(staging, reportDir);

    int verified = (int) rows.stream().filter(r -> r.verdict() != null).count();
    for (Tally t : tallies.values()) {
      t.print(err);
    }
    for (String w : warnings) {
      err.println("warning: " + w);
    }
    err.println("report: " + ws.root().relativize(reportDir.resolve("claims-report.csv")));
    err.flush();
    return new Result(reportDir, articles.size(), rows.size(), verified, Map.copyOf(tallies), List.copyOf(warnings));
  }

  private List<Source> collectSources(Workspace ws) {
    Tally t = tally("sources");
    List<Source> out = new ArrayList<>();
    Path given = options.sources();
    if (given != null) {
      if (Files.isDirectory(given)) {
        out.addAll(Sources.directory(given, ws.root()));
      } else if (Files.isRegularFile(given)) {
        out.addAll(Sources.readList(given, ws.root(), t));
      } else {
        throw ClaimcheckException.usage("no such sources file or folder", given.toString(),
            "Give a sources list (one URL or path per line) or a folder of pages");
      }
    } else {
      if (Files.isRegularFile(ws.sourcesFile())) {
        out.addAll(Sources.readList(ws.sourcesFile(), ws.root(), t));
      }
      out.addAll(Sources.directory(ws.inbox(), ws.root()));
    }
    List<Source> unique = out.stream().distinct().toList();
    unique.forEach(s -> t.count("OK"));
    if (unique.isEmpty()) {
      warnings.add("no sources: add URLs or paths to corpus/sources.txt, save pages in corpus/inbox/, "
          + "or pass --sources");
    }
    return unique;
  }

  private List<Article> fetch(Workspace ws, List<Source> sources) {
    Tally t = tally("fetch");
    ArticleStore store = new ArticleStore(ws.articles());
    Fetcher fetcher = new Fetcher(Fetcher.Options.defaults(), clock);
    List<Article> articles = new ArrayList<>();
    for (Source s : sources) {
      if (options.offline() && s.isRemote()) {
        Article previous = store.get(s.id());
        if (previous != null) {
          t.count("UNCHANGED");
          articles.add(previous);
        } else {
          t.count("SKIPPED", "offline", s.name());
        }
        continue;
      }
      FetchResult r = fetcher.fetch(s, store.get(s.id()));
      switch (r) {
        case FetchResult.Fetched f -> {
          store.put(f.article(), f.raw());
          articles.add(f.article());
          t.count(r.outcome());
        }
        case FetchResult.Unchanged u -> {
          articles.add(u.previous());
          t.count(r.outcome());
        }
        case FetchResult.Skipped sk -> t.count(r.outcome(), sk.reason(), s.name());
        case FetchResult.Failed f -> t.count(r.outcome(), f.reason(), s.name());
      }
    }
    return articles;
  }

  private List<Claim> extract(Workspace ws, List<Article> articles) throws IOException {
    Tally t = tally("extract");
    ClaimExtractor extractor = new ClaimExtractor(Lexicon.builtin());
    List<Claim> all = new ArrayList<>();
    for (Article a : articles) {
      try {
        List<Claim> claims = extractor.extract(a);
        all.addAll(claims);
        t.count("OK");
      } catch (RuntimeException e) {
        t.count("FAILED", "claim extraction failed: " + e, a.source());
      }
    }
    Files.createDirectories(ws.claims());
    ClaimsFile.write(ws.claims().resolve("claims.jsonl"), all);
    ClaimsFile.write(ws.claims().resolve("claims.csv"),
        all.stream().filter(c -> c.checkWorthiness() >= options.threshold()).toList());
    return all;
  }

  private List<Path> index(Workspace ws) throws IOException {
    Tally t = tally("index");
    List<Path> files = new ArrayList<>();
    for (Path p : options.abstracts()) {
      if (Files.isDirectory(p)) {
        files.addAll(abstractFilesUnder(p));
      } else {
        files.add(p);
      }
    }
    files.addAll(abstractFilesUnder(ws.pubmed()));
    if (files.isEmpty()) {
      return files;
    }
    try (AbstractIndexer indexer = AbstractIndexer.open(options.index())) {
      for (Path f : files) {
        indexer.index(f, t);
      }
      indexer.commit();
    }
    return files;
  }

  private static List<Path> abstractFilesUnder(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var walk = Files.walk(dir)) {
      // Update files apply in order: PubMed names them so that name order is publication order.
      return walk.filter(Files::isRegularFile).filter(RecordReaders::isSupported)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted(Comparator.comparing(Path::toString)).toList();
    }
  }

  private List<ClaimsReport.Row> verify(List<Claim> claims) throws IOException {
    Tally t = tally("verify");
    List<Claim> worthy = claims.stream().filter(c -> c.checkWorthiness() >= options.threshold()).toList();
    List<ClaimsReport.Row> rows = new ArrayList<>();
    if (!AbstractSearcher.exists(options.index())) {
      if (!worthy.isEmpty()) {
        warnings.add("no abstract index at " + options.index() + ": claims were not verified. Pass --abstracts "
            + "FILE.xml, or put PubMed files in corpus/pubmed/");
      }
      for (Claim c : worthy) {
        t.count("SKIPPED", "no abstract index", c.id());
        rows.add(new ClaimsReport.Row(c, null));
      }
      return rows;
    }
    StanceModel model = new RuleStanceModel();
    stanceDescription = model.describe();
    try (AbstractSearcher searcher = AbstractSearcher.open(options.index(), AbstractSearcher.Bm25.DEFAULT)) {
      Verifier verifier = new Verifier(searcher, model, Lexicon.builtin(), Verifier.Options.defaults());
      for (Claim c : worthy) {
        try {
          ClaimVerdict v = verifier.verify(c);
          rows.add(new ClaimsReport.Row(c, v));
          t.count(v.verdict().name());
        } catch (RuntimeException e) {
          t.count("FAILED", "verification failed: " + e, c.id());
          rows.add(new ClaimsReport.Row(c, null));
        }
      }
    }
    return rows;
  }

  private String stanceDescription;

  private Map<String, Object> manifest(Instant started, List<Source> sources, List<Path> abstractFiles,
      List<Article> articles, List<Claim> claims, List<ClaimsReport.Row> rows) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tool", "claimcheck");
    m.put("version", version());
    m.put("date", options.date().toString());
    m.put("started", started.toString());
    m.put("finished", clock.instant().toString());
    Map<String, Object> opts = new LinkedHashMap<>();
    opts.put("sources", options.sources() == null ? null : options.sources().toString());
    opts.put("offline", options.offline());
    opts.put("abstracts", abstractFiles.stream().map(Path::toString).toList());
    opts.put("index", options.index().toString());
    opts.put("threshold", options.threshold());
    opts.put("excel", options.excel());
    m.put("options", opts);
    Map<String, Object> models = new LinkedHashMap<>();
    models.put("opennlp", NlpModels.describe());
    models.put("index", IndexSchema.describe());
    models.put("stance", stanceDescription);
    models.put("lexicon", Lexicon.builtin().size() + " concepts (built in)");
    m.put("models", models);
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("sources", sources.size());
    counts.put("articles", articles.size());
    counts.put("claims", claims.size());
    counts.put("checkWorthyClaims", rows.size());
    counts.put("verified", rows.stream().filter(r -> r.verdict() != null).count());
    m.put("counts", counts);
    m.put("stages", tallies.values().stream().map(Tally::toMap).toList());
    m.put("timingsMillis", timings);
    m.put("warnings", warnings);
    return m;
  }

  static String version() {
    String v = NightlyRun.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  private Tally tally(String stage) {
    return tallies.computeIfAbsent(stage, Tally::new);
  }

  @FunctionalInterface
  private interface Stage<T> {
    T run() throws IOException;
  }

  private <T> T timed(String name, Stage<T> stage) throws IOException {
    long t0 = System.nanoTime();
    try {
      return stage.run();
    } finally {
      timings.put(name, Duration.ofNanos(System.nanoTime() - t0).toMillis());
    }
  }
}
