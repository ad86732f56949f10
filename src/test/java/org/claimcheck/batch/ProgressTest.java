package org.claimcheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void plainLinesForLogs() {
    StringWriter w = new StringWriter();
    Progress p = new Progress(Progress.Mode.PLAIN, new PrintWriter(w));
    try (Progress.Stage s = p.start("verify", 3, "claims")) {
      s.step();
      s.step();
      s.step();
    }
    List<String> lines = w.toString().lines().toList();
    assertEquals("[verify] 3 claims", lines.get(0));
    assertEquals("[verify] 1/3 claims (33%)", lines.get(1));
    assertTrue(lines.getLast().startsWith("[verify] done: 3/3 claims in "), lines.getLast());
    assertTrue(!w.toString().contains("\r"), "no carriage returns in a log");
  }

  @Test
  void aBarRedrawnInPlaceOnATerminal() {
    StringWriter w = new StringWriter();
    Progress p = new Progress(Progress.Mode.BAR, new PrintWriter(w));
    try (Progress.Stage s = p.start("fetch", 2, "sources")) {
      s.step();
      s.step();
    }
    p.line("stage total");
    String out = w.toString();
    assertTrue(out.startsWith("\r\033[2Kfetch     [>                           ] 0/2 sources"), out);
    assertTrue(out.contains("\r\033[2Kfetch     [============================] 2/2 sources"), out);
    assertEquals(2, out.chars().filter(ch -> ch == '\n').count(), "one line for the bar, one for the table: " + out);
  }

  @Test
  void nothingWhenAskedForNothing() {
    StringWriter w = new StringWriter();
    Progress p = Progress.none(new PrintWriter(w));
    try (Progress.Stage s = p.start("index", 1, "files")) {
      s.step();
    }
    assertEquals("", w.toString());
  }
}
