package org.claimcheck.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimcheck.Tally;
import org.claimcheck.TestData;
import org.claimcheck.pubmed.PubmedRecord;
import org.claimcheck.pubmed.RecordReaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole shared PubMed sample into one index, in file-name order as `claimcheck index` applies it. */
class PubmedSampleIndexTest {
  @Test
  void everySampleRecordIsIndexedAndTheUpdateFileDeletesWhatItNames(@TempDir Path dir) throws IOException {
    Path sample = TestData.shared("pubmed-sample/xml");
    List<Path> files;
    try (var s = Files.list(sample)) {
      files = s.filter(RecordReaders::isSupported).sorted().toList();
    }
    // A record the update file pubmed26n1335 deletes, indexed before it.
    Path before = dir.resolve("aaa-before.xml");
    Files.writeString(before, "<PubmedArticleSet>" + AbstractIndexTest.article(41618748, 1,
        "A record the update file deletes", "Its abstract.", null) + "</PubmedArticleSet>");
    Tally t = new Tally("index");
    Path idx = dir.resolve("idx");
    try (AbstractIndexer indexer = AbstractIndexer.open(idx)) {
      indexer.index(before, t);
      indexer.index(files, t);
      indexer.commit();
    }
    assertEquals(0, t.get("FAILED"), t.reasons().toString());
    assertEquals(1 + 607, t.get(AbstractIndexer.INDEXED), t.toString());
    assertEquals(1, t.get(AbstractIndexer.REPLACED), "PMID 23117106 is in two files");
    assertEquals(1, t.get(AbstractIndexer.DELETED));
    assertEquals(860, t.get(AbstractIndexer.SKIPPED), "the other deletions name records the sample does not hold");
    try (AbstractSearcher s = AbstractSearcher.open(idx, AbstractSearcher.Bm25.DEFAULT)) {
      assertEquals(607, s.size());
      assertNull(s.get("41618748"), "deleted by the update file");
      PubmedRecord r = s.get("23194934");
      assertEquals(4, r.sections().size());
      assertTrue(r.sentences().size() >= 8, r.sentences().toString());
      assertEquals("Depression and anxiety are highly prevalent psychiatric disorders.", r.sentences().getFirst());
      List<SearchHit> hits = s.search(new SearchRequest("depression anxiety arthroplasty", SearchRequest.Syntax.TEXT,
          5, 2010, 2015, List.of(), List.of("Anxiety Disorders"), true, true));
      assertEquals("23194934", hits.getFirst().id());
      assertTrue(hits.getFirst().highlight().contains("<mark>"), hits.getFirst().highlight());
    }
  }
}
