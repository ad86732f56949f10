package org.claimcheck.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.BytesRef;
import org.claimcheck.Json;
import org.claimcheck.pubmed.PubmedRecord;

/**
 * Thread-safe (stateless). How a record is stored in the index: the record as JSON in {@link IndexSchema#SOURCE}; when
 * its sentences are pieces of its abstract's sections (the index split them), they are stored as spans
 * ({@link IndexSchema#SPANS}: section, start, length as variable-length integers) rather than as a second copy of the
 * text, which keeps stored fields, the largest part of the index, a third smaller. Sentences a corpus gives are stored
 * as they are.
 */
final class StoredSource {
  private StoredSource() {}

  /** Adds the stored fields of {@code r} to {@code doc}. */
  static void add(Document doc, PubmedRecord r) {
    byte[] spans = spans(r);
    PubmedRecord json = spans == null ? r : r.withSentences(List.of());
    try {
      doc.add(new StoredField(IndexSchema.SOURCE, Json.MAPPER.writeValueAsBytes(json)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    PubmedRecord r;
    try {
      r = Json.MAPPER.readValue(source.bytes, source.offset, source.length, PubmedRecord.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  /** The sentences as spans of the sections, or null when they are not pieces of the sections in order. */
  static byte[] spans(PubmedRecord r) {
    if (r.sentences().isEmpty() || r.sections().isEmpty()) {
      return null;
    }
    byte[] out = new byte[r.sentences().size() * 6];
    int n = 0;
    int section = 0;
    int from = 0;
    for (String s : r.sentences()) {
      int at = -1;
      while (section < r.sections().size()) {
        at = r.sections().get(section).text().indexOf(s, from);
        if (at >= 0) {
          break;
        }
        section++;
        from = 0;
      }
      if (at < 0) {
        return null;
      }
      if (n + 15 > out.length) {
        out = Arrays.copyOf(out, out.length * 2 + 15);
      }
      n = writeVInt(out, n, section);
      n = writeVInt(out, n, at);
      n = writeVInt(out, n, s.length());
      from = at + s.length();
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
