package org.claimcheck.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.claimcheck.AtomicFiles;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Hashes;
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
import org.claimcheck.encoder.OnnxModel;
import org.claimcheck.index.AbstractIndexer;
import org.claimcheck.index.IndexIds;
import org.claimcheck.index.AbstractSearcher;
import org.claimcheck.nlp.Annotator;
import org.claimcheck.nlp.NlpModels;
import org.claimcheck.report.ChangesReport;
import org.claimcheck.report.ClaimsReport;
import org.claimcheck.report.HtmlReport;
import org.claimcheck.report.PreviousReport;
import org.claimcheck.verify.ClaimVerdict;
import org.claimcheck.verify.StanceModel;
import org.claimcheck.verify.TrainedStanceModel;
import org.claimcheck.verify.VerdictCalibration;
import org.claimcheck.verify.Verifier;

/**
 * One per run. The nightly job: takes the run lock, then fetches the sources, extracts claims, acquires and indexes
 * abstracts, verifies the check-worthy claims and writes {@code reports/<date>/} (claims-report.csv, changes.csv,
 * report.html, manifest.json). Every item of every stage is counted; a table of the counts goes to stderr, and the
 * counts, with reasons, to the manifest.
 *
 * <p>Incremental: a page whose content hash has not changed keeps its claims; an abstract file already indexed (same
 * path and SHA-256) is not indexed again; a claim keeps its verdict while the claim text, the index commit, the stance
 * model, the verification options and the code that made it are the same ({@link RunState}). {@code --full} redoes
 * everything.
 *
 * <p>Crash-safe: whatever instant the process is killed at, the previous reports and the last index commit are intact
 * and the next run finishes the work, with the same outputs as a run that was never interrupted. Every state file is
 * written atomically, the index changes only by Lucene commits (recorded by a two-step pending marker, see
 * {@link RunState}), and a report folder is written in a hidden staging folder and renamed into place.
 */
public final class NightlyRun {
  private static final Pattern STAGING = Pattern.compile("\\.(.+)\\.partial");
  private static final Pattern OLD = Pattern.compile("\\.(.+)\\.old-\\d+");

  private final RunOptions options;
  private final Clock clock;
  private final PrintWriter err;
  private final Progress progress;
  private final Map<String, Tally> tallies = new LinkedHashMap<>();
  private final Map<String, Long> timings = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<String> failedStages = new ArrayList<>();

  private AbstractAcquisition acquisition;
  private final List<Map<String, Object>> abstractFiles = new ArrayList<>();
  /** The abstract files this run indexes (new or changed), and every file the index will hold after it. */
  private Map<String, RunState.IndexedFile> pendingFiles = Map.of();
  private Map<String, RunState.IndexedFile> allKnown = Map.of();
  /**
   * The files that could not be read to their end when last read, as they were then ({@link RunState.IndexedFiles});
   * those of this run's files read again unchanged since (outcome RETRIED).
   */
  private Map<String, RunState.IndexedFile> failedFiles = Map.of();
  private final Set<String> retried = new HashSet<>();
  private String indexFingerprint = Fingerprints.NO_INDEX;
  /** Whether the index is built again from nothing (this claimcheck cannot use the one there). */
  private boolean rebuild;
  private String stanceDescription;
  private String extractorFingerprint;
  private String verifyContext;
  private PreviousReport previous;
  private List<ChangesReport.Change> changes = List.of();

  public NightlyRun(RunOptions options, Clock clock, PrintWriter err) {
    this(options, clock, err, Progress.none(err));
  }

