package org.claimcheck.nlp;

import java.util.List;

/**
 * The tokens of one sentence with their Universal Dependencies part-of-speech tags, character offsets in the
 * sentence, and lemmas (empty when the caller did not ask for them: the lemmatizer is most of the OpenNLP cost).
 */
public record Tagged(List<String> tokens, List<String> tags, List<Integer> starts, List<String> lemmas) {
  public Tagged {
    tokens = List.copyOf(tokens);
    tags = List.copyOf(tags);
    starts = List.copyOf(starts);
    lemmas = List.copyOf(lemmas);
    if (tags.size() != tokens.size() || starts.size() != tokens.size()
        || (!lemmas.isEmpty() && lemmas.size() != tokens.size())) {
      throw new IllegalArgumentException("tokens, tags, offsets and lemmas differ in length");
    }
  }

  public int size() {
    return tokens.size();
  }

  public boolean hasLemmas() {
    return !lemmas.isEmpty() || tokens.isEmpty();
  }

  /** The lemma of token {@code i}, or the lower-cased token when lemmas were not computed. */
  public String lemma(int i) {
    return lemmas.isEmpty() ? tokens.get(i).toLowerCase(java.util.Locale.ROOT) : lemmas.get(i);
  }
}
