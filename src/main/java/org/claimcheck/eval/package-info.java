/**
 * Evaluations that cannot rot: each recorded {@link org.claimcheck.eval.Expectation} holds the input checksums, the
 * options and the expected metric values with a tolerance; {@link org.claimcheck.eval.MetricReport} compares a run with
 * it and fails (exit code 3) when a metric moves outside the tolerance in either direction.
 */
package org.claimcheck.eval;
