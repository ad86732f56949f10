package org.claimcheck.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.claimcheck.TestData;
import org.claimcheck.encoder.OnnxModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped int8 model against the PyTorch fp32 probabilities the training recipe wrote for invented pairs. */
class CrossEncoderStanceModelTest {
  static CrossEncoderStanceModel model;

  record Expected(String claim, String evidence, double support, double contradict, double neutral) {}

  @BeforeAll
  static void load() {
    model = CrossEncoderStanceModel.builtin(new OnnxModel.Options(2, 32));
  }

  @AfterAll
  static void close() {
    model.close();
  }

  static List<Expected> expected() throws IOException {
    List<Expected> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(TestData.resource("org/claimcheck/verify/stance-expected.tsv"),
        StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      out.add(new Expected(f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])));
    }
    return out;
  }

  @Test
  void int8ScoresFollowTheFp32Model() throws IOException {
    // int8 weights (one scale per matrix) and per-batch activation quantisation move single probabilities by up to
    // ~0.35 on these pairs (src/training/README.md, "int8 against fp32"); on average they stay close, and the labels
    // the fp32 model is sure of are kept.
    List<Expected> pairs = expected();
    assertEquals(10, pairs.size());
    double total = 0;
    StringBuilder all = new StringBuilder();
    for (Expected e : pairs) {
      StanceScores s = model.score(e.claim(), List.of(e.evidence())).getFirst();
      String what = String.format(Locale.ROOT, "%s | %s: int8 %.3f/%.3f/%.3f fp32 %.3f/%.3f/%.3f%n", e.claim(),
          e.evidence(), s.support(), s.contradict(), s.neutral(), e.support(), e.contradict(), e.neutral());
      all.append(what);
      total += Math.abs(e.support() - s.support()) + Math.abs(e.contradict() - s.contradict())
          + Math.abs(e.neutral() - s.neutral());
      assertEquals(e.neutral(), s.neutral(), 0.4, what);
      double top = Math.max(e.support(), Math.max(e.contradict(), e.neutral()));
      if (top > 0.7) {
        StanceScores fp32 = new StanceScores(e.support(), e.contradict(), 1 - e.support() - e.contradict());
        assertEquals(fp32.label(), s.label(), what);
      }
    }
    double mean = total / (3 * pairs.size());
    assertTrue(mean < 0.1, "mean absolute difference " + mean + "\n" + all);
  }

  @Test
  void theModelTellsRelevantSentencesFromOthers() {
    // Invented pairs. What the model learnt (src/training/README.md): a sentence about the claim's finding is far less
    // neutral than one about something else; it does not yet tell SUPPORT from CONTRADICT reliably.
    String claim = "Vitamin B12 supplementation improves peripheral neuropathy.";
    List<StanceScores> s = model.score(claim, List.of(
        "Oral vitamin B12 supplementation significantly improved peripheral neuropathy scores compared with placebo.",
        "The study was funded by a national research council and approved by the ethics board."));
    assertEquals(Stance.NEUTRAL, s.get(1).label(), s.toString());
    assertTrue(s.get(1).neutral() > 0.8, s.toString());
    assertTrue(s.get(0).neutral() < s.get(1).neutral() - 0.3, s.toString());
  }

  @Test
  void batchingKeepsInputOrderAndScores() throws IOException {
    List<Expected> pairs = expected();
    String claim = pairs.getFirst().claim();
    List<String> sentences = pairs.stream().map(Expected::evidence).toList();
    List<StanceScores> together = model.score(claim, sentences);
    try (CrossEncoderStanceModel one = CrossEncoderStanceModel.builtin(new OnnxModel.Options(1, 1))) {
      for (int i = 0; i < sentences.size(); i++) {
        StanceScores alone = one.score(claim, List.of(sentences.get(i))).getFirst();
        // int8 activations are quantised per batch, so batch mates move scores slightly. How far depends on the CPU's
        // int8 kernels: under 0.05 with AVX-512 VNNI, up to 0.062 (neutral, last pair) on an AVX2-only AMD EPYC.
        assertEquals(alone.support(), together.get(i).support(), 0.1, sentences.get(i));
        assertEquals(alone.neutral(), together.get(i).neutral(), 0.1, sentences.get(i));
      }
    }
    // The same batch mates in reverse order quantise alike, so each sentence gets exactly its score back.
    List<StanceScores> reversed = model.score(claim, sentences.reversed());
    for (int i = 0; i < sentences.size(); i++) {
      StanceScores back = reversed.get(sentences.size() - 1 - i);
      assertEquals(together.get(i).support(), back.support(), 1e-6, sentences.get(i));
      assertEquals(together.get(i).contradict(), back.contradict(), 1e-6, sentences.get(i));
    }
    assertTrue(model.score(claim, List.of()).isEmpty());
    assertTrue(model.describe().contains("stance-model.onnx"), model.describe());
  }
}
