package org.claimcheck.pubmed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.claimcheck.Json;

/**
 * One per thread. Streams a JSONL corpus: SciFact ({@code doc_id}, {@code title}, {@code abstract} as a list of
 * sentences) or BEIR ({@code _id}, {@code title}, {@code text}). A sentence list is kept exactly as given, so evidence
 * sentence numbers match the corpus. A line that is not a usable document is skipped with its reason.
 *
 * <p>Each non-blank line is one entry: a document, or a skip that names the line (not JSON, not an object, more than
 * one JSON value, no id, longer than {@link #MAX_LINE_BYTES}). Lines end at LF, CR or CRLF; a UTF-8 byte-order mark
 * at the start of the file is ignored. Memory stays bounded: a line longer than {@link #MAX_LINE_BYTES} is skipped
 * without being held.
 */
public final class JsonlCorpusReader implements RecordReader {
  /** Lines longer than this are skipped: the same bound as a PubMed XML record. */
  static final int MAX_LINE_BYTES = PubmedXmlSplitter.MAX_RECORD_BYTES;

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int lim;
  private boolean eof;
  private boolean started;
  private boolean skipLf;
  private int lineNo;

  // The line being read: its bytes (line ending excluded) and whether it went over maxLineBytes.
  private byte[] line = new byte[1 << 12];
  private int lineLen;
  private boolean oversize;

  /** Reads {@code in} (decompressed already); takes ownership of it. */
  public JsonlCorpusReader(InputStream in) {
    this(in, MAX_LINE_BYTES);
  }

  /** As above, skipping lines longer than {@code maxLineBytes}. */
  JsonlCorpusReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  @Override
  public Entry next() throws IOException {
    while (readLine()) {
      lineNo++;
      if (oversize) {
        return new Entry.Skip(null, "a line longer than " + PubmedXmlSplitter.size(maxLineBytes), "line " + lineNo);
      }
      String text = new String(line, 0, lineLen, StandardCharsets.UTF_8);
      if (text.isBlank()) {
        continue;
      }
      return parse(text);
    }
    return null;
  }

  /** {@link #next()}, weighed by the bytes of its line, so that the indexer bounds the memory of long documents. */
  @Override
  public Deferred nextDeferred() throws IOException {
    Entry e = next();
    if (e == null) {
      return null;
    }
    Deferred parsed = Deferred.of(e);
    int weight = Math.max(parsed.weight(), lineLen);
    return new Deferred() {
      @Override
      public String id() {
        return parsed.id();
      }

      @Override
      public Entry parse() {
        return e;
      }

      @Override
      public int weight() {
        return weight;
      }
    };
  }

  private Entry parse(String text) {
    JsonNode n;
    try (JsonParser p = Json.MAPPER.createParser(text)) {
      n = Json.MAPPER.readTree(p);
      if (n == null) {
        return new Entry.Skip(null, "a line that is not JSON", "line " + lineNo);
      }
      if (p.nextToken() != null) {
        // Two documents on one line (a file that lost a line end, say): each could be guessed at, but the line is not
        // JSONL, so it is reported, and each line stays one entry.
        return new Entry.Skip(idOf(n), "a line holding more than one JSON value", "line " + lineNo);
      }
    } catch (IOException e) {
      return new Entry.Skip(null, "a line that is not JSON", "line " + lineNo);
    }
    if (!n.isObject()) {
      return new Entry.Skip(null, "a line that is not a JSON object", "line " + lineNo);
    }
    String id = idOf(n);
    if (id == null) {
      return new Entry.Skip(null, "a line without doc_id or _id", "line " + lineNo);
    }
    if (!id.codePoints().allMatch(c -> c > ' ' && !Character.isWhitespace(c) && !Character.isISOControl(c))) {
      // Ids go into TREC runs (split on white space), summaries and links, as PMIDs and BEIR's ids are: one word.
      return new Entry.Skip(null, "an id with white space or control characters", "line " + lineNo);
    }
    String title = n.path("title").asText("");
    JsonNode body = present(n.get("abstract")) ? n.get("abstract") : n.get("text");
    List<String> sentences = new ArrayList<>();
    List<PubmedRecord.Section> sections = new ArrayList<>();
    if (body != null && body.isArray()) {
      for (JsonNode s : body) {
        sentences.add(s.asText(""));
      }
    } else if (body != null && body.isTextual() && !body.asText().isBlank()) {
      sections.add(new PubmedRecord.Section(null, null, body.asText().strip()));
    }
    if (title.isBlank() && sentences.isEmpty() && sections.isEmpty()) {
      return new Entry.Skip(id, "no title and no text");
    }
    Integer year = null;
    JsonNode meta = n.path("metadata");
    if (meta.has("year") && meta.get("year").canConvertToInt()) {
      year = meta.get("year").asInt();
    }
    return new Entry.Upsert(new PubmedRecord(id, 1, title, sections, sentences, null, null, year, List.of(), null,
        List.of(), List.of(), null, false, false, false, PubmedRecord.CORPUS));
  }

