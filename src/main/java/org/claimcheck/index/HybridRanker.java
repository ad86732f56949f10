package org.claimcheck.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.encoder.OnnxModel;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;

/**
 * Thread-safe. Dense and hybrid ranking over an index with vectors ({@link IndexSchema#VECTOR}). The query's vector
 * comes from {@link DenseVectors}; the nearest abstracts from Lucene's HNSW graph ({@link KnnFloatVectorQuery}, with
 * the request's filters). A hybrid search takes the best {@link Settings#candidates()} of BM25 and of the dense
 * search, gives every candidate both of its exact scores (BM25 0 where it matches no term; the dot product of its
 * stored vector), normalises each score to 0..1 over the candidates (min-max) and ranks by
 * {@code w * bm25 + (1 - w) * dense}. Closing it closes its {@link DenseVectors} (a borrowed view
 * of those a caller gave).
 */
public final class HybridRanker implements Closeable {
  /** How a searcher ranks. */
  public enum Mode {
    /** Hybrid when the index has vectors, else BM25. */
    AUTO,
    BM25,
    DENSE,
    HYBRID
  }

  /**
   * How hybrid ranking is done.
   *
   * @param mode which ranking
   * @param bm25Weight {@code w}, the weight of the normalised BM25 score (0..1)
   * @param candidates how many of each ranking's best are fused (at least the hits a request asks for)
   */
  public record Settings(Mode mode, double bm25Weight, int candidates) {
    /** Tuned on the SciFact train claims (2-fold cross-validated): see README "Hybrid retrieval". */
    public static final double DEFAULT_BM25_WEIGHT = 0.2;
    public static final int DEFAULT_CANDIDATES = 100;

    public Settings {
      Objects.requireNonNull(mode, "mode");
      if (!(bm25Weight >= 0 && bm25Weight <= 1)) {
        throw new IllegalArgumentException("bm25Weight must be between 0 and 1: " + bm25Weight);
      }
      if (candidates < 1 || candidates > SearchRequest.MAX_HITS) {
        throw new IllegalArgumentException("candidates must be between 1 and 10000: " + candidates);
      }
    }

    /** What goes in front of a query before it is embedded: nothing (measured better than bge's instruction). */
    public static final String DEFAULT_QUERY_PREFIX = "";

    public static Settings of(Mode mode) {
      return new Settings(mode, DEFAULT_BM25_WEIGHT, DEFAULT_CANDIDATES);
    }
  }

  private final DenseVectors vectors;
  private final Settings settings;

  /** Takes ownership of {@code vectors} (give a {@link DenseVectors#borrowed()} view to keep them). */
  HybridRanker(DenseVectors vectors, Settings settings) {
    this.vectors = Objects.requireNonNull(vectors, "vectors");
    this.settings = Objects.requireNonNull(settings, "settings");
    if (settings.mode() == Mode.BM25) {
      throw new IllegalArgumentException("a HybridRanker ranks densely or hybrid, not by BM25 alone");
    }
  }

  /**
   * The ranker a searcher of the index at {@code dir} uses, or null for BM25 alone: none for {@link Mode#BM25}, none
   * for {@link Mode#AUTO} on an index without vectors; {@link Mode#DENSE} and {@link Mode#HYBRID} need vectors.
   * {@code given} embeds the queries (not closed by the ranker); when null, the shipped model is loaded.
   */
  static HybridRanker forIndex(Path dir, SearcherManager manager, Settings settings, DenseVectors given)
      throws IOException {
    if (settings.mode() == Mode.BM25) {
      return null;
    }
    String model;
    IndexSearcher s = manager.acquire();
    try {
      model = DenseVectors.modelOf((DirectoryReader) s.getIndexReader());
    } finally {
      manager.release(s);
    }
    if (model == null) {
      if (settings.mode() == Mode.AUTO) {
        return null;
      }
      throw ClaimcheckException.usage("the index has no vectors for " + settings.mode().name().toLowerCase(Locale.ROOT)
          + " ranking", dir.toString(), "Build it with claimcheck index --dense, or rank by bm25");
    }
    DenseVectors v = given != null ? given.borrowed()
        : DenseVectors.open(null, OnnxModel.Options.defaults(), Settings.DEFAULT_QUERY_PREFIX);
    if (!model.equals(v.encoder().modelId())) {
      String mine = v.encoder().modelId();
      v.close();
      throw new ClaimcheckException("the index holds vectors of another model", dir + ": " + model
          + ", this claimcheck has " + mine, "Rebuild it (claimcheck index --dense into a new folder), or rank by bm25");
    }
    Settings s2 = settings.mode() == Mode.AUTO
        ? new Settings(Mode.HYBRID, settings.bm25Weight(), settings.candidates()) : settings;
    return new HybridRanker(v, s2);
  }

