package org.claimcheck.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {
  private static float[] unit(float... v) {
    double n = 0;
    for (float f : v) {
      n += f * f;
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / Math.sqrt(n));
    }
    return out;
  }

  /**
   * A damaged entry was indexed as it was: a NaN made Lucene refuse the record ("not indexable"), large values put one
   * abstract first for every dense query. It is a miss now, and the vector computed again replaces it for good.
   */
  @Test
  void aDamagedEntryIsAMissAndIsReplaced(@TempDir Path dir) throws IOException {
    float[] good = unit(3, 4, 0, 0);
    try (EmbeddingCache c = EmbeddingCache.open(dir, "m", 4)) {
      c.put("nan", good);
      c.put("big", good);
      c.put("fine", good);
    }
    Path file = dir.resolve("m.vec");
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      long dataStart = f.length() - 3 * (32 + 16);
      f.seek(dataStart + 32);
      f.write(new byte[] {0, 0, (byte) 0xc0, 0x7f}); // NaN, little-endian
      f.seek(dataStart + 48 + 32);
      f.write(new byte[] {0, 0, (byte) 0xc8, 0x42}); // 100.0f
    }
    try (EmbeddingCache c = EmbeddingCache.open(dir, "m", 4)) {
      assertNull(c.get("nan"));
      assertNull(c.get("big"));
      assertArrayEquals(good, c.get("fine"));
      assertEquals(2, c.damaged());
      assertEquals(2, c.misses());
      c.put("nan", good);
      c.put("big", good);
      assertArrayEquals(good, c.get("nan"));
    }
    try (EmbeddingCache c = EmbeddingCache.open(dir, "m", 4)) {
      assertArrayEquals(good, c.get("nan"), "the replacement wins when the file is opened again");
      assertArrayEquals(good, c.get("big"));
      assertEquals(0, c.damaged());
    }
  }

  /** The compact key table against a HashMap, through growth, replacement and removal. */
  @Test
  void theKeyTableAgreesWithAMap() {
    EmbeddingCache.KeyTable table = new EmbeddingCache.KeyTable();
    java.util.Map<String, Long> map = new java.util.HashMap<>();
    java.util.Random random = new java.util.Random(7);
    java.util.List<byte[]> keys = new java.util.ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      byte[] k = EmbeddingCache.sha256("text " + i);
      keys.add(k);
      long offset = 100 + random.nextInt(1_000_000);
      table.put(k, 0, offset);
      map.put(java.util.HexFormat.of().formatHex(k), offset);
    }
    for (int i = 0; i < 5_000; i++) {
      byte[] k = keys.get(random.nextInt(keys.size()));
      String hex = java.util.HexFormat.of().formatHex(k);
      if (random.nextBoolean()) {
        table.remove(k, 0, map.get(hex) == null ? 1 : map.get(hex));
        map.remove(hex);
      } else {
        long offset = 100 + random.nextInt(1_000_000);
        table.put(k, 0, offset);
        map.put(hex, offset);
      }
    }
    assertEquals(map.size(), table.size());
    for (byte[] k : keys) {
      Long want = map.get(java.util.HexFormat.of().formatHex(k));
      assertEquals(want == null ? -1 : want, table.get(k, 0));
      assertEquals(want != null, table.contains(k, 0));
    }
    byte[] other = EmbeddingCache.sha256("never put");
    assertEquals(-1, table.get(other, 0));
    table.remove(other, 0, 5);
    assertEquals(map.size(), table.size());
  }
}
