package org.claimcheck.claim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.claimcheck.article.Article;
import org.claimcheck.article.Block;
import org.claimcheck.nlp.Annotator;
import org.claimcheck.nlp.Sentence;
import org.claimcheck.nlp.Tagged;

/**
 * One per worker thread (it holds an OpenNLP {@link Annotator}). Turns an article into candidate claims, one per
 * sentence, each scored for check-worthiness with its reasons. Headings are not claims: they become the context of the
 * sentences under them.
 */
public final class ClaimExtractor {
  private static final Set<String> NEGATION_CUES = Set.of("no", "not", "n't", "never", "none", "neither", "nor",
      "without", "cannot", "nothing", "nobody");
  private static final Pattern HEDGE = Pattern.compile(
      "\\b(may|might|could|possibly|perhaps|potentially|likely|unlikely|suggests?|suggested|appears?|seems?"
          + "|is thought to|are thought to|is believed to|are believed to|some studies)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern BOILERPLATE = Pattern.compile(
      "(click here|subscribe|sign up|newsletter|cookie|leave a (reply|comment)|share this|all rights reserved"
          + "|privacy policy|terms of (use|service)|thank you for (reading|visiting)|follow us|read more"
          + "|related posts?|copyright|log ?in|contact us|book an? (appointment|consultation))",
      Pattern.CASE_INSENSITIVE);
  private static final Set<String> PERSONAL = Set.of("i", "we", "you", "my", "our", "your", "me", "us", "yours",
      "ours", "i'm", "we're", "you're", "let's");

  private final Lexicon lexicon;
  private final Annotator annotator;

  public ClaimExtractor(Lexicon lexicon) {
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    this.annotator = new Annotator();
  }

  /** Every sentence of the article that is not a heading, as a scored candidate claim. */
  public List<Claim> extract(Article article) {
    List<Claim> out = new ArrayList<>();
    String context = null;
    int sentenceIndex = 0;
    for (Block block : article.blocks()) {
      if (block.kind() == Block.Kind.HEADING) {
        context = block.text();
        sentenceIndex++;
        continue;
      }
      for (Sentence s : annotator.sentences(block.text())) {
        Claim c = score(article, sentenceIndex++, s.text(), context);
        if (c != null) {
          out.add(c);
        }
      }
    }
    return out;
  }

  private Claim score(Article article, int index, String sentence, String context) {
    Tagged t = annotator.tag(sentence, false);
    if (t.size() == 0) {
      return null;
    }
    List<String> reasons = new ArrayList<>();
    List<Lexicon.Match> matches = lexicon.find(sentence);
    Set<String> entities = new LinkedHashSet<>();
    matches.forEach(m -> entities.add(m.concept().id()));

    double score = 0.2;
    boolean question = sentence.stripTrailing().endsWith("?");
    boolean boilerplate = BOILERPLATE.matcher(sentence).find();
    boolean imperative = isImperative(t);
    int predicate = firstPredicate(t);
    boolean personal = false;
    for (String tok : t.tokens()) {
      if (PERSONAL.contains(tok.toLowerCase(Locale.ROOT))) {
        personal = true;
        break;
      }
    }
    if (!entities.isEmpty()) {
      score += 0.35;
      reasons.add("health entity: " + String.join(", ", entities));
    } else {
      reasons.add("no health entity");
    }
    if (predicate >= 0) {
      score += 0.25;
      reasons.add("relation predicate: " + t.tokens().get(predicate));
    } else {
      reasons.add("no verb");
    }
    if (t.size() >= 6 && t.size() <= 50) {
      score += 0.1;
    }
    if (personal) {
      score -= 0.25;
      reasons.add("first or second person");
    }
    if (question) {
      score = Math.min(score, 0.05);
      reasons.add("question");
    }
    if (imperative) {
      score = Math.min(score, 0.1);
      reasons.add("imperative");
    }
    if (boilerplate) {
      score = Math.min(score, 0.02);
      reasons.add("boilerplate");
    }
    score = Math.max(0, Math.min(1, score));

    boolean negated = false;
    for (String tok : t.tokens()) {
      if (NEGATION_CUES.contains(tok.toLowerCase(Locale.ROOT))) {
        negated = true;
        break;
      }
    }
    boolean hedged = HEDGE.matcher(sentence).find();
    if (negated) {
      reasons.add("negated");
    }
    if (hedged) {
      reasons.add("hedged");
    }
    String subject = predicate > 0 ? join(t, 0, predicate) : "";
    int relEnd = predicate;
    if (predicate >= 0) {
      relEnd = predicate + 1;
      while (relEnd < t.size() && isVerbal(t.tags().get(relEnd))) {
        relEnd++;
      }
    }
    String relation = predicate >= 0 ? join(t, predicate, relEnd) : "";
    int objEnd = t.size();
    while (objEnd > 0 && t.tags().get(objEnd - 1).equals("PUNCT")) {
      objEnd--;
    }
    String object = predicate >= 0 && relEnd < objEnd ? join(t, relEnd, objEnd) : "";
    String normalised = sentence.strip();
    return new Claim(Claim.idFor(article.id(), normalised), article.id(), article.url(), article.title(), index,
        sentence, context, normalised, subject, relation, object, negated, hedged, round(score), reasons,
        List.copyOf(entities));
  }

  private static boolean isImperative(Tagged t) {
    int i = 0;
    while (i < t.size() && (t.tags().get(i).equals("PUNCT") || t.tags().get(i).equals("ADV")
        || t.tokens().get(i).equalsIgnoreCase("please"))) {
      i++;
    }
    if (i >= t.size()) {
      return false;
    }
    String tok = t.tokens().get(i);
    String tag = t.tags().get(i);
    // A sentence that opens with a bare verb ("Consult your doctor", "Take 1000 mcg daily") gives advice.
    return tag.equals("VERB") && !tok.toLowerCase(Locale.ROOT).endsWith("ing") && !tok.endsWith("ed")
        && !tok.toLowerCase(Locale.ROOT).endsWith("s")
        || tok.equalsIgnoreCase("don't") || tok.equalsIgnoreCase("do") && i + 1 < t.size()
        && t.tokens().get(i + 1).equalsIgnoreCase("not");
  }

  private static int firstPredicate(Tagged t) {
    for (int i = 0; i < t.size(); i++) {
      String tag = t.tags().get(i);
      if (tag.equals("VERB") || tag.equals("AUX")) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isVerbal(String tag) {
    return tag.equals("VERB") || tag.equals("AUX") || tag.equals("PART");
  }

  private static String join(Tagged t, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      String tok = t.tokens().get(i);
      if (sb.length() > 0 && !tok.equals(",") && !tok.equals(".") && !tok.startsWith("'") && !tok.equals("n't")) {
        sb.append(' ');
      }
      sb.append(tok);
    }
    return sb.toString();
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
