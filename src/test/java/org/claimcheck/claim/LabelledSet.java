package org.claimcheck.claim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.claimcheck.Hashes;
import org.claimcheck.article.Article;
import org.claimcheck.article.FetchResult;
import org.claimcheck.article.Fetcher;
import org.claimcheck.article.Source;

/**
 * Hand labels of check-worthiness per sentence, and the precision and recall of the extractor against them.
 *
 * <p>A label line is {@code file<TAB>sentence index<TAB>hash<TAB>label[<TAB>sentence]}: the sentence index as the
 * extractor counts it, the first 12 hex digits of the SHA-256 of the sentence (white space collapsed), 1 for
 * check-worthy and 0 for not. Labels of the real articles in ../shared/data carry no text (the text is not ours to
 * copy): the hash ties each label to its sentence, so a label whose sentence moved is reported, not silently misread.
 * Labels of the invented articles carry the sentence too.
 */
final class LabelledSet {
  private LabelledSet() {}

  record Label(String file, int index, String hash, boolean worthy, String text) {}

  /** One labelled sentence and what the extractor said: its best claim's score (-1 when it gave none). */
  record Outcome(Label label, double score, String sentence, String bestClaim) {}

  /**
   * Counts against the labels. {@code dropped}: labelled sentences the pipeline no longer gives as candidates (the page
   * reader dropped them as furniture, or they became headings); they count as predicted not check-worthy, so a dropped
   * check-worthy sentence is a false negative. Many dropped labels mean the labels need redoing (LabelTool).
   */
  record Metrics(int tp, int fp, int fn, int tn, int dropped) {
    double precision() {
      return tp / (double) Math.max(1, tp + fp);
    }

    double recall() {
      return tp / (double) Math.max(1, tp + fn);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "precision %.3f recall %.3f F1 %.3f (tp %d fp %d fn %d tn %d, dropped %d)",
          precision(), recall(), f1(), tp, fp, fn, tn, dropped);
    }
  }

  static String hash(String sentence) {
    return Hashes.sha256(sentence.strip().replaceAll("\\s+", " ")).substring(0, 12);
  }

  static List<Label> read(Path file) throws IOException {
    List<Label> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t", 5);
      out.add(new Label(c[0], Integer.parseInt(c[1]), c[2], c[3].equals("1"), c.length > 4 ? c[4] : null));
    }
    return out;
  }

  /** An article read from a local .txt or .html file, as {@code claimcheck extract} reads it. */
  static Article article(Path file) {
    FetchResult r = new Fetcher(Fetcher.Options.defaults(), Clock.systemUTC())
        .fetch(Source.file(file.toAbsolutePath(), file.toAbsolutePath().getParent()), null);
    if (r instanceof FetchResult.Fetched f) {
      return f.article();
    }
    throw new IllegalStateException("cannot read " + file + ": " + r);
  }

  /** Per sentence index: the sentence and the best claim (highest check-worthiness) the extractor gave for it. */
  static Map<Integer, Claim> best(List<Claim> claims) {
    Map<Integer, Claim> out = new TreeMap<>();
    for (Claim c : claims) {
      out.merge(c.sentenceIndex(), c, (a, b) -> b.checkWorthiness() > a.checkWorthiness() ? b : a);
    }
    return out;
  }

  /** Per sentence hash: the best claim (highest check-worthiness) the extractor gave for that sentence. */
  static Map<String, Claim> bestByHash(List<Claim> claims) {
    Map<String, Claim> out = new TreeMap<>();
    for (Claim c : claims) {
      out.merge(hash(c.sentence()), c, (a, b) -> b.checkWorthiness() > a.checkWorthiness() ? b : a);
    }
    return out;
  }

  /**
   * The outcome of each label of {@code labels} for the articles in {@code dir}. A label finds its sentence by hash, so
   * labels survive sentences moving (a line dropped above them); a labelled sentence the extractor no longer gives
   * (it became a heading, or the page reader dropped it as furniture) has no outcome sentence.
   */
  static List<Outcome> outcomes(ClaimExtractor extractor, Path dir, List<Label> labels) {
    Map<String, Map<String, Claim>> byFile = new TreeMap<>();
    List<Outcome> out = new ArrayList<>();
    for (Label l : labels) {
      Map<String, Claim> best = byFile.computeIfAbsent(l.file(),
          f -> bestByHash(extractor.extract(article(dir.resolve(f)))));
      Claim c = best.get(l.hash());
      out.add(new Outcome(l, c == null ? -1 : c.checkWorthiness(), c == null ? null : c.sentence(),
          c == null ? null : c.claim()));
    }
    return out;
  }

  static Metrics metrics(List<Outcome> outcomes, double threshold) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int tn = 0;
    int dropped = 0;
    for (Outcome o : outcomes) {
      if (o.sentence() == null) {
        dropped++;
      }
      boolean predicted = o.sentence() != null && o.score() >= threshold;
      if (o.label().worthy()) {
        if (predicted) {
          tp++;
        } else {
          fn++;
        }
      } else if (predicted) {
        fp++;
      } else {
        tn++;
      }
    }
    return new Metrics(tp, fp, fn, tn, dropped);
  }
}
