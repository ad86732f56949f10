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
  private IndexCheck() {}

  static void requireCompatible(Directory directory, Path dir) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return;
    }
    Map<String, String> data;
    try {
      data = SegmentInfos.readLatestCommit(directory).getUserData();
    } catch (IndexFormatTooOldException | IndexFormatTooNewException e) {
      throw incompatible(dir, "a Lucene format this claimcheck cannot read");
    }
    String v = data.get(IndexSchema.VERSION_KEY);
    if (v == null) {
      throw incompatible(dir, "not a claimcheck index (no schema version)");
    }
    if (!v.equals(Integer.toString(IndexSchema.VERSION))) {
      throw incompatible(dir, "schema version " + v + ", this claimcheck needs " + IndexSchema.VERSION);
    }
  }

  private static ClaimcheckException incompatible(Path dir, String why) {
    return new ClaimcheckException("the index was built by an incompatible claimcheck", dir + ": " + why,
        "Rebuild it: delete the folder " + dir + " and run `claimcheck index` on your abstract files again");
  }
}
