package org.claimcheck.claim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Not thread-safe: one per article, on the worker thread reading it (it follows the reading position). Resolves simple
 * references: pronouns ("it", "this", "they", "its") and anaphoric noun phrases ("this vitamin", "the deficiency", "the
 * condition") to what they most likely mean: an earlier clause of the same sentence, the label of the list item, the
 * subject of the sentence before, the article's topic when the article is about it, the section heading; or nothing
 * (see {@link #it}).
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
  /** The concept the heading over the text names: unlike {@link #section}, null under a heading that names none. */
  Mention heading;
  /** Whether the article is about its topic (set by the reader): only then is it every section's fallback. */
  boolean topicInTitle = true;
  Mention label;
  /** The sentence that set {@link #label} (null for a table header). */
  Parse labelIn;
  /**
   * The subject of the sentence before in the same paragraph or item: a concept, a plain noun phrase (no concept), or
   * {@link #UNNAMED}; null at the start of a paragraph, an item or a section.
   */
  Mention previous;
  /** Whether {@link #previous} is {@link #UNNAMED} for people in the plural ("Many women", "Most parents"). */
  boolean previousPeople;
  /** Whether a clause of the sentence being read set {@link #previous}. */
  boolean previousInSentence;
  /** A subject before that is not a noun phrase ("Relying on a reliever alone"): "it" after it is left as written. */
  static final Mention UNNAMED = new Mention("", null, false);
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

  /** What an "it" of the sentence being read stood for (the last one resolved), or null. */
  Mention itThisSentence;
  /** What an "it" of the sentence before stood for, or null. */
  private Mention itBeforeSentence;

  /** A sentence read: "these neurotransmitters" in the next two may name a noun phrase of it. */
  void read(Parse p) {
    itBeforeSentence = itThisSentence;
    if (itThisSentence == null) {
      // An "it" left as written stands for something other than its sentence's subject, as likely as not: "In people
      // who have it, gluten damages ...".
      for (int i = 1; i < p.size(); i++) {
        if (p.low[i].equals("it") && p.tag[i].equals("PRON") && !Atomizer.expletive(p, i, p.size())) {
          itBeforeSentence = UNNAMED;
          break;
        }
      }
    }
    itThisSentence = null;
    recent.addFirst(p);
    while (recent.size() > 2) {
      recent.removeLast();
    }
  }

  /** A new list item, labelled item, heading or table row: the sentences before it are not its antecedents. */
  void forgetSentences() {
    recent.clear();
    itBeforeSentence = null;
  }

  /** The sentences read before this one in the same paragraph or item, nearest first. */
  List<Parse> recent() {
    return List.copyOf(recent);
  }

  /**
   * What "it", "this" or "its" most likely means, given mentions earlier in the sentence (nearest last): the nearest
   * singular concept there, the item's label, the subject of the sentence before (a concept, or a plain name the
   * lexicon does not know: "BPaLM is recommended for MDR-TB. It cures ..."), the article's topic when the article is
   * about it (not under a heading naming another substance: either may be meant), else the concept of the heading
   * over it. Null when the subject before was neither (a clause, a person,
   * "The body"), or nothing is near: "it" then stays as written. Falling back to the article's most-mentioned concept
   * wrote "Toxicity spreads through the air" over pages whose subjects the lexicon did not know.
   */
  Mention it(List<Mention> earlier) {
    for (int i = earlier.size() - 1; i >= 0; i--) {
      if (earlier.get(i).concept() != null && !earlier.get(i).plural()) {
        return earlier.get(i);
      }
    }
    if (label != null && label.concept() != null) {
      return label;
    }
    boolean people = previous == UNNAMED && previousPeople;
    if (previous == UNNAMED && !people) {
      return null;
    }
    if (previous != null && !people && !previous.plural()) {
      // The sentence before had an "it" of another thing: either may be meant ("Coeliac disease is ... In people who
      // have it, gluten damages the lining ... It affects 1 in 100 people" is not gluten).
      return itBeforeSentence != null && !previousInSentence && !sameThing(itBeforeSentence, previous) ? null
          : previous;
    }
    // People or things in the plural before, a thing named once beside them: "Worldwide, around 37% of pregnant women
    // have anaemia. It is less common in the UK" is anaemia.
    if (previous != null && !previousInSentence && !recent.isEmpty()) {
      Mention only = onlyThing(recent.peekFirst(), previous);
      // Not past an "it" of that sentence's own that stood for something else ("In people who have it, gluten
      // damages ... It affects 1 in 100 people" is not gluten).
      if (only != null && (itBeforeSentence == null || sameThing(itBeforeSentence, only))) {
        return only;
      }
    }
    if (people) {
      return null;
    }
    // A page about one thing: its sections ("Asthma", "Pregnancy", "Dosage" on a page about ibuprofen) are about that
    // thing's dealings with what they name, so "It can make symptoms worse" there is ibuprofen, not asthma; under a
    // section named after another substance ("Potassium" on a page about salt, "Alcohol" on one about ibuprofen) it
    // may be either, and stays as written. A page about several things: the heading's concept.
    if (topicInTitle && topic != null) {
      boolean otherThing = heading != null && heading.concept() != null && topic.concept() != null
          && !heading.concept().equals(topic.concept()) && isThing(heading) && isThing(topic);
      return otherThing ? null : topic;
    }
    return heading != null && !heading.plural() ? heading : null;
  }

  /**
   * The one singular concept a sentence names besides its plural subject, or null when it names none or several: what
   * "it" after a sentence about people or things in the plural most likely means. A measure ("blood pressure") is no
   * such thing.
   */
  private static Mention onlyThing(Parse q, Mention subject) {
    return onlyThing(q, subject, false);
  }

  /** {@link #onlyThing(Parse, Mention)}, in the plural when {@code plural}: "PPIs", "statins". */
  private static Mention onlyThing(Parse q, Mention subject, boolean plural) {
    Lexicon.Concept only = null;
    String text = null;
    for (Lexicon.Match m : q.matches) {
      Lexicon.Concept c = m.concept();
      String head = m.text().substring(m.text().lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
      // The subject's own concept when it names the people ("pregnant women"); "People with sleep apnoea" name a
      // thing beside them.
      if (c.equals(subject.concept()) && Atomizer.isPerson(head) || c.equals(only)) {
        continue;
      }
      if (c.type().equals("measure")) {
        return null; // "... have anaemia and high blood pressure. It ...": either
      }
      boolean isPlural = Atomizer.pluralMatch(m)
          || Atomizer.ACRONYM_PLURAL.matcher(m.text().substring(m.text().lastIndexOf(' ') + 1)).matches(); // "PPIs"
      if (isPlural != plural) {
        return null; // "vitamins", "statins" are not "it"; "vitamin D" is not "them"
      }
      if (only != null) {
        return null;
      }
      only = c;
      text = m.text();
    }
    return only == null ? null : new Mention(text, only, plural);
  }

  /**
   * What an object "it" most likely means when its sentence names nothing before it but its subject: the subject of
   * the sentence before, or the one thing a sentence about people names; never the topic or the heading ("Talk to your
   * GP ... You can get it checked" is not the page's salt).
   */
  Mention itBefore() {
    if (previousInSentence) {
      return null;
    }
    Mention m;
    if (previous == null || previous == UNNAMED) {
      m = previous == UNNAMED && previousPeople && !recent.isEmpty() ? onlyThing(recent.peekFirst(), previous) : null;
      if (m == null) {
        m = itBeforeSentence; // "Nurses usually give it in the thigh. Giving it within 24 hours ..."
      }
    } else if (!previous.plural()) {
      // Not when the sentence before names another thing too ("Salt raises blood pressure. Regular exercise can lower
      // it"), nor when its own "it" was another thing.
      boolean other = !recent.isEmpty() && namesAnother(recent.peekFirst(), previous);
      m = other || itBeforeSentence != null && !sameThing(itBeforeSentence, previous) ? null : previous;
    } else {
      m = recent.isEmpty() ? null : onlyThing(recent.peekFirst(), previous);
    }
    // Only a thing the lexicon knows: a plain name may be people ("Coaches", "Nurses").
    return m != null && m.concept() != null ? m : null;
  }

  private static boolean sameThing(Mention a, Mention b) {
    return a.concept() != null && a.concept().equals(b.concept()) || a.text().equalsIgnoreCase(b.text());
  }

  /** Whether a sentence names a concept, a measure included, other than {@code subject}'s. */
  private static boolean namesAnother(Parse q, Mention subject) {
    String named = subject.text().toLowerCase(Locale.ROOT);
    for (Lexicon.Match m : q.matches) {
      if (!m.concept().equals(subject.concept()) && !named.contains(m.text().toLowerCase(Locale.ROOT))) {
        return true; // not one the subject names itself: "The hepatitis B vaccine"
      }
    }
    return false;
  }

  /**
   * What "Others" opening a sentence are others of, from the sentences just before: "Alcohol is just one of many
   * things that can affect your risk. Others include ..." ("things that can affect your risk"); "People at higher risk
   * of bleeding include those with stomach ulcers. Others include ..." ("people at higher risk of bleeding"); "Some
   * medicines can interact with metformin. Contrast dye is one. Others include ..." ("medicines that can interact
   * with metformin"). Null when none of these shapes is there.
   */
  String othersCategory() {
    if (recent.isEmpty()) {
      return null;
    }
    String before = recent.getFirst().text.strip();
    var one = ONE_OF.matcher(before);
    if (one.find()) {
      return one.group(1);
    }
    var include = CATEGORY_INCLUDES.matcher(before);
    if (include.lookingAt() && Lexicon.singular(lastWordOf(include.group(1))) != null
        || include.lookingAt() && Set.of("people", "children", "women", "men").contains(lastWordOf(include.group(1)))) {
      return Atomizer.lowerFirst(include.group(1));
    }
    if (IS_ONE.matcher(before).matches() && recent.size() > 1) {
      var some = SOME_DO.matcher(recent.getLast().text.strip());
      if (some.matches()) {
        return some.group(1) + " that " + some.group(2);
      }
    }
    return null;
  }

  private static String lastWordOf(String phrase) {
    String head = phrase.split(" (?:at|of|with|who|in|for|that) ")[0];
    return head.substring(head.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
  }

  private static final java.util.regex.Pattern ONE_OF = java.util.regex.Pattern.compile(
      "\\b(?:is|are) (?:just |only |simply )?(?:one|among) of (?:the )?(?:many |several |various |numerous |a number "
          + "of )?(\\p{L}[^.;:]*?)\\.?$");
  private static final java.util.regex.Pattern CATEGORY_INCLUDES = java.util.regex.Pattern.compile(
      "(?:(?:Some|Many|Several|Certain|The|Common|Other) )?(\\p{L}[^,;:]*?) include ");
  private static final java.util.regex.Pattern IS_ONE = java.util.regex.Pattern.compile(".+ (?:is|are) one\\.?");
  private static final java.util.regex.Pattern SOME_DO = java.util.regex.Pattern.compile(
      "(?:Some|Many|Several|Certain) (\\p{L}+(?: \\p{L}+)?) ((?:can|may|might|could|will|do|often) [^.;:]+?)\\.?");

  /** A substance or an intervention: something taken or done, which "it" may stand for. */
  private static boolean isThing(Mention m) {
    return m.isA("substance") || m.isA("intervention");
  }

  /**
   * What "they" or "these" most likely means, or null when nothing plural is near; the subject of the sentence before
   * only when {@code opensSentence} (no verb before the pronoun in its sentence) or an earlier clause of this sentence
   * set it: in "see your GP, as these are not typical IBS symptoms" the sentence itself names what "these" are, or
   * nothing does.
   */
  Mention they(List<Mention> earlier, boolean opensSentence) {
    for (int i = earlier.size() - 1; i >= 0; i--) {
      if (earlier.get(i).plural()) {
        return earlier.get(i);
      }
    }
    if (label != null && label.plural()) {
      return label;
    }
    if ((opensSentence || previousInSentence) && previous != null && previous.plural()) {
      return previous;
    }
    // After people, the one plural thing their sentence names: "Many people stay on PPIs for years. Taking them for
    // a long time ..." is PPIs.
    if (opensSentence && !previousInSentence && previous == UNNAMED && previousPeople && !recent.isEmpty()) {
      return onlyThing(recent.peekFirst(), previous, true);
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

  /**
   * What "the deficiency" or a bare "deficiency" most likely means, given mentions earlier in the sentence (nearest
   * last): the deficiency, or the deficiency of the nutrient, that is nearest: earlier in the sentence, the label, the
   * subject of the sentence before, the one such thing a sentence just before names, the heading over it; else the
   * deficiency the article is about, or its nutrient's. Null when none is near: a drug, a marker or a condition
   * ("metformin", "homocysteine", "depression") is never what a deficiency is of.
   */
  Mention deficiency(List<Mention> earlier) {
    for (int i = earlier.size() - 1; i >= 0; i--) {
      Mention m = deficiencyOf(earlier.get(i));
      if (m != null) {
        return m;
      }
    }
    for (Mention near : new Mention[] {label, previous}) {
      Mention m = deficiencyOf(near);
      if (m != null) {
        return m;
      }
    }
    for (Parse q : recent) {
      // The one such thing a sentence just before names; two of them ("iron and B12"): neither.
      Mention only = null;
      int kinds = 0;
      for (Lexicon.Match match : q.matches) {
        Mention m = deficiencyOf(new Mention(match.concept().name(), match.concept(), false));
        if (m != null && (only == null || !m.text().equalsIgnoreCase(only.text()))) {
          only = m;
          kinds++;
        }
      }
      if (kinds == 1) {
        return only;
      }
      if (kinds > 1) {
        break;
      }
    }
    Mention m = deficiencyOf(heading);
    if (m != null) {
      return m;
    }
    // The article's deficiency only when the article is about it (ClaimExtractor.claimTopic): "Deficiency causes
    // muscle pain" under "Statins" became "Vitamin B12 deficiency causes muscle pain" because B12 was the first
    // heading of a page titled "Health notes".
    if (!topicInTitle) {
      return null;
    }
    if (topicCondition != null && topicCondition.text().toLowerCase(Locale.ROOT).contains(DEFICIENCY)) {
      return topicCondition;
    }
    return deficiencyOf(topicSubstance);
  }

  /** The deficiency a mention names or whose nutrient it names ("iron" gives "iron deficiency"), or null. */
  private static Mention deficiencyOf(Mention m) {
    if (m == null || m.concept() == null) {
      return null;
    }
    String name = m.concept().name();
    if (m.isA("condition") && name.toLowerCase(Locale.ROOT).contains(DEFICIENCY)) {
      return new Mention(name, m.concept(), false);
    }
    if (m.isA("substance") && isNutrient(m.concept())) {
      return new Mention(name + " " + DEFICIENCY, null, false);
    }
    return null;
  }

  /** Nutrients a body can lack, by concept id or name, besides every vitamin. */
  private static final Set<String> NUTRIENTS = Set.of("folate", "folic acid", "iron", "magnesium", "zinc", "calcium",
      "iodine", "selenium", "copper", "potassium", "phosphorus", "chromium", "manganese", "molybdenum", "choline",
      "biotin", "niacin", "riboflavin", "thiamine", "pyridoxine", "cobalamin", "omega_3", "omega-3 fatty acids",
      "methionine", "protein");

  /** Whether a substance is a nutrient ("iron", "vitamin D"), not a drug or a marker ("metformin", "homocysteine"). */
  static boolean isNutrient(Lexicon.Concept c) {
    String id = c.id().toLowerCase(Locale.ROOT);
    String name = c.name().toLowerCase(Locale.ROOT);
    return c.type().equals("substance") && (id.startsWith("vitamin") || name.startsWith("vitamin ")
        || NUTRIENTS.contains(id) || NUTRIENTS.contains(name));
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
