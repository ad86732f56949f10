package org.claimcheck.pubmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.claimcheck.Fuzz;
import org.claimcheck.Tally;
import org.claimcheck.index.AbstractIndexer;
import org.claimcheck.index.AbstractSearcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzing the abstract readers that {@link RecordReaders} opens: the PubMed XML splitter and record parser (plain and
 * gzipped, cut anywhere), MEDLINE text and JSONL corpora. Every input must end without a crash (a file that breaks
 * part-way is an {@link IOException}, counted as one FAILED file by the indexer), and every record must be accounted
 * for: records in = entries out (upserts, deletions, and skips with a reason), the records read before a break are
 * exactly those an unbroken read gives first, and a file cut short (gzipped or plain) either fails or lost nothing.
 *
 * <p>The {@code @Test} methods run in the default suite (seeded mutation, see {@link Fuzz}); the {@code @FuzzTest}
 * methods are Jazzer's coverage-guided fuzzing of the same checks, on demand (README "Tests").
 */
class PubmedFuzzTest {
  static final byte[][] XML_TOKENS = Fuzz.dictionary("<PubmedArticle>", "</PubmedArticle>", "<PubmedBookArticle>",
      "</PubmedBookArticle>", "<DeleteCitation>", "</DeleteCitation>", "<PMID>", "</PMID>", "<PMID Version=\"2\">",
      "<ArticleTitle>", "</ArticleTitle>", "<AbstractText Label=\"x\">", "</AbstractText>", "<MedlineCitation>",
      "</MedlineCitation>", "<Article>", "</Article>", "<i>", "</i>", "<mml:math>", "</mml:math>", "&amp;", "&lt;",
      "&#x3bc;", "&#0;", "&#xD800;", "&#1114112;", "&xxe;", "&", "<", ">", "]]>", "<![CDATA[", "<!--", "-->", "<?pi ?>",
      "<?", "<!DOCTYPE PubmedArticleSet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "<!ENTITY a \"&b;&b;\">",
      "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "\u0000",
      "\u0001", "\ufeff", "\u00e9", "\r\n", " a=\"1\"", " a=1", "=\"", "<PubmedArticleSet>", "</PubmedArticleSet>",
      "<Year>2020</Year>", "<MeshHeading><DescriptorName MajorTopicYN=\"Y\">Humans</DescriptorName></MeshHeading>",
      "<CommentsCorrections RefType=\"RetractionIn\"/>", "<PubDate><MedlineDate>1998 Dec-1999 Jan</MedlineDate>"
      + "</PubDate>");

  // ---------------------------------------------------------------------------------------------------------------
  // PubMed XML files

  /** What a whole read of a file gave: its entries, and the IOException it broke with (or null). */
  record Read(List<RecordReader.Entry> entries, IOException failure) {}

  /** A stream that may fail as it opens (a gzip header cut short). */
  interface Opener {
    InputStream open() throws IOException;
  }

  static Read read(Opener in) {
    List<RecordReader.Entry> out = new ArrayList<>();
    try (PubmedXmlReader r = new PubmedXmlReader(in.open(), "fuzz")) {
      for (RecordReader.Entry e; (e = r.next()) != null; ) {
        checkEntry(e);
        out.add(e);
      }
      return new Read(out, null);
    } catch (IOException e) {
      assertNotNull(e.getMessage(), "a file-level failure says why");
      return new Read(out, e);
    }
  }

  static void checkEntry(RecordReader.Entry e) {
    switch (e) {
      case RecordReader.Entry.Upsert u -> {
        assertFalse(u.record().id().isBlank());
        assertNotNull(u.record().title());
      }
      case RecordReader.Entry.Delete d -> assertFalse(d.id().isBlank());
      case RecordReader.Entry.Skip s -> assertFalse(s.reason().isBlank(), "a skip has a reason");
    }
  }

