package org.claimcheck.pubmed;

import static org.claimcheck.pubmed.PubmedXmlReaderTest.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MedlineReaderTest {
  @Test
  void readsTaggedRecordsWithContinuationLinesAndCrlf(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("pubmed_result.txt");
    Files.writeString(f, String.join("\r\n",
        "",
        "PMID- 90000010",
        "TI  - An invented title that goes on",
        "      over two lines.",
        "AB  - Invented abstract text.",
        "FAU - Doe, Jane",
        "DP  - 2019 Jun",
        "PT  - Journal Article",
        "MH  - Humans",
        "MH  - *Vitamin B 12/therapeutic use",
        "AID - 10.0000/x [doi]",
        "",
        "PMID- 90000011",
        "TI  - Second.",
        "LID - 10.0000/y [doi]",
        ""));
    List<RecordReader.Entry> e = PubmedXmlReaderTest.readAll(f);
    assertEquals(2, e.size());
    PubmedRecord r = PubmedXmlReaderTest.record(e.get(0));
    assertEquals("90000010", r.id());
    assertEquals("An invented title that goes on over two lines.", r.title());
    assertEquals(2019, r.year());
    assertEquals("10.0000/x", r.doi());
    assertTrue(r.humans());
    assertTrue(r.mesh().get(1).major());
    assertEquals(List.of("therapeutic use"), r.mesh().get(1).qualifiers());
    assertEquals("10.0000/y", PubmedXmlReaderTest.record(e.get(1)).doi(), "a DOI given as LID");
  }

  /** MeSH lines with nothing before their slash ("MH  - /", a star then a slash) must not stop the file. */
  @Test
  void aMeshLineWithoutADescriptorCostsNothing() throws IOException {
    String text = "PMID- 1\nTI  - One.\nMH  - /\nMH  - */therapeutic use\nMH  - Humans\n\nPMID- 2\nTI  - Two.\n";
    List<RecordReader.Entry> e = read(text);
    assertEquals(2, e.size());
    PubmedRecord one = PubmedXmlReaderTest.record(e.get(0));
    assertEquals(List.of("Humans"), one.mesh().stream().map(PubmedRecord.MeshHeading::descriptor).toList());
    assertTrue(one.humans());
    assertEquals("Two.", PubmedXmlReaderTest.record(e.get(1)).title());
  }

  /** Records that lost the blank line between them: a second PMID line starts a new record, so none is lost. */
  @Test
  void aPmidLineStartsANewRecordWithoutABlankLine() throws IOException {
    List<RecordReader.Entry> e = read("PMID- 11\nTI  - First.\nAB  - One.\nPMID- 12\nTI  - Second.\n"
        + "PMID- 13\n\nTI  - Fourth, no PMID.\nPMID- 14\nAB  - Five.\n");
    assertEquals(4, e.size());
    PubmedRecord first = PubmedXmlReaderTest.record(e.get(0));
    assertEquals("11", first.id());
    assertEquals("First.", first.title());
    assertEquals("One.", first.abstractText());
    PubmedRecord second = PubmedXmlReaderTest.record(e.get(1));
    assertEquals("12", second.id());
    assertEquals("Second.", second.title());
    assertEquals("13", PubmedXmlReaderTest.record(e.get(2)).id());
    PubmedRecord fourth = PubmedXmlReaderTest.record(e.get(3));
    assertEquals("14", fourth.id(), "a PMID after other fields is the record's own");
    assertEquals("Fourth, no PMID.", fourth.title());
    assertEquals("Five.", fourth.abstractText());
  }

  /** Authors read as PubMed XML gives them: "Last Fore", else "Last Initials"; collective names; no investigators. */
  @Test
  void authorsReadAsXmlGivesThem() throws IOException {
    List<RecordReader.Entry> e = read(String.join("\n",
        "PMID- 21",
        "TI  - Authors.",
        "FAU - Casbon, James A",
        "AU  - Casbon JA",
        "AD  - Somewhere.",
        "FAU - de Hoon, M J L",
        "AU  - de Hoon MJ",
        "FAU - Poe",
        "AU  - Poe E",
        "CN  - Invented Trial Group",
        "AU  - Older A",
        "FAU - Last, Only",
        "IR  - Investigator I",
        "FIR - Investigator, Ivan",
        "",
        "PMID- 22",
        "TI  - Before 2002: AU lines only.",
        "AU  - Mangalam H",
        "AU  - Smith JB",
        ""));
    assertEquals(List.of("Casbon James A", "de Hoon M J L", "Poe E", "Invented Trial Group", "Older A", "Last Only"),
        PubmedXmlReaderTest.record(e.get(0)).authors());
    assertEquals(List.of("Mangalam H", "Smith JB"), PubmedXmlReaderTest.record(e.get(1)).authors());
  }

  /** The same record read from MEDLINE text and from PubMed XML is the same record, field for field. */
  @Test
  void aRecordReadsTheSameFromMedlineAndXml() throws IOException {
    String medline = String.join("\r\n",
        "PMID- 90000031",
        "OWN - NLM",
        "DP  - 2006 Mar 1",
        "TI  - An invented title that goes on  ",
        "      over two lines.",
        "AB  - An invented abstract whose line ends in a space ",
        "      and goes on. It has two sentences.",
        "FAU - Casbon, James A",
        "AU  - Casbon JA",
        "FAU - Poe",
        "AU  - Poe E",
        "CN  - Invented Trial Group",
        "LA  - eng",
        "PT  - Journal Article",
        "PT  - Retracted Publication",
        "DEP - 20060110",
        "TA  - Invent J",
        "JT  - Invented journal",
        "MH  - Humans",
        "MH  - Information Storage and Retrieval/*methods",
        "MH  - *Software",
        "RIN - Invent J. 2007;1:1",
        "LID - 10.0000/elocation [doi]",
        "AID - 10.0000/articleid [doi]",
        "AID - S0000 [pii]",
        "");
    String xml = """
        <?xml version="1.0"?>
        <PubmedArticleSet><PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">
          <PMID Version="1">90000031</PMID>
          <Article PubModel="Print-Electronic">
            <Journal><JournalIssue><PubDate><Year>2006</Year><Month>Mar</Month><Day>1</Day></PubDate></JournalIssue>
              <Title>Invented journal</Title><ISOAbbreviation>Invent J</ISOAbbreviation></Journal>
            <ArticleTitle>An invented title that goes on
              over two lines.</ArticleTitle>
            <ELocationID EIdType="doi" ValidYN="Y">10.0000/elocation</ELocationID>
            <Abstract><AbstractText>An invented abstract whose line ends in a space
              and goes on. It has two sentences.</AbstractText></Abstract>
            <AuthorList CompleteYN="Y">
              <Author><LastName>Casbon</LastName><ForeName>James A</ForeName><Initials>JA</Initials></Author>
              <Author><LastName>Poe</LastName><Initials>E</Initials></Author>
              <Author><CollectiveName>Invented Trial Group</CollectiveName></Author>
            </AuthorList>
            <Language>eng</Language>
            <PublicationTypeList><PublicationType>Journal Article</PublicationType>
              <PublicationType>Retracted Publication</PublicationType></PublicationTypeList>
            <ArticleDate DateType="Electronic"><Year>2006</Year><Month>01</Month><Day>10</Day></ArticleDate>
          </Article>
          <MedlineJournalInfo><MedlineTA>Invent J</MedlineTA></MedlineJournalInfo>
          <CommentsCorrectionsList><CommentsCorrections RefType="RetractionIn"><RefSource>Invent J. 2007;1:1</RefSource>
          </CommentsCorrections></CommentsCorrectionsList>
          <MeshHeadingList>
            <MeshHeading><DescriptorName MajorTopicYN="N">Humans</DescriptorName></MeshHeading>
            <MeshHeading><DescriptorName MajorTopicYN="N">Information Storage and Retrieval</DescriptorName>
              <QualifierName MajorTopicYN="Y">methods</QualifierName></MeshHeading>
            <MeshHeading><DescriptorName MajorTopicYN="Y">Software</DescriptorName></MeshHeading>
          </MeshHeadingList>
        </MedlineCitation>
        <PubmedData><ArticleIdList><ArticleId IdType="pubmed">90000031</ArticleId>
          <ArticleId IdType="doi">10.0000/articleid</ArticleId><ArticleId IdType="pii">S0000</ArticleId></ArticleIdList>
        </PubmedData></PubmedArticle></PubmedArticleSet>
        """;
    PubmedRecord fromXml = PubmedXmlReaderTest.record(PubmedXmlReaderTest.readAll(xml).getFirst());
    PubmedRecord fromMedline = PubmedXmlReaderTest.record(read(medline).getFirst());
    assertEquals("An invented abstract whose line ends in a space and goes on. It has two sentences.",
        fromMedline.abstractText(), "white space collapsed as in XML");
    assertEquals(List.of("Casbon James A", "Poe E", "Invented Trial Group"), fromMedline.authors());
    assertEquals("10.0000/elocation", fromMedline.doi(), "the ELocationID's DOI before the ArticleIdList's, as XML");
    assertEquals(fromXml, fromMedline);
  }

  /** A title only in the original language (TT), the year only in the electronic date (DEP): as XML reads them. */
  @Test
  void aRecordLargerThanTheBoundIsSkippedWithoutBeingHeld() throws IOException {
    String huge = "x".repeat(5000);
    String text = "PMID- 51\nTI  - Fine.\n\nPMID- 52\nTI  - Too large.\nAB  - " + huge + "\n      " + huge
        + "\n\nPMID- 53\nTI  - One line too long.\nAB  - " + huge + huge + "\nPMID- 54\nTI  - Fine again.\n";
    List<RecordReader.Entry> e = readAll(new MedlineReader(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 8000));
    assertEquals(4, e.size(), e.toString());
    assertEquals("51", PubmedXmlReaderTest.record(e.get(0)).id());
    assertEquals(new RecordReader.Entry.Skip("52", "a MEDLINE record larger than 8000 bytes", "record 2"), e.get(1));
    assertEquals(new RecordReader.Entry.Skip("53", "a MEDLINE record larger than 8000 bytes", "record 3"), e.get(2));
    assertEquals("Fine again.", PubmedXmlReaderTest.record(e.get(3)).title());
  }

  @Test
  void aPmidThatIsNotANumberIsSkippedAsInXml() throws IOException {
    List<RecordReader.Entry> e = read("PMID- ABC12\nTI  - Not a PMID.\n\nPMID- 61\nTI  - Fine.\n\nTI  - No PMID.\n");
    assertEquals(new RecordReader.Entry.Skip(null, "PMID is not a number", "record 1 (PMID- ABC12)"), e.get(0));
    assertEquals("61", PubmedXmlReaderTest.record(e.get(1)).id());
    assertEquals(new RecordReader.Entry.Skip(null, "MEDLINE record without PMID", "record 3"), e.get(2));
  }

  @Test
  void aVernacularTitleAndAnElectronicDateStandIn() throws IOException {
    PubmedRecord r = PubmedXmlReaderTest.record(read("PMID- 41\nTT  - Un titre.\nDP  - Spring\nDEP - 20200131\n")
        .getFirst());
    assertEquals("Un titre.", r.title());
    assertEquals(2020, r.year());
    assertEquals("Spring", r.pubDate());
  }

  /** A page saved as .txt is not read as MEDLINE with no record: it is refused as a whole, as HTML named .xml is. */
  @Test
  void textWithNoPmidLineIsNotMedline() throws IOException {
    for (String text : List.of("Vitamin B12 Deficiency and Movement Disorders\n\nPublished on: Modified on:\n",
        "FAQ - what is B12?\nAB  - not an abstract file\n\nTI  - No PMID anywhere.\n")) {
      IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> read(text));
      assertTrue(e.getMessage().startsWith("not a MEDLINE file: no 'PMID- ' line"), e.getMessage());
    }
    assertEquals(List.of(), read(""), "an empty file holds no record");
    assertEquals(List.of(), read("\n \n"), "nor does a blank one");
    // Records before the first PMID come out in order once it comes.
    List<RecordReader.Entry> e = read("TI  - No PMID.\n\nPMID- 71\nTI  - Fine.\n");
    assertEquals(new RecordReader.Entry.Skip(null, "MEDLINE record without PMID", "record 1"), e.get(0));
    assertEquals("71", PubmedXmlReaderTest.record(e.get(1)).id());
    assertEquals(2, e.size());
  }

  private static List<RecordReader.Entry> read(String text) throws IOException {
    return readAll(new MedlineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
  }

  /**
   * A retracted publication (its publication type, or a retraction notice, RIN) is flagged, so the verifier never
   * counts it; Humans and Animals are read from the MeSH headings. No MEDLINE test had a retracted record.
   */
  @Test
  void retractedPublicationsAndTheirNoticesAreFlagged(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("retractions.txt");
    Files.writeString(f, String.join("\n",
        "PMID- 90000020",
        "TI  - A retracted trial.",
        "PT  - Journal Article",
        "PT  - Retracted Publication",
        "MH  - Animals",
        "",
        "PMID- 90000021",
        "TI  - A trial with a retraction notice.",
        "PT  - Journal Article",
        "RIN - Invented J. 2020;1:1. PMID: 90000099",
        "",
        "PMID- 90000022",
        "TI  - A trial that stands.",
        "PT  - Journal Article",
        "MH  - Humans",
        ""));
    List<RecordReader.Entry> e = PubmedXmlReaderTest.readAll(f);
    assertEquals(3, e.size());
    PubmedRecord retracted = PubmedXmlReaderTest.record(e.get(0));
    PubmedRecord notice = PubmedXmlReaderTest.record(e.get(1));
    PubmedRecord stands = PubmedXmlReaderTest.record(e.get(2));
    assertEquals(List.of(true, true, false), List.of(retracted.retracted(), notice.retracted(), stands.retracted()));
    assertEquals(List.of(true, false, false), List.of(retracted.animals(), notice.animals(), stands.animals()));
    assertEquals(List.of(false, false, true), List.of(retracted.humans(), notice.humans(), stands.humans()));
  }
}
