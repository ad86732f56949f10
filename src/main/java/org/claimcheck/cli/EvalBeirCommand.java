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
import org.claimcheck.claim.ClaimsFile;
import org.claimcheck.eval.Expectation;
import org.claimcheck.eval.Expectations;
import org.claimcheck.eval.MetricReport;
import org.claimcheck.index.BeirEvaluation;
import org.claimcheck.index.IndexSchema;
import org.claimcheck.index.Qrels;
import org.claimcheck.index.TrecRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code claimcheck eval beir}: BM25 retrieval on a BEIR-style benchmark, nDCG@10 and Recall@100. */
@Command(name = "beir", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {"Indexes a corpus into a temporary index, searches every query as plain words with BM25 and prints "
        + "nDCG@10 and Recall@100 (trec_eval conventions: relevance > 0, ties broken by id as in the run, a query "
        + "without hits counts 0). Checked against the recorded expectation for these inputs and options; exit 3 "
        + "outside it.",
        "Example: claimcheck eval beir --corpus ../shared/data/scifact/corpus.jsonl "
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
      description = "Check against this expectation file instead of the recorded one.")
  Path expect;

  @Override
  public Integer call() throws Exception {
    Outputs.requireFile(corpus, "corpus", "Give a BEIR or SciFact corpus.jsonl");
    Outputs.requireFile(queries, "queries file", "Give BEIR queries.jsonl, SciFact claims .jsonl or TSV id<TAB>text");
    Outputs.requireFile(qrels, "qrels file", "Give BEIR qrels/*.tsv or TREC qrels");
    Outputs.checkWritable(run);
    var params = bm25.bm25();
    Map<String, String> queryTexts = new LinkedHashMap<>();
    for (Claim c : ClaimsFile.read(queries)) {
      queryTexts.put(c.id(), c.claim());
    }
    Qrels judgements = Qrels.read(qrels);
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("corpus", sha256(corpus));
    inputs.put("queries", sha256(queries));
    inputs.put("qrels", sha256(qrels));
    Map<String, Object> options = new LinkedHashMap<>();
    // As written on the command line (0.9, not the float's 0.899999976...), so they match the recorded options.
    options.put("k1", Float.toString(params.k1()));
    options.put("b", Float.toString(params.b()));
    Expectation expectation = expect != null ? Expectations.read(expect)
        : Expectations.find("beir", inputs, options);

    BeirEvaluation.Result r = BeirEvaluation.run(corpus, queryTexts, judgements, params);
    if (run != null) {
      Outputs.write(run, null, w -> {
        for (var e : r.runs().entrySet()) {
          TrecRun.write(w, e.getKey(), e.getValue(), "claimcheck-bm25");
        }
      });
    }
    MetricReport report = new MetricReport(String.format(Locale.ROOT, "BEIR BM25 (k1=%s, b=%s): %s",
        fmt(params.k1()), fmt(params.b()), corpus.getFileName()));
    report.put("nDCG@" + BeirEvaluation.NDCG_AT, r.ndcg());
    report.put("Recall@" + BeirEvaluation.RECALL_AT, r.recall());
    report.note("queries", r.queries() + " (" + r.judgedQueries() + " judged of " + judgements.queries().size()
        + " in the qrels)");
    report.note("documents", Integer.toString(r.documents()));
    report.note("analyzer", IndexSchema.describe());
    report.note("time", String.format(Locale.ROOT, "index %.1f s, search %.1f s", r.indexSeconds(),
        r.searchSeconds()));
    report.expect(expectation);
    report.print(spec.commandLine().getOut(), spec.commandLine().getErr());
    return report.exitCode();
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
