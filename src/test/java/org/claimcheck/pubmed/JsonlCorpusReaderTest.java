package org.claimcheck.pubmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    assertEquals("line 3 is not JSON", assertInstanceOf(RecordReader.Entry.Skip.class, e.get(2)).reason());
    assertEquals("line 4 has no doc_id or _id", assertInstanceOf(RecordReader.Entry.Skip.class, e.get(3)).reason());
  }
}
