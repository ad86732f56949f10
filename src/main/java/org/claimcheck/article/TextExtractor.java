package org.claimcheck.article;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.claimcheck.Json;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Thread-safe (stateless). Finds the main text of a web page: the article, without menus, banners, share buttons,
 * comment forms or related-post boxes. Also reads the page's metadata (title, author, dates, language, canonical URL)
 * from meta tags and JSON-LD. Plain-text input is turned into blocks line by line.
 *
 * <p>The method is readability-style: boilerplate elements are removed by tag and by class/id hints, each element is
 * scored by the paragraph text it holds directly (long, punctuated text counts; link text does not), scores flow to the
 * parent and grandparent, and the best-scoring element's headings, paragraphs, list items and table rows are the
 * article.
 */
public final class TextExtractor {
  private static final Pattern BOILERPLATE = Pattern.compile(
      "(^|[-_ ])(nav|navbar|menu|footer|header|masthead|sidebar|aside|breadcrumbs?|cookie|consent|gdpr|banner"
          + "|share|sharing|social|related|recommend|comments?|respond|reply|subscribe|newsletter|signup|promo"
          + "|advert|ads?|sponsor|popup|modal|widget|tags|author-bio|byline)([-_ ]|$)",
      Pattern.CASE_INSENSITIVE);
  private static final String REMOVE = "script, style, noscript, template, svg, canvas, iframe, object, embed, form, "
      + "button, input, select, textarea, nav, footer, aside, dialog, [hidden], [aria-hidden=true]";
  private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, tr, blockquote, pre, dd, dt";

  /** Extracts the main text and metadata of an HTML page; {@code baseUri} resolves relative links (may be empty). */
  public MainText extract(String html, String baseUri) {
    return extract(Jsoup.parse(html, baseUri == null ? "" : baseUri));
  }

  /**
   * Extracts the main text of a page given as bytes. The charset is {@code charset} when not null (an HTTP header's),
   * else the byte-order mark's or the page's {@code <meta charset>}, else UTF-8.
   */
  public MainText extract(byte[] page, String charset, String baseUri) {
    try {
      return extract(Jsoup.parse(new java.io.ByteArrayInputStream(page), charset, baseUri == null ? "" : baseUri));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private MainText extract(Document doc) {
    Meta meta = readMeta(doc);
    List<String> titles = new ArrayList<>();
    titles.add(meta.title);
    titles.add(doc.title());
    List<Block> blocks = MainContent.extract(doc.body(), titles);
    if (meta.title == null) {
      Element h1 = doc.selectFirst("h1");
      meta.title = h1 != null ? blankToNull(clean(h1.text())) : null;
    }
    return new MainText(meta.title, meta.author, meta.published, meta.modified, meta.language, meta.canonical,
        blocks);
  }

  /**
   * Blocks from plain text: a line starting with a bullet is a list item, a short line without final punctuation is a
   * heading, other lines are paragraphs; the first heading, or {@code fallbackTitle}, is the title.
   */
  public MainText fromPlainText(String text, String fallbackTitle) {
    List<Block> blocks = new ArrayList<>();
    String title = null;
    for (String raw : text.split("\r\n|\r|\n")) {
      String line = clean(raw);
      if (line.isEmpty()) {
        continue;
      }
      Block.Kind kind;
      if (line.matches("^([-*\u2022\u25aa\u25cf\u2013]|\\d{1,2}[.)])\\s+.*")) {
        kind = Block.Kind.LIST_ITEM;
        line = line.replaceFirst("^([-*\u2022\u25aa\u25cf\u2013]|\\d{1,2}[.)])\\s+", "");
      } else if (looksLikeHeading(line)) {
        kind = Block.Kind.HEADING;
        if (title == null && blocks.isEmpty()) {
          title = line;
        }
      } else {
        kind = Block.Kind.PARAGRAPH;
      }
      if (!line.isBlank()) {
        blocks.add(new Block(kind, line));
      }
    }
    return new MainText(title != null ? title : fallbackTitle, null, null, null, null, null, blocks);
  }

  static boolean looksLikeHeading(String line) {
    if (line.length() > 120) {
      return false;
    }
    char last = line.charAt(line.length() - 1);
    if (".!:;,\"\u201d)".indexOf(last) >= 0) {
      return false;
    }
    int words = line.split("\\s+").length;
    return words <= 14 && Character.isUpperCase(line.codePointAt(0)) || words <= 14 && last == '?';
  }

  private static boolean isBoilerplate(Element e) {
    String tag = e.normalName();
    if (tag.equals("body") || tag.equals("article") || tag.equals("main")) {
      return false;
    }
    String hints = e.className() + " " + e.id() + " " + e.attr("role");
    if (hints.isBlank()) {
      return false;
    }
    if (hints.toLowerCase(Locale.ROOT).matches(".*(article|content|entry|post-body|story).*")
        && !hints.toLowerCase(Locale.ROOT).matches(".*(related|comment|share).*")) {
      return false;
    }
    return BOILERPLATE.matcher(hints).find() || e.attr("role").equals("navigation");
  }

  private static Element bestCandidate(Element body) {
    Map<Element, Double> scores = new IdentityHashMap<>();
    for (Element p : body.select("p, pre, td, li, blockquote")) {
      String text = p.text();
      if (text.length() < 25) {
        continue;
      }
      double linkLength = 0;
      for (Element a : p.select("a")) {
        linkLength += a.text().length();
      }
      double density = linkLength / Math.max(1, text.length());
      double score = (1 + countCommas(text) + Math.min(3, text.length() / 100.0)) * (1 - density);
      if (p.normalName().equals("li")) {
        score *= 0.5;
      }
      Element parent = p.parent();
      if (parent == null) {
        continue;
      }
      scores.merge(parent, score, Double::sum);
      Element grand = parent.parent();
      if (grand != null) {
        scores.merge(grand, score / 2, Double::sum);
      }
    }
    Element best = null;
    double bestScore = 0;
    for (Map.Entry<Element, Double> e : scores.entrySet()) {
      double s = e.getValue() * hintFactor(e.getKey());
      if (s > bestScore) {
        bestScore = s;
        best = e.getKey();
      }
    }
    return best;
  }

  private static double hintFactor(Element e) {
    String tag = e.normalName();
    String hints = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
    double f = 1;
    if (tag.equals("article") || tag.equals("main")) {
      f *= 1.25;
    }
    if (hints.matches(".*(article|content|entry|post|story|body|text).*")) {
      f *= 1.25;
    }
    return f;
  }

  private static int countCommas(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ',') {
        n++;
      }
    }
    return n;
  }

