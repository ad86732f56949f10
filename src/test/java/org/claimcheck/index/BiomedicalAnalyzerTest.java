package org.claimcheck.index;

import static org.claimcheck.index.TokenAssert.assertAnalyzesTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class BiomedicalAnalyzerTest {
  private final Analyzer a = new BiomedicalAnalyzer();

  @Test
  void keepsBiomedicalNamesWholeAndIndexesTheirParts() throws IOException {
    assertAnalyzesTo(a, "COVID-19 and IL-6",
        new String[] {"covid-19", "covid", "19", "il-6", "il", "6"},
        new int[] {0, 0, 6, 13, 13, 16},
        new int[] {8, 5, 8, 17, 15, 17},
        new int[] {1, 0, 1, 2, 0, 1});
    assertAnalyzesTo(a, "omega-3 fatty acids",
        new String[] {"omega-3", "omega", "3", "fatti", "acid"},
        new int[] {0, 0, 6, 8, 14},
        new int[] {7, 5, 7, 13, 19},
        new int[] {1, 0, 1, 1, 1});
    assertAnalyzesTo(a, "Vitamin B12 deficiency",
        new String[] {"vitamin", "b12", "defici"},
        new int[] {0, 8, 12},
        new int[] {7, 11, 22},
        new int[] {1, 1, 1});
  }

  @Test
  void namesWithSeveralPartsGreekLettersAndSingleLetters() throws IOException {
    assertAnalyzesTo(a, "SARS-CoV-2 spike",
        new String[] {"sars-cov-2", "sar", "cov", "2", "spike"},
        new int[] {0, 0, 5, 9, 11},
        new int[] {10, 4, 8, 10, 16},
        new int[] {1, 0, 1, 1, 1});
    assertAnalyzesTo(a, "TNF-\u03b1 and NF-\u03baB", "tnf-\u03b1", "tnf", "\u03b1", "nf-\u03bab", "nf", "\u03bab");
    assertAnalyzesTo(a, "T-cell counts", "t-cell", "t", "cell", "count");
    // A name inside a longer compound: only the name is joined.
    assertAnalyzesTo(a, "COVID-19-related deaths",
        new String[] {"covid-19", "covid", "19", "relat", "death"},
        new int[] {0, 0, 6, 9, 17},
        new int[] {8, 5, 8, 16, 23},
        new int[] {1, 0, 1, 1, 1});
  }

  @Test
  void ordinaryCompoundsRangesAndPunctuationSplitAsBefore() throws IOException {
    assertAnalyzesTo(a, "a long-term, placebo-controlled trial",
        new String[] {"long", "term", "placebo", "control", "trial"},
        new int[] {2, 7, 13, 21, 32},
        new int[] {6, 11, 20, 31, 37},
        new int[] {2, 1, 1, 1, 1});
    assertAnalyzesTo(a, "aged 10-20 years over 12-week periods", "ag", "10", "20", "year", "over", "12", "week",
        "period");
    // Hyphens that do not sit between two letters or digits, and minus signs, stay separators.
    assertAnalyzesTo(a, "-3 and x- y and p<0.05", "3", "x", "y", "p", "0.05");
    // The Unicode hyphen joins like the ASCII one.
    assertAnalyzesTo(a, "COVID\u201019", "covid-19", "covid", "19");
  }

  @Test
  void queriesSearchNamesWholeWithTheirPositions() throws IOException {
    Analyzer q = BiomedicalAnalyzer.forQueries();
    // The parts are left out; the next word keeps the position it has in the index.
    assertAnalyzesTo(q, "COVID-19 and IL-6 levels",
        new String[] {"covid-19", "il-6", "level"},
        new int[] {0, 13, 18},
        new int[] {8, 17, 24},
        new int[] {1, 3, 2});
    assertAnalyzesTo(q, "SARS-CoV-2 spike",
        new String[] {"sars-cov-2", "spike"},
        new int[] {0, 11},
        new int[] {10, 16},
        new int[] {1, 3});
    // Parts that are not a name stay; a name inside a longer compound is one token there too.
    assertAnalyzesTo(q, "anti-IL-6 long-term COVID-19-related", "anti", "il-6", "long", "term", "covid-19", "relat");
    assertAnalyzesTo(q, "aged 10-20 years", "ag", "10", "20", "year");
  }

  @Test
  void aNarrowNoBreakSpaceSeparatesWords() throws IOException {
    // U+202F is a word connector for the Unicode word breaks (Mongolian); typeset text uses it before units.
    assertAnalyzesTo(a, "5\u202fmmHg, p\u202f<\u202f0.05",
        new String[] {"5", "mmhg", "p", "0.05"},
        new int[] {0, 2, 8, 12},
        new int[] {1, 6, 9, 16},
        new int[] {1, 1, 1, 1});
    assertAnalyzesTo(a, "IL-6\u202flevels", "il-6", "il", "6", "level");
  }

  @Test
  void possessivesStopWordsAndStemming() throws IOException {
    assertAnalyzesTo(a, "Crohn's disease is not the patients' problems", "crohn", "diseas", "patient", "problem");
  }

  @Test
  void britishAndAmericanSpellingsAreOneTerm() throws IOException {
    // Before schema 5 a claim from a British page ("anaemia", "tumours", "randomised") missed every abstract that
    // wrote the American spelling, and the other way round.
    String british = "Randomised trials: anaemia, haemoglobin, tumours, behavioural oestrogen, paediatric diarrhoea, "
        + "dietary fibre, oedema, stabilised";
    String american = "Randomized trials: anemia, hemoglobin, tumors, behavioral estrogen, pediatric diarrhea, "
        + "dietary fiber, edema, stabilized";
    assertEquals(TokenAssert.tokens(a, american).stream().map(TokenAssert.Token::term).toList(),
        TokenAssert.tokens(a, british).stream().map(TokenAssert.Token::term).toList());
    assertAnalyzesTo(a, "exercise advised colorectal four hours", "exercis", "advis", "colorect", "four", "hour");
    assertAnalyzesTo(BiomedicalAnalyzer.forQueries(), "anaemia", "anemia");
  }

  @Test
  void longTextsCrossTheCharFilterBuffer() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      sb.append("IL-6 ");
    }
    // 3000 x (compound + two parts): a hyphen at any buffer boundary still joins.
    int n = TokenAssert.tokens(a, sb.toString()).size();
    org.junit.jupiter.api.Assertions.assertEquals(9000, n);
  }
}
