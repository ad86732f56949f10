package org.claimcheck.pubmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PubmedXmlSplitterTest {
  /** A record whose PMID element is {@code pmid} as written. */
  static String article(String pmid) {
    return "<PubmedArticle><MedlineCitation>" + pmid + "<Article><ArticleTitle>T</ArticleTitle></Article>"
        + "</MedlineCitation></PubmedArticle>\n";
  }

  static List<PubmedXmlSplitter.Chunk> cut(String xml) throws IOException {
    List<PubmedXmlSplitter.Chunk> out = new ArrayList<>();
    try (var s = new PubmedXmlSplitter(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test")) {
      for (PubmedXmlSplitter.Chunk c; (c = s.next()) != null; ) {
        out.add(c);
      }
    }
    return out;
  }

  static PubmedXmlSplitter.Chunk only(String pmid) throws IOException {
    List<PubmedXmlSplitter.Chunk> chunks = cut("<PubmedArticleSet>" + article(pmid) + "</PubmedArticleSet>");
    assertEquals(1, chunks.size());
    return chunks.getFirst();
  }

  /**
   * The indexer routes each record by the id the splitter reads, so that one id's copies apply in file order on one
   * worker: that id must be the one the record is parsed and indexed under, however the PMID is written.
   */
  @Test
  void theRoutingIdIsTheIdTheRecordIsParsedUnder() throws IOException {
    for (String pmid : List.of("<PMID>7000</PMID>", "<PMID Version=\"1\"> 7000</PMID>", "<PMID>7000 </PMID>",
        "<PMID Version=\"1\">\n\t 7000\r\n  </PMID>", "<PMID\nVersion=\"2\">7000</PMID>",
        "<PMID\tVersion=\"1\" >7000</PMID >", "<PMID>7000<!-- a comment --></PMID>")) {
      PubmedXmlSplitter.Chunk c = only(pmid);
      assertEquals("7000", c.id(), pmid);
      for (boolean stax : new boolean[] {false, true}) {
        RecordReader.Entry e = PubmedXmlReader.parse(c, "UTF-8", stax);
        assertEquals("7000", assertInstanceOf(RecordReader.Entry.Upsert.class, e, pmid).record().id(), pmid);
      }
    }
  }

  /** A PMID the splitter cannot read as plain digits is never indexed under an id it was not routed by. */
  @Test
  void aPmidWrittenSoThatOnlyTheParserReadsItIsSkipped() throws IOException {
    for (String pmid : List.of("<PMID>&#55;000</PMID>", "<PMID>70<!-- x -->00</PMID>", "<PMID><![CDATA[7000]]></PMID>",
        "<PMID>\u00a07000</PMID>", "<PMID><b>7000</b></PMID>")) {
      PubmedXmlSplitter.Chunk c = only(pmid);
      assertNotEquals("7000", c.id(), pmid);
      for (boolean stax : new boolean[] {false, true}) {
        RecordReader.Entry e = PubmedXmlReader.parse(c, "UTF-8", stax);
        RecordReader.Entry.Skip s = assertInstanceOf(RecordReader.Entry.Skip.class, e, pmid);
        assertEquals("PMID not written as plain digits (markup or references in it, or another <PMID> before it)",
            s.reason(), pmid);
        assertEquals("7000", s.id(), pmid);
      }
    }
    PubmedXmlSplitter.Chunk twice = only("<!-- <PMID>1</PMID> --><PMID>7000</PMID>");
    assertEquals("1", twice.id());
    assertInstanceOf(RecordReader.Entry.Skip.class, PubmedXmlReader.parse(twice, "UTF-8"));
  }
}
