package org.claimcheck.pubmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import org.claimcheck.Tally;
import org.claimcheck.TestData;
import org.claimcheck.index.AbstractIndexer;
import org.claimcheck.index.AbstractSearcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PubmedXmlReaderTest {
  static List<RecordReader.Entry> readAll(Path file) throws IOException {
    return readAll(RecordReaders.open(file));
  }

  /** Every entry of {@code reader}, which it closes. */
  static List<RecordReader.Entry> readAll(RecordReader reader) throws IOException {
    List<RecordReader.Entry> out = new ArrayList<>();
    try (reader) {
      for (RecordReader.Entry e; (e = reader.next()) != null; ) {
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
  void keepsInlineMarkupMathMlSeasonsAndVernacularTitlesAsText() throws IOException {
    List<RecordReader.Entry> e = readAll(TestData.resource("org/claimcheck/pubmed/invented-markup.xml"));
    assertEquals(2, e.size());
    PubmedRecord r = record(e.get(0));
    assertEquals(3, r.version());
    assertEquals("Omega-3 (n-3) fatty acids and IL-6 in COVID-19: the \u03c9-3 index\u00ae", r.title());
    assertEquals(List.of("OBJECTIVE", "RESULTS"), r.sections().stream().limit(2).map(PubmedRecord.Section::label)
        .toList());
    assertEquals("To test whether the ratio C20/C22 predicts IL-6.", r.sections().get(0).text());
    assertEquals("Serum 25(OH)D3 rose by 12 nmol/L (P < 0.05); CO2 did not change. The effect held in ApoE-/- mice.",
        r.sections().get(1).text());
    assertNull(r.sections().get(2).label(), "an empty Label is no label");
    assertEquals("UNASSIGNED", r.sections().get(2).category());
    assertEquals("2019 Spring", r.pubDate());
    assertEquals(2019, r.year(), "PubDate wins over ArticleDate");
    assertEquals("10.0000/ijl.2019.7", r.doi());
    assertFalse(r.retracted(), "an ErratumIn is not a retraction");
    PubmedRecord preprint = record(e.get(1));
    assertEquals("Une \u00e9tude invent\u00e9e sur la vitamine D.", preprint.title());
    assertEquals(2024, preprint.year(), "ArticleDate when PubDate is empty");
    assertEquals("fre", preprint.language());
  }

  @Test
  void collapsesWhiteSpaceRunsAndTrims() {
    assertEquals("a b", PubmedXmlReader.collapse("a b"));
    assertEquals("a b", PubmedXmlReader.collapse("  a \n\t b\u00a0 "));
    assertEquals("a b c", PubmedXmlReader.collapse("a\u00a0b\u2003c"));
    assertEquals("", PubmedXmlReader.collapse(" \n "));
    assertEquals("abc", PubmedXmlReader.collapse("abc "));
    String same = "no change here";
    assertTrue(same == PubmedXmlReader.collapse(same), "an already clean string is returned as is");
    String wide = "caf\u00e9 \u03b2-blocker \u2264 5 \u00b5g";
    assertTrue(wide == PubmedXmlReader.collapse(wide), "letters beyond ASCII are not white space");
  }

  @Test
  void collapsesLikeSplittingOnWhiteSpaceAndJoiningWithOneSpace() {
    // Random strings over the characters that matter (plain and other white space, letters in and beyond Latin-1),
    // through one reused buffer as the parser does: the same as the obvious split-and-join.
    char[] alphabet = {' ', ' ', ' ', '\n', '\t', '\r', '\u00a0', '\u2003', '\u3000', 'a', 'b', '\u00e9', '\u03b2',
        '\u007f', '\u0085', '.'};
    java.util.Random rnd = new java.util.Random(7);
    char[] buf = new char[64];
    for (int t = 0; t < 20_000; t++) {
      StringBuilder sb = new StringBuilder();
      for (int i = rnd.nextInt(12); i > 0; i--) {
        sb.append(alphabet[rnd.nextInt(alphabet.length)]);
      }
      String s = sb.toString();
      List<String> words = new ArrayList<>();
      StringBuilder word = new StringBuilder();
      for (char c : (s + " ").toCharArray()) {
        if (c <= ' ' || c == '\u00a0' || (c > '\u007f' && Character.isWhitespace(c))) {
          if (!word.isEmpty()) {
            words.add(word.toString());
          }
          word.setLength(0);
        } else {
          word.append(c);
        }
      }
      String expected = String.join(" ", words);
      assertEquals(expected, PubmedXmlReader.collapse(s, buf), "\"" + s.replace("\n", "\\n") + "\"");
      assertEquals(expected, PubmedXmlReader.collapse(s));
    }
  }

  static String article(String pmid, String title) {
    return "<PubmedArticle><MedlineCitation><PMID Version=\"1\">" + pmid + "</PMID><Article><ArticleTitle>" + title
        + "</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n";
  }

  static List<RecordReader.Entry> readAll(String xml) throws IOException {
    return readAll(new PubmedXmlReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test"));
  }

  /**
   * Each id twice in one file, white space around its PMID: on two indexing workers the second copy of every id
   * replaces the first, as on one (the splitter routes by the id the parser reads).
   */
  @Test
  void copiesOfAPmidWithWhiteSpaceAroundItApplyInFileOrderOnParallelWorkers(@TempDir Path dir) throws IOException {
    int ids = 2000;
    StringBuilder xml = new StringBuilder("<PubmedArticleSet>\n");
    for (int i = 7000; i < 7000 + ids; i++) {
      for (String copy : List.of("older", "newer")) {
        xml.append("<PubmedArticle><MedlineCitation><PMID Version=\"1\"> ").append(i).append("\n</PMID><Article>")
            .append("<ArticleTitle>").append(copy).append("</ArticleTitle><Abstract><AbstractText>Cobalamin study.")
            .append("</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle>\n");
      }
    }
    Path file = Files.writeString(dir.resolve("twice.xml"), xml.append("</PubmedArticleSet>\n"));
    Tally tally = new Tally("index");
    try (AbstractIndexer indexer = AbstractIndexer.open(dir.resolve("idx"), new AbstractIndexer.Options(2, 16))) {
      indexer.index(file, tally);
      indexer.commit();
    }
    assertEquals(ids, tally.get(AbstractIndexer.INDEXED), tally.toString());
    assertEquals(ids, tally.get(AbstractIndexer.REPLACED), tally.toString());
    try (AbstractSearcher s = AbstractSearcher.open(dir.resolve("idx"), AbstractSearcher.Bm25.DEFAULT)) {
      assertEquals(ids, s.size());
      List<String> older = new ArrayList<>();
      for (int i = 7000; i < 7000 + ids; i++) {
        if (!s.get(Integer.toString(i)).title().equals("newer")) {
          older.add(Integer.toString(i));
        }
      }
      assertEquals(List.of(), older, "ids whose older copy was kept");
    }
  }

  /** A PMID is a number, and so is its Version: anything else is skipped with its reason, never guessed at. */
  @Test
  void pmidsAndVersionsThatAreNotNumbersAreSkippedWithAReason() throws IOException {
    String xml = "<PubmedArticleSet>" + article("ABC12", "Letters") + article("12ABC", "Trailing letters")
        + article("-5", "Signed") + article("1234567890123", "Thirteen digits")
        + article("7", "Bad version").replace("Version=\"1\"", "Version=\"x\"")
        + article("8", "Version zero").replace("Version=\"1\"", "Version=\"0\"")
        + article("9", "Negative version").replace("Version=\"1\"", "Version=\"-2\"")
        + article("10", "Empty version").replace("Version=\"1\"", "Version=\"\"")
        + article("11", "Spaced version").replace("Version=\"1\"", "Version=\" 2 \"")
        + article("123456789012", "Twelve digits")
        + "<DeleteCitation><PMID Version=\"1\">X1</PMID><PMID Version=\"1\"></PMID><PMID Version=\"1\"> 12 </PMID>"
        + "</DeleteCitation></PubmedArticleSet>";
    List<String> got = new ArrayList<>();
    for (RecordReader.Entry e : readAll(xml)) {
      got.add(switch (e) {
        case RecordReader.Entry.Upsert u -> "upsert " + u.record().id() + " v" + u.record().version();
        case RecordReader.Entry.Delete d -> "delete " + d.id();
        case RecordReader.Entry.Skip k -> "skip " + k.id() + ": " + k.reason();
      });
    }
    assertEquals(List.of("skip ABC12: PMID is not a number", "skip 12ABC: PMID is not a number",
        "skip -5: PMID is not a number", "skip 1234567890123: PMID longer than 12 digits",
        "skip 7: PMID Version is not a positive whole number", "skip 8: PMID Version is not a positive whole number",
        "skip 9: PMID Version is not a positive whole number", "skip 10: PMID Version is not a positive whole number",
        "upsert 11 v2", "upsert 123456789012 v1", "skip X1: PMID is not a number",
        "skip null: DeleteCitation with an empty PMID", "delete 12"), got);
  }

  @Test
  void aMalformedRecordIsSkippedWithItsReasonAndTheRestIsRead() throws IOException {
    String xml = "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n" + article("1", "First")
        + "<PubmedArticle><MedlineCitation><PMID>2</PMID>\n<Article><ArticleTitle>Broken</Title></Article>"
        + "</MedlineCitation></PubmedArticle>\n"
        + article("3", "Third") + "</PubmedArticleSet>\n";
    List<RecordReader.Entry> e = readAll(xml);
    assertEquals(3, e.size());
    assertEquals("First", record(e.get(0)).title());
    RecordReader.Entry.Skip skip = assertInstanceOf(RecordReader.Entry.Skip.class, e.get(1));
    assertEquals("2", skip.id());
    assertTrue(skip.reason().startsWith("malformed record: "), skip.reason());
    assertTrue(skip.where().startsWith("record 2, line 2 of it: "), skip.where());
    assertEquals("Third", record(e.get(2)).title());
  }

  @Test
  void recordsMalformedTheSameWayShareTheirReasonWhateverTheyQuote() throws IOException {
    StringBuilder xml = new StringBuilder("<PubmedArticleSet>");
    for (int i = 1; i <= 3; i++) {
      xml.append(article(Integer.toString(i), "Bad <b" + i + "> markup"));
      xml.append(article(Integer.toString(10 + i), "Entity &ent" + i + "; here"));
    }
    xml.append("<PubmedArticle><MedlineCitation><Article><ArticleTitle>No id</ArticleTitle></Article>"
        + "</MedlineCitation></PubmedArticle></PubmedArticleSet>");
    List<RecordReader.Entry> e = readAll(xml.toString());
    java.util.Set<String> reasons = new java.util.TreeSet<>();
    for (RecordReader.Entry x : e) {
      reasons.add(assertInstanceOf(RecordReader.Entry.Skip.class, x).reason());
    }
    assertEquals(3, reasons.size(), reasons.toString());
    assertTrue(((RecordReader.Entry.Skip) e.get(0)).where().contains("<b1>"), e.get(0).toString());
    assertEquals(new RecordReader.Entry.Skip(null, "record without a PMID", "record 7"), e.get(6));
    assertEquals("</\u2026> closes <\u2026> (N)", PubmedXmlReader.generalize("</ArticleTitle> closes <b12> (3)"));
  }

  /** Found by PubmedFuzzTest: a processing instruction across the splitter's 64 kB buffer boundary crashed it. */
  @Test
  void aProcessingInstructionAcrossTheBufferBoundaryIsRead() throws IOException {
    for (int pad = 65_500; pad < 65_540; pad += 7) {
      String xml = "<!--" + "x".repeat(pad) + "-->\n<?xml-stylesheet href=\"a.xsl\"?><PubmedArticleSet>"
          + article("1", "One") + "</PubmedArticleSet>";
      assertEquals("One", record(readAll(xml).getFirst()).title(), "padding " + pad);
    }
  }

  /** Found by PubmedFuzzTest: a "<?" without "?>" inside a record made the splitter swallow the rest of the file. */
  @Test
  void aStrayProcessingInstructionOpenerCostsOnlyItsRecord() throws IOException {
    List<RecordReader.Entry> e = readAll("<PubmedArticleSet>" + article("1", "One <?")
        + article("2", "Two <?pi in the middle?> of it") + article("3", "Three") + "</PubmedArticleSet>");
    assertEquals(3, e.size(), e.toString());
    RecordReader.Entry.Skip skip = assertInstanceOf(RecordReader.Entry.Skip.class, e.get(0));
    assertEquals("1", skip.id());
    assertTrue(skip.reason().contains("unterminated processing instruction"), skip.reason());
    assertEquals("Two of it", record(e.get(1)).title());
    assertEquals("Three", record(e.get(2)).title());
  }

  @Test
  void aTruncatedGzipKeepsItsCompleteRecordsThenFailsSayingWhere(@TempDir Path dir) throws IOException {
    StringBuilder xml = new StringBuilder("<PubmedArticleSet>");
    for (int i = 1; i <= 200; i++) {
      xml.append(article(Integer.toString(i), "Record number " + i + " with some words to compress"));
    }
    xml.append("</PubmedArticleSet>");
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new GZIPOutputStream(bytes)) {
      out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
    }
    Path gz = dir.resolve("pubmed26n0002.xml.gz");
    byte[] all = bytes.toByteArray();
    Files.write(gz, java.util.Arrays.copyOf(all, all.length * 2 / 3));
    List<RecordReader.Entry> got = new ArrayList<>();
    IOException e;
    try (RecordReader r = RecordReaders.open(gz)) {
      e = assertThrows(IOException.class, () -> {
        for (RecordReader.Entry x; (x = r.next()) != null; ) {
          got.add(x);
        }
      });
    }
    assertTrue(got.size() > 10 && got.size() < 200, got.size() + " records");
    for (int i = 0; i < got.size(); i++) {
      assertEquals(Integer.toString(i + 1), record(got.get(i)).id());
    }
    assertTrue(e.getMessage().startsWith("the file breaks off after " + got.size() + " complete records"),
        e.getMessage());
  }

  /** What a whole read of {@code xml} gave: its entries, then the IOException it broke with, or null. */
  record Read(List<RecordReader.Entry> entries, IOException failure) {}

  static Read read(String xml) {
    List<RecordReader.Entry> out = new ArrayList<>();
    try (var r = new PubmedXmlReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test")) {
      for (RecordReader.Entry e; (e = r.next()) != null; ) {
        out.add(e);
      }
      return new Read(out, null);
    } catch (IOException e) {
      return new Read(out, e);
    }
  }

  /**
   * A plain file cut short, between records or inside one, breaks off like a truncated .gz: its complete records,
   * then a failure saying where (its root element was never closed).
   */
  @Test
  void aPlainFileCutShortKeepsItsCompleteRecordsThenFailsSayingWhere() {
    StringBuilder whole = new StringBuilder("<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n");
    for (int i = 1; i <= 5; i++) {
      whole.append(article(Integer.toString(i), "Record " + i));
    }
    String atABoundary = whole.toString();
    String insideARecord = atABoundary + "<PubmedArticle><MedlineCitation><PMID>6</PMID><Article><ArticleTi";
    String insideTheEndTag = atABoundary + "</PubmedArticleSe";
    for (String xml : List.of(atABoundary, insideARecord, insideTheEndTag, atABoundary + "</PubmedArticleSet")) {
      Read r = read(xml);
      String end = xml.substring(xml.length() - 20);
      assertEquals(List.of("1", "2", "3", "4", "5"), r.entries().stream().map(e -> record(e).id()).toList(), end);
      assertNotNull(r.failure(), end);
      assertEquals("the file breaks off after 5 complete records" + (xml == insideARecord ? " inside record 6" : "")
          + ": no </PubmedArticleSet> at its end", r.failure().getMessage());
    }
    Read closed = read(atABoundary + "</PubmedArticleSet>");
    assertNull(closed.failure());
    assertEquals(5, closed.entries().size());
    assertNull(read("<PubmedArticleSet/>").failure());
    assertNotNull(read("<PubmedArticleSet").failure());
  }

  @Test
  void filesJoinedIntoOneAreReadWholeAndARecordOutsideTheRootBreaksOff() {
    String one = "<?xml version=\"1.0\"?>\n<PubmedArticleSet>" + article("1", "One") + "</PubmedArticleSet>\n";
    String two = "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet>\n<PubmedArticleSet>" + article("2", "Two");
    Read joined = read(one + two + "</PubmedArticleSet>\n");
    assertNull(joined.failure());
    assertEquals(2, joined.entries().size());
    Read cut = read(one + two);
    assertEquals(2, cut.entries().size());
    assertEquals("the file breaks off after 2 complete records: no </PubmedArticleSet> at its end",
        cut.failure().getMessage());
    Read outside = read(one + article("2", "Two") + "<!-- end -->");
    assertEquals(1, outside.entries().size());
    assertEquals("the file breaks off after 1 complete record: <PubmedArticle> after </PubmedArticleSet>",
        outside.failure().getMessage());
  }

  /** Through the indexer: the complete records INDEXED, the file FAILED with where it broke, exit status 1. */
  @Test
  void theIndexerCountsAPlainFileCutShortAsFailed(@TempDir Path dir) throws IOException {
    StringBuilder xml = new StringBuilder("<PubmedArticleSet>\n");
    for (int i = 1; i <= 5; i++) {
      xml.append(article(Integer.toString(i), "Record " + i));
    }
    Path boundary = Files.writeString(dir.resolve("boundary.xml"), xml);
    Path inside = Files.writeString(dir.resolve("inside.xml"), xml + "<PubmedArticle><MedlineCitation><PMID>6</PMID>"
        + "<Article><Art");
    for (Path file : List.of(boundary, inside)) {
      Tally tally = new Tally("index");
      try (AbstractIndexer indexer = AbstractIndexer.open(dir.resolve("idx-" + file.getFileName()),
          new AbstractIndexer.Options(2, 16))) {
        indexer.index(file, tally);
        indexer.commit();
      }
      assertEquals(5, tally.get(AbstractIndexer.INDEXED), tally.toString());
      assertEquals(0, tally.get(AbstractIndexer.SKIPPED), tally.toString());
      assertEquals(1, tally.get("FAILED"), tally.toString());
      assertEquals(List.of("FAILED: file unreadable: the file breaks off after 5 complete records"
          + (file == inside ? " inside record 6" : "") + ": no </PubmedArticleSet> at its end"),
          List.copyOf(tally.reasons().keySet()));
    }
  }

  @Test
  void commentsCdataAndMinifiedLinesDoNotConfuseTheSplit() throws IOException {
    String xml = "\ufeff<?xml version=\"1.0\" encoding=\"UTF-8\"?><PubmedArticleSet><!-- </PubmedArticle> -->"
        + "<PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle><![CDATA[A </PubmedArticle> in "
        + "CDATA]]></ArticleTitle></Article></MedlineCitation></PubmedArticle ><PubmedArticle><MedlineCitation><PMID>2"
        + "</PMID><Article><ArticleTitle>Two</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
        + "<DeleteCitation><PMID Version=\"1\">7</PMID><PMID Version=\"1\">8</PMID></DeleteCitation>"
        + "</PubmedArticleSet>";
    List<RecordReader.Entry> e = readAll(xml);
    assertEquals(4, e.size(), e.toString());
    assertEquals("A </PubmedArticle> in CDATA", record(e.get(0)).title());
    assertEquals("Two", record(e.get(1)).title());
    assertEquals("8", assertInstanceOf(RecordReader.Entry.Delete.class, e.get(3)).id());
  }

  /** Hands out at most a few bytes per read, so every buffer boundary falls somewhere new. */
  static final class Trickle extends java.io.FilterInputStream {
    private final java.util.Random rnd;

    Trickle(java.io.InputStream in, long seed) {
      super(in);
      this.rnd = new java.util.Random(seed);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return super.read(b, off, Math.min(len, 1 + rnd.nextInt(7)));
    }
  }

  @Test
  void theSplitDoesNotDependOnHowTheStreamIsRead() throws IOException {
    for (String fixture : List.of("invented-pubmed.xml", "invented-update.xml", "invented-markup.xml")) {
      byte[] bytes = Files.readAllBytes(TestData.resource("org/claimcheck/pubmed/" + fixture));
      List<RecordReader.Entry> whole = readAll(TestData.resource("org/claimcheck/pubmed/" + fixture));
      for (long seed = 0; seed < 5; seed++) {
        List<RecordReader.Entry> trickled = new ArrayList<>();
        try (var r = new PubmedXmlReader(new Trickle(new ByteArrayInputStream(bytes), seed), fixture)) {
          for (RecordReader.Entry e; (e = r.next()) != null; ) {
            trickled.add(e);
          }
        }
        assertEquals(whole, trickled, fixture + " read with seed " + seed);
      }
    }
  }

  @Test
  void aRecordOverTheSizeLimitIsSkippedNotBuffered() throws IOException {
    String big = "x".repeat(5000);
    String xml = "<PubmedArticleSet>" + article("1", big) + article("2", "small") + "</PubmedArticleSet>";
    List<PubmedXmlSplitter.Chunk> chunks = new ArrayList<>();
    try (var s = new PubmedXmlSplitter(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "t", 1000)) {
      for (PubmedXmlSplitter.Chunk c; (c = s.next()) != null; ) {
        chunks.add(c);
      }
    }
    assertEquals(2, chunks.size());
    assertEquals("1", chunks.get(0).id());
    assertEquals("larger than 1000 bytes", chunks.get(0).problem());
    assertTrue(chunks.get(0).bytes().length <= 1000);
    assertNull(chunks.get(1).problem());
    List<RecordReader.Entry> e = new ArrayList<>();
    try (var r = new PubmedXmlReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "t", 1000)) {
      for (RecordReader.Entry x; (x = r.next()) != null; ) {
        e.add(x);
      }
    }
    assertEquals(new RecordReader.Entry.Skip("1", "a record larger than 1000 bytes", "record 1"), e.get(0));
    assertEquals("2", record(e.get(1)).id());
  }

  static String refusal(byte[] bytes) {
    IOException e = assertThrows(IOException.class, () -> {
      try (var r = new PubmedXmlReader(new ByteArrayInputStream(bytes), "test")) {
        r.next();
      }
    });
    return e.getMessage();
  }

  /** A file refused as a whole says what it is, not that it broke off after 0 records. */
  @Test
  void filesThatAreNotPubmedAreRefusedSayingWhy(@TempDir Path dir) throws IOException {
    assertEquals("not a PubMed XML file: the root element is <eFetchResult>, not <PubmedArticleSet>",
        refusal("<eFetchResult><ERROR>Empty id list</ERROR></eFetchResult>".getBytes(StandardCharsets.UTF_8)));
    assertEquals("not a PubMed XML file: no root element", refusal(" \n".getBytes(StandardCharsets.UTF_8)));
    assertEquals("the file is empty", refusal(new byte[0]));
    String utf16 = "UTF-16 is not supported; PubMed files are UTF-8 (iconv -f UTF-16 -t UTF-8 converts one)";
    for (var charset : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      assertEquals(utf16, refusal("<PubmedArticleSet/>".getBytes(charset)), charset.name());
    }
    String utf32 = "UTF-32 is not supported; PubMed files are UTF-8 (iconv -f UTF-32 -t UTF-8 converts one)";
    for (String charset : List.of("UTF-32BE", "UTF-32LE", "X-UTF-32BE-BOM", "X-UTF-32LE-BOM")) {
      assertEquals(utf32, refusal("<PubmedArticleSet/>".getBytes(java.nio.charset.Charset.forName(charset))), charset);
    }
    assertEquals("not a PubMed XML file: not XML", refusal("%PDF-1.7\n<\u0001\u0002>".getBytes(
        StandardCharsets.ISO_8859_1)));
    assertEquals("not a PubMed XML file: not XML", refusal("if a < b".getBytes(StandardCharsets.UTF_8)));
    assertEquals("unsupported encoding UTF-16; PubMed files are UTF-8",
        refusal("<?xml version=\"1.0\" encoding=\"UTF-16\"?><PubmedArticleSet/>".getBytes(StandardCharsets.UTF_8)));
    var gz = new java.io.ByteArrayOutputStream();
    try (var out = new GZIPOutputStream(gz)) {
      out.write(("<PubmedArticleSet>" + article("1", "One") + "</PubmedArticleSet>").getBytes(StandardCharsets.UTF_8));
    }
    assertEquals("the file is gzipped: name it .xml.gz", refusal(gz.toByteArray()));
    // An empty .xml.gz and an empty .xml, through the indexer: one FAILED file each, saying so.
    var empty = new java.io.ByteArrayOutputStream();
    new GZIPOutputStream(empty).close();
    Path emptyGz = Files.write(dir.resolve("empty.xml.gz"), empty.toByteArray());
    Path emptyXml = Files.write(dir.resolve("empty.xml"), new byte[0]);
    Path utf16Xml = Files.write(dir.resolve("utf16.xml"), "<PubmedArticleSet/>".getBytes(StandardCharsets.UTF_16));
    Tally tally = new Tally("index");
    try (AbstractIndexer indexer = AbstractIndexer.open(dir.resolve("idx"))) {
      indexer.index(List.of(emptyGz, emptyXml, utf16Xml), tally);
    }
    assertEquals(3, tally.get("FAILED"), tally.toString());
    assertEquals(java.util.Map.of("FAILED: file unreadable: the file is empty", 2L, "FAILED: file unreadable: " + utf16,
        1L), tally.reasons());
  }

  @Test
  void externalEntitiesAreNeverResolved(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    Path dtd = dir.resolve("evil.dtd");
    Files.writeString(dtd, "<!ENTITY evil \"FROM-A-LOCAL-DTD\">");
    String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet SYSTEM \"" + dtd.toUri() + "\" [<!ENTITY xxe "
        + "SYSTEM \"" + secret.toUri() + "\"> <!ENTITY % p SYSTEM \"" + dtd.toUri() + "\"> %p;]>\n<PubmedArticleSet>"
        + article("1", "t &xxe;") + article("2", "u &evil;") + article("3", "clean") + "</PubmedArticleSet>";
    List<RecordReader.Entry> e = readAll(xml);
    assertEquals(3, e.size());
    for (int i = 0; i < 2; i++) {
      RecordReader.Entry.Skip s = assertInstanceOf(RecordReader.Entry.Skip.class, e.get(i));
      String said = s.reason() + " " + s.where();
      assertFalse(said.contains("TOP-SECRET") || said.contains("FROM-A-LOCAL-DTD"), said);
      assertTrue(s.where().contains("xxe") || s.where().contains("evil"), said);
    }
    assertEquals("clean", record(e.get(2)).title());
  }

  @Test
  void aRemoteDtdIsNeverFetched() throws IOException {
    var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    var hits = new java.util.concurrent.atomic.AtomicInteger();
    server.createContext("/", x -> {
      hits.incrementAndGet();
      byte[] body = "<!ENTITY remote \"FROM-THE-NETWORK\">".getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(200, body.length);
      x.getResponseBody().write(body);
      x.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/pubmed.dtd";
      String xml = "<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle//EN\" \"" + url + "\" [<!ENTITY % r "
          + "SYSTEM \"" + url + "\"> %r;]><PubmedArticleSet>" + article("1", "a &remote;") + article("2", "b")
          + "</PubmedArticleSet>";
      List<RecordReader.Entry> e = readAll(xml);
      assertInstanceOf(RecordReader.Entry.Skip.class, e.get(0));
      assertEquals("b", record(e.get(1)).title());
      assertEquals(0, hits.get(), "the DTD server was contacted");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void billionLaughsHasNothingToExpand() throws IOException {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE PubmedArticleSet [<!ENTITY lol0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        dtd.append("&lol").append(i - 1).append(';');
      }
      dtd.append("\">");
    }
    dtd.append("]>");
    List<RecordReader.Entry> e = readAll(dtd + "<PubmedArticleSet>" + article("1", "&lol9;") + article("2", "fine")
        + "</PubmedArticleSet>");
    RecordReader.Entry.Skip s = assertInstanceOf(RecordReader.Entry.Skip.class, e.get(0));
    assertTrue(s.reason().length() < 500, s.reason());
    assertEquals("fine", record(e.get(1)).title());
  }
}
