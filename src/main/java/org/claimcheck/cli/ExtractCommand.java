package org.claimcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Tally;
import org.claimcheck.TextFiles;
import org.claimcheck.article.Article;
import org.claimcheck.article.ArticleStore;
import org.claimcheck.article.FetchResult;
import org.claimcheck.article.Fetcher;
import org.claimcheck.article.Source;
import org.claimcheck.article.Sources;
import org.claimcheck.batch.Workspace;
import org.claimcheck.claim.Claim;
import org.claimcheck.claim.ClaimExtractor;
import org.claimcheck.claim.ClaimsFile;
import org.claimcheck.claim.Lexicon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code claimcheck extract}: claims from articles. */
@Command(name = "extract", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {"Extracts check-worthy claims from articles: article snapshots (corpus/articles/*.json) and "
        + "page files (.html, .htm, .html.gz, .txt) in a folder.",
        "Each sentence gives one or more atomic claims (coordinations and lists split, references resolved), "
            + "scored for check-worthiness with the reasons. JSONL output keeps every candidate claim; CSV keeps those "
            + "at or above --threshold. Without --output both claims/claims.jsonl and claims/claims.csv are written.",
        "Example: claimcheck extract --articles ../shared/data/articles --output claims.jsonl"})
public final class ExtractCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Option(names = "--articles", paramLabel = "DIR", defaultValue = "corpus/articles",
      description = "Folder of articles (default: ${DEFAULT-VALUE}).")
  Path articles;

  @Option(names = "--output", paramLabel = "FILE", description = "claims .csv or .jsonl.")
  Path output;

  @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "T", converter = RunCommand.Decimal.class,
      description = "Check-worthiness a claim needs to be kept in CSV output, 0 to 1 (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(names = "--lexicon", paramLabel = "FILE",
      description = "Extra lexicon concepts (TSV: id, type, name, synonyms separated by |; see README \"Health "
          + "lexicon\").")
  Path lexiconFile;

  private static final String LEXICON_FIX = "Give a UTF-8 tab-separated file: id, type, name, synonyms separated by |";

  @Override
  public Integer call() throws Exception {
    if (Files.isRegularFile(articles)) {
      Path parent = articles.getParent() != null ? articles.getParent() : Path.of(".");
      throw ClaimcheckException.usage("--articles must be a folder", articles + " is a file",
          "Give the folder that holds the pages: --articles " + parent);
    }
    if (!Files.isDirectory(articles)) {
      throw ClaimcheckException.usage("no such articles folder", articles.toString(),
          "Give a folder of .html/.txt pages or article snapshots, or run claimcheck fetch first");
    }
    if (!(threshold >= 0 && threshold <= 1)) { // NaN too
      throw ClaimcheckException.usage("--threshold must be between 0 and 1", Double.toString(threshold), null);
    }
    if (lexiconFile != null) {
      // Checked here, before any output: the lexicon's own message names neither a missing file nor its encoding.
      Outputs.requireFile(lexiconFile, "lexicon file", LEXICON_FIX);
      TextFiles.requireUtf8(lexiconFile);
    }
    if (output != null) {
      String n = output.getFileName().toString().toLowerCase(Locale.ROOT);
      if (!n.endsWith(".csv") && !n.endsWith(".jsonl")) {
        throw ClaimcheckException.usage("unknown output format", output.toString(), "Name a .csv or .jsonl file");
      }
      Outputs.checkWritable(output);
    }
    Lexicon lexicon = lexiconFile == null ? Lexicon.builtin() : Lexicon.withFile(lexiconFile);
    Workspace ws = Workspace.current();
    Tally tally = new Tally("extract");
    ArticleStore.Snapshots snapshots = new ArticleStore(articles).all();
    List<Article> all = new ArrayList<>(snapshots.articles());
    snapshots.unreadable().forEach((file, why) -> tally.count("FAILED", "unreadable article snapshot: " + why, file));
    Map<Article, String> notes = new IdentityHashMap<>(); // "cut at N bytes"
    try (Fetcher fetcher = new Fetcher(Fetcher.Options.defaults(), Clock.systemUTC())) {
      for (Source s : Sources.directory(articles, ws.root())) {
        FetchResult r = fetcher.fetch(s, null);
        if (r instanceof FetchResult.Fetched f) {
          all.add(f.article());
          if (f.note() != null) {
            notes.put(f.article(), f.note());
          }
        } else {
          String reason = r instanceof FetchResult.Skipped sk ? sk.reason() : ((FetchResult.Failed) r).reason();
          tally.count(r.outcome(), reason, s.name());
        }
      }
    }
    if (all.isEmpty() && tally.total() == 0) {
      throw ClaimcheckException.usage("no articles in the folder", articles.toString(),
          "Put .html, .htm, .html.gz or .txt pages there, or run claimcheck fetch");
    }
    ClaimExtractor extractor = new ClaimExtractor(lexicon);
    List<Claim> claims = new ArrayList<>();
    int sentences = 0;
    int headings = 0;
    for (Article a : all) {
      try {
        ClaimExtractor.Extraction e = extractor.extractAll(a);
        claims.addAll(e.claims());
        sentences += e.sentences();
        headings += e.headings();
        if (e.claims().isEmpty()) {
          tally.count("SKIPPED", "no sentences outside headings", a.source());
        } else if (notes.containsKey(a)) {
          tally.count("OK", "page " + notes.get(a) + ", claims from the part read", a.source());
        } else {
          tally.count("OK");
        }
      } catch (RuntimeException e) {
        tally.count("FAILED", "claim extraction failed: " + e, a.source());
      }
    }
    List<Claim> worthy = claims.stream().filter(c -> c.checkWorthiness() >= threshold).toList();
    if (output == null) {
      ClaimsFile.write(ws.claims().resolve("claims.jsonl"), claims);
      ClaimsFile.write(ws.claims().resolve("claims.csv"), worthy);
    } else {
      ClaimsFile.write(output, output.toString().toLowerCase(Locale.ROOT).endsWith(".jsonl") ? claims : worthy);
    }
    var err = spec.commandLine().getErr();
    tally.print(err);
    err.printf(Locale.ROOT, "%d sentences (and %d headings): %d candidate claims, %d check-worthy (>= %.2f)%n",
        sentences, headings, claims.size(), worthy.size(), threshold);
    return tally.get("OK") > 0 ? Main.OK : Main.FAILURE;
  }
}
