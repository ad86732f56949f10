package org.claimcheck.article;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.claimcheck.Json;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One per page. A page's metadata from its meta tags (Open Graph, Twitter, Dublin Core, article:*, itemprop), its
 * JSON-LD (Article, NewsArticle, BlogPosting, WebPage, ... also inside {@code @graph}), its {@code <html lang>} and its
 * canonical link. Meta tags win over JSON-LD; each field is null when the page does not say.
 */
final class PageMetadata {
  String title;
  String author;
  String published;
  String modified;
  String language;
  String canonical;
  /** The document's own {@code <title>}, for telling the headline apart from the article. */
  String documentTitle;

  private PageMetadata() {}

  static PageMetadata of(Document doc) {
    PageMetadata m = new PageMetadata();
    Map<String, String> meta = new HashMap<>();
    String canonical = null;
    List<String> jsonLd = new ArrayList<>();
    for (Element e : doc.getAllElements()) {
      switch (e.normalName()) {
        case "meta" -> {
          String content = e.attr("content");
          if (!content.isBlank()) {
            for (String key : List.of("property", "name", "itemprop", "http-equiv")) {
              String k = e.attr(key).toLowerCase(Locale.ROOT).strip();
              if (!k.isEmpty()) {
                meta.putIfAbsent(k, TextExtractor.clean(content));
              }
            }
          }
        }
        case "link" -> {
          if (canonical == null && e.attr("rel").equalsIgnoreCase("canonical") && e.hasAttr("href")) {
            canonical = blankToNull(e.absUrl("href"));
            if (canonical == null) {
              canonical = blankToNull(e.attr("href"));
            }
          }
        }
        case "script" -> {
          if (e.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
            jsonLd.add(e.data());
          }
        }
        default -> { }
      }
    }
    m.documentTitle = blankToNull(TextExtractor.clean(doc.title()));
    m.title = first(meta, "og:title", "twitter:title", "dc.title", "headline");
    m.author = first(meta, "author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author");
    if (m.author != null && m.author.startsWith("http")) {
      m.author = null; // article:author is often the author's profile page
    }
    m.published = first(meta, "article:published_time", "datepublished", "og:published_time", "dc.date",
        "dc.date.issued", "date", "pubdate", "publish-date", "sailthru.date", "parsely-pub-date");
    m.modified = first(meta, "article:modified_time", "datemodified", "og:updated_time", "last-modified");
    Element html = doc.selectFirst("html");
    m.language = html != null ? blankToNull(html.attr("lang")) : null;
    if (m.language == null) {
      m.language = first(meta, "og:locale", "content-language", "language", "dc.language");
    }
    m.canonical = canonical;
    for (String json : jsonLd) {
      readJsonLd(json, m);
    }
    if (m.title == null) {
      m.title = m.documentTitle;
    }
    return m;
  }

  private static void readJsonLd(String json, PageMetadata m) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json);
    } catch (Exception e) {
      return; // broken JSON-LD is common; the meta tags still count
    }
    List<JsonNode> nodes = new ArrayList<>();
    collect(root, nodes, 0);
    for (JsonNode n : nodes) {
      JsonNode t = n.path("@type");
      String type = t.isArray() ? t.path(0).asText("") : t.asText("");
      if (!type.matches("(?i).*(Article|BlogPosting|WebPage|Report|Posting|Story).*")) {
        continue;
      }
      if (m.author == null) {
        m.author = author(n.path("author"));
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
      if (m.language == null) {
        m.language = blankToNull(n.path("inLanguage").asText(null));
      }
    }
  }

  /** An author given as a string, an object with a name, or a list of either (names joined with commas). */
  private static String author(JsonNode a) {
    if (a.isTextual()) {
      return blankToNull(a.asText());
    }
    if (a.isObject()) {
      return blankToNull(a.path("name").asText(null));
    }
    if (a.isArray()) {
      List<String> names = new ArrayList<>();
      for (JsonNode x : a) {
        String name = author(x);
        if (name != null && !names.contains(name)) {
          names.add(name);
        }
      }
      return names.isEmpty() ? null : String.join(", ", names);
    }
    return null;
  }

  private static void collect(JsonNode n, List<JsonNode> out, int depth) {
    if (depth > 5 || n == null) {
      return;
    }
    if (n.isArray()) {
      n.forEach(c -> collect(c, out, depth + 1));
    } else if (n.isObject()) {
      out.add(n);
      collect(n.get("@graph"), out, depth + 1);
      collect(n.get("mainEntity"), out, depth + 1);
    }
  }

  private static String first(Map<String, String> meta, String... keys) {
    for (String k : keys) {
      String v = blankToNull(meta.get(k));
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
