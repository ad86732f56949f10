package org.claimcheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimcheck.Tally;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
  @Test
  void theColumnsLineUpWhateverTheStageNames() {
    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (String stage : List.of("fetch", "pubmed search", "index")) {
      Tally t = new Tally(stage);
      t.count("OK");
      tallies.put(stage, t);
    }
    List<String> lines = RunSummary.lines(tallies, Map.of("fetch", 1200L));
    assertEquals("stage           total    done  reused skipped  failed     time  outcomes", lines.get(0));
    assertEquals("fetch               1       1       0       0       0    1.2 s  1 OK", lines.get(1));
    assertEquals("pubmed search       1       1       0       0       0        -  1 OK", lines.get(2));
    assertEquals("index               1       1       0       0       0        -  1 OK", lines.get(3));
  }

  @Test
  void shortStageNamesKeepTheUsualWidth() {
    Tally t = new Tally("index");
    t.count("INDEXED");
    assertEquals("index            1       1       0       0       0        -  1 INDEXED",
        RunSummary.lines(Map.of("index", t), Map.of()).get(1));
  }
}
