package org.claimcheck.nlp;

/**
 * Thread-safe (immutable). Characters [{@code start}, {@code end}) of a sentence that name one thing (a lexicon entity
 * such as "B12" or "vitamin B12 deficiency"). The tagger treats such a span as one noun: see
 * {@link Annotator#tag(String, java.util.List, Annotator.Lemmas)}.
 */
public record CharSpan(int start, int end) {
  public CharSpan {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }
}
