package org.claimcheck.server;

import java.io.Closeable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.RegExp;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.claimcheck.index.IndexQueryParser;
import org.claimcheck.index.IndexSchema;
import org.claimcheck.index.SearchRequest;

/**
 * Thread-safe. Checks a query before it runs, so that one request cannot tie the server up: bounded length, nesting,
 * number of terms and phrase slop; wildcards, prefixes and regular expressions need a literal prefix; fuzzy terms a
 * minimum length; range queries and unknown fields are refused with a message that says what to write instead.
 *
 * <p>Lucene-syntax queries are parsed here the way {@link org.claimcheck.index.AbstractSearcher} parses them (default
 * field {@code contents}, OR, no leading wildcards, the index's analyzer) and the parsed tree is inspected; the
 * searcher parses again when the query runs (a few microseconds).
 *
 * <p>The command line, which has none of the server's limits, checks the fields of the queries it is given here too
 * ({@link #checkTyped}), so that both refuse the same fields with the same words.
 */
public final class QueryGuard implements Closeable {
  /**
   * What a query may ask for.
   *
   * @param maxLength characters of query text (both syntaxes)
   * @param maxDepth levels of parentheses
   * @param maxTerms terms (leaves of the parsed query)
   * @param maxMultiTerm wildcard, prefix, regular-expression and fuzzy terms
   * @param minPrefix literal characters before a wildcard or regular expression; length of a fuzzy term
   * @param maxSlop phrase slop ({@code "a b"~N})
   */
  record Limits(int maxLength, int maxDepth, int maxTerms, int maxMultiTerm, int minPrefix, int maxSlop) {
    Limits {
      if (maxLength < 1 || maxDepth < 1 || maxTerms < 1 || maxMultiTerm < 0 || minPrefix < 1 || maxSlop < 0) {
        throw new IllegalArgumentException("query limits must be positive: " + this);
      }
    }

    static Limits defaults() {
      return new Limits(1000, 8, 256, 4, 3, 50);
    }
  }

  /**
   * A query that passed.
   *
   * @param expensive whether it has wildcard, prefix, regular-expression or fuzzy terms (these run in their own
   *     small lane so that they never hold up plain searches)
   */
  record Checked(boolean expensive) {}

  /**
   * What is wrong with a query, for whoever reports it (a 400 on the server, a usage error on the command line).
   *
   * @param error what is wrong
   * @param detail the part of the query it is about, at most about {@value #ECHO} characters of it
   * @param hint what to write instead
   */
  public record Problem(String error, String detail, String hint) {}

  /** The most characters of a query that a {@link Problem} echoes. */
  static final int ECHO = 100;

  /** Fields a query may name (the index's searchable fields), listed in error messages. */
  public static final List<String> FIELDS = List.of(IndexSchema.CONTENTS, IndexSchema.TITLE, IndexSchema.ABSTRACT,
      IndexSchema.ID, IndexSchema.JOURNAL, IndexSchema.PUBTYPE, IndexSchema.MESH, IndexSchema.MESH_MAJOR,
      IndexSchema.LANGUAGE, IndexSchema.HUMANS, IndexSchema.ANIMALS, IndexSchema.RETRACTED);
  private static final Set<String> KNOWN = Set.copyOf(FIELDS);
  /** Regular expressions are determinized when parsed; this bounds that work well below Lucene's default. */
  private static final int DETERMINIZE_WORK_LIMIT = 2_000;

  private final Limits limits;
  private final Analyzer analyzer = IndexSchema.queryAnalyzer();

  QueryGuard(Limits limits) {
    this.limits = limits;
  }

  Limits limits() {
    return limits;
  }

