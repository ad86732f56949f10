package org.claimcheck.article;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * One per page; not thread-safe. Finds the article's blocks in the body of a parsed page. The page is read once
 * ({@link #of}); {@link #blocks} may then be asked for with several {@link Settings} (the benchmark tunes them).
 *
 * <ol>
 *   <li>One walk over the DOM turns it into text blocks (headings, paragraphs, list items, data table rows, and runs
 *       of text that sit directly in a container), each with its length, its link text and its element. Scripts,
 *       styles, forms' controls and elements hidden by an inline style are skipped.</li>
 *   <li>Each block is weighed. Prose (long enough, punctuated, mostly not links) is evidence for the elements that
 *       hold it. Link text, short text and any text under boilerplate (junk tags such as nav, footer, aside, figure;
 *       class, id or role hints such as menu, share, comments, related, newsletter, cookie, caption) is evidence
 *       against. Blurbs under linked headlines (lists of related articles) count neither way. The container is the
 *       element that maximises the evidence for minus the evidence against: tight enough to leave the page chrome
 *       out, wide enough to keep every part of an article that ads or embeds cut in pieces.</li>
 *   <li>The container's blocks are kept unless they lie under boilerplate inside it, are mostly links or page
 *       furniture ({@link BoilerplateText}); short lines before the first prose block and after the last (headline,
 *       byline, dateline, "tags") go too.</li>
 *   <li>Class hints are trusted first; when they leave out most of the page's prose (a site that puts "modal" or
 *       "sidebar" on the element wrapping everything) the choice is made again without them, then without junk
 *       tags.</li>
 * </ol>
 */
final class MainContent {
  private static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "body", "center",
      "dd", "details", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
      "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
      "summary", "table", "tbody", "thead", "tfoot", "td", "th", "tr", "ul", "caption", "legend", "frameset");
  private static final Set<String> SKIP_TAGS = Set.of("script", "style", "noscript", "template", "svg", "canvas",
      "iframe", "object", "embed", "video", "audio", "map", "button", "select", "textarea", "input", "option",
      "dialog", "link", "meta", "head", "title", "base", "frame", "math", "datalist", "progress", "meter");
  private static final Set<String> JUNK_TAGS = Set.of("nav", "footer", "aside", "header", "menu", "figure",
      "figcaption");
  /** The text of a footnote or citation marker in brackets, or of symbols that mark one: [1], [2,3], [4-6], *, †. */
  private static final Pattern MARKER =
      Pattern.compile("\\[\\d{1,3}(\\s*[,\u2013-]\\s*\\d{1,3})*]|[*\u2020\u2021\u00a7\u00b6]{1,3}");
  /** Several reference numbers: 1,2 or 3-5 (an exponent is one number). */
  private static final Pattern NUMBERS = Pattern.compile("\\d{1,3}(\\s*[,\u2013-]\\s*\\d{1,3})+");
  /**
   * A bracketed reference number in running text: glued to the word or full stop before it ("clots[5] and",
   * "age.[2,3] For"), or after a space before punctuation ("hot flushes [1].").
   */
  private static final Pattern CITATION = Pattern.compile("(?<=[\\p{L}\\p{N}.,;:!?)\"\u201d\u2019%])"
      + "\\[\\d{1,3}(\\s*[,\u2013-]\\s*\\d{1,3})*](?=[\\s.,;:!?)]|$)"
      + "|\\s\\[\\d{1,3}(\\s*[,\u2013-]\\s*\\d{1,3})*](?=[.,;:!?])");
  /**
   * Words that open a box of page furniture: a newsletter sign-up, an author's bio, an ad or an offer, links
   * elsewhere.
   */
  private static final Pattern FURNITURE = Pattern.compile("\\b(newsletters?|subscribe|sign up|inbox|about the author|"
      + "about us|advertisement|sponsored|related|read (more|next)|more from|you may also like|most (read|popular)|"
      + "trending|follow us|share this|premium|free trial|cancel any ?time|promo code|discount|buy now|shop now|"
      + "order now)\\b", Pattern.CASE_INSENSITIVE);
  /**
   * The heading of a box of page furniture: picks and recommendations, a quiz or a poll, the site's experts or
   * authors introduced.
   */
  private static final Pattern FURNITURE_HEADING = Pattern.compile("\\b(editor'?s'? (picks?|choice)|our (top )?picks|"
      + "top picks|quiz(zes)?|test yourself|poll|survey|meet (our|the) (expert|team|author|doctor|reviewer|panel)s?|"
      + "about (the|our) (expert|reviewer|doctor)s?|(you )?(may|might) also like|recommended (for you|reading|articles|"
      + "stories)|(most|more) popular|popular (articles|stories|posts)|"
      + "more (articles|stories|from us|on this)|latest (news|articles|stories)|in case you missed it)\\b",
      Pattern.CASE_INSENSITIVE);
  /** Words anywhere in a box that make it the site's notice, not the article's: cookies, consent, a site's terms. */
  private static final Pattern NOTICE = Pattern.compile("\\b(we use cookies|use of cookies|cookie (policy|settings|"
      + "preferences|notice)|accept (all )?cookies|by continuing to (browse|use)|privacy policy|terms of (use|service)|"
      + "take (our|the|this) quiz|symptom checker)\\b", Pattern.CASE_INSENSITIVE);
  /** The words of a control to buy. */
  private static final Pattern BUY = Pattern.compile("(add to (cart|basket|bag|trolley)|buy( it)? now|shop now|"
      + "order now|pre-?order now)\\b", Pattern.CASE_INSENSITIVE);
  /** The most text a product box holds. */
  private static final int PRODUCT_BOX_CHARS = 500;
  /** A form of be, have or a modal verb: a caption that has one states something. */
  private static final Pattern STATES = Pattern.compile("\\b(is|are|was|were|has|have|had|can|cannot|could|may|might|"
      + "will|would|should|must|does|do|did)\\b", Pattern.CASE_INSENSITIVE);
  /** The opening of a caption's credit. */
  private static final Pattern CREDIT = Pattern.compile("\\s*(photo(graph)?|image|picture|illustration|graphic|video|"
      + "source|credit|courtesy)s?( credit)?\\s*:", Pattern.CASE_INSENSITIVE);
  /**
   * A paragraph's last sentence that is a call to the reader: to comment, or to use the site's own tool. It follows
   * another sentence of the paragraph.
   */
  private static final Pattern CLOSING_CALL = Pattern.compile("(?<=[.!?][\"\u201d\u2019)]?)\\s+"
      + "((let us know|tell us)\\b"
      + "[^.!?]{0,60}|[^.!?]{0,80}\\b(with|using|on|in) our (free |online )?(calculator|tool|quiz|checker|symptom "
      + "checker|app|planner|tracker)\\b[^.!?]{0,40})"
      + "[.!?]$", Pattern.CASE_INSENSITIVE);
  /** The text of a link back from a footnote to its marker. */
  private static final Pattern BACK_LINK = Pattern.compile("[\u21a9\u2191\u2934^]\\uFE0E?");

  /**
   * The knobs of the method, with defaults; the benchmark's cross-validation tunes them on one half of the pages and
   * scores the other half.
   *
   * @param linkInProse evidence against per character of link text inside a prose block
   * @param link evidence against per character of link text elsewhere
   * @param shortText evidence against per character of short, non-link, non-prose text
   * @param minProse characters outside links a block needs to count as prose
   * @param maxLinkDensity share of link text above which a block is neither prose nor kept
   * @param teaserChars longest blurb under a linked headline that counts as a teaser
   * @param siblingShare a sibling of the container joins it when its net evidence is positive and its prose at least
   *     this share of the container's
   */
  record Settings(double linkInProse, double link, double shortText, int minProse, double maxLinkDensity,
      int teaserChars, double siblingShare) {
    static final Settings DEFAULTS = new Settings(0.5, 1, 0.25, 25, 0.7, 400, 0.2);

    Settings {
      if (!(linkInProse >= 0 && link >= 0 && shortText >= 0 && minProse >= 0 && maxLinkDensity > 0
          && maxLinkDensity <= 1 && teaserChars >= 0 && siblingShare >= 0)) {
        throw new IllegalArgumentException("bad extractor settings: " + linkInProse + ", " + link + ", "
            + shortText + ", " + minProse + ", " + maxLinkDensity + ", " + teaserChars + ", " + siblingShare);
      }
    }
  }

  /** A text block found in the page, before it is kept or dropped. */
  private static final class Draft {
    final Info owner;
    final Block.Kind kind;
    final String text;
    final int chars;
    final int linkChars;
    final int punctuation;
    final int words;
    final int links;
    double good;
    boolean teaser;
    boolean kept;
    /** For a table's header row: how many columns the separator under it has (0: not a header row). */
    int columns;

    Draft(Info owner, Block.Kind kind, String text, int linkChars, int links) {
      this.owner = owner;
      this.links = links;
      this.kind = kind;
      this.text = text;
      this.chars = text.length();
      this.linkChars = Math.min(linkChars, text.length());
      int p = 0;
      int w = 0;
      boolean inWord = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\u3002' || c == '\uff0c'
            || c == '\u3001' || c == '\u060c' || c == '\u061f') {
          p++;
        }
        boolean space = c == ' ';
        if (!space && !inWord) {
          w++;
        }
        inWord = !space;
      }
      this.punctuation = p;
      this.words = w;
    }

    double linkDensity() {
      return chars == 0 ? 0 : (double) linkChars / chars;
    }
  }

  /** What is known about one element (not the element itself: the page can go once it has been read). */
  private static final class Info {
    final Info parent;
    final String tag;
    final int depth;
    final int hint;
    final boolean junkTag;
    final boolean blockquote;
    /** A figure or its caption: media, but a quote in it, or a caption in full sentences, is the article's. */
    final boolean figure;
    /** A link to a place in the page itself (href "#..."), inside a heading: the heading's anchor, not a link away. */
    final boolean anchor;
    final boolean articleHeader;
    /** A <main> (or role "main") that holds no <article>: the article and perhaps the page's boxes after it. */
    final boolean main;
    /** For a {@link #main}: its first and last prose drafts outside junk tags (-1: none). */
    int mainFirstProse = -1;
    int mainLastProse = -1;
    /** An <aside> that is not page furniture: a box of the article's own when it lies inside the article. */
    final boolean box;
    /** The first and last drafts under this element (-1: none). */
    int firstDraft = -1;
    int lastDraft = -1;
    /** For a container of the article: its first and last prose drafts outside junk tags (-1: none). */
    int firstProse = -1;
    int lastProse = -1;
    double good;
    double bad;
    double prose;
    boolean root;
    /** Characters of text under this element. */
    int chars;
    /** Holds a control to buy something ("Add to cart", "Buy now"). */
    boolean buy;
    /** A product box: the widest element around a control to buy that holds only a little text. */
    boolean shop;

    Info(Element el, Info parent) {
      this.parent = parent;
      this.depth = parent == null ? 0 : parent.depth + 1;
      this.hint = Hints.of(el);
      String tag = el.normalName();
      this.tag = tag;
      // An <aside> inside an <article> is the article's own box (a callout, "Did you know?", "Warning"), not the
      // page's sidebar, unless it is page furniture; one of related links is still dropped by its links and its class
      // words. Elsewhere (a <main>, a div) an aside is the article's box only where the article's prose runs on both
      // sides of it, in the chosen container (isBoxOf) or in a <main> holding no <article> (amongMainProse): a <main>
      // holds the page's teasers, notices and bios after the article as often as the article's callouts.
      this.main = (tag.equals("main") || el.attr("role").equals("main")) && el.selectFirst("article") == null;
      this.box = tag.equals("aside") && !isFurniture(el);
      this.junkTag = JUNK_TAGS.contains(tag) && !(box && within(parent, "article"));
      // A <header> inside an <article> is the article's own, not the page's banner (as HTML's landmark rules have
      // it): its h1 is the article's headline; its other lines (byline, "5 min read", "Medically reviewed by") are
      // not.
      this.articleHeader = tag.equals("header") && within(parent, "article");
      this.blockquote = tag.equals("blockquote");
      this.figure = tag.equals("figure") || tag.equals("figcaption");
      this.anchor = tag.equals("a") && el.attr("href").startsWith("#") && isHeading(parent);
    }

    private static boolean within(Info i, String tag) {
      for (Info x = i; x != null; x = x.parent) {
        if (x.tag.equals(tag)) {
          return true;
        }
      }
      return false;
    }
  }

  private final List<Draft> drafts = new ArrayList<>();
  private final List<Info> infos = new ArrayList<>();
  private final Info root;
  private final List<String> titles;
  /** Prose above which an element with a weak boilerplate hint is taken for a wrapper of the page. */
  private double wrapper;

  private MainContent(Element body, List<String> titles) {
    this.titles = titles;
    this.root = new Info(body, null);
    infos.add(root);
    NodeTraversor.traverse(new Collector(root), body);
    markProductBoxes();
  }

  /** Reads {@code body}; {@code titles} are the page's titles (a heading that repeats one is not article text). */
  static MainContent of(Element body, List<String> titles) {
    return new MainContent(body, titles);
  }

  /** The article's blocks in {@code body} with the default settings. */
  static List<Block> extract(Element body, List<String> titles) {
    return of(body, titles).blocks(Settings.DEFAULTS);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 1. Blocks

  /** One walk over the body: text blocks with their link text, and an Info per element. */
  private final class Collector implements NodeVisitor {
    private final StringBuilder run = new StringBuilder();
    private Info current;
    private Info runOwner;
    private int runLinkChars;
    private int runLinks;
    private boolean linkCounted;
    private int linkDepth;
    private int skipDepth;
    private int breaks;
    /** A footnote marker was left out just before: text glued to it after a full stop starts a new sentence. */
    private boolean gap;
    /** How many figcaptions the walk is in. */
    private int captions;
    private Element row;
    /** The columns of the current table row so far, and the cell separators written for them. */
    private int cells;
    private int separators;
    /** Whether the current table row is the last of its table's header rows. */
    private boolean headerRow;
    /** Cells spanning rows below their own (rowspan), by column, in the table {@link #carryTable}. */
    private final Map<Integer, Carry> carried = new HashMap<>();
    private Element carryTable;

    Collector(Info root) {
      this.current = root;
    }

    @Override
    public void head(Node node, int depth) {
      if (skipDepth > 0) {
        if (node instanceof Element) {
          skipDepth++;
        }
        return;
      }
      if (node instanceof TextNode t) {
        text(t.getWholeText());
        return;
      }
      if (!(node instanceof Element e) || depth == 0) {
        return;
      }
      String tag = e.normalName();
      if ((tag.equals("button") || tag.equals("a") || tag.equals("input")) && isBuyControl(e)) {
        current.buy = true;
      }
      if (SKIP_TAGS.contains(tag) || isHidden(e)) {
        skipDepth = 1;
        return;
      }
      if (captions > 0 && !BLOCK_TAGS.contains(tag) && isCredit(e)) {
        skipDepth = 1; // "... a regular tablet. <span class='credit'>Photo: Getty Images</span>"
        return;
      }
      if ((tag.equals("sup") || tag.equals("a")) && isMarker(e, tag)) {
        skipDepth = 1; // "... breast cancer.<sup>1</sup> Later ...": the sentence ends at its full stop
        gap = true;
        return;
      }
      Info info = new Info(e, current);
      infos.add(info);
      current = info;
      if (tag.equals("br")) {
        breaks++;
        return;
      }
      if (tag.equals("figcaption")) {
        captions++;
      }
      if (tag.equals("a") && !info.anchor) {
        linkDepth++;
        linkCounted = false;
      }
      if (row != null) {
        if (tag.equals("td") || tag.equals("th")) {
          fillCarried();
          separate(cells); // an empty cell keeps its place, or the columns after it would shift
          int rows = rowSpan(e);
          if (rows > 1) {
            carried.put(cells, new Carry(e.text().strip(), span(e), rows));
          }
          cells += span(e);
        }
        return;
      }
      if (BLOCK_TAGS.contains(tag)) {
        flush(null);
        if (tag.equals("tr") && isDataRow(e)) {
          row = e;
          runOwner = info;
          Element table = e.closest("table");
          if (table != carryTable) {
            carried.clear();
            carryTable = table;
          }
          cells = 0;
          separators = 0;
          headerRow = isHeaderRow(e) && !isHeaderRow(nextRow(e));
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (skipDepth > 0) {
        if (node instanceof Element) {
          skipDepth--;
        }
        return;
      }
      if (!(node instanceof Element e) || depth == 0) {
        return;
      }
      boolean anchor = current.anchor;
      current = current.parent;
      String tag = e.normalName();
      if (tag.equals("figcaption")) {
        captions--;
      }
      if (tag.equals("a") && !anchor) {
        linkDepth--;
      }
      if (e == row) {
        fillCarried();
        carried.values().removeIf(c -> --c.rows <= 0);
        row = null;
        separate(cells - 1); // the columns the last cell spans
        int before = drafts.size();
        flush(Block.Kind.TABLE_ROW);
        if (headerRow && drafts.size() > before) {
          drafts.getLast().columns = cells;
        }
      } else if (row == null && BLOCK_TAGS.contains(tag)) {
        flush(null);
      }
    }

    /** Appends text with white space collapsed; two line breaks in a row end a block. */
    private void text(String s) {
      boolean space = run.length() > 0 && run.charAt(run.length() - 1) == ' ';
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (isSpace(c)) {
          if (!space && run.length() > 0) {
            run.append(' ');
            space = true;
          }
          continue;
        }
        if (breaks >= 2 && row == null) {
          flush(null);
        } else if (!space && run.length() > 0
            && (breaks == 1 || gap && ".!?".indexOf(run.charAt(run.length() - 1)) >= 0)) {
          run.append(' '); // a line break separates words, and so does a marker after a full stop
        }
        breaks = 0;
        gap = false;
        if (run.length() == 0 && row == null) {
          runOwner = current;
        }
        run.append(c);
        space = false;
        if (linkDepth > 0) {
          runLinkChars++;
          if (!linkCounted) {
            runLinks++;
            linkCounted = true;
          }
        }
      }
    }

    /**
     * Whether {@code e} (a sup or a link) is a footnote or citation marker rather than text: a link within the page
     * ("#fn1") or a sup holding one, whose text is a reference number, a bracketed one ("[1]", "[2,3]"), a symbol
     * ("*", "\u2020") or a link back ("\u21a9"); a sup of several numbers ("1,2", "3-5"); a sup of one number right
     * after a full stop or a word (not after a digit or a unit: 10<sup>9</sup>/L and m<sup>2</sup> are text, and so is
     * 1<sup>st</sup>; nor glued to a letter after it, after a word: the <sup>13</sup>C-urea breath test).
     */
    private boolean isMarker(Element e, String tag) {
      String text = e.text().strip();
      if (text.isEmpty() || text.length() > 12) {
        return false;
      }
      boolean inPage = tag.equals("a") ? e.attr("href").startsWith("#")
          : e.selectFirst("a[href^=#]") != null || e.parent() != null && e.parent().normalName().equals("a")
              && e.parent().attr("href").startsWith("#");
      if (MARKER.matcher(text).matches() || BACK_LINK.matcher(text).matches()) {
        return tag.equals("sup") || inPage && !isHeading(current);
      }
      if (!tag.equals("sup")) {
        return false;
      }
      if (NUMBERS.matcher(text).matches() || inPage && text.matches("\\d{1,3}|[a-z]")) {
        return true;
      }
      return text.matches("\\d{1,3}") && afterWordOrStop() && !(prefixes(e) && !afterStop());
    }

    /**
     * Whether the sup {@code e} is glued to a letter after it, as a mass number is to its element (the
     * <sup>13</sup>C-urea breath test, <sup>131</sup>I): a prefix of the word, not a marker after the one before.
     */
    private static boolean prefixes(Element e) {
      Node next = e.nextSibling();
      String after = next instanceof TextNode t ? t.getWholeText()
          : next instanceof Element n && !BLOCK_TAGS.contains(n.normalName()) ? n.text() : "";
      return !after.isEmpty() && Character.isLetter(after.charAt(0));
    }

    /** Whether the text so far ends with a sentence's full stop, question or exclamation mark (spaces aside). */
    private boolean afterStop() {
      int end = run.length();
      while (end > 0 && run.charAt(end - 1) == ' ') {
        end--;
      }
      return end > 0 && ".!?".indexOf(run.charAt(end - 1)) >= 0;
    }

    /** Whether the text so far ends with a full stop or the like, or with a word that is no unit (m, cm, kg/m). */
    private boolean afterWordOrStop() {
      int end = run.length();
      while (end > 0 && run.charAt(end - 1) == ' ') {
        end--;
      }
      if (end == 0) {
        return false;
      }
      char last = run.charAt(end - 1);
      if (".,;:!?)\"\u201d\u2019".indexOf(last) >= 0) {
        return true;
      }
      int start = end;
      while (start > 0 && Character.isLetter(run.charAt(start - 1))) {
        start--;
      }
      return end - start >= 3 && (start == 0 || run.charAt(start - 1) != '/');
    }

    /**
     * Writes the cells of rows above that span down to the current column ("Atorvastatin" over its 10 mg and 80 mg
     * rows), so that each row names its own label and its cells keep their columns.
     */
    private void fillCarried() {
      for (Carry c = carried.get(cells); c != null && c.rows > 0; c = carried.get(cells)) {
        separate(cells);
        run.append(c.text);
        cells += c.span;
      }
    }

    /** Ends the row's cells until {@code n} separators are written. */
    private void separate(int n) {
      while (separators < n) {
        trimRun();
        run.append(separators == 0 && run.isEmpty() ? "| " : " | ");
        separators++;
      }
    }

    private void trimRun() {
      int end = run.length();
      while (end > 0 && run.charAt(end - 1) == ' ') {
        end--;
      }
      run.setLength(end);
    }

    private void flush(Block.Kind forced) {
      breaks = 0;
      trimRun();
      if (forced == Block.Kind.TABLE_ROW && run.chars().allMatch(c -> c == '|' || c == ' ')) {
        run.setLength(0); // a row of empty cells
      }
      if (run.length() > 0 && runOwner != null) {
        drafts.add(new Draft(runOwner, forced != null ? forced : kindOf(runOwner), run.toString(), runLinkChars,
            runLinks));
      }
      run.setLength(0);
      runLinkChars = 0;
      runLinks = 0;
      runOwner = null;
    }
  }

  private static boolean isSpace(char c) {
    // Everything String.strip() and isBlank() treat as white space (U+000B, U+001C..U+001F, ...) must collapse here
    // too, or a block of only such characters reaches Block's check (found by TextExtractorFuzzTest).
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '\ufeff' || c == '\u0085';
  }

  /** The kind of a block from the element that holds it and its ancestors up to the nearest block element. */
  private static Block.Kind kindOf(Info owner) {
    for (Info i = owner; i != null; i = i.parent) {
      String tag = i.tag;
      switch (tag) {
        case "h1", "h2", "h3", "h4", "h5", "h6", "dt" -> {
          return Block.Kind.HEADING;
        }
        case "li", "dd" -> {
          return Block.Kind.LIST_ITEM;
        }
        default -> {
          if (i.depth == 0 || BLOCK_TAGS.contains(tag) && !tag.equals("p")) {
            return Block.Kind.PARAGRAPH;
          }
        }
      }
    }
    return Block.Kind.PARAGRAPH;
  }

  /**
   * Whether an aside is page furniture whatever it holds: a sign-up form, an ad frame, a link to an author's page, a
   * class of boilerplate, opening words such as "Newsletter", "About the author", "Related", "Advertisement", a heading
   * such as "Editor's picks", "Take our quiz", "Meet our expert", or a site's notice anywhere in it (cookies, terms).
   */
  private static boolean isFurniture(Element aside) {
    if (aside.selectFirst("form, input, button, select, textarea, iframe, ins, a[rel~=author], a[href*=/author/]")
        != null) {
      return true;
    }
    for (Element e = aside; e != null; e = e.children().size() == 1 ? e.child(0) : null) {
      if (Hints.of(e) == Hints.BAD) {
        return true;
      }
    }
    Element heading = aside.selectFirst("h1, h2, h3, h4, h5, h6, header, strong, b, .title, [class*=heading]");
    if (heading != null && heading.text().length() <= 80 && FURNITURE_HEADING.matcher(heading.text()).find()) {
      return true;
    }
    String text = aside.text();
    return FURNITURE.matcher(text.substring(0, Math.min(text.length(), 100))).find() || NOTICE.matcher(text).find();
  }

  /** Whether {@code e} (a button, a link or an input) is a control to buy: "Add to cart", "Buy now", "Shop now". */
  private static boolean isBuyControl(Element e) {
    String text = e.normalName().equals("input") ? e.attr("value") : e.childNodeSize() > 8 ? "" : e.text();
    return text.length() <= 40 && BUY.matcher(text.strip()).lookingAt();
  }

  /**
   * Marks the product boxes that a shop puts inside its articles (a picture, the product's name as a linked heading,
   * selling points, stars and "2,318 reviews", a price, "Add to cart"): around each control to buy, the widest element
   * below the page's landmarks that holds at most {@link #PRODUCT_BOX_CHARS} characters of text.
   */
  private void markProductBoxes() {
    for (Draft d : drafts) {
      for (Info i = d.owner; i != null; i = i.parent) {
        i.chars += d.chars;
      }
    }
    for (Info i : infos) {
      if (!i.buy) {
        continue;
      }
      Info box = null;
      for (Info x = i; x.parent != null && x.chars <= PRODUCT_BOX_CHARS && !x.main && !x.tag.equals("main")
          && !x.tag.equals("article"); x = x.parent) {
        box = x;
      }
      if (box != null) {
        box.shop = true;
      }
    }
  }

  /** A cell spanning the rows below its own: its text, its columns, and the rows it still covers with its own. */
  private static final class Carry {
    final String text;
    final int span;
    int rows;

    Carry(String text, int span, int rows) {
      this.text = text;
      this.span = span;
      this.rows = rows;
    }
  }

  /** How many rows a table cell spans (1 to 50). */
  private static int rowSpan(Element cell) {
    String s = cell.attr("rowspan").strip();
    if (!s.matches("\\d{1,2}")) {
      return 1;
    }
    return Math.max(1, Math.min(50, Integer.parseInt(s)));
  }

  /** How many columns a table cell spans (1 to 20). */
  private static int span(Element cell) {
    String s = cell.attr("colspan").strip();
    if (!s.matches("\\d{1,2}")) {
      return 1;
    }
    return Math.max(1, Math.min(20, Integer.parseInt(s)));
  }

  /** A row of column headers: in a table's head, or of th cells only. */
  private static boolean isHeaderRow(Element tr) {
    if (tr == null) {
      return false;
    }
    if (tr.parent() != null && tr.parent().normalName().equals("thead")) {
      return true;
    }
    boolean any = false;
    for (Element c : tr.children()) {
      if (c.normalName().equals("td")) {
        return false;
      }
      any |= c.normalName().equals("th");
    }
    return any;
  }

  /** The row after {@code tr} in its table (the first of the body after the head), or null. */
  private static Element nextRow(Element tr) {
    for (Element n = tr.nextElementSibling(); n != null; n = n.nextElementSibling()) {
      if (n.normalName().equals("tr")) {
        return n;
      }
    }
    Element section = tr.parent();
    if (section == null || !Set.of("thead", "tbody", "tfoot").contains(section.normalName())) {
      return null;
    }
    for (Element n = section.nextElementSibling(); n != null; n = n.nextElementSibling()) {
      Element first = n.selectFirst("> tr");
      if (first != null) {
        return first;
      }
    }
    return null;
  }

  /** A table row of data: its cells hold no blocks of their own (a layout table's cells do). */
  private static boolean isDataRow(Element tr) {
    for (Element e : tr.getAllElements()) {
      String tag = e.normalName();
      if (e != tr && !tag.equals("td") && !tag.equals("th") && !tag.equals("p") && BLOCK_TAGS.contains(tag)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHidden(Element e) {
    if (e.hasAttr("hidden")) {
      return true;
    }
    String style = e.attr("style");
    if (style.isEmpty()) {
      return false;
    }
    String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
    return s.contains("display:none") || s.contains("visibility:hidden");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 2. The container

  /** The article's blocks with {@code settings}. */
  List<Block> blocks(Settings settings) {
    if (drafts.isEmpty()) {
      return List.of();
    }
    for (Info i : infos) {
      i.prose = 0;
    }
    for (int k = 0; k < drafts.size(); k++) {
      Draft d = drafts.get(k);
      d.good = prose(d, settings);
      for (Info i = d.owner; i != null; i = i.parent) {
        i.prose += d.good;
        i.firstDraft = i.firstDraft < 0 ? k : i.firstDraft;
        i.lastDraft = k;
      }
    }
    for (Info i : infos) {
      i.mainFirstProse = -1;
      i.mainLastProse = -1;
    }
    for (int k = 0; k < drafts.size(); k++) {
      Draft d = drafts.get(k);
      for (Info x = d.good > 0 ? d.owner : null; x != null; x = x.parent) {
        if (x.main) {
          if (!underJunkTag(d.owner, x)) {
            x.mainFirstProse = x.mainFirstProse < 0 ? k : x.mainFirstProse;
            x.mainLastProse = k;
          }
          break;
        }
      }
    }
    double total = root.prose;
    wrapper = 0.5 * total;
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      d.teaser = d.kind == Block.Kind.PARAGRAPH && d.good > 0 && isTeaser(i, settings);
    }
    if (total == 0) {
      return keep(List.of(root), 0, settings, false); // no prose anywhere: whatever is not boilerplate
    }
    List<Block> best = null;
    double bestGood = -1;
    for (int level = 0; level < 3; level++) {
      List<Block> kept = keep(withSiblings(container(level, settings), settings), level, settings, true);
      double good = 0;
      for (Draft d : drafts) {
        if (d.kept) {
          good += d.good;
        }
      }
      if (good >= Math.min(250, 0.5 * total)) {
        return kept;
      }
      if (good > bestGood) {
        best = kept;
        bestGood = good;
      }
    }
    return best;
  }

  /** The element with the most evidence for minus evidence against, trusting boilerplate marks by {@code level}. */
  private Info container(int level, Settings settings) {
    for (Info i : infos) {
      i.good = 0;
      i.bad = 0;
    }
    for (Draft d : drafts) {
      boolean poisoned = underBoilerplate(d, null, level);
      double good = poisoned || d.teaser ? 0 : d.good;
      double bad;
      if (poisoned) {
        bad = d.chars;
      } else if (d.good > 0) {
        bad = settings.linkInProse() * d.linkChars;
      } else if (d.teaser) {
        bad = 0;
      } else {
        bad = settings.link() * d.linkChars + settings.shortText() * (d.chars - d.linkChars);
      }
      for (Info i = d.owner; i != null; i = i.parent) {
        i.good += good;
        i.bad += bad;
      }
    }
    Info best = root;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (Info i : infos) {
      double s = i.good - i.bad;
      if (i.good > 0 && (s > bestScore || s == bestScore && i.depth > best.depth)) {
        bestScore = s;
        best = i;
      }
    }
    return best;
  }

  /**
   * The container and those of its siblings that hold article text too: positive net evidence and enough prose (an
   * article that an ad or an embed cuts in two containers), in page order.
   */
  private List<Info> withSiblings(Info container, Settings settings) {
    if (container.parent == null) {
      return List.of(container);
    }
    List<Info> out = new ArrayList<>();
    List<Info> headings = new ArrayList<>();
    for (Info i : infos) {
      if (i == container || i.parent == container.parent && i.good > i.bad
          && i.good >= settings.siblingShare() * container.good) {
        out.addAll(headings); // the headings between the parts (paragraphs side by side in an article) are its own
        headings.clear();
        out.add(i);
      } else if (!out.isEmpty() && i.parent == container.parent && isHeading(i)) {
        headings.add(i);
      }
    }
    return out;
  }

  /**
   * Whether the prose block {@code i} is the blurb of a teaser: a short text right after a linked headline (author
   * and date lines between them aside), as in lists of related or recommended articles.
   */
  private boolean isTeaser(int i, Settings settings) {
    if (drafts.get(i).chars > settings.teaserChars()) {
      return false;
    }
    for (int j = i - 1; j >= 0 && j >= i - 4; j--) {
      Draft p = drafts.get(j);
      if (p.linkDensity() >= 0.5 && (p.kind == Block.Kind.HEADING || p.chars < 150 && p.words >= 5)) {
        return p.links <= 2; // a share bar or a menu is no headline
      }
      if (p.chars >= 80) {
        return false; // a real paragraph between: not a teaser
      }
    }
    return false;
  }

  /** Prose weight of a block: its text outside links, when it reads like sentences. */
  private static double prose(Draft d, Settings settings) {
    int own = d.chars - d.linkChars;
    if (d.kind == Block.Kind.HEADING || own < settings.minProse() || d.linkDensity() > settings.maxLinkDensity()) {
      return 0;
    }
    if (d.punctuation == 0 && own < 80) {
      return 0;
    }
    return own * (1 - d.linkDensity());
  }

  /**
   * Whether a block lies under boilerplate below {@code container} (null: anywhere). Level 0 trusts junk tags and
   * class hints (a weak hint only marks text that is not prose, and not at all on an element that holds half the
   * page's prose: a wrapper), level 1 junk tags only, level 2 nothing.
   */
  private boolean underBoilerplate(Draft d, Info container, int level) {
    if (level >= 2) {
      return false;
    }
    boolean quoted = false;
    for (Info x = d.owner; x != null && x != container; x = x.parent) {
      if (x.shop) {
        return true;
      }
      if (x.junkTag && !(x.articleHeader && d.kind == Block.Kind.HEADING && levelOf(d.owner) == 1)
          && !(x.box && (container != null && isBoxOf(x, container) || amongMainProse(x)))
          && !(x.figure && container != null && isSentences(d) && isBoxOf(x, container))) {
        return true;
      }
      // Inside the article, an embedded post (a tweet) is a quote it makes, whatever its wrapper's class says.
      quoted |= container != null && x.blockquote && x.hint >= 0;
      if (level == 0 && !quoted && (x.hint == Hints.BAD
          || x.hint == Hints.WEAK && d.good == 0 && x.prose < wrapper)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code d}, in a figure, reads as the article's sentences: a quote the figure holds (a reader's story), a
   * caption that states something ("Figure: Dementia risk by average nightly sleep at age 50. Risk was lowest among
   * people sleeping seven hours."); not a name ("Priya, 34"), a label or a credit, nor a photograph's description ("A
   * handful of magnesium tablets on a kitchen table, photographed for this article.", "A barista pours a latte in a
   * London cafe."): a caption states something where it has a form of be, have or a modal verb.
   */
  private static boolean isSentences(Draft d) {
    if (d.good <= 0 || d.words < 6 || d.kind == Block.Kind.HEADING) {
      return false;
    }
    char last = d.text.charAt(d.text.length() - 1);
    return ".!?\"\u201d".indexOf(last) >= 0 && (Info.within(d.owner, "blockquote") || STATES.matcher(d.text).find());
  }

  /** Whether {@code e}, inline in a caption, is its credit: "Photo: Getty Images", a class such as "credit". */
  private static boolean isCredit(Element e) {
    return Hints.of(e) == Hints.BAD || CREDIT.matcher(e.text()).lookingAt();
  }

  /**
   * Whether {@code aside}, a box that is no page furniture, belongs to the article whose container is
   * {@code container} (not the page's body): the article's prose runs on both sides of it, as around a callout,
   * where a sidebar comes before or after all of it.
   */
  private static boolean isBoxOf(Info aside, Info container) {
    return container.depth > 0 && container.firstProse >= 0 && container.firstProse < aside.firstDraft
        && container.lastProse > aside.lastDraft;
  }

  /**
   * Whether {@code aside}, a box that is no page furniture, lies inside a {@code <main>} holding no {@code <article>}
   * with the main's prose on both sides of it: a callout of the article that the main is, where the boxes after the
   * article (teasers, notices, a bio, a quiz) are not.
   */
  private static boolean amongMainProse(Info aside) {
    for (Info x = aside.parent; x != null; x = x.parent) {
      if (x.main) {
        return x.mainFirstProse >= 0 && x.mainFirstProse < aside.firstDraft && x.mainLastProse > aside.lastDraft;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 3. The blocks kept

  /** The blocks under {@code roots} that are article text; {@code trim} drops short lines before and after prose. */
  private List<Block> keep(List<Info> roots, int level, Settings settings, boolean trim) {
    for (Info r : roots) {
      r.root = true;
      r.firstProse = -1;
      r.lastProse = -1;
    }
    for (int k = 0; k < drafts.size(); k++) {
      Draft d = drafts.get(k);
      Info r = d.good > 0 ? rootOf(d.owner) : null;
      if (r != null && !underJunkTag(d.owner, r)) {
        r.firstProse = r.firstProse < 0 ? k : r.firstProse;
        r.lastProse = k;
      }
    }
    List<Draft> kept = new ArrayList<>();
    // The value of a term that is page furniture is furniture too: a forum member's "Joined:" and "Messages:", and
    // the date and count under them ("Mar 2019", "1,482").
    boolean furnitureTerm = false;
    for (Draft d : drafts) {
      d.kept = false;
      Info r = rootOf(d.owner);
      boolean furnitureValue = furnitureTerm && blockTag(d.owner).equals("dd");
      furnitureTerm = false;
      if (r != null && !underBoilerplate(d, r, level) && d.linkDensity() <= settings.maxLinkDensity()) {
        if (BoilerplateText.is(d.text)) {
          furnitureTerm = blockTag(d.owner).equals("dt");
        } else if (!furnitureValue) {
          kept.add(d);
        }
      }
    }
    for (Info r : roots) {
      r.root = false;
    }
    List<Block> out = new ArrayList<>();
    if (!trim) {
      kept.forEach(d -> take(d, out));
      return out;
    }
    // Before the first prose and after the last: headline, byline, dateline, labels. A heading stays when prose
    // follows it, unless it repeats the title; other short lines go.
    int first = 0;
    while (first < kept.size() && kept.get(first).good == 0) {
      first++;
    }
    int last = kept.size() - 1;
    while (last >= 0 && kept.get(last).good == 0) {
      last--;
    }
    for (int i = first; i <= last; i++) {
      take(kept.get(i), out);
    }
    for (int i = Math.min(first, kept.size()) - 1; i >= 0; i--) {
      Draft d = kept.get(i);
      if (d.kind == Block.Kind.HEADING && !isTitle(d.text)) {
        out.addFirst(take(d));
      }
    }
    return out;
  }

  /** The tag of the nearest block element holding {@code owner} ("p", "dd", "li", ...), or "" for none. */
  private static String blockTag(Info owner) {
    for (Info i = owner; i != null; i = i.parent) {
      if (BLOCK_TAGS.contains(i.tag)) {
        return i.tag;
      }
    }
    return "";
  }

  private static boolean underJunkTag(Info i, Info container) {
    for (Info x = i; x != null && x != container; x = x.parent) {
      if (x.junkTag) {
        return true;
      }
    }
    return false;
  }

  private static Info rootOf(Info i) {
    for (Info x = i; x != null; x = x.parent) {
      if (x.root) {
        return x;
      }
    }
    return null;
  }

  private static Block take(Draft d) {
    d.kept = true;
    String text = withoutCitations(d.text);
    if (d.kind == Block.Kind.PARAGRAPH) {
      text = withoutClosingCall(text);
    }
    if (d.kind == Block.Kind.TABLE_ROW) {
      text = "| " + text + " |";
    }
    return new Block(d.kind, text, d.kind == Block.Kind.HEADING ? levelOf(d.owner) : 0);
  }

  /**
   * Adds {@code d}'s block to {@code out}. A table row reads as in a markdown table, "| cell | cell |", and a header
   * row is followed by its separator ("|---|---|"), so that tables from pages and from text files are one thing to
   * the claim extractor.
   */
  private static void take(Draft d, List<Block> out) {
    out.add(take(d));
    if (d.columns > 0) {
      out.add(new Block(Block.Kind.TABLE_ROW, "|" + "---|".repeat(d.columns)));
    }
  }

  /**
   * {@code text} without a last sentence that turns to the site rather than the subject: "Let us know in the
   * comments.", "You can also check your 10-year heart risk with our calculator."
   */
  static String withoutClosingCall(String text) {
    Matcher m = CLOSING_CALL.matcher(text);
    return m.find() ? text.substring(0, m.start()) : text;
  }

  /** {@code text} without bracketed reference numbers in its sentences ("... of blood clots.[5] Patches ..."). */
  static String withoutCitations(String text) {
    return text.indexOf('[') < 0 ? text : CITATION.matcher(text).replaceAll("");
  }

  /** Whether {@code owner} or an element over it is an h1 ... h6. */
  private static boolean isHeading(Info owner) {
    return levelOf(owner) > 0;
  }

  /** The level of the h1 ... h6 holding a heading (1 to 6), or 0 (a dt, a heading by its look). */
  private static int levelOf(Info owner) {
    for (Info i = owner; i != null; i = i.parent) {
      if (i.tag.length() == 2 && i.tag.charAt(0) == 'h' && i.tag.charAt(1) >= '1' && i.tag.charAt(1) <= '6') {
        return i.tag.charAt(1) - '0';
      }
    }
    return 0;
  }

  private boolean isTitle(String text) {
    String t = normalise(text);
    if (t.isEmpty()) {
      return false;
    }
    for (String title : titles) {
      if (title != null && normalise(title).contains(t)) {
        return true;
      }
    }
    return false;
  }

  private static String normalise(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }
}
