package org.claimcheck.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicLong;
import org.claimcheck.ClaimcheckException;

/**
 * Thread-safe. Vectors already computed, keyed by the SHA-256 of the text, so that re-indexing an unchanged record or
 * re-running an evaluation never embeds the same text twice. One file per model in a folder,
 * {@code <model id>.vec}: a header (magic, model id, dimension) then fixed-size records (32-byte SHA-256 of the UTF-8
 * text, then the vector as little-endian float32), appended as vectors are computed.
 *
 * <p>Opening reads only the keys (32 to 64 bytes each on the heap as the table fills, {@link KeyTable}: about 1.6 GB
 * for every PubMed abstract); vectors are read from the file when asked for, and one that is not finite or not of unit length is
 * taken for a miss. A record cut short by a crash is dropped at the next open. One process appends at a
 * time (an exclusive file lock): a second one, or one whose folder is read-only, uses the cache read-only and
 * embeds what is missing without keeping it ({@link #writable()} says which). Vectors are written as computed; the
 * file is forced to disk on {@link #close()}.
 */
public final class EmbeddingCache implements Closeable {
  private static final byte[] MAGIC = "claimcheck-vectors 1\n".getBytes(StandardCharsets.US_ASCII);
  private static final int KEY_BYTES = 32;

  private final Path file;
  private final String modelId;
  private final int dimension;
  private final int recordBytes;
  private final FileChannel channel;
  private final FileLock lock;
  private final long dataStart;
  private final KeyTable offsets = new KeyTable();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicLong damaged = new AtomicLong();
  private long end;

  /**
   * Thread-safe (synchronized). The file offset of each key's vector, in an open-addressing table of two long arrays
   * and one of offsets (24 bytes a slot, 32 to 64 bytes a key as the table fills: measured 33.7 at 3 million keys,
   * 63.7 at 400,000; a map of key objects took about 120): PubMed's 40 million abstracts fit in about 1.6 GB of heap. A key is the first 128 bits of the text's SHA-256 (a collision among
   * 40 million texts has a chance of about 1 in 10^23). Linear probing; a removed entry keeps its slot with offset -1
   * (only a damaged entry is removed, and the same key is put again).
   */
  static final class KeyTable {
    private long[] hi = new long[1 << 10];
    private long[] lo = new long[1 << 10];
    private long[] off = new long[1 << 10]; // 0: empty slot, -1: removed, else the vector's offset
    private int used; // slots taken, removed ones included
    private int live;

    private static long hi(byte[] h, int at) {
      return ByteBuffer.wrap(h, at, 8).getLong();
    }

    private static long lo(byte[] h, int at) {
      return ByteBuffer.wrap(h, at + 8, 8).getLong();
    }

    /** The slot of the key, or of the empty slot where it would go. */
    private int slot(long h, long l) {
      int mask = off.length - 1;
      int i = (int) (h ^ (h >>> 32) ^ l) & mask;
      while (off[i] != 0 && (hi[i] != h || lo[i] != l)) {
        i = (i + 1) & mask;
      }
      return i;
    }

    /** The offset kept for the key at {@code at} in {@code h}, or -1. */
    synchronized long get(byte[] h, int at) {
      int i = slot(hi(h, at), lo(h, at));
      return off[i] > 0 ? off[i] : -1;
    }

    /** Keeps {@code offset} for the key (a later put of a key replaces its offset, as the file's last record wins). */
    synchronized void put(byte[] h, int at, long offset) {
      if ((used + 1) * 4L > off.length * 3L) {
        grow();
      }
      long hk = hi(h, at);
      long lk = lo(h, at);
      int i = slot(hk, lk);
      if (off[i] == 0) {
        used++;
        hi[i] = hk;
        lo[i] = lk;
      }
      if (off[i] <= 0) {
        live++;
      }
      off[i] = offset;
    }