  /** Checks {@code q}; throws a 400 {@link ApiException} that says what is wrong. */
  Checked check(String q, SearchRequest.Syntax syntax) {
    if (q == null || q.isBlank()) {
      throw ApiException.badRequest("empty query", "parameter q",
          "Give a query, e.g. q=vitamin D AND title:fracture");
    }
    if (q.length() > limits.maxLength()) {
      throw ApiException.badRequest("query too long",
          q.length() + " characters, at most " + limits.maxLength(), "Shorten the query");
    }
    if (syntax == SearchRequest.Syntax.TEXT) {
      return new Checked(false);
    }
    int depth = nesting(q);
    if (depth > limits.maxDepth()) {
      throw ApiException.badRequest("query nested too deeply",
          depth + " levels of parentheses, at most " + limits.maxDepth(), "Flatten the query");
    }
    Query parsed = parse(q);
    Walk walk = new Walk();
    walk.visit(parsed, 0);
    if (walk.terms > limits.maxTerms()) {
      throw ApiException.badRequest("query too large", walk.terms + " terms, at most " + limits.maxTerms(),
          "Use fewer terms");
    }
    if (walk.multiTerm > limits.maxMultiTerm()) {
      throw ApiException.badRequest("too many wildcard, fuzzy or regular-expression terms",
          walk.multiTerm + ", at most " + limits.maxMultiTerm(), "Use fewer of them, or plain words");
    }
    return new Checked(walk.multiTerm > 0);
  }

  /**
   * The most automaton states a regular expression may build before it is determinized: Lucene expands every bounded
   * repeat, so {@code /vit(a{1,999}){1,999}/} would build a million states (minutes of work and hundreds of MB) before
   * the determinization limit is ever checked.
   */
  static final long MAX_REGEX_STATES = 20_000;

  /** Lucene's query parser, refusing regular expressions whose automaton would be too large to build. */
  private static final class GuardedParser extends IndexQueryParser {
    GuardedParser(Analyzer analyzer) {
      super(analyzer);
    }

    @Override
    protected Query newRegexpQuery(org.apache.lucene.index.Term regexp) {
      RegExp re;
      try {
        re = new RegExp(regexp.text(), RegExp.ALL, 0); // the flags QueryParser's RegexpQuery uses
      } catch (IllegalArgumentException e) {
        return super.newRegexpQuery(regexp); // let Lucene say what is malformed
      }
      if (states(re) > MAX_REGEX_STATES) {
        throw ApiException.badRequest("regular expression too complex", "/" + regexp.text() + "/",
            "Use a simpler regular expression: fewer and smaller {n,m} repeats");
      }
      return super.newRegexpQuery(regexp);
    }
  }

  /** An upper bound on the states of the automaton Lucene builds for {@code re} before determinizing it. */
  static long states(RegExp re) {
    return switch (re.kind) {
      case REGEXP_UNION, REGEXP_CONCATENATION -> add(states(re.exp1), states(re.exp2));
      case REGEXP_INTERSECTION -> times(states(re.exp1), states(re.exp2));
      case REGEXP_OPTIONAL, REGEXP_REPEAT, REGEXP_COMPLEMENT, REGEXP_DEPRECATED_COMPLEMENT -> add(states(re.exp1), 1);
      case REGEXP_REPEAT_MIN -> add(times(states(re.exp1), Math.max(re.min, 0) + 1L), 1);
      case REGEXP_REPEAT_MINMAX -> times(states(re.exp1), Math.max(Math.max(re.min, re.max), 1) + 1L);
      case REGEXP_STRING -> re.s == null ? 1 : re.s.length() + 1L;
      case REGEXP_INTERVAL -> 120L * Math.max(re.digits, 1);
      default -> 2;
    };
  }

  private static final long SATURATED = 1L << 40;

  private static long add(long a, long b) {
    return Math.min(SATURATED, a + b);
  }

  private static long times(long a, long b) {
    return a >= SATURATED / Math.max(b, 1) ? SATURATED : Math.min(SATURATED, a * b);
  }

  private Query parse(String q) {
    QueryParser parser = new GuardedParser(analyzer);
    parser.setDeterminizeWorkLimit(DETERMINIZE_WORK_LIMIT);
    try {
      return parser.parse(q);
    } catch (ParseException e) {
      String first = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      throw ApiException.badRequest("bad query", first,
          "Use Lucene query syntax (e.g. title:cobalamin AND deficiency), or quote special characters with \\");
    } catch (IndexSearcher.TooManyClauses e) {
      throw ApiException.badRequest("query too large", "more than " + IndexSearcher.getMaxClauseCount()
          + " clauses", "Use fewer terms or a narrower wildcard");
    } catch (ApiException e) {
      throw e;
    } catch (TooComplexToDeterminizeException e) {
      throw ApiException.badRequest("regular expression too complex", q, "Use a simpler regular expression");
    } catch (RuntimeException e) {
      // The parser reports some malformed input (a bad regular expression, say) as IllegalArgumentException.
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      throw ApiException.badRequest("bad query", m,
          "Use Lucene query syntax (e.g. title:cobalamin AND deficiency), or quote special characters with \\");
    }
  }

