package org.claimcheck.batch;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.claimcheck.AtomicFiles;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Json;
import org.claimcheck.claim.Claim;
import org.claimcheck.verify.ClaimVerdict;

/**
 * One per run (not thread-safe). What the nightly run remembers between runs, under {@code corpus/state/}, so that the
 * next run redoes only what changed:
 *
 * <ul>
 *   <li>{@code claims/<article id>.json}: the claims of an article, with the content hash of the page and the
 *       fingerprint of the extractor they came from; reused while both match.
 *   <li>{@code verdicts.jsonl} and {@code verdicts.journal}: verdicts by key (the claim's text and the verification
 *       context: index commit, stance model, options). The journal gets one line per verdict as it is made, so a run
 *       killed part-way keeps what it verified; the end of the verify stage compacts both into {@code verdicts.jsonl}.
 *       A torn last journal line is ignored.
 *   <li>{@code abstract-files.json}: per index, the abstract files already in it (path, size, modification time,
 *       SHA-256) and the fingerprint of the index commit that holds them.
 *   <li>{@code index-pending.json}: written just before an index commit, naming the files it holds and the commit it
 *       replaces; a run killed between the commit and the update of {@code abstract-files.json} finds it and tells
 *       from the index whether the commit happened.
 * </ul>
 *
 * Every file is written atomically; a file that cannot be read is treated as absent (its work is redone).
 */
public final class RunState {
  /** The claims of one article and what they were extracted from. */
  public record ArticleClaims(String articleId, String contentHash, String extractor, List<Claim> claims) {
    public ArticleClaims {
      Objects.requireNonNull(articleId, "articleId");
      Objects.requireNonNull(contentHash, "contentHash");
      Objects.requireNonNull(extractor, "extractor");
      claims = List.copyOf(claims);
    }
  }

