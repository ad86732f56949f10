package org.claimcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.TextFiles;
import org.claimcheck.article.Fetcher;
import org.claimcheck.batch.EutilsAbstracts;
import org.claimcheck.batch.NightlyRun;
import org.claimcheck.batch.RunConfig;
import org.claimcheck.batch.RunOptions;
import org.claimcheck.batch.Workspace;
import org.claimcheck.index.AbstractIndexer;
import org.claimcheck.pubmed.RecordReaders;
import org.claimcheck.verify.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code claimcheck run}: the nightly job. A thin adapter: settings from the options, the file and the environment. */
@Command(name = "run", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {"The nightly job: fetches the sources, extracts claims, indexes abstract files, verifies the "
        + "check-worthy claims and writes reports/<date>/ (claims-report.csv, changes.csv, report.html, "
        + "manifest.json).",
        "Incremental: unchanged pages keep their claims, indexed abstract files are not indexed again, and claims keep "
            + "their verdicts until the index, the stance model or the options change (--full redoes everything). "
            + "One run at a time per working folder.",
        "Sources default to corpus/sources.txt and the pages in corpus/inbox/; abstract files in corpus/pubmed/ "
            + "are always indexed. Settings come from claimcheck.properties when present (see --config); the NCBI "
            + "API key only from the environment (NCBI_API_KEY).",
        "Exit codes: 0 ok (partial failures are counted in the report), 1 a stage failed as a whole or another run "
            + "holds the lock, 2 usage error.",
        "Example: claimcheck run --offline --sources ../shared/data/articles "
            + "--abstracts ../shared/data/pubmed-sample/xml"})
public final class RunCommand implements Callable<Integer> {
  /** The environment variable that holds the NCBI API key. */
  public static final String API_KEY_ENV = "NCBI_API_KEY";

  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Configuration file (default: claimcheck.properties in the working folder, when present).")
  Path config;

  @Option(names = "--offline", description = "Use only local pages and abstract files; skip URLs.")
  Boolean offline;

  @Option(names = "--sources", paramLabel = "FILE|DIR",
      description = "A sources list (one URL or path per line) or a folder of pages.")
  Path sources;

  @Option(names = "--abstracts", paramLabel = "FILE", arity = "1..*",
      description = "Abstract files or folders to index before verifying (PubMed XML, MEDLINE, JSONL).")
  List<Path> abstracts;

  @Option(names = "--index", paramLabel = "DIR", description = "The Lucene index folder (default: corpus/index).")
  Path index;

  @Option(names = "--threshold", paramLabel = "T", converter = Decimal.class,
      description = "Check-worthiness a claim needs to be verified, 0 to 1 (default: 0.5).")
  Double threshold;

  @Option(names = "--excel", description = "CSVs for Excel: byte-order mark, formula cells neutralised.")
  Boolean excel;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Report date (default: today).")
  String date;

  @Option(names = "--workdir", paramLabel = "DIR",
      description = "Working folder holding corpus/, claims/ and reports/ (default: the current folder).")
  Path workdir;

  @Option(names = "--full", description = "Reprocess everything: ignore the claims, verdicts and indexed files "
      + "remembered from earlier runs, and read every abstract file again into the same index (records of files no "
      + "longer given stay in it; move the index folder aside to build it anew).")
  boolean full;

  @Mixin
  ProgressOption progressOption;

