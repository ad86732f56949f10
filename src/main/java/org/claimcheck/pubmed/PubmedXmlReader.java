package org.claimcheck.pubmed;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One per thread. Streams a PubMed XML file ({@code PubmedArticleSet}, as served by E-utilities efetch and in the
 * baseline and update files) with StAX, in constant memory.
 *
 * <p>Safe by construction: DTD processing and external entities are off, so the remote DTD the files declare is never
 * fetched, no local file is ever read through an entity, and entity-expansion attacks have nothing to expand.
 *
 * <p>Inline markup inside titles and abstracts ({@code <i>}, {@code <b>}, {@code <sup>}, {@code <sub>}, MathML) is kept
 * as its text, so an abstract never stops at its first inline tag.
 */
public final class PubmedXmlReader implements RecordReader {
  private static final XMLInputFactory FACTORY = newFactory();
  private static final Pattern YEAR = Pattern.compile("\\b(1[6-9]\\d\\d|2\\d\\d\\d)\\b");

  private final InputStream in;
  private final XMLStreamReader xml;
  private final String name;
  private final Deque<Entry> pending = new ArrayDeque<>();

  /** Reads {@code in} (decompressed already); takes ownership of it. {@code name} is used in messages. */
  public PubmedXmlReader(InputStream in, String name) throws IOException {
    this.in = in;
    this.name = name;
    try {
      this.xml = FACTORY.createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      in.close();
      throw new IOException("not XML: " + e.getMessage(), e);
    }
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
    try {
      while (pending.isEmpty()) {
        if (!xml.hasNext()) {
          return null;
        }
        if (xml.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        switch (xml.getLocalName()) {
          case "PubmedArticle" -> pending.add(readArticle());
          case "PubmedBookArticle" -> pending.add(readBook());
          case "DeleteCitation" -> readDeletes();
          default -> { }
        }
      }
      return pending.poll();
    } catch (XMLStreamException e) {
      var loc = e.getLocation();
      throw new IOException("malformed XML" + (loc != null ? " at line " + loc.getLineNumber() : "") + ": "
          + e.getMessage().replaceAll("\\s+", " "), e);
    }
  }

  private Entry readBook() throws XMLStreamException {
    String id = null;
    int depth = 1;
    while (depth > 0) {
      int ev = xml.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if (id == null && xml.getLocalName().equals("PMID")) {
          id = xml.getElementText().strip();
          depth--;
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    return new Entry.Skip(id, "book or book chapter, not a journal article");
  }

  private void readDeletes() throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int ev = xml.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if (xml.getLocalName().equals("PMID")) {
          String id = xml.getElementText().strip();
          depth--;
          if (!id.isEmpty()) {
            pending.add(new Entry.Delete(id));
          }
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private Entry readArticle() throws XMLStreamException {
    Builder b = new Builder();
    Deque<String> path = new ArrayDeque<>();
    path.push("PubmedArticle");
    while (!path.isEmpty()) {
      int ev = xml.next();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        path.pop();
        continue;
      }
      if (ev != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String el = xml.getLocalName();
      String parent = path.peek();
      boolean consumed = true;
      switch (el) {
        case "PMID" -> {
          if ("MedlineCitation".equals(parent) && b.id == null) {
            b.version = parseVersion(xml.getAttributeValue(null, "Version"));
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
            String label = emptyToNull(xml.getAttributeValue(null, "Label"));
            String category = emptyToNull(xml.getAttributeValue(null, "NlmCategory"));
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
          String lang = mixedText().strip();
          if (b.language == null && "Article".equals(parent)) {
            b.language = lang;
          }
        }
        case "PublicationType" -> b.pubTypes.add(mixedText().strip());
        case "ELocationID" -> {
          boolean doi = "doi".equalsIgnoreCase(xml.getAttributeValue(null, "EIdType"));
          String v = mixedText().strip();
          if (doi && b.doi == null && !v.isEmpty()) {
            b.doi = v;
          }
        }
        case "ArticleId" -> {
          boolean doi = "doi".equalsIgnoreCase(xml.getAttributeValue(null, "IdType"));
          boolean own = "ArticleIdList".equals(parent) && path.size() >= 2
              && "PubmedData".equals(path.stream().skip(1).findFirst().orElse(""));
          String v = mixedText().strip();
          if (doi && own && b.doi == null && !v.isEmpty()) {
            b.doi = v;
          }
        }
        case "MeshHeading" -> b.mesh.add(readMesh());
        case "CommentsCorrections" -> {
          if ("RetractionIn".equals(xml.getAttributeValue(null, "RefType"))) {
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
    return new Entry.Upsert(b.build());
  }

  private void readPubDate(Builder b) throws XMLStreamException {
    String year = null;
    String month = null;
    String day = null;
    String medline = null;
    while (true) {
      int ev = xml.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        switch (xml.getLocalName()) {
          case "Year" -> year = mixedText().strip();
          case "Month" -> month = mixedText().strip();
          case "Day" -> day = mixedText().strip();
          case "MedlineDate" -> medline = mixedText().strip();
          default -> mixedText();
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        break;
      }
    }
    String date = medline != null ? medline
        : String.join(" ", java.util.stream.Stream.of(year, month, day).filter(s -> s != null && !s.isEmpty())
            .toList());
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
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String t = mixedText().strip();
        if (year == null && t.matches("\\d{4}")) {
          year = t;
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
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
      if (ev == XMLStreamConstants.START_ELEMENT) {
        switch (xml.getLocalName()) {
          case "LastName" -> last = mixedText().strip();
          case "ForeName" -> fore = mixedText().strip();
          case "Initials" -> initials = mixedText().strip();
          case "CollectiveName" -> collective = mixedText().strip();
          default -> mixedText();
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
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
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String el = xml.getLocalName();
        boolean y = "Y".equals(xml.getAttributeValue(null, "MajorTopicYN"));
        String text = mixedText().strip();
        if (el.equals("DescriptorName")) {
          descriptor = text;
          major |= y;
        } else if (el.equals("QualifierName")) {
          qualifiers.add(text);
          major |= y;
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        break;
      }
    }
    return new PubmedRecord.MeshHeading(descriptor == null ? "" : descriptor, major, qualifiers);
  }

  /** The text of the current element and everything inside it, white space collapsed; leaves it at its end tag. */
  private String mixedText() throws XMLStreamException {
    StringBuilder sb = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      int ev = xml.next();
      switch (ev) {
        case XMLStreamConstants.START_ELEMENT -> depth++;
        case XMLStreamConstants.END_ELEMENT -> depth--;
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            sb.append(xml.getText());
        case XMLStreamConstants.ENTITY_REFERENCE -> sb.append(' ');
        default -> { }
      }
    }
    return collapse(sb);
  }

  private static String collapse(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int parseVersion(String v) {
    try {
      return v == null ? 1 : Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  @Override
  public void close() throws IOException {
    try {
      xml.close();
    } catch (XMLStreamException e) {
      // Closing the stream below is what matters.
    } finally {
      in.close();
    }
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
