package org.claimcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.claimcheck.claim.Claim;
import org.claimcheck.eval.Expectation;
import org.claimcheck.eval.Expectations;
import org.claimcheck.eval.MetricReport;
import java.util.List;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.TextFiles;
import org.claimcheck.encoder.OnnxModel;
import org.claimcheck.index.AbstractIndexer;
import org.claimcheck.index.BeirEvaluation;
import org.claimcheck.index.DenseVectors;
import org.claimcheck.index.HybridRanker;
import org.claimcheck.index.IndexSchema;
import org.claimcheck.index.Qrels;
import org.claimcheck.index.TrecRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code claimcheck eval beir}: BM25, dense and hybrid retrieval on a BEIR-style benchmark, nDCG@10 and Recall@100.
 */
@Command(name = "beir", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {"Indexes a corpus into a temporary index, searches every query as plain words with BM25 (or dense, "
        + "hybrid, or all three: --ranking) and prints nDCG@10 and Recall@100 (trec_eval conventions: relevance > 0, "
        + "ties broken by id as in the run, a query without hits counts 0) and the search latency. Each ranking is "
        + "checked against the recorded expectation for these inputs and options; exit 3 outside it.",
        "Example: claimcheck eval beir --ranking all --corpus ../shared/data/scifact/corpus.jsonl "
            + "--queries ../shared/data/scifact/claims_train.jsonl --qrels ../shared/data/scifact/qrels/train.tsv"})
