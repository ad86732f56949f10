package org.claimcheck.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.IntField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StandardDirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.apache.lucene.util.automaton.Operations;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Json;
import org.claimcheck.nlp.Spelling;
import org.claimcheck.pubmed.PubmedRecord;
import org.jsoup.nodes.Entities;

/**
 * Thread-safe. Searches the abstract index with BM25. Holds one {@link SearcherManager} at a time; every search
 * acquires a searcher and releases it in {@code finally}, and {@link #refresh()} picks up what the nightly job
 * committed (or an index rebuilt in place, with a new manager).
 */
public final class AbstractSearcher implements Closeable {
  /** BM25 parameters; Anserini's BEIR baselines use k1 = 0.9, b = 0.4. */
  public record Bm25(float k1, float b) {
    public static final Bm25 DEFAULT = new Bm25(0.9f, 0.4f);

    public Bm25 {
      if (!(k1 >= 0) || !(b >= 0 && b <= 1)) {
        throw new IllegalArgumentException("BM25 needs k1 >= 0 and 0 <= b <= 1: k1=" + k1 + " b=" + b);
      }
    }
  }

  private static final int MAX_CLAUSES = SearchRequest.MAX_TEXT_TERMS;
  /** The most hits fetched to break a run of tied scores by id. */
  private static final int MAX_TIE_WINDOW = 4 * SearchRequest.MAX_HITS;

  private final Path path;
  private final Directory directory;
  private final SearcherFactory factory;
  /** Replaced only by {@link #refresh()}, when the index was rebuilt in place; see {@link #acquire()}. */
  private volatile SearcherManager manager;
  private final Analyzer analyzer = IndexSchema.queryAnalyzer();
  private final Analyzer textAnalyzer = IndexSchema.textAnalyzer();
  /** Dense or hybrid ranking of plain-words queries, or null for BM25 alone. */
  private final HybridRanker hybrid;
  private volatile DocFreqs docFreqs;
  private volatile RecordCache records = new RecordCache(DEFAULT_RECORD_CACHE);

  /** How many records searches keep in memory unless told otherwise (about 20 MB of PubMed records). */
  public static final int DEFAULT_RECORD_CACHE = 4096;

  /** The record cache's size and use since it was set. */
  public record CacheStats(int capacity, int size, long hits, long misses) {}

  private AbstractSearcher(Path path, Directory directory, SearcherFactory factory, SearcherManager manager,
      HybridRanker hybrid) {
    this.path = path;
    this.directory = directory;
    this.factory = factory;
    this.manager = manager;
    this.hybrid = hybrid;
  }

  /**
   * Opens the index at {@code dir} for searching; a missing or incompatible index is a clear error. An index with
   * vectors ranks plain-words queries hybrid (BM25 + dense, see {@link HybridRanker}); others rank by BM25.
   */
  public static AbstractSearcher open(Path dir, Bm25 bm25) {
    return open(dir, bm25, HybridRanker.Settings.of(HybridRanker.Mode.AUTO), null);
  }