  public NightlyRun(RunOptions options, Clock clock, PrintWriter err, Progress progress) {
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.err = Objects.requireNonNull(err, "err");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * What a run produced.
   *
   * @param failedStages the stages that failed as a whole (every item failed), with why; empty when the run is OK
   * @param changes the changes since the previous report
   */
  public record Result(Path reportDir, int articles, int claims, int verified, Map<String, Tally> tallies,
      List<String> warnings, List<String> failedStages, List<ChangesReport.Change> changes) {
    public Result {
      tallies = Map.copyOf(tallies);
      warnings = List.copyOf(warnings);
      failedStages = List.copyOf(failedStages);
      changes = List.copyOf(changes);
    }

    /** 0 when every stage worked (partial failures are counted, not fatal), 1 when a stage failed as a whole. */
    public int exitCode() {
      return failedStages.isEmpty() ? 0 : 1;
    }
  }

  /**
   * The abstract acquisition of a run: offline, the local files ({@code --abstracts} and {@code corpus/pubmed/});
   * online, those and the PubMed records E-utilities finds for the claims (see {@link EutilsAbstracts}).
   */
  public static AbstractAcquisition acquisition(RunOptions options, Clock clock) {
    AbstractAcquisition local = new LocalAbstractFiles(options.abstracts(), options.workspace().pubmed());
    if (options.offline()) {
      return local;
    }
    return AbstractAcquisition.both(local,
        new EutilsAbstracts(options.pubmed(), options.ncbiApiKey(), Lexicon.builtin()));
  }

  /** Runs the whole job under the run lock; a second run while this one is going fails at once (exit code 1). */
  public Result run() throws IOException {
    Instant started = clock.instant();
    Workspace ws = options.workspace();
    try (RunLock lock = RunLock.acquire(ws.lockFile(), started, warnings::add)) {
      RunState state = RunState.open(ws.state());
      try {
        return run(ws, state, started);
      } finally {
        state.closeJournal();
      }
    }
  }

  private Result run(Workspace ws, RunState state, Instant started) throws IOException {
    checkReports(ws.reports());
    tidyReports(ws.reports());
    List<Source> sources = timed("sources", () -> collectSources(ws));
    List<Article> articles = timed("fetch", () -> fetch(ws, sources));
    List<Claim> claims = timed("extract", () -> extract(ws, state, articles));
    List<Claim> worthy = claims.stream().filter(c -> c.checkWorthiness() >= options.threshold()).toList();
    List<Path> toIndex = timed("abstracts", () -> acquire(ws, state, worthy));
    timed("index", () -> index(state, toIndex));
    List<ClaimsReport.Row> rows = timed("verify", () -> verify(state, worthy));
    Path reportDir = timed("report", () -> report(ws, started, sources, articles, claims, rows));

    int verified = (int) rows.stream().filter(r -> r.verdict() != null).count();
    RunSummary.print(progress, tallies, timings);
    for (String w : warnings) {
      progress.line("warning: " + w);
    }
    for (String f : failedStages) {
      progress.line("failed: " + f);
    }
    progress.line("report: " + Workspace.shown(reportDir.resolve("report.html")));
    err.flush();
    return new Result(reportDir, articles.size(), rows.size(), verified, tallies, warnings, failedStages, changes);
  }

  // ---- sources and fetch ----

  private List<Source> collectSources(Workspace ws) {
    Tally t = tally("sources");
    List<Source> out = new ArrayList<>();
    Path given = options.sources();
    var earlier = earlierUnder(ws);
    if (given != null) {
      if (Files.isDirectory(given)) {
        out.addAll(Sources.directory(given, ws.root()));
      } else if (Files.isRegularFile(given)) {
        out.addAll(Sources.readList(given, ws.root(), t, (line, reason) -> { }, earlier));
      } else {
        throw ClaimcheckException.usage("no such sources file or folder", given.toString(),
            "Give a sources list (one URL or path per line) or a folder of pages");
      }
    } else {
      if (Files.isRegularFile(ws.sourcesFile())) {
        out.addAll(Sources.readList(ws.sourcesFile(), ws.root(), t, (line, reason) -> { }, earlier));
      }
      Path inbox = ws.inbox();
      if (Files.isSymbolicLink(inbox) && !Files.exists(inbox)) {
        // A linked inbox whose target is not there tonight (a share not mounted) keeps its pages' claims, as a missing
        // folder of a sources list does: they were all reported removed, silently.
        List<Source> kept = earlier.apply(inbox.toAbsolutePath().normalize());
        warnings.add("the inbox " + inbox + " links to a folder that is not there: the last snapshots of its "
            + kept.size() + " page(s) are used");
        out.addAll(kept);
      } else {
        out.addAll(Sources.directory(inbox, ws.root()));
      }
    }
    List<Source> unique = out.stream().distinct().toList();
    unique.forEach(s -> t.count("OK"));
    if (unique.isEmpty()) {
      warnings.add("no sources: add URLs or paths to corpus/sources.txt, save pages in corpus/inbox/, "
          + "or pass --sources");
    }
    return unique;
  }

  /**
   * The local files of the previous report's articles under a folder (absolute, normalised) of a sources list that is
   * missing tonight: they stay sources, whose fetch fails and whose last snapshots are used, so that their claims are
   * not reported removed tonight and new again when the folder is back. Only the previous report's: every snapshot
   * ever kept brought back pages deleted from the folder on earlier nights. Read once, when needed.
   */
  private java.util.function.Function<Path, List<Source>> earlierUnder(Workspace ws) {
    List<Article> known = new ArrayList<>();
    boolean[] read = {false};
    return folder -> {
      if (!read[0]) {
        read[0] = true;
        Set<String> reported = new java.util.HashSet<>();
        try {
          PreviousReport last = PreviousReport.find(ws.reports(), options.date());
          if (last != null) {
            last.claims().forEach(c -> reported.add(c.articleUrl()));
          }
        } catch (IOException e) {
          // no report to go by: nothing is kept
        }
        for (Article a : new ArticleStore(ws.articles()).all().articles()) {
          if (reported.contains(a.url())) {
            known.add(a);
          }
        }
      }
      Path root = ws.root().toAbsolutePath().normalize();
      List<Source> out = new ArrayList<>();
      for (Article a : known) {
        if (a.source().matches("(?i)^https?://.*")) {
          continue;
        }
        Path file;
        try {
          file = root.resolve(a.source()).normalize();
        } catch (java.nio.file.InvalidPathException e) {
          continue;
        }
        if (file.startsWith(folder) && !file.equals(folder) && Source.isReadableFile(file)) {
          out.add(Source.file(file, ws.root()));
        }
      }
      out.sort(java.util.Comparator.comparing(Source::name));
      return out;
    };
  }

  private List<Article> fetch(Workspace ws, List<Source> sources) {
    Tally t = tally("fetch");
    ArticleStore store = new ArticleStore(ws.articles());
    Map<Source, Article> previous = new HashMap<>();
    List<Source> toFetch = new ArrayList<>();
    for (Source s : sources) {
      Article snapshot = store.get(s.id());
      if (snapshot != null) {
        previous.put(s, snapshot);
      }
      if (!(options.offline() && s.isRemote())) {
        toFetch.add(s);
      }
    }
    // Fetched in parallel, politely per host; snapshots are stored as pages arrive, the outcomes kept in order.
    Map<Source, FetchResult> results = new ConcurrentHashMap<>();
    List<Article> fetched = new ArrayList<>();
    try (Fetcher fetcher = new Fetcher(options.fetch(), clock);
        Progress.Stage p = progress.start("fetch", sources.size(), "sources")) {
      fetcher.fetchAll(toFetch, previous::get, r -> {
        if (r instanceof FetchResult.Fetched f) {
          store.put(f.article(), f.raw());
          r = new FetchResult.Fetched(f.source(), f.article(), new byte[0], f.note());
        } else if (r instanceof FetchResult.Unchanged u && u.refreshed()) {
          store.putRecord(u.previous()); // new validators for the same page, or every night is a full download
        }
        results.put(r.source(), r);
        synchronized (p) {
          p.step();
        }
      });
      for (Source s : sources) {
        Article before = previous.get(s);
        FetchResult r = results.get(s);
        if (r == null) {
          // Not fetched: a remote source in an offline run.
          if (before != null) {
            t.count("UNCHANGED");
            fetched.add(before);
          } else {
            t.count("SKIPPED", "offline: no snapshot yet", s.name());
          }
          synchronized (p) {
            p.step();
          }
          continue;
        }
        switch (r) {
          case FetchResult.Fetched f -> {
            fetched.add(f.article());
            t.count(r.outcome());
          }
          case FetchResult.Unchanged u -> {
            fetched.add(u.previous());
            t.count(r.outcome());
          }
          // A flaky site (an error, or a page served without its article) must not make its claims vanish from the
          // report, and reappear as new tomorrow: the last snapshot stands in, and the count says so.
          case FetchResult.Skipped sk -> lastSnapshot(t, r, sk.reason(), s, before, fetched);
          case FetchResult.Failed f -> lastSnapshot(t, r, f.reason(), s, before, fetched);
        }
      }
    }
    checkStage(t, "sources could not be fetched");
    return fetched;
  }

  /** Counts a source that was not fetched; its last snapshot, if any, is used instead. */
  private static void lastSnapshot(Tally t, FetchResult r, String reason, Source s, Article before,
      List<Article> fetched) {
    if (before != null) {
      t.count(r.outcome(), reason + " (the last snapshot is used)", s.name());
      fetched.add(before);
    } else {
      t.count(r.outcome(), reason, s.name());
    }
  }

  // ---- extract ----

  private List<Claim> extract(Workspace ws, RunState state, List<Article> articles) throws IOException {
    Tally t = tally("extract");
    extractorFingerprint = Fingerprints.packages(List.of(ClaimExtractor.class, Annotator.class),
        List.of("org/claimcheck/claim/lexicon.tsv", "org/claimcheck/claim/health-terms.txt",
            "org/claimcheck/nlp/abbreviations.txt", "org/claimcheck/nlp/verbs.txt"), NlpModels.describe());
    ClaimExtractor extractor = null;
    List<Claim> all = new ArrayList<>();
    try (Progress.Stage p = progress.start("extract", articles.size(), "articles")) {
      for (Article a : articles) {
        String hash = Objects.toString(a.contentHash(), "");
        RunState.ArticleClaims cached = options.full() ? null : state.claims(a.id());
        if (cached != null && cached.contentHash().equals(hash) && cached.extractor().equals(extractorFingerprint)) {
          all.addAll(cached.claims());
          t.count("REUSED");
        } else {
          List<Claim> claims = null;
          try {
            if (extractor == null) {
              extractor = new ClaimExtractor(Lexicon.builtin());
            }
            claims = extractor.extract(a);
          } catch (RuntimeException e) {
            t.count("FAILED", "claim extraction failed: " + e, a.source());
          }
          if (claims != null) {
            state.putClaims(new RunState.ArticleClaims(a.id(), hash, extractorFingerprint, claims));
            all.addAll(claims);
            t.count("OK");
          }
        }
        p.step();
      }
    }
    Files.createDirectories(ws.claims());
    ClaimsFile.write(ws.claims().resolve("claims.jsonl"), all);
    ClaimsFile.write(ws.claims().resolve("claims.csv"),
        all.stream().filter(c -> c.checkWorthiness() >= options.threshold()).toList());
    state.keepClaimsOf(articles.stream().map(Article::id).collect(java.util.stream.Collectors.toSet()));
    checkStage(t, "claims could not be extracted from any article");
    return all;
  }

  // ---- abstracts and index ----

  private List<Path> acquire(Workspace ws, RunState state, List<Claim> worthy) throws IOException {
    Tally t = tally("abstracts");
    acquisition = acquisition(options, clock);
    // An index an older claimcheck built (another schema version) is built again from the abstract files.
    String incompatible = AbstractIndexer.incompatibility(options.index());
    List<Path> files;
    try (IndexLookup lookup = new IndexLookup(options.index())) {
      files = acquisition.acquire(new AbstractAcquisition.Request(ws, worthy, lookup::contains, this::tally,
          options.date(), warnings::add));
    }
    // PubMed out of reach tonight must fail the run, as a stage where every item failed does: every search tried
    // failed (a claim searched twice counts REUSED; remembered results may stand in, but nothing new came), or every
    // download did.
    Tally searched = tallies.get("pubmed search");
    if (searched != null && searched.get("FAILED") > 0 && searched.get("OK") == 0) {
      failedStages.add("pubmed search: every PubMed search tried failed (" + searched.get("FAILED") + " failed)");
    }
    if (tallies.get("pubmed fetch") != null) {
      checkStage(tallies.get("pubmed fetch"), "no abstract could be downloaded");
    }
    rebuild = incompatible != null && !files.isEmpty();
    if (rebuild) {
      warnings.add("the index at " + options.index() + " cannot be used by this claimcheck (" + incompatible
          + "): it is built again from the abstract files");
    }

    String indexKey = indexKey();
    String now = Fingerprints.index(options.index());
    recoverPendingCommit(state, indexKey, now);
    RunState.IndexedFiles recorded = state.indexedFiles(indexKey);
    boolean valid = !rebuild && !now.equals(Fingerprints.NO_INDEX) && recorded.fingerprint().equals(now);
    if (!valid && !rebuild && !recorded.files().isEmpty()) {
      warnings.add("the index at " + options.index() + " changed outside the nightly run (or was rebuilt): its "
          + "abstract files are indexed again");
    }
    Map<String, RunState.IndexedFile> known = valid ? recorded.files() : Map.of();
    Map<String, RunState.IndexedFile> failedBefore = valid ? recorded.failed() : Map.of();
    Map<String, RunState.IndexedFile> seen = new TreeMap<>();
    List<Path> todo = new ArrayList<>();
    boolean restamped = false;
    try (Progress.Stage p = progress.start("abstracts", files.size(), "files")) {
      for (Path f : files) {
        String key = f.toAbsolutePath().normalize().toString();
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("path", key);
        try {
          long size = Files.size(f);
          long modified = Files.getLastModifiedTime(f).toMillis();
          RunState.IndexedFile before = known.get(key);
          String outcome;
          RunState.IndexedFile after;
          if (!options.full() && before != null && before.size() == size && before.modified() == modified) {
            outcome = "UNCHANGED";
            after = before;
          } else {
            after = new RunState.IndexedFile(size, modified, sha256(f));
            boolean same = before != null && before.sha256().equals(after.sha256());
            RunState.IndexedFile broken = before == null ? failedBefore.get(key) : null;
            if (same && !options.full()) {
              outcome = "UNCHANGED";
              restamped = true;
            } else if (broken != null && broken.sha256().equals(after.sha256()) && !options.full()) {
              // Read again (and its failure reported again), but when it breaks where it broke before, its records
              // are the ones the index holds already: see index().
              outcome = "RETRIED";
              retried.add(key);
              todo.add(f);
            } else {
              // --full reads every file again: an unchanged one is REREAD, not CHANGED.
              outcome = before == null ? "NEW" : same ? "REREAD" : "CHANGED";
              todo.add(f);
            }
          }
          seen.put(key, after);
          t.count(outcome);
          fact.put("sha256", after.sha256());
          fact.put("outcome", outcome);
        } catch (IOException e) {
          t.count("FAILED", "cannot read the file: " + e.getMessage(), key);
          fact.put("outcome", "FAILED");
        }
        abstractFiles.add(fact);
        p.step();
      }
    }
    pendingFiles = new TreeMap<>();
    for (Path f : todo) {
      String key = f.toAbsolutePath().normalize().toString();
      pendingFiles.put(key, seen.get(key));
    }
    allKnown = new TreeMap<>(known);
    allKnown.putAll(seen);
    failedFiles = new TreeMap<>();
    warnGone(known, files);
    indexFingerprint = now;
    if (todo.isEmpty() && restamped && valid) {
      state.putIndexedFiles(indexKey, new RunState.IndexedFiles(now, allKnown));
    }
    checkStage(t, "no abstract file could be read");
    return todo;
  }

  /**
   * Warns about the files indexed on earlier nights that are no longer among the abstract files: their records stay in
   * the index (a record missing from a file is no deletion in PubMed's model; only a DeleteCitation is), and they stay
   * recorded, so the warning comes each night until the index is built anew.
   */
  private void warnGone(Map<String, RunState.IndexedFile> known, List<Path> files) {
    Set<String> current = new HashSet<>();
    files.forEach(f -> current.add(f.toAbsolutePath().normalize().toString()));
    List<String> gone = known.keySet().stream().filter(k -> !current.contains(k)).sorted().toList();
    if (gone.isEmpty()) {
      return;
    }
    boolean one = gone.size() == 1;
    warnings.add((one ? "an abstract file indexed on earlier nights is" : gone.size()
        + " abstract files indexed on earlier nights are") + " no longer among the abstract files ("
        + String.join(", ", gone.subList(0, Math.min(3, gone.size()))) + (gone.size() > 3 ? ", ..." : "") + "): "
        + (one ? "its" : "their") + " records stay in the index and are still used as evidence (`run --full` keeps "
        + "them too). To drop them, build the index anew from the current abstract files: move the index folder "
        + options.index() + " aside and run again");
  }

  /**
   * A run killed between an index commit and the update of {@code abstract-files.json} left a pending marker: when the
   * index's latest commit is the one the marker names (the run id in its user data; for older markers, the generation
   * after the commit it replaced), the commit happened and its files are recorded now. Any other commit (another
   * writer's, e.g. {@code claimcheck index}) proves nothing about ours: the marker is dropped and the files are indexed
   * again (indexing a file twice changes nothing).
   */
  private void recoverPendingCommit(RunState state, String indexKey, String now) throws IOException {
    RunState.PendingCommit pending = state.pending();
    if (pending == null) {
      return;
    }
    boolean ours = pending.run() != null
        ? pending.run().equals(AbstractIndexer.latestCommitData(Path.of(pending.index())).get(AbstractIndexer.RUN_KEY))
        : pending.generation() != null && pending.generation() == Fingerprints.generation(now);
    if (pending.index().equals(indexKey) && ours && !now.equals(pending.before())) {
      RunState.IndexedFiles recorded = state.indexedFiles(indexKey);
      Map<String, RunState.IndexedFile> base = recorded.fingerprint().equals(pending.before())
          ? recorded.files() : Map.of();
      state.putIndexedFiles(indexKey, new RunState.IndexedFiles(now,
          RunState.merge(base, List.of(pending.files()))));
    }
    state.clearPending();
  }

  private Void index(RunState state, List<Path> todo) throws IOException {
    Tally t = tally("index");
    if (todo.isEmpty()) {
      return null;
    }
    String indexKey = indexKey();
    try (AbstractIndexer indexer = rebuild ? AbstractIndexer.rebuild(options.index())
        : AbstractIndexer.open(options.index());
        Progress.Stage p = progress.start("index", todo.size(), "files")) {
      String older = indexer.olderThanRead(todo);
      if (older != null) {
        warnings.add(older + " (`run --full` indexes every abstract file again, in name order)");
      }
      // The indexer counts the break of a file that cannot be read (whole or to its end) as FAILED on this thread,
      // before it reports the file read: a file whose reading added a failure is not recorded as indexed, so it is
      // read (and its failure reported) again each night until it reads to its end.
      long[] failures = {t.get("FAILED")};
      boolean[] onlyRetriedFailing = {true};
      indexer.index(todo, t, f -> {
        long n = t.get("FAILED");
        String key = f.toAbsolutePath().normalize().toString();
        if (n > failures[0]) {
          failedFiles.put(key, pendingFiles.remove(key));
          allKnown.remove(key);
        }
        onlyRetriedFailing[0] &= n > failures[0] && retried.contains(key);
        failures[0] = n;
        p.step();
      });
      // Nothing to commit: nothing was read (only files that cannot be read), or only files that broke on an earlier
      // night and, unchanged since, broke again: their records before the break are those the index holds (the
      // counts say what reading them did). The index and every verdict made from it stay as they are.
      if (!rebuild && (onlyRetriedFailing[0] || t.get(AbstractIndexer.INDEXED) + t.get(AbstractIndexer.REPLACED)
          + t.get(AbstractIndexer.DELETED) == 0)) {
        state.putIndexedFiles(indexKey,
            new RunState.IndexedFiles(Fingerprints.index(options.index()), allKnown, failedFiles));
        checkIndexStage(t);
        return null;
      }
      // Marked only now, holding the index's write lock: the next commit of this index is ours, and nothing marks a
      // commit that an index that could not be opened or read never made.
      String before = Fingerprints.index(options.index());
      long generation = Fingerprints.generation(before);
      String run = java.util.UUID.randomUUID().toString();
      state.putPending(new RunState.PendingCommit(indexKey, before, generation < 0 ? null : generation + 1,
          pendingFiles, run));
      try {
        indexer.commit(Map.of(AbstractIndexer.RUN_KEY, run));
      } catch (RuntimeException e) {
        if (Fingerprints.index(options.index()).equals(before)) {
          state.clearPending(); // the commit did not happen
        }
        throw e;
      }
    }
    String after = Fingerprints.index(options.index());
    state.putIndexedFiles(indexKey, new RunState.IndexedFiles(after, allKnown, failedFiles));
    state.clearPending();
    indexFingerprint = after;
    checkIndexStage(t);
    return null;
  }

  /**
   * The index stage fails as a whole when every file it read failed and the index holds no file of an earlier night
   * either: a broken file beside indexed ones is a partial failure each night it is tried again, not only the first.
   */
  private void checkIndexStage(Tally t) {
    if (allKnown.isEmpty()) {
      checkStage(t, "no abstract could be indexed");
    }
  }

  private String indexKey() {
    return options.index().toAbsolutePath().normalize().toString();
  }

  // ---- verify ----

  private List<ClaimsReport.Row> verify(RunState state, List<Claim> worthy) throws IOException {
    Tally t = tally("verify");
    List<ClaimsReport.Row> rows = new ArrayList<>();
    StanceModel model = stanceModel();
    stanceDescription = model.describe();
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
    // Every class of retrieval and verification (stance features, calibration, study design, ...) and the resources
    // they read; the stance model's own file is in its description.
    String code = Fingerprints.packages(List.of(Verifier.class, AbstractSearcher.class, OnnxModel.class),
        List.of("org/claimcheck/verify/stance-lr.json", VerdictCalibration.RESOURCE.substring(1),
            "org/claimcheck/claim/Lexicon.class", "org/claimcheck/claim/lexicon.tsv"), Map.of());
    verifyContext = Hashes.id(String.join("\n", "index " + indexFingerprint, "stance " + stanceDescription,
        "options " + options.verify(), "code " + code));
    state.loadVerdicts();
    AbstractSearcher searcher = null;
    try (Progress.Stage p = progress.start("verify", worthy.size(), "claims")) {
      Verifier verifier = null;
      for (Claim c : worthy) {
        // The claim's topic is part of what it says when it names fewer than two concepts (Verifier.required): a
        // claim under another heading is another question.
        String key = Hashes.sha256(verifyContext + "\n" + c.claim()
            + (c.topic().isEmpty() ? "" : "\n" + String.join(" ", c.topic())));
        ClaimVerdict cached = options.full() ? null : state.verdict(key);
        if (cached != null) {
          rows.add(new ClaimsReport.Row(c, rebind(cached, c)));
          t.count("REUSED");
          p.step();
          continue;
        }
        try {
          if (verifier == null) {
            searcher = AbstractSearcher.open(options.index(), AbstractSearcher.Bm25.DEFAULT);
            verifier = new Verifier(searcher, model, Lexicon.builtin(), options.verify());
          }
          ClaimVerdict v = verifier.verify(c);
          state.putVerdict(new RunState.VerdictEntry(key, verifyContext, v));
          rows.add(new ClaimsReport.Row(c, v));
          t.count("VERIFIED");
        } catch (RuntimeException e) {
          if (e instanceof ClaimcheckException ce && searcher == null) {
            throw ce; // the index cannot be opened: the stage as a whole cannot work
          }
          t.count("FAILED", "verification failed: " + e, c.id());
          rows.add(new ClaimsReport.Row(c, null));
        }
        p.step();
      }
    } finally {
      if (searcher != null) {
        searcher.close();
      }
    }
    state.compactVerdicts(verifyContext);
    checkStage(t, "no claim could be verified");
    return rows;
  }

  /** The stance model of the run: the trained model shipped in the jar. */
  private static StanceModel stanceModel() {
    return TrainedStanceModel.builtin(Lexicon.builtin());
  }

  /** A remembered verdict, attached to this run's claim (same text; its article's title or URL may be newer). */
  private static ClaimVerdict rebind(ClaimVerdict v, Claim c) {
    return new ClaimVerdict(c, v.verdict(), v.confidence(), v.supporting(), v.contradicting(), v.abstracts());
  }

  // ---- report ----

  private Path report(Workspace ws, Instant started, List<Source> sources, List<Article> articles, List<Claim> claims,
      List<ClaimsReport.Row> rows) throws IOException {
    Tally t = tally("report");
    long t0 = System.nanoTime();
    String date = options.date().toString();
    previous = PreviousReport.find(ws.reports(), options.date());
    changes = ChangesReport.compare(rows, previous);
    String previousDate = previous == null ? null : previous.date();
    Path reportDir = ws.reports().resolve(date);
    Path staging = ws.reports().resolve("." + date + ".partial");
    try {
      AtomicFiles.deleteRecursively(staging);
      Files.createDirectories(staging);
      try (Progress.Stage p = progress.start("report", 4, "files")) {
        ClaimsReport.write(staging.resolve("claims-report.csv"), date, rows, options.excel());
        t.count("OK");
        p.step();
        ChangesReport.write(staging.resolve("changes.csv"), date, previousDate, changes, options.excel());
        t.count("OK");
        p.step();
        long reportedArticles = rows.stream().map(r -> r.claim().articleId()).distinct().count();
        HtmlReport.write(staging.resolve("report.html"), new HtmlReport.Page(date, previousDate, rows, changes,
            (int) reportedArticles, List.of("claimcheck " + version(), "stance model: " + stanceDescription)));
        t.count("OK");
        p.step();
        t.count("OK");
        timings.put("report", Duration.ofNanos(System.nanoTime() - t0).toMillis());
        AtomicFiles.writeString(staging.resolve("manifest.json"),
            RunManifest.json(manifest(started, sources, articles, claims, rows)));
        p.step();
      }
      AtomicFiles.replaceDirectory(staging, reportDir);
    } catch (IOException | UncheckedIOException e) {
      // Checked up front (checkReports), so this is the disk filling up or the folder changing under the run.
      throw new ClaimcheckException("cannot write the report", reportDir + ": " + e,
          "Check the folder's permissions and free disk space; the earlier reports are intact", e);
    }
    return reportDir;
  }

  /**
   * Refuses, before any work, a reports folder the report could not be written to (a file, a folder this process
   * cannot write), and a {@code reports/<date>} that is not a report folder (the report would replace, and so delete,
   * whatever is there).
   */
  private void checkReports(Path reports) {
    if (Files.exists(reports) && !Files.isDirectory(reports)) {
      throw new ClaimcheckException("the reports folder is not a folder", reports.toString(),
          "Move it away: the run writes one folder per night under reports/");
    }
    try {
      Files.createDirectories(reports);
      Files.delete(Files.createTempFile(reports, ".write-check-", ".tmp"));
    } catch (IOException e) {
      throw new ClaimcheckException("cannot write to the reports folder", reports + ": " + e,
          "Check the folder's permissions and free disk space");
    }
    Path target = reports.resolve(options.date().toString());
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !isReportFolder(target)) {
      throw new ClaimcheckException("the report's place is taken by something that is not a report folder",
          target.toString(), "Move it away (the run replaces reports/<date>/ with its report), or give another --date");
    }
    // A run dated before the latest report sees today's sources and index, not that night's: replacing a night's
    // report with it rewrote that night's record silently (its changes, its verdicts); filling a skipped night is
    // allowed, said.
    List<LocalDate> later;
    try {
      later = PreviousReport.later(reports, options.date(),
          LocalDate.ofInstant(clock.instant(), java.time.ZoneId.systemDefault()));
    } catch (IOException e) {
      later = List.of();
    }
    if (!later.isEmpty()) {
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !PreviousReport.isFailed(target)) {
        throw ClaimcheckException.usage("a later report exists (" + later.getLast() + "), so this run would replace "
            + "the report of " + options.date() + " with what it sees today", target.toString(),
            "Give --date a day without a report, or move reports/" + options.date() + " away first");
      }
      warnings.add("this run is dated " + options.date() + ", before the latest report (" + later.getLast()
          + "): it shows the sources and the index as they are now, compared with the report before its date");
    }
  }

  /** The files a report folder holds; a second run on the same day replaces a folder of these and nothing else. */
  private static final Set<String> REPORT_FILES =
      Set.of("claims-report.csv", "changes.csv", "report.html", "manifest.json");

  /**
   * Whether {@code dir} is a folder holding report files only: a folder with anything else (an editor's notes) is not
   * replaced, which would delete what is in it.
   */
  private static boolean isReportFolder(Path dir) {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.allMatch(p -> REPORT_FILES.contains(p.getFileName().toString())
          && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS));
    } catch (IOException e) {
      return false;
    }
  }

  /** Removes what a killed run left in reports/: staging folders, and old folders a rename had moved aside. */
  private static void tidyReports(Path reports) throws IOException {
    if (!Files.isDirectory(reports)) {
      return;
    }
    List<Path> hidden;
    try (Stream<Path> list = Files.list(reports)) {
      hidden = list.filter(p -> p.getFileName().toString().startsWith(".")).sorted().toList();
    }
    for (Path p : hidden) {
      String name = p.getFileName().toString();
      Matcher old = OLD.matcher(name);
      if (STAGING.matcher(name).matches()) {
        AtomicFiles.deleteRecursively(p);
      } else if (old.matches()) {
        Path target = reports.resolve(old.group(1));
        if (Files.exists(target)) {
          AtomicFiles.deleteRecursively(p);
        } else {
          Files.move(p, target, StandardCopyOption.ATOMIC_MOVE); // killed between the two renames: put it back
        }
      }
    }
  }

  // ---- manifest ----

  private Map<String, Object> manifest(Instant started, List<Source> sources, List<Article> articles,
      List<Claim> claims, List<ClaimsReport.Row> rows) {
    RunManifest.Facts f = new RunManifest.Facts(options, started, clock.instant(), version(),
        failedStages.isEmpty() ? "OK" : "FAILED", failedStages, acquisition == null ? "" : acquisition.describe(),
        abstractFiles, indexFingerprint, stanceDescription, extractorFingerprint, verifyContext,
        previous == null ? null : previous.date(), sources.size(), articles.size(), claims.size(), rows, changes,
        tallies, timings, warnings);
    return RunManifest.build(f);
  }

  static String version() {
    String v = NightlyRun.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  // ---- helpers ----

  private Tally tally(String stage) {
    return tallies.computeIfAbsent(stage, Tally::new);
  }

  /** A stage fails as a whole when it had items and every one of them failed. */
  private void checkStage(Tally t, String what) {
    if (t.total() > 0 && t.get("FAILED") == t.total()) {
      failedStages.add(t.stage() + ": " + what + " (" + t.total() + " failed)");
    }
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from this JDK", e);
    }
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
      timings.merge(name, Duration.ofNanos(System.nanoTime() - t0).toMillis(), (a, b) -> b);
    }
  }

  /**
   * Whether a record id is in the index (of any schema version: an index about to be rebuilt still says which abstracts
   * need no fetching); opens the index on first use (only online acquisition asks).
   */
  private static final class IndexLookup implements AutoCloseable {
    private final Path dir;
    private IndexIds ids;
    private boolean opened;

    IndexLookup(Path dir) {
      this.dir = dir;
    }

    boolean contains(String id) {
      try {
        if (!opened) {
          opened = true;
          ids = IndexIds.open(dir);
        }
        return ids != null && ids.contains(id);
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    public void close() throws IOException {
      if (ids != null) {
        ids.close();
      }
    }
  }
}
