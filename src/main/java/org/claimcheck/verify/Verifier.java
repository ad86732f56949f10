package org.claimcheck.verify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.claimcheck.claim.Claim;
import org.claimcheck.claim.Lexicon;
import org.claimcheck.index.AbstractSearcher;
import org.claimcheck.index.IndexSchema;
import org.claimcheck.index.SearchHit;
import org.claimcheck.index.SearchRequest;
import org.claimcheck.pubmed.PubmedRecord;

/**
 * Thread-safe when its {@link StanceModel} is. Verifies a claim: retrieves candidate abstracts, picks the candidate
 * sentences that share the most words with the claim, asks the stance model about all of them in one batch, keeps as
 * rationale the sentences whose SUPPORT + CONTRADICT probability reaches the rationale threshold (at most three per
 * abstract, best first), labels each abstract by the summed probabilities of its rationale sentences, and weighs the
 * abstracts by study design into a verdict with a calibrated confidence ({@link VerdictCalibration}). Retracted records
 * are shown, flagged, but never counted.
 */
public final class Verifier {
  /** Candidate sentences scored per claim by default (the cross-encoder's cost is linear in it). */
  public static final int DEFAULT_CANDIDATES = 16;
  /** Default rationale threshold on P(SUPPORT) + P(CONTRADICT), chosen in cross-validation (src/training/README.md). */
  public static final double DEFAULT_RATIONALE_THRESHOLD = 0.5;

  /**
   * Verification settings.
   *
   * @param abstracts how many abstracts to retrieve per claim
   * @param sentencesPerAbstract at most this many rationale sentences per abstract (SciFact allows 3)
   * @param expandQuery add lexicon synonyms of the claim's concepts to the query
   * @param candidates how many sentences (over all retrieved abstracts, most shared words first) the stance model
   *     scores; 0 scores every sentence
   * @param rationaleThreshold a sentence is rationale when P(SUPPORT) + P(CONTRADICT) reaches this, in (0, 1]
   * @param evidenceAbstracts at most this many abstracts take a stance, those with the most probable stance; the
   *     others count as neutral
   */
  public record Options(int abstracts, int sentencesPerAbstract, boolean expandQuery, int candidates,
      double rationaleThreshold, int evidenceAbstracts) {
    public Options {
      if (abstracts < 1 || abstracts > 100) {
        throw new IllegalArgumentException("abstracts must be 1..100: " + abstracts);
      }
      if (sentencesPerAbstract < 1 || sentencesPerAbstract > 10) {
        throw new IllegalArgumentException("sentencesPerAbstract must be 1..10: " + sentencesPerAbstract);
      }
      if (candidates < 0 || candidates > 10_000) {
        throw new IllegalArgumentException("candidates must be 0..10000: " + candidates);
      }
      if (!(rationaleThreshold > 0 && rationaleThreshold <= 1)) {
        throw new IllegalArgumentException("rationaleThreshold must be in (0, 1]: " + rationaleThreshold);
      }
      if (evidenceAbstracts < 1 || evidenceAbstracts > 100) {
        throw new IllegalArgumentException("evidenceAbstracts must be 1..100: " + evidenceAbstracts);
      }
    }

    /** Every retrieved abstract may take a stance. */
    public Options(int abstracts, int sentencesPerAbstract, boolean expandQuery, int candidates,
        double rationaleThreshold) {
      this(abstracts, sentencesPerAbstract, expandQuery, candidates, rationaleThreshold, abstracts);
    }

    /** The given retrieval settings with the default candidates, rationale threshold and evidence abstracts. */
    public Options(int abstracts, int sentencesPerAbstract, boolean expandQuery) {
      this(abstracts, sentencesPerAbstract, expandQuery, DEFAULT_CANDIDATES, DEFAULT_RATIONALE_THRESHOLD,
          Math.min(abstracts, DEFAULT_EVIDENCE_ABSTRACTS));
    }

    public static Options defaults() {
      return new Options(DEFAULT_ABSTRACTS, 3, true);
    }
  }

