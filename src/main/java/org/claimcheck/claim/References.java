package org.claimcheck.claim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Not thread-safe: one per article, on the worker thread reading it (it follows the reading position). Resolves simple
 * references: pronouns ("it", "this", "they", "its") and anaphoric noun phrases ("this vitamin", "the deficiency", "the
 * condition") to what they most likely mean: an earlier clause of the same sentence, the label of the list item, the
 * subject of the sentence before, the section heading, and last the article's topic.
 */
final class References {
  /** Nouns that, with "this", "the" or "a" and no complement of their own, point back to a known entity. */
  static final Set<String> SUBSTANCE_NOUNS = Set.of("vitamin", "nutrient", "supplement", "compound", "substance",
      "micronutrient");
  static final Set<String> CONDITION_NOUNS = Set.of("condition", "disorder", "disease", "syndrome", "illness");
  static final String DEFICIENCY = "deficiency";

  private final Mention topic;
  private final Mention topicSubstance;
  private final Mention topicCondition;
  Mention section;
  Mention label;
  /** The sentence that set {@link #label} (null for a table header). */
  Parse labelIn;
  Mention previous;
  /** The sentences read before this one in the same paragraph or item, nearest first (at most two). */
  private final Deque<Parse> recent = new ArrayDeque<>();

  References(Mention topic, Mention topicSubstance, Mention topicCondition) {
    this.topic = topic;
    this.topicSubstance = topicSubstance;
    this.topicCondition = topicCondition;
  }

  Mention topic() {
    return topic;
  }

  /** A sentence read: "these neurotransmitters" in the next two may name a noun phrase of it. */
  void read(Parse p) {
    recent.addFirst(p);
    while (recent.size() > 2) {
      recent.removeLast();
    }
  }

  /** A new list item, labelled item, heading or table row: the sentences before it are not its antecedents. */
  void forgetSentences() {
    recent.clear();
  }

  /** The sentences read before this one in the same paragraph or item, nearest first. */
  List<Parse> recent() {
    return List.copyOf(recent);
  }

  /** What "it", "this" or "its" most likely means, given mentions earlier in the sentence (nearest last). */
  Mention it(List<Mention> earlier) {
    for (int i = earlier.size() - 1; i >= 0; i--) {
      if (earlier.get(i).concept() != null && !earlier.get(i).plural()) {
        return earlier.get(i);
      }
    }
    if (label != null && label.concept() != null) {
      return label;
    }
    if (previous != null && previous.concept() != null && !previous.plural()) {
      return previous;
    }
    return topic;
  }

  /** What "they" or "these" most likely means, or null when nothing plural is near. */
  Mention they(List<Mention> earlier) {
    for (int i = earlier.size() - 1; i >= 0; i--) {
      if (earlier.get(i).plural()) {
        return earlier.get(i);
      }
    }
    if (label != null && label.plural()) {
      return label;
    }
    if (previous != null && previous.plural()) {
      return previous;
    }
    return null;
  }

  /** What "this vitamin", "the nutrient" most likely means. */
  Mention substance(List<Mention> earlier) {
    Mention m = ofType(earlier, "substance");
    return m != null ? m : topicSubstance;
  }

  /** What "the condition", "this disorder" most likely means. */
  Mention condition(List<Mention> earlier) {
    for (int i = earlier.size() - 1; i >= 0; i--) {
      if (earlier.get(i).isA("condition")) {
        return earlier.get(i);
      }
    }
    if (label != null && label.isA("condition")) {
      return label;
    }
    if (topicCondition != null) {
      return topicCondition;
    }
    return ofType(List.of(), "condition");
  }

  /** What "the deficiency" or a bare "deficiency" most likely means. */
  Mention deficiency() {
    if (topicCondition != null && topicCondition.text().toLowerCase(java.util.Locale.ROOT).contains(DEFICIENCY)) {
      return topicCondition;
    }
    if (topicSubstance != null) {
      return new Mention(topicSubstance.text() + " deficiency", null, false);
    }
    return null;
  }

  private Mention ofType(List<Mention> earlier, String type) {
    for (int i = earlier.size() - 1; i >= 0; i--) {
      if (earlier.get(i).isA(type)) {
        return earlier.get(i);
      }
    }
    if (label != null && label.isA(type)) {
      return label;
    }
    if (previous != null && previous.isA(type)) {
      return previous;
    }
    if (section != null && section.isA(type)) {
      return section;
    }
    return null;
  }
}
