package org.claimcheck.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Json;
import org.claimcheck.TextFiles;

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
    forEachLine(claimsFile, (node, lineNo) -> {
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

  /** The most sentences a prediction may give for one abstract (SciFact's {@code MAX_ABSTRACT_SENTS}). */
  public static final int MAX_SENTENCES = 3;

  /**
   * Claim id to abstract id to predicted evidence (one sentence set, in the file's order). Refuses, naming the line,
   * what SciFact's own scorer refuses or would score wrongly: a claim that is not in {@code claimIds}, a claim
   * predicted twice, a line without an {@code evidence} object, a label other than SUPPORT or CONTRADICT, sentences
   * that are not a list of sentence numbers (or name one twice), and more than {@link #MAX_SENTENCES} sentences for
   * an abstract.
   */
  public static Map<String, Map<String, List<Integer>>> readPredictions(Path file, Set<String> claimIds,
      Map<String, Map<String, String>> labels) throws IOException {
    Map<String, Map<String, List<Integer>>> out = new LinkedHashMap<>();
    Map<String, Integer> lineOf = new HashMap<>();
    forEachLine(file, (node, lineNo) -> {
      String where = file + ":" + lineNo;
      JsonNode idNode = node.path("id");
      if (!idNode.isIntegralNumber() && !(idNode.isTextual() && !idNode.asText().isBlank())) {
        throw bad("a prediction without a claim id", where, "Give each line an \"id\": the claim's id");
      }
      String id = idNode.asText();
      if (!claimIds.contains(id)) {
        throw bad("a prediction for claim " + id + ", which is not in the claims file", where,
            "Score predictions against the claims file they were made for");
      }
      Integer first = lineOf.putIfAbsent(id, lineNo);
      if (first != null) {
        throw bad("a second prediction for claim " + id + " (the first is on line " + first + ")", where,
            "Give one line per claim");
      }
      JsonNode ev = node.path("evidence");
      if (!ev.isObject()) {
        throw bad("a prediction without an evidence object", where,
            "Give \"evidence\": {} for a claim without evidence, or {\"ABSTRACT_ID\": {\"sentences\": [0], "
                + "\"label\": \"SUPPORT\"}}");
      }
      Map<String, List<Integer>> docs = new LinkedHashMap<>();
      Map<String, String> docLabels = new LinkedHashMap<>();
      for (var doc : ev.properties()) {
        JsonNode labelNode = doc.getValue().path("label");
        String label = labelNode.asText();
        if (!labelNode.isTextual() || !label.equals("SUPPORT") && !label.equals("CONTRADICT")) {
          throw bad("abstract " + doc.getKey() + " has " + (labelNode.isMissingNode() ? "no label"
              : "the label " + labelNode), where,
              "Label each abstract SUPPORT or CONTRADICT, in capitals; leave out abstracts without evidence");
        }
        docs.put(doc.getKey(), sentences(doc.getKey(), doc.getValue().path("sentences"), where));
        docLabels.put(doc.getKey(), label);
      }
      out.put(id, docs);
      labels.put(id, docLabels);
    });
    return out;
  }

  /** The sentence numbers of one predicted abstract: a list of at most {@link #MAX_SENTENCES} distinct numbers. */
  private static List<Integer> sentences(String doc, JsonNode node, String where) {
    if (!node.isArray()) {
      throw bad("the sentences of abstract " + doc + " are not a list", where,
          "Give \"sentences\": [0, 3], the numbers of the abstract's evidence sentences");
    }
    if (node.size() > MAX_SENTENCES) {
      throw bad("abstract " + doc + " has " + node.size() + " sentences, more than " + MAX_SENTENCES, where,
          "Give at most " + MAX_SENTENCES + " sentences per abstract, as SciFact scores");
    }
    List<Integer> out = new ArrayList<>();
    for (JsonNode n : node) {
      if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 0) {
        throw bad("abstract " + doc + " has the sentence " + n + ", not a sentence number", where,
            "Give sentence numbers as numbers from 0: [0, 3], not [\"0\", \"3\"]");
      }
      if (out.contains(n.asInt())) {
        throw bad("abstract " + doc + " has the sentence " + n + " twice", where, "Give each sentence once");
      }
      out.add(n.asInt());
    }
    return out;
  }

  private static ClaimcheckException bad(String what, String where, String fix) {
    return ClaimcheckException.usage(what, where, fix);
  }

  private interface LineHandler {
    void accept(JsonNode node, int lineNo);
  }

  private static void forEachLine(Path file, LineHandler h) throws IOException {
    try (BufferedReader r = TextFiles.reader(file)) {
      int n = 0;
      for (String line; (line = r.readLine()) != null; ) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          h.accept(Json.MAPPER.readTree(line), n);
        } catch (ClaimcheckException e) {
          throw e;
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
