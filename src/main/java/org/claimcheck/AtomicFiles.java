package org.claimcheck;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Thread-safe (stateless). Atomic file writes: content goes to a temporary file beside the target, is forced to disk
 * and renamed over the target, so a reader sees the old file or the new one, never half of one.
 */
public final class AtomicFiles {
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private AtomicFiles() {}

  /** Writes the body of a file; may throw, in which case the target is untouched. */
  @FunctionalInterface
  public interface Body<T> {
    void write(T sink) throws IOException;
  }

  /** Writes {@code text} as UTF-8 to {@code target} atomically. */
  public static void writeString(Path target, String text) throws IOException {
    writeAtomically(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Writes UTF-8 text to {@code target} atomically through a buffered writer. */
  public static void writeText(Path target, Body<Writer> body) throws IOException {
    writeAtomically(target, out -> {
      Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
      body.write(w);
      w.flush();
    });
  }

  /** Writes bytes to {@code target} atomically. */
  public static void writeAtomically(Path target, Body<OutputStream> body) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    // Created as any new file is (0666 less the umask), not as Files.createTempFile does (0600): reports and abstract
    // files are read by other accounts (editors, a web server) when the nightly job runs as a service user.
    Path tmp = null;
    java.nio.channels.FileChannel created = null;
    for (int attempt = 0; created == null; attempt++) {
      tmp = dir.resolve("." + abs.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
      try {
        created = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt >= 100) {
          throw e;
        }
      }
    }
    boolean done = false;
    try {
      try (var channel = created;
          OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
        OutputStream buffered = new java.io.BufferedOutputStream(out, 1 << 16);
        body.write(buffered);
        buffered.flush();
        channel.force(true);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** Replaces {@code target} (a directory) by {@code staged} with one rename; the old directory is removed after. */
  public static void replaceDirectory(Path staged, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
    if (old != null) {
      deleteRecursively(old);
    }
  }

  /** Deletes a file or a directory tree; a missing path is fine. */
  public static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var walk = Files.walk(path)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