  /** At most this many abstracts take a stance per claim by default, the most probable first. */
  public static final int DEFAULT_EVIDENCE_ABSTRACTS = 3;

  /** The analyser the verifier's searches use, to count a claim's searchable words. */
  private static final Analyzer WORDS = IndexSchema.textAnalyzer();

  /**
   * Why {@code claim} cannot be verified, or null when it can: no text; no searchable words (none left once the
   * analyser the searches use drops stop words and punctuation, as for {@code *} or {@code AND OR NOT}: its query
   * would match nothing and its verdict say nothing about it); or one searchable word ("mice": a claim says something
   * about something, and the stance model called such words SUPPORTED on any abstract that has them). The same rule
   * for {@code verify}, the server's one-claim check and every other caller.
   */
  public static String unverifiable(String claim) {
    if (claim == null || claim.isBlank()) {
      return "no text";
    }
    int words = IndexSchema.distinctTerms(WORDS, claim, 2);
    return words == 0 ? "no searchable words" : words == 1 ? "one searchable word is not a claim" : null;
  }

  /** Abstracts retrieved per claim by default. */
  public static final int DEFAULT_ABSTRACTS = 3;

  private final AbstractSearcher searcher;
  private final StanceModel stance;
  private final Lexicon lexicon;
  private final Options options;
  private final VerdictCalibration calibration;
  private final SentenceOverlap overlap = new SentenceOverlap();

  public Verifier(AbstractSearcher searcher, StanceModel stance, Lexicon lexicon, Options options) {
    this(searcher, stance, lexicon, options, VerdictCalibration.builtin());
  }

  public Verifier(AbstractSearcher searcher, StanceModel stance, Lexicon lexicon, Options options,
      VerdictCalibration calibration) {
    this.searcher = Objects.requireNonNull(searcher, "searcher");
    this.stance = Objects.requireNonNull(stance, "stance");
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    this.options = Objects.requireNonNull(options, "options");
    this.calibration = Objects.requireNonNull(calibration, "calibration");
  }

  public Options options() {
    return options;
  }

  public ClaimVerdict verify(Claim claim) throws IOException {
    return verify(claim, retrieve(claim));
  }

  /** The abstracts {@link #verify(Claim)} judges, best first: the claim (with lexicon synonyms) searched. */
  public List<SearchHit> retrieve(Claim claim) throws IOException {
    String query = claim.claim();
    // A claim that names fewer than two health concepts is searched with the one its place in the article is about
    // ("Short-term memory takes a hit" under a page on B12 deficiency, "Several other factors are implicated,
    // including diabetes" under one on restless legs): its own words alone find whatever shares them.
    Set<String> named = concepts(query);
    if (leansOnItsPlace(claim, lexicon)) {
      for (Lexicon.Concept c : implicitTopic(claim)) {
        if (!named.contains(c.id())) {
          query = query + " " + c.name();
        }
      }
    }
    if (options.expandQuery()) {
      List<String> extra = lexicon.expand(query);
      if (!extra.isEmpty()) {
        query = query + " " + String.join(" ", extra);
      }
    }
    return searcher.search(SearchRequest.text(query, options.abstracts()));
  }

