package org.claimcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LruCacheTest {
  @Test
  void keepsTheMostRecentlyUsedAndCountsHitsAndMisses() {
    AtomicInteger computed = new AtomicInteger();
    LruCache<String, String> c = new LruCache<>(2);
    java.util.function.Function<String, String> upper = k -> {
      computed.incrementAndGet();
      return k.toUpperCase(java.util.Locale.ROOT);
    };
    assertEquals("A", c.get("a", upper));
    assertEquals("B", c.get("b", upper));
    assertEquals("A", c.get("a", upper)); // a is now the most recent
    assertEquals("C", c.get("c", upper)); // b goes
    assertEquals(2, c.size());
    assertEquals(3, computed.get());
    assertEquals("A", c.get("a", upper));
    assertEquals("B", c.get("b", upper)); // computed again
    assertEquals(4, computed.get());
    assertEquals(2, c.hits());
    assertEquals(4, c.misses());
  }

  @Test
  void capacityZeroKeepsNothing() {
    AtomicInteger computed = new AtomicInteger();
    LruCache<Integer, Integer> c = new LruCache<>(0);
    for (int i = 0; i < 3; i++) {
      assertEquals(7, c.get(1, k -> 7 + 0 * computed.incrementAndGet()));
    }
    assertEquals(3, computed.get());
    assertEquals(0, c.size());
    assertThrows(IllegalArgumentException.class, () -> new LruCache<>(-1));
  }
}
