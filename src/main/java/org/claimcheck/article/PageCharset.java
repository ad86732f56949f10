package org.claimcheck.article;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Thread-safe (stateless). Decodes the bytes of a web page: a byte-order mark wins, then the HTTP header's charset,
 * then the page's own {@code <meta charset>} (or {@code http-equiv} Content-Type), else UTF-8. Declarations are often
 * wrong, so the bytes have the last word: a page said to be UTF-8 that is not valid UTF-8 is read as windows-1252, and
 * a page said to be Latin-1 (or ASCII) whose bytes are valid UTF-8 with multi-byte sequences is read as UTF-8.
 */
final class PageCharset {
  private static final Pattern META = Pattern.compile(
      "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private PageCharset() {}

  /** The page's text and the charset it was read with. */
  record Decoded(String text, Charset charset) {}

  /** Decodes {@code bytes}; {@code declared} is the HTTP header's charset name, or null. */
  static Decoded decode(byte[] bytes, String declared) {
    int bom = 0;
    Charset cs = null;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    } else if (startsWith(bytes, 0xFE, 0xFF)) {
      cs = StandardCharsets.UTF_16BE;
      bom = 2;
    } else if (startsWith(bytes, 0xFF, 0xFE)) {
      cs = StandardCharsets.UTF_16LE;
      bom = 2;
    }
    if (cs != null) {
      return new Decoded(new String(bytes, bom, bytes.length - bom, cs), cs);
    }
    cs = lookup(declared);
    if (cs == null) {
      cs = lookup(metaCharset(bytes));
    }
    if (cs == null || cs.name().startsWith("UTF-16") || cs.name().startsWith("UTF-32")) {
      cs = StandardCharsets.UTF_8; // a page that could declare UTF-16 in ASCII is not UTF-16
    }
    String name = cs.name();
    if (name.equals("UTF-8")) {
      if (utf8(bytes) < 0) {
        cs = WINDOWS_1252;
      }
    } else if (name.equals("ISO-8859-1") || name.equals("US-ASCII") || name.equals("windows-1252")) {
      cs = utf8(bytes) > 0 ? StandardCharsets.UTF_8 : WINDOWS_1252; // browsers read Latin-1 as windows-1252
    }
    return new Decoded(new String(bytes, cs), cs);
  }

  /** The charset a page's meta tags declare in its first 8 kB, or null. */
  static String metaCharset(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 8192), StandardCharsets.ISO_8859_1);
    Matcher m = META.matcher(head);
    return m.find() ? m.group(1) : null;
  }

  private static Charset lookup(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return Charset.forName(name.strip().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT));
    } catch (RuntimeException e) {
      return null; // unknown or malformed: the next source decides
    }
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * -1 when {@code b} is not valid UTF-8, else the number of multi-byte sequences (0: plain ASCII). A sequence cut
   * by the end of the bytes (a capped download) is not held against them.
   */
  static int utf8(byte[] b) {
    int multi = 0;
    int i = 0;
    int n = b.length;
    while (i < n) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int len;
      int min;
      if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        min = 0x80;
      } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        min = 0x800;
      } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        min = 0x10000;
      } else {
        return -1;
      }
      if (i + len > n) {
        return multi; // cut short at the end
      }
      int cp = c & (0xFF >> (len + 1));
      for (int k = 1; k < len; k++) {
        int cc = b[i + k] & 0xFF;
        if ((cc & 0xC0) != 0x80) {
          return -1;
        }
        cp = cp << 6 | cc & 0x3F;
      }
      if (cp < min || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) {
        return -1;
      }
      multi++;
      i += len;
    }
    return multi;
  }
}
