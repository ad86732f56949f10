package org.claimcheck.index;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.claimcheck.pubmed.PubmedRecord;

/**
 * Thread-safe. The records searches read from the index, by segment and document, the least recently used dropped
 * first (Solr's document cache): reading a record means decompressing its stored-fields block and parsing its JSON,
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
    private volatile String[] lower;

    Loaded(PubmedRecord record) {
      this.record = record;
    }

    String[] lowerCaseSentences() {
      String[] l = lower;
      if (l == null) {
        List<String> sentences = record.sentences();
        l = new String[sentences.size()];
        for (int i = 0; i < l.length; i++) {
          l[i] = AbstractSearcher.forProbes(sentences.get(i));
        }
        lower = l;
      }
      return l;
    }
  }

  private final int capacity;
  private final Map<Key, Loaded> records;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  RecordCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be 0 or more: " + capacity);
    }
    this.capacity = capacity;
    this.records = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Loaded> eldest) {
        return size() > RecordCache.this.capacity;
      }
    };
  }

  /** The record of document {@code doc} of {@code reader}, read through {@code stored} when not cached. */
  PubmedRecord read(IndexReader reader, StoredFields stored, int doc) throws IOException {
    return load(reader, stored, doc).record;
  }

  /** {@link #read}, with the lower-case sentences at hand. */
  Loaded load(IndexReader reader, StoredFields stored, int doc) throws IOException {
    if (capacity == 0) {
      return new Loaded(StoredSource.read(stored, doc));
    }
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
    if (helper == null) {
      return new Loaded(StoredSource.read(stored, doc));
    }
    Key key = new Key(helper.getKey(), doc - leaf.docBase);
    Loaded r;
    synchronized (records) {
      r = records.get(key);
    }
    if (r != null) {
      hits.incrementAndGet();
      return r;
    }
    misses.incrementAndGet();
    r = new Loaded(StoredSource.read(stored, doc));
    synchronized (records) {
      records.put(key, r);
    }
    return r;
  }

  int capacity() {
    return capacity;
  }

  int size() {
    synchronized (records) {
      return records.size();
    }
  }

  long hits() {
    return hits.get();
  }

  long misses() {
    return misses.get();
  }
}
