package org.claimcheck.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Tally;
import org.claimcheck.TestData;
import org.claimcheck.encoder.OnnxModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dense vectors in the index and hybrid ranking, with the real bge-small model on an invented 8-abstract corpus. */
class HybridSearchTest {
  static final Path CORPUS = TestData.resource("org/claimcheck/index/dense-corpus.jsonl");
  /** No word in common with the cobalamin abstract (101) once analysed, nor with any other. */
  static final String SYNONYMS = "low vitamin levels among vegans";

  static DenseVectors vectors;

  @BeforeAll
  static void loadModel() {
    vectors = DenseVectors.open(null, new OnnxModel.Options(1, 16), "");
  }

  @AfterAll
  static void closeModel() throws IOException {
    vectors.close();
  }

  static Tally indexDense(Path dir, DenseVectors v) {
    Tally t = new Tally("index");
    try (AbstractIndexer indexer = AbstractIndexer.open(dir, new AbstractIndexer.Options(1, 16), v)) {
      indexer.addMissingVectors(t);
      indexer.index(CORPUS, t);
      indexer.commit();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return t;
  }

  static AbstractSearcher searcher(Path dir, HybridRanker.Mode mode) {
    return AbstractSearcher.open(dir, AbstractSearcher.Bm25.DEFAULT, HybridRanker.Settings.of(mode), vectors);
  }

  @Test
  void encoderGivesUnitVectorsThatKnowSynonyms() {
    float[][] v = vectors.encoder().embedPassages(List.of("low vitamin B12 in vegans",
        "cobalamin deficiency in vegetarians", "outcomes of hip fracture surgery"));
    for (float[] x : v) {
      assertEquals(DenseEncoder.DIMENSION, x.length);
      assertEquals(1.0, HybridRanker.dot(x, x), 1e-4);
    }
    float close = HybridRanker.dot(v[0], v[1]);
    float far = HybridRanker.dot(v[0], v[2]);
    assertTrue(close > far + 0.15, close + " vs " + far);
    // Alone, a text always gets the same vector; batched with others, nearly the same (the int8 model quantises
    // activations with a scale taken over the whole batch).
    float[] alone = vectors.encoder().embedPassages(List.of("cobalamin deficiency in vegetarians"))[0];
    assertArrayEquals(alone, vectors.encoder().embedPassages(List.of("cobalamin deficiency in vegetarians"))[0]);
    assertEquals(1.0, HybridRanker.dot(alone, v[1]), 0.01);
  }

  @Test
  void hybridFindsWhatBm25Misses(@TempDir Path dir) throws IOException {
    Tally t = indexDense(dir, vectors);
    assertEquals(8, t.get(AbstractIndexer.INDEXED));
    try (AbstractSearcher bm25 = searcher(dir, HybridRanker.Mode.BM25);
        AbstractSearcher hybrid = AbstractSearcher.open(dir, AbstractSearcher.Bm25.DEFAULT);
        AbstractSearcher dense = searcher(dir, HybridRanker.Mode.DENSE)) {
      assertEquals(HybridRanker.Mode.HYBRID, hybrid.mode(), "an index with vectors ranks hybrid by default");
      List<SearchHit> lexical = bm25.search(SearchRequest.text(SYNONYMS, 10));
      assertTrue(lexical.isEmpty(), lexical.toString());
      assertEquals("101", hybrid.search(SearchRequest.text(SYNONYMS, 3)).getFirst().id());
      List<SearchHit> d = dense.search(SearchRequest.text(SYNONYMS, 8));
      assertEquals("101", d.getFirst().id());
      assertEquals(8, d.size(), "dense search ranks every abstract");
      for (int i = 1; i < d.size(); i++) {
        assertTrue(d.get(i - 1).score() >= d.get(i).score());
      }
      // Words in common still count: the melatonin abstract leads for a query naming it.
      List<SearchHit> h = hybrid.search(SearchRequest.text("melatonin before daytime sleep", 3));
      assertEquals("103", h.getFirst().id());
      assertTrue(h.getFirst().score() <= 1.0f && h.getFirst().score() > 0.5f, "fused scores lie in 0..1");
      assertTrue(hybrid.ranking().startsWith("hybrid"), hybrid.ranking());
    }
  }

  @Test
  void filtersApplyToTheDenseSideToo(@TempDir Path dir) throws IOException {
    indexDense(dir, vectors);
    try (AbstractSearcher s = searcher(dir, HybridRanker.Mode.HYBRID)) {
      // The invented corpus has no years: a year filter leaves nothing, on either side.
      SearchRequest r = new SearchRequest(SYNONYMS, SearchRequest.Syntax.TEXT, 10, 2000, 2020, List.of(), List.of(),
          null, false);
      assertTrue(s.search(r).isEmpty());
      SearchRequest humans = new SearchRequest(SYNONYMS, SearchRequest.Syntax.TEXT, 10, null, null, List.of(),
          List.of(), false, false);
      assertEquals("101", s.search(humans).getFirst().id());
    }
  }

  @Test
  void luceneSyntaxIsHybridOnlyForPlainWords(@TempDir Path dir) throws IOException {
    indexDense(dir, vectors);
    try (AbstractSearcher s = searcher(dir, HybridRanker.Mode.HYBRID)) {
      SearchRequest fielded = new SearchRequest("title:melatonin", SearchRequest.Syntax.LUCENE, 10, null, null,
          List.of(), List.of(), null, false);
      assertEquals(List.of("103"), s.search(fielded).stream().map(SearchHit::id).toList(),
          "a fielded query is answered by BM25 exactly as written");
      SearchRequest plain = new SearchRequest("vitamin vegans", SearchRequest.Syntax.LUCENE, 3, null, null, List.of(),
          List.of(), null, false);
      assertEquals("101", s.search(plain).getFirst().id());
      assertTrue(HybridRanker.plainWords(s.buildQuery(plain), plain));
      assertFalse(HybridRanker.plainWords(s.buildQuery(fielded), fielded));
      SearchRequest and = new SearchRequest("cobalamin AND deficiency", SearchRequest.Syntax.LUCENE, 3, null, null,
          List.of(), List.of(), null, false);
      assertFalse(HybridRanker.plainWords(s.buildQuery(and), and));
      // A hyphenated word is searched as the phrase of its parts, and stays a plain word; a quoted phrase does not.
      SearchRequest hyphen = new SearchRequest("long-term vitamin", SearchRequest.Syntax.LUCENE, 3, null, null,
          List.of(), List.of(), null, false);
      assertTrue(HybridRanker.plainWords(s.buildQuery(hyphen), hyphen));
      SearchRequest quoted = new SearchRequest("\"long term\" vitamin", SearchRequest.Syntax.LUCENE, 3, null, null,
          List.of(), List.of(), null, false);
      assertFalse(HybridRanker.plainWords(s.buildQuery(quoted), quoted));
    }
  }

  @Test
  void reindexingNeverReembedsAndKeepsVectors(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("index");
    Path cacheDir = DenseVectors.defaultCache(dir);
    assertEquals(tmp.resolve("index-embeddings").toAbsolutePath(), cacheDir);
    try (DenseVectors v = DenseVectors.open(cacheDir, new OnnxModel.Options(1, 16), "")) {
      indexDense(dir, v);
      assertEquals(8, v.embedded());
      assertEquals(8, v.cache().size());
    }
    // Without being asked, an indexer of a dense index keeps adding vectors, from the cache beside it.
    Tally t = new Tally("index");
    try (AbstractIndexer indexer = AbstractIndexer.open(dir, new AbstractIndexer.Options(1, 16))) {
      assertTrue(indexer.dense());
      indexer.index(CORPUS, t);
      indexer.commit();
      assertEquals(0, indexer.vectors().embedded(), "unchanged records are not embedded again");
    }
    assertEquals(8, t.get(AbstractIndexer.REPLACED));
    try (AbstractSearcher s = searcher(dir, HybridRanker.Mode.DENSE)) {
      assertEquals("101", s.search(SearchRequest.text(SYNONYMS, 1)).getFirst().id());
    }
  }

  @Test
  void denseIndexingOfAnIndexBuiltWithoutAddsTheMissingVectors(@TempDir Path dir) throws IOException {
    AbstractIndexTest.index(dir, CORPUS);
    try (AbstractSearcher s = AbstractSearcher.open(dir, AbstractSearcher.Bm25.DEFAULT)) {
      assertEquals(HybridRanker.Mode.BM25, s.mode());
      assertEquals("BM25", s.ranking());
    }
    ClaimcheckException e = assertThrows(ClaimcheckException.class, () -> searcher(dir, HybridRanker.Mode.HYBRID));
    assertTrue(e.getMessage().contains("no vectors"), e.getMessage());
    Tally t = new Tally("index");
    try (AbstractIndexer indexer = AbstractIndexer.open(dir, new AbstractIndexer.Options(1, 16), vectors)) {
      indexer.addMissingVectors(t);
      indexer.commit();
    }
    assertEquals(8, t.get("VECTOR ADDED"));
    try (AbstractSearcher s = AbstractSearcher.open(dir, AbstractSearcher.Bm25.DEFAULT)) {
      assertEquals(HybridRanker.Mode.HYBRID, s.mode());
      assertEquals("101", s.search(SearchRequest.text(SYNONYMS, 1)).getFirst().id());
    }
  }

  @Test
  void fusionNormalisesEachScoreOverTheCandidates() {
    java.util.Map<Integer, float[]> both = new java.util.HashMap<>();
    both.put(1, new float[] {10, 0.2f});
    both.put(2, new float[] {0, 0.9f});
    both.put(3, new float[] {5, 0.55f});
    var fused = HybridRanker.fuse(new int[] {1, 2, 3}, both, 0.5);
    // 1: 0.5 * 1 + 0.5 * 0; 2: 0.5 * 0 + 0.5 * 1; 3: 0.5 * 0.5 + 0.5 * 0.5: a three-way tie, broken by doc.
    assertEquals(List.of(1, 2, 3), java.util.Arrays.stream(fused).map(d -> d.doc).toList());
    assertEquals(0.5f, fused[0].score, 1e-6);
    var bm25Heavy = HybridRanker.fuse(new int[] {1, 2, 3}, both, 0.8);
    assertEquals(List.of(1, 3, 2), java.util.Arrays.stream(bm25Heavy).map(d -> d.doc).toList());
    assertNull(HybridRanker.filterOf(new org.apache.lucene.search.TermQuery(
        new org.apache.lucene.index.Term("contents", "x"))));
  }
}
