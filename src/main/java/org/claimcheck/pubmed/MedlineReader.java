package org.claimcheck.pubmed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One per thread. Streams records in the MEDLINE text format ({@code PMID- }, {@code TI  - }, {@code AB  - }, ...; a
 * field continues on lines indented by six spaces; records are separated by blank lines, and a {@code PMID} line after
 * a record's own starts the next record). CRLF line ends are fine.
 */
public final class MedlineReader implements RecordReader {
  private static final Pattern TAG = Pattern.compile("^([A-Z]{2,4})\\s*- (.*)$");
  private static final Pattern YEAR = Pattern.compile("\\b(1[6-9]\\d\\d|2\\d\\d\\d)\\b");

  private final BufferedReader reader;
  private boolean eof;
  private String pending;

  /** Reads {@code in} (decompressed already); takes ownership of it. */
  public MedlineReader(InputStream in) {
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  @Override
  public Entry next() throws IOException {
    while (!eof || pending != null) {
      Map<String, List<String>> fields = readRecord();
      if (fields.isEmpty()) {
        continue;
      }
      return toEntry(fields);
    }
    return null;
  }

  /**
   * The fields of the next record. A record ends at a blank line, at the end of the file, or where a {@code PMID} line
   * follows a record that has one already: files that lost their blank lines still give every record.
   */
  private Map<String, List<String>> readRecord() throws IOException {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    String tag = null;
    StringBuilder value = null;
    while (true) {
      String line = pending;
      pending = null;
      if (line == null) {
        line = reader.readLine();
        if (line == null) {
          eof = true;
          break;
        }
        line = line.replace("\r", "").replace("\ufeff", "");
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
          fields.computeIfAbsent(tag, k -> new ArrayList<>()).add(value.toString().strip());
        }
        if (m.group(1).equals("PMID") && fields.containsKey("PMID")) {
          pending = line;
          tag = null;
          break;
        }
        tag = m.group(1);
        value = new StringBuilder(m.group(2));
      } else if (value != null) {
        value.append(' ').append(line.strip());
      }
    }
    if (tag != null) {
      fields.computeIfAbsent(tag, k -> new ArrayList<>()).add(value.toString().strip());
    }
    return fields;
  }

  private static Entry toEntry(Map<String, List<String>> f) {
    String id = first(f, "PMID");
    if (id == null || id.isBlank()) {
      return new Entry.Skip(null, "MEDLINE record without PMID");
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
    List<String> authors = f.getOrDefault("FAU", f.getOrDefault("AU", List.of()));
    String doi = null;
    List<String> ids = new ArrayList<>(f.getOrDefault("AID", List.of()));
    ids.addAll(f.getOrDefault("LID", List.of()));
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
    return new Entry.Upsert(new PubmedRecord(id.strip(), 1, first(f, "TI"), sections, List.of(), journal, dp, year,
        authors, doi, mesh, types, first(f, "LA"), humans, animals, retracted));
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