  /**
   * Verifies a claim against the given hits (best first) instead of searching: what {@link #verify(Claim)} does after
   * retrieval. For evaluations that retrieve once and judge many times.
   */
  public ClaimVerdict verify(Claim claim, List<SearchHit> hits) {
    List<Candidate> candidates = candidates(claim.claim(), hits);
    double top = hits.isEmpty() ? 0 : hits.getFirst().score();
    List<StanceScores> scores = stance.scoreInContext(claim.claim(), candidates.stream()
        .map(c -> SentenceContext.of(hits.get(c.hit()).record().sentences(), c.sentence(), c.hit(),
            hits.get(c.hit()).score(), top))
        .toList());
    if (scores.size() != candidates.size()) {
      throw new IllegalStateException("the stance model gave " + scores.size() + " scores for " + candidates.size()
          + " sentences");
    }
    List<AbstractEvidence> abstracts = new ArrayList<>();
    // An abstract that does not name the claim's health concepts (by any of the lexicon's synonyms) is not about what
    // the claim is about: it takes no stance, however its words overlap ("This can manifest as tremors" was SUPPORTED
    // by a plasma physics abstract's "manifested"). See aboutTheClaim.
    Set<String> claimConcepts = required(subjects(concepts(claim.claim())),
        implicitTopic(claim).stream().map(Lexicon.Concept::id).toList(), leansOnItsPlace(claim, lexicon));
    java.util.regex.Pattern subjectHead = subjectHead(claim);
    for (int h = 0; h < hits.size(); h++) {
      List<Scored> mine = new ArrayList<>();
      for (int c = 0; c < candidates.size(); c++) {
        if (candidates.get(c).hit() == h) {
          mine.add(new Scored(candidates.get(c).sentence(), candidates.get(c).text(), scores.get(c)));
        }
      }
      PubmedRecord record = hits.get(h).record();
      if (!claimConcepts.isEmpty() && !aboutTheClaim(claimConcepts, concepts(text(record)))
          || subjectHead != null && !subjectHead.matcher(text(record)).find()
          || !sameKind(claim.claim(), findings(record))) {
        mine = List.of();
      }
      abstracts.add(judge(hits.get(h), mine));
    }
    abstracts = keepStrongest(abstracts, options.evidenceAbstracts());
    abstracts.sort(Comparator.comparing((AbstractEvidence a) -> a.stance() == Stance.NEUTRAL)
        .thenComparing(a -> -a.probability() * a.design().weight())
        .thenComparing(AbstractEvidence::id));
    return aggregate(claim, abstracts, calibration);
  }

  /**
   * Only the {@code n} stance-taking abstracts with the most probable stance keep it (ties by retrieval order); the
   * others become neutral, with the probability that they say nothing, 1 - p. Retracted abstracts keep their stance
   * and take none of the {@code n} places: they are shown and flagged, never counted, so they must not push out
   * evidence that counts.
   */
  static List<AbstractEvidence> keepStrongest(List<AbstractEvidence> abstracts, int n) {
    List<AbstractEvidence> taking = abstracts.stream().filter(a -> a.stance() != Stance.NEUTRAL && !a.retracted())
        .sorted(Comparator.comparingDouble((AbstractEvidence a) -> -a.probability())).toList();
    if (taking.size() <= n) {
      return new ArrayList<>(abstracts);
    }
    Set<AbstractEvidence> keep = new java.util.HashSet<>(taking.subList(0, n));
    List<AbstractEvidence> out = new ArrayList<>(abstracts.size());
    for (AbstractEvidence a : abstracts) {
      out.add(a.stance() == Stance.NEUTRAL || a.retracted() || keep.contains(a) ? a
          : new AbstractEvidence(a.id(), a.title(), a.year(), a.journal(), a.url(), a.design(), a.retracted(),
              a.retrievalScore(), Stance.NEUTRAL, round(1 - a.probability()), List.of()));
    }
    return out;
  }

  /**
   * Whether an abstract naming {@code named} can be evidence for a claim naming {@code claim} (lexicon concepts): it
   * names all of them, or all but one when the claim names three or more (a claim of several parts, "B12 improves
   * neuropathy and melatonin synthesis", may take each part's evidence from another abstract); anything for a claim
   * that names none. On SciFact's train claims this refuses 16 of the 564 gold (claim, abstract) pairs (2.8%; 7
   * with the B12 lexicon of 98 concepts), some for the lexicon's false readings ("SCD" is sickle cell disease there),
   * most where the abstract words a concept otherwise ("colorectal neoplasms", "Ca2+").
   */
  static boolean aboutTheClaim(Set<String> claim, Set<String> named) {
    long found = claim.stream().filter(named::contains).count();
    return found >= (claim.size() >= 3 ? claim.size() - 1 : claim.size());
  }

