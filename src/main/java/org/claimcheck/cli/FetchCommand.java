package org.claimcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
        + "corpus/articles/: the raw page and a JSON record with metadata and main text.",
        "Prints one line per source: OUTCOME ARTICLE-ID SOURCE [reason].",
        "Example: claimcheck fetch https://example.org/b12 corpus/inbox/"})
public final class FetchCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Option(names = "--sources", paramLabel = "FILE",
      description = "A sources list: one URL or path per line, # comments.")
  Path sourcesFile;

  @Option(names = "--articles", paramLabel = "DIR", defaultValue = "corpus/articles",
      description = "Where snapshots go (default: ${DEFAULT-VALUE}).")
  Path articles;

  @Parameters(arity = "0..*", paramLabel = "URL|PATH", description = "URLs, page files or folders.")
  List<String> sources = new ArrayList<>();

  @Override
  public Integer call() {
    Workspace ws = Workspace.current();
    Tally tally = new Tally("fetch");
    List<Source> all = new ArrayList<>(Sources.resolve(sources, ws.root()));
    if (sourcesFile != null) {
      Outputs.requireFile(sourcesFile, "sources list", "Give a text file with one URL or path per line");
      all.addAll(Sources.readList(sourcesFile, ws.root(), tally));
    }
    if (all.isEmpty() && tally.total() == 0) {
      throw ClaimcheckException.usage("nothing to fetch", "no URL, path or --sources given",
          "Name URLs, files or folders, or pass --sources FILE");
    }
    ArticleStore store = new ArticleStore(articles);
    Fetcher fetcher = new Fetcher(Fetcher.Options.defaults(), Clock.systemUTC());
    PrintWriter out = spec.commandLine().getOut();
    for (Source s : all.stream().distinct().toList()) {
      FetchResult r = fetcher.fetch(s, store.get(s.id()));
      String reason = "";
      switch (r) {
        case FetchResult.Fetched f -> {
          store.put(f.article(), f.raw());
          tally.count(r.outcome());
        }
        case FetchResult.Unchanged u -> tally.count(r.outcome());
        case FetchResult.Skipped sk -> {
          reason = sk.reason();
          tally.count(r.outcome(), reason, s.name());
        }
        case FetchResult.Failed f -> {
          reason = f.reason();
          tally.count(r.outcome(), reason, s.name());
        }
      }
      out.println(r.outcome() + "\t" + s.id() + "\t" + s.name() + (reason.isEmpty() ? "" : "\t" + reason));
    }
    out.flush();
    tally.print(spec.commandLine().getErr());
    boolean anyGood = tally.get("OK") + tally.get("UNCHANGED") > 0;
    return anyGood ? Main.OK : Main.FAILURE;
  }
}
