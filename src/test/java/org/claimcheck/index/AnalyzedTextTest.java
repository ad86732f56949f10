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
    assertEquals(both, replayed(AnalyzedText.replay(t, b, 0)), "the title's tokens then the abstract's");
    assertEquals(List.of(), replayed(AnalyzedText.replay(AnalyzedText.of(a, IndexSchema.TITLE, ""))));
  }

  /** Positions of the replayed tokens, each as term@position. */
  static List<String> positions(TokenStream ts) throws IOException {
    List<String> out = new ArrayList<>();
    int pos = -1;
    for (String t : replayed(ts)) {
      int plus = t.lastIndexOf('+');
      pos += Integer.parseInt(t.substring(plus + 1));
      out.add(t.substring(0, plus) + "@" + pos);
    }
    return out;
  }

  @Test
  void theSecondPartStartsWhereItIsToldUnlessTheFirstRunsPastIt() throws IOException {
    Analyzer a = new BiomedicalAnalyzer();
    AnalyzedText t = AnalyzedText.of(a, IndexSchema.TITLE, "B12 and sleep");
    AnalyzedText b = AnalyzedText.of(a, IndexSchema.CONTENTS, "The melatonin of IL-6 rats");
    assertEquals(List.of("b12@0", "sleep@2", "melatonin@1001", "il-6@1003", "il@1003", "6@1004", "rat@1005"),
        positions(AnalyzedText.replay(t, b, 1000)), "a stop word before the abstract's first word keeps its gap");
    assertEquals(List.of("melatonin@1001", "il-6@1003", "il@1003", "6@1004", "rat@1005"),
        positions(AnalyzedText.replay(AnalyzedText.of(a, IndexSchema.TITLE, ""), b, 1000)), "no title");
    AnalyzedText longTitle = AnalyzedText.of(a, IndexSchema.TITLE, "word ".repeat(1200));
    List<String> p = positions(AnalyzedText.replay(longTitle, b, 1000));
    assertEquals("word@1199", p.get(1199));
    assertEquals("melatonin@1201", p.get(1200), "right after a title longer than the start");
  }
}
