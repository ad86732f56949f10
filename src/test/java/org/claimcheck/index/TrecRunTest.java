package org.claimcheck.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrecRunTest {
  @Test
  void aFieldIsOneWordWithoutControlCharacters() {
    assertTrue(TrecRun.isField("q1"));
    assertTrue(TrecRun.isField("claimcheck-bm25"));
    for (String bad : new String[] {null, "", "q 1", "q\t1", "q\u00A01", "q\u001b1", "q\u20281"}) {
      assertFalse(TrecRun.isField(bad), String.valueOf(bad));
    }
  }

  @Test
  void aQueryIdOrTagThatWouldSplitTheLineIsRefused() throws Exception {
    StringWriter w = new StringWriter();
    assertThrows(IllegalArgumentException.class, () -> TrecRun.write(w, "q 1", List.of(), "tag"));
    assertThrows(IllegalArgumentException.class, () -> TrecRun.write(w, "", List.of(), "tag"));
    assertThrows(IllegalArgumentException.class, () -> TrecRun.write(w, "q1", List.of(), "my tag"));
    TrecRun.write(w, "q1", List.of(), "tag");
    assertEquals("", w.toString());
  }
}
