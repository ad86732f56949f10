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

  /**
   * The next entry, or null at the end of the file, with its parsing possibly left for later: {@link Deferred#id()}
   * is known at once (so a caller can keep the entries of one id in file order), {@link Deferred#parse()} may run on
   * any thread, once. Readers whose parsing is cheap return entries parsed already; this default does.
   */
  default Deferred nextDeferred() throws IOException {
    Entry e = next();
    return e == null ? null : Deferred.of(e);
  }

  /** An entry whose parsing may run on another thread. Thread-safe to hand over; {@link #parse()} once. */
  interface Deferred {
    /** The record id when it is known before parsing, else null. */
    String id();

    /** Parses the entry; a record that cannot be parsed comes back as a {@link Entry.Skip} with its reason. */
    Entry parse();

    /** About how many bytes the entry holds until parsed, for bounding memory. */
    int weight();

    /** An entry parsed already. */
    static Deferred of(Entry e) {
      String id = switch (e) {
        case Entry.Upsert u -> u.record().id();
        case Entry.Delete d -> d.id();
        case Entry.Skip s -> s.id();
      };
      return new Deferred() {
        @Override
        public String id() {
          return id;
        }

        @Override
        public Entry parse() {
          return e;
        }

        @Override
        public int weight() {
          return 256;
        }
      };
    }
  }

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

    /**
     * A record that cannot be used; {@code id} may be null when even that could not be read. {@code reason} is the
     * same text for every record skipped for the same cause (summaries count by it); {@code where} says which one it
     * was when there is no id ("record 6", "line 11"), or is null.
     */
    record Skip(String id, String reason, String where) implements Entry {
      public Skip {
        Objects.requireNonNull(reason, "reason");
      }

      public Skip(String id, String reason) {
        this(id, reason, null);
      }
    }
  }
}
