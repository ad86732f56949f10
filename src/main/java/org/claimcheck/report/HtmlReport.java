package org.claimcheck.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimcheck.AtomicFiles;
import org.claimcheck.claim.Claim;
import org.claimcheck.verify.AbstractEvidence;
import org.claimcheck.verify.ClaimVerdict;
import org.claimcheck.verify.EvidenceSentence;
import org.claimcheck.verify.Stance;
import org.claimcheck.verify.Verdict;

/**
 * Thread-safe (stateless). Writes {@code report.html}: one self-contained page an editor reads in the morning.
 * Contradicted claims come first; a search box, verdict switches, a "new or changed" switch and a sort order filter
 * the list (plain inline JavaScript; without it the page still shows every claim in that order). Each claim shows its
 * verdict, the article it comes from and the abstracts that take a stance, with their study design, year, PubMed link
 * and evidence sentences, the words they share with the claim highlighted. A small inline SVG chart sums up the
 * verdicts.
 *
 * <p>Everything printed is HTML-escaped; links are made only from http, https and file URLs. The page loads nothing
 * from anywhere, and its Content-Security-Policy allows exactly its own style and script (by hash), so even text that
 * slipped through escaping could not run. The filter state lives in the URL fragment
 * ({@code #verdict=CONTRADICTED,MIXED&changed=1&sort=confidence&q=b12}), so a view can be shared as a link.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /**
   * What the page shows.
   *
   * @param runDate the run's date, {@code YYYY-MM-DD}
   * @param previousDate the date of the report compared with, or null on the first run
   * @param rows the check-worthy claims with their verdicts, in report order
   * @param changes the changes since {@code previousDate}
   * @param articles how many articles the claims come from
   * @param footer facts for the page's foot (tool version, stance model), in order
   */
  public record Page(String runDate, String previousDate, List<ClaimsReport.Row> rows,
      List<ChangesReport.Change> changes, int articles, List<String> footer) {
    public Page {
      Objects.requireNonNull(runDate, "runDate");
      rows = List.copyOf(rows);
      changes = List.copyOf(changes);
      footer = List.copyOf(footer);
    }
  }

  /** The verdict column values in the order editors read them: contradicted first. */
  static final List<String> URGENCY = List.of(Verdict.CONTRADICTED.name(), Verdict.MIXED.name(),
      Verdict.SUPPORTED.name(), Verdict.INSUFFICIENT_EVIDENCE.name(), ClaimsReport.NOT_VERIFIED);

  private static final Map<String, String> LABELS = Map.of(
      Verdict.CONTRADICTED.name(), "Contradicted",
      Verdict.MIXED.name(), "Mixed evidence",
      Verdict.SUPPORTED.name(), "Supported",
      Verdict.INSUFFICIENT_EVIDENCE.name(), "No evidence found",
      ClaimsReport.NOT_VERIFIED, "Not verified");

  private static final Map<String, String> COLOURS = Map.of(
      Verdict.CONTRADICTED.name(), "#b42318",
      Verdict.MIXED.name(), "#b54708",
      Verdict.SUPPORTED.name(), "#067647",
      Verdict.INSUFFICIENT_EVIDENCE.name(), "#667085",
      ClaimsReport.NOT_VERIFIED, "#98a2b3");

  private static final String CSS = resource("report.css");
  private static final String JS = resource("report.js");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Set<String> STOP = Set.of("the", "and", "for", "with", "that", "this", "from", "are", "was",
      "were", "has", "have", "had", "not", "but", "can", "may", "might", "could", "its", "their", "than", "into",
      "more", "less", "does", "did", "been", "being", "also", "such", "which", "who", "what", "when", "how", "all",
      "any", "some", "other", "about", "because", "your", "our", "you", "they", "them", "these", "those", "there",
      "will", "would", "should", "after", "before", "over", "under", "between", "both", "each", "very", "most");
  private static final int SHOWN_ABSTRACTS = 5;

  /** Writes the page to {@code file} atomically. */
  public static void write(Path file, Page page) throws IOException {
    AtomicFiles.writeString(file, render(page));
  }

  /** The page as a string. */
  public static String render(Page page) {
    Map<String, ChangesReport.Change> changeById = new HashMap<>();
    List<ChangesReport.Change> removed = new ArrayList<>();
    int nNew = 0;
    int nChanged = 0;
    int nEvidence = 0;
    for (ChangesReport.Change c : page.changes()) {
      switch (c.kind()) {
        case NEW -> {
          changeById.put(c.claimId(), c);
          nNew++;
        }
        case VERDICT_CHANGED -> {
          changeById.put(c.claimId(), c);
          nChanged++;
        }
        case EVIDENCE_CHANGED -> {
          changeById.put(c.claimId(), c);
          nEvidence++;
        }
        case REMOVED -> removed.add(c);
      }
    }
    Map<String, Integer> counts = verdictCounts(page.rows());

    List<Indexed> ordered = new ArrayList<>();
    for (int i = 0; i < page.rows().size(); i++) {
      ordered.add(new Indexed(i, page.rows().get(i)));
    }
    ordered.sort(Comparator.comparingInt((Indexed x) -> URGENCY.indexOf(x.row().verdictName()))
        .thenComparing(x -> -(x.row().verdict() == null ? 0 : x.row().verdict().confidence()))
        .thenComparing(x -> -x.row().claim().checkWorthiness())
        .thenComparingInt(Indexed::order));

    StringBuilder h = new StringBuilder(64 * 1024);
    String date = longDate(page.runDate());
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src ")
        .append(Html.cspHash(CSS)).append("; script-src ").append(Html.cspHash(JS))
        .append("; img-src data:; base-uri 'none'; form-action 'none'\">\n")
        .append("<meta name=\"generator\" content=\"claimcheck\">\n")
        .append("<title>Claims report, ").append(Html.esc(date)).append(" · claimcheck</title>\n")
        .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n");

    h.append("<header class=\"top\"><div class=\"wrap\">\n")
        .append("<p class=\"kicker\">claimcheck · nightly claims report</p>\n")
        .append("<h1>Claims report, ").append(Html.esc(date)).append("</h1>\n")
        .append("<p class=\"lede\">").append(lede(page, counts, nNew, nChanged, nEvidence, removed.size())).append("</p>\n")
        .append("</div></header>\n<main class=\"wrap\">\n");

    h.append("<section class=\"summary\" aria-label=\"Verdicts\">\n").append(chart(counts, page.rows().size()))
        .append("<p class=\"note\">A verdict says what the abstracts in the index say about a claim, weighted"
            + " by study design. It is a lead for an editor to check, not a ruling.</p>\n")
        .append("</section>\n");

    h.append("<section id=\"controls\" class=\"controls\" aria-label=\"Filter and sort\" hidden>\n")
        .append("<input id=\"q\" type=\"search\" placeholder=\"Search claims, articles and evidence\" "
            + "aria-label=\"Search claims, articles and evidence\">\n<div class=\"chips\">");
    for (String v : URGENCY) {
      h.append("<label class=\"chip\"><input type=\"checkbox\" name=\"verdict\" value=\"").append(v)
          .append("\" checked><span class=\"dot\" data-v=\"").append(v).append("\"></span>")
          .append(Html.esc(LABELS.get(v))).append(" <span class=\"n\">").append(counts.get(v))
          .append("</span></label>");
    }
    h.append("</div>\n<div class=\"row\"><label class=\"toggle\"><input id=\"changed\" type=\"checkbox\"> Only new or "
            + "changed (").append(nNew + nChanged + nEvidence).append(")</label>\n")
        .append("<label class=\"sort\">Sort by <select id=\"sort\">")
        .append("<option value=\"urgency\">Contradicted first</option>")
        .append("<option value=\"confidence\">Confidence</option>")
        .append("<option value=\"worthiness\">Check-worthiness</option>")
        .append("<option value=\"article\">Article</option></select></label>\n")
        .append("<p id=\"status\" class=\"status\" role=\"status\"></p></div>\n</section>\n");

    if (page.rows().isEmpty()) {
      h.append("<p class=\"empty\">No check-worthy claims in tonight's articles.</p>\n");
    }
    h.append("<ol id=\"claims\" class=\"claims\">\n");
    for (Indexed x : ordered) {
      claim(h, x.order(), x.row(), changeById.get(x.row().claim().id()));
    }
    h.append("</ol>\n");
    h.append("<p id=\"none\" class=\"empty\" hidden>No claim matches these filters.</p>\n");

    if (!removed.isEmpty()) {
      h.append("<section class=\"removed\" aria-label=\"Claims no longer found\">\n<h2>No longer found since ")
          .append(Html.esc(longDate(page.previousDate()))).append("</h2>\n<p class=\"note\">These claims were in the "
              + "previous report and are not among tonight's check-worthy claims: their article changed or left the sources, "
              + "or the check-worthiness threshold was raised.</p>\n<ul>\n");
      for (ChangesReport.Change c : removed) {
        h.append("<li><span class=\"verdict small\" data-v=\"").append(Html.esc(c.oldVerdict())).append("\">")
            .append(Html.esc(LABELS.getOrDefault(c.oldVerdict(), c.oldVerdict()))).append("</span> ")
            .append(Html.esc(c.claim())).append(" <span class=\"muted\">· ")
            .append(link(c.articleUrl(), blankOr(c.articleTitle(), c.articleUrl()), null)).append("</span></li>\n");
      }
      h.append("</ul>\n</section>\n");
    }
    h.append("</main>\n<footer class=\"wrap foot\">");
    List<String> foot = new ArrayList<>(page.footer());
    foot.add("evidence from PubMed abstracts; verdicts are leads to check, not rulings");
    for (int i = 0; i < foot.size(); i++) {
      h.append(i == 0 ? "" : " · ").append(Html.esc(foot.get(i)));
    }
    h.append("</footer>\n<script>").append(JS).append("</script>\n</body>\n</html>\n");
    return h.toString();
  }

  private record Indexed(int order, ClaimsReport.Row row) {}

  private static String lede(Page page, Map<String, Integer> counts, int nNew, int nChanged, int nEvidence,
      int nRemoved) {
    StringBuilder s = new StringBuilder();
    int n = page.rows().size();
    s.append(n).append(n == 1 ? " check-worthy claim" : " check-worthy claims").append(" from ").append(page.articles())
        .append(page.articles() == 1 ? " article" : " articles").append(". ");
    int contradicted = counts.get(Verdict.CONTRADICTED.name());
    if (contradicted > 0) {
      s.append("<strong>").append(contradicted).append(contradicted == 1 ? " is" : " are")
          .append(" contradicted by the literature.</strong> ");
    }
    if (page.previousDate() == null) {
      s.append("This is the first report: there is no earlier one to compare with.");
    } else if (nNew + nChanged + nEvidence + nRemoved == 0) {
      s.append("Nothing changed since ").append(Html.esc(longDate(page.previousDate()))).append('.');
    } else {
      s.append("Since ").append(Html.esc(longDate(page.previousDate()))).append(": ").append(nNew).append(" new, ")
          .append(nChanged).append(nChanged == 1 ? " verdict" : " verdicts").append(" changed, ");
      if (nEvidence > 0) {
        s.append(nEvidence).append(" with other evidence, ");
      }
      s.append(nRemoved).append(" no longer found.");
    }
    return s.toString();
  }

  /** A horizontal bar per verdict, bars scaled to the largest count. */
  private static String chart(Map<String, Integer> counts, int total) {
    int max = Math.max(1, counts.values().stream().mapToInt(Integer::intValue).max().orElse(1));
    int rowH = 26;
    int labelW = 140;
    int barW = 300;
    int height = rowH * counts.size() + 4;
    StringBuilder s = new StringBuilder();
    s.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(labelW + barW + 60).append(' ').append(height)
        .append("\" width=\"").append(labelW + barW + 60).append("\" height=\"").append(height)
        .append("\" aria-labelledby=\"chart-title\"><title id=\"chart-title\">Verdicts: ");
    List<String> parts = new ArrayList<>();
    counts.forEach((v, c) -> parts.add(LABELS.get(v) + " " + c));
    s.append(Html.esc(String.join(", ", parts))).append(" (").append(total).append(" claims)</title>");
    int y = 2;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      int w = e.getValue() == 0 ? 0 : Math.max(3, (int) Math.round((double) barW * e.getValue() / max));
      s.append("<text x=\"").append(labelW - 10).append("\" y=\"").append(y + 17)
          .append("\" text-anchor=\"end\" class=\"cl\">").append(Html.esc(LABELS.get(e.getKey()))).append("</text>")
          .append("<rect x=\"").append(labelW).append("\" y=\"").append(y + 4).append("\" width=\"").append(barW)
          .append("\" height=\"").append(rowH - 8).append("\" rx=\"3\" fill=\"#f2f4f7\"/>")
          .append("<rect x=\"").append(labelW).append("\" y=\"").append(y + 4).append("\" width=\"").append(w)
          .append("\" height=\"").append(rowH - 8).append("\" rx=\"3\" fill=\"").append(COLOURS.get(e.getKey()))
          .append("\"/>")
          .append("<text x=\"").append(labelW + barW + 10).append("\" y=\"").append(y + 17).append("\" class=\"cn\">")
          .append(e.getValue()).append("</text>");
      y += rowH;
    }
    return s.append("</svg>\n").toString();
  }

  private static void claim(StringBuilder h, int order, ClaimsReport.Row row, ChangesReport.Change change) {
    Claim c = row.claim();
    ClaimVerdict v = row.verdict();
    String verdict = row.verdictName();
    h.append("<li class=\"claim\" id=\"c-").append(Html.esc(c.id())).append("\" data-v=\"").append(verdict)
        .append("\" data-order=\"").append(order).append("\" data-confidence=\"").append(row.confidenceText())
        .append("\" data-worthiness=\"").append(String.format(Locale.ROOT, "%.3f", c.checkWorthiness()))
        .append("\" data-article=\"")
        .append(Html.esc(blankOr(c.articleTitle(), c.articleUrl()).toLowerCase(Locale.ROOT)))
        .append("\" data-change=\"").append(change == null ? "" : change.kind().name()).append("\">\n");
    h.append("<div class=\"head\"><span class=\"verdict\" data-v=\"").append(verdict).append("\">")
        .append(Html.esc(LABELS.get(verdict))).append("</span>");
    if (v != null && v.verdict() != Verdict.INSUFFICIENT_EVIDENCE) {
      h.append("<span class=\"conf\" title=\"How sure the verdict is, 0 to 1\">confidence ")
          .append(String.format(Locale.ROOT, "%.2f", v.confidence())).append("</span>");
    }
    if (change != null) {
      h.append("<span class=\"change\">");
      if (change.kind() == ChangesReport.Kind.NEW) {
        h.append("New");
      } else if (change.kind() == ChangesReport.Kind.EVIDENCE_CHANGED) {
        h.append("Evidence changed · was ").append(Html.esc(change.oldEvidence().isEmpty() ? "none"
            : String.join(", ", change.oldEvidence().split(" "))));
      } else {
        h.append("Changed · was ").append(Html.esc(LABELS.getOrDefault(change.oldVerdict(), change.oldVerdict())));
      }
      h.append("</span>");
    }
    h.append("</div>\n");
    h.append("<p class=\"text\">").append(Html.esc(c.claim())).append("</p>\n");
    h.append("<p class=\"meta\">").append(link(c.articleUrl(), blankOr(c.articleTitle(), c.articleUrl()), "article"));
    h.append(" <span class=\"muted\">· check-worthiness ")
        .append(String.format(Locale.ROOT, "%.2f", c.checkWorthiness())).append("</span>");
    if (c.negated()) {
      h.append(" <span class=\"flag\" title=\"The claim denies something\">negated</span>");
    }
    if (c.hedged()) {
      h.append(" <span class=\"flag\" title=\"The claim is hedged (may, might, some studies)\">hedged</span>");
    }
    h.append("</p>\n");
    if (!c.sentence().strip().equals(c.claim().strip())) {
      h.append("<p class=\"sentence\"><span class=\"muted\">In the article:</span> ").append(Html.esc(c.sentence()))
          .append("</p>\n");
    }
    String context = c.context() == null ? "" : c.context().strip();
    if (!context.isEmpty() && !context.equals(blankOr(c.articleTitle(), "").strip())) {
      h.append("<p class=\"sentence\"><span class=\"muted\">Under the heading:</span> ").append(Html.esc(c.context()))
          .append("</p>\n");
    }
    evidence(h, c, v);
    h.append("</li>\n");
  }

  private static void evidence(StringBuilder h, Claim c, ClaimVerdict v) {
    if (v == null) {
      h.append("<p class=\"none\">Not verified: there was no abstract index to search.</p>\n");
      return;
    }
    List<AbstractEvidence> shown = v.abstracts().stream().filter(a -> a.stance() != Stance.NEUTRAL).toList();
    if (shown.isEmpty()) {
      h.append("<p class=\"none\">No abstract in the index takes a stance on this claim (")
          .append(v.abstracts().size()).append(v.abstracts().size() == 1 ? " abstract" : " abstracts")
          .append(" retrieved).</p>\n");
      return;
    }
    boolean open = v.verdict() == Verdict.CONTRADICTED || v.verdict() == Verdict.MIXED;
    h.append("<details class=\"evidence\"").append(open ? " open" : "").append("><summary>Evidence: ");
    List<String> parts = new ArrayList<>();
    if (v.contradicting() > 0) {
      parts.add(v.contradicting() + (v.contradicting() == 1 ? " abstract contradicts" : " abstracts contradict"));
    }
    if (v.supporting() > 0) {
      parts.add(v.supporting() + (v.supporting() == 1 ? " abstract supports" : " abstracts support"));
    }
    long retracted = shown.stream().filter(AbstractEvidence::retracted).count();
    if (retracted > 0) {
      parts.add(retracted + " retracted, not counted");
    }
    h.append(Html.esc(String.join(", ", parts))).append("</summary>\n<ul>\n");
    Set<String> claimStems = stems(c.claim());
    for (AbstractEvidence a : shown.subList(0, Math.min(SHOWN_ABSTRACTS, shown.size()))) {
      h.append("<li class=\"ev\" data-stance=\"").append(a.stance().name()).append("\">\n<div class=\"evh\">")
          .append("<span class=\"stance\" data-stance=\"").append(a.stance().name()).append("\">")
          .append(a.stance() == Stance.SUPPORT ? "Supports" : "Contradicts").append("</span>")
          .append("<span class=\"design\" data-tier=\"").append(tier(a)).append("\" title=\"Study design, weight ")
          .append(String.format(Locale.ROOT, "%.2f", a.design().weight())).append("\">")
          .append(Html.esc(a.design().label())).append("</span>");
      if (a.year() != null) {
        h.append("<span class=\"muted\">").append(a.year()).append("</span>");
      }
      if (a.journal() != null && !a.journal().isBlank()) {
        h.append("<span class=\"muted journal\">").append(Html.esc(a.journal())).append("</span>");
      }
      if (a.retracted()) {
        h.append("<span class=\"retracted\">Retracted</span>");
      }
      h.append("</div>\n<p class=\"evt\">")
          .append(link(a.url(), blankOr(a.title(), a.id()), null))
          .append(" <span class=\"muted\">").append(idLabel(a)).append("</span></p>\n");
      for (EvidenceSentence s : a.sentences()) {
        // The sentence's own stance: an abstract that supports the claim may hold a sentence that contradicts it.
        String stance = switch (s.stance()) {
          case SUPPORT -> "supports the claim";
          case CONTRADICT -> "contradicts the claim";
          case NEUTRAL -> "neutral to the claim";
        };
        h.append("<blockquote data-stance=\"").append(s.stance().name()).append("\" title=\"").append(stance)
            .append(", p = ").append(String.format(Locale.ROOT, "%.2f", s.probability())).append("\">")
            .append(highlight(s.text(), claimStems)).append("</blockquote>\n");
      }
      h.append("</li>\n");
    }
    if (shown.size() > SHOWN_ABSTRACTS) {
      h.append("<li class=\"muted\">and ").append(shown.size() - SHOWN_ABSTRACTS).append(" more in the CSV</li>\n");
    }
    h.append("</ul>\n</details>\n");
  }

  /** strong: syntheses and randomised trials; moderate: other trials and observational studies; weak: the rest. */
  private static String tier(AbstractEvidence a) {
    double w = a.design().weight();
    return w >= 0.85 ? "strong" : w >= 0.45 ? "moderate" : "weak";
  }

  /** {@code text} escaped, with the words it shares with the claim (same first five letters) in {@code <mark>}. */
  static String highlight(String text, Set<String> claimStems) {
    StringBuilder out = new StringBuilder(text.length() + 32);
    Matcher m = WORD.matcher(text);
    int last = 0;
    while (m.find()) {
      out.append(Html.esc(text.substring(last, m.start())));
      String w = m.group();
      String stem = stem(w);
      if (stem != null && claimStems.contains(stem)) {
        out.append("<mark>").append(Html.esc(w)).append("</mark>");
      } else {
        out.append(Html.esc(w));
      }
      last = m.end();
    }
    out.append(Html.esc(text.substring(last)));
    return out.toString();
  }

  static Set<String> stems(String text) {
    Set<String> out = new HashSet<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String s = stem(m.group());
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  private static String stem(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    boolean digits = w.chars().anyMatch(Character::isDigit);
    if ((w.length() < 3 && !digits) || STOP.contains(w)) {
      return null;
    }
    return w.length() > 5 ? w.substring(0, 5) : w;
  }

  private static String link(String url, String text, String cls) {
    String safe = Html.safeUrl(url);
    if (safe == null) {
      return "<span" + (cls == null ? "" : " class=\"" + cls + "\"") + ">" + Html.esc(text) + "</span>";
    }
    return "<a" + (cls == null ? "" : " class=\"" + cls + "\"") + " href=\"" + Html.esc(safe)
        + "\" rel=\"noopener noreferrer\" target=\"_blank\">" + Html.esc(text) + "</a>";
  }

  /**
   * How an abstract is named beside its title: "PMID 123" for a PubMed record; a document of a JSONL corpus (SciFact,
   * BEIR) keeps its corpus's own id, which looks like a PMID and is not one (SciFact's 33409100 is another paper in
   * PubMed), so it says so.
   */
  private static String idLabel(AbstractEvidence a) {
    if (a.url() != null && a.url().contains("pubmed")) {
      return "PMID " + Html.esc(a.id());
    }
    return "<span title=\"A document of a JSONL corpus, by the corpus's own id: not a PubMed ID\">corpus document "
        + Html.esc(a.id()) + "</span>";
  }

  private static String blankOr(String s, String fallback) {
    return s == null || s.isBlank() ? (fallback == null ? "" : fallback) : s;
  }

  private static String longDate(String isoDate) {
    if (isoDate == null) {
      return "";
    }
    try {
      return LocalDate.parse(isoDate).format(DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH));
    } catch (DateTimeParseException e) {
      return isoDate;
    }
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource org/claimcheck/report/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Counts of each verdict, in {@link #URGENCY} order, for manifests and tests. */
  public static Map<String, Integer> verdictCounts(List<ClaimsReport.Row> rows) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    URGENCY.forEach(v -> counts.put(v, 0));
    rows.forEach(r -> counts.merge(r.verdictName(), 1, Integer::sum));
    return counts;
  }
}
