package org.claimcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimcheck.TestData;
import org.claimcheck.claim.Claim;
import org.claimcheck.claim.ClaimsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code claimcheck extract}: claims files from a folder of pages. */
class ExtractCommandTest {
  @Test
  void csvKeepsTheCheckWorthyClaimsAndJsonlKeepsEverything(@TempDir Path dir) throws IOException {
    Path pages = dir.resolve("pages");
    TestData.copy("org/claimcheck/claim/invented/vitamin-d.txt", pages.resolve("vitamin-d.txt"));
    CliTest.Run csv = CliTest.run("extract", "--articles", pages.toString(), "--output",
        dir.resolve("claims.csv").toString());
    assertEquals(0, csv.code(), csv.err());
    assertTrue(csv.err().contains("candidate claims"), csv.err());
    String text = Files.readString(dir.resolve("claims.csv"), StandardCharsets.UTF_8);
    assertTrue(text.startsWith("claim_id,article_id,article_url,sentence_index,sentence,claim,subject,relation,object,"
        + "negated,hedged,check_worthiness,reasons,certainty,entities"), text);
    List<Claim> worthy = ClaimsFile.read(dir.resolve("claims.csv"));
    assertTrue(worthy.stream().allMatch(c -> c.checkWorthiness() >= 0.5));
    assertTrue(worthy.stream().anyMatch(c -> c.claim().equals("High doses may cause nausea.") && c.hedged()
        && c.certainty().equals("possible")), worthy.toString());
    assertFalse(worthy.stream().anyMatch(c -> c.sentence().startsWith("Talk to your doctor")));

    CliTest.Run jsonl = CliTest.run("extract", "--articles", pages.toString(), "--output",
        dir.resolve("claims.jsonl").toString());
    assertEquals(0, jsonl.code(), jsonl.err());
    List<Claim> all = ClaimsFile.read(dir.resolve("claims.jsonl"));
    assertTrue(all.size() > worthy.size());
    assertTrue(all.stream().anyMatch(c -> c.sentence().startsWith("Talk to your doctor") && c.checkWorthiness() < 0.5));
    assertEquals(worthy.stream().map(Claim::id).toList(),
        all.stream().filter(c -> c.checkWorthiness() >= 0.5).map(Claim::id).toList(), "same ids in both files");
  }

  @Test
  void aUserLexiconAddsEntities(@TempDir Path dir) throws IOException {
    Path pages = Files.createDirectories(dir.resolve("pages"));
    Files.writeString(pages.resolve("a.txt"), "Ashwagandha lowers cortisol in stressed adults.\n");
    Path lexicon = dir.resolve("extra.tsv");
    Files.writeString(lexicon, "ashwagandha\tsubstance\tashwagandha\tWithania somnifera\n");
    CliTest.Run r = CliTest.run("extract", "--articles", pages.toString(), "--lexicon", lexicon.toString(),
        "--output", dir.resolve("c.jsonl").toString());
    assertEquals(0, r.code(), r.err());
    Claim c = ClaimsFile.read(dir.resolve("c.jsonl")).getFirst();
    assertEquals(List.of("ashwagandha", "cortisol"), c.entities()); // cortisol: the built-in lexicon's
  }

  @Test
  void unreadableSnapshotsAreCountedAndNamed(@TempDir Path dir) throws IOException {
    Path pages = Files.createDirectories(dir.resolve("pages"));
    Files.writeString(pages.resolve("a.txt"), "Ashwagandha lowers cortisol in stressed adults.\n");
    Files.writeString(pages.resolve("0123456789abcdef.json"), "{\"id\": \"0123456789abcdef\", \"source\": \"x\", \"te");
    Files.writeString(pages.resolve("config.json"), "[1, 2, 3]\n");
    // JSON null and a snapshot without an id were an internal error (NullPointerException); a snapshot cut inside a
    // value was "not an article snapshot".
    Files.writeString(pages.resolve("nothing.json"), "null\n");
    Files.writeString(pages.resolve("noid.json"), "{\"source\": \"x\"}\n");
    Files.writeString(pages.resolve("fedcba9876543210.json"), "{\"id\": \"fedcba9876543210\", \"source\": \"x\", "
        + "\"blocks\": [");
    CliTest.Run r = CliTest.run("extract", "--articles", pages.toString(), "--output", dir.resolve("c.jsonl").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("6 total, 5 FAILED, 1 OK"), r.err());
    assertTrue(r.err().contains("2 FAILED: unreadable article snapshot: not valid JSON (cut short or damaged) "
        + "(e.g. 0123456789abcdef.json, fedcba9876543210.json)"), r.err());
    assertTrue(r.err().contains("3 FAILED: unreadable article snapshot: not an article snapshot (e.g. config.json, "
        + "noid.json, nothing.json)"), r.err());

    Files.delete(pages.resolve("a.txt"));
    CliTest.Run none = CliTest.run("extract", "--articles", pages.toString(), "--output",
        dir.resolve("d.jsonl").toString());
    assertEquals(1, none.code(), "nothing could be read: " + none.err());
  }

  @Test
  void aPageCutAtTheCapIsNoted(@TempDir Path dir) throws IOException {
    Path pages = dir.resolve("pages");
    ArticleCommandsTest.hugePage(pages.resolve("huge.html"));
    CliTest.Run r = CliTest.run("extract", "--articles", pages.toString(), "--output", dir.resolve("c.jsonl").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("1 OK: page cut at 10485760 bytes, claims from the part read ("), r.err());
  }

  @Test
  void badOptionsAreUsageErrors(@TempDir Path dir) {
    CliTest.Run t = CliTest.run("extract", "--articles", dir.toString(), "--threshold", "1.5");
    assertEquals(2, t.code());
    assertTrue(t.err().startsWith("error: --threshold must be between 0 and 1"), t.err());
    CliTest.Run nan = CliTest.run("extract", "--articles", dir.toString(), "--threshold", "NaN");
    assertEquals(2, nan.code(), "NaN would keep no claim in CSV output: " + nan.err());
    assertTrue(nan.err().contains("'NaN' is not a decimal number"), nan.err());
    CliTest.Run o = CliTest.run("extract", "--articles", dir.toString(), "--output", dir.resolve("x.txt").toString());
    assertEquals(2, o.code());
    CliTest.Run a = CliTest.run("extract", "--articles", dir.resolve("nope").toString());
    assertEquals(2, a.code());
    assertTrue(a.err().startsWith("error: no such articles folder"), a.err());
  }
}
