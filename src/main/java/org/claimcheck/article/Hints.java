package org.claimcheck.article;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Thread-safe (stateless). What an element's class, id and role say about it: boilerplate (menus, share bars,
 * comments, related posts, cookie banners, newsletter boxes, advertising) or article content. Generic web vocabulary
 * only: no rule names a site.
 */
final class Hints {
  /** Whole words (class/id tokens split at non-letters and camelCase) that mark boilerplate. */
  private static final Set<String> BAD_WORDS = Set.of("nav", "navbar", "navigation", "menu", "menus", "footer",
      "masthead", "sidebar", "rail", "breadcrumb", "breadcrumbs", "cookie", "cookies", "consent", "gdpr", "share",
      "shares", "sharing", "social", "related", "recommend", "recommended", "recommendations", "comment",
      "comments", "respond", "reply", "replies", "subscribe", "subscription", "newsletter", "signup", "promo",
      "promotion", "advert", "advertisement", "sponsor", "sponsored", "popup", "modal",
      "tags", "byline", "author", "disqus", "outbrain", "taboola", "login", "signin", "caption", "captions",
      "credit", "credits", "gallery", "slideshow", "carousel", "lightbox", "signature", "signatures", "userinfo",
      "postprofile", "poster", "avatar");

  /**
   * Whole words that mark boilerplate or media around the article, which may still hold some of its prose. "ad" is
   * one: ad slots hold no prose, and layouts name wrappers after them ("page-ad-margins"); "extras" a forum
   * member's details beside a post ("message-userExtras": joined, posts).
   */
  private static final Set<String> WEAK_WORDS = Set.of("banner", "widget", "widgets", "toolbar", "tools", "skip",
      "pagination", "pager", "rss", "print", "more", "trending", "popular", "disclaimer", "overlay",
      "video", "figure", "photo", "photos", "media", "ad", "ads", "adsense", "extras");

  /** Whole words that mark the article itself. */
  private static final Set<String> GOOD_WORDS = Set.of("article", "content", "entry", "post", "story", "body",
      "text", "main", "blog", "hentry", "prose", "articlebody");

  private Hints() {}

  /** Boilerplate. */
  static final int BAD = -2;
  /** Boilerplate or media that may hold some of the article's prose. */
  static final int WEAK = -1;
  /** The article. */
  static final int GOOD = 1;

  /**
   * {@link #BAD}, {@link #WEAK}, {@link #GOOD}, or 0 for neither (or no class, id or role). A boilerplate word beside
   * a content word ("content-with-sidebar", "article-comments") is only {@link #WEAK}.
   */
  static int of(Element e) {
    String cls = e.className();
    String id = e.id();
    String role = e.attr("role");
    if (cls.isEmpty() && id.isEmpty() && role.isEmpty()) {
      return 0;
    }
    String tag = e.normalName();
    if (tag.equals("body") || tag.equals("html") || tag.equals("article") || tag.equals("main")) {
      return GOOD; // WordPress and friends put every category and tag of a post in these elements' classes
    }
    if (role.equals("navigation") || role.equals("banner") || role.equals("complementary")
        || role.equals("contentinfo") || role.equals("dialog") || role.equals("alert")) {
      return BAD;
    }
    boolean bad = false;
    boolean weak = false;
    boolean good = false;
    String s = cls + " " + id;
    int n = s.length();
    int start = 0;
    for (int i = 0; i <= n; i++) {
      boolean end = i == n;
      char c = end ? ' ' : s.charAt(i);
      boolean boundary = end || !Character.isLetter(c)
          || i > start && Character.isUpperCase(c) && Character.isLowerCase(s.charAt(i - 1));
      if (boundary) {
        if (i > start) {
          String word = s.substring(start, i).toLowerCase(Locale.ROOT);
          bad |= BAD_WORDS.contains(word);
          weak |= WEAK_WORDS.contains(word);
          good |= GOOD_WORDS.contains(word);
        }
        start = end || Character.isLetter(c) ? i : i + 1;
      }
    }
    // "content-with-sidebar", "article-comments": a wrapper or a part, the prose inside decides.
    return bad ? (good ? WEAK : BAD) : weak ? WEAK : good ? GOOD : 0;
  }
}