  /**
   * One input: read as a PubMed XML file; then gzipped and cut at a point the input picks, read again: what the cut
   * file gives before it breaks is exactly what the whole file gives first, and the cut is a failure, not a silent end.
   */
  static void checkXmlFile(byte[] data) throws IOException {
    Read whole = read(() -> new ByteArrayInputStream(data));
    int starts = count(data, "<PubmedArticle") + count(data, "<PubmedBookArticle") + count(data, "<PMID");
    assertTrue(whole.entries().size() <= Math.max(starts, 0), "no entry from nothing");
    if (data.length == 0) {
      return;
    }
    if (whole.failure() == null && count(data, "<PubmedArticleSet") + count(data, "<PubmedBookArticleSet") == 1) {
      // A plain file cut short: the same records first, then a failure, unless the cut lost no record.
      int plainCut = Math.floorMod(data[0] * 7919 + data.length * 31, data.length);
      Read cutShort = read(() -> new ByteArrayInputStream(data, 0, plainCut));
      List<RecordReader.Entry> got = cutShort.entries();
      assertTrue(got.size() <= whole.entries().size(), "the cut file gave more than the whole one");
      assertEquals(whole.entries().subList(0, got.size()), got, "records before the cut at " + plainCut + " differ");
      if (cutShort.failure() == null) {
        assertEquals(whole.entries(), got, "a plain cut at " + plainCut + " of " + data.length + " lost records "
            + "without a failure");
      }
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(data);
    }
    byte[] all = gz.toByteArray();
    int cut = Math.floorMod(data[data.length - 1] * 7919 + data.length, all.length);
    Read partial = read(() -> RecordReaders.gunzip(new ByteArrayInputStream(all, 0, cut)));
    assertNotNull(partial.failure(), "a gzip cut at " + cut + " of " + all.length + " bytes must fail");
    List<RecordReader.Entry> before = partial.entries();
    assertTrue(before.size() <= whole.entries().size(), "the cut file gave more than the whole one");
    assertEquals(whole.entries().subList(0, before.size()), before, "records before the break differ");
  }

  private static int count(byte[] data, String what) {
    byte[] w = what.getBytes(StandardCharsets.US_ASCII);
    int n = 0;
    outer:
    for (int i = 0; i + w.length <= data.length; i++) {
      for (int k = 0; k < w.length; k++) {
        if (data[i + k] != w[k]) {
          continue outer;
        }
      }
      n++;
    }
    return n;
  }

  @Test
  @Timeout(300)
  void xmlFilesNeverCrashAndABreakKeepsTheRecordsBeforeIt() {
    Fuzz.run("pubmed-xml", Fuzz.corpus(PubmedFuzzTest.class, "xmlFile"), XML_TOKENS, Fuzz.inputs(3000),
        PubmedFuzzTest::checkXmlFile);
  }

  @FuzzTest(maxDuration = "5m")
  void xmlFile(byte[] data) throws IOException {
    checkXmlFile(data);
  }

  /** Damage a record can carry that, by XML's rules, ends inside that record. */
  static final String[] RECORD_DAMAGE = {"&xxe;", "&#0;", "&#xD800;", "&#x110000;", "&#12a;", "\u0001", "\u000b",
      "<b>", "</i>", "<i a=1>", "<i a=\"1\" a=\"2\">", "<!DOCTYPE x>", "<!ENTITY e \"x\">", "&", "<", "<<", "<?pi",
      "<?pi ?>", "<?", "</ArticleTitl>", "<1a>", "< >", "</>", "<i/ >", "&amp", "&#;", "&#x;",
      "<i>".repeat(300) + "deep" + "</i>".repeat(300), "<PubmedArticle>", "<DeleteCitation>", "</PubmedArticle>",
      "</MedlineCitation>", "\u00e9\u03bc\u2003 fine unicode"};

