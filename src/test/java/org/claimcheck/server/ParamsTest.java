package org.claimcheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParamsTest {
  @Test
  void decodesUtf8EscapesAndPlus() {
    assertEquals("café au lait", Params.decode("caf%C3%A9+au%20lait"));
    assertEquals("B12 ≥ 200", Params.decode("B12+%E2%89%A5+200"));
    assertEquals("plain", Params.decode("plain"));
    assertEquals("é", Params.decode("é"));
  }

  /** URLDecoder put U+FFFD where the bytes were not UTF-8, and the API answered a claim nobody asked about. */
  @Test
  void escapesThatAreNotUtf8AreABadRequest() {
    for (String bad : new String[] {"%C3%28bad", "%FF", "%E2%89", "x%C3", "%ED%A0%80"}) {
      ApiException e = assertThrows(ApiException.class, () -> Params.decode(bad), bad);
      assertTrue(e.getMessage().contains("malformed query string"), e.getMessage());
    }
    for (String bad : new String[] {"%zz", "%4", "abc%"}) {
      assertThrows(ApiException.class, () -> Params.decode(bad), bad);
    }
  }
}
