package org.claimcheck.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * One per token stream (not thread-safe). Runs filters that look at one word at a time (English possessives, lower
 * case, stop words, the Porter stemmer) through a cache of what they made of recent words: a frequent word goes
 * through them once per thread rather than at every occurrence. A word the cache does not hold is handed to the filters
 * themselves, alone, and their answer (a term, or nothing for a stop word) is remembered. The tokens are exactly the
 * filters' own: a word the filters drop adds its position increment to the next token's and to {@link #end()}'s, as
 * Lucene's {@code FilteringTokenFilter} does.
 *
 * <p>What the filters may do, for the cache to hold: read nothing but the current word's term (and its keyword mark:
 * keywords always go through the filters), change nothing but the term, drop a word or keep it, never read ahead or
 * keep state between words.
 *
 * <p>Direct-mapped: each word hashes to one slot of one {@code char[]} (the word's length, the result's length, the
 * word, the result: 64 bytes), a newer word replaces the older there, and a word and result too long for a slot are not
 * remembered. The table is {@code slots * 64} bytes.
 */
final class WordCache extends TokenFilter {
  private static final int SLOT_CHARS = 32;
  private static final char DROPPED = '\uffff';

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);
  private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
  private final OneWord one;
  private final TokenStream filters;
  private final char[] table;
  private final int mask;
  private int skipped;

  /** The current word, once, in the attributes it shares with the cache's input. */
  private static final class OneWord extends TokenStream {
    boolean ready;

    OneWord(TokenStream shared) {
      super(shared);
    }

    @Override
    public boolean incrementToken() {
      boolean was = ready;
      ready = false;
      return was;
    }
  }

  /** {@code in}'s words through {@code filters} (given the stream of one word, returns it filtered), cached. */
  WordCache(TokenStream in, UnaryOperator<TokenStream> filters, int slots) {
    super(in);
    if (Integer.bitCount(slots) != 1) {
      throw new IllegalArgumentException("slots must be a power of two: " + slots);
    }
    one = new OneWord(in);
    this.filters = filters.apply(one);
    table = new char[slots * SLOT_CHARS];
    mask = slots - 1;
  }

  @Override
  public boolean incrementToken() throws IOException {
    skipped = 0;
    while (input.incrementToken()) {
      if (keywordAtt.isKeyword() ? filter() : lookUp()) {
        if (skipped != 0) {
          posIncAtt.setPositionIncrement(posIncAtt.getPositionIncrement() + skipped);
        }
        return true;
      }
      skipped += posIncAtt.getPositionIncrement();
    }
    return false;
  }

  /** The word through the filters themselves; false when they drop it. */
  private boolean filter() throws IOException {
    one.ready = true;
    return filters.incrementToken();
  }

  private boolean lookUp() throws IOException {
    char[] term = termAtt.buffer();
    int length = termAtt.length();
    int h = 0;
    for (int i = 0; i < length; i++) {
      h = 31 * h + term[i];
    }
    h *= 0x9E3779B9;
    int at = ((h ^ (h >>> 16)) & mask) * SLOT_CHARS;
    char[] t = table;
    if (t[at] == length && length > 0 && Arrays.equals(t, at + 2, at + 2 + length, term, 0, length)) {
      char n = t[at + 1];
      if (n == DROPPED) {
        return false;
      }
      termAtt.copyBuffer(t, at + 2 + length, n);
      return true;
    }
    char[] word = length > 0 && 2 + 2 * length <= SLOT_CHARS ? Arrays.copyOf(term, length) : null;
    boolean kept = filter();
    if (word != null) {
      int n = kept ? termAtt.length() : 0;
      if (2 + length + n <= SLOT_CHARS) {
        t[at] = (char) length;
        t[at + 1] = kept ? (char) n : DROPPED;
        System.arraycopy(word, 0, t, at + 2, length);
        System.arraycopy(termAtt.buffer(), 0, t, at + 2 + length, n);
      }
    }
    return kept;
  }

  @Override
  public void end() throws IOException {
    super.end();
    posIncAtt.setPositionIncrement(posIncAtt.getPositionIncrement() + skipped);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    one.ready = false;
    filters.reset();
    skipped = 0;
  }
}
