package org.claimcheck.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Thread-safe (stateless). Shallow clause analysis from UD tags, no parser: splits a sentence into coordinated clauses
 * and finds each clause's opening adverbial, subject, relation (the verb group) and object.
 */
final class Clauses {
  private Clauses() {}

  /** Words that open an adverbial clause or phrase before the subject ("When ..., ", "In humans, "). */
  private static final Set<String> INTRO_OPENERS = Set.of("when", "if", "while", "although", "though", "since",
      "because", "once", "unless", "after", "before", "as", "without", "with", "for", "in", "during", "despite",
      "by", "beyond", "depending", "from", "among", "compared", "like", "unlike", "given", "whereas", "even",
      "until", "upon", "on", "at", "to", "through", "within", "especially", "particularly", "following", "over",
      "under", "throughout", "whether", "regardless", "besides", "aside");

  private static final Set<String> CLAUSE_CONJ = Set.of("and", "but", "yet", "so", "or", "because", "while",
      "whereas", "although", "though");

  private static final Set<String> RELATIVE = Set.of("who", "which", "that", "whose", "whom", "where");
  /** Words that open a subordinate clause after a participle ("occurring when", "worsening if"). */
  private static final Set<String> SUBORDINATE = Set.of("when", "while", "if", "because", "although", "unless",
      "until", "once", "whenever");

  /**
   * One clause: tokens [from, to) of a {@link Parse}; the opening adverbial is [from, subjFrom); the subject
   * [subjFrom, pred); the relation [pred, relTo); the object [relTo, to). {@code pred} is -1 for a fragment (no
   * finite verb): then the whole clause is the object. {@code conj} is the conjunction that joined it to the clause
   * before ("and", "but", "so"), or null for the first.
   */
  record Clause(int from, int to, int subjFrom, int pred, int relTo, String conj) {
    boolean fragment() {
      return pred < 0;
    }

    boolean hasSubject() {
      return pred > subjFrom;
    }
  }

  /** The clauses of tokens [from, to) of {@code p}, left to right. */
  static List<Clause> of(Parse p, int from, int to) {
    to = trimEnd(p, from, to);
    List<Clause> out = new ArrayList<>();
    int start = from;
    String conj = null;
    int depth = 0;
    for (int i = from; i < to; i++) {
      String t = p.tok[i];
      if (t.equals("(") || t.equals("[")) {
        depth++;
      } else if (t.equals(")") || t.equals("]")) {
        depth = Math.max(0, depth - 1);
      }
      if (depth > 0 || i <= start) {
        continue;
      }
      int next = -1;
      String nextConj = null;
      if (t.equals(";")) {
        next = i + 1;
      } else if (t.equals(",") && i + 1 < to && CLAUSE_CONJ.contains(p.low[i + 1])) {
        next = i + 2;
        nextConj = p.low[i + 1];
      } else if (p.low[i].equals("but") && i > start + 2 && (p.isNounish(i - 1) || p.tag[i - 1].equals("PUNCT"))) {
        next = i + 1;
        nextConj = "but";
      } else if ((t.equals("-") || t.equals("\u2013") || t.equals("\u2014")) && i + 1 < to && p.spaceBefore(i)
          && p.spaceBefore(i + 1)) {
        next = i + 1;
        nextConj = "-";
      }
      if (next < 0 || next >= to) {
        continue;
      }
      Clause second = analyse(p, next, to, nextConj);
      boolean newClause = second.pred >= 0 && (second.hasSubject() || !"-".equals(nextConj)
          && !"so".equals(nextConj) && startsWithFiniteVerb(p, second)
          && finiteVerbAt(p, second.subjFrom(), second.relTo()));
      Clause first = analyse(p, start, i, conj);
      if (newClause && first.pred >= 0 && strictPredicate(p, first.subjFrom, i) >= 0) {
        out.add(first);
        start = next;
        conj = nextConj;
        i = next - 1;
      }
    }
    out.add(analyse(p, start, to, conj));
    return out;
  }