  private static List<Block> blocksOf(Element root) {
    List<Block> blocks = new ArrayList<>();
    Elements elements = root.select(BLOCKS);
    for (Element e : elements) {
      // Only the innermost block: a <li> holding a <p> gives the <p>.
      if (!e.select(BLOCKS).stream().filter(x -> x != e).toList().isEmpty()) {
        continue;
      }
      String text = clean(e.text());
      if (text.isEmpty()) {
        continue;
      }
      Block.Kind kind = switch (e.normalName()) {
        case "h1", "h2", "h3", "h4", "h5", "h6", "dt" -> Block.Kind.HEADING;
        case "li" -> Block.Kind.LIST_ITEM;
        case "tr" -> Block.Kind.TABLE_ROW;
        default -> Block.Kind.PARAGRAPH;
      };
      blocks.add(new Block(kind, text));
    }
    if (blocks.isEmpty()) {
      for (String line : root.wholeText().split("\n")) {
        String text = clean(line);
        if (!text.isEmpty()) {
          blocks.add(new Block(Block.Kind.PARAGRAPH, text));
        }
      }
    }
    return blocks;
  }

  /** Collapses white space (non-breaking spaces included) to single spaces and strips the ends. */
  static String clean(String s) {
    return s.replace('\u00a0', ' ').replaceAll("[\\s\\u200b\\ufeff]+", " ").strip();
  }

  private static final class Meta {
    String title;
    String author;
    String published;
    String modified;
    String language;
    String canonical;
  }

  private static Meta readMeta(Document doc) {
    Meta m = new Meta();
    m.title = firstNonBlank(meta(doc, "og:title"), meta(doc, "twitter:title"), clean(doc.title()));
    m.author = firstNonBlank(meta(doc, "author"), meta(doc, "article:author"), meta(doc, "dc.creator"));
    m.published = firstNonBlank(meta(doc, "article:published_time"), meta(doc, "datePublished"),
        meta(doc, "dc.date"), meta(doc, "date"));
    m.modified = firstNonBlank(meta(doc, "article:modified_time"), meta(doc, "dateModified"),
        meta(doc, "og:updated_time"));
    m.language = firstNonBlank(doc.selectFirst("html") != null ? doc.selectFirst("html").attr("lang") : null,
        meta(doc, "og:locale"), meta(doc, "content-language"));
    Element canonical = doc.selectFirst("link[rel=canonical][href]");
    m.canonical = canonical != null ? blankToNull(canonical.absUrl("href")) : null;
    for (Element script : doc.select("script[type=application/ld+json]")) {
      readJsonLd(script.data(), m);
    }
    return m;
  }

  private static void readJsonLd(String json, Meta m) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json);
    } catch (Exception e) {
      return; // Broken JSON-LD is common on the web; the meta tags still count.
    }
    List<JsonNode> nodes = new ArrayList<>();
    collectNodes(root, nodes, 0);
    for (JsonNode n : nodes) {
      String type = n.path("@type").isArray() ? n.path("@type").path(0).asText("") : n.path("@type").asText("");
      if (!type.matches("(?i).*(Article|BlogPosting|WebPage|Report|NewsArticle).*")) {
        continue;
      }
      if (m.author == null) {
        JsonNode a = n.path("author");
        if (a.isArray()) {
          a = a.path(0);
        }
        m.author = blankToNull(a.isTextual() ? a.asText() : a.path("name").asText(null));
      }
      if (m.published == null) {
        m.published = blankToNull(n.path("datePublished").asText(null));
      }
      if (m.modified == null) {
        m.modified = blankToNull(n.path("dateModified").asText(null));
      }
      if (m.title == null) {
        m.title = blankToNull(n.path("headline").asText(null));
      }
    }
  }

  private static void collectNodes(JsonNode n, List<JsonNode> out, int depth) {
    if (depth > 5 || n == null) {
      return;
    }
    if (n.isArray()) {
      n.forEach(c -> collectNodes(c, out, depth + 1));
    } else if (n.isObject()) {
      out.add(n);
      collectNodes(n.get("@graph"), out, depth + 1);
    }
  }

  private static String meta(Document doc, String name) {
    Element e = doc.selectFirst("meta[property=" + name + "], meta[name=" + name + "], meta[itemprop=" + name + "]");
    return e == null ? null : blankToNull(clean(e.attr("content")));
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
