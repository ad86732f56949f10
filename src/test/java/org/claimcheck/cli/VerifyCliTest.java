package org.claimcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimcheck.Json;
import org.claimcheck.TestData;
import org.claimcheck.claim.Claim;
import org.claimcheck.claim.ClaimsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** verify, stance and eval scifact through the command line. */
class VerifyCliTest {
  static CliTest.Run run(String... args) {
    return CliTest.run(args);
  }

  @Test
  void evalScifactScoresAPredictionsFile() {
    CliTest.Run r = run("eval", "scifact", "--claims",
        TestData.resource("org/claimcheck/verify/scifact-gold.jsonl").toString(), "--predictions",
        TestData.resource("org/claimcheck/verify/scifact-predictions.jsonl").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("SciFact (scifact-gold.jsonl, 3 claims)"), r.out());
    assertTrue(r.out().contains("abstract_label_f1"), r.out());
    assertTrue(r.out().contains("sentence_selection_recall        0.6000"), r.out());
    assertTrue(r.err().contains("no recorded expectation"), r.err());
  }

  @Test
  void evalScifactNeedsExactlyOneSource(@TempDir Path dir) {
    String claims = TestData.resource("org/claimcheck/verify/scifact-gold.jsonl").toString();
    CliTest.Run none = run("eval", "scifact", "--claims", claims);
    assertEquals(2, none.code(), none.err());
    CliTest.Run cvWithPredictions = run("eval", "scifact", "--claims", claims, "--predictions", claims, "--cv",
        dir.toString());
    assertEquals(2, cvWithPredictions.code(), cvWithPredictions.err());
    assertTrue(cvWithPredictions.err().startsWith("error: --cv needs --corpus or --index"), cvWithPredictions.err());
  }