  /** A verdict made in a verification context. */
  public record VerdictEntry(String key, String context, ClaimVerdict verdict) {
    public VerdictEntry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(verdict, "verdict");
    }
  }

  /** An abstract file as indexed. */
  public record IndexedFile(long size, long modified, String sha256) {
    public IndexedFile {
      Objects.requireNonNull(sha256, "sha256");
    }
  }

  /**
   * The abstract files held by one index, and the fingerprint of the commit that holds them; {@code failed}: the files
   * that could not be read to their end when last read (their records before the break are in that commit), as they
   * were then, so that reading one again unchanged need not make a new commit.
   */
  public record IndexedFiles(String fingerprint, Map<String, IndexedFile> files, Map<String, IndexedFile> failed) {
    public IndexedFiles {
      files = new TreeMap<>(files);
      failed = failed == null ? new TreeMap<>() : new TreeMap<>(failed); // null: recorded before failed files were
    }

    public IndexedFiles(String fingerprint, Map<String, IndexedFile> files) {
      this(fingerprint, files, Map.of());
    }
  }

  /**
   * The files an index commit about to be made holds, the fingerprint of the commit it replaces, the generation the
   * commit will have and the id of the run, which the commit carries in its user data. Written while the run holds
   * the index's write lock, just before it commits. The run id recognises the commit even when the run was killed
   * before it and another writer committed once since (that commit has the generation, not the id). A marker without a
   * run id is recognised by its generation alone; one without a generation either (written by an older claimcheck,
   * which could leave one behind for a commit that never happened) names no commit.
   */
  public record PendingCommit(String index, String before, Long generation, Map<String, IndexedFile> files,
      String run) {
    public PendingCommit {
      Objects.requireNonNull(index, "index");
      Objects.requireNonNull(before, "before");
      files = new TreeMap<>(files);
    }

    /** A marker without a run id (as claimcheck wrote them before 2026-12-07's evening): recognised by generation. */
    public PendingCommit(String index, String before, Long generation, Map<String, IndexedFile> files) {
      this(index, before, generation, files, null);
    }
  }

  private static final TypeReference<Map<String, IndexedFiles>> INDEXED_TYPE = new TypeReference<>() {};

  private final Path dir;
  private final Map<String, ClaimVerdict> verdicts = new LinkedHashMap<>();
  private final Map<String, VerdictEntry> entries = new LinkedHashMap<>();
  private Writer journal;

  private RunState(Path dir) {
    this.dir = dir;
  }

  /** Opens the state folder, creating it when absent. */
  public static RunState open(Path dir) {
    try {
      Files.createDirectories(dir.resolve("claims"));
    } catch (IOException e) {
      throw new ClaimcheckException("cannot create the run state folder", dir + ": " + e.getMessage(),
          "Check the folder's permissions and free disk space");
    }
    return new RunState(dir);
  }

  public Path dir() {
    return dir;
  }

  // ---- claims per article ----

  /** The cached claims of an article, or null when there are none or they cannot be read. */
  public ArticleClaims claims(String articleId) {
    Path f = dir.resolve("claims").resolve(articleId + ".json");
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try {
      return Json.MAPPER.readValue(f.toFile(), ArticleClaims.class);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  public void putClaims(ArticleClaims claims) throws IOException {
    AtomicFiles.writeString(dir.resolve("claims").resolve(claims.articleId() + ".json"), Json.line(claims) + "\n");
  }

  /**
   * Removes the cached claims of articles not in {@code articleIds} (sources that left the list or the folders): they
   * were kept forever. A source that comes back is extracted again. Returns how many were removed.
   */
  public int keepClaimsOf(java.util.Set<String> articleIds) throws IOException {
    Path claimsDir = dir.resolve("claims");
    if (!Files.isDirectory(claimsDir)) {
      return 0;
    }
    int removed = 0;
    try (var files = Files.list(claimsDir)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".json") && !articleIds.contains(name.substring(0, name.length() - ".json".length()))) {
          Files.deleteIfExists(f);
          removed++;
        }
      }
    }
    return removed;
  }

  // ---- verdicts ----

  /** Loads the verdicts of earlier runs: the compacted file, then the journal of an interrupted run. */
  public void loadVerdicts() {
    verdicts.clear();
    entries.clear();
    for (Path f : List.of(verdictsFile(), journalFile())) {
      if (!Files.isRegularFile(f)) {
        continue;
      }
      try (var lines = Files.lines(f, StandardCharsets.UTF_8)) {
        lines.forEach(line -> {
          if (line.isBlank()) {
            return;
          }
          try {
            VerdictEntry e = Json.MAPPER.readValue(line, VerdictEntry.class);
            entries.put(e.key(), e);
            verdicts.put(e.key(), e.verdict());
          } catch (IOException | RuntimeException ignored) {
            // a torn or damaged line: that verdict is made again
          }
        });
      } catch (IOException | UncheckedIOException e) {
        // unreadable: its verdicts are made again
      }
    }
  }

  /** A verdict made earlier under {@code key}, or null. */
  public ClaimVerdict verdict(String key) {
    return verdicts.get(key);
  }

  /** Records a new verdict: appended to the journal at once, so a killed run keeps it. */
  public void putVerdict(VerdictEntry entry) throws IOException {
    if (journal == null) {
      journal = new BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(journalFile(),
          StandardOpenOption.CREATE, StandardOpenOption.APPEND), StandardCharsets.UTF_8));
      // A torn last line of a killed run must not swallow the first new one.
      journal.write("\n");
    }
    journal.write(Json.line(entry));
    journal.write("\n");
    journal.flush();
    entries.put(entry.key(), entry);
    verdicts.put(entry.key(), entry.verdict());
  }

  /**
   * Writes the verdicts of {@code context} to {@code verdicts.jsonl} atomically and removes the journal. Verdicts of
   * other contexts (an older index commit, another model) can never be reused, so they are dropped.
   */
  public void compactVerdicts(String context) throws IOException {
    closeJournal();
    List<VerdictEntry> keep = new ArrayList<>();
    for (VerdictEntry e : entries.values()) {
      if (e.context().equals(context)) {
        keep.add(e);
      }
    }
    keep.sort((a, b) -> a.key().compareTo(b.key()));
    AtomicFiles.writeText(verdictsFile(), w -> {
      for (VerdictEntry e : keep) {
        w.write(Json.line(e));
        w.write("\n");
      }
    });
    Files.deleteIfExists(journalFile());
  }

  /** Closes the journal, if open; what was written stays for the next run. */
  public void closeJournal() throws IOException {
    if (journal != null) {
      journal.close();
      journal = null;
    }
  }

  private Path verdictsFile() {
    return dir.resolve("verdicts.jsonl");
  }

  private Path journalFile() {
    return dir.resolve("verdicts.journal");
  }

  // ---- abstract files in the index ----

  /** The abstract files already in the index at {@code index} (an absolute path), by path; empty when unknown. */
  public IndexedFiles indexedFiles(String index) {
    IndexedFiles f = readIndexed().get(index);
    return f == null ? new IndexedFiles("", Map.of()) : f;
  }

  /** Records the files the index at {@code index} holds after a commit. */
  public void putIndexedFiles(String index, IndexedFiles files) throws IOException {
    Map<String, IndexedFiles> all = new TreeMap<>(readIndexed());
    all.put(index, files);
    AtomicFiles.writeString(indexedFile(), Json.pretty(all) + "\n");
  }

  private Map<String, IndexedFiles> readIndexed() {
    if (!Files.isRegularFile(indexedFile())) {
      return Map.of();
    }
    try {
      return Json.MAPPER.readValue(indexedFile().toFile(), INDEXED_TYPE);
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
  }

  /** Records the files of a commit about to be made. */
  public void putPending(PendingCommit pending) throws IOException {
    AtomicFiles.writeString(pendingFile(), Json.pretty(pending) + "\n");
  }

  /** The pending commit of an interrupted run, or null. */
  public PendingCommit pending() {
    if (!Files.isRegularFile(pendingFile())) {
      return null;
    }
    try {
      return Json.MAPPER.readValue(pendingFile().toFile(), PendingCommit.class);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  public void clearPending() throws IOException {
    Files.deleteIfExists(pendingFile());
  }

  private Path indexedFile() {
    return dir.resolve("abstract-files.json");
  }

  private Path pendingFile() {
    return dir.resolve("index-pending.json");
  }

  /** Merges file maps, later ones winning. */
  static Map<String, IndexedFile> merge(Map<String, IndexedFile> a, Collection<Map<String, IndexedFile>> more) {
    Map<String, IndexedFile> out = new TreeMap<>(a);
    more.forEach(out::putAll);
    return out;
  }
}
