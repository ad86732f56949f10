package org.claimcheck.verify;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Thread-safe (immutable). A binary logistic regression over standardised features: {@code P(y = 1 | x) =
 * sigmoid(b + w . (x - mean) / scale)}. {@link #fit} trains it with an L2 penalty on {@code w} (not on {@code b}) by
 * Newton's method: deterministic, no randomness, the same model for the same rows.
 *
 * @param mean the features' training means
 * @param scale the features' training standard deviations (1 where a feature is constant)
 * @param weights one weight per standardised feature
 * @param intercept the bias {@code b}
 */
public record LogisticRegression(double[] mean, double[] scale, double[] weights, double intercept) {
  public LogisticRegression {
    Objects.requireNonNull(mean, "mean");
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(weights, "weights");
    if (mean.length != scale.length || mean.length != weights.length) {
      throw new IllegalArgumentException("mean, scale and weights differ in length: " + mean.length + ", "
          + scale.length + ", " + weights.length);
    }
    for (int j = 0; j < mean.length; j++) {
      if (!Double.isFinite(mean[j]) || !(scale[j] > 0) || !Double.isFinite(scale[j]) || !Double.isFinite(weights[j])) {
        throw new IllegalArgumentException("non-finite mean, scale or weight at feature " + j);
      }
    }
    if (!Double.isFinite(intercept)) {
      throw new IllegalArgumentException("non-finite intercept");
    }
    mean = mean.clone();
    scale = scale.clone();
    weights = weights.clone();
  }

  /** A copy of the training means. */
  @Override
  public double[] mean() {
    return mean.clone();
  }

  /** A copy of the training standard deviations. */
  @Override
  public double[] scale() {
    return scale.clone();
  }

  /** A copy of the weights. */
  @Override
  public double[] weights() {
    return weights.clone();
  }

  public int dimension() {
    return weights.length;
  }

  /** The linear score {@code b + w . (x - mean) / scale}. */
  public double logit(double[] x) {
    if (x.length != weights.length) {
      throw new IllegalArgumentException("expected " + weights.length + " features, got " + x.length);
    }
    double z = intercept;
    for (int j = 0; j < x.length; j++) {
      z += weights[j] * (x[j] - mean[j]) / scale[j];
    }
    return z;
  }

  public double probability(double[] x) {
    return sigmoid(logit(x));
  }

  public static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  /**
   * Fits a model to rows {@code x} with labels {@code y} (true = 1) and L2 penalty {@code lambda} on the standardised
   * weights; {@code balanced} weighs each class by n / (2 n_class). Newton's method until the step is tiny (at most 50
   * iterations). Throws when there are no rows, or a row differs in length.
   */
  public static LogisticRegression fit(List<double[]> x, boolean[] y, double lambda, boolean balanced) {
    return fit(x, y, null, lambda, balanced);
  }

  /** As {@link #fit(List, boolean[], double, boolean)}, each row counted {@code rowWeights[i]} times (null: once). */
  public static LogisticRegression fit(List<double[]> x, boolean[] y, double[] rowWeights, double lambda,
      boolean balanced) {
    int n = x.size();
    if (rowWeights != null && rowWeights.length != n) {
      throw new IllegalArgumentException("one weight per row: " + rowWeights.length + " weights, " + n + " rows");
    }
    if (n == 0 || y.length != n) {
      throw new IllegalArgumentException("need rows and one label per row: " + n + " rows, " + y.length + " labels");
    }
    if (!(lambda >= 0)) {
      throw new IllegalArgumentException("lambda must be >= 0: " + lambda);
    }
    int d = x.getFirst().length;
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (double[] row : x) {
      if (row.length != d) {
        throw new IllegalArgumentException("rows differ in length: " + row.length + " != " + d);
      }
      for (int j = 0; j < d; j++) {
        if (!Double.isFinite(row[j])) {
          throw new IllegalArgumentException("non-finite feature " + j);
        }
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
      }
    }
    for (int j = 0; j < d; j++) {
      scale[j] = Math.sqrt(scale[j] / n);
      if (!(scale[j] > 1e-12)) {
        scale[j] = 1;
      }
    }
    int positives = 0;
    for (boolean b : y) {
      positives += b ? 1 : 0;
    }
    double wPos = balanced && positives > 0 ? n / (2.0 * positives) : 1;
    double wNeg = balanced && positives < n ? n / (2.0 * (n - positives)) : 1;
    // Standardised design with a leading 1 for the intercept.
    int p = d + 1;
    double[][] z = new double[n][p];
    for (int i = 0; i < n; i++) {
      z[i][0] = 1;
      for (int j = 0; j < d; j++) {
        z[i][j + 1] = (x.get(i)[j] - mean[j]) / scale[j];
      }
    }
    double[] beta = new double[p];
    for (int iter = 0; iter < 50; iter++) {
      double[] grad = new double[p];
      double[][] hess = new double[p][p];
      for (int i = 0; i < n; i++) {
        double eta = 0;
        for (int j = 0; j < p; j++) {
          eta += beta[j] * z[i][j];
        }
        double mu = sigmoid(eta);
        double w = (y[i] ? wPos : wNeg) * (rowWeights == null ? 1 : rowWeights[i]);
        double r = w * ((y[i] ? 1 : 0) - mu);
        double v = w * mu * (1 - mu);
        double[] zi = z[i];
        for (int j = 0; j < p; j++) {
          grad[j] += r * zi[j];
          double vz = v * zi[j];
          for (int k = 0; k <= j; k++) {
            hess[j][k] += vz * zi[k];
          }
        }
      }
      for (int j = 0; j < p; j++) {
        for (int k = 0; k < j; k++) {
          hess[k][j] = hess[j][k];
        }
      }
      for (int j = 1; j < p; j++) {
        grad[j] -= lambda * beta[j];
        hess[j][j] += lambda;
      }
      hess[0][0] += 1e-9;
      double[] step = solve(hess, grad);
      double max = 0;
      for (int j = 0; j < p; j++) {
        beta[j] += step[j];
        max = Math.max(max, Math.abs(step[j]));
      }
      if (max < 1e-8) {
        break;
      }
    }
    return new LogisticRegression(mean, scale, Arrays.copyOfRange(beta, 1, p), beta[0]);
  }

  /** Solves {@code a s = b} for a symmetric positive definite {@code a} (Cholesky). */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(s > 0)) {
            throw new IllegalStateException("the Hessian is not positive definite; give lambda > 0");
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * y[k];
      }
      y[i] = s / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k][i] * x[k];
      }
      x[i] = s / l[i][i];
    }
    return x;
  }
}