  /**
   * Whether a request is answered densely or hybrid: plain text ({@link SearchRequest.Syntax#TEXT}), or Lucene syntax
   * that is only words of the default field (no fields, quoted phrases, operators, wildcards or boosts; a word the
   * analysis splits, such as long-term, is a word); any other Lucene
   * query is answered by BM25 exactly as written.
   */
  static boolean plainWords(Query built, SearchRequest request) {
    if (request.syntax() == SearchRequest.Syntax.TEXT) {
      return true;
    }
    Query main = built;
    if (request.hasFilters() && built instanceof BooleanQuery bq && !bq.clauses().isEmpty()) {
      main = bq.clauses().get(0).query();
    }
    // Without quotes, a phrase is a word the analysis split (long-term): a word like the others.
    return words(main, request.query().indexOf('"') < 0);
  }

  /**
   * Terms of the default field, alone, as synonyms, or in nested SHOULD-only disjunctions; with {@code splitWords},
   * also exact phrases there (what the parser makes of a word the analysis splits).
   */
  private static boolean words(Query q, boolean splitWords) {
    if (q instanceof TermQuery tq) {
      return tq.getTerm().field().equals(IndexSchema.CONTENTS);
    }
    if (q instanceof SynonymQuery sq) {
      return sq.getField().equals(IndexSchema.CONTENTS);
    }
    if (splitWords && q instanceof PhraseQuery pq) {
      return pq.getField().equals(IndexSchema.CONTENTS) && pq.getSlop() == 0;
    }
    if (!(q instanceof BooleanQuery bq) || bq.clauses().isEmpty()) {
      return false;
    }
    for (BooleanClause c : bq.clauses()) {
      if (c.occur() != BooleanClause.Occur.SHOULD || !words(c.query(), splitWords)) {
        return false;
      }
    }
    return true;
  }

  public Settings settings() {
    return settings;
  }

  /** The mode this ranker applies: {@link Mode#DENSE} or {@link Mode#HYBRID}. */
  public Mode mode() {
    return settings.mode() == Mode.DENSE ? Mode.DENSE : Mode.HYBRID;
  }

  DenseVectors vectors() {
    return vectors;
  }

  /**
   * The best {@code n} or more records for {@code text} (the query's words), {@code bm25} being the BM25 query with
   * the request's filters as {@link AbstractSearcher} built it; scores fused, best first.
   */
  TopDocs search(IndexSearcher s, Query bm25, String text, boolean filtered, int n) throws IOException {
    float[] q = vectors.query(text);
    int k = Math.max(n, settings.candidates());
    Query filter = filtered ? filterOf(bm25) : null;
    TopDocs dense = s.search(new KnnFloatVectorQuery(IndexSchema.VECTOR, q, k, filter), k);
    if (mode() == Mode.DENSE) {
      ScoreDoc[] docs = dense.scoreDocs.clone();
      for (ScoreDoc d : docs) {
        d.score = 2 * d.score - 1; // Lucene's DOT_PRODUCT score (1 + cos) / 2, back to the cosine.
      }
      return new TopDocs(new TotalHits(docs.length, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), docs);
    }
    TopDocs lexical = s.search(bm25, k);
    Map<Integer, float[]> both = new HashMap<>(); // doc -> {bm25, cosine}
    for (ScoreDoc d : lexical.scoreDocs) {
      both.put(d.doc, new float[] {d.score, Float.NaN});
    }
    for (ScoreDoc d : dense.scoreDocs) {
      both.computeIfAbsent(d.doc, x -> new float[] {Float.NaN, Float.NaN})[1] = 2 * d.score - 1;
    }
    int[] docs = both.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    fillBm25(s, bm25, docs, both);
    fillCosines(s, q, docs, both);
    ScoreDoc[] fused = fuse(docs, both, settings.bm25Weight());
    long total = Math.max(lexical.totalHits.value(), fused.length);
    return new TopDocs(new TotalHits(total, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), fused);
  }

