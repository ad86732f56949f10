package org.claimcheck.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * One per document. The tokens of a text, analysed once and replayed into several fields: a record's title and abstract
 * feed {@code title}, {@code abstract} and {@code contents} (the two together), which would otherwise analyse the same
 * text twice. Analysis is the largest cost of indexing; replaying halves it. Terms and position increments are kept;
 * offsets are not (the index stores none).
 */
final class AnalyzedText {
  private char[] chars = new char[256];
  private int[] starts = new int[32];
  private int[] lengths = new int[32];
  private int[] posIncs = new int[32];
  private int count;
  private int used;

  /** Analyses {@code text} as field {@code field} with {@code analyzer}. */
  static AnalyzedText of(Analyzer analyzer, String field, String text) {
    AnalyzedText t = new AnalyzedText();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        t.add(term.buffer(), term.length(), posInc.getPositionIncrement());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return t;
  }

  private void add(char[] buf, int len, int posInc) {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      lengths = Arrays.copyOf(lengths, count * 2);
      posIncs = Arrays.copyOf(posIncs, count * 2);
    }
    if (used + len > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(used + len, chars.length * 2));
    }
    System.arraycopy(buf, 0, chars, used, len);
    starts[count] = used;
    lengths[count] = len;
    posIncs[count] = posInc;
    used += len;
    count++;
  }

  int size() {
    return count;
  }

  /** A token stream replaying these tokens, then those of {@code more}, in order. */
  static TokenStream replay(AnalyzedText... parts) {
    return new Replay(parts);
  }

  private static final class Replay extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final AnalyzedText[] parts;
    private int part;
    private int i;

    Replay(AnalyzedText[] parts) {
      this.parts = parts;
    }

    @Override
    public boolean incrementToken() {
      while (part < parts.length && i >= parts[part].count) {
        part++;
        i = 0;
      }
      if (part >= parts.length) {
        return false;
      }
      clearAttributes();
      AnalyzedText t = parts[part];
      term.copyBuffer(t.chars, t.starts[i], t.lengths[i]);
      posInc.setPositionIncrement(t.posIncs[i]);
      i++;
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      part = 0;
      i = 0;
    }
  }
}
