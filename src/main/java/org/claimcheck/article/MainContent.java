package org.claimcheck.article;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * One per call. Finds the article's blocks in the body of a parsed page.
 *
 * <ol>
 *   <li>One walk over the DOM turns it into text blocks (headings, paragraphs, list items, table rows, and runs of
 *       text that sit directly in a container), each with its length, its link text and its element.</li>
 *   <li>Each block is weighed: prose (long, punctuated, few links) is evidence for the elements that hold it; link
 *       text and text under boilerplate (menus, footers, share bars, comments, related posts, by tag or by class/id
 *       hints) is evidence against. The container is the element that maximises the evidence for minus the evidence
 *       against: tight enough to leave the page chrome out, wide enough to keep every part of the article.</li>
 *   <li>The container's blocks are kept unless they lie under boilerplate inside it, are mostly links, or repeat the
 *       page title.</li>
 * </ol>
 */
final class MainContent {
  private static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "body", "center",
      "dd", "details", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
      "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
      "summary", "table", "tbody", "thead", "tfoot", "td", "th", "tr", "ul", "caption", "legend", "frameset");
  private static final Set<String> SKIP_TAGS = Set.of("script", "style", "noscript", "template", "svg", "canvas",
      "iframe", "object", "embed", "video", "audio", "map", "button", "select", "textarea", "input", "option",
      "dialog", "link", "meta", "head", "frame", "math", "datalist", "progress", "meter");
  private static final Set<String> JUNK_TAGS = Set.of("nav", "footer", "aside", "header", "menu", "figure",
      "figcaption");

  /** A text block found in the page, before it is kept or dropped. */
  private static final class Draft {
    final Info owner;
    final Block.Kind kind;
    final String text;
    final int chars;
    final int linkChars;
    double good;
    boolean teaser;
    boolean kept;

    Draft(Info owner, Block.Kind kind, String text, int linkChars) {
      this.owner = owner;
      this.kind = kind;
      this.text = text;
      this.chars = text.length();
      this.linkChars = Math.min(linkChars, text.length());
    }

    double linkDensity() {
      return chars == 0 ? 0 : (double) linkChars / chars;
    }
  }

  /** What is known about one element. */
  private static final class Info {
    final Element el;
    final Info parent;
    final int depth;
    final int hint;
    final boolean junkTag;
    double good;
    double bad;

    Info(Element el, Info parent) {
      this.el = el;
      this.parent = parent;
      this.depth = parent == null ? 0 : parent.depth + 1;
      this.hint = Hints.of(el);
      this.junkTag = JUNK_TAGS.contains(el.normalName());
    }
  }

  private final List<Draft> drafts = new ArrayList<>();
  private final Map<Element, Info> infos = new IdentityHashMap<>();

  /** The article's blocks in {@code body}; {@code titles} are the page's titles, whose heading is left out. */
  static List<Block> extract(Element body, List<String> titles) {
    MainContent m = new MainContent();
    m.collect(body);
    return m.select(body, titles);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 1. Blocks

  private void collect(Element body) {
    Info root = new Info(body, null);
    infos.put(body, root);
    NodeTraversor.traverse(new Collector(root), body);
  }

  private final class Collector implements NodeVisitor {
    private final StringBuilder run = new StringBuilder();
    private Info current;
    private Info runOwner;
    private int runLinkChars;
    private int linkDepth;
    private int skipDepth;
    private int breaks;
    private Element row;

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
      if (!(node instanceof Element e)) {
        return;
      }
      if (depth == 0) {
        return;
      }
      String tag = e.normalName();
      if (SKIP_TAGS.contains(tag) || isHidden(e)) {
        skipDepth = 1;
        return;
      }
      Info info = new Info(e, current);
      infos.put(e, info);
      current = info;
      if (tag.equals("br")) {
        breaks++;
        if (breaks >= 2) {
          flush();
        }
        return;
      }
      if (tag.equals("a")) {
        linkDepth++;
      }
      if (row != null) {
        if ((tag.equals("td") || tag.equals("th")) && run.length() > 0) {
          if (run.charAt(run.length() - 1) == ' ') {
            run.setLength(run.length() - 1);
          }
          run.append(" | ");
        }
        return;
      }
      if (BLOCK_TAGS.contains(tag)) {
        flush();
        if (tag.equals("tr") && isDataRow(e)) {
          row = e;
          runOwner = info;
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
      String tag = e.normalName();
      current = current.parent;
      if (tag.equals("a")) {
        linkDepth--;
      }
      if (e == row) {
        flushAs(Block.Kind.TABLE_ROW);
        row = null;
        return;
      }
      if (row == null && BLOCK_TAGS.contains(tag)) {
        flush();
      }
    }

    private void text(String s) {
      int before = run.length();
      boolean space = before > 0 && run.charAt(before - 1) == ' ';
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u00a0' || c == '\u200b' || c == '\ufeff'
            || c == '\f' || c == '\u2028' || c == '\u2029' || c == '\u3000' || c == '\u202f' || c == '\u2009') {
          if (!space && run.length() > 0) {
            run.append(' ');
            space = true;
          }
        } else {
          if (breaks >= 2) {
            flush();
          }
          breaks = 0;
          if (run.length() == 0 && row == null) {
            runOwner = current;
          }
          run.append(c);
          space = false;
          if (linkDepth > 0) {
            runLinkChars++;
          }
        }
      }
    }

    private void flush() {
      if (row != null) {
        return;
      }
      flushAs(null);
    }

    private void flushAs(Block.Kind forced) {
      breaks = 0;
      int end = run.length();
      while (end > 0 && run.charAt(end - 1) == ' ') {
        end--;
      }
      if (end > 0 && runOwner != null) {
        String text = run.substring(0, end);
        Block.Kind kind = forced != null ? forced : kindOf(runOwner);
        drafts.add(new Draft(runOwner, kind, text, runLinkChars));
      }
      run.setLength(0);
      runLinkChars = 0;
      runOwner = null;
    }
  }

  /** The kind of a block from the element that holds it and its ancestors up to the nearest block element. */
  private static Block.Kind kindOf(Info owner) {
    for (Info i = owner; i != null; i = i.parent) {
      String tag = i.el.normalName();
      switch (tag) {
        case "h1", "h2", "h3", "h4", "h5", "h6" -> {
          return Block.Kind.HEADING;
        }
        case "li", "dd" -> {
          return Block.Kind.LIST_ITEM;
        }
        case "dt" -> {
          return Block.Kind.HEADING;
        }
        default -> {
          if (BLOCK_TAGS.contains(tag) && !tag.equals("p") || i.depth == 0) {
            return Block.Kind.PARAGRAPH;
          }
        }
      }
    }
    return Block.Kind.PARAGRAPH;
  }

  /** A table row of data: its cells hold no blocks of their own (a layout table's cells do). */
  private static boolean isDataRow(Element tr) {
    for (Element e : tr.getAllElements()) {
      if (e != tr) {
        String tag = e.normalName();
        if (!tag.equals("td") && !tag.equals("th") && BLOCK_TAGS.contains(tag) && !tag.equals("p")) {
          return false;
        }
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

  private List<Block> select(Element body, List<String> titles) {
    if (drafts.isEmpty()) {
      return List.of();
    }
    double total = 0;
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      d.good = prose(d);
      d.teaser = d.good > 0 && isTeaser(i);
      total += d.good;
    }
    // Boilerplate hints are trusted first; when they leave out most of the page's prose (a page wrapped in an
    // element whose class says "modal" or "ad"), they are ignored, then junk tags too.
    if (DEBUG) {
      for (Draft d : drafts) {
        System.err.printf("  draft %-9s good=%6.1f teaser=%s link=%d/%d %s | %s%n", d.kind, d.good, d.teaser,
            d.linkChars, d.chars, d.text.substring(0, Math.min(80, d.text.length())), path(d.owner));
      }
    }
    if (total == 0) {
      return keep(infos.get(body), titles, 0); // no prose anywhere: whatever is not boilerplate
    }
    List<Block> best = null;
    double bestGood = -1;
    for (int level = 0; level < 3; level++) {
      Info container = container(body, level);
      List<Block> kept = keep(container, titles, level);
      if (DEBUG) {
        System.err.println("level " + level + " container " + path(container) + " good=" + container.good + " bad="
            + container.bad);
      }
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

  private Info container(Element body, int level) {
    for (Info i : infos.values()) {
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
        bad = P_LINK_IN_PROSE * d.linkChars;
      } else if (d.teaser) {
        bad = 0;
      } else {
        bad = P_LINK * d.linkChars + P_SHORT * (d.chars - d.linkChars);
      }
      for (Info i = d.owner; i != null; i = i.parent) {
        i.good += good;
        i.bad += bad;
      }
    }
    Info best = infos.get(body);
    double bestScore = Double.NEGATIVE_INFINITY;
    for (Info i : infos.values()) {
      double s = i.good - i.bad;
      if (i.good > 0 && s > bestScore || s == bestScore && i.depth > best.depth) {
        bestScore = s;
        best = i;
      }
    }
    if (DEBUG) {
      infos.values().stream().filter(i -> i.good > 0).sorted((a, b) -> Double.compare(b.good - b.bad, a.good - a.bad))
          .limit(6).forEach(i -> System.err.printf("  cand %.1f good=%.1f bad=%.1f %s%n", i.good - i.bad, i.good,
              i.bad, path(i)));
    }
    return best;
  }

  /**
   * Whether the prose block {@code i} is the blurb of a teaser: a short text right after a linked headline (author
   * and date lines between them aside), as in lists of related or recommended articles.
   */
  private boolean isTeaser(int i) {
    Draft d = drafts.get(i);
    if (d.chars > 400) {
      return false;
    }
    for (int j = i - 1; j >= 0 && j >= i - 4; j--) {
      Draft p = drafts.get(j);
      if (p.linkDensity() >= 0.5 && (p.kind == Block.Kind.HEADING || p.chars < 150 && words(p.text) >= 5)) {
        return true;
      }
      if (p.chars >= 80 || p.linkDensity() >= 0.5) {
        return false;
      }
    }
    return false;
  }

  /** Prose weight of a block: its text outside links, when it reads like sentences. */
  private static double prose(Draft d) {
    int own = d.chars - d.linkChars;
    if (d.kind == Block.Kind.HEADING || own < 25 || d.linkDensity() > 0.5) {
      return 0;
    }
    int punct = 0;
    for (int i = 0; i < d.text.length(); i++) {
      char c = d.text.charAt(i);
      if (c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\u3002' || c == '\uff0c') {
        punct++;
      }
    }
    if (punct == 0 && own < 80) {
      return 0;
    }
    return own * (1 - d.linkDensity());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 3. The blocks kept

  private List<Block> keep(Info container, List<String> titles, int level) {
    List<Draft> kept = new ArrayList<>();
    for (Draft d : drafts) {
      d.kept = false;
      if (!within(d.owner, container) || underBoilerplate(d, container, level) || d.linkDensity() > 0.5
          || BoilerplateText.is(d.text)) {
        continue;
      }
      kept.add(d);
    }
    // Before the first prose and after the last: headlines, bylines, datelines, labels; a heading stays when
    // prose follows it, other short lines go.
    int first = 0;
    while (first < kept.size() && kept.get(first).good == 0) {
      first++;
    }
    int last = kept.size() - 1;
    while (last >= 0 && kept.get(last).good == 0) {
      last--;
    }
    List<Block> out = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      Draft d = kept.get(i);
      if (i < first && (d.kind != Block.Kind.HEADING || isTitle(d.text, titles))) {
        continue;
      }
      if (i > last && TRIM_TAIL) {
        continue;
      }
      d.kept = true;
      out.add(new Block(d.kind, d.text));
    }
    return out;
  }

  private static boolean within(Info i, Info container) {
    for (Info x = i; x != null; x = x.parent) {
      if (x == container) {
        return true;
      }
      if (x.depth <= container.depth) {
        return false;
      }
    }
    return false;
  }

  /** Whether {@code i} lies under boilerplate below {@code container} (null: anywhere): see {@link #select}. */
  private static boolean underBoilerplate(Draft d, Info container, int level) {
    if (level >= 2) {
      return false;
    }
    boolean quoted = false;
    for (Info x = d.owner; x != null && x != container; x = x.parent) {
      if (x.junkTag) {
        return true;
      }
      // Inside the article, an embedded post (a tweet) is a quote it makes, whatever its wrapper's class says.
      quoted |= container != null && x.el.normalName().equals("blockquote") && x.hint >= 0;
      if (level == 0 && !quoted && (x.hint == Hints.BAD || x.hint == Hints.WEAK && d.good == 0)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTitle(String text, List<String> titles) {
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

  static final boolean DEBUG = Boolean.getBoolean("claimcheck.debug");
  static final double P_LINK_IN_PROSE = Double.parseDouble(System.getProperty("p.lip", "0.5"));
  static final double P_LINK = Double.parseDouble(System.getProperty("p.link", "1"));
  static final boolean TRIM_TAIL = Boolean.parseBoolean(System.getProperty("p.tail", "true"));
  static final double P_SHORT = Double.parseDouble(System.getProperty("p.short", "0.25"));

  private static String path(Info i) {
    StringBuilder sb = new StringBuilder();
    for (Info x = i; x != null; x = x.parent) {
      sb.insert(0, " > " + x.el.normalName() + (x.el.id().isEmpty() ? "" : "#" + x.el.id())
          + (x.el.className().isEmpty() ? "" : "." + x.el.className().replace(' ', '.')) + "(" + x.hint + ")");
    }
    return sb.toString();
  }

  private static int words(String s) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean space = s.charAt(i) == ' ';
      if (!space && !in) {
        n++;
      }
      in = !space;
    }
    return n;
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
