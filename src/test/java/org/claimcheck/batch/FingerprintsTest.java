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
}
