package org.claimcheck.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {
  /** Two features; y = 1 exactly when x0 + 2 x1 > 1 (separable), plus a constant and a noise feature. */
  private static List<double[]> rows(int n, long seed, boolean[] y) {
    Random r = new Random(seed);
    List<double[]> x = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double a = r.nextDouble() * 2 - 0.5;
      double b = r.nextDouble() * 2 - 0.5;
      x.add(new double[] {a, b, 3.0, r.nextGaussian()});
      y[i] = a + 2 * b > 1;
    }
    return x;
  }

  @Test
  void separatesASeparableProblem() {
    boolean[] y = new boolean[400];
    List<double[]> x = rows(400, 1, y);
    LogisticRegression m = LogisticRegression.fit(x, y, 0.01, false);
    int errors = 0;
    for (int i = 0; i < x.size(); i++) {
      if ((m.probability(x.get(i)) >= 0.5) != y[i]) {
        errors++;
      }
    }
    assertTrue(errors <= 4, "errors: " + errors);
    // The second feature counts about twice the first; the constant one gets nothing, the noise little.
    double ratio = m.weights()[1] / m.scale()[1] / (m.weights()[0] / m.scale()[0]);
    assertEquals(2, ratio, 0.3);
    assertEquals(0, m.weights()[2], 1e-12);
    assertTrue(Math.abs(m.weights()[3]) < Math.abs(m.weights()[0]) / 5);
  }

  @Test
  void isDeterministic() {
    boolean[] y = new boolean[200];
    List<double[]> x = rows(200, 7, y);
    LogisticRegression a = LogisticRegression.fit(x, y, 1, true);
    LogisticRegression b = LogisticRegression.fit(x, y, 1, true);
    assertArrayEquals(a.weights(), b.weights(), 0);
    assertEquals(a.intercept(), b.intercept(), 0);
  }

  @Test
  void penaltyShrinksWeightsAndBalancingMovesTheIntercept() {
    boolean[] y = new boolean[300];
    List<double[]> x = rows(300, 3, y);
    double small = Math.abs(LogisticRegression.fit(x, y, 1000, false).weights()[0]);
    double large = Math.abs(LogisticRegression.fit(x, y, 0.1, false).weights()[0]);
    assertTrue(small < large / 5, small + " vs " + large);
    // Few positives: balancing the classes raises the probability of the positive class.
    boolean[] rare = new boolean[300];
    List<double[]> xr = new ArrayList<>();
    Random r = new Random(5);
    for (int i = 0; i < 300; i++) {
      double a = r.nextGaussian();
      xr.add(new double[] {a});
      rare[i] = a + r.nextGaussian() > 2;
    }
    double plain = LogisticRegression.fit(xr, rare, 1, false).probability(new double[] {0});
    double balanced = LogisticRegression.fit(xr, rare, 1, true).probability(new double[] {0});
    assertTrue(balanced > plain, balanced + " vs " + plain);
  }

  @Test
  void refusesBadInput() {
    assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(List.of(), new boolean[0], 1, false));
    assertThrows(IllegalArgumentException.class,
        () -> LogisticRegression.fit(List.of(new double[] {1}, new double[] {1, 2}), new boolean[2], 1, false));
    assertThrows(IllegalArgumentException.class,
        () -> LogisticRegression.fit(List.<double[]>of(new double[] {Double.NaN}), new boolean[1], 1, false));
    assertThrows(IllegalArgumentException.class,
        () -> new LogisticRegression(new double[] {0}, new double[] {0}, new double[] {1}, 0));
    LogisticRegression m = new LogisticRegression(new double[] {0}, new double[] {1}, new double[] {1}, 0);
    assertThrows(IllegalArgumentException.class, () -> m.probability(new double[] {1, 2}));
    assertEquals(0.5, m.probability(new double[] {0}), 1e-12);
    assertEquals(1.0, LogisticRegression.sigmoid(800), 1e-12);
    assertEquals(0.0, LogisticRegression.sigmoid(-800), 1e-12);
  }
}
