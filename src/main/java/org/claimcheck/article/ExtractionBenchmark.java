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
import java.util.function.BiFunction;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Hashes;
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

  /**
   * The result of extracting every page with the default extractor.
   *
   * @param scores mean precision, mean recall and F1 over the pages
   * @param pages each page's score, in page order
   * @param cpuSeconds CPU time of the extracting thread over all pages (decoding, parsing, metadata, main text; not
   *     scoring), measured on a second pass once the code is warm
   * @param wallSeconds wall-clock time of the same
   */
  public record Run(Scores scores, List<PageScore> pages, double cpuSeconds, double wallSeconds) {
    public double pagesPerCpuSecond() {
      return pages.size() / cpuSeconds;
    }

    public double pagesPerSecond() {
      return pages.size() / wallSeconds;
    }
  }

  /**
   * Two-fold cross-validation of the extractor's settings: the pages are split into two halves (alternately, in id
   * order); the settings are tuned on one half (coordinate ascent over a small grid, from the defaults) and scored on
   * the other, and the other way round.
   *
   * @param halves each half scored with the default settings
   * @param crossed each half scored with the settings tuned on the other half
   * @param tunedOnSelf each half scored with the settings tuned on itself (how much tuning alone gains)
   * @param pooled all pages, each scored with the settings tuned on the other half
   * @param settings the settings tuned on each half, as text
   */
  public record CrossValidation(List<Scores> halves, List<Scores> crossed, List<Scores> tunedOnSelf, Scores pooled,
      List<String> settings) {}

  /** Extracts every page with the default extractor and scores it; timings cover extraction only. */
  public static Run run(List<Page> pages) {
    TextExtractor extractor = new TextExtractor();
    List<byte[]> bytes = new ArrayList<>(pages.size());
    for (Page p : pages) {
      bytes.add(read(p));
    }
    List<String> predicted = new ArrayList<>(pages.size());
    for (int i = 0; i < pages.size(); i++) {
      predicted.add(extractor.extract(bytes.get(i), null, pages.get(i).url()).text());
    }
    // Timed on a second pass, once the code is compiled; ExtractBench gives the careful figure.
    java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu0 = bean.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    int blocks = 0;
    for (int i = 0; i < pages.size(); i++) {
      blocks += extractor.extract(bytes.get(i), null, pages.get(i).url()).blocks().size();
    }
    double cpu = (bean.getCurrentThreadCpuTime() - cpu0) / 1e9;
    double wall = (System.nanoTime() - wall0) / 1e9;
    if (blocks < 0) {
      throw new IllegalStateException(); // keeps the timed work observable
    }
    List<PageScore> scores = new ArrayList<>(pages.size());
    for (int i = 0; i < pages.size(); i++) {
      scores.add(score(pages.get(i).id(), pages.get(i).truth(), predicted.get(i)));
    }
    return new Run(Scores.of(scores), scores, cpu, wall);
  }

  /** Cross-validates the extractor's settings over two halves of {@code pages}: see {@link CrossValidation}. */
  public static CrossValidation crossValidate(List<Page> pages) {
    List<List<Prepared>> halves = List.of(new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < pages.size(); i++) {
      Page p = pages.get(i);
      halves.get(i % 2).add(new Prepared(p, TextExtractor.content(TextExtractor.parse(read(p), null, p.url())),
          shingles(p.truth())));
    }
    List<MainContent.Settings> tuned = List.of(tune(halves.get(0)), tune(halves.get(1)));
    List<Scores> plain = new ArrayList<>();
    List<Scores> crossed = new ArrayList<>();
    List<Scores> self = new ArrayList<>();
    List<PageScore> pooled = new ArrayList<>();
    for (int h = 0; h < 2; h++) {
      plain.add(Scores.of(score(halves.get(h), MainContent.Settings.DEFAULTS)));
      List<PageScore> c = score(halves.get(h), tuned.get(1 - h));
      crossed.add(Scores.of(c));
      pooled.addAll(c);
      self.add(Scores.of(score(halves.get(h), tuned.get(h))));
    }
    return new CrossValidation(plain, crossed, self, Scores.of(pooled),
        tuned.stream().map(MainContent.Settings::toString).toList());
  }

  /** A page read once, to be scored with many settings. */
  private record Prepared(Page page, MainContent content, Map<String, Integer> truth) {}

  private static List<PageScore> score(List<Prepared> pages, MainContent.Settings settings) {
    List<PageScore> out = new ArrayList<>(pages.size());
    for (Prepared p : pages) {
      String text = new MainText(null, null, null, null, null, null, p.content().blocks(settings)).text();
      out.add(score(p.page().id(), p.truth(), shingles(text)));
    }
    return out;
  }

  /** One setting and the values the tuning tries for it. */
  private record Axis(double[] values, BiFunction<MainContent.Settings, Double, MainContent.Settings> with) {}

  private static final List<Axis> AXES = List.of(
      new Axis(new double[] {0, 0.25, 0.5, 1}, (s, v) -> new MainContent.Settings(v, s.link(), s.shortText(),
          s.minProse(), s.maxLinkDensity(), s.teaserChars(), s.siblingShare())),
      new Axis(new double[] {0.5, 1, 1.5, 2}, (s, v) -> new MainContent.Settings(s.linkInProse(), v, s.shortText(),
          s.minProse(), s.maxLinkDensity(), s.teaserChars(), s.siblingShare())),
      new Axis(new double[] {0, 0.1, 0.25, 0.5, 1}, (s, v) -> new MainContent.Settings(s.linkInProse(), s.link(), v,
          s.minProse(), s.maxLinkDensity(), s.teaserChars(), s.siblingShare())),
      new Axis(new double[] {10, 25, 40, 60}, (s, v) -> new MainContent.Settings(s.linkInProse(), s.link(),
          s.shortText(), v.intValue(), s.maxLinkDensity(), s.teaserChars(), s.siblingShare())),
      new Axis(new double[] {0.3, 0.4, 0.5, 0.6, 0.7, 0.8}, (s, v) -> new MainContent.Settings(s.linkInProse(),
          s.link(), s.shortText(), s.minProse(), v, s.teaserChars(), s.siblingShare())),
      new Axis(new double[] {0, 200, 400, 800}, (s, v) -> new MainContent.Settings(s.linkInProse(), s.link(),
          s.shortText(), s.minProse(), s.maxLinkDensity(), v.intValue(), s.siblingShare())),
      new Axis(new double[] {0.05, 0.1, 0.2, 0.35, 0.5, 100}, (s, v) -> new MainContent.Settings(s.linkInProse(),
          s.link(), s.shortText(), s.minProse(), s.maxLinkDensity(), s.teaserChars(), v)));

  /** Coordinate ascent from the defaults over a small grid of each setting, two sweeps; ties keep the current value. */
  private static MainContent.Settings tune(List<Prepared> pages) {
    MainContent.Settings best = MainContent.Settings.DEFAULTS;
    double bestF1 = Scores.of(score(pages, best)).f1();
    for (int sweep = 0; sweep < 2; sweep++) {
      for (Axis axis : AXES) {
        MainContent.Settings start = best;
        for (double v : axis.values()) {
          MainContent.Settings candidate = axis.with().apply(start, v);
          double f1 = Scores.of(score(pages, candidate)).f1();
          if (f1 > bestF1 + 1e-9) {
            best = candidate;
            bestF1 = f1;
          }
        }
      }
    }
    return best;
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

  /**
   * The benchmark's inputs by SHA-256: {@code ground-truth} (the file) and {@code html} (the list of page ids, each
   * with the SHA-256 of its file), for recorded expectations.
   */
  public static Map<String, String> checksums(Path dir, List<Page> pages) {
    try {
      StringBuilder list = new StringBuilder();
      for (Page p : pages) {
        list.append(p.id()).append(' ').append(Hashes.sha256(Files.readAllBytes(p.html()))).append('\n');
      }
      return Map.of("ground-truth", Hashes.sha256(Files.readAllBytes(dir.resolve("ground-truth.json"))),
          "html", Hashes.sha256(list.toString()));
    } catch (IOException e) {
      throw new ClaimcheckException("cannot read the benchmark", dir + ": " + e.getMessage(),
          "Check the folder's files and permissions");
    }
  }

  /** The page's HTML bytes (decompressed, at most 64 MB). */
  public static byte[] read(Page page) {
    try {
      return Fetcher.gunzip(Files.readAllBytes(page.html()), 64 << 20);
    } catch (IOException e) {
      throw new ClaimcheckException("cannot read a benchmark page", page.html() + ": " + e.getMessage(),
          "Check that it is a gzip file");
    }
  }

  /** Scores one prediction against the truth. */
  public static PageScore score(String id, String truth, String predicted) {
    return score(id, shingles(truth), shingles(predicted));
  }

  private static PageScore score(String id, Map<String, Integer> t, Map<String, Integer> p) {
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
