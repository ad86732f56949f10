package org.claimcheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.claimcheck.claim.Claim;
import org.claimcheck.claim.ClaimsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a nightly run writes besides the reports' own rows, which mutation testing found no test looking at: the
 * check-worthy claims file and its threshold, the claims of a run without an index, the article count of report.html,
 * the manifest's counts and options, and the tidying of what killed runs left.
 */
class RunOutputsTest {
  private static List<CSVRecord> csv(Path file) throws IOException {
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(Files.readString(file).replace("\ufeff", ""))).getRecords();
  }

  /** claims.csv holds the claims of claims.jsonl at or above the threshold, the same ones the report verifies. */
  @Test
  void claimsCsvHoldsTheCheckWorthyClaimsAndTheThresholdIsInclusive(@TempDir Path work) throws IOException {
    RunFixture f = new RunFixture(work);
    assertEquals(0, f.run("2026-11-20").code());
    List<Claim> all = ClaimsFile.read(work.resolve("claims/claims.jsonl"));
    Set<String> worthy = all.stream().filter(c -> c.checkWorthiness() >= 0.5).map(Claim::id)
        .collect(Collectors.toSet());
    assertTrue(!worthy.isEmpty() && worthy.size() < all.size(), "the fixture has claims on both sides of 0.5");
    assertEquals(worthy, ids(work.resolve("claims/claims.csv"), "claim_id"));
    assertEquals(worthy, ids(work.resolve("reports/2026-11-20/claims-report.csv"), "claim_id"));

    // A threshold equal to a claim's score keeps that claim (--threshold T: "at least T").
    List<Claim> byScore = new ArrayList<>(all);
    byScore.sort(Comparator.comparingDouble(Claim::checkWorthiness));
    Claim middle = byScore.get(byScore.size() / 2);
    double t = middle.checkWorthiness();
    RunFixture.Run at = f.run("2026-11-21", "--threshold", Double.toString(t));
    assertEquals(0, at.code(), at.err());
    Set<String> atOrAbove = all.stream().filter(c -> c.checkWorthiness() >= t).map(Claim::id)
        .collect(Collectors.toSet());
    assertTrue(atOrAbove.contains(middle.id()));
    assertEquals(atOrAbove, ids(work.resolve("claims/claims.csv"), "claim_id"));
    assertEquals(atOrAbove, ids(work.resolve("reports/2026-11-21/claims-report.csv"), "claim_id"));
    assertEquals(all.size(), ClaimsFile.read(work.resolve("claims/claims.jsonl")).size(), "claims.jsonl keeps all");
  }

  private static Set<String> ids(Path csv, String column) throws IOException {
    return csv(csv).stream().map(r -> r.get(column)).collect(Collectors.toSet());
  }

  /** Without an index the check-worthy claims are still reported, as not verified, and the run says why. */
  @Test
  void withoutAnIndexEveryCheckWorthyClaimIsReportedNotVerified(@TempDir Path work) throws IOException {
    RunFixture f = new RunFixture(work);
    RunFixture.Run run = f.run("2026-11-20", List.of("run", "--offline", "--workdir", work.toString(), "--sources",
        work.resolve("pages").toString(), "--date", "2026-11-20", "--progress", "plain"));
    assertEquals(0, run.code(), run.err());
    assertTrue(run.err().contains("no abstract index at "), run.err());
    List<CSVRecord> rows = csv(work.resolve("reports/2026-11-20/claims-report.csv"));
    assertFalse(rows.isEmpty(), "the claims are reported");
    assertEquals(ids(work.resolve("claims/claims.csv"), "claim_id"),
        rows.stream().map(r -> r.get("claim_id")).collect(Collectors.toSet()));
    assertTrue(rows.stream().allMatch(r -> r.get("verdict").equals("NOT_VERIFIED")), rows.toString());
    assertEquals(rows.size(), run.count("verify", "SKIPPED"));
    JsonNode counts = run.manifest().path("counts");
    assertEquals(rows.size(), counts.path("checkWorthyClaims").asInt());
    assertEquals(0, counts.path("verified").asInt(), counts.toString());
    assertEquals(rows.size(), counts.path("verdicts").path("NOT_VERIFIED").asInt(), counts.toString());
    assertEquals(rows.size(), counts.path("changes").path("NEW").asInt(), counts.toString());
  }

  /** The manifest counts verified claims and each kind of change apart; report.html counts the claims' articles. */
  @Test
  void theManifestCountsEachKindOfChangeAndTheLedeCountsArticles(@TempDir Path work) throws IOException {
    RunFixture f = new RunFixture(work);
    Files.writeString(work.resolve("claimcheck.properties"), "fetch.hostDelaySeconds = 2\nfetch.timeoutSeconds = 45\n");
    RunFixture.Run first = f.run("2026-11-20");
    assertEquals(0, first.code(), first.err());
    List<CSVRecord> rows = csv(work.resolve("reports/2026-11-20/claims-report.csv"));
    long verified = rows.stream().filter(r -> !r.get("verdict").equals("NOT_VERIFIED")).count();
    assertTrue(verified > 0);
    assertEquals(verified, first.manifest().path("counts").path("verified").asLong());
    long articles = rows.stream().map(r -> r.get("article_url")).distinct().count();
    assertEquals(2, articles, "the fixture's two pages both have check-worthy claims");
    String html = Files.readString(work.resolve("reports/2026-11-20/report.html"));
    assertTrue(html.contains(rows.size() + " check-worthy claims from 2 articles."), html);
    JsonNode fetch = first.manifest().path("options").path("fetch");
    assertEquals(2.0, fetch.path("hostDelaySeconds").asDouble(), fetch.toString());
    assertEquals(45.0, fetch.path("timeoutSeconds").asDouble(), fetch.toString());

    f.addIronClaim();
    RunFixture.Run second = f.run("2026-11-21");
    assertEquals(0, second.code(), second.err());
    JsonNode changes = second.manifest().path("counts").path("changes");
    List<CSVRecord> changed = csv(work.resolve("reports/2026-11-21/changes.csv"));
    for (String kind : List.of("NEW", "VERDICT_CHANGED", "EVIDENCE_CHANGED", "REMOVED")) {
      assertEquals(changed.stream().filter(r -> r.get("change").equals(kind)).count(), changes.path(kind).asLong(),
          kind + " in " + changes);
    }
    assertEquals(1, changes.path("NEW").asLong(), changes.toString());
    assertEquals(changed.size(), changes.path("NEW").asLong() + changes.path("VERDICT_CHANGED").asLong()
        + changes.path("EVIDENCE_CHANGED").asLong() + changes.path("REMOVED").asLong());
  }

  /** A killed run's staging folder of any date goes, and an old folder moved aside goes when its report is back. */
  @Test
  void stagingFoldersOfOtherDatesAreTidiedToo(@TempDir Path work) throws IOException {
    RunFixture f = new RunFixture(work);
    assertEquals(0, f.run("2026-11-19").code());
    Path reports = work.resolve("reports");
    Files.createDirectories(reports.resolve(".2026-11-18.partial"));
    Files.writeString(reports.resolve(".2026-11-18.partial/claims-report.csv"), "half");
    Files.createDirectories(reports.resolve(".2026-11-19.old-7"));
    Files.writeString(reports.resolve(".2026-11-19.old-7/claims-report.csv"), "the night before a rerun");
    Files.createDirectories(reports.resolve(".editor-notes"));
    assertEquals(0, f.run("2026-11-20").code());
    try (var files = Files.list(reports)) {
      assertEquals(List.of(".editor-notes", "2026-11-19", "2026-11-20"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertFalse(Files.readString(reports.resolve("2026-11-19/claims-report.csv")).contains("the night before"));
  }
}
