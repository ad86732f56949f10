package org.claimcheck.claim;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Thread-safe (stateless). NegEx-style negation: a cue ("no", "not", "never", "none", "without", ...) negates the words
 * after it up to a scope end (punctuation, "but", "which", "because", ...) or eight words; pseudo-negations ("no
 * surprise", "not only", "may or may not") negate nothing.
 */
final class Negation {
  private Negation() {}

  private static final int MAX_SCOPE = 8;

  /** A negation cue (token index) and the tokens [from, to) it negates. */
  record Scope(int cue, int from, int to) {}

  /** The negations among the tokens of {@code included} in [from, to) of {@code p}. */
  static List<Scope> find(Parse p, BitSet included, int from, int to) {
    List<Scope> out = new ArrayList<>();
    for (int i = included.nextSetBit(from); i >= 0 && i < to; i = included.nextSetBit(i + 1)) {
      if (!Cues.NEGATION.contains(p.low[i]) || pseudo(p, i)) {
        continue;
      }
      int end = i + 1;
      int words = 0;
      while (end < to && words < MAX_SCOPE && !Cues.SCOPE_END.contains(p.low[end])) {
        if (included.get(end)) {
          words++;
        }
        end++;
      }
      out.add(new Scope(i, i + 1, end));
    }
    return out;
  }

  /** Whether the cue at token i is a pseudo-negation ("no surprise", "not only", "not unlikely"). */
  static boolean pseudo(Parse p, int i) {
    int from = Math.max(0, i - 3);
    int to = Math.min(p.size(), i + 4);
    String window = String.join(" ", java.util.Arrays.copyOfRange(p.low, from, to)).toLowerCase(Locale.ROOT);
    var m = Cues.PSEUDO_NEGATION.matcher(window);
    while (m.find()) {
      // The match must cover the cue itself.
      int cueOffset = 0;
      for (int k = from; k < i; k++) {
        cueOffset += p.low[k].length() + 1;
      }
      if (m.start() <= cueOffset && m.end() >= cueOffset + p.low[i].length()) {
        return true;
      }
    }
    return false;
  }
}
