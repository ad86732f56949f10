package org.claimcheck.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.util.BytesRef;

/**
 * One per document. The tokens of a text, analysed once and replayed into several fields: a record's title feeds
 * {@code title} and {@code contents} (with the abstract), which would otherwise analyse it twice. Terms (as the UTF-8
 * bytes the index stores, encoded once) and position increments are kept; offsets are not (the index stores none).
 */
final class AnalyzedText {
  private byte[] bytes;
  private int[] starts;
  private int[] lengths;
  private int[] posIncs;
  private int count;
  private int used;

  private AnalyzedText(int textLength) {
    // English text: about one token per 6 characters, the terms about as long as the text without stop words.
    int tokens = Math.max(16, textLength / 5);
    bytes = new byte[Math.max(64, textLength)];
    starts = new int[tokens];
    lengths = new int[tokens];
    posIncs = new int[tokens];
  }

  /** Analyses {@code text} as field {@code field} with {@code analyzer}. */
  static AnalyzedText of(Analyzer analyzer, String field, String text) {
    AnalyzedText t = new AnalyzedText(text.length());
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      TermToBytesRefAttribute term = ts.addAttribute(TermToBytesRefAttribute.class);
      PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        t.add(term.getBytesRef(), posInc.getPositionIncrement());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return t;
  }

  private void add(BytesRef term, int posInc) {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      lengths = Arrays.copyOf(lengths, count * 2);
      posIncs = Arrays.copyOf(posIncs, count * 2);
    }
    if (used + term.length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(used + term.length, bytes.length * 2));
    }
    System.arraycopy(term.bytes, term.offset, bytes, used, term.length);
    starts[count] = used;
    lengths[count] = term.length;
    posIncs[count] = posInc;
    used += term.length;
    count++;
  }

  int size() {
    return count;
  }

  /**
   * A token stream replaying the tokens of {@code text}. Its terms come as {@link TermToBytesRefAttribute} bytes (what
   * the indexer reads), not as characters.
   */
  static TokenStream replay(AnalyzedText text) {
    return new Replay(new AnalyzedText[] {text}, 0);
  }

  /**
   * A token stream replaying {@code first}, then {@code second} with its first token at position {@code secondStart}
   * (plus the position increment it has, e.g. a stop word dropped before it), or right after {@code first}'s last
   * token when that comes later (always, with 0).
   */
  static TokenStream replay(AnalyzedText first, AnalyzedText second, int secondStart) {
    return new Replay(new AnalyzedText[] {first, second}, secondStart);
  }

  private static final class Replay extends TokenStream {
    private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final BytesRef ref = new BytesRef();
    private final AnalyzedText[] parts;
    /** Where the second part starts (0: right after the first). */
    private final int secondStart;
    private int part;
    private int i;
    /** The position of the last token replayed, -1 before the first. */
    private int position;

    Replay(AnalyzedText[] parts, int secondStart) {
      this.parts = parts;
      this.secondStart = secondStart;
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
      // Every attribute a token has is set here (the others keep their defaults), so none needs clearing.
      AnalyzedText t = parts[part];
      ref.bytes = t.bytes;
      ref.offset = t.starts[i];
      ref.length = t.lengths[i];
      term.setBytesRef(ref);
      int inc = t.posIncs[i];
      if (part == 1 && i == 0 && secondStart > 0) {
        inc = Math.max(secondStart, position + 1) + Math.max(inc, 1) - 1 - position;
      }
      posInc.setPositionIncrement(inc);
      position += inc;
      i++;
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      clearAttributes();
      part = 0;
      i = 0;
      position = -1;
    }
  }
}
