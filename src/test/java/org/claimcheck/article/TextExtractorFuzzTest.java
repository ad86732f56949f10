package org.claimcheck.article;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.claimcheck.Fuzz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzing the HTML extractor on damaged pages: any bytes, with any declared charset (real, wrong, unknown or
 * malformed), give a result rather than an exception, its blocks are non-blank lines, and what comes out is bounded by
 * what went in (no expansion: entities, JSON-LD and table separators cannot make a page grow).
 */
class TextExtractorFuzzTest {
  private static final TextExtractor EXTRACTOR = new TextExtractor();
  static final String[] CHARSETS = {null, "utf-8", "iso-8859-1", "windows-1252", "utf-16", "utf-16le", "utf-32",
      "shift_jis", "gb18030", "x-no-such-charset", "", "\"utf-8\"", "utf-7", "ebcdic-cp-us", "koi8-r"};

  static void checkPage(byte[] data) {
    String charset = CHARSETS[data.length == 0 ? 0 : (data[data.length / 2] & 0xff) % CHARSETS.length];
    MainText m = EXTRACTOR.extract(data, charset, "https://example.org/page");
    long chars = 0;
    for (Block b : m.blocks()) {
      assertFalse(b.text().isBlank());
      assertFalse(b.text().contains("\n"), "a block is one line");
      chars += b.text().length();
    }
    assertTrue(chars <= 2L * data.length + 64, chars + " characters out of " + data.length + " bytes");
    for (String meta : new String[] {m.title(), m.author(), m.published(), m.modified(), m.language()}) {
      assertTrue(meta == null || meta.length() <= data.length, "metadata bounded by the page");
    }
    MainText plain = EXTRACTOR.fromPlainText(PageCharset.decode(data, charset).text(), "fallback");
    assertNotNull(plain.title());
    for (Block b : plain.blocks()) {
      assertFalse(b.text().isBlank());
    }
  }

  @Test
  @Timeout(300)
  void damagedPagesGiveBoundedResultsNeverExceptions() {
    Fuzz.run("html", Fuzz.corpus(TextExtractorFuzzTest.class, "page"), Fuzz.dictionary("<div>", "</div>", "<p>",
        "</p>", "<article>", "<table><tr><td>", "</td><td>", "</tr>", "<li>", "<h2>", "<br>", "<script>", "</script>",
        "<script type=\"application/ld+json\">", "{\"@graph\":[", "{\"author\":{\"name\":", "[[[[[[[[[[", "\"}]}",
        "<style>", "<!--", "-->", "<![CDATA[", "<meta charset=\"utf-16\">", "<meta http-equiv=\"Content-Type\" "
        + "content=\"text/html; charset=shift_jis\">", "<meta property=\"og:title\" content=\"", "<title>",
        "<link rel=\"canonical\" href=\"javascript:alert(1)\">", "&nbsp;", "&#0;", "&#x110000;", "&amp;", "&",
        "\u0000", "\ufeff", "\u00ff\u00fe", "<svg><foreignObject>", "<math>", "<template>", "<noscript>",
        "<plaintext>", "<xmp>", "<iframe srcdoc=\"<p>x</p>\">", "<form>", "<nav>", "<frameset>", "<base href=\"x\">",
        " class=\"content\"", " id=\"comments\"", " hidden", " style=\"display:none\"", "%PDF-1.7", "\u202e", "\r"),
        Fuzz.inputs(1000), TextExtractorFuzzTest::checkPage);
  }

  @FuzzTest(maxDuration = "5m")
  void page(byte[] data) {
    checkPage(data);
  }
}
