package org.claimcheck.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.core.KeywordAnalyzer;

/**
 * Thread-safe (constants). The Lucene schema of the abstract index: field names, the analyzer and the schema version
 * recorded in every commit. README "Index schema" documents it for users.
 *
 * <ul>
 *   <li>{@code id}: the PMID or corpus id, indexed as one keyword; {@code updateDocument} by it keeps re-indexing
 *       idempotent.
 *   <li>{@code contents}: title and abstract together, analysed (the default search field, as in Anserini's BEIR
 *       runs); the abstract's words start at position {@link #ABSTRACT_POSITION}, so a phrase never runs from the
 *       title into the abstract and {@code abstract:} searches are {@code contents} searches from that position
 *       ({@link AbstractFieldQueries}).
 *   <li>{@code title}: the title alone, analysed.
 *   <li>{@code year} (int points and doc values), {@code pubtype}, {@code mesh}, {@code mesh_major}, {@code language},
 *       {@code journal} (lower-case keywords), {@code humans}, {@code animals}, {@code retracted} ("true"/"false"):
 *       filters.
 *   <li>{@code _source}: the whole record in a compact binary form ({@link StoredSource}; JSON up to version 2),
 *       returned with hits and used for evidence.
 *   <li>{@code vector} (only in indexes built with {@code --dense}): bge-small-en-v1.5's unit vector of title and
 *       abstract, HNSW-indexed for dot-product search; the commit names the model ({@link #DENSE_MODEL_KEY}).
 * </ul>
 */
public final class IndexSchema {
  /** Bump when the fields or the analysis change in a way old indexes cannot serve; old indexes are then refused. */
  public static final int VERSION = 5;
  /** Commit user-data key holding {@link #VERSION}. */
  public static final String VERSION_KEY = "claimcheck.schema.version";

  public static final String ID = "id";
  /** The record's version as a numeric doc value, so re-indexing can compare versions without reading records. */
  public static final String VERSION_FIELD = "version";
  /**
   * Where a record came from, as a numeric doc value ({@link #COLLECTION_PUBMED} or {@link #COLLECTION_CORPUS}): PubMed
   * ids and a corpus's own ids share the {@link #ID} field, and a record of one never replaces the other's. Absent in
   * documents indexed before 2026-12-07 (unknown: replaced as before).
   */
  public static final String COLLECTION = "collection";
  public static final int COLLECTION_PUBMED = 1;
  public static final int COLLECTION_CORPUS = 2;
  public static final String CONTENTS = "contents";
  public static final String TITLE = "title";
  /**
   * Searchable but not an index field of its own: a query on it is answered from {@link #CONTENTS} at positions from
   * {@link #ABSTRACT_POSITION} on (see {@link AbstractFieldQueries}). Up to schema version 3 it was indexed apart, which
   * cost a sixth of the indexing CPU.
   */
  public static final String ABSTRACT = "abstract";
  /**
   * Where the abstract's words start in {@link #CONTENTS}: the title's words take positions 0 onwards, the abstract's
   * this one onwards (or the title's end when a title has more words, which no PubMed title comes near).
   */
  public static final int ABSTRACT_POSITION = 1000;
  public static final String YEAR = "year";
  public static final String PUBTYPE = "pubtype";
  public static final String MESH = "mesh";
  public static final String MESH_MAJOR = "mesh_major";
  public static final String LANGUAGE = "language";
  public static final String JOURNAL = "journal";
  public static final String HUMANS = "humans";
  public static final String ANIMALS = "animals";
  public static final String RETRACTED = "retracted";
  public static final String SOURCE = "_source";
  /** Where the record's sentences lie in its sections, when the index split them (see {@link StoredSource}). */
  public static final String SPANS = "_spans";
  /**
   * Optional (indexes built with {@code index --dense}): the unit vector of title and abstract, for HNSW search by dot
   * product (see {@link DenseVectors}).
   */
  public static final String VECTOR = "vector";
  /** Commit user-data key naming the model of {@link #VECTOR}; absent in an index without vectors. */
  public static final String DENSE_MODEL_KEY = "claimcheck.dense.model";

  private IndexSchema() {}

  /**
   * The analyzer of the text fields: the English chain Anserini uses for its BM25 baselines, with biomedical names
   * ({@code COVID-19}, {@code IL-6}, {@code omega-3}) also kept whole (see {@link BiomedicalAnalyzer}).
   */
  public static Analyzer textAnalyzer() {
    return new BiomedicalAnalyzer();
  }

  /**
   * {@link #textAnalyzer()} for bulk analysis on long-lived threads (indexing): the same tokens, a frequent word through
   * the per-word filters once per thread rather than at each occurrence ({@link WordCache}, 1 MB per thread).
   */
  static Analyzer bulkTextAnalyzer() {
    return new BiomedicalAnalyzer(1 << 14);
  }

  /** Text fields get {@link #textAnalyzer()}, keyword fields are taken whole. */
  public static Analyzer analyzer() {
    Analyzer text = textAnalyzer();
    return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(CONTENTS, text, TITLE, text, ABSTRACT, text));
  }

  /**
   * For parsed queries ({@code search}, the API): text fields with {@link BiomedicalAnalyzer#forQueries()} (a name
   * such as {@code IL-6} searched whole, not also as its parts), the keyword filters lower-cased and trimmed as they
   * are indexed ({@code mesh:"Pulmonary Fibrosis"} finds what the record displays so), ids taken as typed.
   */
  public static Analyzer queryAnalyzer() {
    Analyzer text = BiomedicalAnalyzer.forQueries();
    Analyzer lower = new LowerCaseKeywordAnalyzer();
    Map<String, Analyzer> fields = new HashMap<>(Map.of(CONTENTS, text, TITLE, text, ABSTRACT, text));
    for (String f : List.of(PUBTYPE, MESH, MESH_MAJOR, LANGUAGE, JOURNAL, HUMANS, ANIMALS, RETRACTED)) {
      fields.put(f, lower);
    }
    return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), fields);
  }

  /** A keyword field's value as the index holds it: the whole value, lower-cased and trimmed as the indexer does. */
  private static final class LowerCaseKeywordAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      KeywordTokenizer source = new KeywordTokenizer();
      return new TokenStreamComponents(source, new LowerTrimFilter(source));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerTrimFilter(in);
    }
  }

  private static final class LowerTrimFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    LowerTrimFilter(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      String value = AbstractIndexer.lower(term.toString());
      term.setEmpty().append(value);
      return true;
    }
  }

  /** A description of the analysis chain, for manifests. */
  public static String describe() {
    return "schema " + VERSION + "; text fields: " + textAnalyzer();
  }

  /** How many distinct terms {@code analyzer} makes of {@code text} as {@link #CONTENTS}, counting up to {@code max}. */
  public static int distinctTerms(Analyzer analyzer, String text, int max) {
    java.util.Set<String> terms = new java.util.HashSet<>();
    try (TokenStream ts = analyzer.tokenStream(CONTENTS, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (terms.size() < max && ts.incrementToken()) {
        terms.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return terms.size();
  }
}
