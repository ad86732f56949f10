package org.claimcheck.pubmed;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/**
 * One per record. A small, strict pull parser for one PubMed record cut out by {@link PubmedXmlSplitter}: elements,
 * attributes, text, CDATA, comments and processing instructions, the five predefined entities and character
 * references. It knows no DTD: a document type or entity declaration, or a reference to any other entity, makes the
 * record malformed, so there is nothing to expand and nothing to fetch. Tags must nest and match, attributes must be
 * quoted, control characters and references to invalid characters are refused; bytes that are not valid UTF-8 become
 * U+FFFD. Time is linear in the record's size and nesting is limited to {@link #MAX_DEPTH}.
 *
 * <p>About five times faster than the JDK's StAX parser on PubMed records, which made XML parsing the largest cost of
 * indexing; {@code PubmedXmlReaderTest} checks that both read every fixture and sample record the same.
 */
final class MiniXml implements XmlCursor {
  static final int MAX_DEPTH = 256;
  private static final int START_DOCUMENT = 7;

  private final byte[] b;
  private final int end;
  private final Charset charset;
  private int pos;
  private int event = START_DOCUMENT;
  private String name;
  private int attrCount;
  private String[] attrNames = new String[8];
  private int[] attrStart = new int[8];
  private int[] attrEnd = new int[8];
  private int textStart;
  private int textEnd;
  private boolean textHasAmp;
  private final Name[] stack = new Name[MAX_DEPTH];
  private int depth;
  private boolean pendingEnd;
  private boolean rootSeen;
  private boolean rootClosed;
  /**
   * Element and attribute names, one {@link Name} per distinct name, shared by every record and thread: a PubMed file
   * has a few hundred names, which each record would otherwise make again. Names are immutable (final fields), so a
   * slot written by another thread is seen whole or not at all (then the name is made again). Open addressing, at most
   * 8 probes.
   */
  private static final Name[] NAMES = new Name[4096];

  /** A name as a String and as the bytes it was read from (an end tag is matched against its start tag's bytes). */
  private record Name(String string, byte[] bytes) {}

  /** What a byte means in text: nothing special, or one of the T_ classes below. */
  private static final byte[] TEXT_CLASS = new byte[256];
  private static final byte T_LT = 1;
  private static final byte T_AMP = 2;
  private static final byte T_CONTROL = 3;
  private static final byte T_GT = 4;

  static {
    for (int c = 0; c < 0x20; c++) {
      TEXT_CLASS[c] = c == '\t' || c == '\n' || c == '\r' ? 0 : T_CONTROL;
    }
    TEXT_CLASS['<'] = T_LT;
    TEXT_CLASS['&'] = T_AMP;
    TEXT_CLASS['>'] = T_GT;
  }

  MiniXml(byte[] bytes, Charset charset) {
    this.b = bytes;
    this.end = bytes.length;
    this.charset = charset;
  }

  @Override
  public boolean hasNext() {
    return event != END_DOCUMENT;
  }

