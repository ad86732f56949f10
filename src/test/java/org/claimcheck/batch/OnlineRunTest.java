package org.claimcheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.claimcheck.Json;
import org.claimcheck.claim.ClaimsFile;
import org.claimcheck.claim.Lexicon;
import org.claimcheck.cli.Main;
import org.claimcheck.pubmed.FakeEutils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run without --offline finds candidate abstracts for its claims with E-utilities (an in-process fake on loopback). */
class OnlineRunTest {
  static final String CLAIM = "Vitamin B12 is involved in the synthesis of melatonin.";

  private static EutilsAbstracts eutils() {
    return new EutilsAbstracts(EutilsAbstracts.Settings.defaults(), null, Lexicon.builtin());
  }

  @Test
  void queriesAreBuiltFromTheClaimsHealthConcepts() {
    String q = eutils().query(ClaimsFile.plain("1", CLAIM, 0));
    assertTrue(q.startsWith("(\"vitamin B12\"[tiab] OR \"B12\"[tiab] OR "), q);
    assertTrue(q.contains(" AND (\"melatonin\"[tiab]"), q);
    assertEquals("(\"zinc\"[tiab] OR \"zinc sulfate\"[tiab]) AND (\"common cold\"[tiab] OR \"colds\"[tiab] OR "
        + "\"head cold\"[tiab] OR \"head colds\"[tiab])",
        eutils().query(ClaimsFile.plain("2", "Zinc shortens the duration of colds.", 0)));
    // One concept: the longest other content words join it.
    assertEquals("(\"zinc\"[tiab] OR \"zinc sulfate\"[tiab]) AND shortens[tiab] AND duration[tiab]",
        eutils().query(ClaimsFile.plain("2", "Zinc shortens the duration of a sniffle.", 0)));
    assertNull(eutils().query(ClaimsFile.plain("3", "It is so.", 0)));
    // A claim of fewer than two concepts is searched with the topic of its place in the article.
    var plain = ClaimsFile.plain("4", "Other possible causes are diabetes.", 0);
    var placed = new org.claimcheck.claim.Claim(plain.id(), "a1", "http://example.org/a", "A page", 0,
        plain.claim(), null, plain.claim(), "", "", "", false, false, 0.9, List.of(), List.of(), "certain",
        List.of("restless_legs"));
    String withTopic = eutils().query(placed);
    assertTrue(withTopic.startsWith("(\"diabetes\"[tiab]"), withTopic);
    assertTrue(withTopic.contains(" AND (\"restless legs syndrome\"[tiab]"), withTopic);
  }

