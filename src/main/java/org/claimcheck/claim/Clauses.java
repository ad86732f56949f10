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
    // The verb that opens the current clause when it is the second of two coordinated verb phrases, else -1.
    int startVerb = -1;
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
      int verb = -1;
      Clause first = null;
      if (next < 0 && (p.low[i].equals("and") || p.low[i].equals("or"))) {
        first = clause(p, start, i, conj, startVerb);
        verb = coordinatedVerb(p, first, i, to);
        if (verb >= 0) {
          next = i + 1;
          nextConj = p.low[i];
        }
      }
      if (next < 0 || next >= to) {
        continue;
      }
      if (first == null) {
        first = clause(p, start, i, conj, startVerb);
      }
      boolean newClause = verb >= 0;
      if (!newClause) {
        Clause second = analyse(p, next, to, nextConj);
        newClause = second.pred >= 0 && (second.hasSubject() || !"-".equals(nextConj)
            && !"so".equals(nextConj) && startsWithFiniteVerb(p, second)
            && finiteVerbAt(p, second.subjFrom(), second.relTo()));
      }
      if (newClause && first.pred >= 0 && (startVerb >= 0 || strictPredicate(p, first.subjFrom, i) >= 0)) {
        out.add(first);
        start = next;
        conj = nextConj;
        startVerb = verb;
        i = next - 1;
      }
    }
    out.add(clause(p, start, to, conj, startVerb));
    return out;
  }

  /**
   * Tokens [from, to) as a clause: the second of two coordinated verb phrases (its verb at {@code verb}, the tagger
   * may have taken it for a noun) has no subject and starts with its verb group; any other is {@link #analyse}d.
   */
  private static Clause clause(Parse p, int from, int to, String conj, int verb) {
    if (verb < 0) {
      return analyse(p, from, to, conj);
    }
    to = trimEnd(p, from, to);
    return new Clause(from, to, from, from, Math.max(verb + 1, relationEnd(p, verb, to)), conj);
  }

  /**
   * The verb of a second verb phrase that {@code first}'s verb phrase is coordinated with by the "and" or "or" at
   * {@code and} ("Exercise builds muscle and puts strain on bones", "Iron is absorbed in the gut and stored in the
   * liver", "Smoking damages the lungs and can cause cancer"), or -1. Only when sure: {@code first} has a verb group
   * and an object before the conjunction, the object holds no verb or clause of its own ("recommend that patients eat
   * less and exercise more" joins what the patients do), and the second verb is an auxiliary or has the same form as
   * the first one's main verb (both bare, both in the third person, both past); the tagger's noun for a verb in the
   * third person ("puts") counts before the object's determiner or adjective.
   */
  private static int coordinatedVerb(Parse p, Clause first, int and, int to) {
    if (first.pred() < 0 || first.relTo() >= and || and > 0 && p.tok[and - 1].equals(",") && first.relTo() >= and - 1) {
      return -1;
    }
    int main = -1;
    for (int k = first.pred(); k < first.relTo(); k++) {
      if (p.isVerbal(k)) {
        main = k;
      }
    }
    if (main < 0) {
      main = first.pred();
    }
    int v = and + 1;
    while (v < to && p.tag[v].equals("ADV")) {
      v++;
    }
    if (v + 1 >= to) {
      return -1;
    }
    for (int k = v + 1; k < to; k++) {
      if (p.tag[k].equals("PRON") && (p.low[k].equals("it") || p.low[k].equals("them"))) {
        // "may worsen RLS symptoms or even cause it": apart, "it" would lose what it stands for.
        return -1;
      }
    }
    int last = p.tok[and - 1].equals(",") ? and - 2 : and - 1;
    int depth = 0;
    for (int k = first.relTo(); k < and; k++) {
      String t = p.tok[k];
      if (t.equals("(")) {
        depth++;
      } else if (t.equals(")")) {
        depth = Math.max(0, depth - 1);
      }
      boolean gerund = p.tag[k].equals("VERB") && p.low[k].endsWith("ing") && k > 0 && p.tag[k - 1].equals("ADP");
      // "slow down bone loss and reduce": a "verb" that ends the object after a noun, in another form than the
      // second verb, is the object's noun; one in the same form may be an embedded clause's verb that the second
      // verb joins ("recommend patients eat less and exercise more").
      boolean noun = k == last && p.tag[k].equals("VERB") && k > first.relTo()
          && (p.tag[k - 1].equals("NOUN") || p.tag[k - 1].equals("ADJ"))
          && !java.util.Objects.equals(form(p, k), form(p, v));
      if (depth == 0 && (p.isVerbal(k) && !gerund && !noun || p.tag[k].equals("SCONJ") || t.equals(";")
          || t.equals(":") || RELATIVE.contains(p.low[k]) && (p.tag[k].equals("PRON") || p.tag[k].equals("SCONJ")))) {
        return -1;
      }
    }
    String after = p.tag[v + 1];
    boolean object = OBJECT_OPENERS.contains(after) || after.equals("ADP") || after.equals("ADV")
        || p.isEntity(v + 1) || p.low[v + 1].equals("to") && v + 2 < to && p.tag[v + 2].equals("VERB");
    if (p.tag[v].equals("AUX")) {
      return !p.low[v].equals("to") && (p.isVerbal(v + 1) || after.equals("PART") || after.equals("ADV")
          || after.equals("ADJ") || after.equals("DET")) ? v : -1;
    }
    // The verb group's finite verb ("helps" in "helps lower X and improves Y") or its main verb ("build" in "can
    // build X and put Y").
    int finite = first.pred();
    while (finite < main && !p.isVerbal(finite)) {
      finite++;
    }
    String form = form(p, main);
    String finiteForm = form(p, finite);
    if (form == null && finiteForm == null || !object) {
      return -1;
    }
    if (p.tag[v].equals("VERB") && !p.low[v].endsWith("ing")) {
      return agree(form, form(p, v)) || agree(finiteForm, form(p, v)) ? v : -1;
    }
    boolean thirdPerson = p.tag[v].equals("NOUN") && Lexicon.singular(p.low[v]) != null && !p.isEntity(v);
    return thirdPerson && ("s".equals(form) || "s".equals(finiteForm)) && (after.equals("DET") || after.equals("ADJ")
        || after.equals("PRON") && !p.low[v + 1].equals("it") && !p.low[v + 1].equals("they")) ? v : -1;
  }

  /**
   * Whether two verbs' forms ({@link #form}) may be those of coordinated verbs: the same, or "other" beside a bare or
   * past form (the lemmatizer makes "lower" "low": it may be a bare form).
   */
  static boolean agree(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return a.equals(b) || a.equals("other") && !b.equals("s") || b.equals("other") && !a.equals("s");
  }

  /**
   * A verb's form: "bare" ("reduce"), "s" ("reduces", "is"), "past" ("reduced", "was"), "other" (an irregular past,
   * "took", or a form the lemmatizer got wrong), or null (a modal, a gerund, not a verb).
   */
  static String form(Parse p, int i) {
    if (!p.isVerbal(i) || p.low[i].endsWith("ing")) {
      return null;
    }
    if (p.tag[i].equals("AUX")) {
      return switch (p.low[i]) {
        case "is", "has", "does", "'s" -> "s";
        case "are", "am", "have", "do", "'re", "'ve" -> "bare";
        case "was", "were", "had", "did" -> "past";
        default -> null;
      };
    }
    if (p.lemma[i].equals(p.low[i])) {
      return "bare";
    }
    return p.low[i].endsWith("s") ? "s" : p.low[i].endsWith("ed") ? "past" : "other";
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
      // A gerund may be the subject: "Smoking damages the lungs".
      nounBefore = p.isNounish(i) || p.tag[i].equals("DET") || p.tag[i].equals("ADJ")
          || p.tag[i].equals("VERB") && p.low[i].endsWith("ing") && i + 1 == pred
          || Set.of("most", "many", "some", "few", "several", "all", "both", "none", "each").contains(p.low[i]);
    }
    if (!nounBefore) {
      // "Often accompanied by ...", "Also causes ...": no subject; the adverbs belong to the verb group.
      pred = main;
    }
    return new Clause(from, to, main, pred, relTo, conj);
  }

  /** Discourse words that open a clause without a comma after them ("And ...", "But ...", "So ..."). */
  private static final Set<String> BARE_DISCOURSE = Set.of("and", "but", "so", "also");

  /**
   * The first token after leading discourse words and punctuation ("Also, ", "However, ", "And ", "Yes, but "). A
   * word glued to the next by a hyphen is part of that word, not a discourse word ("So-called light cigarettes",
   * "Well-known risks"). {@code to} may be the clause's subject: a discourse word right before it still goes.
   */
  static int skipDiscourse(Parse p, int from, int to) {
    int i = from;
    while (i < to) {
      boolean glued = i + 1 < p.size() && !p.spaceBefore(i + 1) && !p.tok[i + 1].equals(",");
      boolean discourse = Cues.DISCOURSE.contains(p.low[i]) && !glued && (i + 1 < to && p.tok[i + 1].equals(",")
          || BARE_DISCOURSE.contains(p.low[i]) && i + 1 < p.size());
      if (!(discourse || p.tok[i].equals(",") || mere(p, i) && !p.tok[i].equals("(")
          || p.tok[i].equals("+") && i + 1 < p.size() && p.spaceBefore(i + 1))) {
        break;
      }
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
        || p.tag[from].equals("VERB") && p.low[from].endsWith("ing") && p.low[from].startsWith("depend")
        // One word before a comma that the model took for an adjective: "Worldwide, around 37% of ...".
        || p.tag[from].equals("ADJ") && from + 1 < to && p.tok[from + 1].equals(",");
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
      int f = misTaggedVerb(p, i, from) ? 2 : finite(p, i, from);
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

  /** Tags of words that may open a verb's object ("reduces the risk", "lowers blood pressure"). */
  private static final Set<String> OBJECT_OPENERS = Set.of("DET", "NOUN", "PROPN", "ADJ", "PRON", "NUM");

  /** Possessive determiners, which may open a verb's object ("damages your lungs"). */
  private static final Set<String> POSSESSIVES = Set.of("your", "their", "our", "his", "her", "its", "my");

  /**
   * Whether token {@code i}, tagged a plural noun, is a verb in the third person: after the subject's last word,
   * before its object's determiner, with a verb coordinated with it later in the sentence ("Smoking damages the lungs
   * and is a major cause of cancer"). The coordinated verb is the evidence: "the side effects the drug causes" has
   * none.
   */
  private static boolean misTaggedVerb(Parse p, int i, int from) {
    if (i <= from || i + 2 >= p.size() || !p.tag[i].equals("NOUN") || p.isEntity(i)
        || Lexicon.singular(p.low[i]) == null) {
      return false;
    }
    String prev = p.tag[i - 1];
    boolean afterSubject = prev.equals("NOUN") || prev.equals("PROPN") || p.isEntity(i - 1)
        || prev.equals("VERB") && p.low[i - 1].endsWith("ing");
    if (!afterSubject || !(p.tag[i + 1].equals("DET") || POSSESSIVES.contains(p.low[i + 1]))) {
      return false;
    }
    for (int k = i + 2; k + 1 < p.size(); k++) {
      if (p.tok[k].equals(",") || p.tok[k].equals(";") || p.tok[k].equals(":") || p.isVerbal(k)) {
        return false;
      }
      if (p.low[k].equals("and") || p.low[k].equals("or")) {
        return p.isVerbal(k + 1);
      }
    }
    return false;
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
    if (i > 0 && !p.spaceBefore(i) && (p.tok[i - 1].endsWith("-") || p.tok[i - 1].equals("\u2010"))) {
      // The second half of a hyphenated word: "Multidrug-resistant TB", "So-called light cigarettes".
      return 0;
    }
    if (i + 1 < p.size() && beforeInflected(p, i, from)) {
      // "Alendronic acid reduces", "Smoke causes cancer", "Sleep loss increases appetite": a verb group without an
      // auxiliary has its one inflected verb last, so a "verb" before a verb in the third person is the subject's
      // noun.
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

  /**
   * Whether token {@code i + 1} is a verb in the third person ("reduces") or a finite auxiliary ("is") that a bare
   * verb at {@code i} cannot govern (but "who smoke are": a relative clause's verb before the main one). A participle
   * may follow a bare verb ("Get tested", "People get infected").
   */
  private static boolean beforeInflected(Parse p, int i, int from) {
    int j = i + 1;
    if (p.tag[j].equals("VERB")) {
      // The "verb" after it has an object: "prescribe steroids for asthma" keeps "prescribe".
      boolean object = j + 1 < p.size() && (p.isEntity(j + 1) || OBJECT_OPENERS.contains(p.tag[j + 1]));
      return object && !p.isEntity(j) && !p.lemma[j].equals(p.low[j]) && p.low[j].endsWith("s")
          && Lexicon.singular(p.low[j]) != null;
    }
    if (!p.tag[j].equals("AUX") || p.low[j].equals("to") || !p.lemma[i].equals(p.low[i]) || p.low[i].endsWith("ed")) {
      return false;
    }
    return i == from || p.tag[i - 1].equals("NOUN") || p.tag[i - 1].equals("PROPN") || p.tag[i - 1].equals("ADJ");
  }

  /** The end of the verb group starting at {@code pred}: auxiliaries, negation, adverbs, the main verb, a particle. */
  static int relationEnd(Parse p, int pred, int to) {
    int i = pred + 1;
    while (i < to) {
      String tag = p.tag[i];
      if (tag.equals("AUX") && !p.tag[i - 1].equals("VERB") || tag.equals("PART") && !p.low[i].equals("'s")
          || tag.equals("VERB")
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
