package org.claimcheck.pubmed;

import java.io.Closeable;
import java.io.IOException;
import java.util.Objects;

/**
 * One per thread. Streams the entries of one abstract file in file order: records to add or replace, ids to delete,
 * and records skipped with a reason. Memory stays constant whatever the file size.
 */
public interface RecordReader extends Closeable {
  /** The next entry, or null at the end of the file. */
  Entry next() throws IOException;

  /** An entry of an abstract file. */
  sealed interface Entry {
    /** A record to add, or to replace an older copy with. */
    record Upsert(PubmedRecord record) implements Entry {
      public Upsert {
        Objects.requireNonNull(record, "record");
      }
    }

    /** A record to remove ({@code DeleteCitation} in PubMed update files). */
    record Delete(String id) implements Entry {
      public Delete {
        Objects.requireNonNull(id, "id");
      }
    }

    /** A record that cannot be used; {@code id} may be null when even that could not be read. */
    record Skip(String id, String reason) implements Entry {
      public Skip {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }
}
