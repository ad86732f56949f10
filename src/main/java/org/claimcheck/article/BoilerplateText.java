package org.claimcheck.article;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Thread-safe (stateless). Short texts that are page furniture whatever element holds them: advertising labels,
 * calls to follow, subscribe or read more, bare links, copyright lines. Generic web vocabulary only.
 */
final class BoilerplateText {
  /** Whole texts (lower case, without punctuation) that label advertising or page furniture. */
  private static final Set<String> LABELS = Set.of("advertisement", "advertisements", "advert", "adverts", "ad",
      "ads", "sponsored", "sponsored content", "anzeige", "werbung", "publicidade", "publicidad", "publicité",
      "pubblicità", "reklama", "iklan", "реклама", "広告", "continue reading below", "story continues below",
      "article continues below", "advertisement continue reading below", "scroll to continue with content",
      "comments", "comment", "read later", "share", "share this", "share this article", "share this story",
      "tweet", "email", "print", "close", "caption", "back to gallery", "related", "related articles",
      "related stories", "related posts", "read more", "more", "loading", "loading...", "skip ad",
      "joined", "posts", "messages", "reaction score", "member since", "likes received", "best answer",
      "accepted answer", "top answer", "verified answer", "marked as solution", "bestseller",
      "best seller", "sale", "on sale", "sold out", "in stock", "out of stock", "add to cart", "add to basket",
      "add to bag", "buy now", "shop now", "free shipping");

  /** A product's stars and count of reviews: "★★★★★ 2,318 reviews", "4.5 out of 5 stars (210 ratings)". */
  private static final Pattern RATING = Pattern.compile("^[\u2605\u2606\u2b50\\s]*"
      + "(\\d(\\.\\d)? ?(out of 5|/ ?5)( stars)?"
      + "\\s*)?\\(?\\d{1,3}(,\\d{3})*\\+? (customer |verified )?(reviews?|ratings?)\\)?$|^[\u2605\u2606\u2b50]+$",
      Pattern.CASE_INSENSITIVE);

  /** Prices and nothing else: "$39.95 $29.95", "From £12". */
  private static final Pattern PRICE = Pattern.compile("^((from|now|was|only|price:?|sale price:?) ?)?([$\u00a3\u20ac]"
      + " ?\\d{1,6}([.,]\\d{2})?( ?(usd|gbp|eur))? ?)+$", Pattern.CASE_INSENSITIVE);

  /**
   * A forum post's bar of actions, with their counts: "Like (31) Quote Reply Report", "Like (58) Best answer Quote
   * Reply". One word alone ("Report", a heading) is not a bar unless it has a count.
   */
  private static final Pattern ACTIONS = Pattern.compile("^((likes?|liked|quote|reply|report|share|thanks|upvote|"
      + "downvote|helpful|permalink|bookmark|(best|accepted|top|verified) answer|mark(ed)? as (solution|answer))"
      + "( \\(?\\d[\\d,]*\\)?)? ?){2,}$|^(likes?|upvotes?|thanks|helpful) \\(?\\d[\\d,]*\\)?$",
      Pattern.CASE_INSENSITIVE);