  /**
   * Whether an abstract is about the kind of diabetes a claim is about: the lexicon's one concept names them all, so
   * "diabetes" in a claim was matched by an abstract on type 1 diabetes alone, and "type 1 diabetes" by one on type 2.
   * A claim naming kinds (type 1, type 2, gestational) needs an abstract naming one of them; a claim on diabetes of no
   * kind is taken to mean the common one, type 2 (as health pages write it), or diabetes in general: an abstract
   * naming only type 1 or gestational diabetes is not about it. True when the claim does not speak of diabetes, or the
   * abstract names no kind. {@code abstractText} is what the abstract found: its title and the sentences outside its
   * methods ("Women with type 2 diabetes or gestational diabetes were excluded" names no kind it is about).
   */
  static boolean sameKind(String claim, String abstractText) {
    Set<String> wanted = diabetesKinds(claim);
    if (wanted.isEmpty() && !DIABETES.matcher(claim).find()) {
      return true;
    }
    Set<String> named = diabetesKinds(abstractText);
    if (named.isEmpty()) {
      return true;
    }
    if (wanted.isEmpty()) {
      return named.contains("2");
    }
    return named.stream().anyMatch(wanted::contains);
  }

  private static final java.util.regex.Pattern DIABETES = java.util.regex.Pattern.compile("\\bdiabet",
      java.util.regex.Pattern.CASE_INSENSITIVE);
  /** A kind of diabetes: "type 1 diabetes", "type II diabetic", "T2DM", "IDDM", "gestational diabetes", "GDM". */
  private static final java.util.regex.Pattern DIABETES_KIND = java.util.regex.Pattern.compile(
      "\\b(?:type[- ]?(1|2|i|ii|one|two)|(juvenile|insulin[- ]dependent|non[- ]?insulin[- ]dependent|adult[- ]onset"
          + "|gestational|autoimmune))[- ]+(?:diabet\\w*|dm)\\b|\\b(T1DM?|T2DM?|IDDM|NIDDM|GDM)\\b",
      java.util.regex.Pattern.CASE_INSENSITIVE);

