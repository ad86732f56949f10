package org.claimcheck.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
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
}
