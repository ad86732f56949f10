package org.claimcheck.pubmed;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * One per file. Cuts a PubMed XML byte stream into its records ({@code PubmedArticle}, {@code PubmedBookArticle},
 * {@code DeleteCitation}) without parsing them, so that each record is parsed alone: a malformed record costs only
 * itself, and records can be parsed on other threads.
 *
 * <p>Everything outside the records is skipped, the document type declaration included: its internal subset (entity
 * declarations) is never given to a parser, so no entity is ever defined, expanded or fetched. Memory stays bounded: a
 * record larger than {@link #MAX_RECORD_BYTES} is skipped, not buffered. A stream that breaks part-way (a truncated
 * {@code .gz}, or a file that ends before its root element's end tag, wherever it was cut) first yields every complete
 * record, then throws an {@link IOException} saying after how many records it broke.
 */
final class PubmedXmlSplitter implements Closeable {
  /** Records larger than this are skipped (the largest real PubMed records are a few hundred kB). */
  static final int MAX_RECORD_BYTES = 32 << 20;
  /** A PMID has at most this many digits (they have 8 in 2025). */
  static final int MAX_PMID_DIGITS = 12;
  /** A size for messages: "32 MB", or "8000 bytes" when not a whole number of MB. */
  static String size(int bytes) {
    return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MB" : bytes + " bytes";
  }

  /** A document type declaration larger than this is refused. */
  static final int MAX_DOCTYPE_BYTES = 1 << 20;

  private static final Set<String> ROOTS = Set.of("PubmedArticleSet", "PubmedBookArticleSet");
  private static final Set<String> ASCII_COMPATIBLE = Set.of("utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1",
      "latin1", "windows-1252");

  /** What a chunk holds. */
  enum Kind {
    ARTICLE("PubmedArticle"),
    BOOK("PubmedBookArticle"),
    DELETE("DeleteCitation");

    final String element;

    Kind(String element) {
      this.element = element;
    }

    static Kind of(String element) {
      for (Kind k : values()) {
        if (k.element.equals(element)) {
          return k;
        }
      }
      return null;
    }
  }

  /**
   * One record's bytes, or the reason it could not be cut out ({@code problem}, words that follow "record N" in a
   * message, e.g. "larger than 32 MB"; then {@code bytes} may be partial).
   *
   * @param ordinal 1-based position of the record in the file
   * @param id the record's PMID as {@link #firstPmid} reads it without parsing (entries are routed by it), or null
   */
  record Chunk(Kind kind, byte[] bytes, int ordinal, String id, String problem) {}

  private final InputStream in;
  private final String name;
  private final int maxRecordBytes;
  private byte[] buf = new byte[1 << 16];
  private int pos;
  private int lim;
  private boolean eof;
  private String root;
  /** Whether the root element is open: a file that ends while it is has been cut short. */
  private boolean rootOpen;
  private String encoding = "UTF-8";
  private int records;

  // The record being cut out: its kind, and where it starts in buf (or -1 once flushed to `out`).
  private Kind kind;
  private int captureStart = -1;
  private byte[] out = new byte[1 << 14];
  private int outLen;
  private boolean oversize;

  /** Reads {@code in} (decompressed already); takes ownership of it. {@code name} is used in messages. */
  PubmedXmlSplitter(InputStream in, String name) {
    this(in, name, MAX_RECORD_BYTES);
  }

  /** As above, skipping records larger than {@code maxRecordBytes}. */
  PubmedXmlSplitter(InputStream in, String name, int maxRecordBytes) {
    this.in = in;
    this.name = name;
    this.maxRecordBytes = maxRecordBytes;
  }

  /** The encoding the file declares (ASCII-compatible; checked), for parsing its records. */
  String encoding() {
    return encoding;
  }

  /** How many records were cut out so far. */
  int records() {
    return records;
  }

  /**
   * The next record, or null at the end of the file. A file refused as a whole (empty, UTF-16, not PubMed XML) is an
   * IOException that says why; one that breaks part-way, an IOException that starts "the file breaks off after N
   * complete records".
   */
  Chunk next() throws IOException {
    try {
      return scan();
    } catch (IOException e) {
      if (e instanceof Refused && records == 0) {
        throw e;
      }
      String where = kind != null ? " inside record " + (records + 1) : "";
      throw new IOException("the file breaks off after " + records + " complete record" + (records == 1 ? "" : "s")
          + where + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
  }

  /** A file refused for what it is rather than where it broke (before its first record, as a whole). */
  private static final class Refused extends IOException {
    Refused(String message) {
      super(message);
    }
  }

  private Chunk scan() throws IOException {
    if (root == null && pos == 0 && lim == 0) {
      checkFirstBytes();
    }
    while (true) {
      if (!skipTo('<')) {
        if (root == null) {
          throw new Refused("not a PubMed XML file: no root element");
        }
        if (rootOpen) {
          throw new IOException("no </" + root + "> at its end");
        }
        return null;
      }
      int c1 = peek(1);
      if (c1 == '!') {
        if (startsWith("<!--")) {
          skipPast("-->", Integer.MAX_VALUE);
        } else if (startsWith("<![CDATA[")) {
          skipPast("]]>", Integer.MAX_VALUE);
        } else if (kind == null && startsWith("<!DOCTYPE")) {
          skipDoctype();
        } else {
          pos += 2;
        }
      } else if (c1 == '?' && kind != null) {
        // Inside a record the record's parser reads processing instructions and refuses broken ones: a stray "<?"
        // costs that record only, where skipping to the next "?>" would swallow the records after it.
        pos += 2;
      } else if (c1 == '?') {
        peek(4100); // the whole instruction in the buffer, so that reading it cannot move its start
        int start = pos;
        skipPast("?>", 4096);
        if (root == null) {
          readDeclaration(new String(buf, start, pos - start, StandardCharsets.ISO_8859_1));
        }
      } else if (c1 == '/') {
        if (kind != null && nameAt(2, kind.element)) {
          pos += 2 + kind.element.length();
          skipPast(">", 1024);
          return finish();
        }
        if (kind == null && root != null && nameAt(2, root)) {
          rootOpen = false;
        }
        pos += 2;
      } else if (kind != null) {
        pos += 1; // an element inside the record: the parser reads it
      } else {
        peek(300); // the whole name in the buffer, so reading it cannot move the tag's start
        int tagStart = pos;
        pos += 1;
        String n = readName();
        if (root == null) {
          root = n;
          if (!ROOTS.contains(n)) {
            throw new Refused(n.isEmpty() || n.chars().anyMatch(c -> c < ' ') ? "not a PubMed XML file: not XML"
                : "not a PubMed XML file: the root element is <" + n + ">, not <PubmedArticleSet>");
          }
          rootOpen = !emptyElementTag();
        } else if (n.equals(root)) {
          rootOpen = !emptyElementTag(); // files joined into one: the next file's root
        } else {
          Kind k = Kind.of(n);
          if (k != null) {
            if (!rootOpen) {
              throw new IOException("<" + n + "> after </" + root + ">");
            }
            kind = k;
            captureStart = tagStart;
            outLen = 0;
            oversize = false;
            if (emptyElementTag()) {
              return finish();
            }
          }
        }
      }
    }
  }

  /** Whether {@code name} stands at pos + k, followed by white space or the end of the tag. */
  private boolean nameAt(int k, String name) throws IOException {
    for (int i = 0; i < name.length(); i++) {
      if (peek(k + i) != name.charAt(i)) {
        return false;
      }
    }
    int after = peek(k + name.length());
    return after == '>' || after == ' ' || after == '\t' || after == '\n' || after == '\r';
  }

  /** Ends the current record: its bytes (or the problem) as a chunk. */
  private Chunk finish() {
    flushCapture();
    records++;
    byte[] bytes = Arrays.copyOf(out, outLen);
    String id = firstPmid(bytes);
    String problem = null;
    if (oversize) {
      problem = "larger than " + size(maxRecordBytes);
    }
    Chunk c = new Chunk(kind, bytes, records, id, problem);
    kind = null;
    captureStart = -1;
    outLen = 0;
    if (out.length > (1 << 20)) {
      out = new byte[1 << 14];
    }
    return c;
  }

  private void flushCapture() {
    if (captureStart < 0) {
      return;
    }
    int n = pos - captureStart;
    if (!oversize) {
      if ((long) outLen + n > maxRecordBytes) {
        // Keep only the start, where the PMID is, and drop the rest of the record as it streams by.
        int keep = Math.min(4096, maxRecordBytes);
        if (outLen < keep) {
          int more = Math.min(keep - outLen, n);
          if (outLen + more > out.length) {
            out = Arrays.copyOf(out, outLen + more);
          }
          System.arraycopy(buf, captureStart, out, outLen, more);
          outLen += more;
        }
        outLen = Math.min(outLen, keep);
        oversize = true;
      } else {
        if (outLen + n > out.length) {
          out = Arrays.copyOf(out, Math.max(outLen + n, Math.min(maxRecordBytes, out.length * 2)));
        }
        System.arraycopy(buf, captureStart, out, outLen, n);
        outLen += n;
      }
    }
    captureStart = pos;
  }

  /**
   * The first PMID in {@code bytes} as the record's parser reads it: the digits of the first {@code <PMID ...>}, XML
   * white space around them skipped; null when there is none, or when it holds anything else (other text, markup,
   * references), which the parser then refuses ({@link PubmedXmlReader}: a record is applied only under the id it
   * was routed by).
   */
  static String firstPmid(byte[] bytes) {
    int n = bytes.length;
    for (int i = 0; i + 5 < n; i++) {
      if (bytes[i] == '<' && bytes[i + 1] == 'P' && bytes[i + 2] == 'M' && bytes[i + 3] == 'I' && bytes[i + 4] == 'D'
          && (bytes[i + 5] == '>' || isSpace(bytes[i + 5]))) {
        int j = i + 5;
        while (j < n && bytes[j] != '>') {
          j++;
        }
        j++;
        while (j < n && isSpace(bytes[j])) {
          j++;
        }
        int start = j;
        while (j < n && bytes[j] >= '0' && bytes[j] <= '9') {
          j++;
        }
        int end = j;
        while (j < n && isSpace(bytes[j])) {
          j++;
        }
        return end > start && end - start <= MAX_PMID_DIGITS && j < n && bytes[j] == '<'
            ? new String(bytes, start, end - start, StandardCharsets.US_ASCII) : null;
      }
    }
    return null;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\t' || b == '\r';
  }

  /** Refuses, by its first bytes, a file that is empty, UTF-32, UTF-16 or gzipped. */
  private void checkFirstBytes() throws IOException {
    int b0 = peek(0);
    int b1 = peek(1);
    if (b0 < 0) {
      throw new Refused("the file is empty");
    }
    if ((b0 == 0 && b1 == 0) || ((b1 == 0 || b1 == 0xFE) && peek(2) == 0 && peek(3) == 0)) {
      throw new Refused("UTF-32 is not supported; PubMed files are UTF-8 (iconv -f UTF-32 -t UTF-8 converts one)");
    }
    if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE) || (b0 == 0 && b1 == '<') || (b0 == '<' && b1 == 0)) {
      throw new Refused("UTF-16 is not supported; PubMed files are UTF-8 (iconv -f UTF-16 -t UTF-8 converts one)");
    }
    if (b0 == 0x1F && b1 == 0x8B) {
      throw new Refused("the file is gzipped: name it .xml.gz");
    }
  }

  private void readDeclaration(String decl) throws IOException {
    var m = java.util.regex.Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']").matcher(decl);
    if (m.find()) {
      String e = m.group(1);
      if (!ASCII_COMPATIBLE.contains(e.toLowerCase(Locale.ROOT))) {
        throw new Refused("unsupported encoding " + e + "; PubMed files are UTF-8");
      }
      encoding = e;
    }
  }

  /** Whether the start tag at pos (just past its name) ends with "/>"; leaves pos after the tag. */
  private boolean emptyElementTag() throws IOException {
    int quote = 0;
    int prev = 0;
    for (int i = 0; ; i++) {
      int c = peek(0);
      if (c < 0 || i > 1 << 16) {
        return false;
      }
      pos++;
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return prev == '/';
      }
      prev = c;
    }
  }

  private void skipDoctype() throws IOException {
    int depth = 0;
    int quote = 0;
    long seen = 0;
    pos += 9;
    while (true) {
      int c = peek(0);
      if (c < 0) {
        throw new IOException("the file ends inside its DOCTYPE");
      }
      if (++seen > MAX_DOCTYPE_BYTES) {
        throw new Refused("DOCTYPE larger than " + (MAX_DOCTYPE_BYTES >> 10) + " kB refused");
      }
      pos++;
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == '>' && depth <= 0) {
        return;
      }
    }
  }

  private String readName() throws IOException {
    StringBuilder sb = new StringBuilder(24);
    while (true) {
      int c = peek(0);
      if (c < 0 || c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '<'
          || sb.length() > 256) {
        return sb.toString();
      }
      sb.append((char) c);
      pos++;
    }
  }

  private boolean startsWith(String s) throws IOException {
    for (int i = 0; i < s.length(); i++) {
      if (peek(i) != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Moves pos just past the next {@code end}; a missing end within {@code max} bytes or the file is an error. */
  private void skipPast(String end, int max) throws IOException {
    int first = end.charAt(0);
    long seen = 0;
    while (true) {
      int c = peek(0);
      if (c < 0) {
        throw new IOException("the file ends inside a markup declaration, waiting for " + end);
      }
      if (c == first && startsWith(end)) {
        pos += end.length();
        return;
      }
      pos++;
      if (++seen > max) {
        throw new IOException("no " + end + " within " + max + " bytes");
      }
    }
  }

  /** Moves pos to the next {@code b}; false at the end of the file. */
  private boolean skipTo(int b) throws IOException {
    while (true) {
      for (int i = pos; i < lim; i++) {
        if (buf[i] == b) {
          pos = i;
          return true;
        }
      }
      pos = lim;
      if (!fill(1)) {
        return false;
      }
    }
  }

  /** The byte at pos + k, or -1 past the end of the file. */
  private int peek(int k) throws IOException {
    if (pos + k >= lim && !fill(k + 1)) {
      return -1;
    }
    return buf[pos + k] & 0xff;
  }

  /** Makes at least {@code need} bytes available from pos; false when the file ends first. */
  private boolean fill(int need) throws IOException {
    if (lim - pos >= need) {
      return true;
    }
    if (eof) {
      return false;
    }
    flushCapture();
    int keep = lim - pos;
    if (keep > 0) {
      System.arraycopy(buf, pos, buf, 0, keep);
    }
    if (captureStart >= 0) {
      captureStart = 0;
    }
    pos = 0;
    lim = keep;
    if (need > buf.length) {
      buf = Arrays.copyOf(buf, need);
    }
    while (lim < need) {
      int r = in.read(buf, lim, buf.length - lim);
      if (r < 0) {
        eof = true;
        return false;
      }
      lim += r;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  @Override
  public String toString() {
    return "PubmedXmlSplitter[" + name + "]";
  }
}
