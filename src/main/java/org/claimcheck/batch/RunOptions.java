package org.claimcheck.batch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Options of the nightly run.
 *
 * @param sources a sources list or a folder of pages; null for {@code corpus/sources.txt} plus {@code corpus/inbox/}
 * @param offline use only local pages and abstract files; remote sources are skipped
 * @param abstracts abstract files to index before verifying (PubMed XML, JSONL corpora), on top of
 *     {@code corpus/pubmed/}
 * @param index the Lucene index folder
 * @param date the report date: the report goes to {@code reports/<date>/}
 * @param threshold claims with at least this check-worthiness are verified and reported
 * @param excel write the CSV for Excel (byte-order mark, formula cells neutralised)
 */
public record RunOptions(
    Workspace workspace,
    Path sources,
    boolean offline,
    List<Path> abstracts,
    Path index,
    LocalDate date,
    double threshold,
    boolean excel) {

  public RunOptions {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(date, "date");
    abstracts = List.copyOf(abstracts);
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in [0, 1]: " + threshold);
    }
  }
}
