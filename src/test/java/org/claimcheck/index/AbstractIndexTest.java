package org.claimcheck.index;

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
  void bestSentenceIsTheFirstOfTheHighestScoringOnesWhateverThePruning(@TempDir Path dir) throws IOException {
    index(dir, PUBMED);
    String[] words = {"studies", "study", "studied", "cell", "cells", "cancel", "excellent", "vitamin", "B12",
        "cobalamin", "deficiency", "deficient", "neuropathy", "neuropathic", "the", "of", "IL-6", "omega-3", "doses",
        "dosing", "toxicity", "toxic", "melatonin", "synthesis", "synthesizes", "day", "days", "daily", "may", "key",
        "relational", "sensibility", "possibly", "IL\u20106", "TNF\u2011alpha", "TNF-alpha", "anti-IL-6", "cancelled"};
    java.util.Random random = new java.util.Random(20261122);
    try (AbstractSearcher s = AbstractSearcher.open(dir, AbstractSearcher.Bm25.DEFAULT)) {
      for (int trial = 0; trial < 2000; trial++) {
        java.util.Set<org.apache.lucene.index.Term> terms = new java.util.HashSet<>();
        StringBuilder q = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
          q.append(words[random.nextInt(words.length)]).append(' ');
        }
        s.bagOfWords(q.toString()).visit(org.apache.lucene.search.QueryVisitor.termCollector(terms));
        java.util.Map<String, Double> weights = new java.util.LinkedHashMap<>();
        // Few distinct weights, so that ties between sentences are common.
        terms.forEach(t -> weights.put(t.text(), (double) (1 + random.nextInt(3))));
        List<String> sentences = randomSentences(random, words);
        int expected = sentences.isEmpty() ? -1 : 0;
        double best = -1;
        for (int i = 0; i < sentences.size(); i++) {
          double sc = s.sentenceScore(sentences.get(i), weights);
          if (sc > best) {
            best = sc;
            expected = i;
          }
        }
        assertEquals(expected, s.bestSentence(sentences, weights), q + " in " + sentences + " with " + weights);
      }
    }
  }

  @Test
  void wildcardFuzzyAndRegularExpressionTermsAreHighlighted(@TempDir Path dir) throws IOException {
    index(dir, PUBMED);
    try (AbstractSearcher s = AbstractSearcher.open(dir, AbstractSearcher.Bm25.DEFAULT)) {
      // Sentence 0 of 90000002 holds melatonin: it was shown unmarked, as for a query without a match.
      SearchHit melatonin = luceneHits(s, "melaton*").getFirst();
      assertEquals("We measured pineal <mark>melatonin</mark> in rats given methylcobalamin.", melatonin.highlight());
      assertEquals("Vitamin B12 deficiency causes peripheral <mark>neuropathy</mark> in older adults.",
          luceneHits(s, "neuropath*").getFirst().highlight());
      // The best sentence, not the first.
      assertEquals("No <mark>toxicity</mark> was observed at doses up to 1000 \u03bcg daily.",
          luceneHits(s, "toxik~1").getFirst().highlight());
      assertEquals("<mark>Cyanocobalamin</mark> improved <mark>nerve</mark> conduction velocity compared with placebo "
          + "(p&lt;0.01).", luceneHits(s, "/cyanocob.*/ AND nerve*").getFirst().highlight());
      assertEquals("We randomized 120 adults with low cobalamin to <mark>oral</mark> <mark>cyanocobalamin</mark> or "
          + "<mark>placebo</mark> for 12 months.",
          luceneHits(s, "title:oral AND (abstract:cyanoc* placeb*)").getFirst().highlight());
      // Excluded patterns are not marked.
      assertEquals("We randomized 120 adults with low cobalamin to oral cyanocobalamin or <mark>placebo</mark> for 12 "
          + "months.", luceneHits(s, "placebo NOT title:cyanoc*").getFirst().highlight());
    }
  }

  @Test
  void britishSpellingsAreHighlighted(@TempDir Path dir) throws IOException {
    Path corpus = java.nio.file.Files.writeString(dir.resolve("c.jsonl"), "{\"_id\": \"1\", \"title\": \"Blood counts\", "
        + "\"text\": \"We counted red cells. Anaemia and oedema were common in the children.\"}\n");
    index(dir.resolve("idx"), corpus);
    try (AbstractSearcher s = AbstractSearcher.open(dir.resolve("idx"), AbstractSearcher.Bm25.DEFAULT)) {
      // anemia's probe "anem" is not in "anaemia": the sentence was never analysed, and sentence 0 shown unmarked.
      SearchHit hit = s.search(SearchRequest.text("anemia edema", 1)).getFirst();
      assertEquals(1, hit.bestSentence());
      assertEquals("<mark>Anaemia</mark> and <mark>oedema</mark> were common in the children.", hit.highlight());
      assertEquals("we counted red cells.", AbstractSearcher.forProbes("We counted red cells."));
      assertEquals("anaemia and oedema. anemia and edema.", AbstractSearcher.forProbes("Anaemia and oedema."));
    }
  }

  private static List<SearchHit> luceneHits(AbstractSearcher s, String q) throws IOException {
    return s.search(new SearchRequest(q, SearchRequest.Syntax.LUCENE, 10, null, null, List.of(), List.of(), null,
        false));
  }

  @Test
  void bestSentenceWithPatternsIsTheFirstOfTheHighestScoringOnesWhateverThePruning(@TempDir Path dir)
      throws Exception {
    index(dir, PUBMED);
    String[] words = {"studies", "study", "studied", "cell", "cells", "cellular", "cancel", "vitamin", "B12",
        "cobalamin", "deficiency", "neuropathy", "neuropathic", "the", "IL-6", "omega-3", "doses", "dosing", "toxicity",
        "toxic", "melatonin", "day", "days", "daily", "fracture", "fractures", "fracturing", "therapy", "therapies",
        "homocysteine", "randomised", "randomized", "tumour", "tumors", "anaemia", "anemia", "generation", "general"};
    String[] patterns = {"stud*", "studies*", "cell*", "cells*", "neuropath*", "toxic*", "melaton*", "fracture*",
        "therapy*", "hom?cysteine", "randomi?ed", "tumour*", "an?emia", "da?", "generation*", "gen*", "cobalamine~1",
        "/fractur.*/", "/.*tion/", "dos*", "IL-*"};
    java.util.Random random = new java.util.Random(20261208);
    try (AbstractSearcher s = AbstractSearcher.open(dir, AbstractSearcher.Bm25.DEFAULT);
        org.apache.lucene.analysis.Analyzer a = IndexSchema.queryAnalyzer()) {
      IndexQueryParser parser = new IndexQueryParser(a);
      for (int trial = 0; trial < 1000; trial++) {
        java.util.Map<String, Double> weights = new java.util.LinkedHashMap<>();
        java.util.Map<org.apache.lucene.search.MultiTermQuery, Double> multi = new java.util.LinkedHashMap<>();
        StringBuilder q = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
          String p = patterns[random.nextInt(patterns.length)];
          q.append(p).append(' ');
          if (parser.parse(p) instanceof org.apache.lucene.search.MultiTermQuery m) {
            multi.put(m, (double) (1 + random.nextInt(3)));
          }
        }
        if (random.nextBoolean()) {
          weights.put("vitamin", (double) (1 + random.nextInt(3)));
        }
        List<String> sentences = randomSentences(random, words);
        int expected = sentences.isEmpty() ? -1 : 0;
        double best = -1;
        for (int i = 0; i < sentences.size(); i++) {
          double sc = s.sentenceScore(sentences.get(i), weights, multi);
          if (sc > best) {
            best = sc;
            expected = i;
          }
        }
        assertEquals(expected, s.bestSentence(sentences, weights, multi), q + " in " + sentences);
      }
    }
  }

  @Test
  void renamedPubmedUpdateFilesAreOrderedByThePubmedNameInTheirName(@TempDir Path dir) throws IOException {
    assertEquals(26_000_000_001L, AbstractIndexer.pubmedFileOrder("pubmed26n0001.xml.gz"));
    assertEquals(26_000_000_001L, AbstractIndexer.pubmedFileOrder("b__pubmed26n0001.xml"));
    assertEquals(26_000_000_002L, AbstractIndexer.pubmedFileOrder("pubmed26n0002 (1).XML.gz"));
    assertEquals(-1, AbstractIndexer.pubmedFileOrder("notpubmed26n0001.xml"));
    assertEquals(-1, AbstractIndexer.pubmedFileOrder("pubmed26n0001.jsonl"));
    assertEquals(-1, AbstractIndexer.pubmedFileOrder("pubmed_sample.xml"));
    // In one folder, a__...0002 comes before b__...0001 by name: the older update applied last, unwarned.
    try (AbstractIndexer indexer = AbstractIndexer.open(dir.resolve("one"))) {
      String w = indexer.olderThanRead(List.of(dir.resolve("a__pubmed26n0002.xml"),
          dir.resolve("b__pubmed26n0001.xml")));
      assertTrue(w != null && w.startsWith("b__pubmed26n0001.xml is older than a__pubmed26n0002.xml, which is read "
          + "before it"), w);
    }
    // And across runs: the index remembers the latest it read under its own name.
    Path newer = java.nio.file.Files.copy(PUBMED, dir.resolve("x__pubmed26n0002.xml"));
    index(dir.resolve("two"), newer);
    try (AbstractIndexer indexer = AbstractIndexer.open(dir.resolve("two"))) {
      String w = indexer.olderThanRead(List.of(dir.resolve("y__pubmed26n0001.xml")));
      assertTrue(w != null && w.startsWith("y__pubmed26n0001.xml is older than x__pubmed26n0002.xml, which this "
          + "index has read"), w);
      assertNull(indexer.olderThanRead(List.of(dir.resolve("pubmed26n0003.xml"))));
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
      // Keyword fields in the query syntax: values as the records show them (the index holds them lower-cased).
      assertEquals(List.of("90000002"), lucene(s, "mesh:Melatonin"));
      assertEquals(lucene(s, "mesh:melatonin"), lucene(s, "mesh:MELATONIN"));
      assertEquals(lucene(s, "pubtype:\"randomized controlled trial\""),
          lucene(s, "pubtype:\"Randomized Controlled Trial\""));
      assertEquals(lucene(s, "humans:true"), lucene(s, "humans:TRUE"));
      assertEquals(lucene(s, "mesh:melaton*"), lucene(s, "mesh:Melaton*"));
      assertEquals(List.of("90000002"), lucene(s, "mesh:melaton*"));
      assertEquals(lucene(s, "mesh:(Humans OR Melatonin)"), lucene(s, "mesh:(Humans Melatonin)"), "words apart");
      assertTrue(lucene(s, "mesh:(Humans Melatonin)").contains("90000002"));
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
  void cachedRecordsGiveWayToNewVersionsAfterARefresh(@TempDir Path dir) throws IOException {
    index(dir, PUBMED);
    try (AbstractSearcher s = AbstractSearcher.open(dir, AbstractSearcher.Bm25.DEFAULT)) {
      s.recordCache(2);
      assertEquals(1, s.get("90000002").version());
      assertEquals(1, s.get("90000002").version());
      assertEquals(new AbstractSearcher.CacheStats(2, 1, 1, 1), s.recordCacheStats());
      for (String id : List.of("90000001", "90000003", "90000004")) {
        s.get(id);
      }
      assertEquals(2, s.recordCacheStats().size(), "the least recently used records make way");
      index(dir, UPDATE);
      s.refresh();
      assertEquals(2, s.get("90000002").version(), "the replaced version is not served from the cache");
      assertNull(s.get("90000004"), "nor the deleted record");
      s.recordCache(0);
      assertEquals(2, s.get("90000002").version());
      assertEquals(new AbstractSearcher.CacheStats(0, 0, 0, 0), s.recordCacheStats());
    }
  }

  /**
   * {@code rm -rf index && claimcheck index --index index ...} while a searcher is open: Lucene refuses to refresh the
   * old reader (a segment of the same name with other documents), so the index is opened afresh.
   */
  @Test
  void anIndexRebuiltInPlaceIsPickedUpByARefresh(@TempDir Path dir) throws IOException {
    Path index = dir.resolve("index");
    index(index, PUBMED);
    try (AbstractSearcher s = AbstractSearcher.open(index, AbstractSearcher.Bm25.DEFAULT)) {
      assertEquals(4, s.size());
      deleteTree(index);
      IOException gone = assertThrows(IOException.class, s::refresh);
      assertTrue(gone.getMessage().startsWith("cannot refresh the index (") && gone.getMessage().contains(
          ") nor open it afresh ("), gone.getMessage());
      assertEquals(4, s.size(), "the old index goes on serving");
      assertEquals("90000001", s.get("90000001").id());
      index(index, HybridSearchTest.CORPUS);
      s.refresh();
      assertEquals(8, s.size());
      assertNull(s.get("90000001"));
      assertEquals("101", s.get("101").id());
      s.refresh();
      assertEquals(8, s.size(), "an ordinary refresh after the swap");
      // Rebuilt again, with two commits: Lucene's refresh now finds segment _0 changed and refuses.
      deleteTree(index);
      index(index, PUBMED);
      index(index, UPDATE);
      s.refresh();
      assertNull(s.get("101"));
      assertEquals(2, s.get("90000002").version());
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var files = java.nio.file.Files.walk(dir)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.delete(f);
      }
    }
  }

  @Test
  void indexIdsAnswerForAnIndexOfAnySchemaVersion(@TempDir Path dir) throws IOException {
    assertNull(IndexIds.open(dir.resolve("none")));
    index(dir, PUBMED, UPDATE);
    try (org.apache.lucene.store.Directory d = org.apache.lucene.store.FSDirectory.open(dir);
        org.apache.lucene.index.IndexWriter w = new org.apache.lucene.index.IndexWriter(d,
            new org.apache.lucene.index.IndexWriterConfig())) {
      w.setLiveCommitData(java.util.Map.of(IndexSchema.VERSION_KEY, "2").entrySet());
      w.commit();
    }
    assertTrue(AbstractIndexer.incompatibility(dir) != null);
    try (IndexIds ids = IndexIds.open(dir)) {
      assertTrue(ids.contains("90000001"));
      assertFalse(ids.contains("90000004"), "deleted by the update file");
      assertFalse(ids.contains("12345"));
    }
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
  void refusesAnIndexOfSchemaVersionTwoWithItsJsonRecords(@TempDir Path dir) throws IOException {
    try (var d = FSDirectory.open(dir); var w = new IndexWriter(d, new IndexWriterConfig())) {
      w.addDocument(new Document());
      w.setLiveCommitData(java.util.Map.of(IndexSchema.VERSION_KEY, "2").entrySet());
      w.commit();
    }
    ClaimcheckException e = assertThrows(ClaimcheckException.class,
        () -> AbstractSearcher.open(dir, AbstractSearcher.Bm25.DEFAULT));
    assertTrue(e.oneLine().contains("schema version 2, this claimcheck needs " + IndexSchema.VERSION), e.oneLine());
    assertTrue(e.oneLine().contains("Rebuild it"), e.oneLine());
  }

  @Test
  void storedRecordsComeBackEqualWhateverTheirFields() {
    PubmedRecord full = new PubmedRecord("12345", 3, "Title with \u00e9, \u03b1 and \ud83d\ude00",
        List.of(new PubmedRecord.Section("BACKGROUND", "BACKGROUND", "First. Second."),
            new PubmedRecord.Section(null, null, "Unlabelled \u00b5g.")),
        List.of("First.", "Second."), "J Test", "2013 Mar-Apr", -44, List.of("Smith J", "Group"), "10.1/x",
        List.of(new PubmedRecord.MeshHeading("Humans", false, List.of()),
            new PubmedRecord.MeshHeading("Vitamin B 12", true, List.of("blood", "deficiency"))),
        List.of("Journal Article"), "eng", true, false, true, PubmedRecord.CORPUS);
    PubmedRecord bare = new PubmedRecord("x", -1, null, List.of(), List.of(), null, null, null, List.of(), null,
        List.of(), List.of(), null, false, true, false);
    for (PubmedRecord r : List.of(full, bare, full.withSentences(List.of()))) {
      byte[] stored = StoredSource.encode(r, true);
      assertEquals(r, StoredSource.decode(new org.apache.lucene.util.BytesRef(stored), null));
      assertEquals(r.withSentences(List.of()), StoredSource.decode(new org.apache.lucene.util.BytesRef(
          StoredSource.encode(r, false)), null), "sentences left out");
    }
    assertThrows(IllegalStateException.class, () -> StoredSource.decode(new org.apache.lucene.util.BytesRef(
        "{\"id\":\"1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)), null), "JSON of schema version 2");
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

  static List<String> lucene(AbstractSearcher s, String q) throws IOException {
    return ids(s.search(new SearchRequest(q, SearchRequest.Syntax.LUCENE, 100, null, null, List.of(), List.of(), null,
        false))).stream().sorted().toList();
  }

  @Test
  void abstractSearchesSeeTheAbstractAndNotTheTitle(@TempDir Path dir) throws IOException {
    Path idx = dir.resolve("idx"); // not beside the input file: a folder of other files is no index
    // 1: the words in the title only; 2: in the abstract only; 3: in both; 4: the title's last word and the
    // abstract's first make a phrase across the boundary.
    index(idx, write(dir, "a.xml", article(1, 1, "Melatonin synthesis", "Nothing about it here.", null)
        + article(2, 1, "A study of sleep", "The melatonin synthesis in the pineal gland was measured.", null)
        + article(3, 1, "Melatonin synthesis", "Melatonin synthesis falls with age.", null)
        + article(4, 1, "Effects of pineal", "Gland size was measured in 40 adults.", null)
        + article(5, 1, "IL-6 levels", "Serum IL-6 levels rose; SARS-CoV-2 was absent.", null)
        + article(6, 1, "SARS-CoV-2 and IL-6", "Levels of interleukins fell.", null)
        + article(7, 1, "Six sites", "IL levels were measured at 6 sites; type 2 diabetes.", null)
        + article(8, 1, "Typesetting", "Pressure fell by 5\u202fmmHg (p\u202f&lt;\u202f0.05).", null)));
    try (AbstractSearcher s = AbstractSearcher.open(idx, AbstractSearcher.Bm25.DEFAULT)) {
      assertEquals(List.of("1", "2", "3"), lucene(s, "melatonin"));
      assertEquals(List.of("1", "3"), lucene(s, "title:melatonin"));
      assertEquals(List.of("2", "3"), lucene(s, "abstract:melatonin"));
      assertEquals(List.of("2", "3"), lucene(s, "abstract:\"melatonin synthesis\""));
      assertEquals(List.of("2"), lucene(s, "abstract:\"synthesis in the pineal\""), "stop words leave gaps");
      assertEquals(List.of("2"), lucene(s, "abstract:\"synthesis pineal\"~2"), "slop");
      assertEquals(List.of("2"), lucene(s, "\"synthesis pineal\"~2"), "the same in contents");
      assertEquals(List.of(), lucene(s, "abstract:\"synthesis pineal\""));
      assertEquals(List.of("2", "3"), lucene(s, "abstract:melaton*"), "wildcards");
      assertEquals(List.of("2", "3"), lucene(s, "abstract:melatonine~1"), "fuzzy");
      assertEquals(List.of("2", "3"), lucene(s, "abstract:/melato.*/"), "regular expressions");
      assertEquals(List.of("2"), lucene(s, "abstract:(pineal OR age) -abstract:age"));
      assertEquals(List.of("3"), lucene(s, "+title:melatonin +abstract:melatonin"));
      // Biomedical names (the compound stacked on its parts): synonyms and multi-phrases.
      assertEquals(List.of("5"), lucene(s, "abstract:IL-6"));
      assertEquals(List.of("5"), lucene(s, "abstract:\"IL-6 levels\""));
      assertEquals(List.of("5"), lucene(s, "abstract:SARS-CoV-2^2"));
      assertEquals(List.of("5", "6"), lucene(s, "\"IL-6 levels\" OR title:IL-6"));
      // A name is searched whole: its parts (IL, 6) elsewhere in a record do not match it.
      assertEquals(List.of("5", "6"), lucene(s, "IL-6"));
      assertEquals(List.of("5", "6"), lucene(s, "il-6"));
      assertEquals(List.of("5"), lucene(s, "\"serum IL-6 levels\""));
      assertEquals(List.of("5"), lucene(s, "\"IL-6 levels rose\""));
      assertEquals(List.of("5", "6", "7"), lucene(s, "IL"), "the parts are indexed");
      assertEquals(List.of("5", "6", "7"), lucene(s, "6"));
      // A narrow no-break space separates words as a space does.
      assertEquals(List.of("8"), lucene(s, "mmHg"));
      assertEquals(List.of("8"), lucene(s, "\"5 mmHg\""));
      assertEquals(List.of(), lucene(s, "abstract:the"), "stop words only: nothing to search");
      // A phrase does not run from the title into the abstract.
      assertEquals(List.of("2"), lucene(s, "\"pineal gland\""));
      assertEquals(List.of(), lucene(s, "abstract:\"pineal gland\" AND id:4"));
      // Scores are BM25 over the matches in the abstract, with the record's length: the shorter record first.
      List<SearchHit> hits = s.search(new SearchRequest("abstract:melatonin OR abstract:synthesis",
          SearchRequest.Syntax.LUCENE, 10, null, null, List.of(), List.of(), null, false));
      assertEquals(List.of("3", "2"), ids(hits));
      assertTrue(hits.get(0).score() > hits.get(1).score());
      assertEquals("<mark>Melatonin</mark> synthesis falls with age.",
          s.search(new SearchRequest("abstract:melatonin", SearchRequest.Syntax.LUCENE, 10, null, null, List.of(),
              List.of(), null, false)).stream().filter(h -> h.id().equals("3")).findFirst().orElseThrow()
              .highlight());
    }
    // The index holds no field of that name: the abstract's words are in contents, after the title's.
    try (var reader = org.apache.lucene.index.DirectoryReader.open(FSDirectory.open(idx))) {
      var infos = org.apache.lucene.index.FieldInfos.getMergedFieldInfos(reader);
      assertNull(infos.fieldInfo(IndexSchema.ABSTRACT));
      assertEquals(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS,
          infos.fieldInfo(IndexSchema.CONTENTS).getIndexOptions());
    }
  }

  @Test
  void wildcardsOnAbstractThatMatchTooManyWordsAreAUsageError(@TempDir Path dir) throws IOException {
    Path idx = dir.resolve("idx"); // not beside the input file: a folder of other files is no index
    StringBuilder records = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      records.append(article(100 + i, 1, "Title " + i, "Word zeta" + i + "a zeta" + i + "b zeta" + i + "c.", null));
    }
    index(idx, write(dir, "a.xml", records.toString()));
    int saved = org.apache.lucene.search.IndexSearcher.getMaxClauseCount();
    org.apache.lucene.search.IndexSearcher.setMaxClauseCount(100);
    try (AbstractSearcher s = AbstractSearcher.open(idx, AbstractSearcher.Bm25.DEFAULT)) {
      assertEquals(40, lucene(s, "zeta*").size(), "contents: no limit");
      ClaimcheckException e = assertThrows(ClaimcheckException.class, () -> lucene(s, "abstract:zeta*"));
      assertEquals(ClaimcheckException.USAGE, e.exitCode());
      assertTrue(e.oneLine().contains("matches more than 100 words"), e.oneLine());
    } finally {
      org.apache.lucene.search.IndexSearcher.setMaxClauseCount(saved);
    }
  }

  static String article(int pmid, int version, String title, String abstractText, String meshXml) {
    return "<PubmedArticle><MedlineCitation><PMID Version=\"" + version + "\">" + pmid + "</PMID><Article>"
        + "<Journal><JournalIssue><PubDate><Year>2020</Year></PubDate></JournalIssue><Title>J</Title></Journal>"
        + "<ArticleTitle>" + title + "</ArticleTitle><Abstract><AbstractText>" + abstractText
        + "</AbstractText></Abstract></Article>" + (meshXml == null ? "" : "<MeshHeadingList>" + meshXml
        + "</MeshHeadingList>") + "</MedlineCitation></PubmedArticle>\n";
  }

  static Path write(Path dir, String name, String records) throws IOException {
    Path f = dir.resolve(name);
    java.nio.file.Files.writeString(f, "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n" + records
        + "</PubmedArticleSet>\n");
    return f;
  }

  @Test
  void pubmedRecordsAndCorpusDocumentsNeverReplaceEachOther(@TempDir Path dir) throws IOException {
    Path xml = write(dir, "p.xml", article(4983, 1, "PubMed record", "From PubMed.", null)
        + article(7, 1, "Seven", "Also from PubMed.", null));
    Path jsonl = java.nio.file.Files.writeString(dir.resolve("c.jsonl"),
        "{\"_id\": \"4983\", \"title\": \"Corpus document\", \"text\": \"From the corpus.\"}\n"
        + "{\"_id\": \"12\", \"title\": \"Twelve\", \"text\": \"Corpus only.\"}\n");
    Path delete = write(dir, "d.xml", "<DeleteCitation><PMID Version=\"1\">12</PMID></DeleteCitation>\n");
    String clash = "SKIPPED: the id is a PubMed record's in the index (PubMed and corpus ids share one index)";
    // In one session (the ids are kept in memory until the commit) and across commits.
    Tally one = index(dir.resolve("one"), xml, jsonl, delete);
    assertEquals(1, one.reasons().get(clash), one.reasons().toString());
    assertEquals(List.of("4983 (c.jsonl)"), one.examples().get(clash));
    assertEquals(1, one.reasons().get("SKIPPED: delete of a PMID that is a corpus document's id here"));
    index(dir.resolve("two"), xml);
    Tally two = index(dir.resolve("two"), jsonl, delete);
    assertEquals(1, two.reasons().get(clash), two.reasons().toString());
    assertEquals(1, two.reasons().get("SKIPPED: delete of a PMID that is a corpus document's id here"));
    Tally back = index(dir.resolve("three"), jsonl);
    assertEquals(2, back.get(AbstractIndexer.INDEXED));
    Tally other = index(dir.resolve("three"), xml);
    assertEquals(1, other.reasons().get("SKIPPED: the id is a corpus document's in the index (PubMed and corpus ids "
        + "share one index)"), other.reasons().toString());
    for (String idx : List.of("one", "two")) {
      try (AbstractSearcher s = AbstractSearcher.open(dir.resolve(idx), AbstractSearcher.Bm25.DEFAULT)) {
        assertEquals("PubMed record", s.get("4983").title(), idx);
        assertEquals("Twelve", s.get("12").title(), idx);
      }
    }
    // Re-indexing the same collection still replaces.
    assertEquals(2, index(dir.resolve("two"), xml).get(AbstractIndexer.REPLACED));
  }

  @Test
  void parallelWorkersKeepEachIdsUpdatesInFileOrder(@TempDir Path dir) throws IOException {
    StringBuilder base = new StringBuilder();
    for (int i = 1; i <= 300; i++) {
      base.append(article(i, 1, "Record " + i, "Base text " + i + ". Second sentence.", null));
    }
    StringBuilder update = new StringBuilder();
    for (int i = 1; i <= 300; i++) {
      if (i % 2 == 0) {
        update.append(article(i, 2, "Record " + i + " revised", "Revised text.", null));
      }
      if (i % 3 == 0) {
        update.append("<DeleteCitation><PMID Version=\"1\">").append(i).append("</PMID></DeleteCitation>\n");
      }
    }
    // Record 7 is revised twice in one file, and record 12 is deleted then added again: the last entry wins.
    update.append(article(7, 2, "Seven v2", "v2.", null)).append(article(7, 3, "Seven v3", "v3.", null));
    update.append(article(12, 4, "Twelve is back", "Back.", null));
    Path a = write(dir, "pubmed26n0001.xml", base.toString());
    Path b = write(dir, "pubmed26n0002.xml", update.toString());
    Tally t = new Tally("index");
    try (AbstractIndexer indexer = AbstractIndexer.open(dir.resolve("idx"), new AbstractIndexer.Options(4, 32))) {
      indexer.index(List.of(a, b), t);
      indexer.commit();
    }
    assertEquals(300 + 1, t.get(AbstractIndexer.INDEXED), t.toString()); // 12 comes back after its deletion
    assertEquals(100, t.get(AbstractIndexer.DELETED));
    assertEquals(150 + 2, t.get(AbstractIndexer.REPLACED));
    try (AbstractSearcher s = AbstractSearcher.open(dir.resolve("idx"), AbstractSearcher.Bm25.DEFAULT)) {
      assertEquals(300 - 100 + 1, s.size());
      for (int i = 1; i <= 300; i++) {
        PubmedRecord r = s.get(Integer.toString(i));
        if (i == 12) {
          assertEquals("Twelve is back", r.title());
        } else if (i == 7) {
          assertEquals(3, r.version());
        } else if (i % 3 == 0) {
          assertNull(r, "deleted " + i);
        } else {
          assertEquals(i % 2 == 0 ? 2 : 1, r.version(), "record " + i);
          assertEquals(i % 2 == 0 ? List.of("Revised text.") : List.of("Base text " + i + ".", "Second sentence."),
              r.sentences(), "sentences of " + i);
        }
      }
      assertEquals(java.util.Set.of("1", "2"), s.existing(List.of("1", "2", "3", "999")));
    }
  }

  @Test
  void malformedRecordsAndTruncatedFilesAreCountedAndTheRestIndexed(@TempDir Path dir) throws IOException {
    Path f = write(dir, "mixed.xml", article(1, 1, "Good one", "Fine.", null)
        + "<PubmedArticle><MedlineCitation><PMID>2</PMID><Article><ArticleTitle>Bad &nbsp; entity</ArticleTitle>"
        + "</Article></MedlineCitation></PubmedArticle>\n" + article(3, 1, "Good three", "Fine.", null));
    StringBuilder many = new StringBuilder();
    for (int i = 10; i < 400; i++) {
      many.append(article(i, 1, "Gzipped record " + i, "Some text for record " + i + ".", null));
    }
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(bytes)) {
      out.write(("<PubmedArticleSet>" + many).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    Path gz = dir.resolve("cut.xml.gz");
    java.nio.file.Files.write(gz, java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2));
    Tally t = index(dir.resolve("idx"), f, gz);
    assertEquals(1, t.get(AbstractIndexer.SKIPPED));
    assertTrue(t.reasons().keySet().stream().anyMatch(r -> r.startsWith("SKIPPED: malformed record: the entity "
        + "\"\u2026\" was referenced, but not declared")), t.reasons().toString());
    assertEquals(1, t.get("FAILED"));
    String failure = t.reasons().keySet().stream().filter(r -> r.startsWith("FAILED")).findFirst().orElseThrow();
    assertTrue(failure.contains("the file breaks off after"), failure);
    // The summary names the file that failed and the record skipped, with its file.
    assertEquals(List.of("cut.xml.gz"), t.examples().get(failure));
    List<List<String>> skipped = t.examples().entrySet().stream()
        .filter(e -> e.getKey().startsWith("SKIPPED")).map(java.util.Map.Entry::getValue).toList();
    assertEquals(1, skipped.size());
    assertTrue(skipped.get(0).get(0).startsWith("2 (mixed.xml, record 2, line 1 of it: the entity \"nbsp\""),
        skipped.toString());
    long fromGz = t.get(AbstractIndexer.INDEXED) - 2;
    assertTrue(fromGz > 50 && fromGz < 390, fromGz + " records read before the cut");
  }

  @Test
  void absurdlyLongFilterValuesDoNotStopIndexing(@TempDir Path dir) throws IOException {
    String journal = "J".repeat(40_000);
    Path f = write(dir, "long.xml", article(1, 1, "Long journal", "Text.", null).replace("<Title>J</Title>",
        "<Title>" + journal + "</Title>") + article(2, 1, "Normal", "Text.", null));
    Tally t = index(dir.resolve("idx"), f);
    assertEquals(2, t.get(AbstractIndexer.INDEXED), t.reasons().toString());
    try (AbstractSearcher s = AbstractSearcher.open(dir.resolve("idx"), AbstractSearcher.Bm25.DEFAULT)) {
      assertEquals(journal, s.get("1").journal(), "stored whole, only not a filter");
    }
  }

  @Test
  void pagesAreSlicesOfOneOrderWithTiesBrokenById(@TempDir Path dir) throws IOException {
    Path idx = dir.resolve("idx"); // not beside the input file: a folder of other files is no index
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= 40; i++) {
      // Four groups of ten identical records: scores tie within a group.
      String words = "cobalamin " + "neuropathy ".repeat(1 + (i % 4));
      sb.append(article(1000 + i, 1, "Same title", words, i % 2 == 0
          ? "<MeshHeading><DescriptorName MajorTopicYN=\"N\">Animals</DescriptorName></MeshHeading>" : null));
    }
    index(idx, write(dir, "ties.xml", sb.toString()));
    try (AbstractSearcher s = AbstractSearcher.open(idx, AbstractSearcher.Bm25.DEFAULT)) {
      SearchRequest all = SearchRequest.text("neuropathy", 40);
      List<SearchHit> full = s.search(all);
      assertEquals(40, full.size());
      for (int i = 1; i < full.size(); i++) {
        SearchHit p = full.get(i - 1);
        SearchHit h = full.get(i);
        assertTrue(p.score() > h.score() || (p.score() == h.score() && p.id().compareTo(h.id()) < 0),
            "order at rank " + h.rank());
      }
      List<SearchHit> paged = new java.util.ArrayList<>();
      for (int page = 1; page <= 6; page++) {
        SearchPage sp = s.page(SearchRequest.text("neuropathy", 7).page(page));
        assertEquals(40, sp.totalHits());
        assertTrue(sp.totalIsExact());
        paged.addAll(sp.hits());
      }
      assertEquals(ids(full), ids(paged));
      assertEquals(List.of(8, 9), paged.subList(7, 9).stream().map(SearchHit::rank).toList());
      assertEquals(20, s.search(new SearchRequest("neuropathy", SearchRequest.Syntax.TEXT, 40, null, null, List.of(),
          List.of(), null, false, 0, true)).size(), "the Animals check tag");
      assertEquals(20, s.search(new SearchRequest("neuropathy", SearchRequest.Syntax.TEXT, 40, null, null, List.of(),
          List.of(), null, false, 0, false)).size(), "without the Animals check tag");
      assertTrue(s.page(SearchRequest.text("neuropathy", 10).withOffset(100)).hits().isEmpty());
    }
  }

  @Test
  void sentencesTheIndexSplitAreStoredAsSpansAndComeBackWhole(@TempDir Path dir) throws IOException {
    index(dir, PUBMED);
    try (AbstractSearcher s = AbstractSearcher.open(dir, AbstractSearcher.Bm25.DEFAULT)) {
      PubmedRecord r = s.get("90000001");
      assertEquals(AbstractIndexer.split(r), r.sentences());
      assertEquals("Vitamin B12 deficiency causes peripheral neuropathy in older adults.", r.sentences().get(0));
    }
    PubmedRecord r = new PubmedRecord("1", 1, "t", List.of(new PubmedRecord.Section(null, null, "A b. C d."),
        new PubmedRecord.Section("X", null, "E f.")), List.of("A b.", "C d.", "E f."), null, null, null, List.of(),
        null, List.of(), List.of(), null, false, false, false);
    byte[] spans = StoredSource.spans(r);
    assertEquals(r, StoredSource.decode(new org.apache.lucene.util.BytesRef(StoredSource.encode(r, false)),
        new org.apache.lucene.util.BytesRef(spans)));
    assertNull(StoredSource.spans(r.withSentences(List.of("not in the text"))), "sentences a corpus gives stay text");
  }

  /** Up to 7 sentences of 1 to 8 words drawn from {@code words}, for the randomised best-sentence checks. */
  private static List<String> randomSentences(java.util.Random random, String[] words) {
    List<String> sentences = new java.util.ArrayList<>();
    for (int i = 0, n = random.nextInt(8); i < n; i++) {
      StringBuilder sentence = new StringBuilder();
      for (int j = 0, m = 1 + random.nextInt(8); j < m; j++) {
        sentence.append(words[random.nextInt(words.length)]).append(j == m - 1 ? "." : " ");
      }
      sentences.add(sentence.toString());
    }
    return sentences;
  }
}
