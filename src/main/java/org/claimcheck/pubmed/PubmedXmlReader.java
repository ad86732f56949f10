package org.claimcheck.pubmed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One per thread. Streams a PubMed XML file ({@code PubmedArticleSet}, as served by E-utilities efetch and in the
 * baseline and update files) in constant memory: {@link PubmedXmlSplitter} cuts the byte stream into records and each
 * record is parsed alone with StAX, so a malformed record is skipped with its reason and the rest of the file is still
 * read; {@link #nextDeferred()} leaves the parsing to the caller's worker threads.
 *
 * <p>Safe by construction: the document type declaration is never given to the parser (no entity is defined, nothing
 * is fetched, nothing expands), and the parser itself has DTDs and external entities off; an entity reference inside a
 * record makes that record malformed.
 *
 * <p>Inline markup inside titles and abstracts ({@code <i>}, {@code <b>}, {@code <sup>}, {@code <sub>}, MathML) is kept
 * as its text, so an abstract never stops at its first inline tag; the layout white space inside MathML is dropped.
 */
public final class PubmedXmlReader implements RecordReader {
  private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(PubmedXmlReader::newFactory);
  private static final Pattern YEAR = Pattern.compile("\\b(1[6-9]\\d\\d|2\\d\\d\\d)\\b");

  private final PubmedXmlSplitter splitter;
  private final String name;
  private final Deque<Entry> pending = new ArrayDeque<>();

  /** Reads {@code in} (decompressed already); takes ownership of it. {@code name} is used in messages. */
  public PubmedXmlReader(InputStream in, String name) throws IOException {
    this(in, name, PubmedXmlSplitter.MAX_RECORD_BYTES);
  }

  /** As above, skipping records larger than {@code maxRecordBytes} (the tests' small limit). */
  PubmedXmlReader(InputStream in, String name, int maxRecordBytes) {
    this.splitter = new PubmedXmlSplitter(in, name, maxRecordBytes);
    this.name = name;
  }

  /** A StAX factory with DTDs, external entities and namespace processing off. */
  static XMLInputFactory newFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setXMLResolver((publicId, systemId, base, ns) -> {
      throw new XMLStreamException("external resource refused: " + systemId);
    });
    return f;
  }

  @Override
  public Entry next() throws IOException {
    Deferred d = nextDeferred();
    return d == null ? null : d.parse();
  }

  @Override
  public Deferred nextDeferred() throws IOException {
    while (pending.isEmpty()) {
      PubmedXmlSplitter.Chunk c = splitter.next();
      if (c == null) {
        return null;
      }
      if (c.problem() != null) {
        return Deferred.of(new Entry.Skip(c.id(), "a record " + c.problem(), "record " + c.ordinal()));
      }
      if (c.kind() != PubmedXmlSplitter.Kind.DELETE) {
        return new ChunkEntry(c, splitter.encoding());
      }
      pending.addAll(parseDeletes(c, splitter.encoding()));
    }
    return Deferred.of(pending.poll());
  }

  /** A record cut out of the file, parsed when asked. */
  private record ChunkEntry(PubmedXmlSplitter.Chunk chunk, String encoding) implements Deferred {
    @Override
    public String id() {
      return chunk.id();
    }

    @Override
    public Entry parse() {
      return PubmedXmlReader.parse(chunk, encoding);
    }

    @Override
    public int weight() {
      return chunk.bytes().length;
    }
  }

  /** Parses one record; a malformed one comes back as a Skip with its reason. */
  static Entry parse(PubmedXmlSplitter.Chunk c, String encoding) {
    return parse(c, encoding, false);
  }

  /** As above, with the JDK's StAX parser instead of {@link MiniXml} when {@code stax} (the tests' reference). */
  static Entry parse(PubmedXmlSplitter.Chunk c, String encoding, boolean stax) {
    XMLStreamReader reader = null;
    try {
      XmlCursor xml;
      if (stax) {
        reader = FACTORY.get().createXMLStreamReader(new ByteArrayInputStream(c.bytes()), encoding);
        xml = XmlCursor.of(reader);
      } else {
        xml = new MiniXml(c.bytes(), java.nio.charset.Charset.forName(encoding));
      }
      while (xml.next() != XmlCursor.START_ELEMENT) {
        // prolog: nothing
      }
      Parser p = new Parser(xml);
      Entry e = switch (c.kind()) {
        case ARTICLE -> p.readArticle();
        case BOOK -> p.readBook();
        case DELETE -> throw new IllegalStateException("deletes are parsed by parseDeletes");
      };
      while (xml.hasNext()) {
        xml.next();
      }
      if (e instanceof Entry.Skip skip && skip.id() == null && skip.where() == null) {
        return new Entry.Skip(null, skip.reason(), "record " + c.ordinal());
      }
      if (e instanceof Entry.Upsert u && !u.record().id().equals(c.id())) {
        // The indexer keeps an id's entries in file order by routing them by c.id(): applied under another id, this
        // record could overtake, or be overtaken by, that id's other copies.
        return new Entry.Skip(u.record().id(), "PMID not written as plain digits (markup or references in it, or "
            + "another <PMID> before it)");
      }
      return e;
    } catch (XMLStreamException | RuntimeException e) {
      return new Entry.Skip(c.id(), "malformed record: " + generalize(describe(e)), where(c, e) + ": " + describe(e));
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException e) {
          // nothing held
        }
      }
    }
  }

  /** One Delete per PMID of a DeleteCitation, or one Skip when it is malformed. */
  static List<Entry> parseDeletes(PubmedXmlSplitter.Chunk c, String encoding) {
    try {
      XmlCursor xml = new MiniXml(c.bytes(), java.nio.charset.Charset.forName(encoding));
      while (xml.next() != XmlCursor.START_ELEMENT) {
        // prolog: nothing
      }
      List<Entry> out = new Parser(xml).readDeletes();
      while (xml.hasNext()) {
        xml.next();
      }
      return out;
    } catch (XMLStreamException | RuntimeException e) {
      return List.of(new Entry.Skip(c.id(), "malformed DeleteCitation: " + generalize(describe(e)),
          where(c, e) + ": " + describe(e)));
    }
  }

  /**
   * Why {@code id} (not empty) is not a PMID, or null when it is one: ASCII digits, at most
   * {@link PubmedXmlSplitter#MAX_PMID_DIGITS}.
   */
  static String pmidProblem(String id) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return "PMID is not a number";
      }
    }
    return id.length() > PubmedXmlSplitter.MAX_PMID_DIGITS
        ? "PMID longer than " + PubmedXmlSplitter.MAX_PMID_DIGITS + " digits" : null;
  }

  /** {@code id} as a report names it: cut short when a damaged file makes it long. */
  static String shown(String id) {
    return id.length() <= 40 ? id : id.substring(0, 40) + "...";
  }

  /** What the parser said, without where: the same text for every record malformed the same way. */
  private static String describe(Exception e) {
    String m = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip();
    int i = m.indexOf("Message: ");
    return i >= 0 ? m.substring(i + 9) : m;
  }

  private static final java.util.regex.Pattern NAMES = java.util.regex.Pattern.compile(
      "<[^<>]{1,200}>|\"[^\"]{0,200}\"|'[^']{0,200}'|&[^;\\s]{1,100};|\\b0x[0-9a-fA-F]+\\b|\\b\\d+\\b");

  /**
   * A parser's message with what it quotes from the record (tags, names, entities, numbers) put as {@code …}: the
   * same text for every record malformed the same way, so that a summary counts them in one line
   * ("{@code </…> closes <…>}"). The message itself goes with the record's place.
   */
  static String generalize(String message) {
    return NAMES.matcher(message).replaceAll(m -> switch (m.group().charAt(0)) {
      case '<' -> m.group().startsWith("</") ? "</\u2026>" : "<\u2026>";
      case '"' -> "\"\u2026\"";
      case '\'' -> "'\u2026'";
      case '&' -> "&\u2026;";
      default -> "N";
    });
  }

  /** Which record of its file {@code c} is, and the line of the record where the parser stopped when it says. */
  private static String where(PubmedXmlSplitter.Chunk c, Exception e) {
    if (e instanceof XMLStreamException x && x.getLocation() != null && x.getLocation().getLineNumber() > 0) {
      return "record " + c.ordinal() + ", line " + x.getLocation().getLineNumber() + " of it";
    }
    return "record " + c.ordinal();
  }

  /** One record's StAX parse. */
  private static final class Parser {
    private final XmlCursor xml;
    /** Scratch for {@link PubmedXmlReader#collapse(String, char[])}. */
    private char[] chars = new char[1024];

    Parser(XmlCursor xml) {
      this.xml = xml;
    }

    private Entry readBook() throws XMLStreamException {
      String id = null;
      int depth = 1;
      while (depth > 0) {
        int ev = xml.next();
        if (ev == XmlCursor.START_ELEMENT) {
          depth++;
          if (id == null && xml.getLocalName().equals("PMID")) {
            id = mixedText().strip();
            depth--;
          }
        } else if (ev == XmlCursor.END_ELEMENT) {
          depth--;
        }
      }
      return new Entry.Skip(id, "book or book chapter, not a journal article");
    }

    private List<Entry> readDeletes() throws XMLStreamException {
      List<Entry> out = new ArrayList<>();
      int depth = 1;
      while (depth > 0) {
        int ev = xml.next();
        if (ev == XmlCursor.START_ELEMENT) {
          depth++;
          if (xml.getLocalName().equals("PMID")) {
            String id = mixedText().strip();
            depth--;
            String problem = id.isEmpty() ? "DeleteCitation with an empty PMID" : pmidProblem(id);
            out.add(problem == null ? new Entry.Delete(id) : new Entry.Skip(id.isEmpty() ? null : shown(id), problem));
          }
        } else if (ev == XmlCursor.END_ELEMENT) {
          depth--;
        }
      }
      return out;
    }

    private Entry readArticle() throws XMLStreamException {
      Builder b = new Builder();
      Deque<String> path = new ArrayDeque<>();
      path.push("PubmedArticle");
      while (!path.isEmpty()) {
        int ev = xml.next();
        if (ev == XmlCursor.END_ELEMENT) {
          path.pop();
          continue;
        }
        if (ev != XmlCursor.START_ELEMENT) {
          continue;
        }
        String el = xml.getLocalName();
        String parent = path.peek();
        boolean consumed = true;
        switch (el) {
          case "PMID" -> {
            if ("MedlineCitation".equals(parent) && b.id == null) {
              b.version = parseVersion(xml.getAttributeValue("Version"));
              b.id = mixedText().strip();
            } else {
              consumed = false;
            }
          }
          case "ArticleTitle" -> b.title = mixedText();
          case "VernacularTitle" -> {
            String v = mixedText();
            if (b.vernacular == null) {
              b.vernacular = v;
            }
          }
          case "AbstractText" -> {
            if ("Abstract".equals(parent)) {
              String label = emptyToNull(xml.getAttributeValue("Label"));
              String category = emptyToNull(xml.getAttributeValue("NlmCategory"));
              String text = mixedText();
              if (!text.isBlank()) {
                b.sections.add(new PubmedRecord.Section(label, category, text));
              }
            } else {
              consumed = false;
            }
          }
          case "Title" -> {
            if ("Journal".equals(parent)) {
              b.journal = mixedText();
            } else {
              consumed = false;
            }
          }
          case "PubDate" -> readPubDate(b);
          case "ArticleDate" -> readArticleDate(b);
          case "Author" -> {
            if ("AuthorList".equals(parent)) {
              String a = readAuthor();
              if (a != null) {
                b.authors.add(a);
              }
            } else {
              consumed = false;
            }
          }
          case "Language" -> {
            if (b.language == null && "Article".equals(parent)) {
              b.language = mixedText();
            } else {
              skip();
            }
          }
          case "PublicationType" -> b.pubTypes.add(mixedText().strip());
          case "ELocationID" -> {
            if (b.doi == null && "doi".equalsIgnoreCase(xml.getAttributeValue("EIdType"))) {
              b.doi = emptyToNull(mixedText());
            } else {
              skip();
            }
          }
          case "ArticleId" -> {
            // The record's own ids (PubmedData/ArticleIdList), not those of its references.
            if (b.doi == null && "ArticleIdList".equals(parent) && "PubmedData".equals(grandparent(path))
                && "doi".equalsIgnoreCase(xml.getAttributeValue("IdType"))) {
              b.doi = emptyToNull(mixedText());
            } else {
              skip();
            }
          }
          case "MeshHeading" -> b.mesh.add(readMesh());
          case "CommentsCorrections" -> {
            if ("RetractionIn".equals(xml.getAttributeValue("RefType"))) {
              b.retracted = true;
            }
            consumed = false;
          }
          default -> consumed = false;
        }
        if (!consumed) {
          path.push(el);
        }
      }
      if (b.id == null || b.id.isEmpty()) {
        return new Entry.Skip(null, "record without a PMID");
      }
      String problem = pmidProblem(b.id);
      if (problem != null) {
        return new Entry.Skip(shown(b.id), problem);
      }
      if (b.version < 1) {
        return new Entry.Skip(b.id, "PMID Version is not a positive whole number");
      }
      return new Entry.Upsert(b.build());
    }

    private void readPubDate(Builder b) throws XMLStreamException {
      String year = null;
      String month = null;
      String day = null;
      String season = null;
      String medline = null;
      while (true) {
        int ev = xml.next();
        if (ev == XmlCursor.START_ELEMENT) {
          switch (xml.getLocalName()) {
            case "Year" -> year = mixedText().strip();
            case "Month" -> month = mixedText().strip();
            case "Day" -> day = mixedText().strip();
            case "Season" -> season = mixedText().strip();
            case "MedlineDate" -> medline = mixedText().strip();
            default -> skip();
          }
        } else if (ev == XmlCursor.END_ELEMENT) {
          break;
        }
      }
      String date = medline != null ? medline
          : String.join(" ", java.util.stream.Stream.of(year, month != null ? month : season, day)
              .filter(s -> s != null && !s.isEmpty()).toList());
      if (!date.isEmpty() && b.pubDate == null) {
        b.pubDate = date;
        Matcher m = YEAR.matcher(date);
        if (m.find()) {
          b.year = Integer.parseInt(m.group(1));
        }
      }
    }

    private void readArticleDate(Builder b) throws XMLStreamException {
      String year = null;
      while (true) {
        int ev = xml.next();
        if (ev == XmlCursor.START_ELEMENT) {
          String t = mixedText().strip();
          if (year == null && t.matches("\\d{4}")) {
            year = t;
          }
        } else if (ev == XmlCursor.END_ELEMENT) {
          break;
        }
      }
      if (year != null && b.articleYear == null) {
        b.articleYear = Integer.parseInt(year);
      }
    }

    private String readAuthor() throws XMLStreamException {
      String last = null;
      String fore = null;
      String initials = null;
      String collective = null;
      while (true) {
        int ev = xml.next();
        if (ev == XmlCursor.START_ELEMENT) {
          switch (xml.getLocalName()) {
            case "LastName" -> last = mixedText().strip();
            case "ForeName" -> fore = mixedText().strip();
            case "Initials" -> initials = mixedText().strip();
            case "CollectiveName" -> collective = mixedText().strip();
            default -> skip();
          }
        } else if (ev == XmlCursor.END_ELEMENT) {
          break;
        }
      }
      if (last != null && !last.isEmpty()) {
        String first = fore != null && !fore.isEmpty() ? fore : initials;
        return first == null || first.isEmpty() ? last : last + " " + first;
      }
      return collective == null || collective.isEmpty() ? null : collective;
    }

    private PubmedRecord.MeshHeading readMesh() throws XMLStreamException {
      String descriptor = null;
      boolean major = false;
      List<String> qualifiers = new ArrayList<>();
      while (true) {
        int ev = xml.next();
        if (ev == XmlCursor.START_ELEMENT) {
          String el = xml.getLocalName();
          boolean y = "Y".equals(xml.getAttributeValue("MajorTopicYN"));
          String text = mixedText().strip();
          if (el.equals("DescriptorName")) {
            descriptor = text;
            major |= y;
          } else if (el.equals("QualifierName")) {
            qualifiers.add(text);
            major |= y;
          }
        } else if (ev == XmlCursor.END_ELEMENT) {
          break;
        }
      }
      return new PubmedRecord.MeshHeading(descriptor == null ? "" : descriptor, major, qualifiers);
    }

    /** The text of the current element and everything inside it, white space collapsed; leaves it at its end tag. */
    private String mixedText() throws XMLStreamException {
      String first = null;
      StringBuilder sb = null;
      int depth = 1;
      int mathDepth = 0;
      while (depth > 0) {
        int ev = xml.next();
        switch (ev) {
          case XmlCursor.START_ELEMENT -> {
            depth++;
            if (mathDepth > 0 || xml.getLocalName().startsWith("mml:")) {
              mathDepth++;
            }
          }
          case XmlCursor.END_ELEMENT -> {
            depth--;
            if (mathDepth > 0) {
              mathDepth--;
            }
          }
          case XmlCursor.CHARACTERS, XmlCursor.CDATA, XmlCursor.SPACE -> {
            String t = xml.getText();
            if (mathDepth > 0 && t.isBlank()) {
              continue; // MathML is laid out over many lines: V.O2max, not "V . O 2 m a x"
            }
            if (first == null) {
              first = t;
            } else {
              if (sb == null) {
                sb = new StringBuilder(first);
              }
              sb.append(t);
            }
          }
          case XmlCursor.ENTITY_REFERENCE -> {
            if (sb == null) {
              sb = new StringBuilder(first == null ? "" : first);
              first = "";
            }
            sb.append(' ');
          }
          default -> { }
        }
      }
      String text = sb != null ? sb.toString() : first == null ? "" : first;
      if (chars.length < text.length()) {
        chars = new char[Math.max(text.length(), 2 * chars.length)];
      }
      return collapse(text, chars);
    }

    /** Skips the current element and everything inside it, leaving the cursor at its end tag. */
    private void skip() throws XMLStreamException {
      int depth = 1;
      while (depth > 0) {
        int ev = xml.next();
        if (ev == XmlCursor.START_ELEMENT) {
          depth++;
        } else if (ev == XmlCursor.END_ELEMENT) {
          depth--;
        }
      }
    }

    private static String grandparent(Deque<String> path) {
      var it = path.iterator();
      if (!it.hasNext()) {
        return null;
      }
      it.next();
      return it.hasNext() ? it.next() : null;
    }

    /** The {@code Version} attribute's number: 1 when there is none, 0 when it is not a positive whole number. */
    private static int parseVersion(String v) {
      if (v == null) {
        return 1;
      }
      String s = v.strip();
      if (s.isEmpty() || s.length() > 9) {
        return 0;
      }
      int n = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          return 0;
        }
        n = 10 * n + c - '0';
      }
      return n;
    }

    private static String emptyToNull(String s) {
      return s == null || s.isBlank() ? null : s.strip();
    }

  }

  /** White space runs (no-break spaces too) as one space, none at either end. */
  static String collapse(String s) {
    return collapse(s, new char[s.length()]);
  }

  /**
   * {@link #collapse(String)} with {@code buf} (at least {@code s.length()} chars) as scratch: a string that is clean
   * already (the common case) is returned as it is after one pass over its chars; otherwise it is compacted in place.
   */
  static String collapse(String s, char[] buf) {
    int n = s.length();
    s.getChars(0, n, buf, 0);
    int i = 0;
    boolean space = true; // a space here would lead or follow another
    for (; i < n; i++) {
      char c = buf[i];
      if (c > ' ' && c < '\u007f') {
        space = false;
      } else if (c == ' ' && !space) {
        space = true;
      } else if (c >= '\u007f' && !isSpaceLike(c)) {
        space = false;
      } else {
        break;
      }
    }
    if (i == n && (!space || n == 0)) {
      return s;
    }
    // buf[0, i) is clean; from here, each white space run becomes one pending space, written before the next word
    // (never at either end). k <= j throughout, and k < j while a space is pending, so compacting in place is safe.
    int k = i;
    boolean pending = false;
    if (space && i > 0) {
      k = i - 1;
      pending = true;
    }
    for (int j = i; j < n; j++) {
      char c = buf[j];
      if (isSpaceLike(c)) {
        pending = k > 0;
      } else {
        if (pending) {
          buf[k++] = ' ';
          pending = false;
        }
        buf[k++] = c;
      }
    }
    return new String(buf, 0, k);
  }

  private static boolean isSpaceLike(char c) {
    return c <= ' ' || c == '\u00a0' || (c > '\u007f' && Character.isWhitespace(c));
  }

  @Override
  public void close() throws IOException {
    splitter.close();
  }

  @Override
  public String toString() {
    return "PubmedXmlReader[" + name + "]";
  }

  private static final class Builder {
    String id;
    int version = 1;
    String title;
    String vernacular;
    final List<PubmedRecord.Section> sections = new ArrayList<>();
    String journal;
    String pubDate;
    Integer year;
    Integer articleYear;
    final List<String> authors = new ArrayList<>();
    String doi;
    final List<PubmedRecord.MeshHeading> mesh = new ArrayList<>();
    final List<String> pubTypes = new ArrayList<>();
    String language;
    boolean retracted;

    PubmedRecord build() {
      boolean humans = false;
      boolean animals = false;
      for (PubmedRecord.MeshHeading h : mesh) {
        humans |= h.descriptor().equals("Humans");
        animals |= h.descriptor().equals("Animals");
      }
      boolean retractedType = pubTypes.stream().anyMatch(t -> t.equalsIgnoreCase("Retracted Publication"));
      String t = title == null || title.isBlank() ? vernacular : title;
      return new PubmedRecord(id, version, t, sections, List.of(), journal, pubDate,
          year != null ? year : articleYear, authors, doi, mesh, pubTypes, language, humans, animals,
          retracted || retractedType);
    }
  }
}
