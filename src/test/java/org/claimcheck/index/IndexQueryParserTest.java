package org.claimcheck.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.Operations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lucene-syntax queries as {@code search} and the API parse them: wildcard and prefix terms against analysed terms. */
class IndexQueryParserTest {
  private static Query parse(String q) throws ParseException {
    try (Analyzer a = IndexSchema.queryAnalyzer()) {
      return new IndexQueryParser(a).parse(q);
    }
  }

  /** Whether the multi-term query {@code q} matches the index term {@code term}. */
  private static boolean matches(String q, String term) throws ParseException {
    AutomatonQuery a = assertInstanceOf(AutomatonQuery.class, parse(q), q);
    return Operations.run(a.getAutomaton(), term);
  }

  @Test
  void aPrefixMatchesTheWordAsAnalysedAndWhatItsLettersMatched() throws ParseException {
    // The index holds Porter stems in American spelling: fracture is fractur, therapy therapi.
    assertTrue(matches("fracture*", "fractur"));
    assertTrue(matches("fracture*", "fractures"), "what the letters matched before");
    assertTrue(matches("therapy*", "therapi"));
    assertTrue(matches("diabetes*", "diabet"));
    assertTrue(matches("cigarette*", "cigarett"));
    assertTrue(matches("Fracture*", "fractur"), "lower-cased");
    assertTrue(matches("tumour*", "tumor"));
    assertTrue(matches("tumour*", "tumorigenesi"), "the American prefix");
    assertTrue(matches("oestrogen*", "estrogen"));
    // Not the stem as a prefix: cells is cell, but cells* is not cellular; generation* is what generation finds.
    assertTrue(matches("cells*", "cell"));
    assertFalse(matches("cells*", "cellular"));
    assertTrue(matches("generation*", "gener"));
    assertFalse(matches("generation*", "generalli"));
    // A prefix the analysis leaves alone is Lucene's prefix query, as before.
    assertInstanceOf(PrefixQuery.class, parse("melaton*"));
    assertEquals("title:fracture*", parse("title:fracture*").toString());
    assertEquals("fracture*", parse("fracture*").toString(IndexSchema.CONTENTS));
    // Keyword fields are matched as the index holds them (lower-cased values), not stemmed.
    assertInstanceOf(PrefixQuery.class, parse("mesh:Fractures*"));
  }

  @Test
  void aWildcardMatchesItsPatternWithItsLastPartAnalysedAndTheWordsItSpells() throws ParseException {
    assertTrue(matches("hom?cysteine", "homocystein"));
    assertTrue(matches("hom?cysteine", "homocysteine"), "the pattern as typed");
    assertFalse(matches("hom?cysteine", "homocyst"));
    assertTrue(matches("hom*cysteine", "homocystein"));
    assertTrue(matches("hom?cysteine*", "homocystein"));
    // Spelled out: randomised and randomized are random in the index, colour is color, anaemia anemia.
    assertTrue(matches("randomi?ed", "random"));
    assertTrue(matches("colo?r", "color"));
    assertTrue(matches("an?emia", "anemia"));
    assertFalse(matches("randomi?ed", "randomli"));
  }

  @Test
  void aWordTheAnalysisSplitsIsSearchedAsThePhraseOfItsParts(@TempDir Path dir) throws Exception {
    assertEquals("\"long term\" effect", parse("long-term effects").toString(IndexSchema.CONTENTS));
    assertEquals("title:\"anti inflammatori\"", parse("title:anti-inflammatory").toString());
    assertEquals("\"state ? ? art\"", parse("state-of-the-art").toString(IndexSchema.CONTENTS));
    // A biomedical name is one term, as before.
    assertEquals("il-6", parse("IL-6").toString(IndexSchema.CONTENTS));
    Path corpus = Files.writeString(dir.resolve("c.jsonl"), String.join("\n",
        "{\"_id\": \"1\", \"title\": \"Long-term use of beta-blockers\", \"text\": \"Anti-inflammatory drugs.\"}",
        "{\"_id\": \"2\", \"title\": \"A long walk\", \"text\": \"The term of the trial was short.\"}",
        "{\"_id\": \"3\", \"title\": \"Beta carotene\", \"text\": \"Anti-smoking laws and the blocker.\"}", ""));
    AbstractIndexTest.index(dir.resolve("idx"), corpus);
    try (AbstractSearcher s = AbstractSearcher.open(dir.resolve("idx"), AbstractSearcher.Bm25.DEFAULT)) {
      // As either part, long-term matched 2 and beta-blocker 3.
      assertEquals(List.of("1"), lucene(s, "long-term"));
      assertEquals(List.of("1"), lucene(s, "beta-blocker"));
      assertEquals(List.of("1"), lucene(s, "abstract:anti-inflammatory"));
      assertEquals(lucene(s, "\"long term\""), lucene(s, "long-term"));
    }
  }

  @Test
  void searchesFindWholeWordPatterns(@TempDir Path dir) throws IOException {
    Path corpus = Files.writeString(dir.resolve("c.jsonl"), String.join("\n",
        "{\"_id\": \"1\", \"title\": \"Vitamin D and hip fractures\", \"text\": \"Vitamin D reduced fracture risk.\"}",
        "{\"_id\": \"2\", \"title\": \"Homocysteine in therapy\", \"text\": \"Therapies lowered homocysteine.\"}",
        "{\"_id\": \"3\", \"title\": \"Randomised trial in general practice\", \"text\": \"Tumours were rare.\"}",
        "{\"_id\": \"4\", \"title\": \"Cellular ageing\", \"text\": \"Cells age.\"}",
        ""));
    AbstractIndexTest.index(dir.resolve("idx"), corpus);
    try (AbstractSearcher s = AbstractSearcher.open(dir.resolve("idx"), AbstractSearcher.Bm25.DEFAULT)) {
      assertEquals(List.of("1"), lucene(s, "fracture*"));
      assertEquals(List.of("1"), lucene(s, "\"vitamin D\" AND fracture*"));
      assertEquals(List.of("1"), lucene(s, "abstract:fracture*"));
      assertEquals(List.of("2"), lucene(s, "therapy*"));
      assertEquals(List.of("2"), lucene(s, "hom?cysteine"));
      assertEquals(List.of("3"), lucene(s, "randomi?ed"));
      assertEquals(List.of("3"), lucene(s, "tumour*"));
      assertEquals(List.of("4"), lucene(s, "cells*"));
      assertEquals(lucene(s, "generation"), lucene(s, "generation*"));
    }
  }

  private static List<String> lucene(AbstractSearcher s, String q) throws IOException {
    return AbstractIndexTest.ids(s.search(new SearchRequest(q, SearchRequest.Syntax.LUCENE, 10, null, null, List.of(),
        List.of(), null, false)));
  }
}