    /** Forgets the key's offset if it is {@code offset}. */
    synchronized void remove(byte[] h, int at, long offset) {
      int i = slot(hi(h, at), lo(h, at));
      if (off[i] == offset && offset > 0) {
        off[i] = -1;
        live--;
      }
    }

    synchronized boolean contains(byte[] h, int at) {
      return off[slot(hi(h, at), lo(h, at))] > 0;
    }

    synchronized int size() {
      return live;
    }

    private void grow() {
      long[] oh = hi;
      long[] ol = lo;
      long[] oo = off;
      int cap = oo.length * 2;
      hi = new long[cap];
      lo = new long[cap];
      off = new long[cap];
      used = 0;
      for (int j = 0; j < oo.length; j++) {
        if (oo[j] > 0) {
          int i = slot(oh[j], ol[j]);
          hi[i] = oh[j];
          lo[i] = ol[j];
          off[i] = oo[j];
          used++;
        }
      }
    }
  }

  private EmbeddingCache(Path file, String modelId, int dimension, FileChannel channel, FileLock lock)
      throws IOException {
    this.file = file;
    this.modelId = modelId;
    this.dimension = dimension;
    this.recordBytes = KEY_BYTES + 4 * dimension;
    this.channel = channel;
    this.lock = lock;
    byte[] header = header(modelId, dimension);
    this.dataStart = header.length;
    long size = channel == null ? 0 : channel.size();
    if (channel != null && lock != null && size < header.length) {
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(header), 0);
      size = header.length;
    } else if (channel != null && size < header.length) {
      size = 0; // Another process is creating it: nothing to read yet.
    } else if (channel != null) {
      ByteBuffer got = ByteBuffer.allocate(header.length);
      readFully(got, 0);
      if (!java.util.Arrays.equals(got.array(), header)) {
        throw new ClaimcheckException("the embedding cache belongs to another model or format", file.toString(),
            "Delete the file (it is only a cache) or point the cache at another folder");
      }
    }
    long whole = size < dataStart ? dataStart : dataStart + (size - dataStart) / recordBytes * recordBytes;
    if (lock != null && whole < size) {
      channel.truncate(whole); // A record cut short by a crash.
    }
    this.end = whole;
    if (size >= dataStart) {
      loadKeys(whole);
    }
  }

  /**
   * Opens (creating when absent) the cache of {@code modelId} in {@code dir}. A folder that cannot be created or
   * written gives a read-only cache (or an empty in-memory one when the file does not exist).
   */
  public static EmbeddingCache open(Path dir, String modelId, int dimension) {
    Path file = dir.resolve(modelId.replaceAll("[^A-Za-z0-9._-]", "_") + ".vec");
    FileChannel channel = null;
    FileLock lock = null;
    try {
      try {
        Files.createDirectories(dir);
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null;
        }
      } catch (IOException e) {
        channel = Files.isReadable(file) ? FileChannel.open(file, StandardOpenOption.READ) : null;
      }
      return new EmbeddingCache(file, modelId, dimension, channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new ClaimcheckException("cannot read the embedding cache", file + ": " + e.getMessage(),
          "Delete the file (it is only a cache) or point the cache at another folder");
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  /** A cache that keeps nothing (every text is a miss). */
  public static EmbeddingCache none(String modelId, int dimension) {
    try {
      return new EmbeddingCache(null, modelId, dimension, null, null);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] header(String modelId, int dimension) {
    byte[] id = (modelId + "\n" + dimension + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] h = new byte[MAGIC.length + id.length];
    System.arraycopy(MAGIC, 0, h, 0, MAGIC.length);
    System.arraycopy(id, 0, h, MAGIC.length, id.length);
    return h;
  }

  private void loadKeys(long upTo) throws IOException {
    int per = Math.max(1, (1 << 20) / recordBytes);
    ByteBuffer buf = ByteBuffer.allocate(per * recordBytes);
    for (long pos = dataStart; pos < upTo; ) {
      buf.clear();
      buf.limit((int) Math.min(buf.capacity(), upTo - pos));
      readFully(buf, pos);
      byte[] a = buf.array();
      for (int i = 0; i + recordBytes <= buf.limit(); i += recordBytes) {
        offsets.put(a, i, pos + i + KEY_BYTES);
      }
      pos += buf.limit();
    }
  }

  private void readFully(ByteBuffer buf, long pos) throws IOException {
    while (buf.hasRemaining()) {
      int n = channel.read(buf, pos + buf.position());
      if (n < 0) {
        throw new IOException("unexpected end of " + file);
      }
    }
    buf.flip();
  }

  /** The model whose vectors these are. */
  public String modelId() {
    return modelId;
  }

  /** Whether new vectors are kept. */
  public boolean writable() {
    return lock != null;
  }

  /** Number of vectors held. */
  public int size() {
    return offsets.size();
  }

  /** Lookups that found a vector since opening. */
  public long hits() {
    return hits.get();
  }

  /** Lookups that found none since opening. */
  public long misses() {
    return misses.get();
  }

  /** The vector cached for {@code text}, or null. */
  public float[] get(String text) {
    byte[] key = sha256(text);
    long off = offsets.get(key, 0);
    if (off < 0) {
      misses.incrementAndGet();
      return null;
    }
    ByteBuffer buf = ByteBuffer.allocate(4 * dimension);
    try {
      readFully(buf, off);
    } catch (IOException e) {
      throw new ClaimcheckException("cannot read the embedding cache", file + ": " + e.getMessage(),
          "Delete the file (it is only a cache)");
    }
    float[] v = new float[dimension];
    buf.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    if (!unitLength(v)) {
      // A damaged entry (a flipped bit, a write from something else) would be indexed as it is: a NaN made Lucene
      // refuse the whole record, large values put one abstract first for every query. It is a miss instead, and the
      // vector computed again replaces it (put appends it; the last record of a key wins when the file is opened).
      offsets.remove(key, 0, off);
      damaged.incrementAndGet();
      misses.incrementAndGet();
      return null;
    }
    hits.incrementAndGet();
    return v;
  }

  /** Entries found damaged (not finite, or not of unit length as every encoder's vector is) since opening. */
  public long damaged() {
    return damaged.get();
  }

  /** Whether every component of {@code v} is finite and its length is 1 (the encoders L2-normalise). */
  static boolean unitLength(float[] v) {
    double sum = 0;
    for (float f : v) {
      if (!Float.isFinite(f)) {
        return false;
      }
      sum += (double) f * f;
    }
    return Math.abs(sum - 1) < 1e-3;
  }

  /** Keeps {@code vector} for {@code text} (when the cache is writable and does not hold it yet). */
  public void put(String text, float[] vector) {
    if (vector.length != dimension) {
      throw new IllegalArgumentException("vector of " + vector.length + " dimensions, the cache holds " + dimension);
    }
    if (lock == null) {
      return;
    }
    byte[] key = sha256(text);
    synchronized (this) {
      if (offsets.contains(key, 0)) {
        return;
      }
      ByteBuffer buf = ByteBuffer.allocate(recordBytes).order(ByteOrder.LITTLE_ENDIAN);
      buf.put(key);
      for (float f : vector) {
        buf.putFloat(f);
      }
      buf.flip();
      try {
        long pos = end;
        while (buf.hasRemaining()) {
          pos += channel.write(buf, pos);
        }
        offsets.put(key, 0, end + KEY_BYTES);
        end = pos;
      } catch (IOException e) {
        throw new ClaimcheckException("cannot write the embedding cache", file + ": " + e.getMessage(),
            "Check free disk space, or delete the file (it is only a cache)");
      }
    }
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Where the vectors are kept, or null for a cache that keeps nothing. */
  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() throws IOException {
    if (channel == null) {
      return;
    }
    try {
      if (lock != null) {
        channel.force(false);
        lock.release();
      }
    } finally {
      channel.close();
    }
  }

  private static void closeQuietly(FileChannel c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // Already failing.
      }
    }
  }
}
