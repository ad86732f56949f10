package org.claimcheck.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Tally;
import org.claimcheck.index.AbstractSearcher;
import org.claimcheck.pubmed.EutilsClient;
import org.claimcheck.pubmed.PubmedDownloads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code claimcheck pubmed}: downloads PubMed records with E-utilities into {@code corpus/pubmed/}. */
@Command(name = "pubmed", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {"Searches PubMed with E-utilities (esearch) and downloads the records (efetch, in batches) as "
        + "PubMed XML into --out, one file per batch, written atomically. A rerun fetches only the PMIDs no earlier "
        + "download holds. At most 3 requests a second, 10 with an API key (--api-key or NCBI_API_KEY); 429 and 5xx "
        + "answers are retried. Index the files with `claimcheck index`.",
        "Example: claimcheck pubmed --query 'vitamin b12[tiab] AND neuropathy' --max 200"})
public final class PubmedCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Mixin
  IndexOption indexOption;

  @Spec
  CommandSpec spec;

  @Option(names = "--query", required = true, paramLabel = "Q", description = "PubMed search terms.")
  String query;

  @Option(names = "--max", defaultValue = "100", paramLabel = "N",
      description = "Download at most the first N PMIDs found, 1 to 10000 (default: ${DEFAULT-VALUE}).")
  int max;

  @Option(names = "--api-key", paramLabel = "K", description = "NCBI API key (default: the NCBI_API_KEY variable).")
  String apiKey;

  @Option(names = "--email", paramLabel = "ADDRESS",
      description = "Contact address sent to NCBI, as it asks of heavy users (default: the NCBI_EMAIL variable).")
  String email;

  @Option(names = "--out", defaultValue = "corpus/pubmed", paramLabel = "DIR",
      description = "Where the PubMed XML goes (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--batch", defaultValue = "200", paramLabel = "N",
      description = "PMIDs per efetch request, 1 to 500 (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--skip-indexed", description = "Do not download PMIDs the index (--index) already holds.")
  boolean skipIndexed;

  @Option(names = "--eutils-url", paramLabel = "URL", description = "E-utilities base URL (default: NCBI's).")
  URI eutilsUrl;

  @Override
  public Integer call() throws Exception {
    if (max < 1 || max > EutilsClient.MAX_SEARCH_RESULTS) {
      throw ClaimcheckException.usage("--max must be between 1 and 10000", Integer.toString(max),
          "PubMed's esearch returns at most 10,000 PMIDs per search: narrow the query");
    }
    if (batch < 1 || batch > EutilsClient.MAX_BATCH) {
      throw ClaimcheckException.usage("--batch must be between 1 and 500", Integer.toString(batch), null);
    }
    if (query.isBlank()) {
      throw ClaimcheckException.usage("empty --query", "''", "Give PubMed search terms");
    }
    String key = apiKey != null ? apiKey : System.getenv("NCBI_API_KEY");
    String mail = email != null ? email : System.getenv("NCBI_EMAIL");
    EutilsClient.Options options;
    try {
      options = new EutilsClient.Options(eutilsUrl != null ? eutilsUrl : EutilsClient.DEFAULT_BASE, key, mail, 5,
          Duration.ofSeconds(60));
    } catch (IllegalArgumentException e) {
      throw ClaimcheckException.usage("bad --eutils-url", String.valueOf(eutilsUrl),
          "Give an http:// or https:// URL, e.g. " + EutilsClient.DEFAULT_BASE);
    }
    try {
      Files.createDirectories(out);
    } catch (java.io.IOException e) {
      throw ClaimcheckException.usage("cannot create the output folder", out.toString(), "Choose an --out folder "
          + "you can write");
    }
    if (!Files.isWritable(out)) {
      throw ClaimcheckException.usage("cannot write the output folder", out.toString(), "Choose an --out folder "
          + "you can write");
    }
    EutilsClient client = new EutilsClient(options);
    var err = spec.commandLine().getErr();
    EutilsClient.SearchResult found;
    try {
      found = client.search(query, max);
    } catch (java.io.IOException e) {
      throw new ClaimcheckException("the PubMed search failed", e.getMessage(),
          "Check the network and try again later; NCBI may be busy");
    }
    err.printf(Locale.ROOT, "%d records match; downloading the first %d%n", found.count(), found.pmids().size());
    Tally tally = new Tally("pubmed");
    PubmedDownloads.Result r;
    if (skipIndexed && AbstractSearcher.exists(indexOption.index)) {
      try (AbstractSearcher searcher = AbstractSearcher.open(indexOption.index, AbstractSearcher.Bm25.DEFAULT)) {
        Set<String> indexed = searcher.existing(found.pmids());
        r = new PubmedDownloads(client, out).download(found.pmids(), indexed::contains, batch, tally);
      }
    } else {
      r = new PubmedDownloads(client, out).download(found.pmids(), id -> false, batch, tally);
    }
    tally.print(err);
    err.printf(Locale.ROOT, "%d fetched into %d files in %s; %d already downloaded, %d already indexed, %d not "
        + "returned, %d failed%n", r.fetched(), r.files().size(), out, r.alreadySaved(), r.skipped(),
        r.notReturned(), r.failed());
    var o = spec.commandLine().getOut();
    r.files().forEach(f -> o.println(f));
    o.flush();
    return r.failed() > 0 ? Main.FAILURE : Main.OK;
  }
}
