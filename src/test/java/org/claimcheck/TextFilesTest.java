package org.claimcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFilesTest {
  @Test
  void readsUtf8PastItsByteOrderMark(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("a.csv"), "\ufeffcaf\u00e9\nb\n", StandardCharsets.UTF_8);
    try (BufferedReader r = TextFiles.reader(f)) {
      assertEquals("caf\u00e9", r.readLine());
      assertEquals("b", r.readLine());
    }
  }

  /** Excel's plain "CSV" export is Windows-1252: a usage error naming the file, the line and the byte. */
  @Test
  void aFileThatIsNotUtf8IsAUsageErrorNamingItsLine(@TempDir Path dir) throws IOException {
    byte[] latin1 = "claim,evidence\n\"Caf\u00e9 raises it\",\"x\"\n".getBytes(StandardCharsets.ISO_8859_1);
    Path f = Files.write(dir.resolve("latin1.csv"), latin1);
    ClaimcheckException e = assertThrows(ClaimcheckException.class, () -> {
      try (BufferedReader r = TextFiles.reader(f)) {
        while (r.readLine() != null) {
          // read to the end
        }
      }
    });
    assertEquals(ClaimcheckException.USAGE, e.exitCode());
    assertEquals("not UTF-8 text", e.what());
    assertEquals(f + ":2: byte 0xE9", e.context());
    assertTrue(e.fix().startsWith("Save it as UTF-8"), e.fix());
    assertThrows(ClaimcheckException.class, () -> TextFiles.requireUtf8(f));
  }

  /** A bad byte far into a file (past the reader's first buffers) is found too, on its line. */
  @Test
  void aBadByteFarIntoTheFileIsFoundOnItsLine(@TempDir Path dir) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      sb.append("line ").append(i).append('\n');
    }
    byte[] good = sb.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[good.length + 2];
    System.arraycopy(good, 0, all, 0, good.length);
    all[good.length] = (byte) 0xC3; // a two-byte sequence cut short at the end of the file
    all[good.length + 1] = 'x';
    Path f = Files.write(dir.resolve("big.tsv"), all);
    ClaimcheckException e = assertThrows(ClaimcheckException.class, () -> TextFiles.requireUtf8(f));
    assertEquals(f + ":20001: byte 0xC3", e.context());
    Files.write(f, good);
    TextFiles.requireUtf8(f);
  }
}
