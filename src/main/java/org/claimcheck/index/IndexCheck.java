package org.claimcheck.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.claimcheck.ClaimcheckException;

/** Thread-safe (stateless). Refuses indexes this version of claimcheck cannot read, with a message saying how to rebuild. */
final class IndexCheck {
  /** How {@link #incompatibility} starts when the index cannot be read at all. */
  static final String DAMAGED = "its last commit is damaged";

  private IndexCheck() {}

  static void requireCompatible(Directory directory, Path dir) throws IOException {
    String why = incompatibility(directory);
    if (why != null) {
      throw incompatible(dir, why);
    }
  }

  /** Why this claimcheck cannot use the index in {@code directory}, or null when it can (or there is none). */
  static String incompatibility(Directory directory) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return null;
    }
    Map<String, String> data;
    try {
      data = SegmentInfos.readLatestCommit(directory).getUserData();
    } catch (IndexFormatTooOldException | IndexFormatTooNewException e) {
      return "a Lucene format this claimcheck cannot read (another Lucene version's index, or a damaged commit)";
    } catch (org.apache.lucene.index.CorruptIndexException | java.io.EOFException e) {
      return DAMAGED + " (" + e.getClass().getSimpleName() + ")";
    }
    String v = data.get(IndexSchema.VERSION_KEY);
    if (v == null) {
      return "not a claimcheck index (no schema version)";
    }
    if (!v.equals(Integer.toString(IndexSchema.VERSION))) {
      return "schema version " + v + ", this claimcheck needs " + IndexSchema.VERSION;
    }
    return null;
  }

  private static ClaimcheckException incompatible(Path dir, String why) {
    String what = why.startsWith(DAMAGED) ? "the index is damaged"
        : "the index was built by an incompatible claimcheck";
    return new ClaimcheckException(what, dir + ": " + why,
        "Rebuild it: delete the folder " + dir + " and run `claimcheck index` on your abstract files again");
  }

  /**
   * The names in {@code dir} that Lucene did not write, sorted (empty when {@code dir} is not a folder): not a lock,
   * a segments file or a segment's file ({@code _0.cfs}, {@code _0_Lucene104_0.doc}); hidden files are left out too.
   */
  static List<String> otherFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> !n.equals("write.lock") && !n.startsWith("segments") && !n.startsWith("pending_segments")
              && !n.startsWith("_") && !n.startsWith("."))
          .sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Up to three names of {@code names}, and how many more. */
  static String shown(List<String> names) {
    String first = String.join(", ", names.subList(0, Math.min(3, names.size())));
    return names.size() <= 3 ? first : first + " and " + (names.size() - 3) + " more";
  }
}
