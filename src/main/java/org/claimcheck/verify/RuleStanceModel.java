package org.claimcheck.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Thread-safe. A transparent baseline stance rule: a sentence is relevant in proportion to the claim's stemmed words
 * it shares; a relevant sentence contradicts the claim when exactly one of the two is negated or when they move the
 * same thing in opposite directions ("increases" against "decreases"), and supports it otherwise.
 */
public final class RuleStanceModel implements StanceModel {
  private static final Pattern NEGATION = Pattern.compile(
      "\\b(no|not|never|none|neither|nor|without|cannot|lack(s|ed)?|fail(s|ed)? to|unaffected|unrelated"
          + "|did not|does not|do not|is not|was not|were not|are not|unlikely|improbable|doubtful)\\b|n't\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern UP = Pattern.compile(
      "\\b(increas\\w*|higher|rais\\w*|elevat\\w*|improv\\w*|promot\\w*|enhanc\\w*|more|greater|induc\\w*)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DOWN = Pattern.compile(
      "\\b(decreas\\w*|lower\\w*|reduc\\w*|declin\\w*|impair\\w*|inhibit\\w*|suppress\\w*|less|fewer|attenuat\\w*)\\b",
      Pattern.CASE_INSENSITIVE);

  private final SentenceOverlap words = new SentenceOverlap();

  @Override
  public List<StanceScores> score(String pageClaim, List<String> sentences) {
    // Web pages write "doesn’t": the negation cues know the straight apostrophe only.
    String claim = pageClaim.replace('\u2019', '\'');
    Set<String> claimTerms = terms(claim);
    boolean claimNegated = NEGATION.matcher(claim).find();
    int claimDirection = direction(claim);
    List<StanceScores> out = new ArrayList<>(sentences.size());
    for (String pageSentence : sentences) {
      String s = pageSentence.replace('\u2019', '\'');
      double relevance = overlap(claimTerms, terms(s));
      if (relevance < 0.3) {
        out.add(new StanceScores(relevance / 2, 0, 1 - relevance / 2));
        continue;
      }
      boolean negated = NEGATION.matcher(s).find();
      int dir = direction(s);
      boolean opposite = negated != claimNegated || claimDirection * dir < 0;
      double p = Math.min(0.9, relevance);
      out.add(opposite ? new StanceScores(0, p, 1 - p) : new StanceScores(p, 0, 1 - p));
    }
    return out;
  }

  /** The fraction of the claim's terms the sentence has, in [0, 1]. */
  static double overlap(Set<String> claimTerms, Set<String> sentenceTerms) {
    return SentenceOverlap.fraction(claimTerms, sentenceTerms);
  }

  private static int direction(String s) {
    boolean up = UP.matcher(s).find();
    boolean down = DOWN.matcher(s).find();
    return up == down ? 0 : up ? 1 : -1;
  }

  Set<String> terms(String text) {
    return words.terms(text);
  }

  @Override
  public String describe() {
    return "rule: stemmed-word overlap >= 0.3 is relevant; negation or direction mismatch contradicts";
  }
}
