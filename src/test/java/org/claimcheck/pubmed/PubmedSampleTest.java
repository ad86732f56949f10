package org.claimcheck.pubmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimcheck.TestData;
import org.junit.jupiter.api.Test;

/**
 * The real records of {@code ../shared/data/pubmed-sample} (see its PROVENANCE.md): every file reads whole, and fields
 * of records chosen for their shapes are checked against the files. Skipped when the shared data is absent.
 */
class PubmedSampleTest {
  static List<Path> files(String folder) throws IOException {
    try (var s = Files.list(TestData.shared("pubmed-sample/" + folder))) {
      return s.filter(RecordReaders::isSupported).sorted().toList();
    }
  }

  static Map<String, PubmedRecord> byId(List<Path> files) throws IOException {
    Map<String, PubmedRecord> out = new HashMap<>();
    for (Path f : files) {
      for (RecordReader.Entry e : PubmedXmlReaderTest.readAll(f)) {
        if (e instanceof RecordReader.Entry.Upsert u) {
          out.put(u.record().id(), u.record());
        }
      }
    }
    return out;
  }

  @Test
  void everyXmlRecordReadsWithoutASkip() throws IOException {
    int upserts = 0;
    int deletes = 0;
    Set<String> ids = new HashSet<>();
    List<String> skips = new ArrayList<>();
    int structured = 0;
    for (Path f : files("xml")) {
      for (RecordReader.Entry e : PubmedXmlReaderTest.readAll(f)) {
        switch (e) {
          case RecordReader.Entry.Upsert u -> {
            upserts++;
            ids.add(u.record().id());
            assertFalse(u.record().title().isBlank(), "title of " + u.record().id());
            assertTrue(u.record().year() != null && u.record().year() > 1900, "year of " + u.record().id());
            if (u.record().sections().stream().anyMatch(s -> s.label() != null)) {
              structured++;
            }
          }
          case RecordReader.Entry.Delete d -> deletes++;
          case RecordReader.Entry.Skip s -> skips.add(f.getFileName() + ": " + s);
        }
      }
    }
    assertEquals(List.of(), skips);
    assertEquals(608, upserts, "PROVENANCE.md: 608 articles");
    assertEquals(607, ids.size(), "PROVENANCE.md: 607 unique PMIDs (23117106 twice)");
    assertEquals(262 + 6 + 34 + 559, deletes, "PROVENANCE.md: DeleteCitation PMIDs per file");
    assertEquals(160, structured, "PROVENANCE.md, column lab: records with a labelled section");
  }

  @Test
  void structuredAbstractMedlineDateMeshAndPublicationTypes() throws IOException {
    PubmedRecord r = byId(files("xml")).get("23194934");
    assertEquals("Demographics and perioperative outcome in patients with depression and anxiety undergoing total "
        + "joint arthroplasty: a population-based study.", r.title());
    assertEquals("Psychosomatics", r.journal());
    assertEquals("2013 Mar-Apr", r.pubDate());
    assertEquals(2013, r.year());
    assertEquals("10.1016/j.psym.2012.08.009", r.doi());
    assertEquals(List.of("BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"),
        r.sections().stream().map(PubmedRecord.Section::label).toList());
    assertEquals(List.of("BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"),
        r.sections().stream().map(PubmedRecord.Section::category).toList());
    assertTrue(r.sections().get(2).text().startsWith("We identified 1,212,493 patients undergoing arthroplasty "
        + "between 2000 and 2008."), r.sections().get(2).text());
    assertEquals(7, r.authors().size());
    assertEquals("Stundner Ottokar", r.authors().getFirst());
    assertTrue(r.publicationTypes().contains("Research Support, N.I.H., Extramural"), r.publicationTypes().toString());
    PubmedRecord.MeshHeading anxiety = r.mesh().stream().filter(m -> m.descriptor().equals("Anxiety Disorders"))
        .findFirst().orElseThrow();
    assertTrue(anxiety.major());
    assertEquals(List.of("economics", "epidemiology"), anxiety.qualifiers());
    assertTrue(r.humans());
    assertFalse(r.animals());
    assertEquals("eng", r.language());
  }

  @Test
  void inlineMarkupAndMathMlAreKeptAsText() throws IOException {
    PubmedRecord r = byId(files("xml")).get("30108519");
    assertEquals("A \"Blood Relationship\" Between the Overlooked Minimum Lactate Equivalent and Maximal Lactate Steady "
        + "State in Trained Runners. Back to the Old Days?", r.title());
    String text = r.abstractText();
    assertTrue(text.contains("maximal oxygen uptake ( V.O2max ) 67.6 \u00b1 4.1 ml\u00b7kg-1\u00b7min-1] homogeneous"),
        text);
    assertTrue(text.endsWith("."), "the abstract is not cut off at an inline tag: " + text);
    assertEquals("10.3389/fphys.2018.01034", r.doi());
  }

  @Test
  void byteOrderMarkMinifiedBaselineExcerptsAndCheckTags() throws IOException {
    Map<String, PubmedRecord> all = byId(files("xml"));
    PubmedRecord bom = all.get("26463095"); // first record of the file that starts with a UTF-8 BOM
    assertEquals("Differing prospects for the future of using gene therapy to treat infections with hepatitis B virus "
        + "and hepatitis C virus.", bom.title());
    assertEquals("Discovery medicine", bom.journal());
    assertEquals("2015 Sep", bom.pubDate());
    PubmedRecord vernacular = all.get("41605226"); // minified baseline excerpt, empty ArticleTitle
    assertTrue(vernacular.title().startsWith("Kommentar zu \u201eABDOMEN BECKEN"), vernacular.title());
    assertEquals("ger", vernacular.language());
    assertEquals(2026, vernacular.year());
    PubmedRecord fish = all.get("11748933");
    assertTrue(fish.animals());
    assertFalse(fish.humans());
  }

  @Test
  void updateFilesGiveTheirRecordsThenTheirDeletionsInFileOrder() throws IOException {
    Path update = TestData.shared("pubmed-sample/xml/pmparser__pubmed26n1335.xml.gz");
    List<RecordReader.Entry> e = PubmedXmlReaderTest.readAll(update);
    assertEquals(36, e.size());
    assertTrue(e.subList(0, 30).stream().allMatch(x -> x instanceof RecordReader.Entry.Upsert));
    assertEquals(List.of("41456105", "41557076", "41616784", "41618748", "41618749", "41618779"),
        e.subList(30, 36).stream().map(x -> assertInstanceOf(RecordReader.Entry.Delete.class, x).id()).toList());
  }

  @Test
  void medlineTextRecords() throws IOException {
    Map<String, PubmedRecord> all = new HashMap<>();
    int n = 0;
    for (Path f : files("medline")) {
      for (RecordReader.Entry e : PubmedXmlReaderTest.readAll(f)) {
        all.put(PubmedXmlReaderTest.record(e).id(), PubmedXmlReaderTest.record(e));
        n++;
      }
    }
    assertEquals(13, n, "PROVENANCE.md: 13 MEDLINE records");
    PubmedRecord r = all.get("12230038");
    assertEquals("The Bio* toolkits--a brief overview.", r.title());
    assertEquals("Briefings in bioinformatics", r.journal());
    assertEquals(2002, r.year());
    assertEquals(List.of("Mangalam Harry"), r.authors());
    assertTrue(r.abstractText().startsWith("Bioinformatics research is often difficult to do with commercial software. "
        + "The Open Source BioPerl"), r.abstractText());
    assertNull(r.doi());
  }
}
