package org.claimcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @Test
  void aFileWrittenAtomicallyGetsTheModeOfAnyNewFile(@TempDir Path dir) throws IOException {
    Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path plain = Files.writeString(dir.resolve("plain.csv"), "a");
    Path atomic = dir.resolve("report.csv");
    AtomicFiles.writeString(atomic, "b");
    // Files.createTempFile would have made it owner-only (rw-------), unreadable to an editor's account.
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
    assertEquals("b", Files.readString(atomic));
  }

  @Test
  void aFailedWriteLeavesTheTargetAndNoTemporaryFile(@TempDir Path dir) throws IOException {
    Path target = Files.writeString(dir.resolve("claims-report.csv"), "old");
    assertThrows(IOException.class, () -> AtomicFiles.writeAtomically(target, out -> {
      out.write("half".getBytes());
      throw new IOException("disk full");
    }));
    assertEquals("old", Files.readString(target));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(target), files.toList());
    }
  }
}
