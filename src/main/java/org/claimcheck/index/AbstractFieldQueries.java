package org.claimcheck.index;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanPositionRangeQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Thread-safe (stateless). Searches of the {@code abstract} field, answered from {@code contents}: the index keeps the
 * abstract's words in {@code contents} from {@link IndexSchema#ABSTRACT_POSITION} on, after the title's, instead of
 * inverting them a second time into a field of their own (which cost a sixth of the indexing CPU). A term, phrase,
 * synonym set or wildcard on {@code abstract} becomes the same search on {@code contents} as a span query that must
 * start at or after that position.
 *
 * <p>What matches is exactly what an {@code abstract} field would match. Scores differ a little from BM25 on an
 * abstract-only field: the length is the record's (title and abstract) and the document frequency counts titles too.
 * A wildcard, prefix or regular expression on {@code abstract} is expanded into its matching words, at most
 * {@link org.apache.lucene.search.IndexSearcher#getMaxClauseCount()} of them (the search then fails with
 * {@link org.apache.lucene.search.IndexSearcher.TooManyClauses}).
 */
public final class AbstractFieldQueries {
  private AbstractFieldQueries() {}

  /** {@code q} with every leaf on {@code abstract} answered from {@code contents}; {@code q} itself when it has none. */
  public static Query rewrite(Query q) {
    return switch (q) {
      case BooleanQuery b -> {
        BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(
            b.getMinimumNumberShouldMatch());
        boolean changed = false;
        for (BooleanClause c : b.clauses()) {
          Query r = rewrite(c.query());
          changed |= r != c.query();
          out.add(r, c.occur());
        }
        yield changed ? out.build() : b;
      }
      case BoostQuery b -> {
        Query r = rewrite(b.getQuery());
        yield r == b.getQuery() ? b : new BoostQuery(r, b.getBoost());
      }
      case ConstantScoreQuery c -> {
        Query r = rewrite(c.getQuery());
        yield r == c.getQuery() ? c : new ConstantScoreQuery(r);
      }
      case DisjunctionMaxQuery d -> {
        List<Query> out = new ArrayList<>();
        boolean changed = false;
        for (Query c : d.getDisjuncts()) {
          Query r = rewrite(c);
          changed |= r != c;
          out.add(r);
        }
        yield changed ? new DisjunctionMaxQuery(out, d.getTieBreakerMultiplier()) : d;
      }
      case TermQuery t when inAbstract(t.getTerm().field()) -> fromPosition(term(t.getTerm()));
      case SynonymQuery s when inAbstract(s.getField()) -> fromPosition(anyOf(s.getTerms()));
      case PhraseQuery p when inAbstract(p.getField()) ->
          fromPosition(near(p.getPositions(), i -> new Term[] {p.getTerms()[i]}, p.getSlop()));
      case MultiPhraseQuery p when p.getTermArrays().length > 0 && p.getTermArrays()[0].length > 0
          && inAbstract(p.getTermArrays()[0][0].field()) ->
          fromPosition(near(p.getPositions(), i -> p.getTermArrays()[i], p.getSlop()));
      case FuzzyQuery f when inAbstract(f.getField()) -> fromPosition(new SpanMultiTermQueryWrapper<>(
          new FuzzyQuery(contents(f.getTerm()), f.getMaxEdits(), f.getPrefixLength(),
              FuzzyQuery.defaultMaxExpansions, f.getTranspositions())));
      // Wildcards, prefixes, regular expressions and ranges: the same automaton over contents (the term only names it).
      case AutomatonQuery a when inAbstract(a.getField()) -> fromPosition(new SpanMultiTermQueryWrapper<>(
          new AutomatonQuery(new Term(IndexSchema.CONTENTS, a.toString(IndexSchema.ABSTRACT)), a.getAutomaton(),
              a.isAutomatonBinary())));
      default -> q;
    };
  }

  private static boolean inAbstract(String field) {
    return IndexSchema.ABSTRACT.equals(field);
  }

  private static Term contents(Term t) {
    return new Term(IndexSchema.CONTENTS, t.bytes());
  }

  private static SpanQuery term(Term t) {
    return new SpanTermQuery(contents(t));
  }

  private static SpanQuery anyOf(List<Term> terms) {
    if (terms.size() == 1) {
      return term(terms.getFirst());
    }
    return new SpanOrQuery(terms.stream().map(AbstractFieldQueries::term).toArray(SpanQuery[]::new));
  }

  /**
   * The words of a phrase ({@code termsAt} the i-th of {@code positions}) at their positions, in order and with the gaps
   * the analysis left (stop words), within {@code slop}; with a slop, in any order, as a sloppy phrase allows (the gaps
   * then add to the slop). Words at one position are alternatives (a biomedical name stacked on its first part).
   */
  private static SpanQuery near(int[] positions, IntFunction<Term[]> termsAt, int slop) {
    TreeMap<Integer, List<Term>> at = new TreeMap<>();
    for (int i = 0; i < positions.length; i++) {
      at.computeIfAbsent(positions[i], k -> new ArrayList<>()).addAll(List.of(termsAt.apply(i)));
    }
    if (at.size() == 1) {
      return anyOf(at.firstEntry().getValue());
    }
    boolean inOrder = slop == 0;
    int gaps = 0;
    int last = at.firstKey();
    SpanNearQuery.Builder b = new SpanNearQuery.Builder(IndexSchema.CONTENTS, inOrder);
    for (var e : at.entrySet()) {
      int gap = e.getKey() - last - 1;
      if (gap > 0) {
        if (inOrder) {
          b.addGap(gap);
        } else {
          gaps += gap;
        }
      }
      last = e.getKey();
      b.addClause(anyOf(e.getValue()));
    }
    return b.setSlop(slop + gaps).build();
  }

  private static Query fromPosition(SpanQuery q) {
    return new SpanPositionRangeQuery(q, IndexSchema.ABSTRACT_POSITION, Integer.MAX_VALUE);
  }
}
