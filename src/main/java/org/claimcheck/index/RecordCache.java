package org.claimcheck.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.claimcheck.LruCache;
import org.claimcheck.pubmed.PubmedRecord;

/**
 * Thread-safe. The records searches read from the index, by segment and document, the least recently used dropped
 * first (Solr's document cache): reading a record means decompressing its stored-fields block and decoding it,
 * which is about a fifth of what a search with ten highlighted hits costs. A segment never changes its documents (a
 * deleted one is never a hit again), so an entry is right for the segment's life; entries of segments merged away age
 * out. Capacity 0 turns the cache off.
 */
final class RecordCache {
  private record Key(Object segment, int doc) {}

  /**
   * Thread-safe. A record as read, with its sentences as the highlighter's first pass reads them, made when
   * first asked for and kept with the record.
   */
  static final class Loaded {
    final PubmedRecord record;
    private volatile String[] forms;

    Loaded(PubmedRecord record) {
      this.record = record;
    }

    /** The sentences as {@link AbstractSearcher#forProbes} gives them. */
    String[] probeForms() {
      String[] l = forms;
      if (l == null) {
        List<String> sentences = record.sentences();
        l = new String[sentences.size()];
        for (int i = 0; i < l.length; i++) {
          l[i] = AbstractSearcher.forProbes(sentences.get(i));
        }
        forms = l;
      }
      return l;
    }
  }

  private final LruCache<Key, Loaded> records;

  RecordCache(int capacity) {
    this.records = new LruCache<>(capacity);
  }

  /** The record of document {@code doc} of {@code reader}, read through {@code stored} when not cached. */
  PubmedRecord read(IndexReader reader, StoredFields stored, int doc) throws IOException {
    return load(reader, stored, doc).record;
  }

  /** {@link #read}, with the sentences' probe forms at hand. */
  Loaded load(IndexReader reader, StoredFields stored, int doc) throws IOException {
    if (records.capacity() == 0) {
      return new Loaded(StoredSource.read(stored, doc));
    }
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
    if (helper == null) {
      return new Loaded(StoredSource.read(stored, doc));
    }
    try {
      return records.get(new Key(helper.getKey(), doc - leaf.docBase), k -> {
        try {
          return new Loaded(StoredSource.read(stored, doc));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  int capacity() {
    return records.capacity();
  }

  int size() {
    return records.size();
  }

  long hits() {
    return records.hits();
  }

  long misses() {
    return records.misses();
  }
}
