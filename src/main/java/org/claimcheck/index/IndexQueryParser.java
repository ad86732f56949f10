package org.claimcheck.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.claimcheck.nlp.Spelling;

/**
 * One per thread (a Lucene query parser). Lucene's classic query parser as {@code search} and the API parse queries:
 * default field {@code contents}, OR, no leading wildcard, words split on white space, a word the analysis splits
 * into several terms ({@code long-term}) searched as their phrase, and wildcard and prefix terms on the text fields
 * matched against the index's terms as a user means them.
 *
 * <p>The text fields hold analysed terms (lower case, American spelling, Porter stems: "fracture" is {@code fractur},
 * "therapy" {@code therapi}), so a pattern compared with them as typed finds nothing for a whole word
 * ({@code fracture*}). A prefix term matches what its letters matched before, the same prefix in American spelling
 * ({@code tumour*} also {@code tumor*}) and the word itself as a plain search finds it ({@code fractur}): not the
 * stem as a prefix, which would widen {@code cells*} to {@code cellular}. A wildcard term matches its pattern, the
 * pattern with its last literal part analysed ({@code hom?cysteine} also {@code hom?cystein}), and, with at most two
 * {@code ?} and no {@code *}, each word it spells with a letter for each {@code ?} as the analysis makes it
 * ({@code randomi?ed}: {@code random}; {@code colo?r}: {@code color}). Fuzzy terms and regular expressions are
 * compared with the terms as they are.
 */
public class IndexQueryParser extends QueryParser {
  /** The most {@code ?} a pattern may have for its words to be spelled out (26 letters each). */
  private static final int MAX_SPELLED = 2;

  private final Analyzer analyzer;

  /** A parser over {@code analyzer} (the index's {@link IndexSchema#queryAnalyzer()}). */
  public IndexQueryParser(Analyzer analyzer) {
    super(IndexSchema.CONTENTS, analyzer);
    this.analyzer = analyzer;
    setDefaultOperator(QueryParser.Operator.OR);
    setAllowLeadingWildcard(false);
    // Words apart, as Lucene 9 did: mesh:(Humans Male) is two values, not the one value "humans male".
    setSplitOnWhitespace(true);
    // A word the analysis splits (long-term, anti-inflammatory) is searched as the phrase of its parts, not as
    // either part; a biomedical name (IL-6) is one term already.
    setAutoGeneratePhraseQueries(true);
  }

  private static boolean textField(String field) {
    return field.equals(IndexSchema.CONTENTS) || field.equals(IndexSchema.TITLE) || field.equals(IndexSchema.ABSTRACT);
  }

  @Override
  protected Query newPrefixQuery(Term prefix) {
    String field = prefix.field();
    String lit = prefix.text();
    if (!textField(field) || lit.isEmpty()) {
      return super.newPrefixQuery(prefix);
    }
    List<String> prefixes = new ArrayList<>(List.of(lit));
    String american = Spelling.american(lit);
    if (!american.equals(lit)) {
      prefixes.add(american);
    }
    String word = analysedWord(field, lit);
    if (prefixes.size() == 1 && (word == null || word.equals(lit))) {
      return super.newPrefixQuery(prefix);
    }
    List<Automaton> parts = new ArrayList<>();
    for (String p : prefixes) {
      parts.add(PrefixQuery.toAutomaton(new BytesRef(p)));
    }
    if (word != null) {
      parts.add(Automata.makeString(word));
    }
    String fixed = prefixes.stream().min(Comparator.comparingInt(String::length)).orElseThrow();
    Query q = wordPattern(field, lit + "*", parts, fixed);
    return q == null ? super.newPrefixQuery(prefix) : q;
  }

