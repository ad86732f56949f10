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
import java.util.List;
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
    assertEquals(report.toString(), out.toString().strip(), "the path resolves from the caller's folder");
    assertTrue(err.toString().contains("\nreport: " + work.resolve("reports/2026-11-21/report.html") + "\n"),
        err.toString());
    assertTrue(err.toString().matches("(?s).*\\nfetch\\s+2\\s+2\\s+0\\s+0\\s+0\\s.*"), err.toString());

    String csv = Files.readString(report, StandardCharsets.UTF_8).replace(work.toUri().toString(), "file:///WORK/");
    if (Boolean.getBoolean("claimcheck.golden.update")) {
      Files.writeString(Path.of("src/test/resources").resolve(GOLDEN), csv);
    }
    assertEquals(Files.readString(TestData.resource(GOLDEN)), csv,
        "report differs from the golden file; if the change is intended, rerun with -Dclaimcheck.golden.update=true");

    JsonNode manifest = Json.MAPPER.readTree(work.resolve("reports/2026-11-21/manifest.json").toFile());
    assertEquals("OK", manifest.path("status").asText());
    assertEquals(2, manifest.path("counts").path("articles").asInt());
    assertEquals(4, stage(manifest, "index").path("outcomes").path("INDEXED").asInt());
    assertEquals(1, stage(manifest, "abstracts").path("outcomes").path("NEW").asInt());
    assertEquals(9, manifest.path("counts").path("verdictsMade").asInt());
    assertEquals(1, manifest.path("counts").path("verdicts").path("SUPPORTED").asInt());
    assertEquals(9, manifest.path("counts").path("changes").path("NEW").asInt(), "the first report: all new");
    assertTrue(manifest.path("models").path("opennlp").path("pos").asText().endsWith(".bin"));
    assertTrue(manifest.path("models").path("index").asText().contains("porterStem"));
    assertTrue(manifest.path("models").path("stance").asText().startsWith("trained"));
    assertEquals("absent", manifest.path("options").path("ncbiApiKey").asText());
    assertTrue(manifest.path("index").path("commit").asText().startsWith("gen "));
    assertTrue(manifest.path("timingsMillis").has("verify"));
    assertTrue(manifest.path("failures").isArray());

    // The other report files: changes (everything is new on the first run) and the HTML page.
    List<String> changes = Files.readAllLines(work.resolve("reports/2026-11-21/changes.csv"));
    assertEquals(10, changes.size(), String.join("\n", changes));
    assertTrue(changes.get(1).startsWith("2026-11-21,,NEW,"), changes.get(1));
    String html = Files.readString(work.resolve("reports/2026-11-21/report.html"));
    assertTrue(html.contains("Vitamin B12 and Your Nerves"));
    assertTrue(html.contains("https://pubmed.ncbi.nlm.nih.gov/90000001/"));
    assertTrue(html.indexOf("data-v=\"SUPPORTED\" data-order") < html.indexOf("data-v=\"INSUFFICIENT_EVIDENCE\" "
        + "data-order"), "the verified claim comes before those without evidence");
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
    assertEquals(changes, Files.readAllLines(work.resolve("reports/2026-11-21/changes.csv")),
        "a rerun the same day compares with the same earlier report");
  }

  static JsonNode stage(JsonNode manifest, String name) {
    for (JsonNode s : manifest.path("stages")) {
      if (s.path("stage").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no stage " + name + " in " + manifest.path("stages"));
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
