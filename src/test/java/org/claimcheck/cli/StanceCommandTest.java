package org.claimcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code stance --pairs}: the pairs CSV as people write it (Excel, by hand). */
class StanceCommandTest {
  private static CliTest.Run stance(Path pairs) {
    return CliTest.run("stance", "--stance-model", "rule", "--pairs", pairs.toString());
  }

  private static String[] lines(CliTest.Run r) {
    return r.out().strip().split("\r?\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"claim,evidence", "\"claim\",\"evidence\""})
  void excelCsvUtf8WithAByteOrderMarkIsRead(String header, @TempDir Path dir) throws Exception {
    Path pairs = dir.resolve("pairs.csv");
    Files.write(pairs, ("\ufeff" + header + "\r\nStatins reduce mortality.,Statins reduced mortality.\r\n")
        .getBytes(StandardCharsets.UTF_8));
    CliTest.Run r = stance(pairs);
    assertEquals(0, r.code(), r.err());
    assertEquals(2, lines(r).length, r.out());
    assertTrue(lines(r)[1].startsWith("Statins reduce mortality.,Statins reduced mortality.,"), r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Claim,Evidence", "claim, evidence", " CLAIM ,Evidence ", "id,Evidence,note,claim"})
  void headersAreMatchedIgnoringCaseAndSpaces(String header, @TempDir Path dir) throws Exception {
    Path pairs = dir.resolve("pairs.csv");
    boolean four = header.startsWith("id");
    Files.writeString(pairs, header + "\n" + (four
        ? "7,Statins reduced mortality.,x,Statins reduce mortality.\n"
        : "Statins reduce mortality.,Statins reduced mortality.\n"));
    CliTest.Run r = stance(pairs);
    assertEquals(0, r.code(), r.err());
    assertTrue(lines(r)[1].startsWith("Statins reduce mortality.,Statins reduced mortality.,"), r.out());
  }

  @Test
  void aDuplicatedColumnIsRefusedOnOneLine(@TempDir Path dir) throws Exception {
    Path pairs = dir.resolve("pairs.csv");
    Files.writeString(pairs, "claim,evidence,Claim\nA claim.,Some evidence.,Another claim.\n");
    CliTest.Run r = stance(pairs);
    assertEquals(2, r.code(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("error: the pairs CSV has two claim columns (" + pairs + ": columns 1 and 3)"),
        r.err());
    assertEquals("", r.out());
  }

  @Test
  void missingColumnsNameTheHeaderFound(@TempDir Path dir) throws Exception {
    Path pairs = dir.resolve("pairs.csv");
    Files.writeString(pairs, "claim,text\nA claim.,Some evidence.\n");
    CliTest.Run r = stance(pairs);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("error: the pairs CSV needs the columns claim and evidence (" + pairs
        + ": header claim,text)"), r.err());
  }

  @Test
  void rowsWithoutClaimOrEvidenceAreSkippedAndCounted(@TempDir Path dir) throws Exception {
    Path pairs = dir.resolve("pairs.csv");
    Files.writeString(pairs, "claim,evidence\n"
        + "Statins reduce mortality.,Statins reduced mortality.\n"
        + ",Statins reduced mortality.\n"
        + "Statins reduce mortality.,  \n"
        + "\n"
        + "Statins reduce mortality.\n"
        + "Statins reduce mortality.,Statins did not reduce mortality.\n");
    CliTest.Run r = stance(pairs);
    assertEquals(0, r.code(), r.err());
    String[] out = lines(r);
    assertEquals(3, out.length, r.out());
    assertTrue(out[2].startsWith("Statins reduce mortality.,Statins did not reduce mortality.,"), r.out());
    assertTrue(r.err().contains("5 total, 2 OK, 3 SKIPPED"), r.err());
    assertTrue(r.err().contains("1 SKIPPED: empty claim (row 3)"), r.err());
    assertTrue(r.err().contains("2 SKIPPED: empty evidence (e.g. row 4, row 6)"), r.err());

    // Nothing to judge at all: exit 1, so a script notices.
    Files.writeString(pairs, "claim,evidence\n,Statins reduced mortality.\n");
    CliTest.Run none = stance(pairs);
    assertEquals(1, none.code(), none.err());
    assertTrue(none.err().contains("1 SKIPPED: empty claim (row 2)"), none.err());
    // A header and no row at all (it exited 0).
    Files.writeString(pairs, "claim,evidence\n");
    CliTest.Run empty = stance(pairs);
    assertEquals(1, empty.code(), empty.err());
    assertTrue(empty.err().contains("error: no row to judge in " + pairs + " (only a header)"), empty.err());
  }
}