  @Override
  public int next() throws XMLStreamException {
    if (event == END_DOCUMENT) {
      throw new IllegalStateException("no more events");
    }
    if (pendingEnd) {
      pendingEnd = false;
      pop();
      return event = END_ELEMENT;
    }
    while (true) {
      if (pos >= end) {
        if (depth > 0) {
          throw error("the record ends inside <" + stack[depth - 1].string() + ">");
        }
        if (!rootSeen) {
          throw error("no element");
        }
        return event = END_DOCUMENT;
      }
      if (b[pos] == '<') {
        int c1 = at(pos + 1);
        if (c1 == '/') {
          endTag();
          return event = END_ELEMENT;
        }
        if (c1 == '!') {
          if (startsWith(pos, "<!--")) {
            int close = indexOf("-->", pos + 4);
            if (close < 0) {
              throw error("unterminated comment");
            }
            pos = close + 3;
            continue;
          }
          if (startsWith(pos, "<![CDATA[")) {
            if (depth == 0) {
              throw error("CDATA outside the element");
            }
            int close = indexOf("]]>", pos + 9);
            if (close < 0) {
              throw error("unterminated CDATA section");
            }
            textStart = pos + 9;
            textEnd = close;
            textHasAmp = false;
            checkChars(textStart, textEnd);
            pos = close + 3;
            return event = CDATA;
          }
          throw error("markup declarations (DOCTYPE, ENTITY) are not allowed inside a record");
        }
        if (c1 == '?') {
          int close = indexOf("?>", pos + 2);
          if (close < 0) {
            throw error("unterminated processing instruction");
          }
          pos = close + 2;
          continue;
        }
        startTag();
        return event = START_ELEMENT;
      }
      int start = pos;
      boolean amp = false;
      byte[] b = this.b;
      int p = pos;
      while (p < end) {
        byte x = b[p];
        byte kind = TEXT_CLASS[x & 0xff];
        if (kind != 0) {
          if (kind == T_LT) {
            break;
          }
          if (kind == T_AMP) {
            amp = true;
          } else if (kind == T_CONTROL) {
            pos = p;
            throw error("control character 0x" + Integer.toHexString(x) + " in text");
          } else if (p - start >= 2 && b[p - 1] == ']' && b[p - 2] == ']') {
            pos = p;
            throw error("\"]]>\" in text");
          }
        }
        p++;
      }
      pos = p;
      if (depth == 0) {
        for (int i = start; i < pos; i++) {
          if (!isSpace(b[i])) {
            throw error("text outside the element");
          }
        }
        continue;
      }
      textStart = start;
      textEnd = pos;
      textHasAmp = amp;
      if (amp) {
        decode(start, pos, false); // refuses unknown entities now, whether or not the text is read
      }
      return event = CHARACTERS;
    }
  }

  private void startTag() throws XMLStreamException {
    if (rootClosed) {
      throw error("a second element after the record");
    }
    pos++;
    Name element = readName();
    name = element.string();
    attrCount = 0;
    while (true) {
      boolean space = skipSpace();
      int c = at(pos);
      if (c < 0) {
        throw error("the record ends inside the tag <" + name + ">");
      }
      if (c == '>') {
        pos++;
        break;
      }
      if (c == '/') {
        if (at(pos + 1) != '>') {
          throw error("'/' not followed by '>' in <" + name + ">");
        }
        pos += 2;
        pendingEnd = true;
        break;
      }
      if (!space) {
        throw error("attributes of <" + name + "> must be separated by white space");
      }
      String attr = readName().string();
      skipSpace();
      if (at(pos) != '=') {
        throw error("attribute " + attr + " of <" + name + "> has no value");
      }
      pos++;
      skipSpace();
      int quote = at(pos);
      if (quote != '"' && quote != '\'') {
        throw error("attribute " + attr + " of <" + name + "> is not quoted");
      }
      int vs = ++pos;
      boolean amp = false;
      while (pos < end && b[pos] != quote) {
        byte x = b[pos];
        if (x == '<') {
          throw error("'<' in the value of attribute " + attr);
        }
        if (x == '&') {
          amp = true;
        } else if (x >= 0 && x < 0x20 && x != '\t' && x != '\n' && x != '\r') {
          throw error("control character in the value of attribute " + attr);
        }
        pos++;
      }
      if (pos >= end) {
        throw error("unterminated value of attribute " + attr);
      }
      if (amp) {
        decode(vs, pos, true);
      }
      for (int i = 0; i < attrCount; i++) {
        if (attrNames[i].equals(attr)) {
          throw error("attribute " + attr + " twice in <" + name + ">");
        }
      }
      if (attrCount == attrNames.length) {
        attrNames = Arrays.copyOf(attrNames, attrCount * 2);
        attrStart = Arrays.copyOf(attrStart, attrCount * 2);
        attrEnd = Arrays.copyOf(attrEnd, attrCount * 2);
      }
      attrNames[attrCount] = attr;
      attrStart[attrCount] = vs;
      attrEnd[attrCount] = pos;
      attrCount++;
      pos++;
    }
    if (depth == MAX_DEPTH) {
      throw error("elements nested deeper than " + MAX_DEPTH);
    }
    stack[depth++] = element;
    rootSeen = true;
  }

