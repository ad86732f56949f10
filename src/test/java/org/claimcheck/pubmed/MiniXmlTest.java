package org.claimcheck.pubmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.claimcheck.Fuzz;
import org.claimcheck.TestData;
import org.junit.jupiter.api.Test;

/**
 * {@link MiniXml} against the JDK's StAX parser: the same entries for every fixture record and every record of the
 * shared PubMed sample, and on randomly damaged records (the seed is printed) never an exception, never a record StAX
 * refuses (but for bytes that are not UTF-8, which MiniXml reads as U+FFFD), and the same record whenever both accept.
 */
class MiniXmlTest {
  static List<PubmedXmlSplitter.Chunk> chunks(InputStream in) throws IOException {
    List<PubmedXmlSplitter.Chunk> out = new ArrayList<>();
    try (var s = new PubmedXmlSplitter(in, "test")) {
      for (PubmedXmlSplitter.Chunk c; (c = s.next()) != null; ) {
        out.add(c);
      }
    }
    return out;
  }

  static List<PubmedXmlSplitter.Chunk> fixtureChunks() throws IOException {
    List<PubmedXmlSplitter.Chunk> out = new ArrayList<>();
    for (String f : List.of("invented-pubmed.xml", "invented-update.xml", "invented-markup.xml")) {
      out.addAll(chunks(Files.newInputStream(TestData.resource("org/claimcheck/pubmed/" + f))));
    }
    return out;
  }

  static void assertSameAsStax(PubmedXmlSplitter.Chunk c) {
    if (c.kind() == PubmedXmlSplitter.Kind.DELETE) {
      return;
    }
    RecordReader.Entry fast = PubmedXmlReader.parse(c, "UTF-8", false);
    RecordReader.Entry stax = PubmedXmlReader.parse(c, "UTF-8", true);
    if (stax instanceof RecordReader.Entry.Skip s && s.reason().startsWith("malformed")) {
      if (s.reason().contains("UTF-8 sequence")) {
        return; // by design MiniXml reads bytes that are not UTF-8 as U+FFFD rather than losing the record
      }
      assertInstanceOf(RecordReader.Entry.Skip.class, fast, "StAX refused it (" + s.reason() + ")");
    } else if (fast instanceof RecordReader.Entry.Skip s && s.reason().contains("markup declarations")) {
      // By design MiniXml is stricter: a DOCTYPE or ENTITY declaration never belongs inside a record (the splitter
      // cuts records at <PubmedArticle>), so one there is refused even where StAX, with DTDs off, would read past it.
      assertTrue(new String(c.bytes(), StandardCharsets.UTF_8).contains("<!"), s.reason());
    } else {
      assertEquals(stax, fast, new String(c.bytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void readsEveryFixtureRecordAsStaxDoes() throws IOException {
    for (PubmedXmlSplitter.Chunk c : fixtureChunks()) {
      assertSameAsStax(c);
    }
  }

  @Test
  void readsEveryRecordOfTheSharedSampleAsStaxDoes() throws IOException {
    Path dir = TestData.shared("pubmed-sample/xml");
    int n = 0;
    try (var files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        InputStream in = Files.newInputStream(f);
        if (f.toString().endsWith(".gz")) {
          in = new GZIPInputStream(in);
        }
        for (PubmedXmlSplitter.Chunk c : chunks(in)) {
          assertSameAsStax(c);
          n++;
        }
      }
    }
    assertTrue(n >= 608, n + " records");
  }

  @Test
  void damagedRecordsAreSkippedNeverThrownAndNeverAcceptedWhenStaxRefusesThem() throws IOException {
    long seed = Fuzz.seed("minixml-damaged");
    System.out.println("MiniXmlTest seed " + seed + " (-Dclaimcheck.fuzz.seed=" + seed + " repeats it)");
    Random rnd = new Random(seed);
    List<PubmedXmlSplitter.Chunk> base = fixtureChunks().stream()
        .filter(c -> c.kind() != PubmedXmlSplitter.Kind.DELETE).toList();
    String[] inserts = {"<", ">", "&", "&foo;", "&#0;", "&#x110000;", "\"", "</i>", "<i>", "<!DOCTYPE x>", "<![CDATA[",
        "]]>", "<!--", "-->", "\u0001", "=", " a=\"1\"", "<?pi?>", "&#65;", "&lt;"};
    for (int i = 0; i < 2000; i++) {
      PubmedXmlSplitter.Chunk c = base.get(rnd.nextInt(base.size()));
      byte[] b = c.bytes();
      int at = rnd.nextInt(b.length);
      byte[] mutated;
      switch (rnd.nextInt(3)) {
        case 0 -> {
          byte[] ins = inserts[rnd.nextInt(inserts.length)].getBytes(StandardCharsets.UTF_8);
          mutated = new byte[b.length + ins.length];
          System.arraycopy(b, 0, mutated, 0, at);
          System.arraycopy(ins, 0, mutated, at, ins.length);
          System.arraycopy(b, at, mutated, at + ins.length, b.length - at);
        }
        case 1 -> {
          int len = 1 + rnd.nextInt(Math.min(20, b.length - at));
          mutated = new byte[b.length - len];
          System.arraycopy(b, 0, mutated, 0, at);
          System.arraycopy(b, at + len, mutated, at, b.length - at - len);
        }
        default -> mutated = java.util.Arrays.copyOf(b, at);
      }
      var damaged = new PubmedXmlSplitter.Chunk(c.kind(), mutated, c.ordinal(), c.id(), null);
      try {
        assertSameAsStax(damaged);
      } catch (AssertionError e) {
        throw new AssertionError("seed " + seed + ", case " + i + ": " + e.getMessage() + "\n"
            + new String(mutated, StandardCharsets.UTF_8), e);
      }
    }
  }

  @Test
  void plainDocumentsParse() throws Exception {
    MiniXml x = new MiniXml("<a b='1 &amp; 2'>x &lt; y<![CDATA[<z>]]><c/>&#x3bc;</a>".getBytes(
        StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    assertEquals(XmlCursor.START_ELEMENT, x.next());
    assertEquals("a", x.getLocalName());
    assertEquals("1 & 2", x.getAttributeValue("b"));
    assertEquals(XmlCursor.CHARACTERS, x.next());
    assertEquals("x < y", x.getText());
    assertEquals(XmlCursor.CDATA, x.next());
    assertEquals("<z>", x.getText());
    assertEquals(XmlCursor.START_ELEMENT, x.next());
    assertEquals(XmlCursor.END_ELEMENT, x.next());
    assertEquals("c", x.getLocalName());
    assertEquals(XmlCursor.CHARACTERS, x.next());
    assertEquals("\u03bc", x.getText());
    assertEquals(XmlCursor.END_ELEMENT, x.next());
    assertEquals(XmlCursor.END_DOCUMENT, x.next());
    new ByteArrayInputStream(new byte[0]).close();
  }
}
