package org.claimcheck.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.claimcheck.Hashes;

/**
 * Thread-safe (stateless). Short fingerprints that say whether cached work still holds: of the index's latest commit,
 * and of the code and resources a stage's results depend on. A changed fingerprint means the work is done again.
 */
final class Fingerprints {
  /** The fingerprint of a folder that holds no index. */
  static final String NO_INDEX = "none";

  private Fingerprints() {}

  /**
   * The latest commit of the Lucene index in {@code dir}: its generation and a hash of its {@code segments_N} file,
   * which names every segment of the commit and carries the commit's unique id. Lucene writes that file once, under a
   * temporary name, and renames it into place, so it changes exactly when a commit happens.
   */
  static String index(Path dir) {
    if (!Files.isDirectory(dir)) {
      return NO_INDEX;
    }
    Path latest = null;
    long latestGen = -1;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        String n = p.getFileName().toString();
        if (!n.startsWith("segments_")) {
          continue;
        }
        long gen;
        try {
          gen = Long.parseLong(n.substring("segments_".length()), Character.MAX_RADIX);
        } catch (NumberFormatException e) {
          continue;
        }
        if (gen > latestGen) {
          latestGen = gen;
          latest = p;
        }
      }
      if (latest == null) {
        return NO_INDEX;
      }
      return "gen " + latestGen + " " + Hashes.sha256(Files.readAllBytes(latest)).substring(0, 16);
    } catch (IOException e) {
      return "unreadable " + e.getMessage();
    }
  }

  /**
   * The generation of the commit an {@link #index} fingerprint names: 0 for {@link #NO_INDEX} (Lucene numbers the
   * first commit 1), -1 when the fingerprint names none (an unreadable index).
   */
  static long generation(String indexFingerprint) {
    if (NO_INDEX.equals(indexFingerprint)) {
      return 0;
    }
    String[] parts = indexFingerprint.split(" ");
    if (parts.length == 3 && parts[0].equals("gen")) {
      try {
        return Long.parseLong(parts[1]);
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * A hash of every compiled class of the packages of {@code anchors} (nested and helper classes included: a stage's
   * results depend on all of them, and a list of classes misses the next helper someone adds), of {@code resources}
   * (class files or data, by path) and of {@code facts}: when the code changes (a better extractor or stance model is
   * merged), work it did is done again without anyone having to remember a version bump.
   */
  static String packages(List<Class<?>> anchors, List<String> resources, Map<String, ?> facts) {
    java.util.TreeSet<String> classes = new java.util.TreeSet<>();
    for (Class<?> anchor : anchors) {
      classes.addAll(classFiles(anchor));
    }
    List<String> parts = new ArrayList<>();
    for (String r : Stream.concat(classes.stream(), resources.stream()).toList()) {
      parts.add(r + "=" + resourceHash(Fingerprints.class, "/" + r));
    }
    facts.forEach((k, v) -> parts.add(k + "=" + v));
    return Hashes.id(String.join("\n", parts));
  }

  /**
   * The class files of {@code anchor}'s package ("org/claimcheck/verify/Verifier.class", ...; subpackages not), from
   * the folder or jar it was loaded from; the anchor's own alone when neither can be listed.
   */
  static List<String> classFiles(Class<?> anchor) {
    String pkg = anchor.getPackageName().replace('.', '/') + "/";
    List<String> out = new ArrayList<>();
    try {
      java.security.CodeSource source = anchor.getProtectionDomain().getCodeSource();
      Path where = source == null ? null : Path.of(source.getLocation().toURI());
      if (where != null && Files.isDirectory(where)) {
        try (Stream<Path> files = Files.list(where.resolve(pkg))) {
          files.map(f -> pkg + f.getFileName()).filter(n -> n.endsWith(".class")).forEach(out::add);
        }
      } else if (where != null && Files.isRegularFile(where)) {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(where.toFile())) {
          jar.stream().map(java.util.jar.JarEntry::getName)
              .filter(n -> n.startsWith(pkg) && n.endsWith(".class") && n.indexOf('/', pkg.length()) < 0)
              .forEach(out::add);
        }
      }
    } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
      out.clear();
    }
    if (out.isEmpty()) {
      out.add(pkg + anchor.getSimpleName() + ".class");
    }
    return out;
  }

  private static String resourceHash(Class<?> anchor, String name) {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      return in == null ? "absent" : Hashes.sha256(in.readAllBytes()).substring(0, 16);
    } catch (IOException e) {
      return "unreadable";
    }
  }
}