  /** Min-max normalisation of each score over the candidates, then the weighted sum; best first. */
  static ScoreDoc[] fuse(int[] docs, Map<Integer, float[]> both, double w) {
    float bMin = Float.POSITIVE_INFINITY;
    float bMax = Float.NEGATIVE_INFINITY;
    float dMin = Float.POSITIVE_INFINITY;
    float dMax = Float.NEGATIVE_INFINITY;
    for (int d : docs) {
      float[] sc = both.get(d);
      bMin = Math.min(bMin, sc[0]);
      bMax = Math.max(bMax, sc[0]);
      dMin = Math.min(dMin, sc[1]);
      dMax = Math.max(dMax, sc[1]);
    }
    ScoreDoc[] out = new ScoreDoc[docs.length];
    for (int i = 0; i < docs.length; i++) {
      float[] sc = both.get(docs[i]);
      double b = bMax > bMin ? (sc[0] - bMin) / (bMax - bMin) : 0;
      double c = dMax > dMin ? (sc[1] - dMin) / (dMax - dMin) : 0;
      out[i] = new ScoreDoc(docs[i], (float) (w * b + (1 - w) * c));
    }
    Arrays.sort(out, (x, y) -> x.score != y.score ? Float.compare(y.score, x.score) : Integer.compare(x.doc, y.doc));
    return out;
  }

  /** BM25 scores of the candidates BM25's top list did not hold (0 for those matching no term). */
  private static void fillBm25(IndexSearcher s, Query bm25, int[] docs, Map<Integer, float[]> both)
      throws IOException {
    Weight weight = null;
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    int leafIdx = -1;
    Scorer scorer = null;
    DocIdSetIterator it = null;
    for (int doc : docs) {
      float[] sc = both.get(doc);
      if (!Float.isNaN(sc[0])) {
        continue;
      }
      if (weight == null) {
        weight = s.createWeight(s.rewrite(bm25), ScoreMode.COMPLETE, 1f);
      }
      int li = ReaderUtil.subIndex(doc, leaves);
      LeafReaderContext leaf = leaves.get(li);
      if (li != leafIdx) {
        leafIdx = li;
        scorer = weight.scorer(leaf);
        it = scorer == null ? null : scorer.iterator();
      }
      int target = doc - leaf.docBase;
      sc[0] = 0;
      if (it != null && it.docID() <= target) {
        if (it.docID() < target) {
          it.advance(target);
        }
        if (it.docID() == target) {
          sc[0] = scorer.score();
        }
      }
    }
  }

  /** Cosines of the candidates the dense top list did not hold, from their stored vectors. */
  private static void fillCosines(IndexSearcher s, float[] q, int[] docs, Map<Integer, float[]> both)
      throws IOException {
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    int leafIdx = -1;
    FloatVectorValues values = null;
    KnnVectorValues.DocIndexIterator it = null;
    for (int doc : docs) {
      float[] sc = both.get(doc);
      if (!Float.isNaN(sc[1])) {
        continue;
      }
      int li = ReaderUtil.subIndex(doc, leaves);
      LeafReaderContext leaf = leaves.get(li);
      if (li != leafIdx) {
        leafIdx = li;
        values = leaf.reader().getFloatVectorValues(IndexSchema.VECTOR);
        it = values == null ? null : values.iterator();
      }
      int target = doc - leaf.docBase;
      sc[1] = -1; // A record without a vector is as far as can be.
      if (it != null && it.docID() <= target) {
        if (it.docID() < target) {
          it.advance(target);
        }
        if (it.docID() == target) {
          sc[1] = dot(q, values.vectorValue(it.index()));
        }
      }
    }
  }

  static float dot(float[] a, float[] b) {
    float s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** The filter clauses of a query {@link AbstractSearcher#buildQuery} built, as a query of their own. */
  static Query filterOf(Query q) {
    if (!(q instanceof BooleanQuery bq)) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean any = false;
    for (BooleanClause c : bq.clauses()) {
      if (c.occur() == BooleanClause.Occur.FILTER || c.occur() == BooleanClause.Occur.MUST_NOT) {
        b.add(c);
        any = true;
      }
    }
    if (!any) {
      return null;
    }
    b.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
    return b.build();
  }

  public String describe() {
    return mode() == Mode.DENSE ? "dense (" + vectors.encoder().describe() + ")"
        : String.format(Locale.ROOT, "hybrid: min-max fusion of the best %d of BM25 and of dense, BM25 weight %.2f "
            + "(%s)", settings.candidates(), settings.bm25Weight(), vectors.encoder().describe());
  }

  @Override
  public void close() throws IOException {
    vectors.close();
  }
}
