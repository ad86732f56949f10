package org.claimcheck.index;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Thread-safe (Lucene analyzers reuse per-thread components). English analysis for abstracts and claims: the chain
 * Anserini uses for its BM25 baselines (standard tokenizer, English possessives, lower case, Lucene's English stop
 * words, Porter stemmer) plus biomedical names kept whole and British spellings made American ({@link
 * AmericanSpellingFilter}: "anaemia" and "anemia" are one term). {@code B12} is one token already; hyphenated names
 * ({@code COVID-19}, {@code IL-6}, {@code omega-3}, {@code SARS-CoV-2}) are indexed as the compound and as their parts
 * (see {@link CompoundTokenFilter}), so BM25 scores them as one rare term without losing matches on the parts.
 */
public final class BiomedicalAnalyzer extends Analyzer {
  private final int cacheSlots;
  private final boolean partsOfNames;

  public BiomedicalAnalyzer() {
    this(0);
  }

  /**
   * With {@code cacheSlots} above 0, each thread's token stream remembers what the per-word filters made of that many
   * recent words ({@link WordCache}, {@code cacheSlots * 64} bytes): the same tokens, for bulk analysis on long-lived
   * threads.
   */
  BiomedicalAnalyzer(int cacheSlots) {
    this(cacheSlots, true);
  }

  private BiomedicalAnalyzer(int cacheSlots, boolean partsOfNames) {
    this.cacheSlots = cacheSlots;
    this.partsOfNames = partsOfNames;
  }

  /**
   * For parsed queries: the same tokens, except that a biomedical name is searched whole only (not also as its parts,
   * which are indexed so that a search for {@code covid} finds {@code COVID-19}): {@code IL-6} must not match every
   * abstract with a 6 in it. Bag-of-words retrieval of claims keeps the parts (see {@link IndexSchema#textAnalyzer()}).
   */
  static BiomedicalAnalyzer forQueries() {
    return new BiomedicalAnalyzer(0, false);
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new HyphenJoinCharFilter(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream t = new CompoundTokenFilter(source, partsOfNames);
    t = cacheSlots > 0 ? new WordCache(t, BiomedicalAnalyzer::perWord, cacheSlots) : perWord(t);
    return new TokenStreamComponents(source, t);
  }

  /** The filters that look at one word at a time (what {@link WordCache} may remember). */
  private static TokenStream perWord(TokenStream t) {
    t = new EnglishPossessiveFilter(t);
    t = new LowerCaseFilter(t);
    t = new StopFilter(t, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    t = new AmericanSpellingFilter(t);
    return new PorterStemFilter(t);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }

  @Override
  public String toString() {
    return "BiomedicalAnalyzer(charFilter=hyphenJoin+narrowSpace, tokenizer=standard, filters=[biomedicalCompounds"
        + (partsOfNames ? "" : "(whole names only)")
        + ", englishPossessive, lowercase, stop(english), americanSpelling, porterStem])";
  }
}
