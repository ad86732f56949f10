package org.claimcheck.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.claimcheck.nlp.Spelling;

/**
 * Not thread-safe (a token stream). Rewrites lower-case British spellings as American ones ({@link Spelling#american}:
 * "anaemia" anemia, "tumours" tumors, "randomised" randomized, "fibre" fiber), so that a claim from a British page
 * and an abstract from an American journal, or the other way round, share their terms. Goes before stemming; keyword
 * tokens are left alone.
 */
final class AmericanSpellingFilter extends TokenFilter {
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

  AmericanSpellingFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (!keywordAtt.isKeyword() && Spelling.mayChange(termAtt.buffer(), termAtt.length())) {
      String term = termAtt.toString();
      String american = Spelling.american(term);
      if (american != term) {
        termAtt.setEmpty().append(american);
      }
    }
    return true;
  }
}
