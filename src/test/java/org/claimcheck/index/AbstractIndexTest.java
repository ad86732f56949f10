package org.claimcheck.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Tally;
import org.claimcheck.TestData;
import org.claimcheck.pubmed.PubmedRecord;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbstractIndexTest {
  static final Path PUBMED = TestData.resource("org/claimcheck/pubmed/invented-pubmed.xml");
  static final Path UPDATE = TestData.resource("org/claimcheck/pubmed/invented-update.xml");

  static Tally index(Path dir, Path... files) {
    Tally t = new Tally("index");
    try (AbstractIndexer indexer = AbstractIndexer.open(dir)) {
      for (Path f : files) {
        indexer.index(f, t);
      }
      indexer.commit();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return t;
  }

  static List<String> ids(List<SearchHit> hits) {
    return hits.stream().map(SearchHit::id).toList();
  }

  @Test
  void indexesSplitsSentencesAndSearches(@TempDir Path dir) throws IOException {
    Tally t = index(dir, PUBMED);
    assertEquals(4, t.get(AbstractIndexer.INDEXED));
    try (AbstractSearcher s = AbstractSearcher.open(dir, AbstractSearcher.Bm25.DEFAULT)) {
      assertEquals(4, s.size());
      PubmedRecord r = s.get("90000001");
      assertEquals(5, r.sentences().size(), r.sentences().toString());
      assertEquals("No toxicity was observed at doses up to 1000 \u03bcg daily.", r.sentences().get(3));

      List<SearchHit> hits = s.search(SearchRequest.text("cyanocobalamin toxicity doses", 10));
      assertEquals("90000001", hits.getFirst().id());
      assertEquals(3, hits.getFirst().bestSentence());
      assertEquals("No <mark>toxicity</mark> was observed at <mark>doses</mark> up to 1000 \u03bcg daily.",
          hits.getFirst().highlight());

      // Lucene syntax, fielded.
      assertEquals(List.of("90000002"), ids(s.search(new SearchRequest("title:melatonin", SearchRequest.Syntax.LUCENE,
          10, null, null, List.of(), List.of(), null, false))));
    }
  }

  @Test
  void filtersByYearTypeMeshHumansAndRetraction(@TempDir Path dir) throws IOException {
    index(dir, PUBMED);
    try (AbstractSearcher s = AbstractSearcher.open(dir, AbstractSearcher.Bm25.DEFAULT)) {
      String q = "vitamin B12 cobalamin melatonin homocysteine restless";
      assertEquals(4, s.search(SearchRequest.text(q, 10)).size());
      assertEquals(List.of("90000001"), ids(s.search(new SearchRequest(q, SearchRequest.Syntax.TEXT, 10, 2015, 2022,
          List.of(), List.of(), null, false))));
      assertEquals(List.of("90000001"), ids(s.search(new SearchRequest(q, SearchRequest.Syntax.TEXT, 10, null, null,
          List.of("randomized controlled trial"), List.of(), null, false))));
      assertEquals(List.of("90000002"), ids(s.search(new SearchRequest(q, SearchRequest.Syntax.TEXT, 10, null, null,
          List.of(), List.of("Melatonin"), null, false))));
      assertEquals(List.of("90000001"), ids(s.search(new SearchRequest(q, SearchRequest.Syntax.TEXT, 10, null, null,
          List.of(), List.of(), true, false))));
      assertTrue(ids(s.search(new SearchRequest(q, SearchRequest.Syntax.TEXT, 10, null, null, List.of(), List.of(),
          null, true))).stream().noneMatch("90000003"::equals));
    }
  }

  @Test
  void reindexingIsIdempotentAndUpdatesApplyInOrder(@TempDir Path dir) throws IOException {
    index(dir, PUBMED);
    Tally again = index(dir, PUBMED);
    assertEquals(4, again.get(AbstractIndexer.REPLACED));
    Tally update = index(dir, UPDATE);
    assertEquals(1, update.get(AbstractIndexer.REPLACED));
    assertEquals(1, update.get(AbstractIndexer.DELETED));
    assertEquals(1, update.get(AbstractIndexer.SKIPPED), "12345 was never indexed");
    try (AbstractSearcher s = AbstractSearcher.open(dir, AbstractSearcher.Bm25.DEFAULT)) {
      assertEquals(3, s.size());
      assertNull(s.get("90000004"));
      assertEquals(2, s.get("90000002").version());
      assertEquals(2014, s.get("90000002").year());
    }
    // An older version no longer replaces the newer one.
    Tally old = index(dir, PUBMED);
    assertEquals(1, old.reasons().get("SKIPPED: version 1 older than the indexed version 2"));
  }

  @Test
  void uncommittedWorkIsDiscarded(@TempDir Path dir) throws IOException {
    index(dir, PUBMED);
    try (AbstractIndexer indexer = AbstractIndexer.open(dir)) {
      indexer.index(UPDATE, new Tally("index"));
      // closed without commit
    }
    try (AbstractSearcher s = AbstractSearcher.open(dir, AbstractSearcher.Bm25.DEFAULT)) {
      assertEquals(4, s.size());
      assertEquals(1, s.get("90000002").version());
    }
  }

  @Test
  void refusesAnIndexWithoutAMatchingSchemaVersion(@TempDir Path dir) throws IOException {
    try (var d = FSDirectory.open(dir); var w = new IndexWriter(d, new IndexWriterConfig())) {
      w.addDocument(new Document());
      w.commit();
    }
    ClaimcheckException e = assertThrows(ClaimcheckException.class,
        () -> AbstractSearcher.open(dir, AbstractSearcher.Bm25.DEFAULT));
    assertTrue(e.oneLine().contains("Rebuild it"), e.oneLine());
    assertThrows(ClaimcheckException.class, () -> AbstractIndexer.open(dir));
  }

  @Test
  void badLuceneSyntaxIsAUsageError(@TempDir Path dir) throws IOException {
    index(dir, PUBMED);
    try (AbstractSearcher s = AbstractSearcher.open(dir, AbstractSearcher.Bm25.DEFAULT)) {
      ClaimcheckException e = assertThrows(ClaimcheckException.class, () -> s.search(new SearchRequest(
          "title:(unclosed", SearchRequest.Syntax.LUCENE, 10, null, null, List.of(), List.of(), null, false)));
      assertEquals(ClaimcheckException.USAGE, e.exitCode());
      // The same characters as plain text are fine.
      s.search(SearchRequest.text("title:(unclosed", 10));
    }
  }
}
