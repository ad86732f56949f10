package org.claimcheck.pubmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
    List<RecordReader.Entry> e = new java.util.ArrayList<>();
    try (var r = new MedlineReader(new java.io.ByteArrayInputStream(text.getBytes(
        java.nio.charset.StandardCharsets.UTF_8)))) {
      for (RecordReader.Entry x; (x = r.next()) != null; ) {
        e.add(x);
      }
    }
    assertEquals(2, e.size());
    PubmedRecord one = PubmedXmlReaderTest.record(e.get(0));
    assertEquals(List.of("Humans"), one.mesh().stream().map(PubmedRecord.MeshHeading::descriptor).toList());
    assertTrue(one.humans());
    assertEquals("Two.", PubmedXmlReaderTest.record(e.get(1)).title());
  }
}
