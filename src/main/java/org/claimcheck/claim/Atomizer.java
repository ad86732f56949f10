package org.claimcheck.claim;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Not thread-safe: one per article, on the worker thread reading it (it shares the article's {@link References}).
 * Turns one sentence into atomic claim drafts:
 * coordinated clauses apart; coordinated verbs ("helps form and maintain"), object lists ("causes fatigue, tingling and
 * numbness") and shared-head coordinations ("no overdose or toxicity levels") one claim per member; inline lists
 * ("Symptoms include: tingling, numbness") and list items completed by their lead-in; references resolved; emphatic
 * framings ("It's crucial to emphasize that ...") dropped.
 */
final class Atomizer {
  /** At most this many claims from one sentence. */
  static final int MAX_CLAIMS = 12;

  private static final Set<String> LIST_OPENERS = Set.of("like", "including", "include", "includes", "especially",
      "particularly", "notably", "e.g.", "e.g", "i.e.", "namely", "as");
  private static final Set<String> CLEFT_AFTER = Set.of("why", "what", "how", "because", "where", "when", "not");

  /** A claim before scoring: its text, its parts, and the sentence tokens it keeps. */
  static final class Draft {
    String text;
    String subject = "";
    String relation = "";
    String object = "";
    /** Sentence tokens the claim keeps (for negation and hedge cues). */
    final BitSet tokens = new BitSet();
    /** Start of the clause's subject: negation before it (in an opening adverbial) does not negate the claim. */
    int mainFrom;
    int clauseTo;
    boolean fragment;
    boolean framed;
    /**
     * Tokens of the hedging framing the claim stands under ("It is unlikely that"): its cues mark the claim's
     * certainty and negation; the subject, relation and object are those of the clause it frames.
     */
    final BitSet hedgeFraming = new BitSet();
    /** The conjunction that joined the draft's clause to the one before ("so", "but"), or null. */
    String conj;
    /** Whether an earlier clause of the sentence is a research agenda ("Researchers are still experimenting"). */
    boolean afterAgenda;
    final List<String> notes = new ArrayList<>();
  }

  /** The lead-in a list item completes ("Symptoms of B12 deficiency include") and how. */
  record Frame(String text, boolean fromLeadIn, String subject, String relation, String objectHead) {
    Frame(String text, boolean fromLeadIn) {
      this(text, fromLeadIn, null, null, null);
    }

    /**
     * A lead-in sentence's frame with its own clause's parts ("Vitamin D" / "plays" / "a key role in"), where the
     * words alone cannot tell the verb; without them the last word is taken for it ("Symptoms include").
     */
    String[] parts() {
      if (subject != null && relation != null && !relation.isEmpty()) {
        String head = objectHead == null ? "" : objectHead.replaceFirst("^[,;\\s]+", "");
        return new String[] {subject.replaceFirst("[,;\\s]+$", ""), relation, head};
      }
      int verb = text.lastIndexOf(' ');
      return verb > 0 ? new String[] {text.substring(0, verb), text.substring(verb + 1), ""}
          : new String[] {"", text, ""};
    }
  }

  private final References refs;
  private final java.util.function.UnaryOperator<String> frameCompleter;
  /** What "it" stands for when it means the label of {@link References#labelIn} (see {@link #referent}). */
  private Mention labelReferent;

  Atomizer(References refs) {
    this(refs, java.util.function.UnaryOperator.identity());
  }

  /** {@code frameCompleter} completes an inline lead-in ("Symptoms include" to "Symptoms of X include"). */
  Atomizer(References refs, java.util.function.UnaryOperator<String> frameCompleter) {
    this.refs = refs;
    this.frameCompleter = frameCompleter;
  }

  /**
   * The drafts of tokens [from, to) of {@code p}. {@code frame} (may be null) completes fragments; {@code label} (may
   * be null) is the item's label ("Myoclonus" in "Myoclonus: This refers to ...").
   */
  List<Draft> atomize(Parse p, int from, int to, Frame frame, Mention label) {
    return atomize(p, from, to, frame, label, null);
  }

  /**
   * As {@link #atomize(Parse, int, int, Frame, Mention)}; a clause without a subject takes {@code defaultSubject}
   * (a table column's header: "Often accompanied by fatigue" under "B12 deficiency" says "B12 deficiency is often
   * accompanied by fatigue").
   */
  List<Draft> atomize(Parse p, int from, int to, Frame frame, Mention label, Mention defaultSubject) {
    List<Draft> out = new ArrayList<>();
    to = Clauses.trimEnd(p, from, to);
    if (from >= to) {
      return out;
    }
    // An inline label or lead-in: "Symptoms include: tingling, numbness", "Important note: ...".
    int colon = topLevel(p, ":", from, to);
    if (colon > from && colon + 1 < to) {
      int leftPred = Clauses.strictPredicate(p, from, colon);
      boolean titleLabel = colon - from <= 8 && ClaimExtractor.headingLike(p.text(from, colon));
      if ((leftPred < 0 || titleLabel) && colon - from <= 12) {
        Mention l = mentionOf(p, from, colon, Map.of());
        if (titleLabel) {
          l = new Mention(sentenceCase(l.text(), p.lexicon), l.concept(), l.plural());
        }
        Mention use = l.concept() != null || label == null ? l : label;
        refs.label = use;
        refs.labelIn = p;
        labelReferent = use == l ? referent(p, from, colon, l) : use;
        return atomize(p, colon + 1, to, frame, use, defaultSubject);
      }
      if (leftPred >= 0 && Cues.DANGLING.contains(p.low[colon - 1])) {
        Clauses.Clause lead = Clauses.analyse(p, from, colon, null);
        Frame inline = new Frame(frameCompleter.apply(render(p, from, colon,
            resolutions(p, lead, List.of(), null, List.of(), List.of()))), true);
        List<int[]> items = listItems(p, colon + 1, to, true);
        if (items.isEmpty()) {
          items = List.of(new int[] {colon + 1, to});
        }
        for (int[] item : items) {
          out.add(framedDraft(p, item[0], item[1], inline, null));
        }
        return cap(out);
      }
    }
    int skipped = framing(p, Cues.FRAMING, from, to);
    // "While folate may play a role in some cases, it's essential to remember that folate deficiency is not the only
    // cause": an emphatic framing after a concession says the main claim; both go (the claim was "it's essential",
    // not negated). A "while" without a verb of its own ("While pregnant, ...") sets a scope and stays.
    Mention concessionSubject = null;
    if (skipped == from && Cues.CONCESSIVE.contains(p.low[from])) {
      int comma = topLevel(p, ",", from + 1, to);
      if (comma > from + 1 && comma + 1 < to
          && (!p.low[from].equals("while") || Clauses.strictPredicate(p, from + 1, comma) >= 0)) {
        int after = framing(p, Cues.FRAMING, comma + 1, to);
        if (after > comma + 1) {
          // What the concession was about is what "it" means after it ("that it's not the only factor").
          Clauses.Clause concession = Clauses.analyse(p, from + 1, comma, null);
          if (concession.hasSubject() && !isPronoun(p, concession.subjFrom(), subjectEnd(p, concession))) {
            concessionSubject = mentionOf(p, concession.subjFrom(), subjectEnd(p, concession), Map.of());
          }
          skipped = after;
        }
      }
    }
    boolean framingDropped = skipped > from;
    from = skipped;
    // "It is unlikely that B12 causes acne": the clause is "B12 causes acne" (subject "B12"), negated and probable.
    BitSet hedgeFraming = new BitSet();
    // A clause whose verb is in the past counts ("that B12 caused acne": after a noun, "caused" may be a participle),
    // unless a preposition follows it ("that patients treated with B12 recover": a participle). A setting before the
    // framing ("In older adults, it is likely that") stays in the claim; a discourse opener ("However,") does not.
    skipped = framing(p, Cues.HEDGE_FRAMING, from, to);
    int framed = skipped > from ? Clauses.strictPredicate(p, skipped, to) : -1;
    if (skipped > from && framed < 0) {
      int past = Clauses.predicate(p, skipped, to);
      framed = past >= 0 && past + 1 < to && !p.tag[past + 1].equals("ADP") ? past : -1;
    }
    if (framed >= 0) {
      int it = p.indexOf("it", from, skipped);
      int start = it >= 0 ? it : from;
      for (int i = from; i < start; i++) {
        if (p.low[i].matches(Cues.HEDGE_SETTING)) {
          start = i;
          break;
        }
      }
      hedgeFraming.set(start, skipped);
      from = skipped;
    }
    List<Clauses.Clause> clauses = Clauses.of(p, from, to);
    boolean bareVerbFirst = p.tag[from].equals("VERB") && p.lemma[from].equals(p.low[from])
        && !p.low[from].endsWith("ing") && !p.low[from].endsWith("ed") && from + 1 < to
        && (p.tag[from + 1].equals("DET") || p.tag[from + 1].equals("PRON"));
    Clauses.Clause first = clauses.getFirst();
    boolean brokenSubject = first.hasSubject() && first.pred() > 0 && (p.tag[first.pred() - 1].equals("CCONJ")
        || p.tag[first.pred() - 1].equals("ADP") || p.tag[first.pred() - 1].equals("DET"));
    // "'Pins and needles', a sensation of tingling, usually felt in the feet": a participle, not a finite verb.
    boolean participle = !first.fragment() && p.tag[first.pred()].equals("VERB") && !p.low[first.pred()].endsWith("s")
        && !p.lemma[first.pred()].equals(p.low[first.pred()]) && first.pred() > from
        && (p.tag[first.pred() - 1].equals("ADV") || p.tok[first.pred() - 1].equals(","));
    boolean fragment = clauses.stream().allMatch(Clauses.Clause::fragment)
        || frame != null && !bareVerbFirst
        && (!first.hasSubject() || brokenSubject || participle || Clauses.strictPredicate(p, from, to) < 0);
    if (fragment) {
      if (frame != null) {
        out.add(framedDraft(p, from, to, frame, label));
      } else {
        if (!hedgeFraming.isEmpty()) {
          from = hedgeFraming.nextSetBit(0); // a fragment keeps its framing as it is
        }
        Draft d = new Draft();
        d.fragment = true;
        d.mainFrom = from;
        d.clauseTo = to;
        d.tokens.set(from, to);
        d.object = render(p, from, to, Map.of());
        if (defaultSubject != null && from < to && (p.tag[from].equals("ADJ") || p.tag[from].equals("ADV"))) {
          d.subject = defaultSubject.text();
          d.relation = "is";
          d.text = d.subject + " is " + lowerFirst(d.object);
          d.notes.add("subject from the table: " + d.subject);
        } else if (defaultSubject != null) {
          d.text = (label != null ? label.text() + " of " : "") + defaultSubject.text() + ": " + d.object;
        } else {
          d.text = (label != null ? label.text() + ": " : "") + d.object;
        }
        out.add(d);
      }
      return cap(out);
    }
    if (frame != null && frame.fromLeadIn() && label != null) {
      // "It plays a vital role in:" + "Myelin sheath formation: ..." states "B12 plays a vital role in myelin
      // sheath formation".
      Draft d = new Draft();
      d.framed = true;
      d.mainFrom = from;
      d.clauseTo = from;
      d.text = frame.text() + " " + lowerFirst(label.text());
      String[] parts = frame.parts();
      d.subject = parts[0];
      d.relation = parts[1];
      d.object = (parts[2].isEmpty() ? "" : parts[2] + " ") + lowerFirst(label.text());
      d.notes.add("list item completes: " + frame.text());
      out.add(d);
    }
    List<Mention> subjects = new ArrayList<>();
    List<Mention> objects = new ArrayList<>();
    Mention lastSubject = null;
    String lastSubjectText = null;
    Mention firstSubject = concessionSubject;
    if (concessionSubject != null) {
      subjects.add(concessionSubject);
    }
    boolean agenda = false;
    boolean hadSubject = false;
    refs.previousInSentence = false;
    Clauses.Clause previous = null;
    BitSet previousShared = new BitSet();
    for (Clauses.Clause c : clauses) {
      if (c != clauses.getFirst()) {
        // "It is unlikely that X, but Y" (", and Y"): the framing frames X only.
        hedgeFraming.clear();
      }
      if (c.fragment()) {
        previous = null;
        continue;
      }
      BitSet shared = sharedAuxiliaries(p, previous, previousShared, c);
      String[] elided = previous == null ? null : verbPhrase(p, previous);
      previous = c;
      previousShared = shared;
      List<Mention> near = new ArrayList<>();
      if (firstSubject != null) {
        near.add(firstSubject);
      }
      Mention intro = introSubject(p, c);
      if (intro != null) {
        near.add(intro);
      }
      int subjTo = subjectEnd(p, c);
      Mention own = c.hasSubject() && !isPronoun(p, c.subjFrom(), subjTo)
          ? mentionOf(p, c.subjFrom(), subjTo, Map.of()) : c.hasSubject() ? null : lastSubject;
      Map<Integer, String> repl = resolutions(p, c, near, own, subjects, objects);
      Mention subject;
      String subjectText;
      int subjFrom = c.subjFrom();
      boolean headerSubject = false;
      if (!c.hasSubject()) {
        subject = lastSubject != null ? lastSubject : defaultSubject;
        headerSubject = lastSubject == null && defaultSubject != null;
        subjectText = lastSubject != null && lastSubjectText != null ? lastSubjectText
            : subject != null ? subject.text() : "";
      } else {
        subjectText = render(p, subjFrom, subjTo, repl);
        subject = mentionOf(p, subjFrom, subjTo, repl);
        // The subject a clause after it shares, without an aside ("Oily fish, such as salmon, ..."), but whole:
        // "Resistance training builds X and puts Y" shares "Resistance training", not the name's "Resistance".
        // A list is not an aside: "Headache, fatigue and irritability ... usually pass" shares the whole list.
        int aside = listOfNouns(p, subjFrom, subjTo) ? subjTo : subjFrom + 1;
        while (aside < subjTo && !(depthAt(p, subjFrom, aside) == 0 && (p.tok[aside].equals(",")
            || p.tok[aside].equals("(")))) {
          aside++;
        }
        lastSubjectText = isPronoun(p, subjFrom, subjTo) && subject != null ? subject.text()
            : render(p, subjFrom, aside, repl);
      }
      if (subject != null && subject.concept() != null) {
        subjects.add(subject);
      }
      Mention objectMention = mentionOf(p, c.relTo(), c.to(), repl);
      // A statement is no antecedent ("Many parents worry that vaccines cause autism, but they do not" made "That
      // vaccines do not"): who "they" are is not sure.
      boolean statement = c.relTo() < c.to() && (p.low[c.relTo()].equals("that") || p.low[c.relTo()].equals("whether"));
      // Nor is what a copula says the subject is ("It is a live vaccine, and it is not recommended ..." is not about
      // live vaccines).
      boolean copula = c.pred() >= 0 && Set.of("is", "are", "was", "were", "'s", "be").contains(p.low[c.pred()]);
      if (objectMention.concept() != null && !statement && !copula) {
        objects.add(objectMention);
      }
      int introFrom = Math.min(subjFrom, Clauses.skipDiscourse(p, c.from(), subjFrom));
      String introText = subjFrom > introFrom ? render(p, introFrom, subjFrom, repl).strip() : "";
      for (int[] rel : relationVariants(p, c)) {
        int objFrom = rel[rel.length - 1];
        for (BitSet obj : objectVariants(p, objFrom, c.to())) {
          Draft d = new Draft();
          // The shared auxiliaries' negation negates this clause too ("does not cure X, and prevent Y").
          d.mainFrom = shared.isEmpty() ? subjFrom : Math.min(subjFrom, shared.nextSetBit(0));
          d.clauseTo = c.to();
          d.conj = c.conj();
          d.afterAgenda = agenda;
          d.subject = subjectText;
          BitSet relTokens = (BitSet) shared.clone();
          if (c.hasSubject()) {
            relTokens.set(subjTo, c.pred()); // "Doctors sometimes misdiagnose": the adverb is the verb's
          }
          for (int k = 0; k < rel.length - 1; k += 2) {
            relTokens.set(rel[k], rel[k + 1]);
          }
          d.relation = render(p, relTokens, repl);
          int verb = relTokens.nextSetBit(0);
          while (verb >= 0 && !p.isVerbal(verb)) {
            verb = relTokens.nextSetBit(verb + 1);
          }
          if (headerSubject && verb >= 0 && p.tag[verb].equals("VERB") && p.low[verb].endsWith("ed")) {
            d.relation = "is " + lowerFirst(d.relation);
          } else if (headerSubject) {
            d.relation = lowerFirst(d.relation);
          }
          d.object = render(p, obj, repl);
          String restored = d.object.isEmpty() && elided != null ? restoreEllipsis(p, c, elided) : null;
          if (restored != null) {
            // "Oral oestrogen raises the risk of blood clots, but patches do not seem to": "... to raise the risk of
            // blood clots".
            d.object = restored;
            d.notes.add("ellipsis restored: " + restored);
          }
          d.tokens.set(c.from(), subjFrom);
          if (c.hasSubject()) {
            d.tokens.set(subjFrom, c.pred());
          }
          d.tokens.or(relTokens);
          d.tokens.or(obj);
          StringBuilder sb = new StringBuilder();
          if (!introText.isEmpty()) {
            sb.append(introText).append(introText.endsWith(",") ? " " : ", ");
          }
          if (!d.subject.isEmpty()) {
            sb.append(d.subject);
            if (closesAside(p, c, subjTo) && !d.subject.endsWith(",")) {
              sb.append(','); // "Resistance exercise, such as lifting weights, builds muscle"
            }
            int r0 = relTokens.nextSetBit(0);
            boolean glued = c.hasSubject() && r0 == subjTo && r0 > 0 && !p.spaceBefore(r0)
                && !repl.containsKey(r0) && !repl.containsKey(r0 - 1);
            if (!glued) {
              sb.append(' ');
            }
          }
          sb.append(d.relation);
          if (!d.object.isEmpty()) {
            sb.append(' ').append(d.object);
          }
          d.text = sb.toString();
          if (!c.hasSubject() && subject != null) {
            d.notes.add((headerSubject ? "subject from the table: " : "shared subject: ") + subject.text());
          }
          if (obj.cardinality() < c.to() - objFrom || rel.length > 3) {
            d.notes.add("split coordination");
          }
          if (framingDropped) {
            d.notes.add("framing dropped");
          }
          hedge(p, d, hedgeFraming);
          for (var e : repl.entrySet()) {
            if (d.tokens.get(e.getKey()) && !e.getValue().isEmpty()) {
              d.notes.add("resolved: " + p.text(e.getKey(), e.getKey() + 1) + " -> " + e.getValue());
            }
          }
          out.add(d);
        }
      }
      agenda |= Cues.RESEARCH_AGENDA.matcher(p.text(subjFrom, c.to()).toLowerCase(Locale.ROOT)).find();
      lastSubject = subject;
      if (firstSubject == null && subject != null && c.hasSubject()) {
        firstSubject = subject;
      }
      // "Levothyroxine should be taken before breakfast, because food and coffee reduce its absorption. Calcium
      // supplements also interfere with it": a subordinate clause's subject is not what the next sentence's "it"
      // means when the main clause before it had one.
      // Only a thing "it" may stand for holds its place: "Pregnant women should avoid alcohol, because alcohol can
      // harm the baby. It also raises ..." is alcohol.
      boolean subordinate = refs.previousInSentence && refs.previous != null && !refs.previous.plural()
          && c.conj() != null && SUBORDINATE.contains(c.conj());
      if (subject != null && c.hasSubject() && !subordinate) {
        hadSubject = true;
        // The kind named before its examples is what "they" next means: "Stimulants such as methylphenidate
        // (Ritalin) and amphetamines ... They increase dopamine" is about stimulants.
        String kind = subject.text();
        for (String cut : new String[] {" such as ", " like ", " including "}) {
          int at = kind.indexOf(cut);
          // Not "Stories like this": a comparison, not examples.
          if (at > 0 && !kind.substring(at + cut.length()).matches("(?i)(?:this|that|these|those|it|them)\\b.*")) {
            kind = kind.substring(0, at);
          }
        }
        // Its number from its head word's shape too (a capitalised "Statins" or "Studies" opening a sentence is
        // tagged a proper noun), the head before an aside or "of": "Levels of vitamin B12".
        String np = kind;
        boolean counted = false;
        for (String cut : new String[] {" (", ", ", " of "}) {
          int at = np.indexOf(cut);
          if (at > 0) {
            String before = np.substring(0, at);
            // A quantity's head is what it counts: "Around 37% of pregnant women", "Most of them".
            boolean quantity = cut.equals(" of ")
                && QUANTITY.matcher(before.substring(before.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT)).matches();
            np = quantity ? np.substring(at + cut.length()) : before;
            counted |= quantity;
          }
        }
        String word = np.substring(np.lastIndexOf(' ') + 1);
        String head = word.toLowerCase(Locale.ROOT);
        boolean plural = (subject.plural() || IRREGULAR_PLURALS.contains(head) || Lexicon.singular(head) != null
            && !word.equals(word.toUpperCase(Locale.ROOT)) // not "NHS", "AIDS"
            || ACRONYM_PLURAL.matcher(word).matches()) // "PPIs", "SSRIs": Lexicon.singular leaves words in -is
            && !SINGULARS_IN_S.contains(head); // "Type 2 diabetes" (the mention said plural)
        if (p.tag[subjFrom].equals("VERB") && p.low[subjFrom].endsWith("ing")) {
          // A gerund phrase ("Stopping antidepressants suddenly") is no thing "it" or "they" next stands for.
          refs.previous = References.UNNAMED;
          refs.previousInSentence = false;
          refs.previousPeople = false;
        } else if (kind.length() < subject.text().length()) {
          Mention named = resolvedMention(p.lexicon, kind);
          // A kind the lexicon does not know is of its examples' kind: "Stimulants such as methylphenidate" are
          // medicines ("Psychiatrists usually prescribe them at a low dose").
          refs.previous = new Mention(kind, named != null ? named.concept() : subject.concept(), plural);
          refs.previousInSentence = true;
        } else if (subject.concept() != null) {
          // What a quantity counts: "Most of curcumin is broken down ... before it reaches" is curcumin.
          refs.previous = new Mention(counted && resolvedMention(p.lexicon, np) != null ? np : subject.text(),
              subject.concept(), plural);
          refs.previousInSentence = true;
        } else if (!isPronoun(p, subjFrom, subjTo)) {
          // A name the lexicon does not know is still what "it" or "they" next means: "BPaLM is recommended for
          // MDR-TB. It cures ..." is about BPaLM, not the article's topic. Anything else ("Relying on a reliever
          // alone", "The body", "Many parents") leaves them as written.
          refs.previous = plainNounPhrase(p, subjFrom, subjTo) ? new Mention(subject.text(), null, plural)
              : References.UNNAMED;
          refs.previousInSentence = refs.previous != References.UNNAMED;
          refs.previousPeople = plural && isPerson(head);
        }
      }
    }
    if (!hadSubject && !clauses.isEmpty()) {
      // A sentence with no subject of its own (an imperative: "Eat oranges every day.") ends what the one before
      // said: "It" after it is not that sentence's subject.
      refs.previous = null;
    }
    return cap(out);
  }

  /**
   * What a pronoun after the label of tokens [from, to) (mention {@code l}) stands for: the label ("Low vitamin D: it
   * causes fatigue"), or the concept it names when words follow that concept in the label ("Avoid caffeine after
   * midday: it can stay in your body for hours" says caffeine stays, not "Avoid caffeine after midday").
   */
  private static Mention referent(Parse p, int from, int to, Mention l) {
    if (l.concept() == null) {
      return l;
    }
    int first = from;
    while (first < to && !p.isEntity(first)) {
      first++;
    }
    if (first >= to) {
      return l;
    }
    int end = first + 1;
    while (end < to && p.mention[end] == p.mention[first]) {
      end++;
    }
    for (int k = end; k < to; k++) {
      if (!p.isPunct(k) && !p.tok[k].equals(")")) {
        return new Mention(p.text(first, end), l.concept(), pluralNoun(p, end - 1));
      }
    }
    return l;
  }

  private static List<Draft> cap(List<Draft> drafts) {
    return drafts.size() > MAX_CLAIMS ? new ArrayList<>(drafts.subList(0, MAX_CLAIMS)) : drafts;
  }

  private Draft framedDraft(Parse p, int from, int to, Frame frame, Mention label) {
    Draft d = new Draft();
    d.framed = true;
    d.fragment = true;
    d.mainFrom = from;
    d.clauseTo = to;
    d.tokens.set(from, to);
    String content = render(p, from, to, Map.of());
    d.object = label != null ? lowerFirst(label.text()) + " (" + content + ")" : lowerFirst(content);
    d.text = frame.text() + " " + d.object;
    String[] parts = frame.parts();
    d.subject = parts[0].isEmpty() ? frame.text() : parts[0];
    d.relation = parts[0].isEmpty() ? "" : parts[1];
    d.object = (parts[2].isEmpty() ? "" : parts[2] + " ") + d.object;
    d.notes.add("list item of: " + frame.text());
    return d;
  }

  /**
   * Puts {@code d} under the hedging framing its clause stands under, if any: the claim says it ("It is unlikely that
   * B12 causes acne", so that it is not the same claim as "B12 causes acne") and its cues mark the claim.
   */
  private static void hedge(Parse p, Draft d, BitSet hedgeFraming) {
    if (!hedgeFraming.isEmpty()) {
      d.hedgeFraming.or(hedgeFraming);
      d.text = upperFirst(render(p, hedgeFraming, Map.of())) + " " + lowerFirst(d.text);
    }
  }

  /**
   * The first token after a framing ({@link Cues#FRAMING}: "It's crucial to emphasize that"; {@link
   * Cues#HEDGE_FRAMING}: "It is likely that") at {@code from}, or from.
   */
  private static int framing(Parse p, java.util.regex.Pattern framing, int from, int to) {
    String rest = p.text.substring(p.start[from]).replace('\u2019', '\'');
    Matcher m = framing.matcher(rest);
    if (!m.find() || m.end() == 0) {
      return from;
    }
    int end = p.start[from] + m.end();
    int i = from;
    while (i < to && p.start[i] < end) {
      i++;
    }
    return i < to ? i : from;
  }

  /** Index of the first top-level (outside parentheses) token {@code tok} in [from, to), or -1. */
  private static int topLevel(Parse p, String tok, int from, int to) {
    int depth = 0;
    for (int i = from; i < to; i++) {
      if (p.tok[i].equals("(")) {
        depth++;
      } else if (p.tok[i].equals(")")) {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && p.tok[i].equals(tok)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether the subject of clause {@code c} (ending at {@code subjTo}) ends with the comma that closes an aside inside
   * it ("Resistance exercise, such as lifting weights, builds muscle").
   */
  private static boolean closesAside(Parse p, Clauses.Clause c, int subjTo) {
    if (!c.hasSubject() || subjTo - 1 <= c.subjFrom() || !p.tok[subjTo - 1].equals(",")) {
      return false;
    }
    return topLevel(p, ",", c.subjFrom(), subjTo - 1) > c.subjFrom();
  }

  /** Adverbs that may end a subject as its own ("B12 alone", "people here"), not the verb's. */
  private static final Set<String> SUBJECT_ADVERBS = Set.of("alone", "here", "there", "together", "else", "ago",
      "too", "however", "though", "therefore");

  /**
   * The end of clause {@code c}'s subject without the adverbs right before its verb, which belong to the verb group:
   * "Doctors sometimes misdiagnose" has the subject "Doctors" and the relation "sometimes misdiagnose".
   */
  private static int subjectEnd(Parse p, Clauses.Clause c) {
    int end = c.pred();
    if (!c.hasSubject()) {
      return end;
    }
    while (end - 1 > c.subjFrom() && p.tag[end - 1].equals("ADV") && !SUBJECT_ADVERBS.contains(p.low[end - 1])
        && !p.isEntity(end - 1)) {
      end--;
    }
    // "Vitamin B12, also known as": the adverb opens an apposition or aside; the claim keeps its comma.
    return p.tok[end - 1].equals(",") ? c.pred() : end;
  }

  /**
   * The auxiliaries (and negation) of the verb group of clause {@code previous} that also govern clause {@code c}'s
   * verb, as sentence tokens: "might" in "Magnesium might ease migraines, and shorten their duration", "does not" in
   * "B12 does not cure anemia, and prevent fatigue", "has" in "Iron has damaged the liver, and caused diabetes".
   * {@code previousShared} are those {@code previous} took from the clause before it ("might ease X, and shorten Y, and
   * prevent Z"). Empty unless {@code c} has no subject, was joined by "and", "or", "but" or "yet", and opens with a
   * verb that the auxiliaries can govern: a bare verb (or "be") after a modal, "do", "to" or a verb like "helps" (as
   * "helps form and maintain" keeps "helps"), a participle after "have" or "be".
   */
  private static BitSet sharedAuxiliaries(Parse p, Clauses.Clause previous, BitSet previousShared,
      Clauses.Clause c) {
    BitSet out = new BitSet();
    if (previous == null || previous.fragment() || c.hasSubject() || c.conj() == null
        || !Set.of("and", "or", "but", "yet").contains(c.conj())) {
      return out;
    }
    int v = c.pred();
    while (v < c.relTo() && p.tag[v].equals("ADV")) {
      v++;
    }
    if (v >= c.relTo() || !p.isVerbal(v) || p.low[v].endsWith("ing")) {
      return out;
    }
    boolean bare = p.low[v].equals("be") || p.tag[v].equals("VERB") && p.lemma[v].equals(p.low[v])
        && !p.low[v].endsWith("ed");
    boolean participle = p.tag[v].equals("VERB") && !p.lemma[v].equals(p.low[v]) && !p.low[v].endsWith("s");
    if (!bare && !participle) {
      return out;
    }
    // The previous clause's main verb: the last verb of its verb group ("found" in "can be found").
    int main = -1;
    for (int i = previous.pred(); i < previous.relTo(); i++) {
      if (p.isVerbal(i)) {
        main = i;
      }
    }
    if (main < 0) {
      return out;
    }
    BitSet group = new BitSet();
    // "but" and "yet" contrast with a negation rather than share it: "Exercise will not cure diabetes, but help control
    // blood sugar" says it will help; so does "not only strengthen bones, but also reduce falls".
    boolean contrast = c.conj().equals("but") || c.conj().equals("yet");
    for (int i = previous.pred(); i < main; i++) {
      // Adverbs stay with their clause ("might also ease"); negation does not ("does not cure X, and prevent Y").
      boolean negation = Cues.NEGATION.contains(p.low[i]) && !p.isVerbal(i);
      if (negation ? !contrast : p.isVerbal(i) || p.tag[i].equals("PART") && !Cues.NEGATION.contains(p.low[i])) {
        group.set(i);
      }
    }
    if (group.isEmpty()) {
      group = previousShared;
    }
    // The word that governs the verb: the group's last word but a negation.
    int gov = group.length() - 1;
    while (gov >= 0 && Cues.NEGATION.contains(p.low[gov]) && !p.isVerbal(gov)) {
      gov = group.previousSetBit(gov - 1);
    }
    if (gov < 0) {
      return out;
    }
    boolean perfectOrPassive = p.tag[gov].equals("AUX") && (p.lemma[gov].equals("have") || p.lemma[gov].equals("be"));
    if (perfectOrPassive ? participle : bare) {
      out.or(group);
    }
    return out;
  }

  /** Relation variants of a clause: {start, end, [start, end,] objectStart}; two for "helps form and maintain". */
  private static List<int[]> relationVariants(Parse p, Clauses.Clause c) {
    int pred = c.pred();
    int e = c.relTo();
    List<int[]> out = new ArrayList<>();
    if (e < c.to() && (p.low[e].equals("and") || p.low[e].equals("or")) && e - 1 >= pred
        && p.tag[e - 1].equals("VERB")) {
      int k = e + 1;
      while (k < c.to() && p.tag[k].equals("ADV")) {
        k++;
      }
      // Both verbs in the same form ("helps form and maintain"): "slow down bone loss and reduce the risk", with
      // "loss" taken for a verb, is no verb coordination.
      if (k < c.to() && p.tag[k].equals("VERB") && !p.low[k].endsWith("ing")
          && Clauses.agree(Clauses.form(p, e - 1), Clauses.form(p, k))) {
        int objFrom = Clauses.relationEnd(p, k, c.to());
        out.add(new int[] {pred, e, objFrom});
        out.add(new int[] {pred, e - 1, e + 1, objFrom, objFrom});
        return out;
      }
    }
    out.add(new int[] {pred, e, e});
    return out;
  }

  /** Object variants: one per member of a coordination or list, else the whole object. */
  private static List<BitSet> objectVariants(Parse p, int from, int to) {
    List<BitSet> out = new ArrayList<>();
    BitSet all = new BitSet();
    all.set(from, Math.max(from, to));
    if (from < to && p.tag[from].equals("CCONJ")) {
      // "... slow down bone loss and reduce the risk", with "loss" taken for the verb: the object opens with the
      // conjunction, so the clause was misread; it stays whole.
      out.add(all);
      return out;
    }
    // "no overdose or toxicity levels": two modifiers sharing a head noun.
    int depth = 0;
    for (int c = from + 1; c + 2 < to + 1 && c < to; c++) {
      if (p.tok[c].equals("(")) {
        depth++;
      } else if (p.tok[c].equals(")")) {
        depth = Math.max(0, depth - 1);
      }
      if (depth > 0 || !(p.low[c].equals("and") || p.low[c].equals("or")) || c + 2 >= to + 1) {
        continue;
      }
      int x = c - 1;
      boolean single = x == from || p.tag[x - 1].equals("DET") || p.tag[x - 1].equals("ADP")
          || p.isVerbal(x - 1);
      if (!single || !modifier(p, x) || c + 1 >= to || !modifier(p, c + 1)
          || p.tag[x].equals("ADJ") != p.tag[c + 1].equals("ADJ")) {
        continue;
      }
      int h = c + 2;
      while (h < to && modifier(p, h) && !p.low[h].equals("and") && h < c + 4) {
        h++;
      }
      if (isCondition(p, x) && !(h > c + 2 && CONDITION_HEADS.contains(p.low[h - 1]))) {
        // A condition is a whole noun phrase, not a modifier: "hypercalcemia and kidney stones" is not
        // "hypercalcemia stones" and "kidney stones"; "osteoporosis and fracture risk" is "osteoporosis risk".
        continue;
      }
      boolean headed = h > c + 2 && p.tag[h - 1].equals("NOUN");
      for (int k = c + 2; k < h && headed; k++) {
        // "hyperhomocysteinemia and mild cognitive impairment": the "head" is a concept of its own, not shared.
        headed = !p.isEntity(k);
      }
      boolean ends = h == to || p.isPunct(h) || p.tag[h].equals("ADP") || p.tag[h].equals("CCONJ")
          || p.tag[h].equals("SCONJ") || p.low[h].equals("which") || p.low[h].equals("that");
      if (headed && ends && (pluralNoun(p, x) || pluralNoun(p, c + 1) || h > c + 3)) {
        // A plural is a head, not a modifier: "men and transgender women" is not "men women"; and a head of two
        // words is seldom shared ("avoid grapefruit and report muscle pain", the verb taken for a noun; "stress and
        // blood sugar levels"). Which words the head shares is not sure, and the object stays whole.
        out.add(all);
        return out;
      }
      if (headed && ends && !(p.isEntity(x) && p.isEntity(c + 1) && p.mention[h - 1] == p.mention[c + 1])) {
        BitSet a = (BitSet) all.clone();
        a.clear(c, c + 2);
        BitSet b = (BitSet) all.clone();
        b.clear(x, c + 1);
        out.add(a);
        out.add(b);
        return out;
      }
    }
    List<int[]> items = listItems(p, from, to, false);
    if (items.size() == 2 && items.getLast()[1] - items.getLast()[0] >= 2
        && org.claimcheck.nlp.Annotator.isListedVerb(p.low[items.getLast()[0]]) && !p.isEntity(items.getLast()[0])) {
      // "should avoid grapefruit and report muscle pain", the verb taken for a noun: a verb phrase, not a second
      // object ("should avoid report muscle pain"); not sure where it splits, so it stays whole.
      out.add(all);
      return out;
    }
    if (items.size() >= 2) {
      int prefixEnd = items.getFirst()[0];
      while (prefixEnd > from && p.tok[prefixEnd - 1].equals(",")) {
        prefixEnd--;
      }
      // What follows the last item belongs to every item: "causes anemia, fatigue, and headaches, especially in
      // pregnant women" says "causes anemia, especially in pregnant women".
      int tailFrom = items.getLast()[1];
      // A consequence ("the liver and the pancreas, causing pancreatitis") may be the last item's alone: it stays
      // with that item; a scope or source ("especially in ...", "according to ...") is every item's.
      boolean consequence = tailFrom + 1 < to && p.tok[tailFrom].equals(",") && p.tag[tailFrom + 1].equals("VERB")
          && p.low[tailFrom + 1].endsWith("ing") && !p.low[tailFrom + 1].equals("according");
      for (int[] item : items) {
        BitSet v = new BitSet();
        v.set(from, prefixEnd);
        // Drop a comma or "such as" gap between the prefix and the first item only for the first item.
        v.set(item[0], item[1]);
        if (item == items.getLast() && items.size() == 2 && sharesModifiers(p, items.getFirst(), item)) {
          // "iron absorption and storage": "iron storage".
          v.set(items.getFirst()[0], items.getFirst()[1] - 1);
        }
        if (tailFrom < to && (!consequence || item == items.getLast())) {
          v.set(tailFrom, to);
        }
        out.add(v);
      }
      return out;
    }
    out.add(all);
    return out;
  }

  /** What the body does with a substance: "iron absorption and storage", "B12 absorption and metabolism". */
  private static final Set<String> SUBSTANCE_PROCESSES = Set.of("absorption", "storage", "metabolism", "uptake",
      "transport", "synthesis", "production", "excretion", "utilization", "utilisation", "release", "secretion",
      "breakdown", "clearance");

  /**
   * Whether the second of two coordinated members shares the first's modifier: "iron absorption and storage" is
   * "iron storage", "B12 absorption and metabolism" is "B12 metabolism". Only when the modifier is a lexicon entity
   * (a substance) and both heads are what the body does with one ({@link #SUBSTANCE_PROCESSES}); "bone density and
   * cognition", "calcium absorption and immunity", "iron deficiency and fatigue" keep their members as they are.
   */
  private static boolean sharesModifiers(Parse p, int[] first, int[] second) {
    int head = first[1] - 1;
    int noun = second[0];
    if (second[1] - noun != 1 || head <= first[0] || !SUBSTANCE_PROCESSES.contains(p.low[head])
        || !SUBSTANCE_PROCESSES.contains(p.low[noun])) {
      return false;
    }
    for (int i = first[0]; i < head; i++) {
      if (!p.isEntity(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether token {@code i} ends the name of a condition: a lexicon condition ("restless legs syndrome"), or a noun
   * with a disease's suffix that the lexicon does not know ("hypercalcemia", "nephropathy", "osteoarthritis").
   */
  private static boolean isCondition(Parse p, int i) {
    if (p.isEntity(i)) {
      return p.matches.get(p.mention[i]).concept().type().equals("condition")
          && (i + 1 >= p.mention.length || p.mention[i + 1] != p.mention[i]);
    }
    return p.tag[i].equals("NOUN") && CONDITION_SUFFIX.matcher(p.low[i]).matches();
  }

  /** Heads that conditions share: "osteoporosis and fracture risk" is "osteoporosis risk" and "fracture risk". */
  private static final Set<String> CONDITION_HEADS = Set.of("risk", "risks", "rate", "rates", "incidence",
      "prevalence", "severity", "symptoms", "signs", "treatment", "treatments", "screening", "prevention",
      "management", "diagnosis", "progression", "onset", "outcomes", "mortality", "complications");

  private static final java.util.regex.Pattern CONDITION_SUFFIX =
      java.util.regex.Pattern.compile("\\p{L}{3,}(?:a?emia|itis|osis|pathy|algia|uria)");

  /** Plurals that do not end in "s". */
  private static final Set<String> IRREGULAR_PLURALS = Set.of("men", "women", "children", "people", "feet", "teeth",
      "mice", "bacteria", "data", "criteria", "fungi", "staff");

  /**
   * Whether token {@code i} is a common noun in the plural ("bones", "women", "nerves"), not a name that ends in "s"
   * ("diabetes": a concept of the lexicon whose "singular" the lexicon does not know).
   */
  private static boolean pluralNoun(Parse p, int i) {
    if (!p.tag[i].equals("NOUN")) {
      return false;
    }
    if (IRREGULAR_PLURALS.contains(p.low[i])) {
      return true;
    }
    String singular = Lexicon.singular(p.low[i]);
    if (singular == null || !p.isEntity(i)) {
      return singular != null;
    }
    List<Lexicon.Match> m = p.lexicon.find(singular);
    return !m.isEmpty() && m.getFirst().concept().equals(p.matches.get(p.mention[i]).concept());
  }

  private static boolean modifier(Parse p, int i) {
    return p.isEntity(i) || p.tag[i].equals("NOUN") || p.tag[i].equals("ADJ") || p.tag[i].equals("PROPN");
  }

  /**
   * The members [start, end) of a list in tokens [from, to): "A, B and C", "like A or B", "including A, B, C". With
   * {@code atStart} the list must start at {@code from} (an inline lead-in's items). Empty when there is none.
   */
  static List<int[]> listItems(Parse p, int from, int to, boolean atStart) {
    int depth = 0;
    for (int c = from + 1; c < to - 1; c++) {
      if (p.tok[c].equals("(")) {
        depth++;
      } else if (p.tok[c].equals(")")) {
        depth = Math.max(0, depth - 1);
      }
      if (depth > 0 || !(p.low[c].equals("and") || p.low[c].equals("or"))) {
        continue;
      }
      // The last member: up to a comma, a closing parenthesis or the end.
      int e = c + 1;
      int d2 = 0;
      while (e < to) {
        if (p.tok[e].equals("(")) {
          d2++;
        } else if (p.tok[e].equals(")")) {
          if (d2 == 0) {
            break;
          }
          d2--;
        } else if (d2 == 0 && (p.tok[e].equals(",") || p.tok[e].equals(";") || p.low[e].equals("which")
            || p.low[e].equals("who"))) {
          break;
        }
        e++;
      }
      if (!shortPhrase(p, c + 1, e, atStart)) {
        continue;
      }
      if (e < to && p.tok[e].equals(",") && e + 1 < to && !(p.tag[e + 1].equals("VERB")
          && p.low[e + 1].endsWith("ing") || p.low[e + 1].equals("which")
          || p.low[e + 1].equals("who") || p.low[e + 1].equals("especially"))) {
        continue;
      }
      List<int[]> items = new ArrayList<>();
      items.add(new int[] {c + 1, e});
      int segEnd = p.tok[c - 1].equals(",") ? c - 1 : c;
      boolean openerFound = false;
      while (true) {
        int s = segEnd;
        int d3 = 0;
        while (s > from) {
          String t = p.tok[s - 1];
          if (t.equals(")")) {
            d3++;
          } else if (t.equals("(")) {
            d3--;
          } else if (d3 == 0 && t.equals(",")) {
            break;
          }
          s--;
        }
        if (shortPhrase(p, s, segEnd, atStart)) {
          items.addFirst(new int[] {s, segEnd});
          if (s > from && p.tok[s - 1].equals(",")) {
            segEnd = s - 1;
            continue;
          }
          openerFound = s == from;
          break;
        }
        // The first member follows an opener inside this segment: "... like A", "... in A" (long lists only).
        int j = segEnd - 1;
        while (j >= s && !(LIST_OPENERS.contains(p.low[j]) || items.size() >= 3 && p.tag[j].equals("ADP"))) {
          j--;
        }
        if (j >= s && exampleOpener(p, j)) {
          // Examples of a kind ("green leafy vegetables such as kale, tofu and sardines"): a claim per item would be
          // about the kind and one example ("vegetables such as tofu"), and whether a member after the first is an
          // example or the list's own is not sure; the list stays whole.
          return List.of();
        }
        if (j >= s && j + 1 < segEnd && shortPhrase(p, j + 1, segEnd, atStart)) {
          items.addFirst(new int[] {j + 1, segEnd});
          openerFound = true;
        }
        break;
      }
      // A segment before the items that is no item and opens nothing ("cancers of the cervix, anus, penis, mouth and
      // throat", "anus" tagged a conjunction) would be glued to every item: "cancers of the cervix, anus penis". The
      // list's start is not sure, and it stays whole.
      if (items.size() >= 2 && openerFound && (!atStart || items.getFirst()[0] == from)) {
        return items;
      }
    }
    return List.of();
  }

  /** Whether token {@code j} opens examples of the noun before it: "such as", "like", "including", "e.g.". */
  private static boolean exampleOpener(Parse p, int j) {
    String w = p.low[j];
    return w.equals("as") && j > 0 && p.low[j - 1].equals("such") || w.equals("e.g.") || w.equals("e.g")
        || (w.equals("like") || w.equals("including")) && j > 0 && (p.isNounish(j - 1) || p.tok[j - 1].equals(","));
  }

  /** A short noun phrase (at most five words outside parentheses, no verb group, no preposition). */
  private static boolean shortPhrase(Parse p, int from, int to, boolean lenient) {
    if (from >= to) {
      return false;
    }
    int words = 0;
    int depth = 0;
    for (int i = from; i < to; i++) {
      String t = p.tok[i];
      if (t.equals("(")) {
        depth++;
        continue;
      }
      if (t.equals(")")) {
        depth = Math.max(0, depth - 1);
        continue;
      }
      if (depth > 0) {
        continue;
      }
      String tag = p.tag[i];
      boolean ok = p.isEntity(i) || switch (tag) {
        case "NOUN", "PROPN", "ADJ", "NUM", "DET", "PART", "SYM" -> true;
        case "VERB" -> p.low[i].endsWith("ed") || p.low[i].endsWith("ing");
        case "ADP" -> lenient && (p.low[i].equals("of") || p.low[i].equals("in"));
        case "PUNCT" -> t.equals("-") || t.equals("'") || t.equals("\u2019");
        default -> false;
      };
      if (!ok || p.low[i].equals("and") || p.low[i].equals("or") || LIST_OPENERS.contains(p.low[i])
          && !p.low[i].equals("as")) {
        return false;
      }
      if (tag.equals("VERB") && p.low[i].endsWith("ing") && i + 1 < to
          && (p.tag[i + 1].equals("DET") || p.tag[i + 1].equals("PRON"))) {
        return false;
      }
      if (pluralNoun(p, i) && i + 1 < to && (p.tag[i + 1].equals("NOUN") || p.tag[i + 1].equals("ADJ"))
          && !p.isEntity(i + 1)) {
        // A plural is a noun phrase's head: "bones thin" in "makes bones thin and fragile" is an object and what
        // it is made, not a list member.
        return false;
      }
      words++;
    }
    int head = to - 1;
    while (head > from && (p.tok[head].equals(")") || p.isPunct(head))) {
      head--;
    }
    while (head > from && depthAt(p, from, head) > 0) {
      head--;
    }
    boolean nounHead = p.isNounish(head) || p.tag[head].equals("VERB") && p.low[head].endsWith("ing")
        || p.tok[head].equals(")");
    return nounHead && words >= 1 && words <= (lenient ? 8 : 5);
  }

  /**
   * The verb phrase of clause {@code c} as another clause may leave it out: {"verb", "raise the risk of blood clots"}
   * (the main verb's lemma and what follows it) or {"copula", "safe"} (what follows a form of "be"); null when the
   * clause has no main verb or nothing after it.
   */
  private static String[] verbPhrase(Parse p, Clauses.Clause c) {
    int main = -1;
    for (int k = c.pred(); k < c.relTo(); k++) {
      if (p.isVerbal(k)) {
        main = k;
      }
    }
    if (main < 0 || main + 1 >= c.to()) {
      return null;
    }
    boolean copula = BE_FORMS.contains(p.low[main]);
    for (int k = c.pred(); k < main && !copula; k++) {
      if (BE_FORMS.contains(p.low[k]) || p.low[k].equals("being")) {
        return null; // a passive ("Aspirin should not be given to children, but paracetamol can"): not its verb
      }
    }
    if (!copula && (!p.tag[main].equals("VERB") || p.low[main].endsWith("ing")
        || REPORTING_VERBS.contains(p.lemma[main].toLowerCase(Locale.ROOT)))) {
      // "Many parents worry that vaccines cause autism, but they do not": what is denied is the statement, not the
      // worry; which one the clause leaves out is not sure.
      return null;
    }
    int from = main + 1;
    if (copula && from < c.to() && (p.low[from].equals("not") || p.low[from].equals("n't")
        || p.low[from].equals("never"))) {
      from++; // "Coffee is not addictive, but nicotine is": "addictive", not "not addictive"
    }
    int to = trimmedEnd(p, from, c.to());
    for (int k = from; k < to; k++) {
      if (p.low[k].equals("that") && (p.tag[k].equals("SCONJ") || p.tag[k].equals("PRON")) && k == from
          || CONDITION_WORDS.contains(p.low[k]) && k > from) {
        if (k == from) {
          return null;
        }
        to = trimmedEnd(p, from, k); // "take aspirin if you are under 16, but adults can": not the condition
        break;
      }
    }
    if (from >= to || copula && (p.low[from].equals("no") || p.low[from].equals("none"))) {
      return null; // "Fruit juice is no substitute for fruit, but smoothies are"
    }
    for (int k = from; k + 1 < to && !copula; k++) {
      if (p.low[k].equals("to") && p.tag[k + 1].equals("VERB")) {
        // "Doctors advise patients to stop smoking, but many do not": advise, or stop? Not sure.
        return null;
      }
    }
    String rest = render(p, from, to, Map.of());
    return copula ? new String[] {"copula", rest}
        : new String[] {"verb", p.lemma[main].toLowerCase(Locale.ROOT) + " " + rest};
  }

  /** Verbs that report or judge a statement: a clause that leaves one out may deny the statement instead. */
  private static final Set<String> REPORTING_VERBS = Set.of("think", "believe", "worry", "claim", "say", "know",
      "hear", "suggest", "show", "find", "fear", "assume", "argue", "expect", "hope", "feel", "report", "suspect",
      "tell", "read", "assert", "insist");
  /** Words that open a condition or an adverbial clause, which a restored verb phrase leaves behind. */
  private static final Set<String> CONDITION_WORDS = Set.of("if", "unless", "when", "whenever", "because", "while",
      "although", "though", "since", "until", "once", "whereas");

  /** Tokens [from, to) without the clause's closing punctuation. */
  private static int trimmedEnd(Parse p, int from, int to) {
    while (to > from && (p.tok[to - 1].equals(".") || p.tok[to - 1].equals(",") || p.tok[to - 1].equals(";")
        || p.tok[to - 1].equals("!"))) {
      to--;
    }
    return to;
  }

  /**
   * What clause {@code c}, which ends at its auxiliary ("but tea does not", "others cannot", "patches do not seem
   * to", "energy drinks are not"), leaves out of the clause before ({@link #verbPhrase}), or null when it does not end
   * so, or the two do not fit (a form of "be" takes a copula's complement, any other auxiliary or "to" a verb).
   */
  private static String restoreEllipsis(Parse p, Clauses.Clause c, String[] elided) {
    if (!c.hasSubject()) {
      return null;
    }
    int last = trimmedEnd(p, c.pred(), c.to()) - 1;
    if (last < c.pred()) {
      return null;
    }
    String w = p.low[last];
    if (w.equals("not") || w.equals("n't")) {
      last--;
      if (last < c.pred()) {
        return null;
      }
      w = p.low[last];
    }
    boolean be = BE_FORMS.contains(w) && p.tag[last].equals("AUX");
    boolean lexical = w.equals("to") && p.tag[last].equals("PART") || ELLIPSIS_AUXILIARIES.contains(w);
    if (be && elided[0].equals("copula") || lexical && elided[0].equals("verb")) {
      return elided[1];
    }
    return null;
  }

  private static final Set<String> BE_FORMS = Set.of("is", "are", "was", "were", "be", "been", "'s", "'re");
  /** Auxiliaries a clause may end with, leaving out the verb phrase it shares: "but tea does not". */
  private static final Set<String> ELLIPSIS_AUXILIARIES = Set.of("do", "does", "did", "can", "cannot", "could", "will",
      "would", "may", "might", "should", "must", "ca", "wo");

  /**
   * Whether tokens [from, to) open with a list of short noun phrases joined by commas and a final "and" or "or"
   * ("Headache, fatigue and irritability in the first week"), not a name with an aside after its comma ("Oily fish,
   * such as salmon,", "Vitamin B12, a key player in ...").
   */
  static boolean listOfNouns(Parse p, int from, int to) {
    int start = from;
    boolean comma = false;
    int depth = 0;
    for (int i = from; i < to; i++) {
      if (p.tok[i].equals("(")) {
        depth++;
      } else if (p.tok[i].equals(")")) {
        depth = Math.max(0, depth - 1);
      }
      if (depth > 0) {
        continue;
      }
      if (p.tok[i].equals(",")) {
        if (i - start < 1 || i - start > 4 || i + 1 >= to) {
          return false;
        }
        String next = p.low[i + 1];
        if (!(p.isNounish(i + 1) || p.tag[i + 1].equals("ADJ")) || LIST_OPENERS_NOT.contains(next)) {
          return false;
        }
        comma = true;
        start = i + 1;
      } else if (comma && (p.low[i].equals("and") || p.low[i].equals("or")) && p.tag[i].equals("CCONJ")) {
        return i - start >= 1 && i - start <= 4 && i + 1 < to && (p.isNounish(i + 1) || p.tag[i + 1].equals("ADJ"));
      }
    }
    return false;
  }

  /** Words after a comma that open an aside, not a list's next item. */
  private static final Set<String> LIST_OPENERS_NOT = Set.of("such", "also", "including", "like", "especially",
      "particularly", "which", "who", "known", "called", "e.g.", "i.e.");

  private static int depthAt(Parse p, int from, int i) {
    int depth = 0;
    for (int k = from; k <= i; k++) {
      if (p.tok[k].equals("(")) {
        depth++;
      } else if (p.tok[k].equals(")")) {
        depth = Math.max(0, depth - 1);
      }
    }
    return depth;
  }

  /**
   * Replacements for references in tokens [from, to): token index to the text that replaces it ("" to drop a token
   * that a multi-token replacement covers).
   */
  private Map<Integer, String> resolutions(Parse p, Clauses.Clause c, List<Mention> near, Mention own,
      List<Mention> subjects, List<Mention> objects) {
    int from = c.from();
    int to = c.to();
    Map<Integer, String> out = new HashMap<>();
    List<Mention> earlier = new ArrayList<>(subjects);
    earlier.addAll(objects);
    for (int i = from; i < to; i++) {
      String low = p.low[i];
      boolean afterVerb = c.pred() >= 0 && i >= c.relTo();
      boolean clauseStart = i == from || i == c.subjFrom() || p.tok[i - 1].equals(",")
          || p.low[i - 1].equals("and") || p.low[i - 1].equals("but") || p.tag[i - 1].equals("SCONJ")
          || p.low[i - 1].equals("that") || p.low[i - 1].equals("where");
      String others;
      if (low.equals("it") && p.tag[i].equals("PRON")) {
        boolean subjectPosition = clauseStart && i + 1 < to && (p.isVerbal(i + 1) || p.tag[i + 1].equals("ADV"));
        boolean prepositionObject = i > from && (p.tag[i - 1].equals("ADP") || p.low[i - 1].equals("without"))
            || gerundObject(p, c, i);
        if (!subjectPosition && gerundObject(p, c, i)) {
          // "Stopping it suddenly": the thing of the sentence before, never the page's topic ("Treating it with a
          // CPAP machine" on a page about dementia is the sleep apnoea named before).
          Mention m = refs.itBefore();
          if (m != null) {
            out.put(i, lowerFirst(m.text()));
            refs.itThisSentence = m;
          }
          continue;
        }
        if (!expletive(p, i, to) && !subjectPosition && !prepositionObject && onlyObject(p, c, i)) {
          // "People with gallstones should avoid it": the thing of the sentence before, when this sentence names
          // nothing before it but its subject.
          Mention m = refs.itBefore();
          // What is taken or used is no condition: "Hypothyroidism is treated with levothyroxine. Most people need to
          // take it" is not hypothyroidism.
          if (m != null && !(TAKEN.contains(p.low[i - 1]) && m.isA("condition"))) {
            out.put(i, lowerFirst(m.text()));
            refs.itThisSentence = m;
          }
          continue;
        }
        if (expletive(p, i, to) || !subjectPosition && !prepositionObject) {
          continue;
        }
        Mention m = null;
        // An object "it" is not its own clause's subject, which would be "itself": "About 1 in 7 women will be
        // diagnosed with it" is the breast cancer of the sentence before.
        boolean ownSubject = c.hasSubject() && !subjectPosition;
        if (ownSubject && afterVerb) {
          // A thing its clause named after the verb: "Medication works best alongside behavioural therapy, not
          // instead of it".
          int verb = i - 1;
          while (verb > c.pred() && !p.isVerbal(verb)) {
            verb--; // after the last verb: "calcium is absorbed with it" names no thing for it
          }
          // Not the noun "it" hangs on: "proof of vaccination against it" is the yellow fever named before.
          int end = i - 1 > verb && p.tag[i - 1].equals("ADP") ? i - 1 : i;
          while (end > verb && end < i && (p.isNounish(end - 1) || p.isEntity(end - 1))) {
            end--;
          }
          m = end > verb ? lastThing(p, verb, end) : null;
        }
        if (m == null && afterVerb && own != null && !ownSubject) {
          // "it" is not a plural subject: "Some people believe red wine is healthy because it contains ..."
          m = own.plural() || HOLDS_PRONOUN.matcher(own.text()).find() ? null : own;
        } else if (!near.isEmpty() && !near.getLast().plural()
            && !NOT_A_NAME.contains(near.getLast().text().toLowerCase(Locale.ROOT))
            && !HOLDS_PRONOUN.matcher(near.getLast().text()).find()) {
          // Not a quantifier alone ("Some do, but it is less common"), nor a phrase that is itself a reference ("Most
          // of it is broken down before it reaches").
          m = near.getLast();
        }
        if (m == null) {
          m = it(p, subjects, objects);
        }
        if (m != null) {
          out.put(i, i == c.from() ? m.text() : lowerFirst(m.text()));
          refs.itThisSentence = m;
          if (i + 1 < to && p.low[i + 1].equals("'s")) {
            out.put(i + 1, "is");
          }
        }
      } else if ((low.equals("this") || low.equals("that")) && p.tag[i].equals("PRON") && clauseStart
          && i + 1 < to && p.isVerbal(i + 1) && !cleft(p, i, to)) {
        // "This" usually stands for a whole statement: only an item's label names it for sure.
        if (refs.label != null && !namesCategory(refs.label.text())) {
          out.put(i, refs.label.text());
          if (i + 1 < to && (p.low[i + 1].equals("'s"))) {
            out.put(i + 1, "is");
          }
        }
      } else if ((others = low.equals("others") && i == c.subjFrom() && clauseStart ? refs.othersCategory() : null)
          != null) {
        // "Others include topiramate": others of what the sentences before name.
        out.put(i, (i == c.from() ? "Other " : "other ") + others);
      } else if ((low.equals("they") || low.equals("these")) && p.tag[i].equals("PRON") && clauseStart
          && i + 1 < to && (p.isVerbal(i + 1) || p.tag[i + 1].equals("ADV"))) {
        // An earlier clause's subject before its objects: "Vitamin C supplements do not prevent colds in most
        // people, although they may shorten them slightly" is about the supplements.
        List<Mention> subjectsNearest = new ArrayList<>(objects);
        subjectsNearest.addAll(subjects);
        // Verbs of an opening condition do not count: "If you take them in the evening, they work better".
        int mainStart = 0;
        if (p.size() > 0 && (p.tag[0].equals("SCONJ") || Cues.OPENING_SUBORDINATORS.contains(p.low[0]))) {
          for (int k = 1; k < i; k++) {
            if (p.tok[k].equals(",") && depthAt(p, 0, k) == 0) {
              mainStart = k + 1;
              break;
            }
          }
        }
        boolean verbBefore = false;
        for (int k = mainStart; k < i && !verbBefore; k++) {
          verbBefore = p.isVerbal(k);
        }
        Mention m = refs.they(subjectsNearest, !verbBefore);
        if (clinicianActs(p, c, i)) {
          // "They can diagnose the cause": a clinician, never the symptoms or the supplements named before.
          String who = m != null && isClinician(lastWord(m.text())) ? m.text()
              : low.equals("they") ? clinician() : null;
          if (who == null && m != null && isPerson(lastWord(m.text()))) {
            who = m.text(); // "Researchers ... They recommend"
          }
          if (who != null) {
            out.put(i, i == c.from() ? upperFirst(who) : who);
          }
        } else if (m != null) {
          out.put(i, i == c.from() ? m.text() : lowerFirst(m.text())); // "In trials, statins lowered"
        }
      } else if (low.equals("them") && onlyObject(p, c, i)) {
        // "Antidepressants are medicines that treat depression. Doctors also prescribe them for anxiety".
        Mention m = refs.they(List.of(), true);
        // Only a thing the lexicon knows: "Coaches often suggest iron supplements. Athletes should take them" is not
        // the coaches.
        if (m != null && m.concept() != null && !refs.previousInSentence && !isPerson(lastWord(m.text()))) {
          out.put(i, lowerFirst(m.text()));
        }
      } else if (low.equals("them") && gerundObject(p, c, i)) {
        // "Stopping them suddenly can cause withdrawal symptoms": a gerund subject's object, as "they" opening it.
        Mention m = refs.they(new ArrayList<>(subjects), true);
        if (m != null && m.concept() != null && !isPerson(lastWord(m.text()))) {
          out.put(i, lowerFirst(m.text()));
        }
      } else if (low.equals("its") && i + 1 < to && !p.low[i + 1].equals("own")) {
        if (p.low[i + 1].equals(References.DEFICIENCY)) {
          Mention s = own != null && own.isA("substance") ? own : refs.substance(earlier);
          if (s != null) {
            out.put(i, s.text());
          }
        } else {
          // A plural subject is not what "its" stands for: "because food and coffee reduce its absorption".
          boolean ownPlural = own != null && own.plural();
          Mention m = afterVerb && own != null && !ownPlural && (own.concept() != null || !c.hasSubject()) ? own
              : firstEntity(p, ownPlural && c.hasSubject() ? c.pred() : from, i);
          if (m == null && !near.isEmpty()) {
            m = near.getFirst();
          }
          if (m == null) {
            m = it(p, subjects, objects);
          }
          if (m != null) {
            String owner = i == c.from() ? m.text() : lowerFirst(m.text());
            // "B12 deficiency causes fatigue through its role in ...": the role is the substance's, not the
            // deficiency's (its symptoms and effects stay the deficiency's).
            int noun = i + 1;
            while (noun + 1 < to && p.tag[noun].equals("ADJ")) {
              noun++; // "its critical role"
            }
            if (SUBSTANCE_OWNED.contains(p.low[noun]) && owner.toLowerCase(Locale.ROOT).endsWith(" deficiency")) {
              owner = owner.substring(0, owner.length() - " deficiency".length());
            }
            out.put(i, owner + (owner.endsWith("s") ? "'" : "'s"));
          }
        }
      } else if ((low.equals("this") || low.equals("these")) && p.tag[i].equals("DET")
          && (i == from || i == c.subjFrom())) {
        // "These neurotransmitters influence mood": the noun phrase of a sentence just before with that head.
        int head = demonstrativeHead(p, i, to);
        String np = head < 0 ? null : nounPhraseAntecedent(p, i, head);
        if (np != null) {
          out.put(i, i == c.from() ? upperFirst(np) : lowerFirst(np));
          for (int k = i + 1; k <= head; k++) {
            out.put(k, "");
          }
        }
      } else if (isAnaphoricNoun(p, i, to)) {
        Mention m = low.equals(References.DEFICIENCY) ? refs.deficiency(earlier)
            : References.SUBSTANCE_NOUNS.contains(singular(low)) ? refs.substance(earlier) : refs.condition(earlier);
        if (m == null) {
          continue;
        }
        int det = i;
        while (det > from && (p.tag[det - 1].equals("ADJ") || p.tag[det - 1].equals("DET"))
            && !p.isEntity(det - 1)) {
          det--;
        }
        out.put(det, m.text());
        for (int k = det + 1; k <= i; k++) {
          out.put(k, "");
        }
      }
    }
    return out;
  }

  /** {@link References#it}, with the concept a label of this sentence names for the label (see {@link #referent}). */
  private Mention it(Parse p, List<Mention> subjects, List<Mention> objects) {
    Mention m = refs.it(subjects.isEmpty() ? objects : subjects);
    return m != null && m == refs.label && refs.labelIn == p && labelReferent != null ? labelReferent : m;
  }

  /** Who "they" can be when the sentence before names one of them and no other antecedent is near. */
  private static final Set<String> CLINICIANS = Set.of("doctor", "physician", "professional", "provider",
      "clinician", "pharmacist", "dietitian", "dietician", "nutritionist", "specialist", "nurse", "practitioner",
      "surgeon", "gp", "gps", "dentist", "midwife", "therapist", "consultant", "doc");

  /** Clinicians the list does not name: "hematologist", "psychiatrist", "pediatrician", "physiotherapist". */
  private static final java.util.regex.Pattern CLINICIAN_SUFFIX =
      java.util.regex.Pattern.compile("\\p{L}{2,}(?:ologist|iatrist|ician|therapist|opath)");

  /** People who are not clinicians but may recommend or assess: "Researchers ... They recommend". */
  private static final Set<String> PEOPLE = Set.of("people", "person", "patient", "researcher", "scientist",
      "expert", "author", "investigator", "adult", "child", "children", "men", "women", "man", "woman", "individual",
      "parent", "caregiver", "coach", "trainer");

  /** What only a clinician does: "they" before these verbs cannot be the symptoms or the supplements. */
  private static final Set<String> CLINICIAN_VERBS = Set.of("perform", "order", "prescribe", "recommend", "diagnose",
      "examine", "refer", "assess", "evaluate", "advise");

  /** Whether a (lower-case) noun, singular or plural, names a kind of clinician. */
  private static boolean isClinician(String low) {
    String sing = singular(low);
    return CLINICIANS.contains(sing) || CLINICIAN_SUFFIX.matcher(sing).matches();
  }

  /** Whether a (lower-case) noun, singular or plural, names people: clinicians or {@link #PEOPLE}. */
  static boolean isPerson(String low) {
    return isClinician(low) || PEOPLE.contains(singular(low));
  }

  private static String lastWord(String text) {
    String[] w = text.toLowerCase(Locale.ROOT).split("\\s+");
    return w[w.length - 1].replaceAll("[^\\p{L}]", "");
  }

  /** Whether the verb of clause {@code c} after "they" (token {@code they}) is one only a clinician does. */
  private static boolean clinicianActs(Parse p, Clauses.Clause c, int they) {
    if (c.pred() < 0) {
      return false;
    }
    for (int k = they + 1; k < c.relTo(); k++) {
      if (p.tag[k].equals("VERB") && CLINICIAN_VERBS.contains(p.lemma[k].toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /**
   * "They" (the subject of a clause whose verb is one only a clinician does) as the clinicians that the sentence
   * just before names, plural as "they" is ("Healthcare professionals"), when that sentence names exactly one kind
   * of clinician ("hematologist" is a kind as "doctor" is); else null.
   */
  private String clinician() {
    List<Parse> recent = refs.recent();
    if (recent.isEmpty()) {
      return null;
    }
    Parse q = recent.getFirst();
    java.util.Set<String> found = new java.util.LinkedHashSet<>();
    for (int h = 0; h < q.size(); h++) {
      // The tagger makes "Doctors" at a sentence's start a PROPN and "a dietitian" an ADJ.
      boolean nominal = q.tag[h].equals("NOUN") || q.tag[h].equals("PROPN") || q.tag[h].equals("ADJ");
      boolean abbreviation = q.tok[h].matches("[A-Z]{2,4}s?"); // "GP", "GPs"
      if (!nominal || !isClinician(q.low[h])
          || h + 1 < q.size() && (q.tag[h + 1].equals("NOUN") || q.tag[h + 1].equals("PROPN"))) {
        continue;
      }
      String sing = singular(q.low[h]);
      int from = h;
      while (from > 0 && (q.tag[from - 1].equals("NOUN") || q.tag[from - 1].equals("ADJ"))
          && !QUANTIFIERS.contains(q.low[from - 1]) && !q.isEntity(from - 1)) {
        from--;
      }
      String word = abbreviation ? q.tok[h] : q.low[h];
      String plural = sing.equals(q.low[h]) ? word + "s" : word;
      found.add((from < h ? lowerFirst(q.text(from, h)) + " " : "") + plural);
    }
    return found.size() == 1 ? found.iterator().next() : null;
  }

  /** Words before a noun that quantify it rather than say what it is: an antecedent is named without them. */
  private static final Set<String> QUANTIFIERS = Set.of("several", "many", "various", "other", "some", "certain",
      "different", "numerous", "multiple", "few", "more", "most", "such", "same", "own", "these", "those", "this",
      "that", "all", "both", "each", "any", "no", "much", "further", "additional");

  /** Prepositions that end a label's head ("Uncomfortable sensations in the legs"). */
  private static final Set<String> LABEL_HEAD_END = Set.of("in", "of", "on", "for", "with", "from", "at", "during",
      "to", "after", "before", "by");

  /**
   * The head noun of "this damage", "these common sensations" (the determiner at {@code det}), or -1 when the noun
   * has a complement of its own ("this lack of B12"), is a compound's first word, or is one that {@link
   * #isAnaphoricNoun} resolves ("this vitamin").
   */
  private static int demonstrativeHead(Parse p, int det, int to) {
    int head = det + 1;
    while (head < to && p.tag[head].equals("ADJ") && !p.isEntity(head)) {
      head++;
    }
    if (head >= to || head > det + 3 || !(p.tag[head].equals("NOUN") || p.isEntity(head) && p.tag[head].equals(
        "PROPN")) || isAnaphoricNoun(p, head, to)) {
      return -1;
    }
    if (head + 1 < to && (p.tag[head + 1].equals("NOUN") || p.tag[head + 1].equals("PROPN") || p.isEntity(head + 1)
        || p.low[head + 1].equals("of") || p.tok[head + 1].equals("(") || p.low[head + 1].equals("'s"))) {
      return -1;
    }
    return head;
  }

  /**
   * What "this/these [ADJ] NOUN" (determiner {@code det}, head {@code head} of {@code p}) names, as a claim can say it
   * alone, or null. Looked for, nearest first, in the item's label when this sentence gave it, in the two sentences
   * before (same paragraph or item), then in an older label; the first of these that holds a candidate decides, and
   * two different candidates there leave the reference as it is. A candidate is a noun phrase with the same head noun
   * (or its singular or plural) in a sentence ("nerve damage", "neurotransmitters like serotonin and dopamine"), the
   * label itself when its head is that noun ("Uncomfortable sensations in the legs: These sensations"), or for "these
   * substances" (nutrients, supplements, ...) a list of two or more substances ("Avoid caffeine and alcohol").
   */
  private String nounPhraseAntecedent(Parse p, int det, int head) {
    String noun = p.low[head];
    java.util.Set<String> forms = new java.util.HashSet<>(List.of(noun));
    String sing = Lexicon.singular(noun);
    if (sing != null) {
      forms.add(sing);
    } else {
      forms.add(noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies"
          : noun.matches(".*(s|x|ch|sh)") ? noun + "es" : noun + "s");
    }
    boolean substances = p.low[det].equals("these") && sing != null && References.SUBSTANCE_NOUNS.contains(sing);
    // Earlier in this sentence (after its label): the nearest antecedent is there, and this method does not look in
    // it.
    int colon = refs.labelIn == p ? topLevel(p, ":", 0, det) : -1;
    for (int k = colon + 1; k < det; k++) {
      if (forms.contains(p.low[k])) {
        return null;
      }
    }
    boolean singular = p.low[det].equals("this");
    List<java.util.Set<String>> sources = new ArrayList<>();
    Mention label = refs.label;
    if (label != null && refs.labelIn == p) {
      sources.add(labelCandidates(p.lexicon, label.text(), noun, substances));
    }
    for (Parse q : refs.recent()) {
      sources.add(sentenceCandidates(q, forms, noun, substances, singular));
    }
    if (label != null && refs.labelIn != p) {
      sources.add(labelCandidates(p.lexicon, label.text(), noun, substances));
    }
    for (java.util.Set<String> found : sources) {
      if (found.size() == 1) {
        return found.iterator().next();
      }
      if (!found.isEmpty()) {
        return null; // two different noun phrases: which one is meant is not sure
      }
    }
    return null;
  }

  /**
   * The label when its head noun is {@code noun} (in the same number: the label is said as it is, and the verb after
   * it agrees with "these"), or the list of substances it names.
   */
  private static java.util.Set<String> labelCandidates(Lexicon lexicon, String label, String noun,
      boolean substances) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    String[] w = label.split("\\s+");
    int end = w.length;
    for (int k = 1; k < w.length; k++) {
      if (LABEL_HEAD_END.contains(w[k].toLowerCase(Locale.ROOT))) {
        end = k;
        break;
      }
    }
    if (end <= 5 && noun.equals(w[end - 1].toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", ""))) {
      out.add(label);
    }
    if (substances) {
      out.addAll(substanceLists(label, lexicon.find(label)));
    }
    return out;
  }

  /** Lists of two or more substances in {@code text} ("caffeine and alcohol", "iron, zinc, or magnesium"). */
  private static List<String> substanceLists(String text, List<Lexicon.Match> matches) {
    List<String> out = new ArrayList<>();
    int first = -1;
    int count = 0;
    for (int k = 0; k <= matches.size(); k++) {
      Lexicon.Match m = k < matches.size() ? matches.get(k) : null;
      boolean substance = m != null && m.concept().type().equals("substance");
      boolean joined = substance && first >= 0 && text.substring(matches.get(k - 1).end(), m.start())
          .matches(",? (and|or) |, ");
      if (joined) {
        count++;
        continue;
      }
      if (count >= 2) {
        String list = text.substring(matches.get(first).start(), matches.get(k - 1).end());
        if (list.matches(".*\\b(and|or)\\b.*")) {
          out.add(list);
        }
      }
      first = substance ? k : -1;
      count = substance ? 1 : 0;
    }
    return out;
  }

  /** The noun phrases of {@code q} headed by one of {@code forms}, as a claim can say them alone. */
  private static java.util.Set<String> sentenceCandidates(Parse q, java.util.Set<String> forms, String noun,
      boolean substances, boolean singular) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    boolean unsure = false;
    for (int h = 0; h < q.size(); h++) {
      if (!forms.contains(q.low[h]) || !(q.tag[h].equals("NOUN") || q.isEntity(h))) {
        continue;
      }
      if (h + 1 < q.size() && (q.tag[h + 1].equals("NOUN") || q.tag[h + 1].equals("PROPN")
          || q.isEntity(h + 1) && q.mention[h + 1] != q.mention[h])) {
        continue; // the first word of a compound ("damage control")
      }
      if (q.isEntity(h) && q.matches.get(q.mention[h]).end() > q.end[h]) {
        continue; // inside a longer name ("restless legs syndrome")
      }
      String np = nounPhrase(q, h, noun, singular);
      if (np == null) {
        unsure = true; // what restricts it would be lost: not a candidate, and the reference stays
      } else {
        out.add(np);
      }
    }
    if (substances) {
      out.addAll(substanceLists(q.text, q.matches));
    }
    if (unsure) {
      out.add(""); // with any other candidate, two: the reference stays
      out.add(" ");
    }
    return out;
  }

  /**
   * The noun phrase headed by token {@code h} of {@code q} without its determiner and quantifiers, its head said as
   * {@code noun} (the reference's number, which the verb after it agrees with), with a list that follows it ("like
   * serotonin and dopamine", kept only when the number is the same), and, when the sentence is about a condition and names the phrase
   * after it, "in" the condition ("uncomfortable sensations in restless legs syndrome"). Null when a phrase or clause
   * after the head restricts it ("patients with diabetes", "damage that ..."): it would be lost.
   */
  private static String nounPhrase(Parse q, int h, String noun, boolean singular) {
    int from = h;
    while (from > 0 && (q.tag[from - 1].equals("ADJ") || q.tag[from - 1].equals("NOUN")
        || q.tag[from - 1].equals("PROPN") || q.isEntity(from - 1) && !q.tag[from - 1].equals("DET"))
        && !QUANTIFIERS.contains(q.low[from - 1]) && !q.isPunct(from - 1)) {
      from--;
    }
    if (from > 0 && q.isEntity(from) && q.matches.get(q.mention[from]).start() < q.start[from]) {
      return null; // a name cut in two
    }
    if (quantified(q, from)) {
      return null; // "a few supplements", "some patients": "Supplements ..." would say it of all of them
    }
    String det = from > 0 && q.tag[from - 1].equals("DET") ? q.low[from - 1] : "";
    int end = h + 1;
    String list = "";
    int n = q.size();
    if (end < n && (q.low[end].equals("like") || q.low[end].equals("including")
        || q.low[end].equals("such") && end + 1 < n && q.low[end + 1].equals("as"))) {
      int s = q.low[end].equals("such") ? end + 2 : end + 1;
      int k = s;
      int last = -1;
      while (k < n && k - s < 12 && (q.tag[k].equals("ADJ") || q.tag[k].equals("NOUN") || q.tag[k].equals("PROPN")
          || q.isEntity(k) || q.tok[k].equals(",") || q.low[k].equals("and") || q.low[k].equals("or"))) {
        if (q.isNounish(k)) {
          last = k;
        }
        k++;
      }
      boolean ends = k >= n || q.isPunct(k) || q.low[k].equals("which") || q.low[k].equals("that");
      if (last < 0 || !ends) {
        return null;
      }
      list = " " + q.text(end, last + 1);
      end = last + 1;
    } else if (end < n && (q.tag[end].equals("ADP") || Set.of("who", "that", "which", "whose").contains(q.low[end])
        || q.tag[end].equals("VERB") && !q.low[end].endsWith("s") && q.low[end].endsWith("ed"))) {
      return null;
    }
    boolean sameNumber = q.low[h].equals(noun);
    String text = sameNumber ? q.text(from, h + 1) + list : from < h ? q.text(from, h) + " " + noun : noun;
    if (det.equals("the") || singular && (det.equals("a") || det.equals("an"))) {
      text = "the " + text;
    }
    int[] subject = sentenceSubject(q);
    if (list.isEmpty() && subject != null && from >= subject[1] && !q.tag[subject[0]].equals("DET")) {
      Mention about = mentionOf(q, subject[0], subject[1], Map.of());
      boolean named = false;
      for (int k = from; k <= h; k++) {
        named |= q.isEntity(k) && q.matches.get(q.mention[k]).concept().type().equals("condition");
      }
      if (about.isA("condition") && !named && about.text().split(" ").length <= 5) {
        text += " in " + lowerFirst(about.text());
      }
    }
    return text;
  }

  /** Quantifiers that say how many of the noun's kind a sentence is about: the noun without them is all of them. */
  private static final Set<String> COUNTING = Set.of("several", "many", "various", "other", "some", "certain",
      "different", "numerous", "multiple", "few", "more", "most", "such", "all", "both", "each", "any", "no", "much",
      "further", "additional", "fewer", "less", "least", "one", "two", "three", "four", "five", "six", "seven", "eight",
      "nine", "ten", "dozen", "dozens", "hundreds", "thousands", "millions");

  /** Nouns that count what follows "of": "a number of trials", "the majority of patients", "half of the studies". */
  private static final Set<String> PARTITIVE_NOUNS = Set.of("number", "handful", "majority", "minority", "proportion",
      "percentage", "percent", "fraction", "subset", "half", "third", "quarter", "lot", "lots", "couple", "none",
      "share", "part", "group", "sample", "%");

  /**
   * Whether the noun phrase starting at token {@code from} of {@code q} is counted by a quantifier ("a few
   * supplements", "some patients", "two trials", "only a small number of trials", "most of the studies"): said
   * without it, a claim about them would be about all of them.
   */
  private static boolean quantified(Parse q, int from) {
    int k = from - 1;
    if (k < 0) {
      return false;
    }
    if (COUNTING.contains(q.low[k]) || q.tag[k].equals("NUM") && !q.isEntity(k) || q.tok[k].equals("%")) {
      return true;
    }
    if (Set.of("the", "a", "an", "these", "those", "their", "our", "your", "its", "his", "her").contains(q.low[k])) {
      k--; // "most of the studies"
    }
    if (k < 1 || !q.low[k].equals("of")) {
      return false;
    }
    String before = q.low[k - 1];
    return COUNTING.contains(before) || PARTITIVE_NOUNS.contains(before)
        || q.tag[k - 1].equals("NUM") && !q.isEntity(k - 1);
  }

  /** The subject span [from, to) of the first clause of {@code q} (after an item's label), or null. */
  private static int[] sentenceSubject(Parse q) {
    int start = 0;
    int colon = topLevel(q, ":", 0, Math.min(q.size(), 13));
    if (colon > 0 && Clauses.strictPredicate(q, 0, colon) < 0) {
      start = colon + 1;
    }
    if (start >= q.size()) {
      return null;
    }
    Clauses.Clause c = Clauses.of(q, start, q.size()).getFirst();
    if (c.fragment() || !c.hasSubject()) {
      return null;
    }
    int end = subjectEnd(q, c);
    return end > c.subjFrom() ? new int[] {c.subjFrom(), end} : null;
  }

  /** What "its" before these nouns names of a substance, even when the clause is about the substance's deficiency. */
  private static final Set<String> SUBSTANCE_OWNED = Set.of("role", "roles", "function", "functions", "importance",
      "involvement", "ability", "absorption", "metabolism", "intake", "level", "levels");

  /** The first substance or condition named in tokens [from, to), as it is written. */
  /**
   * Whether token {@code i} is the object of its clause's verb and the sentence names no noun before it but the
   * clause's subject: "Doctors also prescribe them", "People with gallstones should avoid it". Not "Antibiotics kill
   * bacteria or stop them" (the bacteria), nor "protect people and help them".
   */
  private static boolean onlyObject(Parse p, Clauses.Clause c, int i) {
    if (i < 1 || c.pred() < 0 || i - 1 < c.pred() || !p.tag[i - 1].equals("VERB") || !c.hasSubject()) {
      return false;
    }
    int subjectTo = c.subjFrom();
    while (subjectTo < i && !p.isVerbal(subjectTo)) {
      subjectTo++; // a shared subject's clause starts at the first clause's subject: "Antibiotics kill bacteria or"
    }
    for (int k = 0; k < i; k++) {
      if (k >= c.subjFrom() && k < subjectTo && !p.isEntity(k)) {
        // The subject's own words, unless it names a thing: "children with peanut allergy outgrow it" is the allergy.
        continue;
      }
      // Anything but a verb's company may be what the pronoun means (the model tags some words beside a masked
      // name ADV: "Antibiotics kill bacteria").
      boolean company = switch (p.tag[k]) {
        case "VERB", "AUX", "PART", "ADP", "DET", "CCONJ", "SCONJ", "PUNCT" -> true;
        case "ADV" -> p.low[k].endsWith("ly") || Set.of("also", "not", "often", "usually", "still", "never",
            "always", "now", "then", "even", "only", "just", "sometimes", "rarely").contains(p.low[k]);
        case "PRON" -> p.low[k].equals("you") || p.low[k].equals("we");
        default -> false;
      };
      if (!company || p.isEntity(k)) {
        return false;
      }
    }
    return true;
  }

  /** Verbs whose object is taken or used: a substance or an intervention, not a condition. */
  private static final Set<String> TAKEN = Set.of("take", "takes", "taking", "took", "taken", "use", "uses", "using",
      "used", "try", "tries", "trying", "tried", "prescribe", "prescribes", "prescribed", "swallow", "inject", "apply",
      "chew", "drink", "eat", "buy");

  /** Whether token {@code i} is the object of a gerund that opens its clause: "Stopping it suddenly", "Taking them". */
  private static boolean gerundObject(Parse p, Clauses.Clause c, int i) {
    int g = i - 1;
    return g >= c.from() && (g == c.from() || g == c.subjFrom()) && p.low[g].endsWith("ing") && p.low[g].length() > 4
        && (p.tag[g].equals("VERB") || p.tag[g].equals("NOUN"));
  }

  /** The last singular concept in tokens [from, to), not a measure, or null. */
  private static Mention lastThing(Parse p, int from, int to) {
    Mention last = null;
    for (Lexicon.Match m : p.matches) {
      if (m.start() >= p.start[from] && m.end() <= p.end[to - 1] && !m.concept().type().equals("measure")) {
        last = pluralMatch(m) ? null : new Mention(m.text(), m.concept(), false);
      }
    }
    return last;
  }

  /** Whether a lexicon match is written in the plural ("statins"; not "diabetes", whose concept ends so). */
  static boolean pluralMatch(Lexicon.Match m) {
    String word = m.text().substring(m.text().lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
    return Lexicon.singular(word) != null && !m.concept().name().toLowerCase(Locale.ROOT).endsWith(word);
  }

  private static Mention firstEntity(Parse p, int from, int to) {
    for (Lexicon.Match m : p.matches) {
      if (m.start() >= p.start[from] && m.end() <= (to > from ? p.end[to - 1] : p.start[from])
          && (m.concept().type().equals("substance") || m.concept().type().equals("condition"))) {
        return new Mention(m.text(), m.concept(), false);
      }
    }
    return null;
  }

  /** Whether a label names a category ("Deficiency Triggers"): then "this" after it is not the label. */
  private static boolean namesCategory(String label) {
    String[] w = label.toLowerCase(Locale.ROOT).split("\\s+");
    return Cues.CATEGORY_NOUNS.contains(w[w.length - 1]);
  }

  /** "Although ..., once neurological damage has been present, it ...": the subject of the opening clause. */
  private static Mention introSubject(Parse p, Clauses.Clause c) {
    int end = c.subjFrom();
    for (int i = end - 1; i >= c.from(); i--) {
      if (p.tag[i].equals("SCONJ") || !p.tag[i].equals("NOUN") && Set.of("when", "once", "if", "while", "although",
          "though", "since", "because").contains(p.low[i])) {
        int v = i + 1;
        while (v < end && !p.isVerbal(v)) {
          v++;
        }
        if (v < end && v > i + 1 && p.isNounish(v - 1) && !isPronoun(p, i + 1, v)) {
          return mentionOf(p, i + 1, v, Map.of());
        }
        return null;
      }
    }
    return null;
  }

  private static boolean isPronoun(Parse p, int from, int to) {
    return to - from == 1 && p.tag[from].equals("PRON");
  }

  /** Words that make a subject no name "it" may stand for: pronouns, quantifiers, "the body". */
  private static final Set<String> NOT_A_NAME = Set.of("you", "we", "i", "us", "me", "body", "many", "most", "some",
      "few", "several", "all");

  /** Singular names that end in "s": "Diabetes is common. It ..." */
  private static final java.util.regex.Pattern HOLDS_PRONOUN = java.util.regex.Pattern.compile(
      "(?i)\\b(?:it|its|them|they)\\b");

  /** What heads a quantity before "of": a number, a share, a quantifier. */
  private static final java.util.regex.Pattern QUANTITY = java.util.regex.Pattern.compile(
      "[\\d.,]+%?|half|most|many|some|all|none|majority|minority|third|thirds|quarter|quarters|fifth|tenth|percent|"
      + "proportion|number|lot|lots|dozens|hundreds|thousands|millions|one|two|three|four|five|several|each|both");

  /** An abbreviation's plural: two capitals or more and an "s" ("PPIs", "SSRIs", "NSAIDs"). */
  static final java.util.regex.Pattern ACRONYM_PLURAL = java.util.regex.Pattern.compile("\\p{Lu}{2,}\\d*s");

  private static final Set<String> SINGULARS_IN_S = Set.of("diabetes", "measles", "herpes", "mumps", "rabies",
      "rickets", "scabies", "shingles", "series", "species", "news", "lens", "gas", "lupus", "tetanus", "pertussis");

  /**
   * Whether tokens [from, to) are a short name that can stand for "it" or "they" ("TB", "BPaLM", "Preventer
   * inhalers"): at most four words, nouns, adjectives and numbers only, ending in a noun; no determiner or quantifier,
   * no person, no pronoun.
   */
  private static boolean plainNounPhrase(Parse p, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      if (p.tok[i].equals("(") || p.tok[i].equals(",")) {
        to = i; // "Tuberculosis (TB)", "Metformin, a diabetes drug,": the name before
        break;
      }
    }
    if (to - from < 1 || to - from > 4 || !p.isNounish(to - 1) || p.tag[to - 1].equals("PRON")) {
      return false;
    }
    for (int i = from; i < to; i++) {
      String t = p.tag[i];
      // No determiner: "The body", "The average person", "Many parents", "The patient" are seldom what "it" means.
      if (!(t.equals("NOUN") || t.equals("PROPN") || t.equals("ADJ") || t.equals("NUM"))
          || NOT_A_NAME.contains(p.low[i]) || isPerson(p.low[i])) {
        return false;
      }
      if (i < to - 1 && IRREGULAR_PLURALS.contains(p.low[i])) {
        return false; // "Some people drink red wine": the verb taken for the head of "people drink"
      }
    }
    return true;
  }

  /** "the deficiency", "this vital nutrient", a bare "deficiency": no complement, no modifier noun before it. */
  private static boolean isAnaphoricNoun(Parse p, int i, int to) {
    String low = p.low[i];
    String sing = singular(low);
    if (p.isEntity(i) || !(low.equals(References.DEFICIENCY) || References.SUBSTANCE_NOUNS.contains(sing)
        && sing.equals(low) || References.CONDITION_NOUNS.contains(low))) {
      return false;
    }
    if (i + 1 < to && (p.low[i + 1].equals("of") || p.low[i + 1].equals("in") || p.tag[i + 1].equals("NOUN")
        || p.isEntity(i + 1) || p.tag[i + 1].equals("PROPN") || p.tok[i + 1].equals("(")
        // A relative clause makes it a description: "Piperine, the compound that gives black pepper its bite".
        || p.low[i + 1].equals("that") || p.low[i + 1].equals("which") || p.low[i + 1].equals("who"))) {
      return false;
    }
    // An appositive names its own thing: "Piperine, the compound ...".
    if (i >= 3 && p.tok[i - 2].equals(",") && p.tag[i - 1].equals("DET") && (p.isEntity(i - 3)
        || p.tag[i - 3].equals("PROPN") || p.tag[i - 3].equals("NOUN"))) {
      return false;
    }
    if (i > 0 && (p.tag[i - 1].equals("NOUN") || p.tag[i - 1].equals("PROPN") || p.isEntity(i - 1)
        || p.tok[i - 1].equals("-") || p.tag[i - 1].equals("PRON") || p.low[i - 1].equals("'s"))) {
      return false;
    }
    // The determiner (or nothing, for "deficiency") and adjectives before it.
    int j = i - 1;
    while (j >= 0 && p.tag[j].equals("ADJ")) {
      if (low.equals(References.DEFICIENCY)) {
        return false;
      }
      j--;
    }
    if (j >= 0 && p.tag[j].equals("DET")) {
      String det = p.low[j];
      return det.equals("this") || det.equals("the") || det.equals("these") || det.equals("that")
          || det.equals("a") && low.equals(References.DEFICIENCY);
    }
    return low.equals(References.DEFICIENCY);
  }

  private static String singular(String low) {
    String s = Lexicon.singular(low);
    return s == null ? low : s;
  }

  /**
   * Whether the "it" at {@code i} stands for no thing but what follows: "It is never too late to stop", "it seems
   * that", "making it difficult to", "It is thought that", "It takes weeks for X to work", "It is a common myth that".
   * The words between "it" and "to", "that", "whether", "if" or "for" are auxiliaries, adjectives, adverbs,
   * determiners, a participle after an auxiliary, a noun of a statement or of time. Claims' references and
   * {@link CheckWorthiness}'s unresolved-reference cap both ask this.
   */
  static boolean expletive(Parse p, int i, int to) {
    if (i < 0) {
      return false;
    }
    if (i + 1 < to
        && EXPLETIVE_VERBS.contains(p.low[i + 1])
        && (i + 2 >= to || p.isPunct(i + 2) || p.low[i + 2].equals("that") || p.low[i + 2].equals("to"))) {
      return true;
    }
    if (i > 0 && EXPLETIVE_OBJECT_OF.contains(p.low[i - 1])) {
      return true;
    }
    if (takesTimeUntil(p, i, to)) {
      return true;
    }
    boolean aux = false;
    boolean passive = false;
    for (int k = i + 1; k < Math.min(to, i + 8); k++) {
      String low = p.low[k];
      if (EXPLETIVE_ENDS.contains(low)) {
        // "It is thought that ..." stands for the statement; "It is believed to be related to ...", "It has not been
        // shown to work" for a thing; "It is important for children to ..." for what follows, "It is safe for older
        // children" for a thing.
        boolean forWhom = !low.equals("for");
        for (int j = k + 1; j < Math.min(to, k + 7) && !forWhom; j++) {
          forWhom = p.low[j].equals("to") && j + 1 < to && p.tag[j + 1].equals("VERB");
        }
        return k > i + 1 && forWhom && !(passive && low.equals("to"));
      }
      boolean participle = aux && p.tag[k].equals("VERB") && (low.endsWith("ed") || low.endsWith("en")
          || low.endsWith("wn") || low.endsWith("ght") || low.equals("said") || low.equals("held"));
      passive |= participle;
      aux |= p.tag[k].equals("AUX");
      if (!(p.tag[k].equals("AUX") || p.tag[k].equals("ADJ") || p.tag[k].equals("ADV") || p.tag[k].equals("PART")
          || p.tag[k].equals("DET") || participle || STATEMENT_NOUNS.contains(low) || EXPLETIVE_WORDS.contains(low))) {
        return false;
      }
    }
    return false;
  }

  /**
   * "It takes about two weeks after vaccination for antibodies to develop", "it can take up to two weeks before you
   * notice a difference": "take" and a stretch of time, then what the time is for ("for", "before", "until"). "It
   * takes a few weeks to work" is left to the thing before.
   */
  private static boolean takesTimeUntil(Parse p, int i, int to) {
    int v = i + 1;
    while (v < to && v <= i + 3 && (p.tag[v].equals("AUX") || p.tag[v].equals("ADV") || p.tag[v].equals("PART"))) {
      v++; // "it can take", "it usually takes", "it does not take"
    }
    if (v >= to || !Set.of("take", "takes", "took", "taken", "taking").contains(p.low[v])) {
      return false;
    }
    boolean time = false;
    for (int k = v + 1; k < Math.min(to, v + 12); k++) {
      if (TIME_NOUNS.contains(p.low[k])) {
        time = true;
      } else if (time && (p.low[k].equals("for") || p.low[k].equals("before") || p.low[k].equals("until"))) {
        return true;
      } else if (p.tok[k].equals(",") || p.tok[k].equals(";")) {
        return false;
      }
    }
    return false;
  }

  private static final Set<String> TIME_NOUNS = Set.of("minute", "minutes", "hour", "hours", "day", "days", "week",
      "weeks", "month", "months", "year", "years", "time", "while");

  /** Verbs after an expletive "it": "It seems that", "It helps to ...". */
  private static final Set<String> EXPLETIVE_VERBS = Set.of("happens", "matters", "depends", "helps", "seems",
      "appears", "pays");
  /** Verbs whose object "it" stands for what follows: "making it difficult to", "find it hard to". */
  private static final Set<String> EXPLETIVE_OBJECT_OF = Set.of("make", "makes", "making", "made", "find", "finds",
      "found", "keep", "keeps");
  /** The words that open what an expletive "it" stands for. */
  private static final Set<String> EXPLETIVE_ENDS = Set.of("to", "that", "whether", "if", "for");
  /** Verbs and nouns of time between an expletive "it" and what it stands for: "It takes weeks for ...". */
  private static final Set<String> EXPLETIVE_WORDS = Set.of("seems", "appears", "takes", "took", "happens", "time",
      "weeks", "months", "years", "days", "hours", "minutes");

  /** Conjunctions of {@link Clauses} that open a subordinate clause. */
  private static final Set<String> SUBORDINATE = Set.of("because", "while", "whereas", "although", "though", "so");

  /** Nouns of "It is a common myth that ...", "It is a good idea to ...": the "it" stands for what follows. */
  static final Set<String> STATEMENT_NOUNS = Set.of("myth", "fact", "misconception", "belief", "truth",
      "idea", "mistake", "surprise", "relief", "misunderstanding", "shame", "pity");

  /** "This is why ...", "That's what ...": a cleft whose "this" points at a whole statement. */
  private static boolean cleft(Parse p, int i, int to) {
    return i + 2 < to && p.tag[i + 1].equals("AUX") && CLEFT_AFTER.contains(p.low[i + 2]);
  }

  /** The first lexicon concept in tokens [from, to) (after replacements) as a mention of that phrase. */
  private static Mention mentionOf(Parse p, int from, int to, Map<Integer, String> repl) {
    // The noun phrase without what follows a comma, a relative pronoun or a parenthesis: "Vitamin B12, a key player
    // in ..." is "Vitamin B12".
    int cut = from;
    while (cut < to && !(cut > from && (p.tok[cut].equals(",") || p.tok[cut].equals("(")
        || Set.of("who", "which", "that").contains(p.low[cut])
        || p.tag[cut].equals("VERB") && p.isNounish(cut - 1) && !p.isEntity(cut)))) {
      cut++;
    }
    to = cut;
    String text = render(p, from, to, repl);
    Lexicon.Concept concept = null;
    for (int i = from; i < to; i++) {
      if (repl.containsKey(i) && !repl.get(i).isEmpty()) {
        Mention m = resolvedMention(p.lexicon, repl.get(i));
        if (m != null) {
          concept = m.concept();
          break;
        }
      }
      if (p.isEntity(i) && !repl.containsKey(i)) {
        concept = p.matches.get(p.mention[i]).concept();
        break;
      }
    }
    int headEnd = to;
    for (int i = from + 1; i < to; i++) {
      if (p.tag[i].equals("ADP")) {
        headEnd = i;
        break;
      }
    }
    int head = headEnd - 1;
    while (head > from && !p.isNounish(head)) {
      head--;
    }
    boolean plural = from < to && (p.low[head].endsWith("s") && !p.low[head].endsWith("ss")
        && p.tag[head].equals("NOUN") || p.low[head].equals("they") || p.low[head].equals("these")
        || IRREGULAR_PLURALS.contains(p.low[head]));
    for (int i = from + 1; i < headEnd - 1 && !plural; i++) {
      // "food and coffee" are two things: not what "its" or "it" stands for.
      plural = p.low[i].equals("and") && p.tag[i].equals("CCONJ") && depthAt(p, from, i) == 0;
    }
    if (from < to && Set.of("we", "i", "you", "us", "me").contains(p.low[from]) && to - from == 1) {
      return new Mention(text, null, false);
    }
    return new Mention(text, concept, plural);
  }

  private static Mention resolvedMention(Lexicon lexicon, String text) {
    List<Lexicon.Match> m = lexicon.find(text);
    return m.isEmpty() ? null : new Mention(text, m.getFirst().concept(), false);
  }

  /** Tokens [from, to) with replacements, spaced as in the sentence. */
  static String render(Parse p, int from, int to, Map<Integer, String> repl) {
    BitSet b = new BitSet();
    if (to > from) {
      b.set(from, to);
    }
    return render(p, b, repl);
  }

  /** The tokens of {@code b} with replacements, spaced as in the sentence. */
  static String render(Parse p, BitSet b, Map<Integer, String> repl) {
    StringBuilder sb = new StringBuilder();
    int prev = -2;
    for (int i = b.nextSetBit(0); i >= 0 && i < p.size(); i = b.nextSetBit(i + 1)) {
      String r = repl.get(i);
      String t = r != null ? r : p.tok[i];
      if (t.isEmpty()) {
        prev = i;
        continue;
      }
      if (sb.length() > 0 && (i != prev + 1 || p.spaceBefore(i) || r != null)) {
        sb.append(' ');
      }
      // A comma that opens a run of tokens after a gap stays: "like serotonin[ and dopamine], leading to".
      boolean opensRun = t.equals(",") && r == null && b.get(i + 1) && i + 1 < p.size() && !p.isPunct(i + 1)
          && prev >= 0 && !p.isPunct(prev);
      if (sb.length() > 0 && i != prev + 1 && (t.equals(",") && !opensRun || t.equals(")"))) {
        prev = i;
        sb.setLength(sb.length() - 1);
        continue;
      }
      if (opensRun && sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
        sb.setLength(sb.length() - 1);
      }
      sb.append(t);
      prev = i;
    }
    String s = sb.toString().strip();
    while (s.endsWith(",") || s.endsWith(" (")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    return s;
  }

  /** Title case to sentence case ("Muscle Weakness" to "Muscle weakness"), keeping names and abbreviations. */
  static String sentenceCase(String text, Lexicon lexicon) {
    StringBuilder sb = new StringBuilder();
    java.util.Set<Integer> keep = new java.util.HashSet<>();
    java.util.Set<Integer> named = new java.util.HashSet<>();
    for (Lexicon.Match m : lexicon.find(text)) {
      for (int i = m.start(); i < m.end(); i++) {
        named.add(i);
        if (Character.isUpperCase(m.concept().name().charAt(0))) {
          keep.add(i);
        }
      }
    }
    String[] words = text.split(" ");
    int pos = 0;
    for (int k = 0; k < words.length; k++) {
      String w = words[k];
      if (sb.length() > 0) {
        sb.append(' ');
      }
      boolean acronym = w.length() > 1 && (w.chars().filter(Character::isUpperCase).count() > 1
          || w.chars().anyMatch(Character::isDigit));
      // A capital letter alone is a letter's name ("Vitamin D", "Hepatitis C"), save the article "A" outside a
      // name.
      boolean letter = w.length() == 1 && Character.isUpperCase(w.charAt(0)) && (!w.equals("A") || named.contains(pos));
      sb.append(acronym || letter || keep.contains(pos) || k == 0 ? w : w.toLowerCase(Locale.ROOT));
      pos += w.length() + 1;
    }
    return sb.toString();
  }

  static String lowerFirst(String s) {
    if (s.length() < 2 || !Character.isUpperCase(s.charAt(0)) || Character.isUpperCase(s.charAt(1))
        || Character.isDigit(s.charAt(1))) {
      return s;
    }
    // Keep proper names that the lexicon knows with a capital ("Parkinson's disease").
    for (Lexicon.Match m : Lexicon.builtin().find(s)) {
      if (m.start() == 0 && Character.isUpperCase(m.concept().name().charAt(0))) {
        return s;
      }
    }
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  static String upperFirst(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
