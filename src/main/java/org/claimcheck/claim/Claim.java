package org.claimcheck.claim;

import java.util.List;
import java.util.Objects;
import org.claimcheck.Hashes;

/**
 * One check-worthy, atomic claim taken from an article sentence; a row of {@code claims/claims.csv} and a line of
 * {@code claims/claims.jsonl}.
 *
 * @param id stable id: 16 hex digits of SHA-256 over the article id and the normalised claim
 * @param sentenceIndex the sentence's position in the article (0-based, headings included)
 * @param sentence the sentence as the article gives it
 * @param context the heading the sentence stands under, or null
 * @param claim the claim, normalised (references resolved, one item of a list)
 * @param subject the subject phrase, may be empty
 * @param relation the relation (verb phrase), may be empty
 * @param object the object phrase, may be empty
 * @param negated whether the claim is negated ("B12 has no toxicity"; "B12 is unlikely to cause acne", which is also
 *     probable)
 * @param hedged whether it is hedged ("may", "might", "some studies suggest")
 * @param checkWorthiness in [0, 1]
 * @param reasons why the score is what it is, e.g. "health entity: vitamin_b12"
 * @param entities ids of the lexicon concepts the claim mentions
 * @param certainty "certain", "probable" (likely, suggests, is thought to) or "possible" (may, might, could)
 * @param topic ids of the lexicon concepts the claim is about by its place in the article (its section's topic, else
 *     the article's): what "Short-term memory takes a hit" under a page on B12 deficiency is about although it names
 *     no concept. Empty for a claim given as text
 */
public record Claim(
    String id,
    String articleId,
    String articleUrl,
    String articleTitle,
    int sentenceIndex,
    String sentence,
    String context,
    String claim,
    String subject,
    String relation,
    String object,
    boolean negated,
    boolean hedged,
    double checkWorthiness,
    List<String> reasons,
    List<String> entities,
    String certainty,
    List<String> topic) {

  public Claim {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(sentence, "sentence");
    if (sentenceIndex < 0) {
      throw new IllegalArgumentException("sentenceIndex < 0: " + sentenceIndex);
    }
    if (!(checkWorthiness >= 0 && checkWorthiness <= 1)) {
      throw new IllegalArgumentException("checkWorthiness outside [0, 1]: " + checkWorthiness);
    }
    reasons = List.copyOf(reasons);
    entities = List.copyOf(entities);
    topic = topic == null ? List.of() : List.copyOf(topic);
    subject = subject == null ? "" : subject;
    relation = relation == null ? "" : relation;
    object = object == null ? "" : object;
    certainty = certainty == null || certainty.isEmpty() ? (hedged ? "possible" : "certain") : certainty;
  }

  /** A claim without a topic of its place (given as text, or read from a file written before topics were kept). */
  public Claim(String id, String articleId, String articleUrl, String articleTitle, int sentenceIndex, String sentence,
      String context, String claim, String subject, String relation, String object, boolean negated, boolean hedged,
      double checkWorthiness, List<String> reasons, List<String> entities, String certainty) {
    this(id, articleId, articleUrl, articleTitle, sentenceIndex, sentence, context, claim, subject, relation, object,
        negated, hedged, checkWorthiness, reasons, entities, certainty, List.of());
  }

  /** The stable id of a claim of an article. */
  public static String idFor(String articleId, String normalisedClaim) {
    return Hashes.id(articleId + "\n" + normalisedClaim);
  }
}