  @Override
  protected Query newWildcardQuery(Term t) {
    String field = t.field();
    String pattern = t.text();
    if (!textField(field) || pattern.indexOf(WildcardQuery.WILDCARD_ESCAPE) >= 0) {
      return super.newWildcardQuery(t);
    }
    int first = firstWildcard(pattern);
    if (first <= 0) {
      return super.newWildcardQuery(t);
    }
    List<Automaton> parts = new ArrayList<>();
    parts.add(WildcardQuery.toAutomaton(t, getDeterminizeWorkLimit()));
    // The last literal part ends the word (or its beginning, before a final *): analysed as a word on its own.
    int end = pattern.length();
    while (end > 0 && pattern.charAt(end - 1) == WildcardQuery.WILDCARD_STRING) {
      end--;
    }
    int lastLiteral = lastWildcard(pattern.substring(0, end)) + 1;
    if (lastLiteral > 0 && lastLiteral < end) {
      String tail = pattern.substring(lastLiteral, end);
      String analysed = analysedWord(field, tail);
      if (analysed != null && !analysed.equals(tail)) {
        parts.add(WildcardQuery.toAutomaton(new Term(field, pattern.substring(0, lastLiteral) + analysed),
            getDeterminizeWorkLimit()));
      }
    }
    TreeSet<BytesRef> words = new TreeSet<>();
    if (pattern.indexOf(WildcardQuery.WILDCARD_STRING) < 0
        && pattern.chars().filter(c -> c == WildcardQuery.WILDCARD_CHAR).count() <= MAX_SPELLED) {
      spell(field, pattern.toCharArray(), 0, words);
    }
    if (!words.isEmpty()) {
      parts.add(Automata.makeStringUnion(words));
    }
    if (parts.size() == 1) {
      return super.newWildcardQuery(t);
    }
    Query q = wordPattern(field, pattern, parts, pattern.substring(0, first));
    return q == null ? super.newWildcardQuery(t) : q;
  }

  private static int firstWildcard(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == WildcardQuery.WILDCARD_STRING || c == WildcardQuery.WILDCARD_CHAR) {
        return i;
      }
    }
    return -1;
  }

  private static int lastWildcard(String s) {
    for (int i = s.length() - 1; i >= 0; i--) {
      char c = s.charAt(i);
      if (c == WildcardQuery.WILDCARD_STRING || c == WildcardQuery.WILDCARD_CHAR) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Adds the analysed form of each word {@code pattern} spells with a letter a-z for each {@code ?} from {@code at}.
   */
  private void spell(String field, char[] pattern, int at, TreeSet<BytesRef> out) {
    int i = at;
    while (i < pattern.length && pattern[i] != WildcardQuery.WILDCARD_CHAR) {
      i++;
    }
    if (i == pattern.length) {
      String word = new String(pattern);
      String analysed = analysedWord(field, word);
      if (analysed != null && !analysed.equals(word)) {
        out.add(new BytesRef(analysed));
      }
      return;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      pattern[i] = c;
      spell(field, pattern, i + 1, out);
    }
    pattern[i] = WildcardQuery.WILDCARD_CHAR;
  }

  /** {@code word} as the field's analysis makes it when that is one term, else null (a stop word, several terms). */
  private String analysedWord(String field, String word) {
    try (TokenStream ts = analyzer.tokenStream(field, word)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      String out = ts.incrementToken() ? term.toString() : null;
      if (out != null && ts.incrementToken()) {
        out = null;
      }
      ts.end();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The union of {@code parts} as one query, or null when it is too complex to determinize (the pattern alone then).
   */
  private Query wordPattern(String field, String typed, List<Automaton> parts, String fixedPrefix) {
    try {
      Automaton a = Operations.determinize(Operations.union(parts), getDeterminizeWorkLimit());
      return new WordPatternQuery(new Term(field, typed), a, fixedPrefix, getMultiTermRewriteMethod());
    } catch (TooComplexToDeterminizeException e) {
      return null;
    }
  }

  /**
   * A prefix or wildcard term on a text field matched as {@link IndexQueryParser} says: the automaton of what it
   * matches, shown as typed ({@code contents:fracture*}).
   */
  public static final class WordPatternQuery extends AutomatonQuery {
    private final String fixedPrefix;

    WordPatternQuery(Term typed, Automaton automaton, String fixedPrefix, MultiTermQuery.RewriteMethod rewrite) {
      super(typed, automaton, false, rewrite);
      this.fixedPrefix = fixedPrefix;
    }

    /**
     * The shortest literal beginning of the patterns it walks the term dictionary for (the words it adds are exact
     * terms, cheap to look up): what bounds its cost.
     */
    public String fixedPrefix() {
      return fixedPrefix;
    }

    @Override
    public String toString(String field) {
      return (getField().equals(field) ? "" : getField() + ":") + term.text();
    }
  }
}