  private static int run(Path work, String date, StringWriter err) {
    return Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "run", "--workdir",
        work.toString(), "--sources", work.resolve("pages").toString(), "--date", date, "--progress", "none");
  }

  @Test
  void aRunFetchesWhatItsClaimsNeedOnceAndRemembersItsSearches(@TempDir Path work) throws IOException {
    Files.createDirectories(work.resolve("pages"));
    Files.writeString(work.resolve("pages/melatonin.txt"), "B12 and Sleep\n" + CLAIM + "\n");
    try (FakeEutils fake = new FakeEutils()) {
      fake.with(eutils().query(ClaimsFile.plain("1", CLAIM, 0)), 91000001, 91000003);
      Files.writeString(work.resolve("claimcheck.properties"), "pubmed.url = " + fake.base() + "\n"
          + "pubmed.email = desk@example.org\n");

      StringWriter err = new StringWriter();
      assertEquals(0, run(work, "2026-11-21", err), err.toString());
      assertEquals(1, fake.requests("esearch").size());
      assertEquals("relevance", fake.requests("esearch").getFirst().params().get("sort"));
      assertEquals("desk@example.org", fake.requests("esearch").getFirst().params().get("email"));
      assertEquals(1, fake.requests("efetch").size());
      JsonNode manifest = Json.MAPPER.readTree(work.resolve("reports/2026-11-21/manifest.json").toFile());
      assertTrue(manifest.toString().contains("PubMed E-utilities at " + fake.base()), manifest.toString());
      assertEquals(3, stage(manifest, "pubmed fetch").path("outcomes").path("OK").asInt());
      assertEquals(3, stage(manifest, "index").path("outcomes").path("INDEXED").asInt());
      String report = Files.readString(work.resolve("reports/2026-11-21/claims-report.csv"));
      assertTrue(report.contains("91000001") || report.contains("91000002") || report.contains("91000003"), report);
      try (var files = Files.list(work.resolve("corpus/pubmed/eutils"))) {
        assertEquals(1, files.filter(f -> f.getFileName().toString().startsWith("efetch-")).count());
      }

      // The next night: the search is remembered and nothing is fetched again.
      StringWriter err2 = new StringWriter();
      assertEquals(0, run(work, "2026-11-22", err2), err2.toString());
      assertEquals(1, fake.requests("esearch").size(), "the search is not repeated within pubmed.refreshDays");
      assertEquals(1, fake.requests("efetch").size(), "nothing is fetched twice");

      // Seven days after it (pubmed.refreshDays, default 7), as the run's --date counts them, the search is due: it
      // waited a day longer, and the real date was taken instead of --date.
      StringWriter err3 = new StringWriter();
      assertEquals(0, run(work, "2026-11-27", err3), err3.toString());
      assertEquals(1, fake.requests("esearch").size(), "six days: not yet");
      assertEquals(0, run(work, "2026-11-28", err3), err3.toString());
      assertEquals(2, fake.requests("esearch").size(), "seven days: repeated");

      // Asking for another number of PMIDs makes the search due too (the old list was reused until its refresh).
      Files.writeString(work.resolve("claimcheck.properties"), "pubmed.perClaim = 5\n", StandardOpenOption.APPEND);
      assertEquals(0, run(work, "2026-11-29", err3), err3.toString());
      assertEquals(3, fake.requests("esearch").size(), err3.toString());
      assertEquals("5", fake.requests("esearch").getLast().params().get("retmax"));
    }
  }

  @Test
  void anUnreachablePubmedFailsTheRunAndTheReportIsStillWritten(@TempDir Path work) throws IOException {
    // It exited 0 with status OK: cron and systemd never saw an outage of PubMed.
    Files.createDirectories(work.resolve("pages"));
    Files.writeString(work.resolve("pages/melatonin.txt"), "B12 and Sleep\n" + CLAIM + "\n");
    int port;
    try (var s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Files.writeString(work.resolve("claimcheck.properties"), "pubmed.url = http://127.0.0.1:" + port + "/\n"
        + "pubmed.attempts = 1\n");
    StringWriter err = new StringWriter();
    assertEquals(1, run(work, "2026-11-21", err), err.toString());
    JsonNode manifest = Json.MAPPER.readTree(work.resolve("reports/2026-11-21/manifest.json").toFile());
    assertEquals(1, stage(manifest, "pubmed search").path("outcomes").path("FAILED").asInt(), manifest.toString());
    assertEquals("FAILED", manifest.path("status").asText());
    assertTrue(manifest.path("failedStages").toString().contains("pubmed search: every PubMed search tried failed"),
        manifest.toString());
    assertTrue(Files.exists(work.resolve("reports/2026-11-21/claims-report.csv")));
  }

  @Test
  void aQueryRepeatedTonightCountsAsItsFirstSearchDid(@TempDir Path work) throws IOException {
    // With the budget spent, a repeat of a skipped search was counted REUSED: a first night showed "61 REUSED".
    Files.createDirectories(work.resolve("pages"));
    Files.writeString(work.resolve("pages/a.txt"), "B12 and Sleep\n" + CLAIM + "\n");
    Files.writeString(work.resolve("pages/b.txt"), "More on B12\n" + CLAIM + "\n");
    try (FakeEutils fake = new FakeEutils()) {
      Files.writeString(work.resolve("claimcheck.properties"), "pubmed.url = " + fake.base() + "\n"
          + "pubmed.maxSearches = 0\n");
      StringWriter err = new StringWriter();
      assertEquals(0, run(work, "2026-11-21", err), err.toString());
      JsonNode manifest = Json.MAPPER.readTree(work.resolve("reports/2026-11-21/manifest.json").toFile());
      JsonNode outcomes = stage(manifest, "pubmed search").path("outcomes");
      assertEquals(2, outcomes.path("SKIPPED").asInt(), outcomes.toString());
      assertTrue(outcomes.path("REUSED").isMissingNode(), outcomes.toString());
      assertEquals(0, fake.requests("esearch").size());
    }
  }

  /** pubmed.maxSearches bounds the searches made in one night (no test made one search and then hit the bound). */
  @Test
  void theNightsSearchBudgetIsKept(@TempDir Path work) throws IOException {
    try (FakeEutils fake = twoPagesAndTheirSearches(work)) {
      Files.writeString(work.resolve("claimcheck.properties"), "pubmed.url = " + fake.base() + "\n"
          + "pubmed.maxSearches = 1\n");
      StringWriter err = new StringWriter();
      assertEquals(0, run(work, "2026-11-21", err), err.toString());
      assertEquals(1, fake.requests("esearch").size(), "one search, as the budget allows");
      JsonNode manifest = Json.MAPPER.readTree(work.resolve("reports/2026-11-21/manifest.json").toFile());
      JsonNode outcomes = stage(manifest, "pubmed search").path("outcomes");
      assertEquals(1, outcomes.path("OK").asInt(), outcomes.toString());
      assertEquals(1, outcomes.path("SKIPPED").asInt(), outcomes.toString());
      assertTrue(manifest.toString().contains("tonight's search budget is spent"), manifest.toString());
    }
  }

  /** One search failing among others that worked is a partial failure, counted, not a failed run. */
  @Test
  void oneFailedSearchAmongGoodOnesDoesNotFailTheRun(@TempDir Path work) throws IOException {
    try (FakeEutils fake = twoPagesAndTheirSearches(work)) {
      fake.failNext(503);
      Files.writeString(work.resolve("claimcheck.properties"), "pubmed.url = " + fake.base() + "\n"
          + "pubmed.attempts = 1\n");
      StringWriter err = new StringWriter();
      assertEquals(0, run(work, "2026-11-21", err), err.toString());
      assertEquals(2, fake.requests("esearch").size());
      JsonNode manifest = Json.MAPPER.readTree(work.resolve("reports/2026-11-21/manifest.json").toFile());
      JsonNode outcomes = stage(manifest, "pubmed search").path("outcomes");
      assertEquals(1, outcomes.path("OK").asInt(), outcomes.toString());
      assertEquals(1, outcomes.path("FAILED").asInt(), outcomes.toString());
      assertEquals("OK", manifest.path("status").asText(), manifest.toString());
    }
  }

  @Test
  void damagedRememberedSearchesAreAWarningAndKept(@TempDir Path work) throws IOException {
    // A damaged file silently started every search over (up to pubmed.maxSearches in one night); a bad entry threw.
    Path file = work.resolve("pubmed-searches.json");
    Files.writeString(file, "{\"a\": {\"date\": \"2026-11-2");
    List<String> warnings = new java.util.ArrayList<>();
    assertTrue(EutilsAbstracts.load(file, warnings::add).isEmpty());
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.getFirst().contains("damaged and kept as pubmed-searches.json.damaged"), warnings.toString());
    assertEquals(Files.readString(file), Files.readString(work.resolve("pubmed-searches.json.damaged")));

    warnings.clear();
    Files.writeString(file, "{\"good\": {\"date\": \"2026-11-20\", \"pmids\": [\"1\"], \"perClaim\": 20},"
        + " \"no date\": {\"pmids\": [\"2\"]}, \"bad date\": {\"date\": \"yesterday\", \"pmids\": []},"
        + " \"no pmids\": {\"date\": \"2026-11-20\"}, \"null pmid\": {\"date\": \"2026-11-20\", \"pmids\": [null]},"
        + " \"bad type\": {\"date\": \"2026-11-20\", \"pmids\": [\"3\"], \"perClaim\": \"x\"}}");
    var read = EutilsAbstracts.load(file, warnings::add);
    assertEquals(List.of("good"), List.copyOf(read.keySet()), "one bad field drops its entry, not the file");
    assertEquals(List.of("5 remembered PubMed searches have no valid date or PMID list in " + file
        + ": searched again when due"), warnings);
  }

  @Test
  void aRunSaysWhenItsRememberedSearchesWereDamaged(@TempDir Path work) throws IOException {
    Files.createDirectories(work.resolve("pages"));
    Files.writeString(work.resolve("pages/melatonin.txt"), "B12 and Sleep\n" + CLAIM + "\n");
    Files.createDirectories(work.resolve("corpus/state"));
    Files.writeString(work.resolve("corpus/state/pubmed-searches.json"), "not json");
    try (FakeEutils fake = new FakeEutils()) {
      fake.with(eutils().query(ClaimsFile.plain("1", CLAIM, 0)), 91000001, 91000001);
      Files.writeString(work.resolve("claimcheck.properties"), "pubmed.url = " + fake.base() + "\n");
      StringWriter err = new StringWriter();
      assertEquals(0, run(work, "2026-11-21", err), err.toString());
      assertEquals(1, fake.requests("esearch").size());
      assertTrue(err.toString().contains("are damaged and kept as pubmed-searches.json.damaged"), err.toString());
      JsonNode manifest = Json.MAPPER.readTree(work.resolve("reports/2026-11-21/manifest.json").toFile());
      assertTrue(manifest.path("warnings").toString().contains("pubmed-searches.json.damaged"), manifest.toString());
      // The new searches replace the damaged file; the copy stays for whoever wants to look.
      assertTrue(Files.readString(work.resolve("corpus/state/pubmed-searches.json")).contains("91000001"));
      assertEquals("not json", Files.readString(work.resolve("corpus/state/pubmed-searches.json.damaged")));
    }
  }

  private static JsonNode stage(JsonNode manifest, String name) {
    for (JsonNode s : manifest.path("stages")) {
      if (s.path("stage").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no stage " + name + " in " + manifest.path("stages"));
  }


  /** Two pages of one check-worthy claim each, and a fake PubMed that answers each claim's search with two records. */
  private static FakeEutils twoPagesAndTheirSearches(Path work) throws IOException {
    String zinc = "Zinc shortens the duration of colds.";
    Files.createDirectories(work.resolve("pages"));
    Files.writeString(work.resolve("pages/a.txt"), "B12 and Sleep\n" + CLAIM + "\n");
    Files.writeString(work.resolve("pages/b.txt"), "Winter colds\n" + zinc + "\n");
    FakeEutils fake = new FakeEutils();
    fake.with(eutils().query(ClaimsFile.plain("1", CLAIM, 0)), 91000001, 91000002);
    fake.with(eutils().query(ClaimsFile.plain("2", zinc, 0)), 91000011, 91000012);
    return fake;
  }
}
