package org.claimcheck.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageCharsetTest {
  private static final String TEXT = "<p>Caf\u00e9 cr\u00e8me \u2013 na\u00efve</p>";

  @Test
  void theByteOrderMarkWinsOverEveryDeclaration() {
    byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[utf8.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, bom, 3, utf8.length);
    assertEquals(TEXT, PageCharset.decode(bom, "iso-8859-1").text());
    byte[] utf16 = ("\ufeff" + TEXT).getBytes(StandardCharsets.UTF_16LE);
    assertEquals(TEXT, PageCharset.decode(utf16, "utf-8").text());
  }

  @Test
  void theHeaderThenTheMetaTagThenUtf8() {
    String koi8 = "<meta charset=\"koi8-r\"><p>\u041f\u0440\u0438\u0432\u0435\u0442</p>";
    byte[] bytes = koi8.getBytes(Charset.forName("KOI8-R"));
    assertEquals(koi8, PageCharset.decode(bytes, null).text(), "meta charset");
    assertEquals("KOI8-R", PageCharset.decode(bytes, "koi8-r").charset().name(), "header");
    assertEquals("KOI8-R", PageCharset.decode(bytes, "no-such-charset").charset().name(), "a bad header is ignored");
    String equiv = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">";
    assertEquals("windows-1251", PageCharset.metaCharset(equiv.getBytes(StandardCharsets.US_ASCII)));
    assertEquals(TEXT, PageCharset.decode(TEXT.getBytes(StandardCharsets.UTF_8), null).text());
  }

  @Test
  void theBytesOverruleAWrongDeclaration() {
    byte[] latin = TEXT.replace('\u2013', '-').getBytes(Charset.forName("windows-1252"));
    assertEquals(TEXT.replace('\u2013', '-'), PageCharset.decode(latin, "utf-8").text(), "not valid UTF-8");
    byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
    assertEquals(TEXT, PageCharset.decode(utf8, "iso-8859-1").text(), "valid UTF-8 said to be Latin-1");
    assertEquals("UTF-8", PageCharset.decode("<meta charset=utf-16><p>x</p>".getBytes(StandardCharsets.US_ASCII),
        null).charset().name(), "a page that can say UTF-16 in ASCII is not UTF-16");
  }

  @Test
  void utf8Validation() {
    assertEquals(0, PageCharset.utf8("plain ascii".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(2, PageCharset.utf8("\u00e9\u20ac".getBytes(StandardCharsets.UTF_8)));
    assertEquals(-1, PageCharset.utf8(new byte[] {(byte) 0xC0, (byte) 0x80}), "overlong");
    assertEquals(-1, PageCharset.utf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}), "surrogate");
    assertEquals(0, PageCharset.utf8(new byte[] {'a', (byte) 0xE2, (byte) 0x82}), "cut at the end is not held against");
  }
}