  /** The kinds of diabetes {@code text} names: "1", "2", "gestational". */
  static Set<String> diabetesKinds(String text) {
    Set<String> out = new HashSet<>();
    var m = DIABETES_KIND.matcher(text);
    while (m.find()) {
      String k = (m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3))
          .toLowerCase(java.util.Locale.ROOT).replace('-', ' ');
      out.add(switch (k) {
        case "1", "i", "one", "juvenile", "insulin dependent", "autoimmune", "t1d", "t1dm", "iddm" -> "1";
        case "2", "ii", "two", "non insulin dependent", "noninsulin dependent", "adult onset", "t2d", "t2dm",
            "niddm" -> "2";
        default -> "gestational";
      });
    }
    return out;
  }

  /**
   * The concepts an abstract must name (see {@link #aboutTheClaim}) for a claim naming {@code named}, whose place in
   * its article is about {@code topic} ({@link Claim#topic()}): a claim naming fewer than two leaves out what its
   * article supplies ("Other possible causes are Parkinson's disease" under a section on restless legs is about
   * restless legs too, and was SUPPORTED by an abstract on Parkinson's alone), so the topic is required with it when
   * the claim {@linkplain #leansOnItsPlace leans on its place}. A claim given as text has no topic: its own concepts,
   * or none.
   */
  static Set<String> required(Set<String> named, List<String> topic, boolean leans) {
    if (!leans || topic.isEmpty()) {
      return named;
    }
    Set<String> out = new java.util.LinkedHashSet<>(named);
    out.addAll(topic);
    return out;
  }

  /**
   * Whether a claim leaves to its article what it is about: it names no health concept ("Short-term memory takes a
   * hit"), or one, with nothing specific in the other of its subject and object ("Other possible causes are
   * Parkinson's disease", "Oral supplements are effective for some", "This can be administered through oral
   * supplements"). "Vitamin D deficiency is common in winter" and "Antidepressants reduce migraines" say it all: a
   * section on restless legs above them must not make an abstract name restless legs. A claim naming two or more
   * concepts never leans; one whose subject or object is not known (not parsed) does, to be safe.
   */
  public static boolean leansOnItsPlace(Claim claim, Lexicon lexicon) {
    List<Lexicon.Match> named = lexicon.find(claim.claim());
    long concepts = named.stream().map(m -> m.concept().id()).distinct().count();
    if (concepts != 1) {
      return concepts == 0;
    }
    boolean inSubject = !lexicon.find(claim.subject()).isEmpty();
    boolean inObject = !lexicon.find(claim.object()).isEmpty();
    if (inSubject == inObject) {
      return !inSubject;
    }
    // "Supplements" alone names no supplement: "Supplements reduce the risk of acute respiratory infections" on a page
    // about vitamin D is about vitamin D supplements.
    String side = inSubject ? claim.subject() : claim.object();
    if (named.getFirst().concept().id().equals("supplementation") && specificWords(without(side, lexicon)) == 0) {
      return true;
    }
    return specificWords(inSubject ? claim.object() : claim.subject()) == 0;
  }

  /**
   * What an abstract must say to be about the subject of an extracted claim that names no lexicon concept in its
   * subject: the subject's last specific word, as a word start of its first five letters ("Male circumcision lowers
   * the risk of HIV" was CONTRADICTED by an abstract on Kaposi's sarcoma that names HIV, its one concept; "Ritonavir
   * increases the risk of liver toxicity" by one on psychiatric overdoses). Null when the subject names a concept (the
   * concept check covers it), has no specific word, or the claim was given as text (no subject).
   */
  private java.util.regex.Pattern subjectHead(Claim claim) {
    String subject = claim.subject();
    if (subject == null || subject.isBlank() || !lexicon.find(subject).isEmpty()) {
      return null;
    }
    String head = null;
    var m = WORD.matcher(subject.toLowerCase(java.util.Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      if (!org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w) && !GENERIC.contains(w)) {
        head = w;
      }
    }
    if (head == null) {
      return null;
    }
    String stem = head.length() > 5 ? head.substring(0, 5) : head;
    return java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(stem),
        java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
  }

  /** {@code phrase} without the lexicon's mentions in it. */
  private static String without(String phrase, Lexicon lexicon) {
    StringBuilder b = new StringBuilder(phrase);
    for (Lexicon.Match m : lexicon.find(phrase)) {
      for (int i = m.start(); i < m.end() && i < b.length(); i++) {
        b.setCharAt(i, ' ');
      }
    }
    return b.toString();
  }

  /** Words that name nothing in particular: quantities, evaluations, people, study talk, pronouns. */
  private static final Set<String> GENERIC = Set.of("other", "another", "possible", "several", "some", "many", "most",
      "few", "various", "certain", "different", "common", "effective", "ineffective", "important", "essential",
      "helpful", "beneficial", "harmful", "useful", "necessary", "safe", "unsafe", "good", "bad", "better", "worse",
      "best", "worst", "high", "higher", "low", "lower", "more", "less", "main", "major", "key", "significant",
      "serious", "severe", "mild", "potential", "likely", "unlikely", "new", "early", "late", "long", "short", "cause",
      "causes", "factor", "factors", "reason", "reasons", "thing", "things", "way", "ways", "symptom", "symptoms",
      "sign", "signs", "issue", "issues", "problem", "problems", "condition", "conditions", "effect", "effects",
      "benefit", "benefits", "risk", "risks", "role", "part", "people", "person", "patient", "patients",
      "individuals", "adults", "children", "men", "women", "everyone", "someone", "anyone", "study", "studies",
      "research", "researchers", "evidence", "experts", "doctors", "case", "cases", "level", "levels", "amount",
      "amounts", "dose", "doses", "treatment", "treatments", "therapy", "period", "time", "times", "this", "that",
      "these", "those", "they", "them", "one", "ones", "none", "all", "both", "each", "lot", "lots", "day", "days",
      "week", "weeks", "year", "years", "percent", "who", "which", "what", "well", "also", "often", "very", "much",
      "how", "why", "when", "where", "occur", "occurs", "happen", "happens", "frequency", "frequently", "there");

  private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("\\p{L}[\\p{L}'-]{2,}");

  /** How many words of {@code phrase} name something in particular (not stop words, not {@link #GENERIC}). */
  private static int specificWords(String phrase) {
    int n = 0;
    var m = WORD.matcher(phrase.toLowerCase(java.util.Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      if (!org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w) && !GENERIC.contains(w)) {
        n++;
      }
    }
    return n;
  }

  /** The concepts of the claim's {@linkplain Claim#topic() topic} that this verifier's lexicon knows. */
  private List<Lexicon.Concept> implicitTopic(Claim claim) {
    List<Lexicon.Concept> out = new ArrayList<>();
    for (String id : claim.topic()) {
      Lexicon.Concept c = lexicon.concept(id);
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  /** The lexicon concepts {@code text} names. */
  private Set<String> concepts(String text) {
    Set<String> out = new java.util.HashSet<>();
    for (Lexicon.Match m : lexicon.find(text)) {
      out.add(m.concept().id());
    }
    return out;
  }

  /**
   * The concepts of {@code ids} an abstract must name to be about the claim: what it is about, not the quantities it
   * measures (lexicon type {@code measure}), which abstracts word many ways ("weight loss" is "weight reduction"
   * there, "mortality" "deaths", "blood sugar" "glycaemic control"): requiring them refused 4 of SciFact's 564 gold
   * (claim, abstract) pairs more.
   */
  private Set<String> subjects(Set<String> ids) {
    Set<String> out = new java.util.HashSet<>();
    for (String id : ids) {
      Lexicon.Concept c = lexicon.concept(id);
      if (c == null || !c.type().equals("measure")) {
        out.add(id);
      }
    }
    return out;
  }

  /** A record's title and the sentences of its abstract outside its methods ({@link StudyDesign#methods}). */
  private static String findings(PubmedRecord r) {
    boolean[] methods = StudyDesign.methods(r);
    StringBuilder b = new StringBuilder(r.title());
    for (int i = 0; i < methods.length; i++) {
      if (!methods[i]) {
        b.append('\n').append(r.sentences().get(i));
      }
    }
    return b.toString();
  }

  /** What a record says: its title and abstract. */
  private static String text(PubmedRecord r) {
    return r.title() + "\n" + String.join(" ", r.sentences());
  }

  private record Candidate(int hit, int sentence, String text, double overlap) {}

  private record Scored(int index, String text, StanceScores scores) {
    double rationale() {
      return 1 - scores.neutral();
    }
  }

  /**
   * The sentences the stance model will see: the most overlapping with the claim, ties by rank and position. Not those
   * of an abstract's methods ({@link StudyDesign#methods}): they say what was measured, not what was found ("Secondary
   * outcomes ... included validated measures of ... fatigue" CONTRADICTED a claim that poor sleep causes daytime
   * fatigue). Its objective ("To determine whether ...") stays: leaving it out too measured 0.8 points lower in
   * cross-validation (src/training/README.md).
   */
  private List<Candidate> candidates(String claim, List<SearchHit> hits) {
    Set<String> claimTerms = overlap.terms(claim);
    List<Candidate> all = new ArrayList<>();
    for (int h = 0; h < hits.size(); h++) {
      List<String> sentences = hits.get(h).record().sentences();
      boolean[] methods = StudyDesign.methods(hits.get(h).record());
      for (int i = 0; i < sentences.size(); i++) {
        if (methods[i]) {
          continue;
        }
        String s = sentences.get(i);
        all.add(new Candidate(h, i, s, SentenceOverlap.fraction(claimTerms, overlap.terms(s))));
      }
    }
    if (options.candidates() > 0 && all.size() > options.candidates()) {
      all.sort(Comparator.comparingDouble((Candidate c) -> -c.overlap()).thenComparingInt(Candidate::hit)
          .thenComparingInt(Candidate::sentence));
      all = new ArrayList<>(all.subList(0, options.candidates()));
      all.sort(Comparator.comparingInt(Candidate::hit).thenComparingInt(Candidate::sentence));
    }
    return all;
  }

  private AbstractEvidence judge(SearchHit hit, List<Scored> scored) {
    PubmedRecord r = hit.record();
    List<Scored> rationale = new ArrayList<>();
    double best = 0;
    for (Scored s : scored) {
      best = Math.max(best, s.rationale());
      if (s.rationale() >= options.rationaleThreshold()) {
        rationale.add(s);
      }
    }
    rationale.sort(Comparator.comparingDouble((Scored s) -> -s.rationale()).thenComparingInt(Scored::index));
    if (rationale.size() > options.sentencesPerAbstract()) {
      rationale = new ArrayList<>(rationale.subList(0, options.sentencesPerAbstract()));
    }
    double support = 0;
    double contradict = 0;
    for (Scored s : rationale) {
      support += s.scores().support();
      contradict += s.scores().contradict();
    }
    Stance label = rationale.isEmpty() ? Stance.NEUTRAL : support >= contradict ? Stance.SUPPORT : Stance.CONTRADICT;
    double p;
    if (label == Stance.NEUTRAL) {
      p = 1 - best;
    } else {
      p = 0;
      for (Scored s : rationale) {
        p = Math.max(p, s.scores().probability(label));
      }
    }
    List<EvidenceSentence> sentences = new ArrayList<>();
    for (Scored s : rationale) {
      Stance own = s.scores().support() >= s.scores().contradict() ? Stance.SUPPORT : Stance.CONTRADICT;
      sentences.add(new EvidenceSentence(s.index(), s.text(), own, round(s.scores().probability(own))));
    }
    return new AbstractEvidence(r.id(), r.title(), r.year(), r.journal(), r.pubmedUrl(), StudyDesign.of(r),
        r.retracted(), hit.score(), label, round(p), sentences);
  }

  /** Weighs the abstracts into a verdict with the built-in calibration. */
  static ClaimVerdict aggregate(Claim claim, List<AbstractEvidence> abstracts) {
    return aggregate(claim, abstracts, VerdictCalibration.builtin());
  }

  /**
   * Weighs the abstracts into a verdict: each stance-taking, non-retracted abstract counts its probability times its
   * design weight. The raw confidence (the winning side's share of the weight, damped when there is little of it) is
   * mapped through {@code calibration}.
   */
  static ClaimVerdict aggregate(Claim claim, List<AbstractEvidence> abstracts, VerdictCalibration calibration) {
    double support = 0;
    double contradict = 0;
    int nSupport = 0;
    int nContradict = 0;
    for (AbstractEvidence a : abstracts) {
      if (a.retracted()) {
        continue;
      }
      double w = a.probability() * a.design().weight();
      if (a.stance() == Stance.SUPPORT) {
        support += w;
        nSupport++;
      } else if (a.stance() == Stance.CONTRADICT) {
        contradict += w;
        nContradict++;
      }
    }
    Verdict verdict;
    double raw;
    double total = support + contradict;
    if (total == 0) {
      verdict = Verdict.INSUFFICIENT_EVIDENCE;
      double neutral = 0;
      int counted = 0;
      for (AbstractEvidence a : abstracts) {
        if (!a.retracted()) {
          neutral += a.probability();
          counted++;
        }
      }
      raw = counted == 0 ? 1.0 : neutral / counted;
    } else if (support >= 2 * contradict) {
      verdict = Verdict.SUPPORTED;
      raw = support / (total + 0.5);
    } else if (contradict >= 2 * support) {
      verdict = Verdict.CONTRADICTED;
      raw = contradict / (total + 0.5);
    } else {
      verdict = Verdict.MIXED;
      raw = Math.min(support, contradict) / Math.max(support, contradict) * total / (total + 0.5);
    }
    double confidence = calibration.calibrate(verdict, Math.max(0, Math.min(1, raw)));
    return new ClaimVerdict(claim, verdict, round(Math.max(0, Math.min(1, confidence))), nSupport, nContradict,
        abstracts);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
