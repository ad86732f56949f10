package org.claimcheck.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Hashes;
import org.claimcheck.Json;
import org.claimcheck.LruCache;
import org.claimcheck.claim.Lexicon;

/**
 * Thread-safe. The trained stance model: two logistic regressions over {@link StanceFeatures}, a sentence selector
 * (is the sentence a rationale for or against the claim?) and a label model (given that it is, does it support the
 * claim?). P(rationale) = r and P(SUPPORT | rationale) = q give P(SUPPORT) = r q, P(CONTRADICT) = r (1 - q),
 * P(NEUTRAL) = 1 - r. The thresholds chosen in training are folded in, so that the verifier's rationale threshold 0.5
 * is the model's own and an abstract's label (summed P(SUPPORT) against summed P(CONTRADICT)) uses its label
 * threshold. Trained by {@code TrainStanceLr} (src/test/java, see src/training/README.md); shipped as
 * {@value #RESOURCE}.
 */
public final class TrainedStanceModel implements StanceModel {
  /** The shipped model, a class-path resource. */
  public static final String RESOURCE = "/org/claimcheck/verify/stance-lr.json";
  static final String FORMAT = "claimcheck-stance-lr-1";

  /** The full feature vectors ({@link StanceFeatures#NAMES}) of sentences in context against a claim. */
  public interface FeatureSource {
    List<double[]> features(String claim, List<SentenceContext> sentences);
  }

  private final List<String> features;
  private final int[] columns;
  private final LogisticRegression selector;
  private final LogisticRegression label;
  private final double rationaleThreshold;
  private final double supportThreshold;
  private final FeatureSource source;
  private final boolean contradictionRule;
  private final String sha256;
  private static final int RULE_NEGATION_XOR = StanceFeatures.NAMES.indexOf("rule_negation_xor");
  private static final int RULE_COMPARISON = StanceFeatures.NAMES.indexOf("rule_comparison");
  private static final int DIRECTION_DISAGREE = StanceFeatures.NAMES.indexOf("direction_disagree");

  /**
   * A model over the named features (a subset of {@link StanceFeatures#NAMES}); {@code rationaleThreshold} and
   * {@code supportThreshold} are the probabilities (in (0, 1)) at which a sentence counts as rationale and as
   * supporting.
   */
  public TrainedStanceModel(List<String> features, LogisticRegression selector, LogisticRegression label,
      double rationaleThreshold, double supportThreshold, FeatureSource source) {
    this(features, selector, label, rationaleThreshold, supportThreshold, false, source);
  }

  /**
   * As above; with {@code contradictionRule}, a sentence whose negation governs words of the claim while the claim's
   * does not (or the other way round), or that moves the claim's quantity the other way, leans to CONTRADICT whatever
   * the label model says: P(SUPPORT | rationale) becomes min(q, 1 - q). A negation that says whom a finding is about
   * ("people without heart disease", "no history of") is none for the rule ({@code rule_negation_xor}), though the
   * label model's features keep it. A sentence that compares the claim's two sides the other way round ("CBT was
   * superior to zopiclone" against "zopiclone is more effective than CBT") leans to CONTRADICT too; one that compares
   * them the same way is left to the label model ({@code rule_comparison}).
   */
  public TrainedStanceModel(List<String> features, LogisticRegression selector, LogisticRegression label,
      double rationaleThreshold, double supportThreshold, boolean contradictionRule, FeatureSource source) {
    this.contradictionRule = contradictionRule;
    this.features = List.copyOf(features);
    this.selector = Objects.requireNonNull(selector, "selector");
    this.label = Objects.requireNonNull(label, "label");
    this.source = Objects.requireNonNull(source, "source");
    this.columns = new int[features.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = StanceFeatures.NAMES.indexOf(features.get(i));
      if (columns[i] < 0) {
        throw new IllegalArgumentException("unknown feature: " + features.get(i));
      }
    }
    if (selector.dimension() != columns.length || label.dimension() != columns.length) {
      throw new IllegalArgumentException("the models have " + selector.dimension() + " and " + label.dimension()
          + " weights for " + columns.length + " features");
    }
    if (!(rationaleThreshold > 0 && rationaleThreshold < 1) || !(supportThreshold > 0 && supportThreshold < 1)) {
      throw new IllegalArgumentException("thresholds must be in (0, 1): " + rationaleThreshold + ", "
          + supportThreshold);
    }
    this.rationaleThreshold = rationaleThreshold;
    this.supportThreshold = supportThreshold;
    this.sha256 = Hashes.sha256(toJson(Map.of()).toString());
  }

  /** The shipped model ({@value #RESOURCE}) over features computed with {@code lexicon}. */
  public static TrainedStanceModel builtin(Lexicon lexicon) {
    return fromResource(RESOURCE, lexicon);
  }