  private void endTag() throws XMLStreamException {
    pos += 2;
    if (depth > 0) {
      // The usual case, the open element's name, byte for byte: no hashing, no lookup.
      Name open = stack[depth - 1];
      int after = pos + open.bytes().length;
      if (after < end && Arrays.equals(open.bytes(), 0, open.bytes().length, b, pos, after) && !isNameByte(b[after])) {
        pos = after;
        name = open.string();
        skipSpace();
        if (at(pos) != '>') {
          throw error("malformed end tag </" + name);
        }
        pos++;
        pop();
        return;
      }
    }
    name = readName().string();
    skipSpace();
    if (at(pos) != '>') {
      throw error("malformed end tag </" + name);
    }
    pos++;
    if (depth == 0) {
      throw error("end tag </" + name + "> without a start tag");
    }
    if (!stack[depth - 1].string().equals(name)) {
      throw error("</" + name + "> closes <" + stack[depth - 1].string() + ">");
    }
    pop();
  }

  private void pop() {
    depth--;
    name = stack[depth].string();
    if (depth == 0) {
      rootClosed = true;
    }
  }

  private Name readName() throws XMLStreamException {
    byte[] b = this.b;
    int start = pos;
    int p = pos;
    int h = 0;
    int bits = 0;
    while (p < end) {
      byte x = b[p];
      if (!NAME_BYTES[x & 0xff]) {
        break;
      }
      h = 31 * h + x;
      bits |= x;
      p++;
    }
    pos = p;
    int len = p - start;
    if (len == 0) {
      throw error("a tag or attribute without a name");
    }
    byte first = b[start];
    if ((first >= '0' && first <= '9') || first == '-' || first == '.') {
      throw error("a name cannot start with '" + (char) first + "'");
    }
    return intern(start, len, h, bits >= 0);
  }

  /** Element and attribute names repeat: one Name per distinct name ({@link #NAMES}); {@code h} hashes the bytes. */
  private Name intern(int start, int len, int h, boolean ascii) {
    if (!ascii) {
      // decoded by this record's charset, not shared
      return new Name(new String(b, start, len, charset), Arrays.copyOfRange(b, start, start + len));
    }
    int slot = h ^ (h >>> 12);
    for (int probe = 0; probe < 8; probe++, slot++) {
      Name n = NAMES[slot & (NAMES.length - 1)];
      if (n == null) {
        n = new Name(new String(b, start, len, StandardCharsets.US_ASCII), Arrays.copyOfRange(b, start, start + len));
        NAMES[slot & (NAMES.length - 1)] = n;
        return n;
      }
      if (n.bytes().length == len && Arrays.equals(n.bytes(), 0, len, b, start, start + len)) {
        return n;
      }
    }
    // a crowded neighbourhood: not shared
    return new Name(new String(b, start, len, StandardCharsets.US_ASCII), Arrays.copyOfRange(b, start, start + len));
  }

  @Override
  public String getLocalName() {
    return name;
  }

  @Override
  public String getAttributeValue(String attr) {
    for (int i = 0; i < attrCount; i++) {
      if (attrNames[i].equals(attr)) {
        try {
          return decode(attrStart[i], attrEnd[i], true);
        } catch (XMLStreamException e) {
          throw new IllegalStateException(e); // checked when the tag was read
        }
      }
    }
    return null;
  }

