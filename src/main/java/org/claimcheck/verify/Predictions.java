package org.claimcheck.verify;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimcheck.Json;
import org.claimcheck.claim.Claim;

/**
 * Thread-safe (stateless). Writes verdicts as JSONL: claimcheck's own (one {@link ClaimVerdict} per line) or SciFact
 * predictions ({@code {"id": 12, "evidence": {"4983": {"sentences": [0, 3], "label": "SUPPORT"}}}}).
 */
public final class Predictions {
  private Predictions() {}

  /** One {@link ClaimVerdict} per line. */
  public static void writeJsonl(Writer w, List<ClaimVerdict> verdicts) throws IOException {
    for (ClaimVerdict v : verdicts) {
      w.write(Json.line(v));
      w.write('\n');
    }
  }

  /**
   * SciFact predictions: for each claim, the non-retracted abstracts that take a stance, with at most three rationale
   * sentences each. A claim id that is a whole number written canonically (no leading zeros, no plus sign: "12",
   * "-3", "0") is written as a number, as SciFact's scorer expects; any other id as the string it is, so "007" stays
   * "007" and cannot be confused with claim 7.
   */
  public static void writeScifact(Writer w, List<ClaimVerdict> verdicts) throws IOException {
    for (ClaimVerdict v : verdicts) {
      writeScifact(w, v.claim().id(), v);
    }
  }

  /**
   * SciFact predictions for every one of {@code claims}, in order: a claim without a verdict in {@code verdicts} (not
   * verified: skipped) gets a line with no evidence, so that the file has one line per claim as SciFact's scorer
   * expects.
   */
  public static void writeScifact(Writer w, List<Claim> claims, List<ClaimVerdict> verdicts) throws IOException {
    Map<Claim, ClaimVerdict> byClaim = new java.util.IdentityHashMap<>();
    for (ClaimVerdict v : verdicts) {
      byClaim.put(v.claim(), v);
    }
    for (Claim c : claims) {
      writeScifact(w, c.id(), byClaim.get(c));
    }
  }

  private static void writeScifact(Writer w, String id, ClaimVerdict v) throws IOException {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("id", isCanonicalInteger(id) ? (Object) new BigInteger(id) : id);
    Map<String, Object> evidence = new LinkedHashMap<>();
    (v == null ? Map.<String, ScifactEvidence>of() : scifact(v)).forEach((doc, e) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("sentences", e.sentences());
      m.put("label", e.label());
      evidence.put(doc, m);
    });
    line.put("evidence", evidence);
    w.write(Json.MAPPER.writeValueAsString(line));
    w.write('\n');
  }

  /** Whether {@code id} is a whole number in its one spelling: 0, or digits not starting with 0, maybe after -. */
  static boolean isCanonicalInteger(String id) {
    int start = id.startsWith("-") ? 1 : 0;
    if (id.length() == start || (id.charAt(start) == '0' && (id.length() > start + 1 || start == 1))) {
      return false;
    }
    for (int i = start; i < id.length(); i++) {
      if (id.charAt(i) < '0' || id.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** One abstract's SciFact prediction: its rationale sentences (at most three, ascending) and label. */
  public record ScifactEvidence(List<Integer> sentences, String label) {}

  /** A verdict's SciFact predictions: abstract id to evidence, the stance-taking non-retracted abstracts in order. */
  public static Map<String, ScifactEvidence> scifact(ClaimVerdict v) {
    Map<String, ScifactEvidence> out = new LinkedHashMap<>();
    for (AbstractEvidence a : v.evidence()) {
      List<Integer> sentences = new ArrayList<>();
      for (EvidenceSentence s : a.sentences()) {
        if (sentences.size() < 3) {
          sentences.add(s.index());
        }
      }
      sentences.sort(null);
      out.put(a.id(), new ScifactEvidence(List.copyOf(sentences), a.stance().name()));
    }
    return out;
  }
}
