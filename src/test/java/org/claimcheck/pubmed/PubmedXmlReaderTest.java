package org.claimcheck.pubmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.claimcheck.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PubmedXmlReaderTest {
  static List<RecordReader.Entry> readAll(Path file) throws IOException {
    List<RecordReader.Entry> out = new ArrayList<>();
    try (RecordReader r = RecordReaders.open(file)) {
      for (RecordReader.Entry e; (e = r.next()) != null; ) {
        out.add(e);
      }
    }
    return out;
  }

  static PubmedRecord record(RecordReader.Entry e) {
    return assertInstanceOf(RecordReader.Entry.Upsert.class, e).record();
  }

  @Test
  void readsEveryFieldOfAStructuredAbstract() throws IOException {
    List<RecordReader.Entry> entries = readAll(TestData.resource("org/claimcheck/pubmed/invented-pubmed.xml"));
    assertEquals(4, entries.size());
    PubmedRecord r = record(entries.get(0));
    assertEquals("90000001", r.id());
    assertEquals(1, r.version());
    // Inline markup is kept as text: the title does not stop at <sub>.
    assertEquals("Oral vitamin B12 and peripheral neuropathy: a randomized controlled trial.", r.title());
    assertEquals(4, r.sections().size());
    assertEquals("BACKGROUND", r.sections().get(0).label());
    assertEquals("BACKGROUND", r.sections().get(0).category());
    assertEquals("Vitamin B12 deficiency causes peripheral neuropathy in older adults.", r.sections().get(0).text());
    assertEquals("Cyanocobalamin improved nerve conduction velocity compared with placebo (p<0.01). No toxicity was "
        + "observed at doses up to 1000 \u03bcg daily.", r.sections().get(2).text());
    assertEquals("Journal of Invented Neurology", r.journal());
    assertEquals("2021 Mar 05", r.pubDate());
    assertEquals(2021, r.year());
    assertEquals(List.of("Doe Jane", "Roe Richard", "Invented Trial Group"), r.authors());
    assertEquals("10.0000/jin.2021.001", r.doi());
    assertEquals(List.of("Randomized Controlled Trial", "Journal Article"), r.publicationTypes());
    assertEquals("eng", r.language());
    assertEquals(3, r.mesh().size());
    PubmedRecord.MeshHeading b12 = r.mesh().get(1);
    assertEquals("Vitamin B 12", b12.descriptor());
    assertEquals(List.of("therapeutic use"), b12.qualifiers());
    assertTrue(b12.major(), "a major qualifier makes the heading a major topic");
    assertTrue(r.humans());
    assertFalse(r.animals());
    assertFalse(r.retracted());
    assertTrue(r.sentences().isEmpty(), "PubMed gives no sentence split");
  }

  @Test
  void readsMedlineDatesAnimalsRetractionsAndTitleOnlyRecords() throws IOException {
    List<RecordReader.Entry> entries = readAll(TestData.resource("org/claimcheck/pubmed/invented-pubmed.xml"));
    PubmedRecord rats = record(entries.get(1));
    assertEquals("2013 Mar-Apr", rats.pubDate());
    assertEquals(2013, rats.year());
    assertTrue(rats.animals());
    assertFalse(rats.humans());
    assertEquals(List.of("Poe E"), rats.authors());
    PubmedRecord retracted = record(entries.get(2));
    assertTrue(retracted.retracted());
    PubmedRecord letter = record(entries.get(3));
    assertFalse(letter.hasAbstract());
    assertNull(letter.doi());
  }

  @Test
  void updateFilesCarryNewVersionsAndDeletions() throws IOException {
    List<RecordReader.Entry> entries = readAll(TestData.resource("org/claimcheck/pubmed/invented-update.xml"));
    assertEquals(3, entries.size());
    assertEquals(2, record(entries.get(0)).version());
    assertEquals("90000004", assertInstanceOf(RecordReader.Entry.Delete.class, entries.get(1)).id());
    assertEquals("12345", assertInstanceOf(RecordReader.Entry.Delete.class, entries.get(2)).id());
  }

  @Test
  void readsGzippedFiles(@TempDir Path dir) throws IOException {
    Path gz = dir.resolve("pubmed26n0001.xml.gz");
    try (var out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(TestData.resource("org/claimcheck/pubmed/invented-pubmed.xml")));
    }
    assertEquals(4, readAll(gz).size());
  }

  @Test
  void externalEntitiesAreNeverResolved(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet [<!ENTITY xxe SYSTEM \"" + secret.toUri()
        + "\">]>\n<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article>"
        + "<ArticleTitle>t &xxe;</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>";
    try (var r = new PubmedXmlReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "xxe")) {
      RecordReader.Entry e;
      try {
        e = r.next();
      } catch (IOException refused) {
        return; // Refusing the document outright is fine too.
      }
      assertFalse(record(e).title().contains("TOP-SECRET"));
    }
  }

  @Test
  void malformedXmlIsAnIoExceptionNamingTheLine() throws IOException {
    String xml = "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID>\n<Article></Broken>";
    try (var r = new PubmedXmlReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "bad")) {
      IOException e = assertThrows(IOException.class, r::next);
      assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
  }
}
