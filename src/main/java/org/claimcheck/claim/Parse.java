package org.claimcheck.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.claimcheck.nlp.Annotator;
import org.claimcheck.nlp.CharSpan;
import org.claimcheck.nlp.Tagged;

/**
 * Thread-safe once built (its arrays are not changed after construction); one per sentence. A sentence as the claim
 * stage reads it: tokens with UD tags, verb lemmas, character offsets, the lexicon concept each token belongs to, and
 * whether it is a health word.
 */
final class Parse {
  final String text;
  final String[] tok;
  final String[] low;
  final String[] tag;
  final String[] lemma;
  final int[] start;
  final int[] end;
  /** Index into {@link #matches} of the lexicon mention a token lies in, or -1. */
  final int[] mention;
  final List<Lexicon.Match> matches;
  /** The lexicon the matches come from (the built-in one, or it with a user's extra concepts). */
  final Lexicon lexicon;
  final boolean[] healthWord;

  Parse(String text, Annotator annotator, Lexicon lexicon) {
    this(text, annotator, lexicon, Annotator.Lemmas.VERBS);
  }

  Parse(String text, Annotator annotator, Lexicon lexicon, Annotator.Lemmas lemmas) {
    this.text = text;
    this.lexicon = lexicon;
    this.matches = lexicon.find(text);
    List<CharSpan> spans = new ArrayList<>(matches.size());
    for (Lexicon.Match m : matches) {
      spans.add(new CharSpan(m.start(), m.end()));
    }
    Tagged t = annotator.tag(text, spans, lemmas);
    int n = t.size();
    tok = t.tokens().toArray(new String[0]);
    tag = t.tags().toArray(new String[0]);
    low = new String[n];
    lemma = new String[n];
    start = new int[n];
    end = new int[n];
    mention = new int[n];
    healthWord = new boolean[n];
    for (int i = 0; i < n; i++) {
      low[i] = tok[i].toLowerCase(Locale.ROOT).replace('\u2019', '\'');
      lemma[i] = t.lemma(i).replace('\u2019', '\'');
      start[i] = t.starts().get(i);
      end[i] = start[i] + tok[i].length();
      mention[i] = -1;
      for (int k = 0; k < matches.size(); k++) {
        if (start[i] < matches.get(k).end() && end[i] > matches.get(k).start()) {
          mention[i] = k;
        }
      }
      healthWord[i] = Cues.isHealthWord(low[i]);
    }
  }

  int size() {
    return tok.length;
  }

  boolean isEntity(int i) {
    return mention[i] >= 0;
  }

  boolean isVerbal(int i) {
    return tag[i].equals("VERB") || tag[i].equals("AUX");
  }

  boolean isNounish(int i) {
    return isEntity(i) || tag[i].equals("NOUN") || tag[i].equals("PROPN") || tag[i].equals("PRON")
        || tag[i].equals("NUM");
  }

  boolean isPunct(int i) {
    return tag[i].equals("PUNCT") || tok[i].equals(",") || tok[i].equals(":") || tok[i].equals(";");
  }

  /** The text of tokens [from, to) as the sentence writes it. */
  String text(int from, int to) {
    if (from >= to) {
      return "";
    }
    return text.substring(start[from], end[to - 1]);
  }

  /** Whether a space stands between token i-1 and token i in the sentence. */
  boolean spaceBefore(int i) {
    return i > 0 && start[i] > end[i - 1];
  }

  /** Index of the first token at or after {@code from} (and before {@code to}) whose lower case is {@code word}. */
  int indexOf(String word, int from, int to) {
    for (int i = from; i < to; i++) {
      if (low[i].equals(word)) {
        return i;
      }
    }
    return -1;
  }
}