  static TrainedStanceModel fromResource(String resource, Lexicon lexicon) {
    try (InputStream in = TrainedStanceModel.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ClaimcheckException("the trained stance model is missing", resource,
            "Rebuild claimcheck (the model is a resource of the jar), or use --stance-model rule");
      }
      return fromJson(in.readAllBytes(), resource, lexicon);
    } catch (IOException e) {
      throw new ClaimcheckException("cannot read the trained stance model", resource + ": " + e.getMessage(),
          "Rebuild claimcheck, or use --stance-model rule");
    }
  }

  /** A model from its JSON ({@link #toJson}); {@code where} names it in errors. */
  public static TrainedStanceModel fromJson(byte[] json, String where, Lexicon lexicon) {
    return fromJson(json, where, extractor(new StanceFeatures(lexicon)));
  }

  static TrainedStanceModel fromJson(byte[] json, String where, FeatureSource source) {
    try {
      JsonNode root = Json.MAPPER.readTree(json);
      if (root == null || !FORMAT.equals(root.path("format").asText())) {
        throw new IllegalArgumentException("not a " + FORMAT + " model (format: "
            + (root == null ? "none" : root.path("format").asText("none")) + ")");
      }
      List<String> names = new ArrayList<>();
      for (JsonNode n : required(root, "features")) {
        names.add(n.asText());
      }
      JsonNode thresholds = required(root, "thresholds");
      return new TrainedStanceModel(names, regression(required(root, "selector")), regression(required(root, "label")),
          required(thresholds, "rationale").asDouble(Double.NaN), required(thresholds, "support").asDouble(Double.NaN),
          root.path("contradiction_rule").asBoolean(false), source);
    } catch (IOException | RuntimeException e) {
      throw new ClaimcheckException("corrupt trained stance model", where + ": " + e.getMessage(),
          "Rebuild claimcheck, retrain it (src/training/README.md), or use --stance-model rule");
    }
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing field " + field);
    }
    return v;
  }

  private static LogisticRegression regression(JsonNode n) {
    return new LogisticRegression(doubles(required(n, "mean")), doubles(required(n, "scale")),
        doubles(required(n, "weights")), required(n, "intercept").asDouble(Double.NaN));
  }

  private static double[] doubles(JsonNode array) {
    if (!array.isArray()) {
      throw new IllegalArgumentException("expected an array of numbers");
    }
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      if (!array.get(i).isNumber()) {
        throw new IllegalArgumentException("expected a number: " + array.get(i));
      }
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  /**
   * Features straight from an extractor, the claim analysed once per call. What the features need of a sentence or an
   * abstract does not depend on the claim, so the analyses of the last 4,096 sentences and 512 abstracts are kept for the next claims (claims of one night often meet the same
   * abstracts; about 20 MB at most).
   */
  public static FeatureSource extractor(StanceFeatures extractor) {
    LruCache<String, StanceFeatures.Text> sentenceTexts = new LruCache<>(CACHED_SENTENCES);
    LruCache<String, StanceFeatures.Text> abstractTexts = new LruCache<>(CACHED_ABSTRACTS);
    return (claim, sentences) -> {
      StanceFeatures.Text c = extractor.analyse(claim);
      List<double[]> out = new ArrayList<>(sentences.size());
      for (SentenceContext s : sentences) {
        StanceFeatures.Text abs = abstractTexts.get(s.abstractText(), extractor::analyseAbstract);
        out.add(extractor.features(c, sentenceTexts.get(s.text(), extractor::analyse), abs, s));
      }
      return out;
    };
  }

  private static final int CACHED_SENTENCES = 4096;
  private static final int CACHED_ABSTRACTS = 512;

  /** The model as JSON, with {@code extra} fields (inputs, figures) added. */
  public ObjectNode toJson(Map<String, ?> extra) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("format", FORMAT);
    ArrayNode names = root.putArray("features");
    features.forEach(names::add);
    ObjectNode t = root.putObject("thresholds");
    t.put("rationale", rationaleThreshold);
    t.put("support", supportThreshold);
    root.put("contradiction_rule", contradictionRule);
    root.set("selector", json(selector));
    root.set("label", json(label));
    for (var e : new LinkedHashMap<>(extra).entrySet()) {
      root.set(e.getKey(), Json.MAPPER.valueToTree(e.getValue()));
    }
    return root;
  }

  private static ObjectNode json(LogisticRegression m) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    ArrayNode mean = n.putArray("mean");
    ArrayNode scale = n.putArray("scale");
    ArrayNode weights = n.putArray("weights");
    double[] mu = m.mean();
    double[] sd = m.scale();
    double[] w = m.weights();
    for (int j = 0; j < m.dimension(); j++) {
      mean.add(mu[j]);
      scale.add(sd[j]);
      weights.add(w[j]);
    }
    n.put("intercept", m.intercept());
    return n;
  }

  public List<String> features() {
    return features;
  }

  @Override
  public List<StanceScores> score(String claim, List<String> sentences) {
    return scoreInContext(claim, sentences.stream().map(SentenceContext::of).toList());
  }

  @Override
  public List<StanceScores> scoreInContext(String claim, List<SentenceContext> sentences) {
    List<double[]> all = source.features(claim, sentences);
    double rShift = logit(rationaleThreshold);
    double sShift = logit(supportThreshold);
    List<StanceScores> out = new ArrayList<>(all.size());
    double[] x = new double[columns.length];
    for (double[] f : all) {
      for (int j = 0; j < columns.length; j++) {
        x[j] = f[columns[j]];
        if (Double.isNaN(x[j])) {
          throw new IllegalStateException("feature " + features.get(j) + " is not available");
        }
      }
      double r = LogisticRegression.sigmoid(selector.logit(x) - rShift);
      double q = LogisticRegression.sigmoid(label.logit(x) - sShift);
      if (contradictionRule && (f[RULE_COMPARISON] < 0
          || f[RULE_COMPARISON] == 0 && (f[RULE_NEGATION_XOR] > 0 || f[DIRECTION_DISAGREE] > 0))) {
        q = Math.min(q, 1 - q);
      }
      double support = r * q;
      double contradict = r * (1 - q);
      out.add(new StanceScores(support, contradict, Math.max(0, 1 - support - contradict)));
    }
    return out;
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  /** SHA-256 of the model's parameters. */
  public String sha256() {
    return sha256;
  }

  @Override
  public String describe() {
    return "trained: logistic-regression sentence selector and label model over " + features.size()
        + " features, sha256 " + sha256.substring(0, 12);
  }
}
