package org.claimcheck.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.junit.jupiter.api.Test;

class AnalyzedTextTest {
  static List<String> replayed(TokenStream ts) throws IOException {
    List<String> out = new ArrayList<>();
    TermToBytesRefAttribute term = ts.addAttribute(TermToBytesRefAttribute.class);
    PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
    ts.reset();
    while (ts.incrementToken()) {
      out.add(term.getBytesRef().utf8ToString() + "+" + posInc.getPositionIncrement());
    }
    ts.end();
    ts.close();
    return out;
  }

  @Test
  void replaysExactlyWhatTheAnalyzerProduces() throws IOException {
    Analyzer a = new BiomedicalAnalyzer();
    String title = "Omega-3 and IL-6 in the COVID-19 era: TNF-\u03b1, \u00b5g and \ud835\udefc";
    String body = "The patients' IL-6 fell. Vitamin B12 was not the cause of it.";
    AnalyzedText t = AnalyzedText.of(a, IndexSchema.TITLE, title);
    AnalyzedText b = AnalyzedText.of(a, IndexSchema.ABSTRACT, body);
    assertEquals(replayed(a.tokenStream(IndexSchema.TITLE, title)), replayed(AnalyzedText.replay(t)));
    assertEquals(replayed(a.tokenStream(IndexSchema.ABSTRACT, body)), replayed(AnalyzedText.replay(b)));
    List<String> both = new ArrayList<>(replayed(AnalyzedText.replay(t)));
    both.addAll(replayed(AnalyzedText.replay(b)));
    assertEquals(both, replayed(AnalyzedText.replay(t, b)), "contents is the title's tokens then the abstract's");
    assertEquals(List.of(), replayed(AnalyzedText.replay(AnalyzedText.of(a, IndexSchema.TITLE, ""))));
  }
}