  /**
   * Records in = entries out, through the indexer too: files of clean records and records each carrying one kind of
   * damage; every record ends INDEXED or SKIPPED with a reason, none FAILED, and the clean ones are all searchable.
   */
  @Test
  @Timeout(300)
  void everyRecordOfADamagedFileIsIndexedOrSkippedWithAReason(@TempDir Path dir) throws IOException {
    long seed = Fuzz.seed("pubmed-records");
    int files = Fuzz.inputs(40) / 2 + 20;
    System.out.printf(Locale.ROOT, "fuzz pubmed-records: seed %d, %d files%n", seed, files);
    Random r = new Random(seed);
    int records = 0;
    int damaged = 0;
    Tally tally = new Tally("index");
    List<String> clean = new ArrayList<>();
    try (AbstractIndexer indexer = AbstractIndexer.open(dir.resolve("index"), new AbstractIndexer.Options(1, 16))) {
      for (int f = 0; f < files; f++) {
        StringBuilder xml = new StringBuilder(r.nextBoolean() ? "<?xml version=\"1.0\"?>\n" : "");
        xml.append("<PubmedArticleSet>\n");
        int k = 1 + r.nextInt(30);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < k; i++) {
          String id = Integer.toString(1_000_000 + f * 100 + i);
          String title = "Record " + id + " about zinc and colds";
          String damage = r.nextInt(3) == 0 ? RECORD_DAMAGE[r.nextInt(RECORD_DAMAGE.length)] : null;
          String t = damage == null ? title : title.substring(0, 7) + damage + title.substring(7);
          xml.append("<PubmedArticle><MedlineCitation><PMID Version=\"1\">").append(id)
              .append("</PMID><Article><ArticleTitle>").append(t).append("</ArticleTitle><Abstract><AbstractText>")
              .append("Zinc shortened the common cold in record ").append(id).append(".</AbstractText></Abstract>")
              .append("</Article></MedlineCitation></PubmedArticle>\n");
          expected.add(damage == null ? id : null);
          damaged += damage == null ? 0 : 1;
        }
        xml.append("</PubmedArticleSet>\n");
        records += k;
        byte[] bytes = xml.toString().getBytes(StandardCharsets.UTF_8);
        Read read = read(() -> new ByteArrayInputStream(bytes));
        assertEquals(null, read.failure(), "file " + f + " (seed " + seed + ") broke off: " + xml);
        assertEquals(k, read.entries().size(), "records in = entries out, file " + f + " (seed " + seed + ")");
        for (int i = 0; i < k; i++) {
          if (expected.get(i) != null) {
            PubmedRecord rec = assertInstanceOf(RecordReader.Entry.Upsert.class, read.entries().get(i)).record();
            assertEquals(expected.get(i), rec.id());
            clean.add(rec.id());
          }
        }
        Path file = Files.write(dir.resolve("f" + f + ".xml"), bytes);
        indexer.index(file, tally);
      }
      indexer.commit();
    }
    assertEquals(records, tally.get(AbstractIndexer.INDEXED) + tally.get(AbstractIndexer.SKIPPED), tally.toString());
    assertEquals(0, tally.get("FAILED"), tally.toString());
    try (AbstractSearcher s = AbstractSearcher.open(dir.resolve("index"), AbstractSearcher.Bm25.DEFAULT)) {
      assertEquals(clean.size(), s.existing(clean).size(), "every clean record is in the index");
      assertEquals(tally.get(AbstractIndexer.INDEXED), s.size());
    }
    System.out.printf(Locale.ROOT, "fuzz pubmed-records: %d records (%d damaged) in %d files: %d indexed, %d skipped "
        + "with a reason, 0 failed, 0 lost%n", records, damaged, files, tally.get(AbstractIndexer.INDEXED),
        tally.get(AbstractIndexer.SKIPPED));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // MEDLINE text and JSONL corpora

  private static final Pattern MEDLINE_TAG = Pattern.compile("^([A-Z]{2,4})\\s*- (.*)$");

