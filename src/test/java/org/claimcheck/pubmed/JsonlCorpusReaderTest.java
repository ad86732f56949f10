package org.claimcheck.pubmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlCorpusReaderTest {
  @Test
  void keepsTheSentencesACorpusGivesAndSkipsBadLines(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("corpus.jsonl");
    Files.writeString(f, String.join("\n",
        "{\"doc_id\": 4983, \"title\": \"Invented title\", \"abstract\": [\"First (1.4 +/-\", \"0.2) second.\"], "
            + "\"structured\": false}",
        "{\"_id\": \"beir-1\", \"title\": \"\", \"text\": \"A BEIR text.\", \"metadata\": {}}",
        "not json",
        "{\"title\": \"no id\"}",
        ""));
    List<RecordReader.Entry> e = PubmedXmlReaderTest.readAll(f);
    assertEquals(4, e.size());
    PubmedRecord scifact = PubmedXmlReaderTest.record(e.get(0));
    assertEquals("4983", scifact.id());
    assertEquals(PubmedRecord.CORPUS, scifact.collection());
    assertEquals(null, scifact.pubmedUrl(), "a corpus id is not a PMID: no PubMed link");
    assertEquals(List.of("First (1.4 +/-", "0.2) second."), scifact.sentences());
    PubmedRecord beir = PubmedXmlReaderTest.record(e.get(1));
    assertEquals("beir-1", beir.id());
    assertEquals("A BEIR text.", beir.sections().getFirst().text());
    assertEquals("line 3 is not JSON", skip(e.get(2)).reason());
    assertEquals("line 4 has no doc_id or _id", skip(e.get(3)).reason());
  }

  /** SciFact names its id {@code doc_id}, BEIR {@code _id}: a {@code doc_id} with no value gives way to {@code _id}. */
  @Test
  void aNullOrEmptyDocIdFallsBackToUnderscoreId() throws IOException {
    List<RecordReader.Entry> e = read(String.join("\n",
        "{\"doc_id\": null, \"_id\": \"j2\", \"title\": \"Null doc_id\"}",
        "{\"doc_id\": \"  \", \"_id\": \"j3\", \"title\": \"Blank doc_id\"}",
        "{\"doc_id\": {}, \"_id\": 7, \"title\": \"Object doc_id\"}",
        "{\"doc_id\": \" j5 \", \"_id\": \"ignored\", \"title\": \"doc_id wins\"}",
        "{\"doc_id\": null, \"_id\": null, \"title\": \"neither\"}",
        "{\"_id\": \"j6\", \"abstract\": null, \"text\": \"A null abstract gives way to text.\"}"));
    assertEquals(List.of("j2", "j3", "7", "j5"),
        e.subList(0, 4).stream().map(x -> PubmedXmlReaderTest.record(x).id()).toList());
    assertEquals("line 5 has no doc_id or _id", skip(e.get(4)).reason());
    assertEquals("A null abstract gives way to text.", PubmedXmlReaderTest.record(e.get(5)).abstractText());
  }

  /**
   * Two documents on one line are not JSONL (a lost line end, say): the line is skipped with a reason that says so,
   * so that nothing on it is lost unseen, and every line stays one entry.
   */
  @Test
  void aLineWithMoreThanOneJsonValueIsSkippedAndSaysSo() throws IOException {
    List<RecordReader.Entry> e = read(String.join("\n",
        "{\"doc_id\": \"j3\", \"title\": \"Three\"} {\"doc_id\": \"j4\", \"title\": \"Four\"}",
        "{\"doc_id\": \"j5\", \"title\": \"Five\"}{\"doc_id\": \"j6\"}",
        "{\"doc_id\": \"j7\", \"title\": \"Seven\"} null",
        "{\"doc_id\": \"j8\", \"title\": \"Eight\"},",
        "{\"doc_id\": \"j9\", \"title\": \"Nine\"}   "));
    assertEquals(5, e.size());
    RecordReader.Entry.Skip two = skip(e.get(0));
    assertEquals("line 1 holds more than one JSON value", two.reason());
    assertEquals("j3", two.id(), "the first document names the line in reports");
    assertEquals("line 2 holds more than one JSON value", skip(e.get(1)).reason());
    assertEquals("line 3 holds more than one JSON value", skip(e.get(2)).reason());
    assertEquals("line 4 is not JSON", skip(e.get(3)).reason(), "text after the document is not ignored");
    assertEquals("j9", PubmedXmlReaderTest.record(e.get(4)).id(), "white space after a document is fine");
  }

  private static RecordReader.Entry.Skip skip(RecordReader.Entry e) {
    return assertInstanceOf(RecordReader.Entry.Skip.class, e);
  }

  private static List<RecordReader.Entry> read(String text) throws IOException {
    return readAll(new JsonlCorpusReader(bytes(text)));
  }

  private static List<RecordReader.Entry> readAll(RecordReader reader) throws IOException {
    List<RecordReader.Entry> out = new ArrayList<>();
    try (reader) {
      for (RecordReader.Entry e; (e = reader.next()) != null; ) {
        out.add(e);
      }
    }
    return out;
  }

  private static InputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
