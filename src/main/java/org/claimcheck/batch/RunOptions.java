package org.claimcheck.batch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.claimcheck.article.Fetcher;
import org.claimcheck.verify.Verifier;

/**
 * Options of the nightly run.
 *
 * @param sources a sources list or a folder of pages; null for {@code corpus/sources.txt} plus {@code corpus/inbox/}
 * @param offline use only local pages and abstract files; remote sources are skipped (their last snapshot is used)
 * @param abstracts abstract files to index before verifying (PubMed XML, JSONL corpora), on top of
 *     {@code corpus/pubmed/}
 * @param index the Lucene index folder
 * @param date the report date: the report goes to {@code reports/<date>/}
 * @param threshold claims with at least this check-worthiness are verified and reported
 * @param excel write the CSVs for Excel (byte-order mark, formula cells neutralised)
 * @param full reprocess everything: ignore the claims and verdicts remembered from earlier runs
 * @param verify how claims are verified (abstracts per claim, evidence sentences per abstract, query expansion)
 * @param ncbiApiKey the NCBI API key from the environment ({@code NCBI_API_KEY}), or null; never written anywhere
 * @param fetch how pages are fetched (user agent, timeouts, politeness, private addresses)
 * @param pubmed how candidate abstracts are found and fetched online (E-utilities); unused offline
 */
public record RunOptions(
    Workspace workspace,
    Path sources,
    boolean offline,
    List<Path> abstracts,
    Path index,
    LocalDate date,
    double threshold,
    boolean excel,
    boolean full,
    Verifier.Options verify,
    String ncbiApiKey,
    Fetcher.Options fetch,
    EutilsAbstracts.Settings pubmed) {

  public RunOptions {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(date, "date");
    abstracts = List.copyOf(abstracts);
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in [0, 1]: " + threshold);
    }
    verify = verify == null ? Verifier.Options.defaults() : verify;
    ncbiApiKey = ncbiApiKey == null || ncbiApiKey.isBlank() ? null : ncbiApiKey.strip();
    fetch = fetch == null ? Fetcher.Options.defaults() : fetch;
    pubmed = pubmed == null ? EutilsAbstracts.Settings.defaults() : pubmed;
  }

  /** Options with the default fetch settings. */
  public RunOptions(Workspace workspace, Path sources, boolean offline, List<Path> abstracts, Path index,
      LocalDate date, double threshold, boolean excel, boolean full, Verifier.Options verify, String ncbiApiKey) {
    this(workspace, sources, offline, abstracts, index, date, threshold, excel, full, verify, ncbiApiKey, null, null);
  }

  /** The options of the first version: an incremental run with the default verification settings and no API key. */
  public RunOptions(Workspace workspace, Path sources, boolean offline, List<Path> abstracts, Path index,
      LocalDate date, double threshold, boolean excel) {
    this(workspace, sources, offline, abstracts, index, date, threshold, excel, false, Verifier.Options.defaults(),
        null, null, null);
  }

  /** Keeps the API key out of logs and stack traces. */
  @Override
  public String toString() {
    return "RunOptions[workspace=" + workspace + ", sources=" + sources + ", offline=" + offline + ", abstracts="
        + abstracts + ", index=" + index + ", date=" + date + ", threshold=" + threshold + ", excel=" + excel
        + ", full=" + full + ", verify=" + verify + ", ncbiApiKey=" + (ncbiApiKey == null ? "absent" : "set") + "]";
  }
}