  /** The document's id: {@code doc_id} (SciFact) when it has one, else {@code _id} (BEIR); null when neither does. */
  private static String idOf(JsonNode n) {
    if (n == null || !n.isObject()) {
      return null;
    }
    for (String field : new String[] {"doc_id", "_id"}) {
      JsonNode v = n.get(field);
      if (v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank()) {
        return v.asText().strip();
      }
    }
    return null;
  }

  /** Whether a field is there with a value (JSON null counts as absent). */
  private static boolean present(JsonNode v) {
    return v != null && !v.isNull();
  }

  /**
   * Reads the next line into {@link #line}; false at the end of the input. A line longer than {@link #maxLineBytes}
   * sets {@link #oversize} and is read to its end without being kept.
   */
  private boolean readLine() throws IOException {
    if (!started) {
      started = true;
      skipByteOrderMark();
    }
    lineLen = 0;
    oversize = false;
    if (line.length > (1 << 20)) {
      line = new byte[1 << 12]; // a long line's buffer is not kept for the rest of the file
    }
    boolean any = false;
    while (true) {
      if (pos == lim && !fill()) {
        return any;
      }
      if (skipLf) {
        skipLf = false;
        if (buf[pos] == '\n') {
          pos++;
          continue;
        }
      }
      any = true;
      int end = pos;
      while (end < lim && buf[end] != '\n' && buf[end] != '\r') {
        end++;
      }
      append(pos, end - pos);
      if (end < lim) {
        skipLf = buf[end] == '\r';
        pos = end + 1;
        return true;
      }
      pos = end;
    }
  }

  private void append(int from, int n) {
    if (oversize || n == 0) {
      return;
    }
    if (n > maxLineBytes - lineLen) {
      oversize = true;
      lineLen = 0;
      return;
    }
    if (lineLen + n > line.length) {
      line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, Math.max(lineLen + n, 2L * line.length)));
    }
    System.arraycopy(buf, from, line, lineLen, n);
    lineLen += n;
  }

  /** Refills {@link #buf} once it is used up; false at the end of the input. */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n;
    do {
      n = in.read(buf, 0, buf.length);
    } while (n == 0);
    pos = 0;
    lim = Math.max(n, 0);
    eof = n < 0;
    return !eof;
  }

  /** Steps over a UTF-8 byte-order mark at the start of the input (editors on Windows write one). */
  private void skipByteOrderMark() throws IOException {
    while (lim < 3 && !eof) {
      int n = in.read(buf, lim, buf.length - lim);
      if (n < 0) {
        eof = true;
      } else {
        lim += n;
      }
    }
    if (lim >= 3 && (buf[0] & 0xff) == 0xef && (buf[1] & 0xff) == 0xbb && (buf[2] & 0xff) == 0xbf) {
      pos = 3;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