  @Override
  public Integer call() throws Exception {
    if (workdir != null && !Files.isDirectory(workdir)) {
      throw ClaimcheckException.usage("no such working folder", workdir.toString(), "Create it or name another");
    }
    Workspace ws = workdir == null ? Workspace.current() : new Workspace(workdir);
    RunConfig cfg;
    if (config != null) {
      Outputs.requireFile(config, "configuration file", "Give a properties file, or leave out --config");
      cfg = RunConfig.load(config);
    } else if (Files.isRegularFile(ws.root().resolve(RunConfig.FILE_NAME))) {
      cfg = RunConfig.load(ws.root().resolve(RunConfig.FILE_NAME));
    } else {
      cfg = RunConfig.empty();
    }
    Path src = sources != null ? sources : cfg.get("sources") != null ? ws.root().resolve(cfg.get("sources")) : null;
    if (src != null && !Files.exists(src)) {
      throw ClaimcheckException.usage("no such sources file or folder", src.toString(),
          "Give a sources list (one URL or path per line) or a folder of pages");
    }
    if (src != null && Files.isRegularFile(src)) {
      TextFiles.requireUtf8(src); // before the run takes its lock and state: it would fail reading the list
    }
    List<Path> abs = new ArrayList<>();
    cfg.paths("abstracts").forEach(p -> abs.add(ws.root().resolve(p)));
    if (abstracts != null) {
      abs.addAll(abstracts);
    }
    for (Path p : abs) {
      if (!Files.exists(p)) {
        throw ClaimcheckException.usage("no such abstract file or folder", p.toString(),
            "Give PubMed XML (.xml, .xml.gz), MEDLINE text (.txt, .medline, .nbib) or JSONL corpus (.jsonl) files, "
                + "or folders of them");
      }
      // Checked before the run fetches and extracts: the index stage would refuse it only then.
      if (!Files.isDirectory(p) && !RecordReaders.isSupported(p)) {
        throw ClaimcheckException.usage("unsupported abstract file", p.toString(),
            "Give PubMed XML (.xml, .xml.gz), MEDLINE text (.txt, .medline, .nbib) or JSONL corpus (.jsonl) files, "
                + "or folders of them");
      }
    }
    Path idx = index != null ? index : cfg.get("index") != null ? ws.root().resolve(cfg.get("index")) : ws.index();
    if (Files.exists(idx) && !Files.isDirectory(idx)) {
      throw ClaimcheckException.usage("the index must be a folder", idx.toString(), "Name a folder for --index");
    }
    AbstractIndexer.requireIndexOrEmpty(idx);
    double t = threshold != null ? threshold : cfg.number("threshold") != null ? cfg.number("threshold") : 0.5;
    if (!(t >= 0 && t <= 1)) {
      throw ClaimcheckException.usage("threshold must be between 0 and 1", Double.toString(t), null);
    }
    LocalDate day;
    try {
      // ISO dates also take a sign and more year digits (+12026-01-01): a report folder name no one means.
      if (date != null && !date.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
        throw new DateTimeParseException("not YYYY-MM-DD", date, 0);
      }
      day = date == null ? LocalDate.now() : LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw ClaimcheckException.usage("bad --date", date, "Write the date as YYYY-MM-DD");
    }
    boolean off = offline != null ? offline : Boolean.TRUE.equals(cfg.bool("offline"));
    boolean xl = excel != null ? excel : Boolean.TRUE.equals(cfg.bool("excel"));
    Verifier.Options defaults = Verifier.Options.defaults();
    Integer perClaim = cfg.integer("verify.abstracts", 1, 100);
    Integer sentences = cfg.integer("verify.sentences", 1, 10);
    Boolean expand = cfg.bool("verify.expand");
    Verifier.Options verify = new Verifier.Options(perClaim != null ? perClaim : defaults.abstracts(),
        sentences != null ? sentences : defaults.sentencesPerAbstract(),
        expand != null ? expand : defaults.expandQuery());
    RunOptions options = new RunOptions(ws, src, off, abs, idx, day, t, xl, full, verify,
        System.getenv(API_KEY_ENV), cfg.fetchOptions(Fetcher.Options.defaults()),
        cfg.pubmedSettings(EutilsAbstracts.Settings.defaults()));
    PrintWriter err = spec.commandLine().getErr();
    NightlyRun.Result result = new NightlyRun(options, Clock.systemUTC(), err,
        progressOption.progress(err, () -> progressFrom(cfg))).run();
    // The working folder as given: the path resolves from the caller's folder (absolute when --workdir is).
    spec.commandLine().getOut().println(Workspace.shown(result.reportDir().resolve("claims-report.csv")));
    return result.exitCode() == 0 ? Main.OK : Main.FAILURE;
  }

  /** A plain decimal number (not NaN, infinite, hexadecimal or suffixed, which Double.valueOf would take). */
  static final class Decimal implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      Double d = RunConfig.decimal(value);
      if (d == null) {
        throw new TypeConversionException("'" + value + "' is not a decimal number (write it like 0.6)");
      }
      return d;
    }
  }

  private static ProgressOption.ProgressMode progressFrom(RunConfig cfg) {
    String v = cfg.get("progress");
    if (v == null) {
      return ProgressOption.ProgressMode.auto;
    }
    try {
      return ProgressOption.ProgressMode.valueOf(v.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ClaimcheckException.usage("configuration key 'progress' must be auto, bar, plain or none", v, null);
    }
  }
}
