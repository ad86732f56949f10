package org.claimcheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.claimcheck.verify.StanceFeatures;
import org.claimcheck.verify.VerdictCalibration;
import org.claimcheck.verify.Verifier;
import org.junit.jupiter.api.Test;

class FingerprintsTest {
  @Test
  void aPackageFingerprintCoversEveryClassOfThePackage() {
    // The verdicts' fingerprint named five classes: a change to the stance features or the calibration (same
    // package) let the nightly run reuse verdicts made by the old code.
    List<String> classes = Fingerprints.classFiles(Verifier.class);
    for (Class<?> c : List.of(Verifier.class, StanceFeatures.class, VerdictCalibration.class)) {
      assertTrue(classes.contains(c.getName().replace('.', '/') + ".class"), classes.toString());
    }
    assertTrue(classes.stream().allMatch(n -> n.startsWith("org/claimcheck/verify/") && n.endsWith(".class")
        && n.indexOf('/', "org/claimcheck/verify/".length()) < 0), classes.toString());
    String a = Fingerprints.packages(List.of(Verifier.class), List.of(), Map.of());
    assertEquals(a, Fingerprints.packages(List.of(Verifier.class), List.of(), Map.of()), "stable");
    assertNotEquals(a, Fingerprints.packages(List.of(Verifier.class), List.of(), Map.of("x", 1)));
    assertNotEquals(a, Fingerprints.packages(List.of(Verifier.class),
        List.of(VerdictCalibration.RESOURCE.substring(1)), Map.of()), "resources count");
  }

  /**
   * The index fingerprint names the latest commit (segments_N, N in base 36) and changes with it; the run's crash
   * recovery reads the generation back. Only the crash test in a child JVM reached these, which mutation testing in
   * one JVM cannot see.
   */
  @Test
  void theIndexFingerprintNamesTheLatestCommit(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    assertEquals(Fingerprints.NO_INDEX, Fingerprints.index(dir.resolve("absent")));
    assertEquals(Fingerprints.NO_INDEX, Fingerprints.index(dir), "a folder without a commit");
    java.nio.file.Files.writeString(dir.resolve("segments_x!"), "not a generation");
    assertEquals(Fingerprints.NO_INDEX, Fingerprints.index(dir));
    java.nio.file.Files.writeString(dir.resolve("segments_9"), "nine");
    java.nio.file.Files.writeString(dir.resolve("segments_a"), "ten");
    java.nio.file.Files.writeString(dir.resolve("segments_2"), "two");
    String ten = Fingerprints.index(dir);
    assertEquals("gen 10 " + org.claimcheck.Hashes.sha256("ten".getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .substring(0, 16), ten);
    assertEquals(10, Fingerprints.generation(ten));
    java.nio.file.Files.writeString(dir.resolve("segments_a"), "ten, another commit");
    assertNotEquals(ten, Fingerprints.index(dir), "the same generation written anew is another commit");

    assertEquals(0, Fingerprints.generation(Fingerprints.NO_INDEX));
    assertEquals(12, Fingerprints.generation("gen 12 0123456789abcdef"));
    assertEquals(-1, Fingerprints.generation("unreadable disk error"));
    assertEquals(-1, Fingerprints.generation("gen twelve 0123456789abcdef"));
    assertEquals(-1, Fingerprints.generation("gen 12"));
    assertEquals(-1, Fingerprints.generation("old 12 0123456789abcdef"));
  }

  /** A resource that is there and one that is not give different fingerprints, and a changed class list too. */
  @Test
  void absentResourcesAndOtherPackagesChangeTheFingerprint() {
    String none = Fingerprints.packages(List.of(Verifier.class), List.of(), Map.of());
    assertNotEquals(none, Fingerprints.packages(List.of(Verifier.class), List.of("org/claimcheck/absent.txt"),
        Map.of()));
    assertNotEquals(none, Fingerprints.packages(List.of(Verifier.class, Fingerprints.class), List.of(), Map.of()));
    String lexicon = "org/claimcheck/claim/lexicon.tsv";
    try (var in = FingerprintsTest.class.getResourceAsStream("/" + lexicon)) {
      assertEquals(org.claimcheck.Hashes.id(lexicon + "=" + org.claimcheck.Hashes.sha256(in.readAllBytes())
          .substring(0, 16)), Fingerprints.packages(List.of(), List.of(lexicon), Map.of()), "a resource by its content");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertEquals(org.claimcheck.Hashes.id("org/claimcheck/absent.txt=absent"),
        Fingerprints.packages(List.of(), List.of("org/claimcheck/absent.txt"), Map.of()));
  }
}