public final class EvalBeirCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Mixin
  Bm25Options bm25;

  @Spec
  CommandSpec spec;

  @Option(names = "--corpus", required = true, paramLabel = "FILE",
      description = "The corpus: BEIR corpus.jsonl (_id, title, text), SciFact corpus.jsonl, or PubMed XML.")
  Path corpus;

  @Option(names = "--queries", required = true, paramLabel = "FILE",
      description = "The queries: BEIR queries.jsonl (_id, text), SciFact claims .jsonl (id, claim) or TSV.")
  Path queries;

  @Option(names = "--qrels", required = true, paramLabel = "FILE",
      description = "Relevance judgements: BEIR qrels .tsv or TREC qrels.")
  Path qrels;

  @Option(names = "--run", paramLabel = "FILE", description = "Also write the TREC run (top 100 per query) here.")
  Path run;

  @Option(names = "--expect", paramLabel = "FILE",
      description = "Check against this expectation file instead of the recorded one (one ranking only).")
  Path expect;

  enum Ranking { bm25, dense, hybrid, all }

  @Option(names = "--ranking", defaultValue = "bm25", paramLabel = "R",
      description = "bm25, dense (bge-small-en-v1.5 vectors), hybrid (both, min-max fused) or all (default: "
          + "${DEFAULT-VALUE}). Dense and hybrid embed the corpus once (minutes on 2 cores), then read the cache.")
  Ranking ranking;

  @Option(names = "--bm25-weight", paramLabel = "W",
      description = "Hybrid: weight of the normalised BM25 score, 0 to 1 (default: "
          + HybridRanker.Settings.DEFAULT_BM25_WEIGHT + ").")
  Double bm25Weight;

  @Option(names = "--embedding-cache", paramLabel = "DIR",
      description = "Where vectors are kept between runs (default: corpus/index-embeddings, the default index's).")
  Path embeddingCache;

  @Override
  public Integer call() throws Exception {
    Outputs.requireFile(corpus, "corpus", "Give a BEIR or SciFact corpus.jsonl");
    Outputs.requireFile(queries, "queries file", "Give BEIR queries.jsonl, SciFact claims .jsonl or TSV id<TAB>text");
    Outputs.requireFile(qrels, "qrels file", "Give BEIR qrels/*.tsv or TREC qrels");
    List<HybridRanker.Mode> modes = ranking == Ranking.all
        ? List.of(HybridRanker.Mode.BM25, HybridRanker.Mode.DENSE, HybridRanker.Mode.HYBRID)
        : List.of(HybridRanker.Mode.valueOf(ranking.name().toUpperCase(Locale.ROOT)));
    if (expect != null && modes.size() > 1) {
      throw ClaimcheckException.usage("--expect checks one ranking", "--ranking all",
          "Give --ranking bm25, dense or hybrid with --expect");
    }
    double weight = RankingOptions.bm25Weight(bm25Weight);
    for (HybridRanker.Mode m : modes) {
      Outputs.checkWritable(runFile(m, modes.size()), "--run");
    }
    var params = bm25.bm25();
    Map<String, String> queryTexts = new LinkedHashMap<>();
    for (Claim c : SearchCommand.readQueries(queries)) {
      queryTexts.put(c.id(), c.claim());
    }
    Qrels judgements = Qrels.read(qrels);
    requireJudged(queryTexts, judgements);
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("corpus", sha256(corpus));
    inputs.put("queries", sha256(queries));
    inputs.put("qrels", sha256(qrels));
    boolean dense = modes.stream().anyMatch(m -> m != HybridRanker.Mode.BM25);
    Path cache = embeddingCache != null ? embeddingCache : DenseVectors.defaultCache(Path.of("corpus", "index"));
    List<HybridRanker.Settings> rankings = modes.stream()
        .map(m -> new HybridRanker.Settings(m, weight, HybridRanker.Settings.DEFAULT_CANDIDATES)).toList();
    int code = Main.OK;
    try (DenseVectors vectors = dense ? DenseVectors.open(cache, new OnnxModel.Options(
        Math.max(1, Runtime.getRuntime().availableProcessors() / AbstractIndexer.Options.defaults().threads()), 1),
        HybridRanker.Settings.DEFAULT_QUERY_PREFIX) : null) {
      long embeddedBefore = vectors == null ? 0 : vectors.embedded();
      Map<HybridRanker.Mode, BeirEvaluation.Result> results = BeirEvaluation.run(corpus, queryTexts, judgements,
          params, rankings, vectors);
      BeirEvaluation.Result first = results.values().iterator().next();
      int unsearched = judgements.queries().size() - first.judgedQueries();
      if (unsearched > 0) {
        spec.commandLine().getErr().printf(Locale.ROOT, "warning: %d of the %d queries judged in the qrels are not in "
            + "the queries file; the means are over the %d searched that are judged%n", unsearched,
            judgements.queries().size(), first.judgedQueries());
      }
      if (!first.missing().isEmpty()) {
        List<String> m = first.missing();
        spec.commandLine().getErr().printf(Locale.ROOT, "warning: %d of the %d documents judged relevant to these "
            + "queries are not in the corpus (%s%s); no ranking can find them, so the scores are lower than the "
            + "ranking deserves. Check that --qrels and --corpus belong together%n", m.size(), first.relevant(),
            String.join(", ", m.subList(0, Math.min(5, m.size()))), m.size() > 5 ? ", ..." : "");
      }
      for (HybridRanker.Settings rs : rankings) {
        HybridRanker.Mode m = rs.mode();
        BeirEvaluation.Result r = results.get(m);
        Map<String, Object> options = new LinkedHashMap<>();
        if (m != HybridRanker.Mode.DENSE) {
          // As written on the command line (0.9, not the float's 0.899999976...), so they match the recorded options.
          options.put("k1", Float.toString(params.k1()));
          options.put("b", Float.toString(params.b()));
        }
        if (m != HybridRanker.Mode.BM25) {
          options.put("ranking", m.name().toLowerCase(Locale.ROOT));
          options.put("model", vectors.encoder().modelId());
          options.put("queryPrefix", vectors.encoder().queryPrefix());
        }
        if (m == HybridRanker.Mode.HYBRID) {
          options.put("bm25Weight", Double.toString(rs.bm25Weight()));
          options.put("candidates", Integer.toString(rs.candidates()));
        }
        Expectation expectation = expect != null ? Expectations.read(expect)
            : Expectations.find("beir", inputs, options);
        Path runPath = runFile(m, modes.size());
        if (runPath != null) {
          String tag = "claimcheck-" + m.name().toLowerCase(Locale.ROOT);
          Outputs.write(runPath, null, w -> {
            for (var e : r.runs().entrySet()) {
              TrecRun.write(w, e.getKey(), e.getValue(), tag);
            }
          });
        }
        String title = switch (m) {
          case DENSE -> "BEIR dense (" + vectors.encoder().modelId() + ")";
          case HYBRID -> String.format(Locale.ROOT, "BEIR hybrid (min-max fusion, BM25 weight %s, k1=%s, b=%s)",
              rs.bm25Weight(), fmt(params.k1()), fmt(params.b()));
          default -> String.format(Locale.ROOT, "BEIR BM25 (k1=%s, b=%s)", fmt(params.k1()), fmt(params.b()));
        };
        MetricReport report = new MetricReport(title + ": " + corpus.getFileName());
        report.put("nDCG@" + BeirEvaluation.NDCG_AT, r.ndcg());
        report.put("Recall@" + BeirEvaluation.RECALL_AT, r.recall());
        report.note("queries", r.queries() + " (" + r.judgedQueries() + " judged of " + judgements.queries().size()
            + " in the qrels" + (unsearched > 0 ? "; " + unsearched + " judged not searched, left out of the means"
            : "") + ")");
        report.note("documents", Integer.toString(r.documents()));
        report.note("analyzer", IndexSchema.describe());
        if (vectors != null) {
          report.note("vectors", vectors.encoder().describe() + "; " + (vectors.embedded() - embeddedBefore)
              + " texts embedded, the rest from " + cache);
        }
        report.note("time", String.format(Locale.ROOT, "index %.1f s, search %.1f s (per query: p50 %.1f ms, p95 "
            + "%.1f ms)", r.indexSeconds(), r.searchSeconds(), r.p50Ms(), r.p95Ms()));
        report.expect(expectation);
        report.print(spec.commandLine().getOut(), spec.commandLine().getErr());
        code = Math.max(code, report.exitCode());
      }
    }
    return code;
  }

  /**
   * A usage error when no query would be scored: the qrels judge no document relevant, or none of the queries they
   * judge is in the queries file (ids that do not match, or the qrels of another split).
   */
  private void requireJudged(Map<String, String> queryTexts, Qrels judgements) {
    if (judgements.queries().isEmpty()) {
      throw ClaimcheckException.usage("the qrels judge no document relevant", qrels.toString(),
          "Give BEIR qrels (query-id<TAB>corpus-id<TAB>score) or TREC qrels (qid 0 docid rel), with scores above 0");
    }
    if (judgements.queries().stream().noneMatch(queryTexts::containsKey)) {
      throw ClaimcheckException.usage("no query of the queries file is judged in the qrels",
          queryTexts.size() + " queries (first id " + TextFiles.clip(queryTexts.keySet().iterator().next())
              + "), " + judgements.queries().size() + " judged in " + qrels + " (first id "
              + TextFiles.clip(judgements.queries().iterator().next()) + ")",
          "Give the qrels of these queries: their query ids must match");
    }
  }

  /** Where the TREC run of ranking {@code m} goes: --run, or with several rankings --run with the ranking's name. */
  private Path runFile(HybridRanker.Mode m, int rankings) {
    if (run == null || rankings == 1) {
      return run;
    }
    String name = run.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String tag = "-" + m.name().toLowerCase(Locale.ROOT);
    return run.resolveSibling(dot > 0 ? name.substring(0, dot) + tag + name.substring(dot) : name + tag);
  }

  private static String fmt(float f) {
    return String.format(Locale.ROOT, "%s", f);
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
