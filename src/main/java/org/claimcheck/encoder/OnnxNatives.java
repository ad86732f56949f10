package org.claimcheck.encoder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Hashes;

/**
 * Thread-safe. Puts ONNX Runtime's native libraries where we choose before ONNX Runtime loads them.
 *
 * <p>Left alone, ONNX Runtime's Java loader unpacks its two libraries into a new folder under {@code java.io.tmpdir}
 * on every start and deletes them at exit (not after a crash), which fails where the temp folder is read-only or
 * mounted {@code noexec} and litters shared machines. Instead this class unpacks them once into a folder per ONNX
 * Runtime version and platform, {@code <dir>/onnxruntime-<version>-<platform>/}, checks them by SHA-256 on later
 * starts (rewriting them only when they differ), and sets ONNX Runtime's system property {@code onnxruntime.native.path}
 * to that folder, so ONNX Runtime loads them from there and writes nothing itself.
 *
 * <p>{@code <dir>} is, in order: the system property {@value #DIR_PROPERTY}, the environment variable
 * {@value #DIR_ENV}, or {@code <java.io.tmpdir>/claimcheck-native-<user>}. The folder may be read-only when it
 * already holds the right libraries (install them once, e.g. in a container image). Files are written to a temporary
 * name in the same folder and renamed into place, so concurrent starts never load a half-written library; temporary
 * files left by a crash are removed after an hour. A user who sets {@code onnxruntime.native.path} themselves keeps
 * it: this class then does nothing.
 *
 * <p>ONNX Runtime 1.20 still creates an empty scratch folder {@code onnxruntime-java*} under {@code java.io.tmpdir}
 * while it starts, and removes it when the start succeeds, so {@code java.io.tmpdir} must be writable: where the temp
 * folder is read-only, start Java with {@code -Djava.io.tmpdir=DIR} (for {@code ./claimcheck}, in
 * {@code CLAIMCHECK_JAVA_OPTS}); {@link #prepare()} says so instead of failing inside ONNX Runtime. It also removes
 * {@code onnxruntime-java*} folders of the current user older than an hour, which crashed starts (of claimcheck or of
 * anything using ONNX Runtime's default unpacking, which deletes only at a clean exit) leave behind.
 */
public final class OnnxNatives {
  /** System property naming the folder for native libraries. */
  public static final String DIR_PROPERTY = "claimcheck.native.dir";
  /** Environment variable naming the folder for native libraries (the system property wins). */
  public static final String DIR_ENV = "CLAIMCHECK_NATIVE_DIR";
  /** ONNX Runtime's own property: the folder it loads its libraries from. */
  public static final String ORT_PATH_PROPERTY = "onnxruntime.native.path";

  private static final String[] LIBRARIES = {"onnxruntime", "onnxruntime4j_jni"};
  private static final Duration STALE = Duration.ofHours(1);
  private static Path prepared;

  private OnnxNatives() {}

  /**
   * Makes sure the libraries are in place and ONNX Runtime will load them from there; returns their folder. Call it
   * before the first use of any {@code ai.onnxruntime} class (as {@link OnnxModel} does).
   */
  public static synchronized Path prepare() {
    if (prepared != null) {
      return prepared;
    }
    String own = System.getProperty(ORT_PATH_PROPERTY);
    if (own != null && !own.isBlank()) {
      prepared = Path.of(own);
      return prepared;
    }
    String platform = platform();
    Path dir = baseDir().resolve("onnxruntime-" + version() + "-" + platform);
    try {
      for (String lib : LIBRARIES) {
        String name = System.mapLibraryName(lib);
        String resource = "/ai/onnxruntime/native/" + platform + "/" + name;
        byte[] bytes;
        try (InputStream in = ai.onnxruntime.OrtException.class.getResourceAsStream(resource)) {
          if (in == null) {
            throw new ClaimcheckException("ONNX Runtime has no native library for this platform", resource,
                "Run claimcheck on Linux, macOS or Windows on x64 or aarch64");
          }
          bytes = in.readAllBytes();
        }
        install(dir, name, bytes);
      }
      cleanStale(dir);
    } catch (IOException e) {
      throw new ClaimcheckException("cannot unpack ONNX Runtime's native libraries", dir + ": " + e,
          "Point -D" + DIR_PROPERTY + "=DIR (or " + DIR_ENV + "=DIR) at a folder you can write, or one that already "
              + "holds them");
    }
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    if (!Files.isDirectory(tmp) || !Files.isWritable(tmp)) {
      throw new ClaimcheckException("ONNX Runtime needs a writable temp folder to start", "java.io.tmpdir = " + tmp,
          "Start Java with -Djava.io.tmpdir=DIR pointing at a writable folder (for ./claimcheck: "
              + "CLAIMCHECK_JAVA_OPTS=-Djava.io.tmpdir=DIR)");
    }
    cleanOrtLeftovers(tmp);
    System.setProperty(ORT_PATH_PROPERTY, dir.toString());
    prepared = dir;
    return dir;
  }

  /** Removes {@code onnxruntime-java*} folders of this user older than an hour from {@code tmp}. */
  static void cleanOrtLeftovers(Path tmp) {
    FileTime limit = FileTime.from(Instant.now().minus(STALE));
    String user = System.getProperty("user.name", "");
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, "onnxruntime-java*")) {
      for (Path d : dirs) {
        if (!Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS)
            || Files.getLastModifiedTime(d).compareTo(limit) >= 0 || !Files.getOwner(d).getName().equals(user)) {
          continue;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(d)) {
          for (Path f : files) {
            if (Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
              Files.deleteIfExists(f);
            }
          }
        }
        Files.deleteIfExists(d);
      }
    } catch (IOException | UnsupportedOperationException e) {
      // Best effort: leftovers stay for the next start.
    }
  }

  /** The folder the libraries go in, before the per-version subfolder. */
  static Path baseDir() {
    String p = System.getProperty(DIR_PROPERTY);
    if (p == null || p.isBlank()) {
      p = System.getenv(DIR_ENV);
    }
    if (p == null || p.isBlank()) {
      String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
      return Path.of(System.getProperty("java.io.tmpdir"), "claimcheck-native-" + user);
    }
    return Path.of(p);
  }

  /** Writes {@code bytes} to {@code dir/name} unless an identical file is there. */
  static void install(Path dir, String name, byte[] bytes) throws IOException {
    Path target = dir.resolve(name);
    if (Files.isRegularFile(target) && Files.size(target) == bytes.length
        && sha256(Files.readAllBytes(target)).equals(sha256(bytes))) {
      return;
    }
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + name + ".", ".tmp");
    try {
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Removes temporary files that a crashed start left behind. */
  static void cleanStale(Path dir) {
    if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
      return;
    }
    FileTime limit = FileTime.from(Instant.now().minus(STALE));
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
      for (Path f : files) {
        if (Files.getLastModifiedTime(f).compareTo(limit) < 0) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      // Best effort: a file another process holds stays until the next start.
    }
  }

  private static String sha256(byte[] bytes) {
    return Hashes.sha256(bytes);
  }

  /** ONNX Runtime's version, from its jar's manifest. */
  static String version() {
    String v = ai.onnxruntime.OrtException.class.getPackage().getImplementationVersion();
    return v == null ? "unknown" : v.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** ONNX Runtime's name for this platform: linux-x64, osx-aarch64, win-x64, ... */
  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String o = os.contains("win") ? "win" : os.contains("mac") || os.contains("darwin") ? "osx" : "linux";
    String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") || arch.equals("arm64")
        ? "aarch64" : arch;
    return o + "-" + a;
  }
}
