package org.claimcheck.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Json;

/**
 * Thread-safe (stateless). SciFact's official metrics (Wadden et al. 2020, {@code verisci/evaluate}) over gold claims
 * and predictions in the SciFact format:
 *
 * <ul>
 *   <li><b>abstract label-only</b>: a predicted (claim, abstract) is correct when the abstract is gold evidence for the
 *       claim and the label matches; precision over predicted abstracts, recall over gold evidence abstracts;
 *   <li><b>abstract label+rationale</b>: in addition, the first three predicted sentences contain a whole gold
 *       rationale;
 *   <li><b>sentence selection</b>: a predicted sentence is correct when it belongs to a gold rationale of a gold
 *       abstract and every sentence of that rationale is predicted; precision over predicted sentences, recall over
 *       gold rationale sentences;
 *   <li><b>sentence selection+label</b>: in addition, the abstract's predicted label matches the gold label.
 * </ul>
 */
public final class ScifactMetrics {
  private ScifactMetrics() {}

  /** One abstract's evidence: rationale sentence sets (gold) or the predicted sentences (one set), and the label. */
  public record DocEvidence(String label, List<Set<Integer>> rationales) {
    public DocEvidence {
      rationales = List.copyOf(rationales);
    }
  }

  /** Claim id to abstract id to evidence. */
  public static Map<String, Map<String, DocEvidence>> readGold(Path claimsFile) throws IOException {
    Map<String, Map<String, DocEvidence>> out = new LinkedHashMap<>();
    forEachLine(claimsFile, node -> {
      if (!node.has("id")) {
        throw new IllegalArgumentException("a claim without an id");
      }
      Map<String, DocEvidence> docs = new LinkedHashMap<>();
      JsonNode ev = node.path("evidence");
      ev.fieldNames().forEachRemaining(doc -> {
        List<Set<Integer>> sets = new ArrayList<>();
        String label = null;
        for (JsonNode set : ev.path(doc)) {
          label = set.path("label").asText();
          Set<Integer> s = new HashSet<>();
          set.path("sentences").forEach(i -> s.add(i.asInt()));
          sets.add(s);
        }
        if (label != null) {
          docs.put(doc, new DocEvidence(label, sets));
        }
      });
      out.put(node.path("id").asText(), docs);
    });
    return out;
  }

  /** Claim id to abstract id to predicted evidence (one sentence set, in the file's order). */
  public static Map<String, Map<String, List<Integer>>> readPredictions(Path file,
      Map<String, Map<String, String>> labels) throws IOException {
    Map<String, Map<String, List<Integer>>> out = new LinkedHashMap<>();
    forEachLine(file, node -> {
      String id = node.path("id").asText();
      Map<String, List<Integer>> docs = new LinkedHashMap<>();
      Map<String, String> docLabels = new LinkedHashMap<>();
      JsonNode ev = node.path("evidence");
      ev.fieldNames().forEachRemaining(doc -> {
        JsonNode e = ev.path(doc);
        String label = e.path("label").asText();
        if (!label.equals("SUPPORT") && !label.equals("CONTRADICT")) {
          return;
        }
        List<Integer> sentences = new ArrayList<>();
        e.path("sentences").forEach(i -> sentences.add(i.asInt()));
        docs.put(doc, sentences);
        docLabels.put(doc, label);
      });
      out.put(id, docs);
      labels.put(id, docLabels);
    });
    return out;
  }

  private interface LineHandler {
    void accept(JsonNode node);
  }

  private static void forEachLine(Path file, LineHandler h) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int n = 0;
      for (String line; (line = r.readLine()) != null; ) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          h.accept(Json.MAPPER.readTree(line));
        } catch (IOException | RuntimeException e) {
          throw ClaimcheckException.usage("malformed SciFact line", file + ":" + n + ": " + e.getMessage(),
              "Give SciFact claims ({\"id\", \"claim\", \"evidence\"}) or predictions ({\"id\", \"evidence\"})");
        }
      }
    }
  }

  /** The four F1 figures (and their precision and recall), in [0, 1]. */
  public record Scores(Map<String, Double> values) {
    public double get(String name) {
      return values.get(name);
    }
  }

  /**
   * Scores predictions against the gold evidence of every claim in {@code gold}; claims missing from the predictions
   * predict nothing, predictions of claims not in {@code gold} are ignored.
   */
  public static Scores score(Map<String, Map<String, DocEvidence>> gold,
      Map<String, Map<String, List<Integer>>> predicted, Map<String, Map<String, String>> predictedLabels) {
    int absRelevant = 0;
    int absRetrieved = 0;
    int absLabel = 0;
    int absRationale = 0;
    int sentRelevant = 0;
    int sentRetrieved = 0;
    int sentSelection = 0;
    int sentLabel = 0;
    for (var claim : gold.entrySet()) {
      Map<String, DocEvidence> g = claim.getValue();
      absRelevant += g.size();
      for (DocEvidence d : g.values()) {
        for (Set<Integer> s : d.rationales()) {
          sentRelevant += s.size();
        }
      }
      Map<String, List<Integer>> p = predicted.getOrDefault(claim.getKey(), Map.of());
      Map<String, String> pl = predictedLabels.getOrDefault(claim.getKey(), Map.of());
      for (var doc : p.entrySet()) {
        List<Integer> sentences = doc.getValue();
        String label = pl.get(doc.getKey());
        absRetrieved++;
        sentRetrieved += sentences.size();
        DocEvidence gd = g.get(doc.getKey());
        if (gd == null) {
          continue;
        }
        boolean labelOk = gd.label().equals(label);
        if (labelOk) {
          absLabel++;
          Set<Integer> first3 = new HashSet<>(sentences.subList(0, Math.min(3, sentences.size())));
          if (gd.rationales().stream().anyMatch(first3::containsAll)) {
            absRationale++;
          }
        }
        Set<Integer> all = new HashSet<>(sentences);
        for (int s : sentences) {
          boolean good = false;
          for (Set<Integer> rationale : gd.rationales()) {
            if (rationale.contains(s)) {
              good = all.containsAll(rationale);
              break;
            }
          }
          if (good) {
            sentSelection++;
            if (labelOk) {
              sentLabel++;
            }
          }
        }
      }
    }
    Map<String, Double> v = new LinkedHashMap<>();
    put(v, "abstract_label", absLabel, absRetrieved, absRelevant);
    put(v, "abstract_rationale", absRationale, absRetrieved, absRelevant);
    put(v, "sentence_selection", sentSelection, sentRetrieved, sentRelevant);
    put(v, "sentence_label", sentLabel, sentRetrieved, sentRelevant);
    return new Scores(v);
  }

  private static void put(Map<String, Double> v, String name, int correct, int retrieved, int relevant) {
    double p = retrieved == 0 ? 0 : (double) correct / retrieved;
    double r = relevant == 0 ? 0 : (double) correct / relevant;
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    v.put(name + "_f1", f);
    v.put(name + "_precision", p);
    v.put(name + "_recall", r);
  }
}
