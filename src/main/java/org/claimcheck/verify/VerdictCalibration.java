package org.claimcheck.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import org.claimcheck.Json;

/**
 * Thread-safe (immutable). Maps a verdict's raw confidence to the probability that the verdict is right, by verdict:
 * a piecewise-linear curve through (raw confidence, observed accuracy) points measured on the out-of-fold predictions
 * of the cross-validation (src/training/README.md, "Calibration"). A verdict without a curve keeps its raw confidence.
 */
public final class VerdictCalibration {
  /** The curves fitted for the shipped stance model. */
  public static final String RESOURCE = "/org/claimcheck/verify/verdict-calibration.json";

  private static final VerdictCalibration BUILTIN = load();

  private final Map<Verdict, double[][]> curves;

  VerdictCalibration(Map<Verdict, double[][]> curves) {
    this.curves = new EnumMap<>(Verdict.class);
    curves.forEach((v, c) -> {
      for (int i = 1; i < c.length; i++) {
        if (!(c[i][0] > c[i - 1][0])) {
          throw new IllegalArgumentException("calibration points of " + v + " must have increasing x");
        }
      }
      this.curves.put(v, c.clone());
    });
  }

  /** No calibration: raw confidences pass through. */
  public static VerdictCalibration identity() {
    return new VerdictCalibration(Map.of());
  }

  /** The curves shipped with claimcheck (identity when none are). */
  public static VerdictCalibration builtin() {
    return BUILTIN;
  }

  private static VerdictCalibration load() {
    try (InputStream in = VerdictCalibration.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return identity();
      }
      JsonNode root = Json.MAPPER.readTree(in).path("curves");
      Map<Verdict, double[][]> curves = new EnumMap<>(Verdict.class);
      for (Verdict v : Verdict.values()) {
        JsonNode points = root.path(v.name());
        if (!points.isArray() || points.isEmpty()) {
          continue;
        }
        double[][] c = new double[points.size()][2];
        for (int i = 0; i < points.size(); i++) {
          c[i][0] = points.get(i).get(0).asDouble();
          c[i][1] = points.get(i).get(1).asDouble();
        }
        curves.put(v, c);
      }
      return new VerdictCalibration(curves);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The calibrated confidence of {@code verdict} given its raw confidence, in [0, 1]. */
  public double calibrate(Verdict verdict, double raw) {
    double[][] c = curves.get(verdict);
    if (c == null) {
      return raw;
    }
    if (raw <= c[0][0]) {
      return c[0][1];
    }
    for (int i = 1; i < c.length; i++) {
      if (raw <= c[i][0]) {
        double t = (raw - c[i - 1][0]) / (c[i][0] - c[i - 1][0]);
        return c[i - 1][1] + t * (c[i][1] - c[i - 1][1]);
      }
    }
    return c[c.length - 1][1];
  }
}
