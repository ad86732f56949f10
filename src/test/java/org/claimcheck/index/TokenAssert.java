package org.claimcheck.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Analyzer assertions in the style of Lucene's {@code BaseTokenStreamTestCase}: exact terms, offsets and position
 * increments, the reset / incrementToken / end / close contract, offsets that never go backwards, and the same output
 * when the analyzer's reused components run a second time.
 */
final class TokenAssert {
  private TokenAssert() {}

  record Token(String term, int start, int end, int posInc, String type, boolean keyword) {
    @Override
    public String toString() {
      return term + "[" + start + "," + end + "]+" + posInc + (keyword ? " keyword" : "");
    }
  }

  /** A text's tokens, and the position increment {@code end()} leaves (words dropped after the last token). */
  record Analysis(List<Token> tokens, int endPosInc) {}

  /** {@link #analyze}'s tokens; also checks that an exhausted stream stays exhausted. */
  static List<Token> tokens(Analyzer a, String text) throws IOException {
    List<Token> tokens = analyze(a, text).tokens();
    try (TokenStream ts = a.tokenStream(IndexSchema.CONTENTS, text)) {
      ts.reset();
      while (ts.incrementToken()) {
        // drained
      }
      // Asked again, it says no again. (Not in analyze: asking again clears the positions that filters hold back for
      // end(), Lucene's FilteringTokenFilter's too.)
      assertFalse(ts.incrementToken(), "exhausted streams stay exhausted");
      ts.end();
    }
    return tokens;
  }

  /** Every token with all that indexing or highlighting reads from it, the stream's contract checked on the way. */
  static Analysis analyze(Analyzer a, String text) throws IOException {
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream(IndexSchema.CONTENTS, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      KeywordAttribute keyword = ts.addAttribute(KeywordAttribute.class);
      ts.reset();
      int lastStart = 0;
      while (ts.incrementToken()) {
        assertTrue(offset.startOffset() >= lastStart, "start offsets must not go backwards: " + out + " then " + term);
        assertTrue(offset.endOffset() >= offset.startOffset(), "end before start at " + term);
        assertTrue(offset.endOffset() <= text.length(), "end offset past the text at " + term);
        assertTrue(posInc.getPositionIncrement() >= 0, "negative position increment at " + term);
        lastStart = offset.startOffset();
        out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset(), posInc.getPositionIncrement(),
            type.type(), keyword.isKeyword()));
      }
      ts.end();
      assertEquals(text.length(), offset.endOffset(), "end() sets the final offset to the text length");
      return new Analysis(out, posInc.getPositionIncrement());
    }
  }

  /** Asserts terms, start and end offsets and position increments of {@code text}, twice (component reuse). */
  static void assertAnalyzesTo(Analyzer a, String text, String[] terms, int[] starts, int[] ends, int[] posIncs)
      throws IOException {
    for (int round = 0; round < 2; round++) {
      List<Token> got = tokens(a, text);
      assertEquals(Arrays.asList(terms), got.stream().map(Token::term).toList(), "terms of \"" + text + "\"");
      if (starts != null) {
        assertEquals(toList(starts), got.stream().map(Token::start).toList(), "start offsets of " + got);
      }
      if (ends != null) {
        assertEquals(toList(ends), got.stream().map(Token::end).toList(), "end offsets of " + got);
      }
      if (posIncs != null) {
        assertEquals(toList(posIncs), got.stream().map(Token::posInc).toList(), "position increments of " + got);
      }
    }
  }

  static void assertAnalyzesTo(Analyzer a, String text, String... terms) throws IOException {
    assertAnalyzesTo(a, text, terms, null, null, null);
  }

  private static List<Integer> toList(int[] a) {
    return Arrays.stream(a).boxed().toList();
  }
}
