package org.claimcheck.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxNativesTest {
  @Test
  void installsOnceAndRewritesOnlyWhatDiffers(@TempDir Path dir) throws IOException {
    byte[] lib = {1, 2, 3, 4};
    OnnxNatives.install(dir, "libx.so", lib);
    Path f = dir.resolve("libx.so");
    assertArrayEquals(lib, Files.readAllBytes(f));
    FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    Files.setLastModifiedTime(f, old);
    OnnxNatives.install(dir, "libx.so", lib);
    assertEquals(old, Files.getLastModifiedTime(f), "an identical library is left alone");
    OnnxNatives.install(dir, "libx.so", new byte[] {9, 9});
    assertArrayEquals(new byte[] {9, 9}, Files.readAllBytes(f));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left");
    }
  }

  @Test
  void removesStaleTemporaryFiles(@TempDir Path dir) throws IOException {
    Path stale = Files.writeString(dir.resolve(".libz.so.123.tmp"), "x");
    Path fresh = Files.writeString(dir.resolve(".libz.so.456.tmp"), "x");
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(7200)));
    OnnxNatives.cleanStale(dir);
    assertFalse(Files.exists(stale));
    assertTrue(Files.exists(fresh), "a start in progress keeps its file");
  }

  @Test
  void removesOnnxRuntimeLeftoversOfCrashedStarts(@TempDir Path tmp) throws IOException {
    Path old = Files.createDirectory(tmp.resolve("onnxruntime-java123"));
    Files.writeString(old.resolve("libonnxruntime.so"), "x");
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(7200)));
    Path recent = Files.createDirectory(tmp.resolve("onnxruntime-java456"));
    Path other = Files.createDirectory(tmp.resolve("something-else"));
    Files.setLastModifiedTime(other, FileTime.from(Instant.now().minusSeconds(7200)));
    OnnxNatives.cleanOrtLeftovers(tmp);
    assertFalse(Files.exists(old));
    assertTrue(Files.exists(recent), "a start in progress keeps its folder");
    assertTrue(Files.exists(other));
  }

  @Test
  void theFolderIsConfigurable(@TempDir Path dir) {
    String before = System.getProperty(OnnxNatives.DIR_PROPERTY);
    try {
      System.setProperty(OnnxNatives.DIR_PROPERTY, dir.toString());
      assertEquals(dir, OnnxNatives.baseDir());
    } finally {
      if (before == null) {
        System.clearProperty(OnnxNatives.DIR_PROPERTY);
      } else {
        System.setProperty(OnnxNatives.DIR_PROPERTY, before);
      }
    }
    assertTrue(OnnxNatives.platform().matches("(linux|osx|win)-\\w+"), OnnxNatives.platform());
  }

  @Test
  void onnxRuntimeLoadsFromThePreparedFolder() {
    Path dir = OnnxNatives.prepare();
    assertEquals(dir.toString(), System.getProperty(OnnxNatives.ORT_PATH_PROPERTY));
    assertTrue(Files.isRegularFile(dir.resolve(System.mapLibraryName("onnxruntime"))));
    assertTrue(ai.onnxruntime.OrtEnvironment.getEnvironment() != null);
  }
}
