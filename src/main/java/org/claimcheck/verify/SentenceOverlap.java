package org.claimcheck.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.claimcheck.index.IndexSchema;

/**
 * Thread-safe (Lucene analyzers reuse token streams per thread). Stemmed, stop-worded terms of a text, as the index
 * analyses them, and the fraction of a claim's terms a sentence shares: the cheap first pass that picks which sentences
 * the stance model reads.
 */
final class SentenceOverlap {
  private final Analyzer analyzer = IndexSchema.textAnalyzer();

  Set<String> terms(String text) {
    return new HashSet<>(termList(text));
  }

  /** The terms in text order, repeats kept. */
  java.util.List<String> termList(String text) {
    java.util.List<String> out = new java.util.ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(IndexSchema.CONTENTS, text.toLowerCase(Locale.ROOT))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The fraction of the claim's terms the sentence has, in [0, 1]. */
  static double fraction(Set<String> claimTerms, Set<String> sentenceTerms) {
    if (claimTerms.isEmpty()) {
      return 0;
    }
    int shared = 0;
    for (String t : claimTerms) {
      if (sentenceTerms.contains(t)) {
        shared++;
      }
    }
    return (double) shared / claimTerms.size();
  }
}
