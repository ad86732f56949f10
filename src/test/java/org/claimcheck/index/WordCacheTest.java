package org.claimcheck.index;

import static org.claimcheck.index.TokenAssert.analyze;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.claimcheck.TestData;
import org.claimcheck.index.TokenAssert.Token;
import org.junit.jupiter.api.Test;

/** The cache changes no token: terms, positions, offsets, types and keyword marks as the filters alone give them. */
class WordCacheTest {
  private static final String TEXT = "The patients' relational outcomes were generalizations: relational, relations, "
      + "related; hoping and hopping. COVID-19 vaccinations, IL-6 and omega-3's effects were conditionally "
      + "ineffective in electroencephalographically monitored patients. Patients' patients patient PATIENTS "
      + "internationalization internationalizations B12 supplementation supplementations supplemented. It is not "
      + "what the A-B or the T-cell is, nor is it a an the. Running runs ran; it was to be or not to be";

  @Test
  void sameTokensWhetherTheWordIsRememberedOrNot() throws IOException {
    Analyzer plain = new BiomedicalAnalyzer();
    TokenAssert.Analysis expected = analyze(plain, TEXT);
    // One or four slots: words evict each other all the time, hits and misses alternate; then the indexer's.
    List<Analyzer> cached = List.of(new BiomedicalAnalyzer(1), new BiomedicalAnalyzer(4),
        IndexSchema.bulkTextAnalyzer());
    for (int i = 0; i < cached.size(); i++) {
      for (int pass = 0; pass < 3; pass++) {
        String what = "analyzer " + i + ", pass " + pass;
        assertEquals(expected, analyze(cached.get(i), TEXT), what);
        assertEquals(analyze(plain, "the"), analyze(cached.get(i), "the"), what);
        assertEquals(analyze(plain, ""), analyze(cached.get(i), ""), what);
      }
    }
    // The filters did work here: stems, stop words dropped (their positions added to the next word's and the end's).
    assertEquals(new Token("patient", 4, 12, 2, "<ALPHANUM>", false), expected.tokens().get(0));
    assertEquals(new Token("relat", 14, 24, 1, "<ALPHANUM>", false), expected.tokens().get(1));
    assertEquals(474, TEXT.length()); // the end offset, which analyze checks
    assertEquals(8, expected.endPosInc()); // "it was to be or not to be": eight stop words
  }

  @Test
  void keywordsGoThroughTheFilters() throws IOException {
    // Nothing in BiomedicalAnalyzer marks keywords; a chain that does keeps them unstemmed, cached or not.
    CharArraySet keep = new CharArraySet(List.of("Running", "relations"), false);
    for (int slots : new int[] {0, 4, 1 << 10}) {
      Analyzer a = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
          StandardTokenizer source = new StandardTokenizer();
          TokenStream t = new SetKeywordMarkerFilter(source, keep);
          UnaryOperator<TokenStream> perWord = s -> new PorterStemFilter(new LowerCaseFilter(s));
          return new TokenStreamComponents(source, slots == 0 ? perWord.apply(t) : new WordCache(t, perWord, slots));
        }
      };
      for (int pass = 0; pass < 2; pass++) {
        TokenAssert.Analysis got = analyze(a, "Running runs relations relational Running");
        assertEquals(List.of("running", "run", "relations", "relat", "running"),
            got.tokens().stream().map(Token::term).toList(), "slots " + slots + ", pass " + pass);
        assertEquals(0, got.endPosInc());
      }
    }
  }

  @Test
  void sameTokensOverRealAbstracts() throws IOException {
    List<String> texts = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(TestData.shared("scifact/corpus.jsonl"), StandardCharsets.UTF_8)) {
      for (String line; texts.size() < 500 && (line = r.readLine()) != null; ) {
        texts.add(line); // JSON as it is: its words are the abstract's, its punctuation more tokens
      }
    }
    Analyzer plain = new BiomedicalAnalyzer();
    Analyzer cached = new BiomedicalAnalyzer(1 << 10); // small enough to evict, large enough to hit
    for (int pass = 0; pass < 2; pass++) {
      for (String text : texts) {
        assertEquals(analyze(plain, text), analyze(cached, text));
      }
    }
  }

  @Test
  void slotsArePowersOfTwo() {
    assertThrows(IllegalArgumentException.class,
        () -> new WordCache(new StandardTokenizer(), UnaryOperator.identity(), 1000));
  }
}
