package org.claimcheck.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Thread-safe (stateless). Splits abstract text into sentences by rule, about a hundred times faster than OpenNLP's
 * statistical detector, which made it the bottleneck of indexing (see README "Scale"). A sentence ends at {@code .},
 * {@code ?} or {@code !} (with any closing quotes or brackets) followed by white space and a sentence start: not a
 * lower-case word, and not after an abbreviation that does not end sentences in scientific writing ({@code e.g.},
 * {@code et al.}, {@code Fig.}, {@code vs.}). Decimals ({@code 1.5}), {@code p<.05} and dotted abbreviations
 * ({@code U.S.}) never split. Its own abbreviation list, not the one the OpenNLP repairs use: units such as
 * {@code min.} end many sentences in abstracts.
 */
public final class SentenceSplitter {
  private static final Set<String> ABBREVIATIONS = Set.of("e.g.", "i.e.", "vs.", "v.", "viz.", "cf.", "al.", "fig.",
      "figs.", "tab.", "tabs.", "eq.", "eqs.", "ref.", "refs.", "approx.", "ca.", "dr.", "mr.", "mrs.", "ms.", "prof.",
      "no.", "nos.", "vol.", "vols.", "pp.", "sp.", "spp.", "var.", "subsp.", "resp.", "incl.", "dept.", "univ.",
      "st.", "jr.", "sr.", "etc.,", "ph.d.", "m.d.", "nr.", "inc.", "ltd.", "co.", "corp.", "jan.", "feb.", "mar.",
      "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "gen.", "subgen.", "cv.", "ssp.");

  private SentenceSplitter() {}

  /** The sentences of {@code text}, white space around them dropped; none for blank text. */
  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c != '.' && c != '?' && c != '!') {
        continue;
      }
      int end = i + 1;
      while (end < n && isCloser(text.charAt(end))) {
        end++;
      }
      if (end < n && !Character.isWhitespace(text.charAt(end))) {
        continue;
      }
      int next = end;
      while (next < n && Character.isWhitespace(text.charAt(next))) {
        next++;
      }
      if (next < n && !startsSentence(text, i, next)) {
        continue;
      }
      add(out, text, start, end);
      start = next;
      i = Math.max(i, next - 1);
    }
    add(out, text, start, n);
    return out;
  }

  private static boolean startsSentence(String text, int stop, int next) {
    char first = text.charAt(next);
    if (Character.isLowerCase(first)) {
      return false;
    }
    if (text.charAt(stop) != '.') {
      return true;
    }
    // The word the full stop ends, e.g. "al." or "e.g." or "U.S.".
    int w = stop;
    while (w > 0 && !Character.isWhitespace(text.charAt(w - 1)) && text.charAt(w - 1) != '(') {
      w--;
    }
    String word = text.substring(w, stop + 1);
    if (ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT))) {
      return false;
    }
    // Dotted abbreviations: U.S., U.K., a.m.
    if (word.length() >= 4 && word.length() <= 6 && isDotted(word)) {
      return false;
    }
    // Nothing before the stop but a number or a symbol and the text goes on with a digit: "Fig. 2. 3", "1. 2".
    return !(Character.isDigit(first) && word.length() <= 2);
  }

  /** "U.S.", "a.m.": single letters each followed by a full stop. */
  private static boolean isDotted(String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (i % 2 == 0 ? !Character.isLetter(c) : c != '.') {
        return false;
      }
    }
    return w.length() % 2 == 0;
  }

  private static boolean isCloser(char c) {
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201d' || c == '\u2019';
  }

  private static void add(List<String> out, String text, int from, int to) {
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    if (to > from) {
      out.add(text.substring(from, to));
    }
  }
}
