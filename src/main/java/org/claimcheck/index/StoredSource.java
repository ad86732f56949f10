package org.claimcheck.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.BytesRef;
import org.claimcheck.pubmed.PubmedRecord;

/**
 * Thread-safe (stateless). How a record is stored in the index: the record in a compact binary form in
 * {@link IndexSchema#SOURCE} ({@link #encode}: every string as UTF-8 with its length, counts and numbers as
 * variable-length integers, in the order of {@link PubmedRecord}'s components): writing it took under 2% of the
 * indexing CPU where Jackson's JSON of schema version 2 took 4%, and it is about a tenth smaller once compressed; when
 * its sentences are pieces of its abstract's sections (the index split them), they are stored as spans
 * ({@link IndexSchema#SPANS}: section, start, length as variable-length integers) rather than as a second copy of the
 * text, which keeps stored fields, the largest part of the index, a third smaller. Sentences a corpus gives are
 * stored as they are.
 */
final class StoredSource {
  /** First byte of {@link #encode}'s output: the layout of the fields that follow. */
  static final byte FORMAT = 1;

  private static final int HUMANS = 1;
  private static final int ANIMALS = 2;
  private static final int RETRACTED = 4;
  private static final int HAS_YEAR = 8;

  private StoredSource() {}

  /** Adds the stored fields of {@code r} to {@code doc}. */
  static void add(Document doc, PubmedRecord r) {
    byte[] spans = spans(r);
    doc.add(new StoredField(IndexSchema.SOURCE, encode(r, spans == null)));
    if (spans != null) {
      doc.add(new StoredField(IndexSchema.SPANS, spans));
    }
  }

  /** The record stored for document {@code docId}. */
  static PubmedRecord read(StoredFields stored, int docId) throws IOException {
    Document d = stored.document(docId);
    return decode(d.getBinaryValue(IndexSchema.SOURCE), d.getBinaryValue(IndexSchema.SPANS));
  }

  static PubmedRecord decode(BytesRef source, BytesRef spans) {
    PubmedRecord r = decode(source);
    if (spans == null) {
      return r;
    }
    List<String> sentences = new ArrayList<>();
    int[] pos = {spans.offset};
    int end = spans.offset + spans.length;
    while (pos[0] < end) {
      int section = readVInt(spans.bytes, pos);
      int start = readVInt(spans.bytes, pos);
      int length = readVInt(spans.bytes, pos);
      sentences.add(r.sections().get(section).text().substring(start, start + length));
    }
    return r.withSentences(sentences);
  }

  /** {@code r} in the stored form, its sentences left out unless {@code withSentences}. */
  static byte[] encode(PubmedRecord r, boolean withSentences) {
    int chars = r.title().length();
    for (PubmedRecord.Section s : r.sections()) {
      chars += s.text().length();
    }
    Out out = new Out(chars + 1024);
    out.b[out.n++] = FORMAT;
    out.string(r.id());
    out.zint(r.version());
    out.string(r.title());
    out.vint(r.sections().size());
    for (PubmedRecord.Section s : r.sections()) {
      out.string(s.label());
      out.string(s.category());
      out.string(s.text());
    }
    out.strings(withSentences ? r.sentences() : List.of());
    out.string(r.journal());
    out.string(r.pubDate());
    out.strings(r.authors());
    out.string(r.doi());
    out.vint(r.mesh().size());
    for (PubmedRecord.MeshHeading h : r.mesh()) {
      out.string(h.descriptor());
      out.vint(h.major() ? 1 : 0);
      out.strings(h.qualifiers());
    }
    out.strings(r.publicationTypes());
    out.string(r.language());
    out.string(r.collection());
    out.vint((r.humans() ? HUMANS : 0) | (r.animals() ? ANIMALS : 0) | (r.retracted() ? RETRACTED : 0)
        | (r.year() != null ? HAS_YEAR : 0));
    if (r.year() != null) {
      out.zint(r.year());
    }
    return Arrays.copyOf(out.b, out.n);
  }

