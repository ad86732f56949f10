package org.claimcheck.index;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Thread-safe for one writer per id (the indexer routes every id to one worker). The version of every record added or
 * deleted since the last commit, which the committed index cannot see yet. Memory is bounded by the id space, not by
 * the number of records: PMIDs (numbers below a billion) take one byte each in pages allocated on first use, so a full
 * PubMed load holds about 40 MB; other ids go to a map (corpora of that kind are small).
 */
final class SessionVersions {
  private static final int PAGE_BITS = 16;
  private static final int MAX_NUMERIC = 1_000_000_000;
  private static final byte ABSENT = 0;
  private static final byte DELETED = -1;
  /** Versions above this are stored as this (PubMed versions are single digits). */
  static final int MAX_VERSION = 254;

  private final AtomicReferenceArray<byte[]> pages = new AtomicReferenceArray<>((MAX_NUMERIC >>> PAGE_BITS) + 1);
  private final Map<String, Integer> others = new ConcurrentHashMap<>();

  /** The session's version of {@code id}; null when the session did not touch it, -1 when it deleted it. */
  Integer get(String id) {
    int n = numeric(id);
    if (n < 0) {
      return others.get(id);
    }
    byte[] page = pages.get(n >>> PAGE_BITS);
    if (page == null) {
      return null;
    }
    byte b = page[n & ((1 << PAGE_BITS) - 1)];
    return b == ABSENT ? null : b == DELETED ? -1 : b & 0xff;
  }

  void put(String id, int version) {
    set(id, (byte) Math.max(1, Math.min(MAX_VERSION, version)), Math.max(1, version));
  }

  void delete(String id) {
    set(id, DELETED, -1);
  }

  private void set(String id, byte b, int value) {
    int n = numeric(id);
    if (n < 0) {
      others.put(id, value);
      return;
    }
    int p = n >>> PAGE_BITS;
    byte[] page = pages.get(p);
    if (page == null) {
      pages.compareAndSet(p, null, new byte[1 << PAGE_BITS]);
      page = pages.get(p);
    }
    page[n & ((1 << PAGE_BITS) - 1)] = b;
  }

  /** Forgets everything (after a commit made it visible). */
  void clear() {
    for (int i = 0; i < pages.length(); i++) {
      pages.set(i, null);
    }
    others.clear();
  }

  /** {@code id} as a number when it is a canonical decimal below a billion, else -1. */
  static int numeric(String id) {
    int len = id.length();
    if (len == 0 || len > 9 || (len > 1 && id.charAt(0) == '0')) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < len; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