  /** Whether [from, to) holds a finite verb or auxiliary (not a participle that may modify a noun). */
  private static boolean finiteVerbAt(Parse p, int from, int to) {
    for (int i = from; i < to; i++) {
      if (finite(p, i, from) == 2) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithFiniteVerb(Parse p, Clause c) {
    int i = c.subjFrom;
    while (i < c.pred && p.tag[i].equals("ADV")) {
      i++;
    }
    return i == c.pred;
  }

  /** Tokens [from, to) without trailing punctuation; units and signs stay ("by 25 %", "10 mg/dL", "4 °C"). */
  static int trimEnd(Parse p, int from, int to) {
    while (to > from && mere(p, to - 1) && !p.tok[to - 1].equals(")")) {
      to--;
    }
    return to;
  }

  /** Punctuation marks that are units, not punctuation: per cent, per mille, per ten thousand, primes. */
  private static final String UNIT_MARKS = "%\u2030\u2031\u2032\u2033\u2034";

  /**
   * Whether token i is mere punctuation (full stops, commas, quotes, dashes, brackets, "...", "*", "|"), which a
   * claim may lose at its edges; a symbol or unit that says something ("%", "°", "$", "×", "±",
   * "/dL") is not. Tokens the tagger takes for words are never punctuation.
   */
  static boolean mere(Parse p, int i) {
    if (!p.tag[i].equals("PUNCT") && !p.tag[i].equals("SYM")) {
      return false;
    }
    return p.tok[i].codePoints().allMatch(cp -> cp == '|' || UNIT_MARKS.indexOf(cp) < 0 && switch (
        Character.getType(cp)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION -> true;
      default -> false;
    });
  }

  /** One clause of tokens [from, to). */
  static Clause analyse(Parse p, int from, int to, String conj) {
    to = trimEnd(p, from, to);
    int main = skipDiscourse(p, from, to);
    // Opening adverbials: "When B12 levels are low, ...", "In humans, ...". There may be two.
    for (int round = 0; round < 2; round++) {
      int comma = introEnd(p, main, to);
      if (comma < 0) {
        break;
      }
      main = comma + 1;
    }
    int pred = predicate(p, main, to);
    if (pred < 0) {
      return new Clause(from, to, main, -1, -1, conj);
    }
    int relTo = relationEnd(p, pred, to);
    boolean nounBefore = false;
    for (int i = main; i < pred && !nounBefore; i++) {
      nounBefore = p.isNounish(i) || p.tag[i].equals("DET") || p.tag[i].equals("ADJ")
          || Set.of("most", "many", "some", "few", "several", "all", "both", "none", "each").contains(p.low[i]);
    }
    if (!nounBefore) {
      // "Often accompanied by ...", "Also causes ...": no subject; the adverbs belong to the verb group.
      pred = main;
    }
    return new Clause(from, to, main, pred, relTo, conj);
  }

  /** The first token after leading discourse words and punctuation ("Also, ", "However, ", "And "). */
  static int skipDiscourse(Parse p, int from, int to) {
    int i = from;
    while (i < to && (Cues.DISCOURSE.contains(p.low[i]) && (i + 1 < to && (p.tok[i + 1].equals(",")
        || p.low[i].equals("and") || p.low[i].equals("but") || p.low[i].equals("so") || p.low[i].equals("also")))
        || p.tok[i].equals(",") || mere(p, i) && !p.tok[i].equals("(")
        || p.tok[i].equals("+") && i + 1 < p.size() && p.spaceBefore(i + 1))) {
      i++;
    }
    return i;
  }

  /** The comma that ends an opening adverbial starting at {@code from}, or -1. */
  private static int introEnd(Parse p, int from, int to) {
    if (from >= to) {
      return -1;
    }
    boolean opener = INTRO_OPENERS.contains(p.low[from]) || p.tag[from].equals("SCONJ")
        || p.tag[from].equals("ADV") && !p.isVerbal(from) || p.tag[from].equals("ADP")
        || p.tag[from].equals("VERB") && p.low[from].endsWith("ing") && p.low[from].startsWith("depend");
    if (!opener) {
      return -1;
    }
    Set<String> subordinators = Set.of("when", "if", "while", "although", "though", "since", "because", "once",
        "unless", "whereas", "as", "whether", "until");
    boolean clausal = p.tag[from].equals("SCONJ") || subordinators.contains(p.low[from])
        || p.low[from].equals("even") && from + 1 < to && subordinators.contains(p.low[from + 1]);
    int depth = 0;
    for (int i = from + 1; i < to; i++) {
      String t = p.tok[i];
      if (t.equals("(")) {
        depth++;
      } else if (t.equals(")")) {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && t.equals(",")) {
        // The rest must hold the main clause's verb.
        if (predicate(p, i + 1, to) < 0) {
          return -1;
        }
        if (!clausal && hasFiniteVerb(p, from, i)) {
          return -1;
        }
        return i;
      }
      if (!clausal && i - from > 12) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean hasFiniteVerb(Parse p, int from, int to) {
    for (int i = from; i < to; i++) {
      if (finite(p, i, from) == 2) {
        return true;
      }
    }
    return false;
  }

  /**
   * The main verb group's first token in [from, to): the first finite verb or auxiliary outside parentheses and
   * relative clauses; a participle right after a noun ("a disorder characterized by") only when nothing better comes.
   */
  static int predicate(Parse p, int from, int to) {
    return predicate(p, from, to, false);
  }

  /** The first finite verb in [from, to) outside parentheses and relative clauses, or -1 (no fallbacks). */
  static int strictPredicate(Parse p, int from, int to) {
    return predicate(p, from, to, true);
  }

  private static int predicate(Parse p, int from, int to, boolean strict) {
    int depth = 0;
    int fallback = -1;
    int skippedRelative = -1;
    boolean inRelative = false;
    for (int i = from; i < to; i++) {
      String t = p.tok[i];
      if (t.equals("(")) {
        depth++;
        continue;
      } else if (t.equals(")")) {
        depth = Math.max(0, depth - 1);
        continue;
      }
      if (depth > 0) {
        continue;
      }
      if (RELATIVE.contains(p.low[i]) && i > from && (p.tag[i].equals("PRON") || p.tag[i].equals("SCONJ")
          || p.tag[i].equals("DET")) && (p.isNounish(i - 1) || p.tok[i - 1].equals(",")) && fallback < 0) {
        inRelative = true;
        continue;
      }
      // "usually occurring when you're in bed": the verb of a clause that "when" opens after a participle is not
      // this clause's (it was not even seen while "you’re" was one token).
      if (SUBORDINATE.contains(p.low[i]) && i > from && p.tag[i - 1].equals("VERB") && p.low[i - 1].endsWith("ing")) {
        inRelative = true;
        continue;
      }
      int f = finite(p, i, from);
      if (f == 2) {
        if (inRelative) {
          inRelative = false;
          skippedRelative = i;
          i = relationEnd(p, i, to) - 1;
          continue;
        }
        return i;
      }
      if (f == 1 && fallback < 0) {
        fallback = i;
      }
    }
    if (strict) {
      return -1;
    }
    return fallback >= 0 ? fallback : skippedRelative;
  }

  /** 2: a finite verb or auxiliary; 1: a participle that may be the verb; 0: not a verb of the clause. */
  private static int finite(Parse p, int i, int from) {
    String tag = p.tag[i];
    String low = p.low[i];
    if (tag.equals("AUX")) {
      if (i > from && p.low[i - 1].equals("to") || low.equals("being") || low.equals("been") && i == from) {
        return 0;
      }
      return 2;
    }
    if (!tag.equals("VERB")) {
      return 0;
    }
    if (low.endsWith("ing")) {
      return 0;
    }
    if (i == from && low.endsWith("ed") && i + 1 < p.size() && (p.tag[i + 1].equals("NOUN")
        || p.tag[i + 1].equals("ADJ") || p.isEntity(i + 1))) {
      // "Decreased motor control", "increased susceptibility": a participle before its noun.
      return 1;
    }
    if (i > from) {
      String prev = p.tag[i - 1];
      if (p.low[i - 1].equals("to") || prev.equals("DET") || prev.equals("ADP") && !p.low[i - 1].equals("that")) {
        return 0;
      }
      if ((low.endsWith("ed") || low.endsWith("en")) && (p.isNounish(i - 1) || prev.equals("PUNCT"))
          && !p.tag[i - 1].equals("PRON")) {
        return 1;
      }
    }
    return 2;
  }

  /** The end of the verb group starting at {@code pred}: auxiliaries, negation, adverbs, the main verb, a particle. */
  static int relationEnd(Parse p, int pred, int to) {
    int i = pred + 1;
    while (i < to) {
      String tag = p.tag[i];
      if (tag.equals("AUX") || tag.equals("PART") && !p.low[i].equals("'s") || tag.equals("VERB")
          && !(p.low[i].endsWith("ing") && i > pred + 1 && !p.tag[i - 1].equals("AUX"))) {
        i++;
      } else if (tag.equals("ADV") && i + 1 < to && (p.isVerbal(i + 1) || p.tag[i + 1].equals("PART"))) {
        i++;
      } else {
        break;
      }
    }
    // A phrasal preposition: "lead to", "involved in", "result in", "contribute to".
    if (i < to && p.tag[i].equals("ADP") && p.tag[i - 1].equals("VERB") && i + 1 < to
        && !p.tok[i + 1].equals(",")) {
      i++;
    }
    return i;
  }
}
