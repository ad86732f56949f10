package org.claimcheck.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Thread-safe (stateless). Finds the main text of a web page: the article, without menus, cookie banners, share
 * buttons, comment sections, forms, related posts or newsletter boxes, as headings, paragraphs, list items and table
 * rows ({@link Block}). Also reads the page's metadata (title, author, dates, language, canonical URL) from meta tags
 * and JSON-LD. Plain-text input is turned into blocks too.
 *
 * <p>How the article is found is described in {@code MainContent}; its accuracy is measured by
 * {@code claimcheck eval article-extraction} ({@link ExtractionBenchmark}).
 */
public final class TextExtractor {
  private static final Pattern BULLET =
      Pattern.compile("^([-*+\u2022\u25aa\u25cf\u25e6\u2023\u2043\u2013]|\\d{1,3}[.)])\\s+");

  /** Extracts the main text and metadata of an HTML page; {@code baseUri} resolves relative links (may be empty). */
  public MainText extract(String html, String baseUri) {
    return extract(Jsoup.parse(noSentinel(html), baseUri == null ? "" : baseUri));
  }

  /**
   * {@code html} with U+FFFF (a noncharacter) as U+FFFD: jsoup reads U+FFFF as the end of its input, so one such
   * character hid the rest of a page (found by ReportFuzzTest).
   */
  static String noSentinel(String html) {
    return html.indexOf('\uffff') < 0 ? html : html.replace('\uffff', '\ufffd');
  }

  /**
   * Extracts the main text of a page given as bytes. A byte-order mark wins, then {@code charset} (the HTTP header's,
   * or null), then the page's {@code <meta charset>}, else UTF-8; a declaration the bytes contradict is overruled
   * (see {@code PageCharset}).
   */
  public MainText extract(byte[] page, String charset, String baseUri) {
    return extract(parse(page, charset, baseUri));
  }

  static Document parse(byte[] page, String charset, String baseUri) {
    return Jsoup.parse(noSentinel(PageCharset.decode(page, charset).text()), baseUri == null ? "" : baseUri);
  }

  private MainText extract(Document doc) {
    PageMetadata meta = PageMetadata.of(doc);
    List<Block> blocks = content(doc, meta).blocks(MainContent.Settings.DEFAULTS);
    String title = meta.title;
    if (title == null) {
      Element h1 = doc.selectFirst("h1");
      title = h1 == null ? null : blankToNull(clean(h1.text()));
    }
    return new MainText(title, meta.author, meta.published, meta.modified, meta.language, meta.canonical, blocks);
  }

  /** The page's main content, read and ready to give its blocks. */
  static MainContent content(Document doc, PageMetadata meta) {
    List<String> titles = new ArrayList<>(2);
    titles.add(meta.title);
    titles.add(meta.documentTitle);
    return MainContent.of(doc.body(), titles);
  }

  static MainContent content(Document doc) {
    return content(doc, PageMetadata.of(doc));
  }

  /**
   * Blocks from plain text. Blank lines separate paragraphs; lines of a hard-wrapped paragraph are joined. A line that
   * starts with a bullet or a number is a list item; a short line on its own without final punctuation is a heading
   * (the first one, or {@code fallbackTitle}, is the title); page furniture ("leave a reply", "subscribe", ad labels)
   * is dropped.
   */
  public MainText fromPlainText(String text, String fallbackTitle) {
    List<Block> blocks = new ArrayList<>();
    String title = null;
    StringBuilder para = new StringBuilder();
    Block.Kind paraKind = null;
    int lastLine = 0;
    String[] lines = text.split("\r\n|\r|\n", -1);
    boolean hardWrapped = hardWrapped(lines);
    for (String raw : lines) {
      String line = clean(raw);
      boolean bullet = BULLET.matcher(line).find();
      // A hard-wrapped paragraph: the text is wrapped at a fixed width, and the line before is long and stops
      // mid-sentence. Text written one paragraph per line is never joined: there a line without a full stop is a
      // title or a caption, and the next line starts something new.
      // A markdown table's row ("| cell | cell |") is a line of its own, never joined to the one before or after.
      boolean continues = hardWrapped && paraKind != null && paraKind != Block.Kind.HEADING && !line.isEmpty()
          && !bullet && lastLine >= 50 && !endsSentence(para) && !line.startsWith("|") && para.charAt(0) != '|';
      lastLine = line.length();
      if (continues) {
        para.append(' ').append(line);
        continue;
      }
      title = flush(blocks, para, paraKind, title);
      paraKind = null;
      if (line.isEmpty() || BoilerplateText.inPlainText(line)) {
        continue;
      }
      if (bullet) {
        paraKind = Block.Kind.LIST_ITEM;
        para.append(BULLET.matcher(line).replaceFirst(""));
      } else if (looksLikeHeading(line)) {
        paraKind = Block.Kind.HEADING;
        para.append(line);
      } else {
        paraKind = Block.Kind.PARAGRAPH;
        para.append(line);
      }
    }
    title = flush(blocks, para, paraKind, title);
    return new MainText(title != null ? title : fallbackTitle == null ? null : blankToNull(clean(fallbackTitle)), null,
        null, null, null, null, blocks);
  }

  /**
   * Whether the text is wrapped at a fixed width (e-mail, plain-text exports): no line runs past 100 characters and
   * most lines of any length end near the same width.
   */
  static boolean hardWrapped(String[] lines) {
    int longish = 0;
    int max = 0;
    int nearWidth = 0;
    for (String raw : lines) {
      int n = raw.strip().length();
      max = Math.max(max, n);
      if (n > 40) {
        longish++;
        if (n >= 55) {
          nearWidth++;
        }
      }
    }
    return max <= 100 && longish >= 2 && nearWidth * 2 >= longish;
  }

  private static String flush(List<Block> blocks, StringBuilder para, Block.Kind kind, String title) {
    String text = MainContent.withoutCitations(para.toString().strip());
    para.setLength(0);
    if (kind == null || text.isEmpty()) {
      return title;
    }
    if (kind == Block.Kind.HEADING && title == null && blocks.isEmpty()) {
      title = text;
    }
    blocks.add(new Block(kind, text));
    return title;
  }

  private static boolean endsSentence(CharSequence s) {
    if (s.isEmpty()) {
      return true;
    }
    char last = s.charAt(s.length() - 1);
    return ".!?:;\"\u201d)\u3002\uff01\uff1f".indexOf(last) >= 0;
  }

  static boolean looksLikeHeading(String line) {
    if (line.isEmpty() || line.length() > 120) {
      return false;
    }
    char last = line.charAt(line.length() - 1);
    if (".!:;,\"\u201d)".indexOf(last) >= 0) {
      return false;
    }
    int words = line.split("\\s+").length;
    return words <= 14 && (Character.isUpperCase(line.codePointAt(0)) || last == '?');
  }

  /**
   * Collapses white space (non-breaking and zero-width spaces included) and control characters (a BEL in a .txt
   * article reached claims) to single spaces and strips the ends.
   */
  static String clean(String s) {
    return s.replace('\u00a0', ' ').replaceAll("[\\s\\p{Cc}\\u200b\\ufeff]+", " ").strip();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
