package org.claimcheck.index;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * One per token stream. Replaces a hyphen between two letters or digits ({@code COVID-19}, {@code IL-6},
 * {@code omega-3}) by {@link #JOINER}, a connector the standard tokenizer keeps inside a word (Unicode word-break class
 * ExtendNumLet), so the hyphenated word reaches {@link CompoundTokenFilter} whole. One character for one, so offsets
 * need no correction.
 *
 * <p>It also turns U+202F NARROW NO-BREAK SPACE into a plain space: Unicode counts it as a connector inside words
 * (word-break class ExtendNumLet, for Mongolian), so the standard tokenizer would make one token of {@code 5 mmHg} or
 * {@code p < 0.05} written with it, as typeset abstracts and web pages often are, and neither word would be found.
 */
final class HyphenJoinCharFilter extends CharFilter {
  /** U+2040 CHARACTER TIE: joins words for the tokenizer and never occurs in abstracts. */
  static final char JOINER = '\u2040';

  private char previous;
  private boolean hasPrevious;
  private int pending = -1;

  HyphenJoinCharFilter(Reader in) {
    super(in);
  }

  /** U+202F NARROW NO-BREAK SPACE: a space between words, though the tokenizer would join across it. */
  static final char NARROW_SPACE = '\u202f';

  static boolean isHyphen(char c) {
    return c == '-' || c == '\u2010' || c == '\u2011';
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n = 0;
    if (pending >= 0) {
      cbuf[off] = (char) pending;
      pending = -1;
      n = 1;
    }
    if (n < len) {
      int r = input.read(cbuf, off + n, len - n);
      if (r > 0) {
        n += r;
      }
    }
    if (n == 0) {
      return -1;
    }
    int end = off + n;
    for (int i = off; i < end; i++) {
      char c = cbuf[i];
      if (c == NARROW_SPACE) {
        c = ' ';
        cbuf[i] = c;
      }
      if (isHyphen(c) && hasPrevious && Character.isLetterOrDigit(previous)) {
        int next;
        if (i + 1 < end) {
          next = cbuf[i + 1];
        } else {
          next = input.read();
          pending = next;
        }
        if (next >= 0 && Character.isLetterOrDigit((char) next)) {
          cbuf[i] = JOINER;
        }
      }
      previous = c;
      hasPrevious = true;
    }
    return n;
  }

  @Override
  protected int correct(int currentOff) {
    return currentOff;
  }
}
