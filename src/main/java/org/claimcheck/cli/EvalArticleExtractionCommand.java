package org.claimcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.article.ExtractionBenchmark;
import org.claimcheck.eval.Expectation;
import org.claimcheck.eval.Expectations;
import org.claimcheck.eval.MetricReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code claimcheck eval article-extraction}: main-text extraction against hand-checked article bodies. */
@Command(name = "article-extraction", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {"Scores main-text extraction on the article-extraction benchmark (html/<id>.html.gz and "
        + "ground-truth.json): tokens are runs of word characters, each text is its multiset of 4-token shingles, "
        + "precision and recall are averaged over pages, F1 is taken of the two means. Also prints pages per second.",
        "--cross-validate tunes the extractor's settings on one half of the pages and scores the other half, both "
            + "ways, to show how much the figures owe to tuning.",
        "Example: claimcheck eval article-extraction --data ../shared/data/article-extraction"})
public final class EvalArticleExtractionCommand implements Callable<Integer> {
  static final String SUITE = "article-extraction";

  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data/article-extraction",
      description = "The benchmark folder (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--cross-validate", description = "Also tune on each half of the pages and score the other.")
  boolean crossValidate;

  @Option(names = "--expect", paramLabel = "FILE",
      description = "Compare with this expectation file instead of the recorded one for these inputs.")
  Path expect;

  @Option(names = "--per-page", paramLabel = "FILE",
      description = "Write each page's id, precision, recall, F1 and URL here (TSV, worst first).")
  Path perPage;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(data)) {
      throw ClaimcheckException.usage("no such benchmark folder", data.toString(),
          "Give --data DIR, the folder holding ground-truth.json and html/ (../shared/data/article-extraction)");
    }
    Outputs.checkWritable(perPage);
    List<ExtractionBenchmark.Page> pages = ExtractionBenchmark.load(data);
    Map<String, String> inputs = ExtractionBenchmark.checksums(data, pages);
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("cross-validate", crossValidate);
    Expectation expectation = expect == null ? Expectations.find(SUITE, inputs, options) : Expectations.read(expect);
    if (expect != null && !expectation.inputs().equals(inputs)) {
      throw ClaimcheckException.usage("the expectation file is for other inputs", expect.toString(),
          "Give the expectation recorded for this benchmark folder, or none");
    }

    ExtractionBenchmark.Run run = ExtractionBenchmark.run(pages);
    MetricReport report = new MetricReport(String.format(Locale.ROOT, "article extraction: %d pages (%s)",
        pages.size(), data));
    report.put("precision", run.scores().precision()).put("recall", run.scores().recall())
        .put("f1", run.scores().f1());
    if (crossValidate) {
      ExtractionBenchmark.CrossValidation cv = ExtractionBenchmark.crossValidate(pages);
      for (int h = 0; h < 2; h++) {
        String half = "half" + (h + 1);
        report.put(half + ".f1", cv.halves().get(h).f1())
            .put(half + ".tuned-on-self.f1", cv.tunedOnSelf().get(h).f1())
            .put(half + ".tuned-on-other.f1", cv.crossed().get(h).f1());
      }
      report.put("cv.precision", cv.pooled().precision()).put("cv.recall", cv.pooled().recall())
          .put("cv.f1", cv.pooled().f1());
      report.note("settings tuned on half1", cv.settings().get(0));
      report.note("settings tuned on half2", cv.settings().get(1));
    }
    report.note("pages/s", String.format(Locale.ROOT,
        "%.1f (wall clock), %.1f (CPU time of one thread): decoding, parsing, metadata, main text",
        run.pagesPerSecond(), run.pagesPerCpuSecond()));
    report.expect(expectation);
    PrintWriter out = spec.commandLine().getOut();
    report.print(out, spec.commandLine().getErr());
    if (perPage != null) {
      Outputs.write(perPage, out, w -> {
        w.write("id\tprecision\trecall\tf1\turl\n");
        List<ExtractionBenchmark.PageScore> sorted = run.pages().stream()
            .sorted((a, b) -> a.f1() != b.f1() ? Double.compare(a.f1(), b.f1()) : a.id().compareTo(b.id())).toList();
        Map<String, String> urls = new LinkedHashMap<>();
        pages.forEach(p -> urls.put(p.id(), p.url()));
        for (ExtractionBenchmark.PageScore s : sorted) {
          w.write(String.format(Locale.ROOT, "%s\t%.4f\t%.4f\t%.4f\t%s%n", s.id(), s.precision(), s.recall(), s.f1(),
              urls.get(s.id())));
        }
      });
    }
    return report.exitCode();
  }
}
