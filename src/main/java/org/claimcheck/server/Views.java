package org.claimcheck.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimcheck.index.SearchHit;
import org.claimcheck.pubmed.PubmedRecord;
import org.claimcheck.verify.AbstractEvidence;
import org.claimcheck.verify.ClaimVerdict;
import org.claimcheck.verify.EvidenceSentence;
import org.jsoup.parser.Parser;

/**
 * Thread-safe (stateless). The JSON shapes of the API, as ordered maps so that the same data gives the same bytes.
 * Highlights go out twice: as the index's HTML ({@code <mark>} around matches, everything else escaped) and as plain
 * text fragments, which is what the page renders (it never parses HTML from the API).
 */
final class Views {
  private Views() {}

  static Map<String, Object> hit(SearchHit h) {
    PubmedRecord r = h.record();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rank", h.rank());
    m.put("id", r.id());
    m.put("title", r.title());
    m.put("year", r.year());
    m.put("journal", r.journal());
    m.put("publicationTypes", r.publicationTypes());
    m.put("retracted", r.retracted());
    m.put("score", Math.round(h.score() * 10_000) / 10_000.0);
    Map<String, Object> best = new LinkedHashMap<>();
    best.put("index", h.bestSentence());
    best.put("html", h.highlight());
    best.put("fragments", fragments(h.highlight()));
    m.put("sentences", List.of(best));
    m.put("url", r.pubmedUrl());
    return m;
  }

  /**
   * The highlight as {@code [{"text": "No ", "mark": false}, {"text": "toxicity", "mark": true}, ...]}: plain text,
   * entities decoded.
   */
  static List<Map<String, Object>> fragments(String html) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (html == null) {
      return out;
    }
    int at = 0;
    while (at < html.length()) {
      int open = html.indexOf("<mark>", at);
      if (open < 0) {
        add(out, html.substring(at), false);
        break;
      }
      add(out, html.substring(at, open), false);
      int close = html.indexOf("</mark>", open);
      if (close < 0) {
        add(out, html.substring(open + 6), true);
        break;
      }
      add(out, html.substring(open + 6, close), true);
      at = close + 7;
    }
    return out;
  }

  private static void add(List<Map<String, Object>> out, String html, boolean mark) {
    if (html.isEmpty()) {
      return;
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("text", Parser.unescapeEntities(html, false));
    f.put("mark", mark);
    out.add(f);
  }

  static Map<String, Object> record(PubmedRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("title", r.title());
    m.put("journal", r.journal());
    m.put("pubDate", r.pubDate());
    m.put("year", r.year());
    m.put("authors", r.authors());
    m.put("doi", r.doi());
    m.put("publicationTypes", r.publicationTypes());
    m.put("mesh", r.mesh().stream().map(h -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("descriptor", h.descriptor());
      x.put("major", h.major());
      x.put("qualifiers", h.qualifiers());
      return x;
    }).toList());
    m.put("language", r.language());
    m.put("humans", r.humans());
    m.put("animals", r.animals());
    m.put("retracted", r.retracted());
    m.put("sections", r.sections().stream().map(s -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("label", s.label());
      x.put("text", s.text());
      return x;
    }).toList());
    m.put("sentences", r.sentences());
    m.put("sentenceSections", sentenceSections(r));
    m.put("url", r.pubmedUrl());
    return m;
  }

  /**
   * The section each sentence lies in (an index into the sections), or null when the sentences are not pieces of the
   * sections in order (a corpus's own sentence list, no sections): found as the index stores sentences as spans.
   */
  static List<Integer> sentenceSections(PubmedRecord r) {
    int[] places = r.sentencePlaces();
    if (places == null) {
      return null;
    }
    List<Integer> out = new java.util.ArrayList<>(places.length / 2);
    for (int i = 0; i < places.length; i += 2) {
      out.add(places[i]);
    }
    return out;
  }

  static Map<String, Object> verdict(ClaimVerdict v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("claim", v.claim().claim());
    m.put("verdict", v.verdict().name());
    m.put("confidence", v.confidence());
    m.put("supporting", v.supporting());
    m.put("contradicting", v.contradicting());
    AbstractEvidence best = v.best();
    m.put("best", best == null ? null : best.id());
    m.put("abstracts", v.abstracts().stream().map(Views::evidence).toList());
    return m;
  }

  private static Map<String, Object> evidence(AbstractEvidence a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("title", a.title());
    m.put("year", a.year());
    m.put("journal", a.journal());
    m.put("design", a.design().label());
    m.put("retracted", a.retracted());
    m.put("stance", a.stance().name());
    m.put("probability", a.probability());
    m.put("retrievalScore", Math.round(a.retrievalScore() * 10_000) / 10_000.0);
    m.put("sentences", a.sentences().stream().map(Views::sentence).toList());
    m.put("url", a.url());
    return m;
  }

  private static Map<String, Object> sentence(EvidenceSentence s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("index", s.index());
    m.put("text", s.text());
    m.put("stance", s.stance().name());
    m.put("probability", s.probability());
    return m;
  }

  /** The error body: what is wrong, with what, and what to do. */
  static Map<String, Object> error(int status, String error, String detail, String hint) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", status);
    m.put("error", error);
    m.put("detail", detail);
    m.put("hint", hint);
    return m;
  }

  /** {@code s} cut to {@code max} characters, for echoing client input in messages. */
  static String clip(String s, int max) {
    if (s == null) {
      return null;
    }
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }
}
