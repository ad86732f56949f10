package org.claimcheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.claimcheck.Json;
import org.claimcheck.TestData;
import org.claimcheck.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline, end to end, into a temporary working folder, against a golden report. */
class NightlyRunTest {
  static final String GOLDEN = "org/claimcheck/batch/golden-claims-report.csv";

  @Test
  void runWritesTheReportAndManifest(@TempDir Path work) throws IOException {
    TestData.copy("org/claimcheck/article/b12-article.html", work.resolve("pages/b12-article.html"));
    TestData.copy("org/claimcheck/article/b12-plain.txt", work.resolve("pages/b12-plain.txt"));
    Path abstracts = TestData.copy("org/claimcheck/pubmed/invented-pubmed.xml", work.resolve("abstracts.xml"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "run", "--offline",
        "--workdir", work.toString(), "--sources", work.resolve("pages").toString(), "--abstracts",
        abstracts.toString(), "--date", "2026-11-21");
    assertEquals(0, code, err.toString());
    Path report = work.resolve("reports/2026-11-21/claims-report.csv");
    assertEquals("reports/2026-11-21/claims-report.csv", out.toString().strip());
    assertTrue(err.toString().contains("fetch             2 total, 2 OK"), err.toString());

    String csv = Files.readString(report, StandardCharsets.UTF_8).replace(work.toUri().toString(), "file:///WORK/");
    if (Boolean.getBoolean("claimcheck.golden.update")) {
      Files.writeString(Path.of("src/test/resources").resolve(GOLDEN), csv);
    }
    assertEquals(Files.readString(TestData.resource(GOLDEN)), csv,
        "report differs from the golden file; if the change is intended, rerun with -Dclaimcheck.golden.update=true");

    JsonNode manifest = Json.MAPPER.readTree(work.resolve("reports/2026-11-21/manifest.json").toFile());
    assertEquals(2, manifest.path("counts").path("articles").asInt());
    assertEquals("index", manifest.path("stages").path(3).path("stage").asText());
    assertEquals(4, manifest.path("stages").path(3).path("outcomes").path("INDEXED").asInt());
    assertTrue(manifest.path("models").path("opennlp").path("pos").asText().endsWith(".bin"));
    assertTrue(Files.exists(work.resolve("claims/claims.jsonl")));
    assertTrue(Files.exists(work.resolve("corpus/index")));
    try (var files = Files.list(work.resolve("reports"))) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith(".")), "no staging folder left");
    }

    // A second run the same day replaces the report with the same content.
    int again = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "run",
        "--offline", "--workdir", work.toString(), "--sources", work.resolve("pages").toString(), "--date",
        "2026-11-21");
    assertEquals(0, again);
    assertEquals(csv, Files.readString(report).replace(work.toUri().toString(), "file:///WORK/"));
  }

  @Test
  void aFreshWorkingFolderRunsCleanlyAndSaysWhatIsMissing(@TempDir Path work) {
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "run", "--offline",
        "--workdir", work.toString(), "--date", "2026-11-21");
    assertEquals(0, code, err.toString());
    assertTrue(err.toString().contains("warning: no sources"), err.toString());
    assertTrue(Files.exists(work.resolve("reports/2026-11-21/claims-report.csv")));
  }

  @Test
  void theRealArticlesAndPubmedSampleRunEndToEnd(@TempDir Path work) throws IOException {
    Path articles = TestData.shared("articles");
    Path pubmed = TestData.shared("pubmed-sample/xml");
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "run", "--offline",
        "--workdir", work.toString(), "--sources", articles.toString(), "--abstracts", pubmed.toString(), "--date",
        "2026-11-21");
    assertEquals(0, code, err.toString());
    String csv = Files.readString(work.resolve("reports/2026-11-21/claims-report.csv"));
    for (String id : new String[] {"000_", "001_", "002_", "003_", "004_"}) {
      assertTrue(csv.contains("/articles/" + id), "no claims from article " + id);
    }
    assertTrue(csv.contains("B12 has no overdose or toxicity levels"), "a claim a fact-checker must see");
  }
}