  @Override
  public String getText() {
    try {
      if (event == CDATA) {
        return normaliseLineEnds(new String(b, textStart, textEnd - textStart, charset));
      }
      return decode(textStart, textEnd, false);
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e); // checked when the text was read
    }
  }

  /** The text of bytes [from, to) with references resolved; attribute values get white space normalised. */
  private String decode(int from, int to, boolean attribute) throws XMLStreamException {
    boolean amp = false;
    for (int i = from; i < to && !amp; i++) {
      amp = b[i] == '&';
    }
    if (!amp) {
      String s = new String(b, from, to - from, charset);
      return attribute ? normaliseSpace(s) : normaliseLineEnds(s);
    }
    StringBuilder sb = new StringBuilder(to - from);
    int run = from;
    for (int i = from; i < to; i++) {
      if (b[i] != '&') {
        continue;
      }
      sb.append(new String(b, run, i - run, charset));
      int semi = -1;
      for (int j = i + 1; j < to && j < i + 12; j++) {
        if (b[j] == ';') {
          semi = j;
          break;
        }
      }
      if (semi < 0) {
        throw errorAt(i, "'&' that starts no reference (write &amp;)");
      }
      String ref = new String(b, i + 1, semi - i - 1, StandardCharsets.ISO_8859_1);
      switch (ref) {
        case "lt" -> sb.append('<');
        case "gt" -> sb.append('>');
        case "amp" -> sb.append('&');
        case "quot" -> sb.append('"');
        case "apos" -> sb.append('\'');
        default -> sb.appendCodePoint(characterReference(ref, i));
      }
      i = semi;
      run = semi + 1;
    }
    sb.append(new String(b, run, to - run, charset));
    String s = sb.toString();
    return attribute ? normaliseSpace(s) : normaliseLineEnds(s);
  }

  private int characterReference(String ref, int at) throws XMLStreamException {
    if (!ref.startsWith("#")) {
      throw errorAt(at, "the entity \"" + ref + "\" was referenced, but not declared (records may use only &lt; &gt; "
          + "&amp; &quot; &apos; and character references)");
    }
    int cp;
    try {
      boolean hex = ref.length() > 1 && (ref.charAt(1) == 'x');
      String digits = ref.substring(hex ? 2 : 1);
      if (digits.isEmpty() || digits.length() > 8 || digits.startsWith("+") || digits.startsWith("-")) {
        throw new NumberFormatException(ref);
      }
      cp = Integer.parseInt(digits, hex ? 16 : 10);
    } catch (NumberFormatException e) {
      throw errorAt(at, "malformed character reference &" + ref + ";");
    }
    boolean valid = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    if (!valid) {
      throw errorAt(at, "character reference &" + ref + "; to an invalid XML character");
    }
    return cp;
  }

  private static String normaliseLineEnds(String s) {
    return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static String normaliseSpace(String s) {
    return s.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
  }

  private void checkChars(int from, int to) throws XMLStreamException {
    for (int i = from; i < to; i++) {
      byte x = b[i];
      if (x >= 0 && x < 0x20 && x != '\t' && x != '\n' && x != '\r') {
        throw errorAt(i, "control character in CDATA");
      }
    }
  }

  private boolean skipSpace() {
    int start = pos;
    while (pos < end && isSpace(b[pos])) {
      pos++;
    }
    return pos > start;
  }

  private static final boolean[] NAME_BYTES = new boolean[256];

  static {
    for (int c = 0; c < 256; c++) {
      NAME_BYTES[c] = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == ':';
    }
  }

  /** ASCII letters, digits, "-", ".", "_", ":", and any non-ASCII byte (names in other scripts). */
  private static boolean isNameByte(byte x) {
    return NAME_BYTES[x & 0xff];
  }

  private static boolean isSpace(byte x) {
    return x == ' ' || x == '\n' || x == '\t' || x == '\r';
  }

  private int at(int i) {
    return i < end ? b[i] & 0xff : -1;
  }

  private boolean startsWith(int at, String s) {
    if (at + s.length() > end) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (b[at + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private int indexOf(String s, int from) {
    byte first = (byte) s.charAt(0);
    for (int i = from; i + s.length() <= end; i++) {
      if (b[i] == first && startsWith(i, s)) {
        return i;
      }
    }
    return -1;
  }

  private XMLStreamException error(String message) {
    return errorAt(Math.min(pos, end), message);
  }

  private XMLStreamException errorAt(int at, String message) {
    int line = 1;
    for (int i = 0; i < at && i < end; i++) {
      if (b[i] == '\n') {
        line++;
      }
    }
    int l = line;
    return new XMLStreamException(message, new Location() {
      @Override
      public int getLineNumber() {
        return l;
      }

      @Override
      public int getColumnNumber() {
        return -1;
      }

      @Override
      public int getCharacterOffset() {
        return at;
      }

      @Override
      public String getPublicId() {
        return null;
      }

      @Override
      public String getSystemId() {
        return null;
      }
    });
  }
}