  /** With --predictions nothing is verified: an option of the verify run is refused, not ignored. */
  @ParameterizedTest
  @ValueSource(strings = {"--output=OUT", "--verdicts=OUT", "--sweep-candidates=5,10", "--sweep-thresholds=0.5",
      "--sweep-evidence-abstracts=2", "--stance-model=rule", "--threads=2", "--candidates=5", "--k1=1.2",
      "--embedding-cache=OUT"})
  void evalScifactRefusesVerifyOptionsWithPredictions(String option, @TempDir Path dir) {
    Path written = dir.resolve("written.jsonl");
    String name = option.substring(0, option.indexOf('='));
    CliTest.Run r = run("eval", "scifact", "--claims",
        TestData.resource("org/claimcheck/verify/scifact-gold.jsonl").toString(), "--predictions",
        TestData.resource("org/claimcheck/verify/scifact-predictions.jsonl").toString(),
        option.replace("OUT", written.toString()));
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("error: " + name + " needs --corpus or --index"), r.err());
    assertTrue(r.err().contains("Drop --predictions, or drop " + name), r.err());
    assertEquals("", r.out());
    assertFalse(Files.exists(written));
  }

  @Test
  void evalScifactRefusesPredictionsForClaimsItDoesNotHave(@TempDir Path dir) throws Exception {
    Path predictions = dir.resolve("predictions.jsonl");
    Files.writeString(predictions, "{\"id\": 1, \"evidence\": {}}\n{\"id\": 99, \"evidence\": {\"4983\": "
        + "{\"sentences\": [0], \"label\": \"SUPPORT\"}}}\n");
    CliTest.Run r = run("eval", "scifact", "--claims",
        TestData.resource("org/claimcheck/verify/scifact-gold.jsonl").toString(), "--predictions",
        predictions.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals("", r.out());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("error: a prediction for claim 99, which is not in the claims file ("
        + predictions + ":2)"), r.err());
  }

  @Test
  void evalScifactExitsThreeOutsideTheExpectation(@TempDir Path dir) throws Exception {
    Path expect = dir.resolve("expect.json");
    Files.writeString(expect, "{\"name\": \"t\", \"suite\": \"scifact\", \"inputs\": {}, \"metrics\": "
        + "{\"abstract_label_f1\": {\"expected\": 0.9, \"tolerance\": 0.01}}}");
    CliTest.Run r = run("eval", "scifact", "--claims",
        TestData.resource("org/claimcheck/verify/scifact-gold.jsonl").toString(), "--predictions",
        TestData.resource("org/claimcheck/verify/scifact-predictions.jsonl").toString(), "--expect", expect.toString());
    assertEquals(3, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("abstract_label_f1 0.2857 is below the expected 0.9000"), r.err());
  }

  @Test
  void verifyWritesSciFactPredictions(@TempDir Path dir) throws Exception {
    String idx = dir.resolve("idx").toString();
    assertEquals(0, run("index", "--index", idx,
        TestData.resource("org/claimcheck/pubmed/invented-pubmed.xml").toString()).code());
    Path claims = dir.resolve("claims.jsonl");
    Files.writeString(claims, "{\"id\": 7, \"claim\": \"Oral vitamin B12 improves peripheral neuropathy in deficient "
        + "adults.\"}\n{\"id\": 8, \"claim\": \"Quantum gravity explains dark energy.\"}\n");
    CliTest.Run r = run("verify", "--index", idx, "--claims", claims.toString(), "--format", "scifact");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().strip().split("\n");
    assertEquals(2, lines.length, r.out());
    JsonNode first = Json.MAPPER.readTree(lines[0]);
    assertEquals(7, first.path("id").asInt());
    JsonNode ev = first.path("evidence").path("90000001");
    assertEquals("SUPPORT", ev.path("label").asText(), r.out());
    assertTrue(ev.path("sentences").size() >= 1 && ev.path("sentences").size() <= 3, r.out());
    assertEquals(0, Json.MAPPER.readTree(lines[1]).path("evidence").size(), r.out());
    assertTrue(r.err().contains("claims/s"), r.err());
  }

  @Test
  void verifyRunsTheShippedCrossEncoder(@TempDir Path dir) throws Exception {
    String idx = dir.resolve("idx").toString();
    assertEquals(0, run("index", "--index", idx,
        TestData.resource("org/claimcheck/pubmed/invented-pubmed.xml").toString()).code());
    Path claims = dir.resolve("claims.jsonl");
    Files.writeString(claims, "{\"id\": 7, \"claim\": \"Oral vitamin B12 improves peripheral neuropathy.\"}\n");
    CliTest.Run r = run("verify", "--index", idx, "--claims", claims.toString(), "--format", "jsonl",
        "--stance-model", "cross-encoder", "--threads", "1");
    assertEquals(0, r.code(), r.err());
    JsonNode v = Json.MAPPER.readTree(r.out().strip());
    assertEquals("7", v.path("claim").path("id").asText());
    assertTrue(v.path("abstracts").size() >= 1, r.out());
    assertTrue(v.path("confidence").asDouble() >= 0 && v.path("confidence").asDouble() <= 1, r.out());
  }

  @Test
  void stanceCanUseTheRuleBaselineAndRejectsAMissingModel(@TempDir Path dir) throws Exception {
    Path pairs = dir.resolve("pairs.csv");
    Files.writeString(pairs, "claim,evidence\nB12 improves neuropathy,Vitamin B12 did not improve neuropathy.\n");
    CliTest.Run rule = run("stance", "--pairs", pairs.toString(), "--stance-model", "rule");
    assertEquals(0, rule.code(), rule.err());
    assertTrue(rule.out().contains(",REFUTES,"), rule.out());
    CliTest.Run model = run("stance", "--pairs", pairs.toString(), "--stance-model", "cross-encoder");
    assertEquals(0, model.code(), model.err());
    assertTrue(model.out().lines().skip(1).allMatch(l -> l.matches(".*,(SUPPORTS|REFUTES|NEUTRAL),0\\.\\d{4},0\\.\\d{4},"
        + "0\\.\\d{4}")), model.out());
    CliTest.Run missing = run("stance", "--pairs", pairs.toString(), "--stance-model", dir.resolve("x.onnx").toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().startsWith("error: no such stance model"), missing.err());
  }

  @Test
  void theTrainedModelIsTheDefaultAndAModelFileCanBeGiven(@TempDir Path dir) throws Exception {
    Path pairs = dir.resolve("pairs.csv");
    Files.writeString(pairs, "claim,evidence\nB12 improves neuropathy,Vitamin B12 improved neuropathy in adults.\n");
    CliTest.Run byDefault = run("stance", "--pairs", pairs.toString());
    CliTest.Run trained = run("stance", "--pairs", pairs.toString(), "--stance-model", "trained");
    assertEquals(0, trained.code(), trained.err());
    assertEquals(trained.out(), byDefault.out());
    assertTrue(trained.out().lines().skip(1).allMatch(l -> l.matches(".*,(SUPPORTS|REFUTES|NEUTRAL),"
        + "[01]\\.\\d{4},[01]\\.\\d{4},[01]\\.\\d{4}")), trained.out());
    Path copy = dir.resolve("model.json");
    try (var in = getClass().getResourceAsStream("/org/claimcheck/verify/stance-lr.json")) {
      Files.write(copy, in.readAllBytes());
    }
    CliTest.Run file = run("stance", "--pairs", pairs.toString(), "--stance-model", copy.toString());
    assertEquals(0, file.code(), file.err());
    assertEquals(trained.out(), file.out());
    Path corrupt = dir.resolve("corrupt.json");
    Files.writeString(corrupt, "{\"format\": \"claimcheck-stance-lr-1\"}");
    CliTest.Run bad = run("stance", "--pairs", pairs.toString(), "--stance-model", corrupt.toString());
    assertEquals(1, bad.code(), bad.out());
    assertTrue(bad.err().startsWith("error: corrupt trained stance model"), bad.err());
  }

  @Test
  void evalScifactDenseNeedsACorpus(@TempDir Path dir) throws Exception {
    Path claims = dir.resolve("claims.jsonl");
    Files.writeString(claims, "{\"id\": 1, \"claim\": \"x\", \"evidence\": {}}\n");
    CliTest.Run r = run("eval", "scifact", "--claims", claims.toString(), "--index", dir.toString(), "--dense");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().startsWith("error: --dense needs --corpus"), r.err());
  }

  /** An index of the invented PubMed records in {@code dir}. */
  private static String index(Path dir) {
    String idx = dir.resolve("idx").toString();
    assertEquals(0, run("index", "--index", idx,
        TestData.resource("org/claimcheck/pubmed/invented-pubmed.xml").toString()).code());
    return idx;
  }

  @Test
  void verifyKeepsIdsAsGivenAndRefusesAnIdGivenTwice(@TempDir Path dir) throws Exception {
    String idx = index(dir);
    Path claims = dir.resolve("claims.jsonl");
    Files.writeString(claims, "{\"id\": \"007\", \"claim\": \"Oral vitamin B12 improves peripheral neuropathy.\"}\n"
        + "{\"id\": 7, \"claim\": \"Quantum gravity explains dark energy.\"}\n");
    CliTest.Run r = run("verify", "--index", idx, "--claims", claims.toString(), "--format", "scifact");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().strip().split("\n");
    assertEquals("\"007\"", Json.MAPPER.readTree(lines[0]).path("id").toString(), r.out());
    assertEquals("7", Json.MAPPER.readTree(lines[1]).path("id").toString(), r.out());

    Path twice = dir.resolve("twice.jsonl");
    Files.writeString(twice, "{\"id\": 1, \"claim\": \"B12 improves neuropathy.\"}\n"
        + "{\"id\": 1, \"claim\": \"Melatonin aids sleep.\"}\n");
    Path out = dir.resolve("out.jsonl");
    CliTest.Run dup = run("verify", "--index", idx, "--claims", twice.toString(), "--output", out.toString());
    assertEquals(2, dup.code(), dup.err());
    assertEquals("error: claim id '1' given twice (" + twice + ":1 and " + twice + ":2). Give each claim an id of its "
        + "own", dup.err().strip());
    assertTrue(!Files.exists(out), "nothing written");
  }

  @Test
  void givenClaimsAreMarkedAsExtractedOnesAre(@TempDir Path dir) throws Exception {
    // A TSV of claims was verified with negated and hedged false for every claim ("B12 does not ...", "may ...").
    String idx = index(dir);
    Path claims = dir.resolve("claims.tsv");
    Files.writeString(claims, "1\tOral vitamin B12 does not improve peripheral neuropathy.\n"
        + "2\tOral vitamin B12 may improve peripheral neuropathy.\n"
        + "3\tOral vitamin B12 is unlikely to improve peripheral neuropathy.\n");
    CliTest.Run r = run("verify", "--index", idx, "--claims", claims.toString(), "--format", "jsonl");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().strip().lines().toList();
    assertEquals(3, lines.size(), r.out());
    var notImprove = Json.MAPPER.readTree(lines.get(0)).path("claim");
    assertEquals("Oral vitamin B12 does not improve peripheral neuropathy.", notImprove.path("claim").asText());
    assertTrue(notImprove.path("negated").asBoolean(), notImprove.toString());
    assertFalse(notImprove.path("hedged").asBoolean(), notImprove.toString());
    assertEquals("does not improve", notImprove.path("relation").asText(), notImprove.toString());
    assertEquals("1", notImprove.path("id").asText());
    assertEquals(1.0, notImprove.path("checkWorthiness").asDouble());
    var may = Json.MAPPER.readTree(lines.get(1)).path("claim");
    assertFalse(may.path("negated").asBoolean(), may.toString());
    assertTrue(may.path("hedged").asBoolean(), may.toString());
    assertEquals("possible", may.path("certainty").asText());
    var unlikely = Json.MAPPER.readTree(lines.get(2)).path("claim");
    assertTrue(unlikely.path("negated").asBoolean() && unlikely.path("hedged").asBoolean(), unlikely.toString());
  }

  @Test
  void claimsWithoutSearchableWordsAreCountedSkipsNotVerdicts(@TempDir Path dir) throws Exception {
    String idx = index(dir);
    Path claims = dir.resolve("claims.jsonl");
    Files.writeString(claims, "{\"id\": 1, \"claim\": \"Oral vitamin B12 improves peripheral neuropathy.\"}\n"
        + "{\"id\": 2, \"claim\": \"\"}\n{\"id\": 3, \"claim\": \"   \"}\n{\"id\": 4, \"claim\": \"*\"}\n"
        + "{\"id\": 5, \"claim\": \"AND OR NOT\"}\n{\"id\": 6, \"claim\": \"\\\\\"}\n"
        + "{\"id\": 7, \"claim\": \"mice\"}\n");
    CliTest.Run r = run("verify", "--index", idx, "--claims", claims.toString(), "--format", "scifact");
    assertEquals(0, r.code(), r.err());
    // One line per claim, as SciFact's scorer wants: the skipped ones with no evidence.
    List<String> lines = r.out().strip().lines().toList();
    assertEquals(7, lines.size(), r.out());
    for (int i = 1; i < 7; i++) {
      assertEquals("{\"id\":" + (i + 1) + ",\"evidence\":{}}", lines.get(i), r.out());
    }
    assertTrue(r.err().contains("7 total, 1 INSUFFICIENT_EVIDENCE, 6 SKIPPED")
        || r.err().contains("7 total, 6 SKIPPED, 1 SUPPORTED"), r.err());
    assertTrue(r.err().contains("2 SKIPPED: no text (e.g. 2 (line 2), 3 (line 3))"), r.err());
    assertTrue(r.err().contains("3 SKIPPED: no searchable words (e.g. 4 (line 4), 5 (line 5), 6 (line 6))"), r.err());
    assertTrue(r.err().contains("1 SKIPPED: one searchable word is not a claim (7 (line 7))"), r.err());
    assertTrue(r.err().contains("1 claims verified in"), r.err());
  }

  @Test
  void claimsBelowTheThresholdAreCountedAndTheThresholdMustBeANumberInRange(@TempDir Path dir) throws Exception {
    String idx = index(dir);
    Path claims = dir.resolve("claims.jsonl");
    Claim worthy = ClaimsFile.plain("c1", "Oral vitamin B12 improves peripheral neuropathy.", 0);
    Claim chatter = new Claim("c2", "a1", "http://example.org/a", null, 1, "Subscribe now.", null, "Subscribe now.",
        "", "", "", false, false, 0.02, List.of("site chatter"), List.of(), "certain");
    ClaimsFile.write(claims, List.of(worthy, chatter));
    CliTest.Run r = run("verify", "--index", idx, "--claims", claims.toString(), "--format", "jsonl");
    assertEquals(0, r.code(), r.err());
    assertEquals(1, r.out().strip().lines().count(), r.out());
    assertTrue(r.err().contains("2 total"), r.err());
    assertTrue(r.err().contains("1 SKIPPED: check-worthiness below the threshold 0.5 (c2 (line 2))"), r.err());
    for (String bad : List.of("NaN", "-0.1", "1.5")) {
      CliTest.Run refused = run("verify", "--index", idx, "--claims", claims.toString(), "--threshold", bad);
      assertEquals(2, refused.code(), bad + ": " + refused.err());
      assertTrue(refused.err().startsWith("error: --threshold must be between 0 and 1")
          || refused.err().contains("'NaN' is not a decimal number"), refused.err());
      assertEquals("", refused.out());
    }
  }
}
