package org.claimcheck.index;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * One per token stream. Splits the words {@link HyphenJoinCharFilter} joined back into their parts, as the standard
 * tokenizer alone would, and keeps biomedical names whole as well: the compound ({@code covid-19}) is stacked on the
 * position of its first part, so a search for {@code COVID-19} matches the name exactly while a search for
 * {@code covid} still finds it. Stacked tokens do not count towards the field length (BM25 discounts overlaps).
 *
 * <p>Two neighbouring parts join when both look like symbols (digits, Greek letters, capitals after the first letter,
 * a single letter: {@code IL-6}, {@code SARS-CoV-2}, {@code NF-κB}), when a word is followed by a part with a digit
 * ({@code omega-3}, {@code type-2}), or when a single letter is followed by a word ({@code T-cell},
 * {@code α-tocopherol}). Ordinary compounds ({@code long-term}, {@code placebo-controlled}) and numbers
 * ({@code 10-20}, {@code 12-week}) are only split.
 */
final class CompoundTokenFilter extends TokenFilter {
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);

  private record Piece(String text, int start, int end, int posInc) {}

  private final Deque<Piece> pieces = new ArrayDeque<>();
  private final boolean partsOfNames;
  private State state;
  /** Positions of skipped parts not yet added to a token's increment (queries only). */
  private int gap;

  /** For indexing: a name is indexed whole and as its parts. */
  CompoundTokenFilter(TokenStream input) {
    this(input, true);
  }

  /**
   * With {@code partsOfNames} false (for queries) a name is searched whole only: its parts are left out, the next
   * token keeping its position, so {@code IL-6} does not also match every record with a 6 in it, and the phrase
   * {@code "IL-6 receptor"} still matches the indexed positions.
   */
  CompoundTokenFilter(TokenStream input, boolean partsOfNames) {
    super(input);
    this.partsOfNames = partsOfNames;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!pieces.isEmpty()) {
      emit(pieces.poll());
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    if (indexOf(termAtt, HyphenJoinCharFilter.JOINER) < 0) {
      if (gap > 0) {
        posIncAtt.setPositionIncrement(posIncAtt.getPositionIncrement() + gap);
        gap = 0;
      }
      return true;
    }
    split();
    state = captureState();
    emit(pieces.poll());
    return true;
  }

  private void emit(Piece p) {
    if (state != null) {
      restoreState(state);
    }
    termAtt.setEmpty().append(p.text());
    offsetAtt.setOffset(p.start(), p.end());
    posIncAtt.setPositionIncrement(p.posInc());
  }

  private void split() {
    String term = termAtt.toString();
    int start = offsetAtt.startOffset();
    int end = offsetAtt.endOffset();
    boolean exactOffsets = end - start == term.length();
    List<String> parts = new ArrayList<>();
    List<int[]> spans = new ArrayList<>();
    int from = 0;
    for (int i = 0; i <= term.length(); i++) {
      if (i == term.length() || term.charAt(i) == HyphenJoinCharFilter.JOINER) {
        if (i > from) {
          parts.add(term.substring(from, i));
          spans.add(exactOffsets ? new int[] {start + from, start + i} : new int[] {start, end});
        }
        from = i + 1;
      }
    }
    int firstPosInc = posIncAtt.getPositionIncrement() + gap;
    gap = 0;
    int n = parts.size();
    boolean[] joinNext = new boolean[n];
    for (int i = 0; i + 1 < n; i++) {
      joinNext[i] = joins(parts.get(i), parts.get(i + 1));
    }
    for (int i = 0; i < n; i++) {
      int posInc = (i == 0 ? firstPosInc : 1) + gap;
      gap = 0;
      boolean runStarts = joinNext[i] && (i == 0 || !joinNext[i - 1]);
      if (runStarts) {
        int last = i;
        while (last + 1 < n && joinNext[last]) {
          last++;
        }
        List<String> run = parts.subList(i, last + 1);
        if (run.stream().anyMatch(CompoundTokenFilter::hasLetter)) {
          pieces.add(new Piece(String.join("-", run), spans.get(i)[0], spans.get(last)[1], posInc));
          if (!partsOfNames) {
            gap = last - i;
            i = last;
            continue;
          }
          posInc = 0;
        }
      }
      pieces.add(new Piece(parts.get(i), spans.get(i)[0], spans.get(i)[1], posInc));
    }
    state = null;
  }

  /** Whether two neighbouring parts of a hyphenated word form one name. */
  static boolean joins(String left, String right) {
    boolean symLeft = isSymbol(left);
    boolean symRight = isSymbol(right);
    return (symLeft && symRight) || (!symLeft && hasDigit(right)) || (isSingleLetter(left) && !symRight);
  }

  /** Digits, Greek letters, a capital after the first letter, or a single letter: IL, 6, κB, CoV, T. */
  static boolean isSymbol(String p) {
    if (isSingleLetter(p)) {
      return true;
    }
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (Character.isDigit(c) || isGreek(c) || (i > 0 && Character.isUpperCase(c))) {
        return true;
      }
    }
    return false;
  }

  static boolean isSingleLetter(String p) {
    return p.length() == 1 && Character.isLetter(p.charAt(0));
  }

  static boolean hasDigit(String p) {
    return p.chars().anyMatch(Character::isDigit);
  }

  static boolean hasLetter(String p) {
    return p.chars().anyMatch(Character::isLetter);
  }

  static boolean isGreek(char c) {
    return (c >= '\u0370' && c <= '\u03ff') || (c >= '\u1f00' && c <= '\u1fff');
  }

  private static int indexOf(CharTermAttribute t, char c) {
    char[] buf = t.buffer();
    for (int i = 0, n = t.length(); i < n; i++) {
      if (buf[i] == c) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void end() throws IOException {
    super.end();
    posIncAtt.setPositionIncrement(posIncAtt.getPositionIncrement() + gap);
    gap = 0;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pieces.clear();
    state = null;
    gap = 0;
  }
}
