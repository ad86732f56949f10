package org.claimcheck.claim;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Thread-safe (stateless). Scores a claim draft for check-worthiness in [0, 1] and says why. The score adds up what a
 * checkable health claim has (a health entity, a relation verb, a declarative sentence of some length) and is capped by
 * what rules one out (a question, an order or advice, first-person marketing, page chatter, the page talking about
 * itself, a research agenda, an unfinished lead-in, a title or caption, a reference or link list). It also marks
 * negation (NegEx-style, with scope) and hedging (with a certainty level).
 */
final class CheckWorthiness {
  private CheckWorthiness() {}

  static final double BASE = 0.1;
  static final double ENTITY = 0.4;
  static final double HEALTH_WORD = 0.25;
  static final double PREDICATE = 0.25;
  static final double RELATION_VERB = 0.1;
  static final double DECLARATIVE = 0.1;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]++(?:['\u2019\\-][\\p{L}\\p{N}]++)*+");
  private static final Set<String> FIRST_PERSON = Set.of("we", "i", "us", "me", "my", "i'm", "we're", "we've",
      "i've", "we'll");
  /**
   * "US" in capitals, the country ("in the US"), in a sentence that is not all capitals: not the pronoun "us". "U.S."
   * is never read as the pronoun.
   */
  private static final Pattern US_COUNTRY = Pattern.compile("(?<![\\p{L}\\p{N}'\u2019.-])US(?![\\p{L}\\p{N}'\u2019-])");
  private static final Pattern LOWER_CASE_LETTER = Pattern.compile("\\p{Ll}");
  /** A clause about nothing named: "There really is no risk.", "This happens often." */
  private static final Pattern NO_REFERENT = Pattern.compile("(there|it|they|them)( \\w+ly)?");
  private static final Pattern SIMILE = Pattern.compile(
      "\\b(is|are|was|were|'s|'re) (just |much |very |a bit |almost )?like\\b");
  private static final Pattern RESEARCH_SUBJECT = Pattern.compile(
      "\\b(research|researchers|scientists|studies|study|we|investigators|trials?|doctors)\\b");
  private static final Pattern SCIENTIFIC_WE = Pattern.compile(
      "\\bwe (showed|show|found|find|observed|observe|demonstrated|demonstrate|report|reported|conclude|confirmed)\\b");

  /** Where on the page a sentence stands. */
  enum Zone {
    CONTENT,
    LINKS,
    REFERENCES,
    COMMENTS,
    ABOUT
  }

  /**
   * What is known of the sentence a draft comes from; {@code myth}: the sentence calls what its claims say a myth ("X,
   * according to an old myth"), so they are denied.
   */
  record SentenceFacts(String sentence, Zone zone, boolean titleLike, boolean incompleteLeadIn,
      boolean boilerplate, boolean myth) {
    SentenceFacts(String sentence, Zone zone, boolean titleLike, boolean incompleteLeadIn, boolean boilerplate) {
      this(sentence, zone, titleLike, incompleteLeadIn, boilerplate, false);
    }
  }

  /** The score and what goes with it. */
  record Result(double score, List<String> reasons, boolean negated, boolean hedged, String certainty,
      List<String> entities) {}

  static Result score(Atomizer.Draft d, Parse p, SentenceFacts facts, Lexicon lexicon) {
    List<String> reasons = new ArrayList<>();
    String lower = d.text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');

    Set<String> entities = new LinkedHashSet<>();
    for (Lexicon.Match m : lexicon.find(d.text)) {
      entities.add(m.concept().id());
    }
    boolean healthWord = false;
    List<String> words = new ArrayList<>();
    var wm = WORD.matcher(lower);
    while (wm.find()) {
      words.add(wm.group());
      healthWord |= Cues.isHealthWord(wm.group());
      for (String part : wm.group().split("-")) {
        healthWord |= Cues.isHealthWord(part);
      }
    }

    double score = BASE;
    if (!entities.isEmpty()) {
      score += ENTITY;
      reasons.add("health entity: " + String.join(", ", entities));
    } else if (healthWord) {
      score += HEALTH_WORD;
      reasons.add("health words, no lexicon entity");
    } else {
      reasons.add("no health entity");
    }
    String head = relationHead(d, p);
    boolean predicate = !d.relation.isEmpty();
    if (predicate) {
      score += PREDICATE;
      reasons.add("relation: " + head);
      if (Cues.RELATION_VERBS.contains(head)) {
        score += RELATION_VERB;
      }
    } else {
      reasons.add("no verb");
    }
    if (words.size() >= 4 && words.size() <= 60 && !d.text.strip().endsWith("?")) {
      score += DECLARATIVE;
      reasons.add("declarative");
    }

    // What rules a claim out caps its score.
    double cap = 1;
    if (!predicate) {
      cap = Math.min(cap, 0.35);
    }
    if (facts.sentence().strip().endsWith("?") || d.text.strip().endsWith("?")) {
      cap = Math.min(cap, 0.05);
      reasons.add("question");
    }
    if (!d.framed && (imperative(d, p) || conditionalOrder(d, p))) {
      cap = Math.min(cap, 0.1);
      reasons.add("imperative");
    }
    if (Cues.ADVICE.matcher(lower).find()) {
      cap = Math.min(cap, 0.15);
      reasons.add("advice");
    }
    if (facts.boilerplate()) {
      cap = Math.min(cap, 0.02);
      reasons.add("boilerplate");
    }
    String personal = personalText(d.text);
    if (Cues.MARKETING.matcher(personal).find()) {
      cap = Math.min(cap, 0.15);
      reasons.add("first-person marketing");
    } else if (!SCIENTIFIC_WE.matcher(personal).find() && firstPerson(personal)) {
      cap = Math.min(cap, 0.45);
      reasons.add("first person");
    }
    if (entities.isEmpty() && NO_REFERENT.matcher(d.subject.toLowerCase(Locale.ROOT).strip()).matches()) {
      cap = Math.min(cap, 0.45);
      reasons.add("no referent");
    }
    String subjectLower = d.subject.toLowerCase(Locale.ROOT).replace('\u2019', '\'').strip();
    String sentence = facts.sentence().strip().replace('\u2019', '\'');
    // A diary's subjectless past: "Picked up a starter kit today, 20mg nic salts as the shop recommended."
    boolean diary = !d.framed && subjectLower.isEmpty() && pastTense(d.relation)
        && sentence.toLowerCase(Locale.ROOT).startsWith(d.relation.toLowerCase(Locale.ROOT).strip().split("\\s+")[0])
        && DIARY_TIME.matcher(sentence).find();
    if (diary || Cues.ACQUAINTANCE.matcher(subjectLower).find() || Cues.TESTIMONIAL.matcher(lower).find()
        || Cues.STORY_PERSON.matcher(subjectLower).find() && pastTense(d.relation)
        || Cues.NAMED_PERSON.matcher(sentence).find()) {
      cap = Math.min(cap, 0.3);
      reasons.add("anecdote");
    }
    // The sentence's too: a framing such as "In my opinion," is not in the claim's text.
    if (Cues.OPINION.matcher(lower).find() || Cues.OPINION.matcher(sentence.toLowerCase(Locale.ROOT)).lookingAt()) {
      cap = Math.min(cap, 0.4);
      reasons.add("opinion");
    }
    if (Cues.POPULAR_BELIEF.matcher(sentence).find()) {
      cap = Math.min(cap, 0.4);
      reasons.add("a belief reported, not the page's claim");
    }
    String unresolved = unresolvedReference(d, p, lexicon);
    if (unresolved != null) {
      cap = Math.min(cap, 0.45);
      reasons.add("unresolved reference: " + unresolved);
    }
    if (Cues.META.matcher(lower).find()) {
      cap = Math.min(cap, 0.1);
      reasons.add("about the page");
    }
    String main = d.framed ? lower : Atomizer.render(p, mainTokens(d), java.util.Map.of()).toLowerCase(Locale.ROOT);
    if (Cues.RESEARCH_AGENDA.matcher(main).find() || Cues.RESEARCH_ACTIVITY.contains(head)
        && researchSubject(d.subject) || d.afterAgenda && "so".equals(d.conj)) {
      cap = Math.min(cap, 0.25);
      reasons.add("research agenda or method");
    }
    if (Cues.NORMATIVE.matcher(main).find()) {
      cap = Math.min(cap, 0.3);
      reasons.add("says what matters, not what is");
    }
    if (head.equals("be") && SIMILE.matcher(main).find()) {
      cap = Math.min(cap, 0.4);
      reasons.add("simile");
    }
    if (Cues.STUDY_META.contains(head) || Cues.STUDY_NOUNS.contains(lastWord(d.subject))
        && Set.of("be", "include", "enroll", "enrol", "last", "involve", "use", "have", "lack").contains(head)) {
      cap = Math.min(cap, 0.3);
      reasons.add("about a study, not a health effect");
    }
    if (lower.contains("may or may not") || lower.contains("might or might not")) {
      cap = Math.min(cap, 0.3);
      reasons.add("vacuous hedge");
    }
    if (facts.incompleteLeadIn() && !d.framed && !completeBeforeLeadIn(d, p, predicate)) {
      cap = Math.min(cap, 0.3);
      reasons.add("lead-in to a list");
    }
    if (facts.titleLike() && !d.framed) {
      cap = Math.min(cap, 0.4);
      reasons.add("title or caption (no full stop)");
    }
    switch (facts.zone()) {
      case REFERENCES -> {
        cap = Math.min(cap, 0.05);
        reasons.add("reference list");
      }
      case LINKS -> {
        cap = Math.min(cap, 0.1);
        reasons.add("link list");
      }
      case COMMENTS -> {
        cap = Math.min(cap, 0.02);
        reasons.add("comments");
      }
      case ABOUT -> {
        cap = Math.min(cap, 0.05);
        reasons.add("about the author or site");
      }
      default -> { }
    }
    score = Math.max(0, Math.min(cap, Math.min(1, score)));

    // Negation with scope, outside an opening adverbial ("Without B12, ..." does not negate the claim).
    boolean negated = false;
    for (Negation.Scope s : Negation.find(p, d.tokens, d.mainFrom, Math.max(d.mainFrom, d.clauseTo))) {
      if (p.low[s.cue()].equals("without") || embedded(p, d, s.cue())) {
        continue;
      }
      negated = true;
      BitSet scope = new BitSet();
      scope.set(s.from(), s.to());
      scope.and(d.tokens);
      if (scope.isEmpty()) {
        // A negation the clause shares with the one before ("does not cure X, and prevent Y") negates all of it.
        scope.set(s.from(), Math.max(s.from(), d.clauseTo));
        scope.and(d.tokens);
      }
      reasons.add("negated: " + p.tok[s.cue()] + " (" + Atomizer.render(p, scope, java.util.Map.of()) + ")");
    }
    if (!negated && d.framed && words.stream().anyMatch(Cues.NEGATION::contains)) {
      negated = true;
      reasons.add("negated");
    }
    var scant = Cues.SCANT_EVIDENCE.matcher(main);
    if (!negated && scant.find()) {
      // "There is little evidence that X" denies X as "There is no evidence that X" does.
      negated = true;
      reasons.add("negated: " + scant.group(1) + " (" + main.substring(scant.start(1)).strip() + ")");
    }
    // A hedging framing negates what it frames once per cue: "It is unlikely that B12 causes acne" is negated, "It is
    // unlikely that B12 does not help" is not.
    String framing = Atomizer.render(p, d.hedgeFraming, java.util.Map.of());
    for (int i = d.hedgeFraming.nextSetBit(0); i >= 0; i = d.hedgeFraming.nextSetBit(i + 1)) {
      if (Cues.NEGATION.contains(p.low[i]) && !Negation.pseudo(p, i) || Cues.MYTH_NOUNS.contains(p.low[i])) {
        negated = !negated;
        reasons.add("negated: " + p.tok[i] + " (" + framing + ")" + (negated ? "" : ", a double negation"));
      }
    }
    if (facts.myth()) {
      negated = !negated;
      reasons.add("negated: reported as a myth" + (negated ? "" : ", a double negation"));
    }
    String certainty = certainty(d, p, lower);
    boolean hedged = !certainty.equals("certain");
    if (hedged) {
      reasons.add("hedged: " + certainty);
    }
    reasons.addAll(d.notes);
    return new Result(round(score), reasons, negated, hedged, certainty, List.copyOf(entities));
  }

  /**
   * A subject that is still a pronoun after reference resolution ("They increase dopamine", "At high doses they can
   * cut triglycerides", "These can be signs of ..."), not an expletive "it" ("It is never too late to stop"); or an
   * object the claim turns on ("can ease them", "help you get over it", "need to take it for life") with nothing in
   * the claim's subject it can stand for ("people exposed to measles will catch it"). The claim cannot be checked as
   * written. Null when there is none; a pronoun resolved is no longer in the claim's text.
   */
  private static String unresolvedReference(Atomizer.Draft d, Parse p, Lexicon lexicon) {
    String subject = d.subject.toLowerCase(Locale.ROOT).replace('\u2019', '\'').strip();
    var s = PRONOUN_SUBJECT.matcher(subject);
    if (s.matches()) {
      String pronoun = s.group(1);
      int at = -1;
      for (int i = d.tokens.nextSetBit(0); i >= 0 && i < p.size(); i = d.tokens.nextSetBit(i + 1)) {
        if (p.low[i].equals(pronoun)) {
          at = i;
          break;
        }
      }
      // After an opening clause it may stand for what that clause names: "When the body breaks down alcohol, it".
      int first = d.tokens.nextSetBit(0);
      boolean openingClause = first >= 0 && first < at && Cues.OPENING_SUBORDINATORS.contains(p.low[first]);
      for (int i = first; i >= 0 && i < at; i = d.tokens.nextSetBit(i + 1)) {
        openingClause |= p.isVerbal(i);
      }
      if (!openingClause && !(pronoun.equals("it") && Atomizer.expletive(p, at, p.size()))) {
        return pronoun;
      }
    }
    var r = RELATIONAL_SUBJECT.matcher(subject);
    if (r.matches()) {
      return r.group(1);
    }
    // A pronoun inside the subject ("Stopping it suddenly", "The nicotine in them") or in an opening phrase ("For
    // them, aspirin remains ..."), with nothing before it in the claim it can stand for.
    var inner = INNER_PRONOUN.matcher(subject);
    String lowerText = d.text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    var opening = OPENING_PRONOUN.matcher(lowerText);
    if (inner.find() && !antecedentBefore(d.subject.substring(0, inner.start(1)), "", inner.group(1), lexicon)) {
      return inner.group(1);
    }
    if (opening.lookingAt()) {
      return opening.group(1);
    }
    String object = d.object.toLowerCase(Locale.ROOT).replace('\u2019', '\'').strip();
    var o = PRONOUN_OBJECT.matcher(object);
    if (o.find()) {
      String pronoun = o.group(1) != null ? o.group(1) : o.group(2) != null ? o.group(2)
          : o.group(3) != null ? o.group(3) : o.group(4);
      int objectAt = d.text.lastIndexOf(d.object);
      String before = objectAt > 0 ? d.text.substring(0, objectAt) : d.text;
      if (!antecedentBefore(before, d.subject, pronoun, lexicon)) {
        return pronoun;
      }
    }
    return null;
  }

  /** When a diary's day was: "Picked up a starter kit today". */
  private static final Pattern DIARY_TIME = Pattern.compile(
      "(?i)\\b(?:today|yesterday|tonight|last (?:night|week|month|year)|this (?:morning|week)"
          + "|\\w+ (?:days|weeks) ago)\\b");

  /** Verbs in the past tense that do not end in -ed: "A friend said", "Her son was diagnosed". */
  private static final Set<String> IRREGULAR_PAST = Set.of("was", "were", "had", "did", "said", "told", "took",
      "gave", "found", "got", "went", "swore", "made", "became", "felt", "thought", "knew", "saw", "began", "kept",
      "left", "lost", "ran", "wrote", "brought", "bought", "ate", "drank", "fell", "broke", "caught", "grew", "quit",
      "stopped", "sent", "spent");

  /** Whether a relation opens with a verb in the past tense: "said", "was diagnosed with", "tried". */
  private static boolean pastTense(String relation) {
    String first = relation.toLowerCase(Locale.ROOT).strip().split("\\s+")[0];
    return IRREGULAR_PAST.contains(first) || first.length() > 3 && first.endsWith("ed") && !first.equals("need");
  }

  /**
   * A subject that is a personal pronoun or "these", "those", "others", after an opening phrase or an adverb: "they",
   * "at high doses they". Not "this" or "that": they stand for a whole statement before ("This can happen due to poor
   * intake", "That's why ..."), and our labels count such sentences check-worthy.
   */
  private static final Pattern PRONOUN_SUBJECT = Pattern.compile(
      "(?:(?:at|in|for|on|with|after|before|during|over|from|by|under|among|without|like|unlike) [^,]{1,40},? )?"
          + "(?:\\w+ly,? )?(it|they|these|those|others|he|she)");

  /**
   * A subject that is a bare risk, effect or benefit, of nothing named: "The risk appears highest at doses above 1 gram
   * a day" (of what?), "In some trials, the effect was similar to ...".
   */
  private static final Pattern RELATIONAL_SUBJECT = Pattern.compile(
      "(?:(?:at|in|for|on|with|after|before|during|over|from|by|under|among|without|like|unlike) [^,]{1,40},? )?"
          + "(?:\\w+ly,? )?((?:the|this|that|these|those) (?:risks?|effects?|benefits?|chances?|odds))");

  /**
   * A pronoun after a gerund or a preposition inside a subject: "stopping it suddenly", "the nicotine in them"; not
   * after a quantifier ("None of them found that ..."): what they found is the claim.
   */
  private static final Pattern INNER_PRONOUN = Pattern.compile(
      "(?<!\\b(?:none|all|some|most|many|few|one|two|three|both|each|half|any|several|either|neither) )"
          + "(?:\\w+ing|of|in|on|with|from|for|about|without|to|into) (it|them)(?= |$)");
  /**
   * An opening phrase made of a preposition and a pronoun: "For them,", "Like them,". Not "After that,": "that" stands
   * for a time or a statement before.
   */
  private static final Pattern OPENING_PRONOUN = Pattern.compile(
      "(?:for|to|after|before|without|like|unlike|with|among|in) (them|it|those|these),");

  /**
   * An object that is a pronoun, alone or before an adverbial ("them", "it for the rest of their lives", "that today"),
   * or the object of a small clause after "help you", "let you" ("you get over it a little faster"). "That" before
   * anything but an adverb opens a clause ("suggests that each extra drink ...").
   */
  private static final Pattern PRONOUN_OBJECT = Pattern.compile(
      "^(?:(it|them|this|these)(?:$| (?:for|as|in|at|on|with|to|from|by|during|after|before|until|over|under"
          + "|into|without|through|because|if|when|while|so|but|and|or|today|now|again|too|also|either|well|daily"
          + "|altogether|\\w+ly)\\b)"
          // "Those" before a preposition, a participle or an adverb is the people it goes on to name: "benefits those
          // with a family history", "protect those at highest risk", "those recently diagnosed".
          + "|(those)(?:$| (?:because|if|when|while|so|but|and|or|today|now|again|too|either|well|daily|altogether)\\b)"
          + "|(that)(?:$| (?:today|now|again|too|also|either|anymore)\\b)"
          + "|(?:you|people|someone|children|patients|him|her|them|us|me) \\w+(?: \\w+)? (it|them)(?:$| \\S))");

  /** What ends the head of a subject: "people| who are exposed to measles", "products| containing caffeine". */
  private static final Pattern SUBJECT_MODIFIER = Pattern.compile(
      "(?i)\\b(?:who|that|which|whose|with|of|containing|taking|using|exposed|in|on|for|from)\\b|[,(]");

  /**
   * Whether a lexicon entity in the claim before its object can be what an object pronoun stands for ("people who are
   * exposed to measles will catch it", "When the body breaks down alcohol, it turns it into ..."); not the one that
   * opens the subject at {@code subjectAt}, what its own object cannot stand for ("Zinc might help you get over it").
   * "Them", "these" and "those" need a plural.
   */
  private static boolean antecedentBefore(String before, String subject, String pronoun, Lexicon lexicon) {
    boolean plural = pronoun.equals("them") || pronoun.equals("these") || pronoun.equals("those");
    int subjectAt = subject.isEmpty() ? -1 : before.indexOf(subject);
    var modifier = SUBJECT_MODIFIER.matcher(subject);
    int headTo = subjectAt < 0 ? -1 : subjectAt + (modifier.find() ? modifier.start() : subject.length());
    for (Lexicon.Match m : lexicon.find(before)) {
      boolean head = m.start() >= subjectAt && m.start() < headTo;
      if (!head && (!plural || before.substring(m.start(), m.end()).endsWith("s"))) {
        return true;
      }
    }
    if (plural) {
      // A health word in the plural after the subject's head: "puts stress on bones, which stimulates them".
      var w = WORD.matcher(before.toLowerCase(Locale.ROOT));
      while (w.find()) {
        String word = w.group();
        if (w.start() >= Math.max(0, headTo) && word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")
            && Cues.isHealthWord(word)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the draft is a whole clause of a lead-in before the clause the list completes: "Symptoms develop slowly"
   * of "Symptoms develop slowly, often over several years, and include:" is a claim, "Symptoms include" is unfinished.
   */
  private static boolean completeBeforeLeadIn(Atomizer.Draft d, Parse p, boolean predicate) {
    int colon = p.size() - 1;
    while (colon > 0 && !p.tok[colon].equals(":")) {
      colon--;
    }
    return predicate && colon > 0 && !d.tokens.get(colon - 1);
  }

  /**
   * The claim's text in lower case for the first-person tests, with "US" in capitals (the country: "lung cancer in the
   * US", "US adults") written "u.s.": lower-cased, it read as the pronoun "us" and capped the claim as first person.
   * A sentence in capitals throughout ("CONTACT US") keeps its "us".
   */
  static String personalText(String text) {
    String t = LOWER_CASE_LETTER.matcher(text).find() ? US_COUNTRY.matcher(text).replaceAll("U.S.") : text;
    return t.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
  }

  private static boolean firstPerson(String personal) {
    var m = WORD.matcher(personal);
    while (m.find()) {
      if (FIRST_PERSON.contains(m.group())) {
        return true;
      }
    }
    return false;
  }

  /** Whether a cue stands in a clause inside the claim ("what it does not need"): it does not negate the claim. */
  private static boolean embedded(Parse p, Atomizer.Draft d, int cue) {
    for (int i = d.tokens.nextSetBit(d.mainFrom); i >= 0 && i < cue; i = d.tokens.nextSetBit(i + 1)) {
      if (EMBEDDERS.contains(p.low[i]) && (p.tag[i].equals("PRON") || p.tag[i].equals("SCONJ")
          || p.tag[i].equals("ADV") || p.tag[i].equals("DET") && !p.low[i].equals("that"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the cue at {@code cue} is in a relative clause of the claim's main clause ("tremors that may subside",
   * "homocysteine, which may damage nerves"); not in a clause that says the claim ("studies show that X may").
   */
  private static boolean inRelative(Parse p, Atomizer.Draft d, int cue) {
    for (int i = d.tokens.nextSetBit(d.mainFrom); i >= 0 && i < cue; i = d.tokens.nextSetBit(i + 1)) {
      boolean relative = switch (p.low[i]) {
        case "which", "who", "whom", "whose" -> i > d.mainFrom;
        case "that" -> i > 0 && (p.tag[i - 1].equals("NOUN") || p.tag[i - 1].equals("PROPN"));
        default -> false;
      };
      if (relative) {
        return true;
      }
    }
    return false;
  }

  /** A cue in an opening concession: "While folate may play a role, folate deficiency is not the only cause". */
  private static boolean inConcession(Parse p, Atomizer.Draft d, int cue) {
    int first = d.tokens.nextSetBit(0);
    return cue < d.mainFrom && first >= 0 && Cues.CONCESSIVE.contains(p.low[first]);
  }

  /** An adverb cue inside a noun phrase: "potentially irreversible damage", "possibly harmful effects". */
  private static boolean attributive(Parse p, int i) {
    return p.tag[i].equals("ADV") && p.low[i].endsWith("ly") && i + 2 < p.size() && p.tag[i + 1].equals("ADJ")
        && (p.tag[i + 2].equals("NOUN") || p.tag[i + 2].equals("PROPN") || p.tag[i + 2].equals("ADJ"));
  }

  private static final Set<String> EMBEDDERS = Set.of("what", "that", "which", "who", "whom", "whose", "where",
      "when", "if", "because", "although", "though", "while", "unless", "whether");

  private static BitSet mainTokens(Atomizer.Draft d) {
    BitSet b = (BitSet) d.tokens.clone();
    if (d.mainFrom > 0) {
      b.clear(0, d.mainFrom);
    }
    return b;
  }

  /** "certain", "probable" (likely, suggests, is thought to, some studies) or "possible" (may, might, could). */
  static String certainty(Atomizer.Draft d, Parse p, String lower) {
    boolean possible = false;
    boolean probable = false;
    for (int i = d.tokens.nextSetBit(0); i >= 0 && i < p.size(); i = d.tokens.nextSetBit(i + 1)) {
      boolean maybe = Cues.POSSIBLE.contains(p.low[i]) && !(p.low[i].equals("may") && p.tag[i].equals("PROPN"));
      boolean likely = Cues.PROBABLE.contains(p.low[i]);
      // A cue hedges the claim, not a word inside it: "prevents potentially irreversible nerve damage" (an adjective
      // before its noun) and "causes tremors that may subside" (a relative clause) are certain claims.
      if ((maybe || likely) && (attributive(p, i) || inRelative(p, d, i) || inConcession(p, d, i))) {
        continue;
      }
      possible |= maybe;
      probable |= likely;
    }
    var m = Cues.HEDGE_PHRASE.matcher(lower);
    while (m.find()) {
      if (m.group().contains("may") || m.group().contains("might")) {
        possible = true;
      } else {
        probable = true;
      }
    }
    if (d.framed) {
      for (String w : lower.split("[^a-z']+")) {
        possible |= Cues.POSSIBLE.contains(w);
        probable |= Cues.PROBABLE.contains(w);
      }
    }
    // The hedging framing over the claim's clause: "It is possible that", "It's thought that".
    for (int i = d.hedgeFraming.nextSetBit(0); i >= 0; i = d.hedgeFraming.nextSetBit(i + 1)) {
      possible |= Cues.POSSIBLE.contains(p.low[i]);
      probable |= Cues.PROBABLE.contains(p.low[i]);
    }
    String framing = Atomizer.render(p, d.hedgeFraming, java.util.Map.of()).toLowerCase(Locale.ROOT)
        .replace('\u2019', '\'').replace("it's ", "it is ");
    probable |= !framing.isEmpty() && Cues.HEDGE_PHRASE.matcher(framing + " ").find();
    return possible ? "possible" : probable ? "probable" : "certain";
  }

  /**
   * The lemma of the relation's main verb ("be" for a copula), or the relation's last word. A gerund that opens the
   * clause is its subject, and so are the verbs of its phrase ("Smoking during pregnancy harms the baby", "Relying on a
   * reliever alone to control asthma raises the risk", "That's why smoking causes cancer"): the verb after it is the
   * head.
   */
  private static String relationHead(Atomizer.Draft d, Parse p) {
    String head = null;
    String subjectVerb = null;
    boolean inGerundSubject = false;
    int first = d.tokens.nextSetBit(d.mainFrom);
    for (int i = first; i >= 0 && i < d.clauseTo; i = d.tokens.nextSetBit(i + 1)) {
      if (head == null && subjectVerb == null && i > first && p.tok[i - 1].equals(",")
          && (p.tag[i].equals("VERB") && participle(p, i) || APPOSITIVE_RELATIVES.contains(p.low[i]))) {
        // An aside between the subject and its verb ("A large analysis, published in the BMJ in 2017, found that",
        // "The trial, which ran for five years, showed"): the verb after it is the head.
        int close = asideEnd(d, p, i);
        if (close > 0) {
          i = close;
          continue;
        }
      }
      if (p.tag[i].equals("VERB")) {
        boolean gerund = p.low[i].endsWith("ing") && !auxBefore(p, i);
        boolean opensClause = i == first || i > 0 && WH_ADVERBS.contains(p.low[i - 1]);
        boolean infinitive = i > 0 && p.low[i - 1].equals("to");
        if (gerund && opensClause || inGerundSubject && (gerund || infinitive)) {
          inGerundSubject = true;
          if (subjectVerb == null) {
            subjectVerb = p.lemma[i];
          }
          continue;
        }
        head = p.lemma[i];
        break;
      }
      if (p.tag[i].equals("AUX")) {
        inGerundSubject = false;
        if (head == null) {
          head = p.lemma[i];
        }
      }
    }
    if (head == null) {
      head = subjectVerb;
    }
    if (head == null || d.framed) {
      String[] w = d.relation.toLowerCase(Locale.ROOT).split("\\s+");
      head = w[w.length - 1];
      if (head.endsWith("s") && Cues.RELATION_VERBS.contains(head.substring(0, head.length() - 1))) {
        head = head.substring(0, head.length() - 1);
      }
    }
    return head;
  }

  private static final Set<String> WH_ADVERBS = Set.of("why", "how", "when", "where", "whenever", "wherever");

  /** Words that open a relative clause set off by commas: "The trial, which ran for five years, showed". */
  private static final Set<String> APPOSITIVE_RELATIVES = Set.of("which", "who", "whose");

  /** A participle ("published", "taken", "involving"), not a present-tense verb ("lowers"). */
  private static boolean participle(Parse p, int i) {
    String w = p.low[i];
    return w.endsWith("ed") || w.endsWith("ing") || w.endsWith("en") || w.endsWith("wn")
        || !p.lemma[i].equals(w) && !w.endsWith("s");
  }

  /**
   * The closing comma of an aside that opens at {@code from}, when a verb follows it (adverbs between): ", published
   * in the BMJ in 2017, found"; -1 when there is none (", and reduced weight" goes on with another clause).
   */
  private static int asideEnd(Atomizer.Draft d, Parse p, int from) {
    for (int j = d.tokens.nextSetBit(from + 1); j >= 0 && j < d.clauseTo; j = d.tokens.nextSetBit(j + 1)) {
      if (!p.tok[j].equals(",")) {
        continue;
      }
      int k = d.tokens.nextSetBit(j + 1);
      while (k >= 0 && k < d.clauseTo && p.tag[k].equals("ADV")) {
        k = d.tokens.nextSetBit(k + 1);
      }
      return k >= 0 && k < d.clauseTo && p.isVerbal(k) ? j : -1;
    }
    return -1;
  }

  /**
   * Whether an auxiliary comes before token {@code i}, adverbs and "not" between: "is (not) often causing"; not "is
   * why smoking causes".
   */
  private static boolean auxBefore(Parse p, int i) {
    int j = i - 1;
    while (j >= 0 && (p.tag[j].equals("ADV") && !WH_ADVERBS.contains(p.low[j])
        || p.tag[j].equals("PART") && !p.low[j].equals("to"))) {
      j--;
    }
    return j >= 0 && p.tag[j].equals("AUX");
  }

  private static String lastWord(String phrase) {
    String[] w = phrase.toLowerCase(Locale.ROOT).split("[^a-z\\-]+");
    return w.length == 0 ? "" : w[w.length - 1];
  }

  private static boolean researchSubject(String subject) {
    String s = subject.toLowerCase(Locale.ROOT);
    return RESEARCH_SUBJECT.matcher(s).find();
  }

  /** An order or advice: the clause opens with a bare verb and has no subject ("Consult your doctor"). */
  private static boolean imperative(Atomizer.Draft d, Parse p) {
    if (!d.subject.isEmpty()) {
      return false;
    }
    int i = d.tokens.nextSetBit(d.mainFrom);
    while (i >= 0 && i < p.size() && (p.tag[i].equals("PUNCT") || p.tag[i].equals("ADV")
        || p.low[i].equals("please") || p.low[i].equals("and") || p.low[i].equals("so")) && !p.low[i].equals("never")
        && !p.low[i].equals("always")) {
      i = d.tokens.nextSetBit(i + 1);
    }
    if (i < 0 || i >= p.size()) {
      return false;
    }
    String low = p.low[i];
    if (low.equals("don't") || low.equals("let's") || low.equals("never") || low.equals("always")
        || low.equals("do") && i + 1 < p.size() && (p.low[i + 1].equals("not") || p.low[i + 1].equals("n't"))) {
      return true;
    }
    boolean bareVerb = p.tag[i].equals("VERB") && p.lemma[i].equals(low) && !low.endsWith("ing")
        && !low.endsWith("ed");
    return bareVerb || Cues.IMPERATIVE_OPENERS.contains(low) && i == d.tokens.nextSetBit(d.mainFrom)
        && !p.tag[i].equals("NOUN") && !p.tag[i].equals("PROPN") && !p.isEntity(i) && d.subject.isEmpty();
  }

  /**
   * An order after a condition: "If you're healthy, eat oily fish twice a week" (the clause opens with "if" and a bare
   * verb follows its first comma). The condition's "you" is no subject of the order.
   */
  private static boolean conditionalOrder(Atomizer.Draft d, Parse p) {
    int first = d.tokens.nextSetBit(0);
    if (first < 0 || first >= p.size() || !Cues.CONDITIONS.contains(p.low[first])) {
      return false;
    }
    int comma = first;
    while (comma >= 0 && comma < p.size() && !p.tok[comma].equals(",")) {
      comma = d.tokens.nextSetBit(comma + 1);
    }
    int k = comma < 0 ? -1 : d.tokens.nextSetBit(comma + 1);
    if (k < 0 || k >= p.size() || p.isEntity(k)) {
      return false;
    }
    String low = p.low[k];
    return p.tag[k].equals("VERB") && p.lemma[k].equals(low) && !low.endsWith("ing") && !low.endsWith("ed")
        || Cues.IMPERATIVE_OPENERS.contains(low) && !p.tag[k].equals("NOUN") && !p.tag[k].equals("PROPN");
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
