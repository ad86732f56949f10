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
  void theTopicOfAClaimsPlaceIsWrittenAndReadInBothFormats() throws Exception {
    Claim c = new Claim("c1", "a1", "http://example.org/a", "A page", 3, "Other causes are diabetes.", null,
        "Other causes are diabetes.", "Other causes", "are", "diabetes", false, false, 0.8, List.of("r"),
        List.of("diabetes"), "certain", List.of("restless_legs"));
    for (String name : List.of("claims.csv", "claims.jsonl")) {
      Path f = dir.resolve(name);
      ClaimsFile.write(f, List.of(c));
      assertEquals(List.of("restless_legs"), ClaimsFile.read(f).getFirst().topic(), name);
    }
    // A claims.csv written before the column was added reads with no topic.
    Path old = file("old.csv", "claim_id,article_id,article_url,sentence_index,sentence,claim,subject,relation,object,"
        + "negated,hedged,check_worthiness,reasons,certainty,entities\n"
        + "c1,a1,http://example.org/a,3,Other causes.,Other causes.,,,,false,false,0.800,r,certain,\n");
    assertEquals(List.of(), ClaimsFile.read(old).getFirst().topic());
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

  @Test
  void aMalformedCsvIsRefusedNamingTheLine() throws Exception {
    Path open = file("open.csv", "claim\n\"unterminated\n");
    refused(open, "malformed claims CSV", open + ":2: ");
    Path later = file("later.csv", "claim_id,claim\r\nc1,\"Zinc shortens\r\ncolds.\"\r\n\r\nc2,\"a\"b\r\n");
    refused(later, "malformed claims CSV", later + ":5: ");
    Path header = file("header.csv", "claim,claim\nx,y\n");
    refused(header, "malformed claims CSV header", header + ":1: ");
  }

  @Test
  void aCsvRowWithTooFewOrTooManyFieldsIsRefusedNamingItsLine() throws Exception {
    Path shortRow = file("short.csv", "claim_id,claim\nc1,Zinc shortens colds.\nc2\n");
    ClaimcheckException e = refused(shortRow, "a claims CSV row has 1 field where the header has 2", shortRow + ":3");
    assertTrue(!e.getMessage().contains("Index for header"), e.getMessage());
    Path longRow = file("long.csv", "claim_id,claim\nc1,Zinc, taken early, shortens colds.\n");
    refused(longRow, "a claims CSV row has 4 fields where the header has 2", longRow + ":2");
    Path badNumber = file("number.csv", "claim_id,article_id,article_url,sentence_index,sentence,claim,subject,"
        + "relation,object,negated,hedged,check_worthiness,reasons\nc1,a1,http://x,first,s,c,,,,false,false,0.9,\n");
    refused(badNumber, "malformed claims CSV", badNumber + ":2: ");
  }

  @Test
  void aCsvKeepsItsIdsOrNumbersItsRecordsPastEmptyLines() throws Exception {
    Path ids = file("ids.csv", "claim_id,claim\n007,\"Zinc, taken early, shortens colds.\"\n\nc2,\"two\nlines\"\n");
    List<Claim> claims = ClaimsFile.read(ids);
    assertEquals(List.of("007", "c2"), ids(claims));
    assertEquals("two\nlines", claims.get(1).claim());
    Path numbered = file("numbered.csv", "claim\r\nZinc shortens colds.\r\n\r\nB12 is safe.\r\n");
    assertEquals(List.of("1", "2"), ids(ClaimsFile.read(numbered)));
    assertEquals(List.of(), ClaimsFile.read(file("empty.csv", "")));
    Path noClaim = file("no-claim.csv", "id,text\n1,x\n");
    refused(noClaim, "the CSV has no `claim` column", noClaim.toString());
  }

  @Test
  void aTsvHeaderIsNotAClaim() throws Exception {
    Path header = file("header.tsv", "\n ID\tClaim \n1\tZinc shortens colds.\nid\tclaim\n");
    List<Claim> claims = ClaimsFile.read(header);
    assertEquals(List.of("1", "id"), ids(claims), "only the first line can be the header");
    assertEquals(2, claims.get(0).sentenceIndex(), "claims keep their lines");
    assertEquals(List.of("1"), ids(ClaimsFile.read(file("text.tsv", "id\ttext\n1\tZinc shortens colds.\n"))));
    assertEquals(List.of("q1", "q2"), ids(ClaimsFile.read(file("none.tsv", "q1\tid\nq2\tclaim\n"))));
    // A header with more columns was verified as the claim "claim<TAB>source".
    assertEquals(List.of("1"), ids(ClaimsFile.read(file("more.tsv", "id\tclaim\tsource\n1\tZinc shortens colds.\n"))));
  }

  /** Headers are names in any case, as stance --pairs reads them: Claim_ID,Claim was "no `claim` column". */
  @Test
  void csvHeadersInAnyCase() throws Exception {
    List<Claim> claims = ClaimsFile.read(file("case.csv", "Claim_ID,Claim\nc7,Zinc shortens colds.\n"));
    assertEquals(List.of("c7"), ids(claims));
    assertEquals("Zinc shortens colds.", claims.getFirst().claim());
  }

  /** The usage error {@link ClaimsFile#readWithIds} gives for {@code file}; asserts it names {@code where}. */
  private static void refusedIds(Path file, String what, String where) {
    ClaimcheckException e = assertThrows(ClaimcheckException.class, () -> ClaimsFile.readWithIds(file));
    assertEquals(ClaimcheckException.USAGE, e.exitCode(), e.getMessage());
    assertTrue(e.getMessage().startsWith(what + " (" + where + ")"), e.getMessage());
  }

  @Test
  void everyClaimNeedsAnIdOfItsOwnInEveryFormat() throws Exception {
    Path twice = file("twice.jsonl", "{\"id\": 1, \"claim\": \"a\"}\n\n{\"id\": 2, \"claim\": \"b\"}\n"
        + "{\"id\": \"1\", \"claim\": \"c\"}\n");
    refusedIds(twice, "claim id '1' given twice", twice + ":1 and " + twice + ":4");
    Path none = file("none.jsonl", "{\"id\": 1, \"claim\": \"a\"}\n{\"claim\": \"no id\"}\n");
    refusedIds(none, "a claim has no id", none + ":2");
    Path blank = file("blank.jsonl", "{\"_id\": \" \", \"text\": \"a\"}\n");
    refusedIds(blank, "a claim has no id", blank + ":1");
    Path tsv = file("none.tsv", "id\tclaim\n1\ta\n\tno id\n");
    refusedIds(tsv, "a claim has no id", tsv + ":3");
    Path tsvTwice = file("twice.tsv", "c1\ta\nc1\tb\n");
    refusedIds(tsvTwice, "claim id 'c1' given twice", tsvTwice + ":1 and " + tsvTwice + ":2");
    Path csv = file("none.csv", "claim_id,claim\nc1,a\n,b\n");
    refusedIds(csv, "a claim has no id", csv + ":3");
    Path csvTwice = file("twice.csv", "claim_id,claim\nc1,\"two\nlines\"\nc1,b\n");
    refusedIds(csvTwice, "claim id 'c1' given twice", csvTwice + ":2 and " + csvTwice + ":4");
    Path longId = file("long.jsonl", ("{\"id\": \"" + "x".repeat(300) + "\", \"claim\": \"a\"}\n").repeat(2));
    refusedIds(longId, "claim id '" + "x".repeat(97) + "...' given twice", longId + ":1 and " + longId + ":2");
  }

  @Test
  void idsThatDifferAreKeptApart() throws Exception {
    Path f = file("ids.jsonl", "{\"id\": 7, \"claim\": \"a\"}\n{\"id\": \"007\", \"claim\": \"b\"}\n"
        + "{\"_id\": \"7.0\", \"text\": \"c\"}\n");
    List<ClaimsFile.Entry> entries = ClaimsFile.readWithIds(f);
    assertEquals(List.of("7", "007", "7.0"), entries.stream().map(e -> e.claim().id()).toList());
    assertEquals(List.of(1, 2, 3), entries.stream().map(ClaimsFile.Entry::line).toList());
    Path numbered = file("numbered.csv", "claim\nZinc shortens colds.\n\nB12 is safe.\n");
    assertEquals(List.of(2, 4), ClaimsFile.readWithIds(numbered).stream().map(ClaimsFile.Entry::line).toList());
  }
}