  /**
   * As {@link #open(Path, Bm25)}, ranking as {@code ranking} says; {@code vectors} embeds the queries (null: the
   * shipped model is loaded when the index has vectors; a given one stays the caller's to close).
   */
  public static AbstractSearcher open(Path dir, Bm25 bm25, HybridRanker.Settings ranking, DenseVectors vectors) {
    if (!Files.isDirectory(dir)) {
      throw ClaimcheckException.usage("no index", dir.toString(),
          "Build one first: claimcheck index --index " + dir + " FILE.xml...");
    }
    Directory directory = null;
    try {
      directory = FSDirectory.open(dir);
      if (!DirectoryReader.indexExists(directory)) {
        List<String> others = IndexCheck.otherFiles(dir);
        if (!others.isEmpty()) {
          throw ClaimcheckException.usage("not an index folder", dir + " holds " + IndexCheck.shown(others)
              + " and no index", "Give --index the folder `claimcheck index` built (default: corpus/index)");
        }
        throw ClaimcheckException.usage("no index", dir.toString(),
            "Build one first: claimcheck index --index " + dir + " FILE.xml...");
      }
      IndexCheck.requireCompatible(directory, dir);
      BM25Similarity similarity = new BM25Similarity(bm25.k1(), bm25.b());
      SearcherFactory factory = new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
            org.apache.lucene.index.IndexReader previous) {
          IndexSearcher s = new IndexSearcher(reader);
          s.setSimilarity(similarity);
          return s;
        }
      };
      SearcherManager manager = new SearcherManager(directory, factory);
      HybridRanker hybrid;
      try {
        hybrid = HybridRanker.forIndex(dir, manager, ranking, vectors);
      } catch (RuntimeException e) {
        IOUtils.closeWhileHandlingException(manager);
        throw e;
      }
      return new AbstractSearcher(dir, directory, factory, manager, hybrid);
    } catch (IOException e) {
      IOUtils.closeWhileHandlingException(directory);
      throw new ClaimcheckException("cannot open the index", dir + ": " + e.getMessage(),
          "Rebuild it with claimcheck index if it is damaged");
    } catch (RuntimeException e) {
      IOUtils.closeWhileHandlingException(directory);
      throw e;
    }
  }

  public Path path() {
    return path;
  }

  /** How hits are ranked: BM25, or the dense or hybrid ranking with its model and settings, for manifests. */
  public String ranking() {
    return hybrid == null ? "BM25" : hybrid.describe();
  }

  /** The ranking plain-words queries get: BM25, DENSE or HYBRID. */
  public HybridRanker.Mode mode() {
    return hybrid == null ? HybridRanker.Mode.BM25 : hybrid.mode();
  }

  /** Whether {@code dir} holds an index (of any version). */
  public static boolean exists(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Directory d = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(d);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Keeps up to {@code capacity} records read by searches in memory (0: none), replacing the cache and its counts;
   * see {@link RecordCache}.
   */
  public void recordCache(int capacity) {
    records = new RecordCache(capacity);
  }

  /** The record cache's capacity, size, hits and misses. */
  public CacheStats recordCacheStats() {
    RecordCache c = records;
    return new CacheStats(c.capacity(), c.size(), c.hits(), c.misses());
  }

  /**
   * Picks up the latest commit, if there is a new one. An index rebuilt in place (its folder removed and indexed again)
   * cannot be refreshed from the old reader: Lucene refuses (a segment of the same name holding other documents) or,
   * when the new commit has the old one's generation and version, sees nothing new. Then the index is opened afresh
   * and put in the old one's place; searches in progress finish on the old one, which closes when the last of them
   * releases it. When neither works, the old one goes on serving and the exception says why both failed.
   */
  public synchronized void refresh() throws IOException {
    SearcherManager old = manager;
    Exception failed = null;
    try {
      old.maybeRefresh();
      if (!replaced(old)) {
        return;
      }
    } catch (IOException | RuntimeException e) {
      failed = e;
    }
    SearcherManager fresh;
    try {
      IndexCheck.requireCompatible(directory, path);
      fresh = new SearcherManager(directory, factory);
    } catch (IOException | RuntimeException again) {
      IOException both = new IOException((failed == null ? "the index was replaced and cannot be opened"
          : "cannot refresh the index (" + describe(failed) + ") nor open it") + " afresh (" + describe(again) + ")",
          failed == null ? again : failed);
      if (failed != null) {
        both.addSuppressed(again);
      }
      throw both;
    }
    manager = fresh;
    // Closing drops only the manager's own reference: searchers acquired from it stay open until released.
    old.close();
  }

  /**
   * Whether the latest commit is another index than the one {@code m} reads after a refresh that found nothing to
   * refuse: commit ids differ (a commit that lands just now counts too, and costs a fresh open instead of a refresh).
   */
  private boolean replaced(SearcherManager m) throws IOException {
    IndexSearcher s = m.acquire();
    try {
      return s.getIndexReader() instanceof StandardDirectoryReader r
          && !Arrays.equals(r.getSegmentInfos().getId(), SegmentInfos.readLatestCommit(directory).getId());
    } finally {
      m.release(s);
    }
  }

  private static String describe(Throwable e) {
    return e instanceof ClaimcheckException c ? c.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /**
   * A searcher of the current manager, to be given back with {@link #release}. A refresh may swap the manager and
   * close the old one between reading the field and acquiring: then the new one is asked.
   */
  private IndexSearcher acquire() throws IOException {
    while (true) {
      SearcherManager m = manager;
      try {
        return m.acquire();
      } catch (org.apache.lucene.store.AlreadyClosedException e) {
        if (m == manager) {
          throw e;
        }
      }
    }
  }

  /** Gives back a searcher from {@link #acquire()}, whichever manager it came from. */
  private static void release(IndexSearcher s) throws IOException {
    s.getIndexReader().decRef();
  }

  /** Number of abstracts in the index. */
  public int size() throws IOException {
    IndexSearcher s = acquire();
    try {
      return s.getIndexReader().numDocs();
    } finally {
      release(s);
    }
  }

  /** Runs a search; hits are sorted by score, then by id. */
  public List<SearchHit> search(SearchRequest request) throws IOException {
    return page(request).hits();
  }

  /**
   * Runs a search; without {@code highlight} the hits carry no best sentence (-1, null): callers that only need the
   * records (verification, evaluation) skip the sentence analysis.
   */
  public List<SearchHit> search(SearchRequest request, boolean highlight) throws IOException {
    return page(request, highlight).hits();
  }

  /**
   * Runs a search and returns the page {@link SearchRequest#offset()} asks for, with the number of matching records.
   * Hits are sorted by score, then by id; a page holds hits {@code offset + 1} to {@code offset + hits} of that order.
   */
  public SearchPage page(SearchRequest request) throws IOException {
    return page(request, true);
  }

  /** {@link #page(SearchRequest)}, with or without best-sentence highlights. */
  public SearchPage page(SearchRequest request, boolean highlight) throws IOException {
    Query query = buildQuery(request);
    IndexSearcher s = acquire();
    try {
      int want = request.offset() + request.hits();
      // Lucene cuts a run of tied scores by internal doc id; fetch the whole run that ends the page, so that ties are
      // broken by record id whatever the page size. One hit more than the page shows whether the run goes on (the
      // first pass fetched the page alone and always searched again, twice as deep).
      int n = want + 1;
      TopDocs top = topDocs(s, query, request, n);
      while (top.scoreDocs.length == n && n < MAX_TIE_WINDOW
          && top.scoreDocs[n - 1].score == top.scoreDocs[want - 1].score) {
        n = Math.min(n * 2, MAX_TIE_WINDOW);
        top = topDocs(s, query, request, n);
      }
      ScoreDoc[] docs = top.scoreDocs;
      int from = Math.min(request.offset(), docs.length);
      int to = Math.min(request.offset() + request.hits(), docs.length);
      // Lucene breaks ties by internal doc id, we break them by record id: read the page's records and those tied
      // with its first and last hit, sort them, and cut the page out.
      int lo = from;
      while (lo > 0 && from < docs.length && docs[lo - 1].score == docs[from].score) {
        lo--;
      }
      int hi = to;
      while (hi > from && hi < docs.length && docs[hi].score == docs[to - 1].score) {
        hi++;
      }
      var stored = s.storedFields();
      RecordCache cache = records;
      List<ScoredRecord> window = new ArrayList<>(hi - lo);
      for (int i = lo; i < hi; i++) {
        window.add(new ScoredRecord(docs[i].score, cache.load(s.getIndexReader(), stored, docs[i].doc)));
      }
      window.sort(Comparator.comparingDouble((ScoredRecord r) -> -r.score())
          .thenComparing(r -> r.loaded().record.id()));
      List<ScoredRecord> page = window.subList(from - lo, to - lo);
      QueryTerms terms = highlight ? queryTerms(s, query) : null;
      List<SearchHit> hits = new ArrayList<>(page.size());
      for (int i = 0; i < page.size(); i++) {
        ScoredRecord r = page.get(i);
        int rank = request.offset() + i + 1;
        hits.add(highlight ? highlight(rank, r.score(), r.loaded(), terms)
            : new SearchHit(rank, r.score(), r.loaded().record, -1, null));
      }
      return new SearchPage(top.totalHits.value(),
          top.totalHits.relation() == org.apache.lucene.search.TotalHits.Relation.EQUAL_TO, request.offset(), hits);
    } finally {
      release(s);
    }
  }

  /** The best {@code n} or more hits: hybrid (or dense) for plain-words queries of an index with vectors, else BM25. */
  private TopDocs topDocs(IndexSearcher s, Query query, SearchRequest request, int n) throws IOException {
    if (hybrid != null && HybridRanker.plainWords(query, request)) {
      return hybrid.search(s, query, request.query(), request.hasFilters(), n);
    }
    return search(s, query, n);
  }

  private static TopDocs search(IndexSearcher s, Query query, int n) throws IOException {
    try {
      return s.search(query, n);
    } catch (IndexSearcher.TooManyClauses e) {
      // Only a wildcard, prefix, fuzzy term or regular expression on abstract: is expanded word by word.
      throw ClaimcheckException.usage("wildcard matches too many words", "a wildcard, fuzzy term or regular "
          + "expression on abstract: matches more than " + IndexSearcher.getMaxClauseCount() + " words",
          "Give it more fixed letters, or search contents (title and abstract), where wildcards have no such limit");
    }
  }

  /** The most terms of a filter field {@link #unmatchedFilterValues} reads to find the closest known values. */
  private static final int MAX_KNOWN_VALUES = 200_000;

  /**
   * The values of keyword filter {@code field} ({@link IndexSchema#PUBTYPE} or {@link IndexSchema#MESH}) that no
   * record holds (matched as the filters match them: whatever the case), each with up to three values the index
   * holds that come closest to it (its initials: "RCT" for randomized controlled trial; a word of it; a few letters
   * off), in the order given. Empty when every value matches a record.
   */
  public Map<String, List<String>> unmatchedFilterValues(String field, List<String> values) throws IOException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    IndexSearcher s = acquire();
    try {
      IndexReader reader = s.getIndexReader();
      for (String v : values) {
        String lower = AbstractIndexer.lower(v);
        if (!lower.isEmpty() && reader.docFreq(new Term(field, lower)) == 0 && !out.containsKey(v)) {
          out.put(v, closest(reader, field, lower));
        }
      }
    } finally {
      release(s);
    }
    return out;
  }

  /** Up to three of {@code field}'s values closest to {@code wanted} (see {@link #unmatchedFilterValues}). */
  private static List<String> closest(IndexReader reader, String field, String wanted) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, field);
    if (terms == null) {
      return List.of();
    }
    String letters = wanted.replaceAll("[^\\p{L}\\p{N}]", "");
    int maxEdits = Math.max(2, wanted.length() / 4);
    record Near(int rank, String value) {}
    List<Near> near = new ArrayList<>();
    TermsEnum te = terms.iterator();
    BytesRef t;
    for (int i = 0; i < MAX_KNOWN_VALUES && (t = te.next()) != null; i++) {
      String known = t.utf8ToString();
      int rank;
      if (letters.length() >= 2 && letters.equals(initials(known))) {
        rank = 0;
      } else if ((" " + known + " ").contains(" " + wanted + " ") || wanted.contains(known)) {
        rank = 1;
      } else if (Math.abs(known.length() - wanted.length()) <= maxEdits) {
        int d = edits(wanted, known, maxEdits);
        if (d > maxEdits) {
          continue;
        }
        rank = 2 + d;
      } else {
        continue;
      }
      near.add(new Near(rank, known));
    }
    return near.stream().sorted(Comparator.comparingInt(Near::rank).thenComparing(Near::value)).limit(3)
        .map(Near::value).toList();
  }

  /** The first letter or digit of each word of {@code s}. */
  private static String initials(String s) {
    StringBuilder sb = new StringBuilder();
    for (String w : s.split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        sb.append(w.charAt(0));
      }
    }
    return sb.toString();
  }

  /** The edit distance of {@code a} and {@code b}, or {@code max + 1} when it is more than {@code max}. */
  static int edits(String a, String b, int max) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > max) {
        return max + 1;
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return Math.min(prev[b.length()], max + 1);
  }

  /** Which of {@code ids} the index holds (the last commit the searcher has seen), in the order given. */
  public Set<String> existing(java.util.Collection<String> ids) throws IOException {
    Set<String> out = new java.util.LinkedHashSet<>();
    IndexSearcher s = acquire();
    try {
      for (String id : ids) {
        if (id != null && s.count(new TermQuery(new Term(IndexSchema.ID, id))) > 0) {
          out.add(id);
        }
      }
    } finally {
      release(s);
    }
    return out;
  }

  /** The record stored under {@code id}, or null. */
  public PubmedRecord get(String id) throws IOException {
    IndexSearcher s = acquire();
    try {
      TopDocs top = s.search(new TermQuery(new Term(IndexSchema.ID, id)), 1);
      if (top.scoreDocs.length == 0) {
        return null;
      }
      return records.read(s.getIndexReader(), s.storedFields(), top.scoreDocs[0].doc);
    } finally {
      release(s);
    }
  }

  private record ScoredRecord(float score, RecordCache.Loaded loaded) {}

  /**
   * The Lucene query for a request, filters included (as the first MUST clause, filters as FILTER / MUST_NOT clauses:
   * {@link HybridRanker} reads this shape).
   */
  Query buildQuery(SearchRequest request) {
    Query main = switch (request.syntax()) {
      case LUCENE -> parse(request.query());
      case TEXT -> bagOfWords(request.query());
    };
    if (!request.hasFilters()) {
      return main;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(main, BooleanClause.Occur.MUST);
    if (request.yearFrom() != null || request.yearTo() != null) {
      int from = request.yearFrom() == null ? Integer.MIN_VALUE : request.yearFrom();
      int to = request.yearTo() == null ? Integer.MAX_VALUE : request.yearTo();
      b.add(IntField.newRangeQuery(IndexSchema.YEAR, from, to), BooleanClause.Occur.FILTER);
    }
    if (!request.pubTypes().isEmpty()) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      request.pubTypes().forEach(t ->
          any.add(new TermQuery(new Term(IndexSchema.PUBTYPE, AbstractIndexer.lower(t))), BooleanClause.Occur.SHOULD));
      b.add(any.build(), BooleanClause.Occur.FILTER);
    }
    for (String m : request.mesh()) {
      b.add(new TermQuery(new Term(IndexSchema.MESH, AbstractIndexer.lower(m))), BooleanClause.Occur.FILTER);
    }
    if (request.humans() != null) {
      b.add(new TermQuery(new Term(IndexSchema.HUMANS, request.humans().toString())), BooleanClause.Occur.FILTER);
    }
    if (request.animals() != null) {
      b.add(new TermQuery(new Term(IndexSchema.ANIMALS, request.animals().toString())), BooleanClause.Occur.FILTER);
    }
    if (request.excludeRetracted()) {
      b.add(new TermQuery(new Term(IndexSchema.RETRACTED, "true")), BooleanClause.Occur.MUST_NOT);
    }
    return b.build();
  }

  private Query parse(String q) {
    QueryParser parser = new IndexQueryParser(analyzer);
    try {
      return AbstractFieldQueries.rewrite(parser.parse(q));
    } catch (ParseException | IllegalArgumentException e) {
      throw ClaimcheckException.usage("bad query", q + ": " + e.getMessage().lines().findFirst().orElse(""),
          "Use Lucene query syntax (e.g. title:cobalamin AND deficiency), or quote special characters with \\");
    } catch (IndexSearcher.TooManyClauses e) {
      throw ClaimcheckException.usage("query too large", "more than " + IndexSearcher.getMaxClauseCount()
          + " clauses", "Use fewer terms or a narrower wildcard");
    }
  }

  /** The words of {@code text} as a disjunction of analysed terms, each boosted by how often it occurs. */
  Query bagOfWords(String text) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (TokenStream ts = textAnalyzer.tokenStream(IndexSchema.CONTENTS, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && counts.size() < MAX_CLAUSES) {
        counts.merge(term.toString(), 1, Integer::sum);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (counts.isEmpty()) {
      return new MatchNoDocsQuery("no searchable words");
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    counts.forEach((t, n) -> {
      Query tq = new TermQuery(new Term(IndexSchema.CONTENTS, t));
      b.add(n > 1 ? new BoostQuery(tq, n) : tq, BooleanClause.Occur.SHOULD);
    });
    return b.build();
  }

  /**
   * The query's analysed terms of the text fields, each with its idf, and its wildcard, prefix, fuzzy and
   * regular-expression terms there (not those under NOT), each weighed as the most frequent word it matches.
   */
  private QueryTerms queryTerms(IndexSearcher s, Query query) throws IOException {
    Set<Term> terms = new HashSet<>();
    Map<Query, Supplier<ByteRunAutomaton>> multi = new LinkedHashMap<>();
    query.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query q, Term... ts) {
        terms.addAll(Arrays.asList(ts));
      }

      @Override
      public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
        if (field.equals(IndexSchema.CONTENTS) || field.equals(IndexSchema.TITLE)) {
          multi.putIfAbsent(q, automaton);
        }
      }
    });
    Map<String, Double> weights = new LinkedHashMap<>();
    IndexReader reader = s.getIndexReader();
    long n = Math.max(1, reader.numDocs());
    // Keyed by the reader's cache key, not the reader, so that a replaced reader is not kept alive.
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    Object readerKey = helper == null ? reader : helper.getKey();
    DocFreqs freqs = docFreqs;
    if (freqs == null || freqs.readerKey() != readerKey || freqs.counts().size() > MAX_CACHED_DOC_FREQS) {
      freqs = new DocFreqs(readerKey, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
      docFreqs = freqs;
    }
    for (Term t : terms) {
      String f = t.field();
      // abstract: terms are contents terms by now (AbstractFieldQueries).
      if (!f.equals(IndexSchema.CONTENTS) && !f.equals(IndexSchema.TITLE)) {
        continue;
      }
      String text = t.text();
      Integer df = freqs.counts().get(text);
      if (df == null) {
        df = reader.docFreq(new Term(IndexSchema.CONTENTS, t.bytes()));
        freqs.counts().put(text, df);
      }
      weights.merge(text, idf(n, df), Math::max);
    }
    List<Pattern> patterns = new ArrayList<>(multi.size());
    for (Map.Entry<Query, Supplier<ByteRunAutomaton>> e : multi.entrySet()) {
      Query q = e.getKey();
      Integer df = freqs.patterns().get(q);
      if (df == null) {
        df = mostFrequent(reader, q);
        if (freqs.patterns().size() < MAX_CACHED_DOC_FREQS) {
          freqs.patterns().put(q, df);
        }
      }
      patterns.add(pattern(q, e.getValue(), idf(n, df)));
    }
    return new QueryTerms(weights, patterns);
  }

  private static double idf(long n, long df) {
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The most words of the default field a pattern's weight looks at: bounds its cost on a large index. */
  private static final int MAX_PATTERN_WORDS = 1024;

  /**
   * The document frequency in the default field of the most frequent of the first {@value #MAX_PATTERN_WORDS} words
   * multi-term query {@code q} matches (0 when it matches none): a pattern weighs as its commonest word.
   */
  private static int mostFrequent(IndexReader reader, Query q) throws IOException {
    if (!(q instanceof MultiTermQuery mtq)) {
      return 0;
    }
    Terms field = MultiTerms.getTerms(reader, IndexSchema.CONTENTS);
    if (field == null) {
      return 0;
    }
    TermsEnum te = mtq.getTermsEnum(field);
    int max = 0;
    for (int i = 0; i < MAX_PATTERN_WORDS && te.next() != null; i++) {
      max = Math.max(max, te.docFreq());
    }
    return max;
  }

  /** What every word a multi-term query matches begins with ("" when unknown): its highlight probe's source. */
  private static String fixedPrefix(Query q) {
    return switch (q) {
      case AutomatonQuery a when !a.isAutomatonBinary() -> Operations.getCommonPrefix(a.getAutomaton());
      case FuzzyQuery f -> {
        String t = f.getTerm().text();
        int k = Math.min(f.getPrefixLength(), t.codePointCount(0, t.length()));
        yield t.substring(0, t.offsetByCodePoints(0, k));
      }
      default -> "";
    };
  }

  /**
   * Document frequencies of highlighted terms in the default field, and of the most frequent word of highlighted
   * patterns, for one reader (a refresh starts afresh).
   */
  private record DocFreqs(Object readerKey, ConcurrentHashMap<String, Integer> counts,
      ConcurrentHashMap<Query, Integer> patterns) {}

  /**
   * A wildcard, prefix, fuzzy or regular-expression term to highlight: the analysed words it matches, a probe every
   * surface form of them holds (see {@link #probes}) and its weight.
   */
  private record Pattern(ByteRunAutomaton automaton, String probe, double weight) {}

  private static final int MAX_CACHED_DOC_FREQS = 100_000;

  /**
   * The query's analysed terms with their weights, ready for highlighting: looked up by the analyser's term buffer
   * (no string per token), each with its probe (see {@link #probes}); then its patterns, whose slots follow the
   * terms' ({@code weight} and {@code probe} cover both).
   */
  private static final class QueryTerms {
    final CharArrayMap<Integer> index;
    final double[] weight;
    final String[] probe;
    final ByteRunAutomaton[] patterns;

    QueryTerms(Map<String, Double> weights) {
      this(weights, List.of());
    }

    QueryTerms(Map<String, Double> weights, List<Pattern> multi) {
      int n = weights.size();
      index = new CharArrayMap<>(n, false);
      weight = new double[n + multi.size()];
      probe = new String[n + multi.size()];
      patterns = new ByteRunAutomaton[multi.size()];
      List<String> termProbes = probes(weights.keySet());
      int i = 0;
      for (Map.Entry<String, Double> e : weights.entrySet()) {
        index.put(e.getKey(), i);
        probe[i] = termProbes.get(i);
        weight[i++] = e.getValue();
      }
      for (int k = 0; k < multi.size(); k++) {
        patterns[k] = multi.get(k).automaton();
        probe[n + k] = multi.get(k).probe();
        weight[n + k] = multi.get(k).weight();
      }
    }
  }

  /** A sentence's score and where its query terms are (start, end pairs, not overlapping), for the mark-up. */
  private record Marks(double score, int[] spans, int count) {}

  /**
   * The hit with its best sentence: the one whose distinct query terms weigh most (idf), the first of equals. Each
   * sentence gets an upper bound first, the weight of the terms whose stems it holds as text (no analysis); sentences
   * are then analysed best bound first until no bound can beat the best exact score, and the winner is marked up
   * from the term positions its analysis found.
   */
  private SearchHit highlight(int rank, float score, RecordCache.Loaded loaded, QueryTerms terms) {
    PubmedRecord record = loaded.record;
    List<String> sentences = record.sentences();
    Best best = best(sentences, loaded.probeForms(), terms);
    String text = best.index() < 0 ? record.title() : sentences.get(best.index());
    Marks marks = best.marks() != null ? best.marks() : marks(text, terms);
    return new SearchHit(rank, score, record, best.index(), html(text, marks));
  }

  /** The index of the best of {@code sentences} (see {@link #highlight}), or -1 when there are none. */
  int bestSentence(List<String> sentences, Map<String, Double> weights) {
    return bestSentence(sentences, weights, Map.of());
  }

  /** {@link #bestSentence(List, Map)} with multi-term queries of the default field and their weights too. */
  int bestSentence(List<String> sentences, Map<String, Double> weights, Map<MultiTermQuery, Double> patterns) {
    String[] forms = sentences.stream().map(AbstractSearcher::forProbes).toArray(String[]::new);
    return best(sentences, forms, new QueryTerms(weights, patterns(patterns))).index();
  }

  /** The exact score {@link #bestSentence(List, Map, Map)} gives {@code sentence}. */
  double sentenceScore(String sentence, Map<String, Double> weights, Map<MultiTermQuery, Double> patterns) {
    return marks(sentence, new QueryTerms(weights, patterns(patterns))).score();
  }

  private static List<Pattern> patterns(Map<MultiTermQuery, Double> weights) {
    List<Pattern> out = new ArrayList<>();
    weights.forEach((q, w) -> q.visit(new QueryVisitor() {
      @Override
      public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
        out.add(pattern(query, automaton, w));
      }
    }));
    return out;
  }

  private static Pattern pattern(Query q, Supplier<ByteRunAutomaton> automaton, double weight) {
    return new Pattern(automaton.get(), probes(Set.of(fixedPrefix(q))).getFirst(), weight);
  }

  /** The best sentence's index (-1: none) and its marks (null where it was not analysed: no sentence holds a term). */
  private record Best(int index, Marks marks) {}

  /** The best of {@code sentences}; {@code forms} has them as {@link #forProbes} gives them. */
  private Best best(List<String> sentences, String[] forms, QueryTerms terms) {
    int n = sentences.size();
    if (n == 0) {
      return new Best(-1, null);
    }
    double[] bound = new double[n];
    for (int i = 0; i < n; i++) {
      bound[i] = bound(forms[i], terms);
    }
    int best = 0;
    Marks bestMarks = null;
    double bestScore = 0;
    while (true) {
      // The sentence with the highest bound not yet analysed, the first of equals (few are analysed: no sort).
      int i = -1;
      for (int k = 0; k < n; k++) {
        if (bound[k] > 0 && (i < 0 || bound[k] > bound[i])) {
          i = k;
        }
      }
      // The bound and the exact score add the same weights in different orders: allow for rounding.
      if (i < 0 || bound[i] < bestScore - 1e-9) {
        break;
      }
      bound[i] = -1;
      Marks m = marks(sentences.get(i), terms);
      if (m.score() > bestScore || (m.score() == bestScore && i < best)) {
        bestScore = m.score();
        best = i;
        bestMarks = m;
      } else if (i == best && bestMarks == null) {
        bestMarks = m;
      }
    }
    return new Best(best, bestMarks);
  }

  /** The exact score {@link #bestSentence} gives {@code sentence}: the weight of its distinct query terms. */
  double sentenceScore(String sentence, Map<String, Double> weights) {
    return marks(sentence, new QueryTerms(weights)).score();
  }

  /**
   * The summed weight of the terms whose probe a sentence ({@code form}, see {@link #forProbes}) holds at the start
   * of a word: at least the sentence's exact score.
   */
  private static double bound(String form, QueryTerms terms) {
    double sum = 0;
    for (int j = 0; j < terms.weight.length; j++) {
      if (startsAWord(form, terms.probe[j])) {
        sum += terms.weight[j];
      }
    }
    return sum;
  }

  /**
   * Whether {@code probe} occurs in {@code text} where a token can start: anywhere for a probe that does not begin
   * with an ASCII letter or digit, else not right after one (tokens start at word boundaries; a compound's parts
   * follow its hyphen).
   */
  static boolean startsAWord(String text, String probe) {
    char first = probe.isEmpty() ? ' ' : probe.charAt(0);
    boolean anywhere = !asciiLetterOrDigit(first);
    for (int at = text.indexOf(probe); at >= 0; at = text.indexOf(probe, at + 1)) {
      if (anywhere || at == 0 || !asciiLetterOrDigit(text.charAt(at - 1))) {
        return true;
      }
    }
    return false;
  }

  private static boolean asciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /**
   * A sentence as the probes search it: in lower case, the hyphens {@link CompoundTokenFilter} normalises made plain;
   * when it has British spellings, followed by a copy with its words in American spelling, as the analysis makes them
   * ({@link AmericanSpellingFilter}: "anaemia" is indexed as {@code anemia}, whose probe "anem" the British word
   * does not hold).
   */
  static String forProbes(String sentence) {
    String lower = sentence.toLowerCase(java.util.Locale.ROOT).replace('\u2010', '-').replace('\u2011', '-');
    StringBuilder american = null;
    char[] word = null;
    int last = 0;
    for (int i = 0; i < lower.length(); ) {
      if (!asciiLetter(lower.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < lower.length() && asciiLetter(lower.charAt(i))) {
        i++;
      }
      int n = i - start;
      if (word == null || word.length < n) {
        word = new char[Math.max(n, 32)];
      }
      lower.getChars(start, i, word, 0);
      if (Spelling.mayChange(word, n)) {
        String w = lower.substring(start, i);
        String a = Spelling.american(w);
        if (!a.equals(w)) {
          if (american == null) {
            american = new StringBuilder(lower.length() * 2 + 1).append(lower).append(' ');
          }
          american.append(lower, last, start).append(a);
          last = i;
        }
      }
    }
    return american == null ? lower : american.append(lower, last, lower.length()).toString();
  }

  private static boolean asciiLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  /**
   * Substrings every surface form of a term contains: the analysed term less its last two characters (Porter stems
   * change at most the end of a word: "studies" gives "studi", "neuropathy" gives "neuropathi"), its first three
   * when it has four, and a shorter one whole but for a final "i" ("day" gives "dai"). No stem of the 884,000 tokens
   * of the SciFact corpus breaks this; one that did would only cost its sentence the highlight.
   */
  static List<String> probes(Set<String> terms) {
    List<String> out = new ArrayList<>(terms.size());
    for (String t : terms) {
      int n = t.length();
      out.add(n > 4 ? t.substring(0, n - 2) : n == 4 ? t.substring(0, 3)
          : n > 1 && t.charAt(n - 1) == 'i' ? t.substring(0, n - 1) : t);
    }
    return out;
  }

  /** The weight of the distinct query terms in {@code text}, and where they are. */
  private Marks marks(String text, QueryTerms terms) {
    boolean[] seen = new boolean[terms.weight.length];
    double score = 0;
    int[] spans = new int[8];
    int count = 0;
    int last = 0;
    int firstPattern = terms.weight.length - terms.patterns.length;
    BytesRefBuilder utf8 = terms.patterns.length == 0 ? null : new BytesRefBuilder();
    try (TokenStream ts = textAnalyzer.tokenStream(IndexSchema.CONTENTS, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        Integer t = terms.index.get(term.buffer(), 0, term.length());
        boolean hit = t != null;
        if (hit && !seen[t]) {
          seen[t] = true;
          score += terms.weight[t];
        }
        if (utf8 != null) {
          utf8.copyChars(term.buffer(), 0, term.length());
          for (int k = 0; k < terms.patterns.length; k++) {
            if (terms.patterns[k].run(utf8.bytes(), 0, utf8.length())) {
              hit = true;
              if (!seen[firstPattern + k]) {
                seen[firstPattern + k] = true;
                score += terms.weight[firstPattern + k];
              }
            }
          }
        }
        if (!hit) {
          continue;
        }
        // Tokens split from one word share its offsets: mark the word once.
        if (offset.startOffset() >= last) {
          if (count + 2 > spans.length) {
            spans = java.util.Arrays.copyOf(spans, spans.length * 2);
          }
          spans[count++] = offset.startOffset();
          spans[count++] = offset.endOffset();
          last = offset.endOffset();
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Marks(score, spans, count);
  }

  /** {@code text} as HTML with the marked terms in {@code <mark>} and everything else escaped. */
  private static String html(String text, Marks marks) {
    StringBuilder html = new StringBuilder(text.length() + 13 * marks.count() / 2);
    int last = 0;
    int[] spans = marks.spans();
    for (int k = 0; k < marks.count(); k += 2) {
      html.append(Entities.escape(text.substring(last, spans[k])));
      html.append("<mark>").append(Entities.escape(text.substring(spans[k], spans[k + 1]))).append("</mark>");
      last = spans[k + 1];
    }
    return html.append(Entities.escape(text.substring(last))).toString();
  }

  @Override
  public synchronized void close() throws IOException {
    IOUtils.close(manager, directory, analyzer, textAnalyzer, hybrid);
  }
}