  private static List<String> lines(byte[] data) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(data),
        StandardCharsets.UTF_8))) {
      return r.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<RecordReader.Entry> readAll(RecordReader reader) throws IOException {
    List<RecordReader.Entry> out = new ArrayList<>();
    try (reader) {
      for (RecordReader.Entry e; (e = reader.next()) != null; ) {
        checkEntry(e);
        out.add(e);
      }
    }
    return out;
  }

  /**
   * Records in (runs of lines from a field line to the next blank line, or to a PMID line after the run's own PMID
   * line) = entries out.
   */
  static void checkMedline(byte[] data) throws IOException {
    int blocks = 0;
    boolean tagged = false;
    boolean pmid = false;
    boolean anyPmid = false; // a file with text and no PMID line is refused as a whole
    boolean anyText = false;
    for (String raw : lines(data)) {
      String line = raw.replace("\ufeff", "");
      anyText |= !line.isBlank();
      if (line.isBlank()) {
        if (tagged) {
          blocks++;
          tagged = false;
          pmid = false;
        }
      } else {
        Matcher m = MEDLINE_TAG.matcher(line);
        if (m.matches() && !line.startsWith(" ")) {
          if (m.group(1).equals("PMID")) {
            if (pmid) {
              blocks++;
            }
            pmid = true;
            anyPmid = true;
          }
          tagged = true;
        }
      }
    }
    if (tagged) {
      blocks++;
    }
    if (!anyPmid && anyText) {
      IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
          () -> readAll(new MedlineReader(new ByteArrayInputStream(data))));
      assertTrue(e.getMessage().startsWith("not a MEDLINE file"), e.getMessage());
      return;
    }
    assertEquals(blocks, readAll(new MedlineReader(new ByteArrayInputStream(data))).size(), "records in = entries out");
  }

  @Test
  @Timeout(300)
  void medlineRecordsAreAllAccountedFor() {
    Fuzz.run("pubmed-medline", Fuzz.corpus(PubmedFuzzTest.class, "medline"), Fuzz.dictionary("PMID- ", "TI  - ",
        "AB  - ", "MH  - ", "MH  - /", "MH  - *", "/", "*", "FAU - ", "AID - x [doi]", "LID - ", "DP  - 2020",
        "PT  - Retracted Publication", "\n", "\n\n", "\r", "\r\n", "      ", "\ufeff", "\u2028", "\u0000", " - "),
        Fuzz.inputs(3000), PubmedFuzzTest::checkMedline);
  }

  @FuzzTest(maxDuration = "5m")
  void medline(byte[] data) throws IOException {
    checkMedline(data);
  }

  /**
   * Records in (non-blank lines, after a byte-order mark at the start) = entries out (documents, or skips with the
   * line's problem).
   */
  static void checkJsonl(byte[] data) throws IOException {
    boolean bom = data.length >= 3 && (data[0] & 0xff) == 0xef && (data[1] & 0xff) == 0xbb && (data[2] & 0xff) == 0xbf;
    long lines = lines(bom ? Arrays.copyOfRange(data, 3, data.length) : data).stream().filter(l -> !l.isBlank())
        .count();
    assertEquals(lines, readAll(new JsonlCorpusReader(new ByteArrayInputStream(data))).size(),
        "records in = entries out");
  }

  @Test
  @Timeout(300)
  void jsonlLinesAreAllAccountedFor() {
    Fuzz.run("pubmed-jsonl", Fuzz.corpus(PubmedFuzzTest.class, "jsonl"), Fuzz.dictionary("{", "}", "[", "]", "\"",
        ",", ":", "\"_id\": ", "\"doc_id\": ", "\"abstract\": ", "\"text\": ", "\"title\": ", "\"metadata\": ",
        "{\"year\": 99999999999}", "null", "1e999", "[".repeat(2000), "\\u0000", "\\ud800", "\n", "\r", "\u2028",
        "\ufeff"), Fuzz.inputs(3000), PubmedFuzzTest::checkJsonl);
  }

  @FuzzTest(maxDuration = "5m")
  void jsonl(byte[] data) throws IOException {
    checkJsonl(data);
  }
}
