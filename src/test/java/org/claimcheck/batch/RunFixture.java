package org.claimcheck.batch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimcheck.Json;
import org.claimcheck.TestData;
import org.claimcheck.cli.Main;

/**
 * A working folder for nightly-run tests: two invented pages in {@code pages/} (an HTML article with five claims and a
 * text page about iron) and invented PubMed records in {@code abstracts/}, run with {@code run --offline}.
 */
final class RunFixture {
  static final String DIR = "org/claimcheck/batch/";

  final Path work;

  RunFixture(Path work) {
    this.work = work;
    TestData.copy(DIR + "pages/winter-health.html", work.resolve("pages/winter-health.html"));
    TestData.copy(DIR + "pages/iron.txt", work.resolve("pages/iron.txt"));
    TestData.copy(DIR + "abstracts-1.xml", work.resolve("abstracts/abstracts-1.xml"));
  }

  /** What one run printed and wrote. */
  record Run(int code, String out, String err, JsonNode manifest) {
    long count(String stage, String outcome) {
      for (JsonNode s : manifest.path("stages")) {
        if (s.path("stage").asText().equals(stage)) {
          return s.path("outcomes").path(outcome).asLong();
        }
      }
      return 0;
    }

    long total(String stage) {
      for (JsonNode s : manifest.path("stages")) {
        if (s.path("stage").asText().equals(stage)) {
          return s.path("total").asLong();
        }
      }
      return 0;
    }
  }

  /** The command line of a run for {@code date}, plus {@code extra} options. */
  List<String> args(String date, String... extra) {
    List<String> args = new ArrayList<>(List.of("run", "--offline", "--workdir", work.toString(), "--sources",
        work.resolve("pages").toString(), "--abstracts", work.resolve("abstracts").toString(), "--date", date,
        "--progress", "plain"));
    args.addAll(List.of(extra));
    return args;
  }

  /** Runs in this JVM. */
  Run run(String date, String... extra) {
    return run(date, args(date, extra));
  }

  /** Runs {@code args} in this JVM; {@code date} names the report folder to read the manifest from. */
  Run run(String date, List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    Path manifest = work.resolve("reports").resolve(date).resolve("manifest.json");
    JsonNode m;
    try {
      m = Files.exists(manifest) ? Json.MAPPER.readTree(manifest.toFile()) : Json.MAPPER.createObjectNode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Run(code, out.toString(), err.toString(), m);
  }

  /** The iron page gains a sentence: a new claim. */
  void addIronClaim() throws IOException {
    Files.writeString(work.resolve("pages/iron.txt"), "Iron supplementation causes toxicity in healthy adults.\n",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  /** Two more abstracts, both contradicting the iron claim. */
  void addSecondAbstracts() {
    TestData.copy(DIR + "abstracts-2.xml", work.resolve("abstracts/abstracts-2.xml"));
  }

  /** A report file with the working folder's path replaced, so folders can be compared. */
  String output(String date, String file) {
    return normalise(work.resolve("reports").resolve(date).resolve(file));
  }

  String normalise(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).replace(work.toUri().toString(), "file:///WORK/")
          .replace(work.toString(), "/WORK");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every output of a run that must not depend on how the run got there (the manifest, with timings, aside). */
  Map<String, String> outputs(String date) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String f : List.of("claims-report.csv", "changes.csv", "report.html")) {
      m.put(f, output(date, f));
    }
    m.put("claims.jsonl", normalise(work.resolve("claims/claims.jsonl")));
    return m;
  }

  /** The bytes of every file of a report folder. */
  Map<String, byte[]> reportBytes(String date) throws IOException {
    Map<String, byte[]> m = new LinkedHashMap<>();
    Path dir = work.resolve("reports").resolve(date);
    assertTrue(Files.isDirectory(dir), "no report folder " + dir);
    try (var files = Files.list(dir)) {
      for (Path p : files.sorted().toList()) {
        m.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    return m;
  }

  /** The data rows of a CSV report file (header left out). */
  List<String> rows(String date, String file) {
    List<String> lines = output(date, file).lines().toList();
    return lines.subList(1, lines.size());
  }
}