  /** The deepest nesting of parentheses outside quoted phrases and escapes. */
  static int nesting(String q) {
    int depth = 0;
    int max = 0;
    boolean quoted = false;
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        max = Math.max(max, ++depth);
      } else if (!quoted && c == ')') {
        depth = Math.max(0, depth - 1);
      }
    }
    return max;
  }

  /** Walks the parsed query, counting terms and checking each leaf. */
  private final class Walk {
    int terms;
    int multiTerm;

    void visit(Query q, int depth) {
      if (depth > limits.maxDepth() + 4) {
        throw ApiException.badRequest("query nested too deeply", "more than " + limits.maxDepth() + " levels",
            "Flatten the query");
      }
      switch (q) {
        case BooleanQuery b -> {
          for (BooleanClause c : b.clauses()) {
            visit(c.query(), depth + 1);
          }
        }
        case BoostQuery b -> visit(b.getQuery(), depth);
        case ConstantScoreQuery c -> visit(c.getQuery(), depth);
        case DisjunctionMaxQuery d -> {
          for (Query c : d.getDisjuncts()) {
            visit(c, depth + 1);
          }
        }
        case TermQuery t -> term(t.getTerm().field(), 1);
        case SynonymQuery s -> term(s.getField(), s.getTerms().size());
        case PhraseQuery p -> {
          term(p.getField(), p.getTerms().length);
          slop(p.getSlop());
        }
        case MultiPhraseQuery p -> {
          int n = 0;
          for (var ts : p.getTermArrays()) {
            n += ts.length;
            if (ts.length > 0) {
              field(ts[0].field());
            }
          }
          terms += n;
          slop(p.getSlop());
        }
        case FuzzyQuery f -> {
          term(f.getField(), 1);
          multiTerm++;
          if (f.getTerm().text().codePointCount(0, f.getTerm().text().length()) < limits.minPrefix()) {
            throw ApiException.badRequest("fuzzy term too short", "'" + f.getTerm().text() + "~' has fewer than "
                + limits.minPrefix() + " characters", "Use fuzzy matching (~) on longer words only");
          }
        }
        case TermRangeQuery r -> throw ApiException.badRequest("range queries are not supported",
            r.toString(), "Filter publication years with the year_from and year_to parameters");
        case AutomatonQuery a -> {
          // Wildcard, prefix and regular-expression queries: the terms they match all share the automaton's common
          // prefix, which bounds how much of the term dictionary they walk.
          term(a.getField(), 1);
          multiTerm++;
          // A word pattern adds exact words to its patterns (fracture* is also fractur): its patterns' prefix counts.
          String prefix = a instanceof IndexQueryParser.WordPatternQuery w ? w.fixedPrefix()
              : Operations.getCommonPrefix(a.getAutomaton());
          if (prefix.codePointCount(0, prefix.length()) < limits.minPrefix()) {
            throw ApiException.badRequest("wildcard or regular expression needs a longer literal prefix",
                "'" + a.toString(IndexSchema.CONTENTS) + "' has " + prefix.length() + " fixed letters before the "
                    + "first wildcard, at least " + limits.minPrefix(),
                "Put at least " + limits.minPrefix() + " letters before * ? or a regular expression's first "
                    + "special character");
          }
        }
        case MatchAllDocsQuery m -> terms++;
        case MatchNoDocsQuery m -> { }
        default -> throw ApiException.badRequest("unsupported query",
            q.getClass().getSimpleName() + ": " + q, "Use terms, phrases, boolean operators, fields and wildcards");
      }
    }

    private void term(String field, int n) {
      field(field);
      terms += n;
    }

    private void slop(int slop) {
      if (slop > limits.maxSlop()) {
        throw ApiException.badRequest("phrase slop too large", "~" + slop + ", at most " + limits.maxSlop(),
            "Use a smaller slop");
      }
    }

    private void field(String field) {
      Problem p = fieldProblem(field, "the year_from and year_to parameters");
      if (p != null) {
        throw ApiException.badRequest(p.error(), p.detail(), p.hint());
      }
    }
  }

  /**
   * Why a query may not name {@code field}, quoted as typed, or null when it may. Field names are case-sensitive: a
   * searchable field in other letters ({@code Title}) is named in lower case. {@code yearFilter} says how the caller
   * filters publication years, which are not searchable in the query.
   */
  private static Problem fieldProblem(String field, String yearFilter) {
    if (KNOWN.contains(field)) {
      return null;
    }
    String lower = field.toLowerCase(Locale.ROOT);
    if (lower.equals(IndexSchema.YEAR)) {
      return new Problem("year cannot be searched in the query", field + ":...",
          "Filter publication years with " + yearFilter);
    }
    String fields = "Search one of: " + String.join(", ", FIELDS) + " (contents is the default: title and abstract)";
    String instead = KNOWN.contains(lower) ? "Field names are case-sensitive: write " + lower + ": instead of "
        + field + ":. " : lower.equals("pmid") ? "The PubMed id is the field id: write id: instead of " + field
        + ":. " : "";
    return new Problem("unknown field", "'" + clip(field) + "'", instead + fields);
  }

  /**
   * Checks a Lucene-syntax query typed on the command line, which has none of the server's limits: what is wrong when
   * it does not parse, has more clauses than Lucene allows, or names a field the index cannot search (the fields the
   * server refuses, in the same words); null when it may run. Parsed as the searcher parses it.
   */
  public static Problem checkTyped(String q) {
    Query parsed;
    try {
      parsed = parseTyped(q);
    } catch (ParseException e) {
      if (e.getCause() instanceof IndexSearcher.TooManyClauses) {
        return tooManyClauses();
      }
      String first = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      return new Problem("bad query", clip(first.replace(q, clip(q)), 3 * ECHO),
          "Use Lucene query syntax (e.g. title:cobalamin AND deficiency), or quote special characters with \\");
    } catch (IndexSearcher.TooManyClauses e) {
      return tooManyClauses();
    } catch (RuntimeException e) {
      // The parser reports some malformed input (a bad regular expression, say) as IllegalArgumentException.
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      return new Problem("bad query", clip(m.replace(q, clip(q)), 3 * ECHO),
          "Use Lucene query syntax (e.g. title:cobalamin AND deficiency), or quote special characters with \\");
    }
    Set<String> fields = new LinkedHashSet<>();
    parsed.visit(new QueryVisitor() {
      @Override
      public boolean acceptField(String field) {
        fields.add(field);
        return false;
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this; // NOT clauses too, which the default visitor passes over
      }
    });
    for (String field : fields) {
      Problem p = fieldProblem(field, "--year");
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  /**
   * Whether a Lucene-syntax query has a group of only NOT clauses ({@code NOT fibrosis}, {@code a AND (NOT b)}): in
   * Lucene such a group matches nothing, not everything but what it excludes. False when the query does not parse.
   */
  public static boolean onlyExcludes(String q) {
    try {
      return onlyExcludes(parseTyped(q));
    } catch (ParseException | RuntimeException e) {
      return false;
    }
  }

  private static boolean onlyExcludes(Query q) {
    return switch (q) {
      case BooleanQuery b -> (!b.clauses().isEmpty()
          && b.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT))
          || b.clauses().stream().anyMatch(c -> onlyExcludes(c.query()));
      case BoostQuery b -> onlyExcludes(b.getQuery());
      default -> false;
    };
  }

  private static Query parseTyped(String q) throws ParseException {
    try (Analyzer analyzer = IndexSchema.queryAnalyzer()) {
      return new IndexQueryParser(analyzer).parse(q);
    }
  }

  private static Problem tooManyClauses() {
    return new Problem("query too large", "more than " + IndexSearcher.getMaxClauseCount() + " clauses",
        "Use fewer words, or search them as plain words (--syntax text), which keeps the first "
            + SearchRequest.MAX_TEXT_TERMS + " distinct ones");
  }

  private static String clip(String s) {
    return clip(s, ECHO);
  }

  private static String clip(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    return s.substring(0, Character.isHighSurrogate(s.charAt(max - 4)) ? max - 4 : max - 3) + "...";
  }

  @Override
  public void close() {
    analyzer.close();
  }
}
