package org.claimcheck.pubmed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.claimcheck.AtomicFiles;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Hashes;
import org.claimcheck.Tally;

/**
 * One per run. Downloads PubMed records into a folder ({@code corpus/pubmed/}) with an {@link EutilsClient}, in
 * batches, each saved atomically as {@code efetch-<hash>.xml}, so a run killed part-way leaves whole files only and a
 * rerun fetches only the PMIDs no saved file holds yet. The nightly job uses it as: search terms to PMIDs
 * ({@link EutilsClient#search}), skip those the index has ({@code AbstractSearcher.existing}), download the rest.
 */
public final class PubmedDownloads {
  /** Saved files start with this. */
  public static final String PREFIX = "efetch-";

  /**
   * What a download did.
   *
   * @param alreadySaved PMIDs a saved file held already
   * @param skipped PMIDs the caller's filter left out (e.g. already in the index)
   * @param fetched PMIDs fetched and saved
   * @param notReturned PMIDs efetch did not return (unknown or withdrawn)
   * @param failed PMIDs of batches that failed after their retries
   * @param files the files written
   */
  public record Result(int requested, int alreadySaved, int skipped, int fetched, int notReturned, int failed,
      List<Path> files) {}

  private final EutilsClient client;
  private final Path dir;

  public PubmedDownloads(EutilsClient client, Path dir) {
    this.client = client;
    this.dir = dir;
  }

  /** The PMIDs held by the files this class saved in the folder before. */
  public Set<String> saved() throws IOException {
    Set<String> ids = new HashSet<>();
    if (!Files.isDirectory(dir)) {
      return ids;
    }
    List<Path> files;
    try (var s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().startsWith(PREFIX)).filter(RecordReaders::isSupported)
          .sorted().toList();
    }
    for (Path f : files) {
      InputStream in = Files.newInputStream(f);
      if (f.toString().endsWith(".gz")) {
        in = new GZIPInputStream(in);
      }
      try (PubmedXmlSplitter s = new PubmedXmlSplitter(in, f.toString())) {
        for (PubmedXmlSplitter.Chunk c; (c = s.next()) != null; ) {
          if (c.kind() != PubmedXmlSplitter.Kind.DELETE && c.id() != null && c.problem() == null) {
            ids.add(c.id());
          }
        }
      } catch (IOException e) {
        // A damaged file saves nothing: its PMIDs are fetched again.
      }
    }
    return ids;
  }

  /**
   * Fetches the PMIDs of {@code pmids} that no saved file holds and {@code skip} does not reject, {@code batchSize} (1
   * to 500) per request, counting each PMID in {@code tally}: OK (saved), SKIPPED (already saved, left out, not
   * returned by PubMed) or FAILED (its batch failed). A failed batch does not stop the others.
   */
  public Result download(Collection<String> pmids, Predicate<String> skip, int batchSize, Tally tally)
      throws IOException {
    if (batchSize < 1 || batchSize > EutilsClient.MAX_BATCH) {
      throw new IllegalArgumentException("batchSize must be 1 to " + EutilsClient.MAX_BATCH + ": " + batchSize);
    }
    Set<String> have = saved();
    List<String> todo = new ArrayList<>();
    int alreadySaved = 0;
    int skipped = 0;
    Set<String> unique = new LinkedHashSet<>(pmids);
    for (String id : unique) {
      if (have.contains(id)) {
        alreadySaved++;
        tally.count("SKIPPED", "already downloaded", id);
      } else if (skip.test(id)) {
        skipped++;
        tally.count("SKIPPED", "already in the index", id);
      } else {
        todo.add(id);
      }
    }
    int fetched = 0;
    int notReturned = 0;
    int failed = 0;
    List<Path> files = new ArrayList<>();
    for (int from = 0; from < todo.size(); from += batchSize) {
      List<String> batch = todo.subList(from, Math.min(todo.size(), from + batchSize));
      byte[] xml;
      List<String> got;
      try {
        xml = client.fetch(batch);
        got = EutilsClient.pmidsIn(xml);
      } catch (IOException | ClaimcheckException e) {
        // One reason for the whole batch (the PMIDs are the items), so that failed batches add up in one line.
        failed += batch.size();
        String why = e instanceof ClaimcheckException ce ? ce.what() + " (" + ce.context() + ")" : e.getMessage();
        for (String id : batch) {
          tally.count("FAILED", "efetch failed: " + why, id);
        }
        continue;
      }
      Set<String> returned = new HashSet<>(got);
      for (String id : batch) {
        if (returned.contains(id)) {
          fetched++;
          tally.count("OK");
        } else {
          notReturned++;
          tally.count("SKIPPED", "not returned by PubMed (unknown or withdrawn PMID)", id);
        }
      }
      if (!got.isEmpty()) {
        Path file = dir.resolve(PREFIX + Hashes.id(String.join(",", batch)) + ".xml");
        try {
          AtomicFiles.writeAtomically(file, out -> out.write(xml));
        } catch (IOException e) {
          throw new ClaimcheckException("cannot save downloaded records", file + ": " + e.getMessage(),
              "Free disk space (or fix the folder's permissions) and run it again: what was saved is kept and not "
              + "fetched again");
        }
        files.add(file);
      }
    }
    return new Result(unique.size(), alreadySaved, skipped, fetched, notReturned, failed, files);
  }
}