  /** The record {@link #encode} wrote into {@code source}. */
  static PubmedRecord decode(BytesRef source) {
    if (source == null || source.length == 0 || source.bytes[source.offset] != FORMAT) {
      throw new IllegalStateException("stored record of an unknown format (the index needs rebuilding)");
    }
    In in = new In(source.bytes, source.offset + 1);
    String id = in.string();
    int version = in.zint();
    String title = in.string();
    int n = in.vint();
    List<PubmedRecord.Section> sections = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      sections.add(new PubmedRecord.Section(in.string(), in.string(), in.string()));
    }
    List<String> sentences = in.strings();
    String journal = in.string();
    String pubDate = in.string();
    List<String> authors = in.strings();
    String doi = in.string();
    n = in.vint();
    List<PubmedRecord.MeshHeading> mesh = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      mesh.add(new PubmedRecord.MeshHeading(in.string(), in.vint() != 0, in.strings()));
    }
    List<String> publicationTypes = in.strings();
    String language = in.string();
    String collection = in.string();
    int flags = in.vint();
    Integer year = (flags & HAS_YEAR) != 0 ? in.zint() : null;
    return new PubmedRecord(id, version, title, sections, sentences, journal, pubDate, year, authors, doi, mesh,
        publicationTypes, language, (flags & HUMANS) != 0, (flags & ANIMALS) != 0, (flags & RETRACTED) != 0,
        collection);
  }

  /** A growing byte array: strings as (UTF-8 length + 1, 0 for null) then UTF-8, integers as variable-length ints. */
  private static final class Out {
    byte[] b;
    int n;

    Out(int capacity) {
      b = new byte[capacity];
    }

    void string(String s) {
      if (s == null) {
        vint(0);
        return;
      }
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      vint(utf8.length + 1);
      room(utf8.length);
      System.arraycopy(utf8, 0, b, n, utf8.length);
      n += utf8.length;
    }

    void strings(List<String> list) {
      vint(list.size());
      for (String s : list) {
        string(s);
      }
    }

    void zint(int v) {
      vint((v << 1) ^ (v >> 31));
    }

    void vint(int v) {
      room(5);
      n = writeVInt(b, n, v);
    }

    private void room(int more) {
      if (n + more > b.length) {
        b = Arrays.copyOf(b, Math.max(n + more, b.length * 2));
      }
    }
  }

  /** Reads what {@link Out} wrote. */
  private static final class In {
    private final byte[] b;
    private final int[] pos;

    In(byte[] b, int at) {
      this.b = b;
      this.pos = new int[] {at};
    }

    String string() {
      int len = vint() - 1;
      if (len < 0) {
        return null;
      }
      String s = new String(b, pos[0], len, StandardCharsets.UTF_8);
      pos[0] += len;
      return s;
    }

    List<String> strings() {
      int size = vint();
      if (size == 0) {
        return List.of();
      }
      List<String> list = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        list.add(string());
      }
      return list;
    }

    int zint() {
      int v = vint();
      return (v >>> 1) ^ -(v & 1);
    }

    int vint() {
      return readVInt(b, pos);
    }
  }

  /** The sentences as spans of the sections, or null when they are not pieces of the sections in order. */
  static byte[] spans(PubmedRecord r) {
    int[] places = r.sentencePlaces();
    if (places == null) {
      return null;
    }
    byte[] out = new byte[places.length / 2 * 15];
    int n = 0;
    for (int i = 0; i < places.length / 2; i++) {
      n = writeVInt(out, n, places[2 * i]);
      n = writeVInt(out, n, places[2 * i + 1]);
      n = writeVInt(out, n, r.sentences().get(i).length());
    }
    return Arrays.copyOf(out, n);
  }

  private static int writeVInt(byte[] b, int n, int v) {
    while ((v & ~0x7f) != 0) {
      b[n++] = (byte) ((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    b[n++] = (byte) v;
    return n;
  }

  private static int readVInt(byte[] b, int[] pos) {
    int v = 0;
    for (int shift = 0; ; shift += 7) {
      byte x = b[pos[0]++];
      v |= (x & 0x7f) << shift;
      if (x >= 0) {
        return v;
      }
    }
  }
}
