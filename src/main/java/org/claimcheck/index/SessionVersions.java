package org.claimcheck.index;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Thread-safe for one writer per id (the indexer routes every id to one worker). The version of every record added or
 * deleted since the last commit, which the committed index cannot see yet. Memory is bounded by the id space, not by
 * the number of records: PMIDs (numbers below a billion) take one byte each in pages allocated on first use, so a full
 * PubMed load holds about 40 MB; other ids go to a map (corpora of that kind are small). Whether an id was a PubMed
 * record or a corpus document is kept too, as the index keeps it ({@link IndexSchema#COLLECTION}).
 */
final class SessionVersions {
  private static final int PAGE_BITS = 16;
  private static final int MAX_NUMERIC = 1_000_000_000;
  private static final byte ABSENT = 0;
  /** A byte holds the version in its low seven bits and whether the record is a corpus document in the high one. */
  private static final int CORPUS_BIT = 0x80;
  private static final byte DELETED = (byte) CORPUS_BIT;
  /** Versions above this are stored as this (PubMed versions are single digits). */
  static final int MAX_VERSION = 127;
  /** In what {@link #get} returns: set for a corpus document, clear for a PubMed record. */
  static final int CORPUS = 1 << 8;

  private final AtomicReferenceArray<byte[]> pages = new AtomicReferenceArray<>((MAX_NUMERIC >>> PAGE_BITS) + 1);
  private final Map<String, Integer> others = new ConcurrentHashMap<>();

  /**
   * What the session did with {@code id}: null when it did not touch it, -1 when it deleted it, else the version it
   * indexed ({@code & 0xff}) with {@link #CORPUS} set when that was a corpus document.
   */
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
    if (b == ABSENT) {
      return null;
    }
    return b == DELETED ? -1 : (b & 0x7f) | ((b & CORPUS_BIT) != 0 ? CORPUS : 0);
  }

  void put(String id, int version, boolean corpus) {
    int v = Math.max(1, Math.min(MAX_VERSION, version));
    set(id, (byte) (v | (corpus ? CORPUS_BIT : 0)), v | (corpus ? CORPUS : 0));
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
