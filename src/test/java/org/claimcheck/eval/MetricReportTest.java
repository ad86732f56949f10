package org.claimcheck.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricReportTest {
  private static Expectation expectation() {
    return new Expectation("x-test", "x", "d", "claimcheck eval x", Map.of("corpus", "abc"), Map.of("k1", 0.9),
        Map.of("nDCG@10", new Expectation.Metric(0.68, 0.01)));
  }

  @Test
  void failsInBothDirections() {
    assertEquals(0, new MetricReport("t").put("nDCG@10", 0.685).expect(expectation()).exitCode());
    assertEquals(3, new MetricReport("t").put("nDCG@10", 0.70).expect(expectation()).exitCode());
    assertEquals(3, new MetricReport("t").put("nDCG@10", 0.66).expect(expectation()).exitCode());
    assertEquals(3, new MetricReport("t").put("Recall@100", 0.9).expect(expectation()).exitCode(), "missing metric");
    assertEquals(0, new MetricReport("t").put("nDCG@10", 0.1).exitCode(), "nothing recorded, nothing checked");
  }

  @Test
  void printsATableAndSaysWhatToDo() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    new MetricReport("BEIR").put("nDCG@10", 0.70).expect(expectation()).print(new PrintWriter(out), new PrintWriter(err));
    assertTrue(out.toString().contains("nDCG@10                          0.7000     0.6800    \u00b10.0100  ABOVE"),
        out.toString());
    assertTrue(err.toString().contains("x-test.json in the same commit"), err.toString());
  }

  @Test
  void optionsMatchByValueNotByType() {
    assertTrue(Expectations.sameOptions(Map.of("k1", 0.9, "hits", 1000), Map.of("k1", "0.9", "hits", 1000L)));
    assertTrue(!Expectations.sameOptions(Map.of("k1", 0.9), Map.of("k1", 1.2)));
  }
}