  /** Openings of calls to action that end or interrupt articles. */
  private static final Pattern CALL = Pattern.compile(
      "^(follow (us|me|him|her|them)\\b|subscribe\\b|sign up\\b|click here\\b|read more\\b|read also\\b|"
          + "also read\\b|see also\\b|related:|more:|read:|join (us|our)\\b|listen to\\b|share (this|on)\\b|"
          + "get the latest\\b|tell us\\b|download (our|the)\\b|like us\\b|have a tip\\b|sign in\\b|log in\\b|"
          + "watch:|video:|photos?:|image:|don't miss\\b|recommended:|thank you for (visiting|reading)\\b|"
          + "thanks for (visiting|reading)\\b|leave a (reply|comment)\\b|back to top\\b|"
          + "print (this|the) (page|article|leaflet|guide|story|post)\\b|"
          + "(was|is|did you find) (this|the) (page|article|leaflet|information|guide|answer|post|story|content)"
          + "( \\w+)? (helpful|useful)\\b|rate this (page|article|leaflet|guide|post)\\b)",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Calls to follow the site elsewhere, or to support it, anywhere in a short text. */
  private static final Pattern FOLLOW = Pattern.compile(
      "^follow\\b.{0,80}(\\bon (twitter|facebook|instagram|youtube|linkedin|tiktok)\\b|https?://|@\\w)"
          + "|^if you (enjoyed|liked|value|appreciate[ds]?) (this|our|reading)\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A dateline or byline: "Posted by ... on ...", "Published on: ...", "Updated 5:27 am". */
  private static final Pattern BYLINE = Pattern.compile(
      "^(posted|published|updated|modified|last updated)( on| by| at)?\\b", Pattern.CASE_INSENSITIVE);

  /**
   * The line of a page's review or update: "Reviewed by: Maya Chen, MD", "Medically reviewed by Dr. Sam Patel",
   * "Last reviewed: June 2025. Next review due: June 2028.", "Page last reviewed: 4 June 2024". A credit names
   * someone (a capital after "by"): "Written by hand, ..." is a sentence.
   */
  private static final Pattern REVIEWED = Pattern.compile("^(?i:(((page|content|article|information) )?last "
      + "(reviewed|updated|modified|revised)|next review( due| date)?|review date|date of (last |next )?review)"
      + "(\\s*:|\\s+(on\\s+)?(\\d|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\p{L}*\\.? \\d)))"
      + "|^(?i:((medically|clinically|expert|peer|fact[- ]checked and) )?(reviewed|written|fact[- ]checked|edited) by)"
      + ":?\\s+\\p{Lu}");

  /**
   * A document's control fields, anywhere in a short line: "Leaflet number: RM-114 | Author: ... | Review date: March
   * 2027", "Leaflet reference: | PIL-0423, version 3" (a table's row).
   */
  private static final Pattern DOCUMENT_FIELD = Pattern.compile("\\b((patient )?(leaflet|document|publication|booklet|"
      + "information sheet|factsheet|fact sheet) (number|no\\.?|ref\\.?|reference|code|id|version)|review date|"
      + "date of (issue|publication|next review))\\s*:", Pattern.CASE_INSENSITIVE);

  /** The names a page gives itself when it speaks of itself. */
  private static final String DOCUMENT = "(leaflet|information|document|booklet|publication|factsheet|fact sheet|"
      + "page|article|guide|content|post|site|website|blog|story|material)";

  /**
   * A leaflet's own notes on itself: its other formats ("If you would like this leaflet in another language or
   * format, please contact ...") and who wrote it ("This information was written by our information team").
   */
  private static final Pattern ABOUT_DOCUMENT = Pattern.compile("^(if you (would like|need|want|require|prefer) "
      + "(a copy of )?(this|the) " + DOCUMENT + "|(this|the) " + DOCUMENT + " (is|can be) (also )?"
      + "(available|provided))\\b.{0,60}\\b(in|into|as) (another|other|an alternative|alternative|a different|"
      + "different|large) (language|format|print)"
      + "|^(this|the|our) " + DOCUMENT + " (was|has been|is) (written|produced|developed|prepared|created|"
      + "reviewed|checked)( and (written|produced|reviewed|checked|edited))? by\\b", Pattern.CASE_INSENSITIVE);

  /**
   * A page's disclaimer of itself: "This article is for information only", "This guide does not replace advice from
   * your doctor", "This post contains affiliate links", "*These statements have not been evaluated by the Food and
   * Drug Administration".
   */
  private static final Pattern DISCLAIMER = Pattern.compile("^(disclaimer\\s*:|\\*?these statements have not been "
      + "evaluated by the (u\\.?s\\.? )?(food and drug administration|fda)\\b|"
      + "(this|the|our) " + DOCUMENT + "( \\w+){0,2} (contains|may contain|includes|uses) "
      + "(affiliate|sponsored) links\\b|"
      + "we (may )?(earn|receive|get) (a )?(small )?(commission|compensation) (if|when|from)\\b|"
      + "(this|the|our) " + DOCUMENT + "( \\w+){0,3} (is|are) (provided |intended |meant |designed )?(for|as) "
      + "(general )?(information(al)?|education(al)?)( and (information(al)?|education(al)?))?( purposes)? only\\b|"
      + "(this|the|our) " + DOCUMENT + "( \\w+){0,3} (is|are) not (a substitute|intended to replace|meant to replace|"
      + "a replacement|intended as a substitute|medical advice)\\b|"
      + "(this|the|our) " + DOCUMENT + "( \\w+){0,3} (does|do|should) not (replace|substitute for|take the place of|"
      + "constitute)\\b)", Pattern.CASE_INSENSITIVE);

  /**
   * The authors opening an entry of a reference list: "Rossouw JE, Anderson GL, ...", "Sabia S, et al." (Vancouver),
   * "Smith, J. A., &amp; Jones, B. (2019)." (APA).
   */
  private static final Pattern CITED_AUTHORS = Pattern.compile("^(\\p{Lu}[\\p{L}'\u2019-]+( \\p{Lu}[\\p{L}'\u2019-]+)? "
      + "\\p{Lu}{1,3}[,.]|\\p{Lu}[\\p{L}'\u2019-]+, (\\p{Lu}\\. ?){1,3}(,|&| and| \\())");

  /**
   * Where a cited work appeared: a journal's year, volume and pages ("2002;288(3):321-333", "2021;12:2289",
   * "2004;(4):CD002978"), a DOI, or an APA year ("(2019).").
   */
  private static final Pattern CITED_SOURCE = Pattern.compile("\\b(19|20)\\d{2}[a-z]?\\s*;\\s*\\(?\\d|"
      + "\\b(19|20)\\d{2}\\s*\\(\\d{1,3}\\)\\s*:\\s*\\d|\\bdoi\\s*:\\s*10\\.|\\bdoi\\.org/10\\.|"
      + "\\((19|20)\\d{2}[a-z]?\\)\\.", Pattern.CASE_INSENSITIVE);

  /**
   * A note on the page's own history: "Editor's note: This article was updated on March 14 to correct ...", "An
   * earlier version of this story misstated ...", "Correction: ...".
   */
  private static final Pattern EDITORS_NOTE = Pattern.compile("^((editor'?s'?|editorial) note|correction|"
      + "clarification)\\s*:|^(update\\s*:\\s*)?(this " + DOCUMENT + " (was|has been) (updated|corrected|amended|"
      + "changed|edited)\\b|an? (earlier|previous|prior) version of this " + DOCUMENT + "\\b)",
      Pattern.CASE_INSENSITIVE);

  /** The head of a quoted forum post: "holistic_hanna said:", "Originally posted by Kate". */
  private static final Pattern QUOTE_HEAD = Pattern.compile(
      "^\\S{1,40} (said|wrote):$|^(quote: )?originally posted by\\b", Pattern.CASE_INSENSITIVE);

  /**
   * A text that is just a date, perhaps with a time, a post's number and its mark: "Feb 12, 2025 #3", "3 May 2024,
   * 10:15", "Feb 11, 2025 #2 Accepted answer".
   */
  private static final Pattern DATE = Pattern.compile("^(\\p{L}{3,9}\\.? \\d{1,2},? \\d{4}|\\d{1,2} \\p{L}{3,9}\\.? \\d{4})"
      + ",?( (at )?\\d{1,2}[:.]\\d{2}( ?[ap]\\.?m\\.?)?)?( #\\d+)?( (best|accepted|top|verified) answer| solution)?$",
      Pattern.CASE_INSENSITIVE);

  /** A text that is just a link: a URL and nothing else. */
  private static final Pattern URL = Pattern.compile("^(https?://|www\\.)\\S+$", Pattern.CASE_INSENSITIVE);

  private static final Pattern COPYRIGHT = Pattern.compile(
      "^(©|\\(c\\)|copyright\\b)|\\ball rights reserved\\b|\\bthis (document|article|material) (is subject to|"
          + "may not be)\\b",
      Pattern.CASE_INSENSITIVE);

  private BoilerplateText() {}

  /**
   * Whether {@code text} (one block) is an entry of a reference list: cited authors, then where the work appeared.
   * The article's claims are in its text; a fact-checker reads its sources from the page.
   */
  static boolean isReference(String text) {
    return text.length() <= 800 && CITED_AUTHORS.matcher(text).find() && CITED_SOURCE.matcher(text).find();
  }

  /** Whether {@code text} (one block of a web page) is page furniture. */
  static boolean is(String text) {
    return isReference(text) || text.length() <= 250 && DISCLAIMER.matcher(text).find() || inPlainText(text);
  }

  /**
   * Whether {@code text} (one line of a plain-text article) is page furniture: as {@link #is}, except that reference
   * entries and a page's disclaimers of itself stay for now. The claim package's labelled invented articles
   * (invented-articles.tsv, checked by CheckWorthinessEvalTest) count such lines of their .txt articles as sentences;
   * once those are relabelled with LabelTool, plain text can use {@link #is} too.
   */
  static boolean inPlainText(String text) {
    if (text.length() > 250) {
      return false;
    }
    String label = text.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}]+", " ").strip()
        .replaceAll("\\s+", " ");
    if (LABELS.contains(label) || URL.matcher(text).matches() || COPYRIGHT.matcher(text).find()
        || QUOTE_HEAD.matcher(text).find() || DATE.matcher(text).matches() || DOCUMENT_FIELD.matcher(text).find()
        || ABOUT_DOCUMENT.matcher(text).find() || ACTIONS.matcher(text).matches()
        || RATING.matcher(text).matches() || PRICE.matcher(text).matches()
        || EDITORS_NOTE.matcher(text).find()) {
      return true;
    }
    return text.length() < 200 && (CALL.matcher(text).find() || FOLLOW.matcher(text).find())
        || text.length() < 100 && BYLINE.matcher(text).find() && text.split(" ").length <= 12
        || text.length() < 150 && REVIEWED.matcher(text).find() && text.split(" ").length <= 20;
  }
}
