package org.claimcheck.pubmed;

import static org.claimcheck.pubmed.PubmedXmlReaderTest.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
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
    assertEquals(List.of("a line that is not JSON", "line 3"), said(e.get(2)));
    assertEquals(List.of("a line without doc_id or _id", "line 4"), said(e.get(3)));
  }

  /** Editors on Windows save UTF-8 with a byte-order mark; the XML and MEDLINE readers accept one too. */
  @Test
  void aByteOrderMarkAtTheStartIsIgnored(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bom.jsonl");
    Files.write(f, ("\ufeff{\"doc_id\": \"j1\", \"title\": \"First\"}\n{\"doc_id\": \"j2\", \"title\": \"Second\"}\n")
        .getBytes(StandardCharsets.UTF_8));
    List<RecordReader.Entry> e = PubmedXmlReaderTest.readAll(f);
    assertEquals(List.of("j1", "j2"), e.stream().map(x -> PubmedXmlReaderTest.record(x).id()).toList());
    assertEquals("First", PubmedXmlReaderTest.record(e.get(0)).title());
  }

  /** A byte-order mark is only a mark at the very start; elsewhere it is text that is not JSON. */
  @Test
  void aByteOrderMarkLaterIsNotSkipped() throws IOException {
    List<RecordReader.Entry> e = read("{\"doc_id\": \"j1\", \"title\": \"T\"}\n\ufeff{\"doc_id\": \"j2\"}\n\ufeff");
    assertEquals(3, e.size());
    assertEquals(List.of("a line that is not JSON", "line 2"), said(e.get(1)));
    assertEquals(List.of("a line that is not JSON", "line 3"), said(e.get(2)));
    assertEquals(List.of(), read("\ufeff"), "a file that is only a byte-order mark holds nothing");
    assertEquals(List.of(), read("\ufeff\n\n"));
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
    assertEquals(List.of("a line without doc_id or _id", "line 5"), said(e.get(4)));
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
    assertEquals(List.of("a line holding more than one JSON value", "line 1"), List.of(two.reason(), two.where()));
    assertEquals("j3", two.id(), "the first document names the line in reports");
    assertEquals(List.of("a line holding more than one JSON value", "line 2"), said(e.get(1)));
    assertEquals(List.of("a line holding more than one JSON value", "line 3"), said(e.get(2)));
    assertEquals(List.of("a line that is not JSON", "line 4"), said(e.get(3)),
        "text after the document is not ignored");
    assertEquals("j9", PubmedXmlReaderTest.record(e.get(4)).id(), "white space after a document is fine");
  }

  /** A line longer than the bound is skipped, counted with its line number, and the lines after it are read. */
  @Test
  void aLineLongerThanTheBoundIsSkippedAndTheRestIsRead() throws IOException {
    String ok = "{\"doc_id\": \"a\", \"title\": \"Short\"}"; // 35 bytes
    String longLine = "{\"doc_id\": \"b\", \"title\": \"" + "x".repeat(100) + "\"}";
    String text = ok + "\r\n" + longLine + "\r\n\n" + longLine + "\r" + ok.replace("\"a\"", "\"c\"") + "\n" + longLine;
    List<RecordReader.Entry> e = readAll(new JsonlCorpusReader(bytes(text), 64));
    assertEquals(5, e.size());
    assertEquals("a", PubmedXmlReaderTest.record(e.get(0)).id());
    assertEquals(List.of("a line longer than 64 bytes", "line 2"), said(e.get(1)));
    assertEquals(List.of("a line longer than 64 bytes", "line 4"), said(e.get(2)), "CRLF, LF and CR each end one line");
    assertEquals("c", PubmedXmlReaderTest.record(e.get(3)).id());
    assertEquals(List.of("a line longer than 64 bytes", "line 6"), said(e.get(4)), "the last line, without a line end");
    List<RecordReader.Entry> exact = readAll(new JsonlCorpusReader(bytes(ok + "\n"), ok.length()));
    assertEquals("a", PubmedXmlReaderTest.record(exact.getFirst()).id(), "a line of exactly the bound is read");
  }

  /**
   * The bound is the XML record bound (32 MB), and a longer line is not held: a 40 MB document streamed through the
   * reader is skipped, and the document after it is read.
   */
  @Test
  void theDefaultBoundIs32Megabytes() throws IOException {
    assertEquals(32 << 20, JsonlCorpusReader.MAX_LINE_BYTES);
    InputStream in = new SequenceInputStream(Collections.enumeration(List.of(
        bytes("{\"doc_id\": \"big\", \"title\": \""), new Repeat((byte) 'x', 40L << 20),
        bytes("\"}\n{\"doc_id\": \"after\", \"title\": \"After\"}\n"))));
    List<RecordReader.Entry> e = readAll(new JsonlCorpusReader(in));
    assertEquals(2, e.size());
    assertEquals(List.of("a line longer than 32 MB", "line 1"), said(e.get(0)));
    assertEquals("after", PubmedXmlReaderTest.record(e.get(1)).id());
  }

  /** The indexer bounds what waits for its workers by each entry's weight: a long document weighs its bytes. */
  @Test
  void anEntryWeighsItsLine() throws IOException {
    String body = "y".repeat(1 << 20);
    try (var r = new JsonlCorpusReader(bytes("{\"doc_id\": \"w\", \"text\": \"" + body + "\"}\n{\"doc_id\": \"s\"}"))) {
      RecordReader.Deferred big = r.nextDeferred();
      assertEquals("w", big.id());
      assertTrue(big.weight() > 1 << 20, "weight " + big.weight());
      assertEquals(body, PubmedXmlReaderTest.record(big.parse()).abstractText());
      RecordReader.Deferred small = r.nextDeferred();
      assertEquals("s", small.id(), "a line with no title or text: skipped, its id kept");
      assertEquals("no title and no text", skip(small.parse()).reason());
      assertTrue(small.weight() < 1 << 10, "weight " + small.weight());
      assertNull(r.nextDeferred());
    }
  }

  @Test
  void idsAreOneWord() throws IOException {
    List<RecordReader.Entry> e = read("{\"doc_id\": \"d 10\", \"title\": \"a\"}\n"
        + "{\"_id\": \"e\\u001b[31m\", \"title\": \"b\"}\n{\"_id\": \"ok-1\", \"title\": \"c\"}\n");
    assertEquals(List.of("an id with white space or control characters", "line 1"), said(e.get(0)));
    assertEquals(List.of("an id with white space or control characters", "line 2"), said(e.get(1)));
    assertEquals("ok-1", PubmedXmlReaderTest.record(e.get(2)).id());
  }

  private static RecordReader.Entry.Skip skip(RecordReader.Entry e) {
    return assertInstanceOf(RecordReader.Entry.Skip.class, e);
  }

  /** A skip's reason (the same for every line skipped so) and where it was. */
  private static List<String> said(RecordReader.Entry e) {
    RecordReader.Entry.Skip s = skip(e);
    return List.of(s.reason(), s.where());
  }

  private static List<RecordReader.Entry> read(String text) throws IOException {
    return readAll(new JsonlCorpusReader(bytes(text)));
  }

  private static InputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code n} copies of one byte, made as they are read. */
  private static final class Repeat extends InputStream {
    private final byte b;
    private long left;

    Repeat(byte b, long n) {
      this.b = b;
      this.left = n;
    }

    @Override
    public int read() {
      if (left == 0) {
        return -1;
      }
      left--;
      return b;
    }

    @Override
    public int read(byte[] out, int off, int len) {
      if (left == 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      java.util.Arrays.fill(out, off, off + n, b);
      left -= n;
      return n;
    }
  }
}
