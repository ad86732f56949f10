package org.claimcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.batch.NightlyRun;
import org.claimcheck.batch.RunConfig;
import org.claimcheck.batch.RunOptions;
import org.claimcheck.batch.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code claimcheck run}: the nightly job. */
@Command(name = "run", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {"The nightly job: fetches the sources, extracts claims, indexes abstract files, verifies the "
        + "check-worthy claims and writes reports/<date>/ (claims-report.csv, manifest.json).",
        "Sources default to corpus/sources.txt and the pages in corpus/inbox/; abstract files in corpus/pubmed/ "
            + "are always indexed. Settings come from claimcheck.properties when present (see --config).",
        "Example: claimcheck run --offline --sources ../shared/data/articles "
            + "--abstracts ../shared/data/pubmed-sample/xml"})
public final class RunCommand implements Callable<Integer> {
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

  @Option(names = "--threshold", paramLabel = "T",
      description = "Check-worthiness a claim needs to be verified, 0 to 1 (default: 0.5).")
  Double threshold;

  @Option(names = "--excel", description = "CSV for Excel: byte-order mark, formula cells neutralised.")
  Boolean excel;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Report date (default: today).")
  String date;

  @Option(names = "--workdir", paramLabel = "DIR",
      description = "Working folder holding corpus/, claims/ and reports/ (default: the current folder).")
  Path workdir;

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
    Path src = sources != null ? sources : cfg.get("sources") != null ? Path.of(cfg.get("sources")) : null;
    if (src != null && !Files.exists(src)) {
      throw ClaimcheckException.usage("no such sources file or folder", src.toString(),
          "Give a sources list (one URL or path per line) or a folder of pages");
    }
    List<Path> abs = new ArrayList<>(cfg.paths("abstracts"));
    if (abstracts != null) {
      abs.addAll(abstracts);
    }
    for (Path p : abs) {
      if (!Files.exists(p)) {
        throw ClaimcheckException.usage("no such abstract file or folder", p.toString(),
            "Give PubMed XML (.xml, .xml.gz), MEDLINE text or JSONL corpus files, or folders of them");
      }
    }
    Path idx = index != null ? index : cfg.get("index") != null ? ws.root().resolve(cfg.get("index")) : ws.index();
    double t = threshold != null ? threshold : cfg.number("threshold") != null ? cfg.number("threshold") : 0.5;
    if (t < 0 || t > 1) {
      throw ClaimcheckException.usage("threshold must be between 0 and 1", Double.toString(t), null);
    }
    LocalDate day;
    try {
      day = date == null ? LocalDate.now() : LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw ClaimcheckException.usage("bad --date", date, "Write the date as YYYY-MM-DD");
    }
    boolean off = offline != null ? offline : Boolean.TRUE.equals(cfg.bool("offline"));
    boolean xl = excel != null ? excel : Boolean.TRUE.equals(cfg.bool("excel"));
    RunOptions options = new RunOptions(ws, src, off, abs, idx, day, t, xl);
    NightlyRun.Result result = new NightlyRun(options, Clock.systemUTC(), spec.commandLine().getErr()).run();
    spec.commandLine().getOut().println(ws.root().relativize(result.reportDir().resolve("claims-report.csv")));
    return Main.OK;
  }
}
