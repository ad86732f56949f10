package org.claimcheck.claim;

import java.util.Objects;

/**
 * Thread-safe (immutable). Something a reference can point to: its text as a claim should say it, the lexicon concept
 * it names (or null), and whether it is plural ("these injections" can be "they").
 */
record Mention(String text, Lexicon.Concept concept, boolean plural) {
  Mention {
    Objects.requireNonNull(text, "text");
  }

  boolean isA(String type) {
    return concept != null && concept.type().equals(type);
  }
}
