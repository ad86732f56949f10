package org.claimcheck.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimcheck.ClaimcheckException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading claims files: what each format gives and what it refuses, naming the line. */
class ClaimsFileTest {
  @TempDir
  Path dir;

  private Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  private static List<String> ids(List<Claim> claims) {
    return claims.stream().map(Claim::id).toList();
  }

  /** The usage error reading {@code file} gives; asserts it names {@code where}. */
  private static ClaimcheckException refused(Path file, String what, String where) {
    ClaimcheckException e = assertThrows(ClaimcheckException.class, () -> ClaimsFile.read(file));
    assertEquals(ClaimcheckException.USAGE, e.exitCode(), e.getMessage());
    assertTrue(e.getMessage().startsWith(what), e.getMessage());
    assertTrue(e.getMessage().contains("(" + where), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    return e;
  }

  @Test
  void aClaimThatIsNotTextIsRefusedNamingItsLine() throws Exception {
    Path nul = file("null.jsonl", "{\"id\": 3, \"claim\": \"Zinc shortens colds.\"}\n{\"id\": 4, \"claim\": null}\n");
    refused(nul, "the `claim` of a claim line is null, not text", nul + ":2");
    Path number = file("number.jsonl", "{\"_id\": \"q1\", \"text\": 42}\n");
    refused(number, "the `text` of a claim line is a number, not text", number + ":1");
    Path array = file("array.jsonl", "[\"Zinc shortens colds.\"]\n");
    refused(array, "a claim line is an array, not a JSON object", array + ":1");
  }

  @Test
  void idsAreKeptAsGiven() throws Exception {
    Path f = file("ids.jsonl", "{\"id\": 7, \"claim\": \"a\"}\n{\"id\": \"007\", \"claim\": \"b\"}\n"
        + "{\"_id\": \"q 1\", \"text\": \"c\"}\n{\"id\": 123456789012345678901234, \"claim\": \"d\"}\n"
        + "{\"claim\": \"no id\"}\n");
    assertEquals(List.of("7", "007", "q 1", "123456789012345678901234", ""), ids(ClaimsFile.read(f)));
  }

  @Test
  void anIdThatIsNeitherTextNorAWholeNumberIsRefused() throws Exception {
    Path real = file("real.jsonl", "{\"id\": 1, \"claim\": \"a\"}\n{\"id\": 8.0, \"claim\": \"b\"}\n");
    refused(real, "a claim id is a number, not text or a whole number", real + ":2: 8.0");
    Path bool = file("bool.jsonl", "{\"id\": true, \"claim\": \"a\"}\n");
    refused(bool, "a claim id is a boolean, not text or a whole number", bool + ":1: true");
  }

  @Test
  void aLineHoldingTwoJsonValuesIsRefused() throws Exception {
    Path two = file("two.jsonl", "{\"id\": 1, \"claim\": \"a\"}\n{\"id\": 2, \"claim\": \"b\"} {\"id\": 3, "
        + "\"claim\": \"c\"}\n");
    refused(two, "a line holding more than one JSON value", two + ":2");
    Path trailing = file("trailing.jsonl", "{\"id\": 1, \"claim\": \"a\"} x\n");
    refused(trailing, "not a JSON line", trailing + ":1");
  }
}
