package org.claimcheck;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Thread-safe. A map of at most {@code capacity} entries that drops the least recently used first, counting hits and
 * misses. Values are computed outside the lock (two threads may compute the same one; the last put wins), so they
 * must not depend on which computation is kept. Capacity 0 keeps nothing.
 */
public final class LruCache<K, V> {
  private final int capacity;
  private final Map<K, V> map;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  public LruCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be 0 or more: " + capacity);
    }
    this.capacity = capacity;
    this.map = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > LruCache.this.capacity;
      }
    };
  }

  /** The value for {@code key}, computed by {@code compute} (which must not return null) when not cached. */
  public V get(K key, Function<? super K, ? extends V> compute) {
    if (capacity == 0) {
      return compute.apply(key);
    }
    V v;
    synchronized (map) {
      v = map.get(key);
    }
    if (v != null) {
      hits.incrementAndGet();
      return v;
    }
    misses.incrementAndGet();
    v = compute.apply(key);
    synchronized (map) {
      map.put(key, v);
    }
    return v;
  }

  public int capacity() {
    return capacity;
  }

  public int size() {
    synchronized (map) {
      return map.size();
    }
  }

  public long hits() {
    return hits.get();
  }

  public long misses() {
    return misses.get();
  }
}
