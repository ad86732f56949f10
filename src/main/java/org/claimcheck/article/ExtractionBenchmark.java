package org.claimcheck.article;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Json;

/**
 * Thread-safe (stateless). The article-body extraction benchmark (Scrapinghub's article-extraction-benchmark layout:
 * {@code ground-truth.json} and {@code html/<id>.html.gz}) and its metric: tokens are runs of word characters, each
 * text becomes its multiset of 4-token shingles, per page true/false positives and false negatives are counted and
 * normalised by their sum; precision and recall are averaged over pages (precision over pages with a prediction,
 * recall over pages with a truth) and F1 is taken of the two means.
 */
public final class ExtractionBenchmark {
  /** Shingle length of the metric. */
  public static final int SHINGLE = 4;

  private ExtractionBenchmark() {}

  /**
   * One benchmark page.
   *
   * @param id the page id (the SHA-256 the benchmark names it by)
   * @param url the page's original address
   * @param html the page file ({@code html/<id>.html.gz})
   * @param truth the hand-checked article body
   */
  public record Page(String id, String url, Path html, String truth) {
    public Page {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(html, "html");
      truth = truth == null ? "" : truth;
    }
  }

  /** Normalised shingle counts of one page: {@code tp + fp + fn == 1} unless both texts are empty. */
  public record PageScore(String id, double tp, double fp, double fn) {
    /** Whether the page counts toward mean precision: something was predicted. */
    public boolean hasPrediction() {
      return tp + fp > 0;
    }

    /** Whether the page counts toward mean recall: it has a truth. */
    public boolean hasTruth() {
      return tp + fn > 0;
    }

    public double precision() {
      if (fp == 0 && fn == 0) {
        return 1;
      }
      return tp == 0 && fp == 0 ? 0 : tp / (tp + fp);
    }

    public double recall() {
      if (fp == 0 && fn == 0) {
        return 1;
      }
      return tp == 0 && fn == 0 ? 0 : tp / (tp + fn);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** Mean precision, mean recall and their F1 over a set of pages. */
  public record Scores(double precision, double recall, double f1, int pages) {
    public static Scores of(List<PageScore> scores) {
      double p = 0;
      int np = 0;
      double r = 0;
      int nr = 0;
      for (PageScore s : scores) {
        if (s.hasPrediction()) {
          p += s.precision();
          np++;
        }
        if (s.hasTruth()) {
          r += s.recall();
          nr++;
        }
      }
      double mp = np == 0 ? 0 : p / np;
      double mr = nr == 0 ? 0 : r / nr;
      return new Scores(mp, mr, mp + mr == 0 ? 0 : 2 * mp * mr / (mp + mr), scores.size());
    }
  }

  /** Reads the benchmark folder: its pages sorted by id. */
  public static List<Page> load(Path dir) {
    Path truthFile = dir.resolve("ground-truth.json");
    if (!Files.isRegularFile(truthFile)) {
      throw ClaimcheckException.usage("not an article-extraction benchmark folder", dir.toString(),
          "Give the folder holding ground-truth.json and html/<id>.html.gz, e.g. ../shared/data/article-extraction");
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(truthFile.toFile());
    } catch (IOException e) {
      throw new ClaimcheckException("cannot read the ground truth", truthFile + ": " + e.getMessage(),
          "Check that it is the benchmark's ground-truth.json");
    }
    List<Page> pages = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Path html = dir.resolve("html").resolve(e.getKey() + ".html.gz");
      if (!Files.isRegularFile(html)) {
        throw new ClaimcheckException("a benchmark page is missing", html.toString(),
            "Restore the benchmark folder: every id in ground-truth.json needs html/<id>.html.gz");
      }
      pages.add(new Page(e.getKey(), e.getValue().path("url").asText(""), html,
          e.getValue().path("articleBody").asText("")));
    }
    pages.sort((a, b) -> a.id().compareTo(b.id()));
    return pages;
  }

  /** Scores one prediction against the truth. */
  public static PageScore score(String id, String truth, String predicted) {
    Map<String, Integer> t = shingles(truth);
    Map<String, Integer> p = shingles(predicted);
    double tp = 0;
    double fp = 0;
    double fn = 0;
    for (Map.Entry<String, Integer> e : t.entrySet()) {
      int tc = e.getValue();
      int pc = p.getOrDefault(e.getKey(), 0);
      tp += Math.min(tc, pc);
      fn += Math.max(0, tc - pc);
    }
    for (Map.Entry<String, Integer> e : p.entrySet()) {
      fp += Math.max(0, e.getValue() - t.getOrDefault(e.getKey(), 0));
    }
    double sum = tp + fp + fn;
    return sum > 0 ? new PageScore(id, tp / sum, fp / sum, fn / sum) : new PageScore(id, 0, 0, 0);
  }

  /** The multiset of 4-token shingles of {@code text} (one shorter shingle for texts of fewer tokens). */
  static Map<String, Integer> shingles(String text) {
    List<String> tokens = tokens(text);
    Map<String, Integer> out = new HashMap<>();
    int n = Math.max(1, tokens.size() - SHINGLE + 1);
    for (int i = 0; i < n && i < tokens.size(); i++) {
      String key = String.join("\u0001", tokens.subList(i, Math.min(tokens.size(), i + SHINGLE)));
      out.merge(key, 1, Integer::sum);
    }
    return out;
  }

  /** Runs of word characters: letters, digits (any numeric character) and underscores, as Python's {@code \w+}. */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      boolean word = isWordChar(cp);
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        out.add(text.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      out.add(text.substring(start));
    }
    return out;
  }

  private static boolean isWordChar(int cp) {
    if (cp < 128) {
      return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9' || cp == '_';
    }
    int type = Character.getType(cp);
    return Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }
}
