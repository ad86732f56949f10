package org.claimcheck.nlp;

/**
 * One sentence of a text: its characters and where they stand in the text ({@code start} inclusive, {@code end}
 * exclusive).
 */
public record Sentence(String text, int start, int end) {
  public Sentence {
    if (text == null || start < 0 || end < start) {
      throw new IllegalArgumentException("bad sentence span [" + start + ", " + end + ")");
    }
  }
}
