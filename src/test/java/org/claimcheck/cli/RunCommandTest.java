package org.claimcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code claimcheck run}'s options: bad values are usage errors (exit 2), refused before any work. */
class RunCommandTest {
  @ParameterizedTest
  @ValueSource(strings = {"NaN", "-NaN", "Infinity", "0x1p-1", "0.5d", "1f", "", " 0.5", "1.5", "-0.1"})
  void aThresholdThatIsNoDecimalFromZeroToOneIsAUsageError(String value, @TempDir Path work) {
    CliTest.Run r = CliTest.run("run", "--offline", "--workdir", work.toString(), "--threshold", value,
        "--date", "2026-11-20");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("threshold"), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
    assertFalse(Files.exists(work.resolve("reports")), "refused before any work");
  }

  /** verify and extract took 0x1p-1 and 0.5d, which run refuses: one rule for --threshold everywhere. */
  @ParameterizedTest
  @ValueSource(strings = {"verify", "extract"})
  void verifyAndExtractTakeTheirThresholdLikeRun(String command, @TempDir Path work) throws IOException {
    Files.writeString(work.resolve("c.jsonl"), "{\"id\": 1, \"claim\": \"Zinc shortens colds.\"}\n");
    for (String value : new String[] {"0x1p-1", "0.5d", "NaN", "Infinity"}) {
      CliTest.Run r = command.equals("verify")
          ? CliTest.run("verify", "--index", work.resolve("none").toString(), "--claims",
              work.resolve("c.jsonl").toString(), "--threshold", value)
          : CliTest.run("extract", "--articles", work.toString(), "--threshold", value);
      assertEquals(2, r.code(), value + ": " + r.err());
      assertTrue(r.err().contains("not a decimal number"), r.err());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "0x1p-1", "Infinity", "2"})
  void aThresholdInTheConfigurationThatIsNoDecimalFromZeroToOneIsAUsageError(String value, @TempDir Path work)
      throws IOException {
    Files.writeString(work.resolve("claimcheck.properties"), "threshold = " + value + "\n");
    CliTest.Run r = CliTest.run("run", "--offline", "--workdir", work.toString(), "--date", "2026-11-20");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("error: "), r.err());
    assertTrue(r.err().contains("threshold"), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"+12026-01-01", "+2026-01-01", "-2026-01-01", "02026-01-01", "2026-1-01", "2026-02-30",
      "2026-01-01 ", "２０２６-01-01"})
  void aDateThatIsNotYyyyMmDdIsAUsageError(String value, @TempDir Path work) {
    CliTest.Run r = CliTest.run("run", "--offline", "--workdir", work.toString(), "--date", value);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("error: bad --date"), r.err());
    assertFalse(Files.exists(work.resolve("reports")), "refused before any work");
  }
}
