package org.claimcheck.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimcheck.Json;
import org.claimcheck.Tally;
import org.claimcheck.claim.Lexicon;
import org.claimcheck.index.IndexSchema;
import org.claimcheck.nlp.NlpModels;
import org.claimcheck.report.ChangesReport;
import org.claimcheck.report.ClaimsReport;
import org.claimcheck.report.HtmlReport;

/**
 * Thread-safe (stateless). {@code reports/<date>/manifest.json}: what a run did and with what, so a report can be
 * explained and reproduced: versions, options, models and analyzer, the abstract files and the index commit, counts per
 * stage, timings, failures with their reasons and the first items that failed, warnings. README "Reports" describes
 * the fields. The API key is never written, only whether one was set.
 */
final class RunManifest {
  private RunManifest() {}

  /** Everything the manifest reports. */
  record Facts(RunOptions options, Instant started, Instant finished, String version, String status,
      List<String> failedStages, String acquisition, List<Map<String, Object>> abstractFiles, String indexCommit,
      String stance, String extractorFingerprint, String verifyContext, String previousReport, int sources,
      int articles, int claims, List<ClaimsReport.Row> rows, List<ChangesReport.Change> changes,
      Map<String, Tally> tallies, Map<String, Long> timings, List<String> warnings) {}

  static String json(Map<String, Object> manifest) {
    return Json.pretty(manifest) + "\n";
  }

  static Map<String, Object> build(Facts f) {
    RunOptions o = f.options();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tool", "claimcheck");
    m.put("version", f.version());
    m.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    m.put("date", o.date().toString());
    m.put("started", f.started().toString());
    m.put("finished", f.finished().toString());
    m.put("durationMillis", Duration.between(f.started(), f.finished()).toMillis());
    m.put("status", f.status());
    m.put("failedStages", f.failedStages());

    Map<String, Object> opts = new LinkedHashMap<>();
    opts.put("workdir", o.workspace().root().toString());
    opts.put("sources", o.sources() == null ? null : o.sources().toString());
    opts.put("offline", o.offline());
    opts.put("abstracts", o.abstracts().stream().map(Path::toString).toList());
    opts.put("index", o.index().toString());
    opts.put("threshold", o.threshold());
    opts.put("excel", o.excel());
    opts.put("full", o.full());
    Map<String, Object> verify = new LinkedHashMap<>();
    verify.put("abstracts", o.verify().abstracts());
    verify.put("sentences", o.verify().sentencesPerAbstract());
    verify.put("expand", o.verify().expandQuery());
    opts.put("verify", verify);
    Map<String, Object> fetch = new LinkedHashMap<>();
    fetch.put("userAgent", o.fetch().userAgent());
    fetch.put("threads", o.fetch().threads());
    fetch.put("hostDelaySeconds", o.fetch().hostDelay().toMillis() / 1000.0);
    fetch.put("timeoutSeconds", o.fetch().deadline().toMillis() / 1000.0);
    fetch.put("maxPageBytes", o.fetch().maxBodyBytes());
    fetch.put("allowPrivateAddresses", o.fetch().allowPrivateAddresses());
    opts.put("fetch", fetch);
    Map<String, Object> pubmed = new LinkedHashMap<>();
    pubmed.put("url", o.pubmed().baseUrl().toString());
    pubmed.put("email", o.pubmed().email());
    pubmed.put("perClaim", o.pubmed().perClaim());
    pubmed.put("maxSearches", o.pubmed().maxSearches());
    pubmed.put("refreshDays", o.pubmed().refreshDays());
    pubmed.put("attempts", o.pubmed().attempts());
    opts.put("pubmed", pubmed);
    opts.put("ncbiApiKey", o.ncbiApiKey() == null ? "absent" : "set (from the environment)");
    m.put("options", opts);

    Map<String, Object> models = new LinkedHashMap<>();
    models.put("opennlp", NlpModels.describe());
    models.put("index", IndexSchema.describe());
    models.put("stance", f.stance());
    models.put("lexicon", Lexicon.builtin().size() + " concepts (built in)");
    models.put("extractorFingerprint", f.extractorFingerprint());
    models.put("verifyContext", f.verifyContext());
    m.put("models", models);

    Map<String, Object> abstracts = new LinkedHashMap<>();
    abstracts.put("acquisition", f.acquisition());
    abstracts.put("files", f.abstractFiles());
    m.put("abstracts", abstracts);
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("path", o.index().toString());
    index.put("commit", f.indexCommit());
    m.put("index", index);
    m.put("previousReport", f.previousReport());

    Map<String, Tally> t = f.tallies();
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("sources", f.sources());
    counts.put("articles", f.articles());
    counts.put("articlesProcessed", get(t, "extract", "OK"));
    counts.put("articlesReused", get(t, "extract", "REUSED"));
    counts.put("claims", f.claims());
    counts.put("checkWorthyClaims", f.rows().size());
    counts.put("verified", f.rows().stream().filter(r -> r.verdict() != null).count());
    counts.put("verdictsMade", get(t, "verify", "VERIFIED"));
    counts.put("verdictsReused", get(t, "verify", "REUSED"));
    counts.put("verdicts", HtmlReport.verdictCounts(f.rows()));
    Map<String, Long> changeCounts = new LinkedHashMap<>();
    for (ChangesReport.Kind k : ChangesReport.Kind.values()) {
      changeCounts.put(k.name(), f.changes().stream().filter(c -> c.kind() == k).count());
    }
    counts.put("changes", changeCounts);
    m.put("counts", counts);
    m.put("stages", t.values().stream().map(Tally::toMap).toList());
    m.put("timingsMillis", f.timings());

    List<Map<String, Object>> failures = new ArrayList<>();
    for (Tally tally : t.values()) {
      Map<String, List<String>> examples = tally.examples();
      tally.reasons().forEach((reason, count) -> {
        if (reason.startsWith("FAILED: ")) {
          Map<String, Object> fail = new LinkedHashMap<>();
          fail.put("stage", tally.stage());
          fail.put("reason", reason.substring("FAILED: ".length()));
          fail.put("count", count);
          fail.put("examples", examples.getOrDefault(reason, List.of()));
          failures.add(fail);
        }
      });
    }
    m.put("failures", failures);
    m.put("warnings", f.warnings());
    return m;
  }

  private static long get(Map<String, Tally> tallies, String stage, String outcome) {
    Tally t = tallies.get(stage);
    return t == null ? 0 : t.get(outcome);
  }
}
