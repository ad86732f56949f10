package org.claimcheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WorkspaceTest {
  /** run printed absolute report paths even when started in the workspace (README shows reports/...). */
  @Test
  void pathsAreShownFromTheProcessFolder() {
    Path here = Path.of("").toAbsolutePath();
    assertEquals(Path.of("reports/2026-11-22/report.html"),
        Workspace.shown(here.resolve("reports/2026-11-22/report.html")));
    assertEquals(Path.of("reports/2026-11-22/report.html"), Workspace.shown(Path.of("reports/2026-11-22/report.html")));
    Path elsewhere = Path.of("/tmp/elsewhere/reports/x.html");
    if (!elsewhere.startsWith(here)) {
      assertEquals(elsewhere, Workspace.shown(elsewhere));
    }
  }
}
