package org.claimcheck.pubmed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One per thread. Streams records in the MEDLINE text format ({@code PMID- }, {@code TI  - }, {@code AB  - }, ...; a
 * field continues on lines indented by six spaces; records are separated by blank lines, and a {@code PMID} line after
 * a record's own starts the next record). CRLF line ends are fine. Fields read as {@link PubmedXmlReader} reads the
 * same record's XML: white space collapsed, authors as "Last Fore". A file with text and no {@code PMID} line is not
 * MEDLINE (a page saved as .txt): {@link #next} refuses it with an IOException.
 */
public final class MedlineReader implements RecordReader {
  private static final Pattern TAG = Pattern.compile("^([A-Z]{2,4})\\s*- (.*)$");
  private static final Pattern YEAR = Pattern.compile("\\b(1[6-9]\\d\\d|2\\d\\d\\d)\\b");

  /** Records without a PMID held before the first PMID line; past this, the file is not MEDLINE. */
  private static final int MAX_HELD = 10_000;

  /** Records larger than this are skipped, as PubMed XML records are ({@link PubmedXmlSplitter#MAX_RECORD_BYTES}). */
  static final int MAX_RECORD_CHARS = PubmedXmlSplitter.MAX_RECORD_BYTES;

  private final BufferedReader reader;
  private final int maxRecordChars;
  private final StringBuilder lineBuf = new StringBuilder();
  private boolean eof;
  private String pending;
  private int records;
  /** Whether the record {@link #readRecord} read last went over {@link #maxRecordChars} (its text was not kept). */
  private boolean tooLarge;
  /** Whether a {@code PMID} line was read, and a line that is not blank. */
  private boolean sawPmid;
  private boolean sawText;
  /** Entries of records read before the first {@code PMID} line, given out once one comes. */
  private final ArrayDeque<Entry> held = new ArrayDeque<>();

  /** Reads {@code in} (decompressed already); takes ownership of it. */
  public MedlineReader(InputStream in) {
    this(in, MAX_RECORD_CHARS);
  }

  /** As above, skipping records of more than {@code maxRecordChars} characters. */
  MedlineReader(InputStream in, int maxRecordChars) {
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    this.maxRecordChars = maxRecordChars;
  }

  @Override
  public Entry next() throws IOException {
    if (sawPmid && !held.isEmpty()) {
      return held.poll();
    }
    while (!eof || pending != null) {
      Entry e = nextEntry();
      if (e == null) {
        continue;
      }
      if (!sawPmid) {
        // Records before the first PMID line wait: a file with none is not MEDLINE, not a run of skipped records.
        held.add(e);
        if (held.size() > MAX_HELD) {
          throw notMedline();
        }
        continue;
      }
      if (!held.isEmpty()) {
        held.add(e);
        return held.poll();
      }
      return e;
    }
    if (!sawPmid && sawText) {
      throw notMedline();
    }
    return held.poll();
  }

  /**
   * Refuses a file with text and no {@code PMID- } line (a page or an article saved as .txt), as PubMed XML refuses an
   * HTML page: one FAILED file, not zero records.
   */
  private static IOException notMedline() {
    return new IOException("not a MEDLINE file: no 'PMID- ' line");
  }

  /** The entry of the next record, or null when the lines read held none. */
  private Entry nextEntry() throws IOException {
    List<Field> fields = readRecord();
    if (fields.isEmpty() && !tooLarge) {
      return null;
    }
    records++;
    if (tooLarge) {
      String id = fields.isEmpty() || !fields.get(0).tag().equals("PMID") ? null : fields.get(0).value();
      return new Entry.Skip(id, "a MEDLINE record larger than " + PubmedXmlSplitter.size(maxRecordChars),
          "record " + records);
    }
    Entry e = toEntry(fields);
    if (e instanceof Entry.Skip skip && skip.id() == null) {
      String where = "record " + records;
      return new Entry.Skip(null, skip.reason(), skip.where() == null ? where : where + " (" + skip.where() + ")");
    }
    return e;
  }

  /**
   * The next line without its end (LF, CR or CRLF), or null at the end of the input. Only the first
   * {@link #maxRecordChars} + 1 characters of a line are kept, so a huge line costs no memory.
   */
  private String readLine() throws IOException {
    lineBuf.setLength(0);
    int c = reader.read();
    if (c < 0) {
      return null;
    }
    while (c >= 0 && c != '\n' && c != '\r') {
      if (lineBuf.length() <= maxRecordChars) {
        lineBuf.append((char) c);
      }
      c = reader.read();
    }
    if (c == '\r') {
      reader.mark(1);
      if (reader.read() != '\n') {
        reader.reset();
      }
    }
    return lineBuf.toString();
  }

  /** One field of a record: its tag and its value (continuation lines joined, white space collapsed). */
  private record Field(String tag, String value) {}

  /**
   * The fields of the next record in file order. A record ends at a blank line, at the end of the file, or where a
   * {@code PMID} line follows a record that has one already: files that lost their blank lines still give every record.
   */
  private List<Field> readRecord() throws IOException {
    List<Field> fields = new ArrayList<>();
    boolean hasPmid = false;
    String tag = null;
    StringBuilder value = null;
    long size = 0;
    tooLarge = false;
    while (true) {
      String line = pending;
      pending = null;
      if (line == null) {
        line = readLine();
        if (line == null) {
          eof = true;
          break;
        }
        line = line.replace("\ufeff", "");
      }
      sawText |= !line.isBlank();
      size += line.length();
      if (size > maxRecordChars && !tooLarge) {
        // Keep reading to the record's end, holding nothing more: only its PMID (the first field) is kept.
        tooLarge = true;
        if (tag != null && tag.equals("PMID") && fields.isEmpty()) {
          fields.add(new Field(tag, PubmedXmlReader.collapse(value.toString())));
        }
        tag = null;
        value = null;
      }
      if (tooLarge) {
        if (line.isBlank()) {
          break;
        }
        boolean pmidLine = line.startsWith("PMID") && TAG.matcher(line).matches();
        if (pmidLine && hasPmid) {
          pending = line;
          break;
        }
        hasPmid |= pmidLine;
        sawPmid |= pmidLine;
        continue;
      }
      if (line.isBlank()) {
        if (!fields.isEmpty() || tag != null) {
          break;
        }
        continue;
      }
      Matcher m = TAG.matcher(line);
      if (m.matches() && !line.startsWith(" ")) {
        if (tag != null) {
          fields.add(new Field(tag, PubmedXmlReader.collapse(value.toString())));
        }
        if (m.group(1).equals("PMID")) {
          if (hasPmid) {
            pending = line;
            tag = null;
            break;
          }
          hasPmid = true;
          sawPmid = true;
        }
        tag = m.group(1);
        value = new StringBuilder(m.group(2));
      } else if (value != null) {
        value.append(' ').append(line);
      }
    }
    if (tag != null) {
      fields.add(new Field(tag, PubmedXmlReader.collapse(value.toString())));
    }
    return fields;
  }

  private static Entry toEntry(List<Field> fields) {
    Map<String, List<String>> f = new LinkedHashMap<>();
    for (Field field : fields) {
      f.computeIfAbsent(field.tag(), k -> new ArrayList<>()).add(field.value());
    }
    String id = first(f, "PMID");
    if (id == null || id.isBlank()) {
      return new Entry.Skip(null, "MEDLINE record without PMID");
    }
    String notPmid = PubmedXmlReader.pmidProblem(id);
    if (notPmid != null) {
      return new Entry.Skip(null, notPmid, "PMID- " + PubmedXmlReader.shown(id));
    }
    List<PubmedRecord.Section> sections = new ArrayList<>();
    String ab = first(f, "AB");
    if (ab != null && !ab.isBlank()) {
      sections.add(new PubmedRecord.Section(null, null, ab));
    }
    String dp = first(f, "DP");
    Integer year = null;
    if (dp != null) {
      Matcher m = YEAR.matcher(dp);
      if (m.find()) {
        year = Integer.parseInt(m.group(1));
      }
    }
    String dep = first(f, "DEP"); // the date of electronic publication (ArticleDate), "20060110"
    if (year == null && dep != null && dep.matches("\\d{8}")) {
      year = Integer.parseInt(dep.substring(0, 4));
    }
    List<String> authors = authors(fields);
    String doi = null;
    // The ELocationID (LID) first, then the ArticleIdList (AID), as PubmedXmlReader takes them.
    List<String> ids = new ArrayList<>(f.getOrDefault("LID", List.of()));
    ids.addAll(f.getOrDefault("AID", List.of()));
    for (String aid : ids) {
      if (aid.endsWith("[doi]")) {
        doi = aid.substring(0, aid.length() - 5).strip();
        break;
      }
    }
    List<PubmedRecord.MeshHeading> mesh = new ArrayList<>();
    boolean humans = false;
    boolean animals = false;
    for (String mh : f.getOrDefault("MH", List.of())) {
      String[] parts = mh.split("/");
      String descriptor = parts.length == 0 ? "" : parts[0].replace("*", "").strip();
      if (descriptor.isEmpty()) {
        continue; // "MH  - /": no heading to keep (PubmedFuzzTest found it stopped the file)
      }
      boolean major = mh.contains("*");
      List<String> qualifiers = new ArrayList<>();
      for (int i = 1; i < parts.length; i++) {
        qualifiers.add(parts[i].replace("*", "").strip());
      }
      mesh.add(new PubmedRecord.MeshHeading(descriptor, major, qualifiers));
      humans |= descriptor.equals("Humans");
      animals |= descriptor.equals("Animals");
    }
    List<String> types = f.getOrDefault("PT", List.of());
    boolean retracted = types.stream().anyMatch(t -> t.equalsIgnoreCase("Retracted Publication"))
        || f.containsKey("RIN");
    String journal = first(f, "JT") != null ? first(f, "JT") : first(f, "TA");
    String title = first(f, "TI");
    if (title == null || title.isBlank()) {
      title = first(f, "TT"); // the title in the original language (VernacularTitle)
    }
    return new Entry.Upsert(new PubmedRecord(id.strip(), 1, title, sections, List.of(), journal, dp, year,
        authors, doi, mesh, types, first(f, "LA"), humans, animals, retracted));
  }

  /**
   * The authors in file order, as PubMed XML gives them ({@link PubmedXmlReader}: "Last Fore", else "Last Initials",
   * else "Last"; collective names as they are): an author's {@code FAU} ("Last, Fore") and the {@code AU} ("Last FI")
   * after it are one author; an {@code AU} alone (records before 2002) or a {@code CN} is one too.
   */
  private static List<String> authors(List<Field> fields) {
    List<String> authors = new ArrayList<>();
    String full = null; // an FAU whose AU has not come yet
    for (Field field : fields) {
      switch (field.tag()) {
        case "FAU" -> {
          if (full != null) {
            authors.add(author(full, null));
          }
          full = field.value();
        }
        case "AU" -> {
          authors.add(full != null ? author(full, field.value()) : field.value());
          full = null;
        }
        case "CN" -> {
          if (full != null) {
            authors.add(author(full, null));
            full = null;
          }
          authors.add(field.value());
        }
        default -> { }
      }
    }
    if (full != null) {
      authors.add(author(full, null));
    }
    authors.removeIf(String::isEmpty);
    return authors;
  }

  /** "Last, Fore" as "Last Fore"; a full name without a fore name gives way to the short one ("Last FI"), if any. */
  private static String author(String full, String shortName) {
    int comma = full.indexOf(',');
    if (comma < 0) {
      return shortName != null && !shortName.isEmpty() ? shortName : full;
    }
    String last = full.substring(0, comma).strip();
    String fore = full.substring(comma + 1).strip();
    return fore.isEmpty() ? last : last + " " + fore;
  }

  private static String first(Map<String, List<String>> f, String tag) {
    List<String> v = f.get(tag);
    return v == null || v.isEmpty() ? null : v.getFirst();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
