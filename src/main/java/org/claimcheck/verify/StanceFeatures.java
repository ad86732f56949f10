package org.claimcheck.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimcheck.claim.Lexicon;

/**
 * Thread-safe. The cheap features the trained stance model ({@link TrainedStanceModel}) reads for a (claim, sentence)
 * pair: word, stem, bigram, concept and number overlap; the abstract's retrieval rank and score and the sentence's
 * place in it; negation cues (and whether a cue governs a word the other text shares), direction words and whether
 * claim and sentence move the same way, antonyms across the two, hedges, comparatives and null-result phrases; and,
 * when a {@link SentenceVectors} is given, the dense cosine of the two. {@link #NAMES} lists them in order.
 */
public final class StanceFeatures {
  /** Unit vectors of texts (a claim, a sentence), or null when there are none. */
  public interface SentenceVectors {
    float[] vector(String text);
  }

  /** Every feature, in the order of {@link #features}. */
  public static final List<String> NAMES = List.of(
      "overlap", "overlap_sentence", "shared_log", "bigram", "concepts", "has_concepts", "numbers_found",
      "claim_has_numbers", "numbers_mismatch", "rank0", "rank1", "rank2plus", "relative_score", "position",
      "first", "last", "last_third", "sentences_log", "length_log", "finding",
      "claim_negated", "sentence_negated", "negation_xor", "claim_negation_scoped", "sentence_negation_scoped",
      "scoped_negation_xor", "claim_direction", "sentence_direction", "direction_agree", "direction_disagree",
      "antonym_clash", "antonym_same", "sentence_hedge", "claim_hedge", "sentence_comparative",
      "claim_comparative", "sentence_null", "null_claim_positive", "null_claim_negated", "overlap_x_negation_xor",
      "overlap_x_direction_disagree", "overlap_x_antonym_clash", "claim_null", "null_agree", "null_xor",
      "abstract_overlap", "abstract_antonym_clash", "abstract_direction_same", "abstract_direction_opposite",
      "abstract_negation_scoped", "claim_direction_word_missing", "dense_cosine", "rule_negation_xor", "rule_comparison");

  /**
   * The features the trained model does not read: signals for its contradiction rule ({@link TrainedStanceModel}).
   * {@code rule_negation_xor} is {@code scoped_negation_xor} without the negations that pick out whom a finding is
   * about ("people without heart disease", "no history of", "compared with individuals reporting no activity").
   * {@code rule_comparison} is -1 where claim and sentence compare the same two things the opposite way ("zopiclone is
   * more effective than CBT" against "CBT was superior to zopiclone"; "more adenomas with aspirin than placebo"
   * against "fewer adenomas with aspirin than placebo"), 1 where the same way, 0 where either compares nothing or the
   * sides cannot be matched.
   */
  public static final List<String> RULE_ONLY = List.of("rule_negation_xor", "rule_comparison");

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'-]*");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
  private static final Pattern NEGATION = Pattern.compile(
      "\\b(no|not|never|none|neither|nor|without|cannot|lack(s|ed|ing)?|fail(s|ed)? to|unaffected|unrelated|absence"
          + "|absent|unable|independent(ly)? of|did not|does not|do not|is not|was not|were not|are not"
          + "|unlikely|improbable|doubtful)\\b|n't\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern UP = Pattern.compile(
      "\\b(increas\\w*|higher|rais\\w*|rise[sn]?|rising|rose|elevat\\w*|improv\\w*|promot\\w*|enhanc\\w*|more"
          + "|greater|induc\\w*|up-?regulat\\w*|activat\\w*|stimulat\\w*|augment\\w*|boost\\w*|accelerat\\w*"
          + "|amplif\\w*|exacerbat\\w*|worsen\\w*|larger|longer|gain\\w*|exceed\\w*|strengthen\\w*)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DOWN = Pattern.compile(
      "\\b(decreas\\w*|lower\\w*|reduc\\w*|declin\\w*|impair\\w*|inhibit\\w*|suppress\\w*|less|fewer"
          + "|attenuat\\w*|down-?regulat\\w*|diminish\\w*|prevent\\w*|protect\\w*|block\\w*|abolish\\w*|deplet\\w*"
          + "|los[se]\\w*|lost|weaken\\w*|shorter|smaller|slow\\w*|delay\\w*|ameliorat\\w*|alleviat\\w*)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern HEDGE = Pattern.compile(
      "\\b(may|might|could|possibl\\w*|potential\\w*|suggest\\w*|likely|unlikely|unclear|appear\\w*|seem\\w*"
          + "|hypothes\\w*|propos\\w*|speculat\\w*)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern COMPARATIVE = Pattern.compile(
      "\\b(than|compared|comparison|versus|vs|relative|superior|inferior|more|less|higher|lower|greater|fewer"
          + "|better|worse)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern NULL_RESULT = Pattern.compile(
      "\\b(no (statistically )?significant\\w*|not (statistically )?significant\\w*|no difference\\w*"
          + "|no (significant )?association|not associated|no (significant )?effect\\w*|no (significant )?change"
          + "|unaffected|unchanged|did not (significantly )?(differ|change|affect|alter|improve|reduce|increase)"
          + "|similar|comparable|no evidence|failed to|no correlation|not correlated)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern FINDING = Pattern.compile(
      "\\b(we (found|show|showed|demonstrate|demonstrated|observed|report|identified|conclude)|results?|conclusions?"
          + "|demonstrat\\w*|show[sn]?|showed|reveal\\w*|indicat\\w*|significant\\w*|associated|p ?[<=])",
      Pattern.CASE_INSENSITIVE);
  /** Antonym pairs, as word prefixes: one side in the claim and the other in the sentence is a clash. */
  private static final String[][] ANTONYMS = {
      {"increas", "decreas"}, {"higher", "lower"}, {"high", "low"}, {"more", "less"}, {"greater", "smaller"},
      {"positiv", "negativ"}, {"upregulat", "downregulat"}, {"activat", "inhibit"}, {"promot", "suppress"},
      {"enhanc", "impair"}, {"benefi", "harm"}, {"gain", "loss"}, {"presen", "absen"}, {"effective", "ineffective"},
      {"sufficient", "insufficient"}, {"major", "minor"}, {"common", "rare"}, {"early", "late"}, {"strong", "weak"},
      {"long", "short"}, {"fast", "slow"}, {"larger", "smaller"}, {"induc", "prevent"}, {"accelerat", "delay"},
      {"requir", "dispensab"}, {"necessary", "unnecessary"}, {"safe", "unsafe"}, {"resistan", "sensitiv"},
      {"majority", "minority"}, {"old", "young"}, {"rais", "reduc"}, {"elevat", "reduc"}, {"improv", "worsen"},
      {"stimulat", "inhibit"}, {"overexpress", "knock"}, {"before", "after"}, {"maximum", "minimum"},
      {"above", "below"}, {"better", "worse"}, {"efficien", "inefficien"}, {"stable", "unstable"},
      {"increas", "reduc"}, {"increas", "lower"}, {"increas", "inhibit"}, {"improv", "impair"}, {"promot", "inhibit"},
      {"risk", "protect"}};
  private static final int SCOPE = 5;
  /**
   * Where the second side of a comparison begins; "superior to" and "inferior to" ("superior asthma-symptom control
   * to") also say which way it goes.
   */
  private static final Pattern COMPARED = Pattern.compile("\\b(?:than|compared (?:with|to)|in comparison (?:with|to)"
      + "|versus|vs\\b\\.?|relative to|(superior|inferior)(?:\\s+[\\w-]+){0,3}?\\s+to)\\b", Pattern.CASE_INSENSITIVE);
  /** A comparative that puts the first side above the second. */
  private static final Pattern MORE_THAN = Pattern.compile(
      "\\b(?:more|greater|higher|better|larger|longer|stronger|faster|superior)\\b", Pattern.CASE_INSENSITIVE);
  /** A comparative that puts the first side below the second. */
  private static final Pattern LESS_THAN = Pattern.compile(
      "\\b(?:less|fewer|lower|worse|smaller|shorter|weaker|slower|inferior)\\b", Pattern.CASE_INSENSITIVE);
  /** Where a comparison's second side ends: punctuation, or a phrase that qualifies the whole ("in older adults"). */
  private static final Pattern SECOND_SIDE_END = Pattern.compile(
      "[,;:()\\[]|\\s(?:in|among|for|during|at|after|over|both|who|which|and|with|on|by|from)\\s",
      Pattern.CASE_INSENSITIVE);
  /**
   * Before a "no" or "without": the people it qualifies ("women without diabetes", "in those without", "individuals
   * reporting no activity", "patients with hypertension and no"), so that it says whom a finding is about, not that
   * there is none.
   */
  private static final Pattern QUALIFIED_PEOPLE = Pattern.compile("\\b(?:people|persons?|patients|subjects|participants"
      + "|individuals|women|men|girls|boys|children|adults|adolescents|infants|newborns|mothers|pregnancies|those|controls"
      + "|volunteers|smokers|non-?smokers|cases|ones|groups?|populations?|cohorts?)(?:\\s+(?:who\\s+)?(?:with|had|have"
      + "|having|reporting|reported|and))?\\s+$", Pattern.CASE_INSENSITIVE);
  /**
   * Before a "no" or "without": the group a comparison measures against ("higher than in those without hypertension",
   * "compared with women without diabetes"), which no text denies: such a cue is no negation at all.
   */
  private static final Pattern REFERENCE_GROUP = Pattern.compile("\\b(?:than|compared (?:with|to)|versus|vs\\.?"
      + "|relative to)\\s+(?:(?:in|among|the|for)\\s+)?(?:people|persons|patients|subjects|participants|individuals"
      + "|women|men|children|adults|controls|those|ones|mothers|infants)(?:\\s+with)?\\s+$", Pattern.CASE_INSENSITIVE);
  /** After a "no" or "without": a history or earlier diagnosis ("no history of", "without established disease"). */
  private static final Pattern HISTORY = Pattern.compile("\\W+(?:an?\\s+)?(?:(?:prior|previous|known|established"
      + "|pre-?existing|documented)\\b|(?:history|diagnos\\w*)\\s+of\\b)", Pattern.CASE_INSENSITIVE);
  /** A sentence that opens with a subordinate clause, which its first comma ends. */
  private static final Pattern FRONTED = Pattern.compile(
      "\\W*(?:although|though|while|whereas|even though|even if|if|when|because|since)\\b", Pattern.CASE_INSENSITIVE);
  /**
   * Where a clause ends for a negation's scope: a semicolon, a contrast or a new clause after a comma (not a
   * parenthetical ", though,"), or "but", "while", "whereas", "although" ("yet" and "though" alone are often adverbs:
   * "no evidence has yet been found that ...").
   */
  private static final Pattern CLAUSE_END = Pattern.compile(
      ";|,\\s*(?:but|and|while|whereas|yet|although|though|however)\\b(?!\\s*,)|\\b(?:but|while|whereas|although)\\b",
      Pattern.CASE_INSENSITIVE);
  /**
   * After a negation cue (skipping words like "significant"), a noun that denies a finding as a whole: "no support for
   * the use of these supplements for the prevention of cancer", "no evidence that ...". Its scope is the rest of the
   * clause ({@link #CLAUSE_END}), not {@link #SCOPE} words ("no support for" reached no word of "Vitamin C
   * supplementation prevents cancer", whose direction then agreed: SUPPORTED against a trial that found no
   * prevention).
   */
  private static final Pattern WHOLE_FINDING = Pattern.compile(
      "\\W+(?:(?:significant|statistically|clear|convincing|strong|any|conclusive|consistent|good|sufficient|further"
          + "|such|an?)\\W+){0,2}(support|supported|supporting|evidence|effects?|benefits?|beneficial|associations?"
          + "|associated|roles?|impacts?|influences?|links?|linked|relationships?|correlations?|correlated"
          + "|differences?)\\b", Pattern.CASE_INSENSITIVE);

  private final SentenceOverlap overlap = new SentenceOverlap();
  private final Lexicon lexicon;
  private final SentenceVectors vectors;

  /** Without dense vectors: {@code dense_cosine} is NaN. */
  public StanceFeatures(Lexicon lexicon) {
    this(lexicon, null);
  }

  public StanceFeatures(Lexicon lexicon, SentenceVectors vectors) {
    this.lexicon = lexicon;
    this.vectors = vectors;
  }

  /** What the features need of one text, computed once per claim. */
  public record Text(String text, List<String> terms, Set<String> termSet, List<String> words, Set<String> numbers,
      Set<String> concepts, boolean negated, List<Integer> negationAt, List<Integer> negationScope, int direction,
      boolean hedge,
      boolean comparative, boolean nullResult, boolean finding, Set<Integer> antonymSides, float[] vector,
      boolean up, boolean down, List<String> directionWords, List<Boolean> negationQualifies,
      Comparison comparison) {}

  /**
   * A comparison: the terms of its first side only, of its second side only, and its way (1: the first above the
   * second, -1 below). Null when a text compares nothing.
   */
  public record Comparison(Set<String> first, Set<String> second, int way) {}

  /** The first comparison of {@code text} that says which way it goes ("A lowered X more than B"), or null. */
  private Comparison comparison(String text) {
    Matcher m = COMPARED.matcher(text);
    while (m.find()) {
      int from = Math.max(text.lastIndexOf(';', m.start()), text.lastIndexOf(':', m.start())) + 1;
      String first = text.substring(from, m.start());
      int way = m.group(1) != null ? (m.group(1).equalsIgnoreCase("superior") ? 1 : -1) : 0;
      if (way == 0) {
        int last = -1;
        for (Pattern p : List.of(MORE_THAN, LESS_THAN)) {
          Matcher c = p.matcher(first);
          while (c.find()) {
            if (c.start() > last) {
              last = c.start();
              way = p == MORE_THAN ? 1 : -1;
            }
          }
        }
      }
      if (way == 0) {
        continue;
      }
      String rest = text.substring(m.end());
      int lead = rest.length() - rest.stripLeading().length();
      Matcher end = SECOND_SIDE_END.matcher(rest);
      String second = end.find(Math.min(rest.length(), lead + 1)) ? rest.substring(0, end.start()) : rest;
      Set<String> a = new HashSet<>(overlap.terms(first));
      Set<String> b = new HashSet<>(overlap.terms(second));
      Set<String> both = new HashSet<>(a);
      both.retainAll(b);
      a.removeAll(both);
      b.removeAll(both);
      if (!a.isEmpty() && !b.isEmpty()) {
        return new Comparison(a, b, way);
      }
    }
    return null;
  }

  /**
   * Whether {@code s} compares the claim's two sides the same way (1), the opposite way (-1), or cannot be told (0):
   * the claim's second side ("than placebo") found on one side of the sentence's comparison only says which side is
   * which; failing that, its first side.
   */
  static int comparisonAgreement(Comparison claim, Comparison s) {
    if (claim == null || s == null) {
      return 0;
    }
    int order = order(claim.second(), s.second(), s.first());
    if (order == 0) {
      order = order(claim.first(), s.first(), s.second());
    }
    return order * claim.way() * s.way();
  }

  /** 1 when {@code terms} are found on the {@code same} side only, -1 on the {@code other} only, else 0. */
  private static int order(Set<String> terms, Set<String> same, Set<String> other) {
    int inSame = shared(terms, same);
    int inOther = shared(terms, other);
    return inSame > 0 && inOther == 0 ? 1 : inOther > 0 && inSame == 0 ? -1 : 0;
  }

  public Text analyse(String text) {
    return analyse(text, true);
  }

  private Text analyse(String page, boolean embed) {
    // Web pages write "doesn’t": the cues and words below know the straight apostrophe only.
    String text = page.replace('\u2019', '\'');
    List<String> terms = overlap.termList(text);
    List<String> words = new ArrayList<>();
    List<Integer> wordStarts = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(m.group().toLowerCase(Locale.ROOT));
      wordStarts.add(m.start());
    }
    Set<String> numbers = new HashSet<>();
    Matcher n = NUMBER.matcher(text);
    while (n.find()) {
      numbers.add(n.group());
    }
    Set<String> concepts = new HashSet<>();
    for (Lexicon.Match c : lexicon.find(text)) {
      concepts.add(c.concept().id());
    }
    List<Integer> negationAt = new ArrayList<>();
    List<Integer> negationScope = new ArrayList<>();
    List<Boolean> negationQualifies = new ArrayList<>();
    Matcher g = NEGATION.matcher(text);
    while (g.find()) {
      String after = text.substring(g.end(), Math.min(text.length(), g.end() + 80));
      String cue = g.group().toLowerCase(Locale.ROOT);
      if ((cue.equals("no") || cue.equals("without"))
          && REFERENCE_GROUP.matcher(text.substring(Math.max(0, g.start() - 60), g.start())).find()) {
        continue;
      }
      negationQualifies.add((cue.equals("no") || cue.equals("without"))
          && (QUALIFIED_PEOPLE.matcher(text.substring(Math.max(0, g.start() - 60), g.start())).find()
              || HISTORY.matcher(after).lookingAt()));
      int w = 0;
      while (w < wordStarts.size() && wordStarts.get(w) < g.end()) {
        w++;
      }
      negationAt.add(w);
      // A negation never reaches past the end of its clause ("There was no benefit, whereas omega-3 reduced
      // events" denies nothing about omega-3); one that denies a finding ("no support for", "no evidence that")
      // reaches to it.
      Matcher end = CLAUSE_END.matcher(text);
      int stop = end.find(g.end()) ? end.start() : text.length();
      // A clause put first ("Although folic acid did not reduce miscarriage, it prevented ...") ends at its comma;
      // a parenthesis ("Zinc (but not vitamin E) shortened colds") at its closing bracket.
      int comma = text.indexOf(',');
      if (comma > g.end() && FRONTED.matcher(text).lookingAt()) {
        stop = Math.min(stop, comma);
      }
      int open = text.lastIndexOf('(', g.start());
      if (open >= 0 && text.lastIndexOf(')', g.start()) < open) {
        int close = text.indexOf(')', g.end());
        if (close >= 0) {
          stop = Math.min(stop, close);
        }
      }
      int last = w;
      while (last < wordStarts.size() && wordStarts.get(last) < stop) {
        last++;
      }
      negationScope.add(WHOLE_FINDING.matcher(after).lookingAt() ? last - w : Math.min(SCOPE, last - w));
    }
    boolean up = UP.matcher(text).find();
    boolean down = DOWN.matcher(text).find();
    Set<Integer> sides = new HashSet<>();
    for (int a = 0; a < ANTONYMS.length; a++) {
      for (int side = 0; side < 2; side++) {
        for (String w : words) {
          if (w.startsWith(ANTONYMS[a][side]) && !(side == 0 && w.startsWith(ANTONYMS[a][1]))) {
            sides.add(2 * a + side);
            break;
          }
        }
      }
    }
    float[] v = vectors == null || !embed ? null : vectors.vector(text);
    List<String> directionWords = new ArrayList<>();
    for (Pattern p : List.of(UP, DOWN)) {
      Matcher d = p.matcher(text);
      while (d.find()) {
        String w = d.group().toLowerCase(Locale.ROOT);
        directionWords.add(w.substring(0, Math.min(5, w.length())));
      }
    }
    return new Text(text, terms, new HashSet<>(terms), words, numbers, concepts, !negationAt.isEmpty(), negationAt,
        negationScope, up == down ? 0 : up ? 1 : -1, HEDGE.matcher(text).find(), COMPARATIVE.matcher(text).find(),
        NULL_RESULT.matcher(text).find(), FINDING.matcher(text).find(), sides, v, up, down, directionWords,
        negationQualifies, comparison(text));
  }

  /** An abstract, analysed once for all its sentences (no vector). */
  public Text analyseAbstract(String text) {
    return analyse(text, false);
  }

  /** The features of a sentence in its context against an analysed claim, in the order of {@link #NAMES}. */
  public double[] features(Text claim, SentenceContext context) {
    return features(claim, analyse(context.text()), analyseAbstract(context.abstractText()), context);
  }

  public double[] features(Text claim, Text s, Text abs, SentenceContext ctx) {
    double[] f = new double[NAMES.size()];
    int i = 0;
    int shared = shared(claim.termSet(), s.termSet());
    double ov = claim.termSet().isEmpty() ? 0 : (double) shared / claim.termSet().size();
    f[i++] = ov;
    f[i++] = s.termSet().isEmpty() ? 0 : (double) shared / s.termSet().size();
    f[i++] = Math.log1p(shared);
    f[i++] = bigrams(claim.terms(), s.terms());
    int conceptShared = shared(claim.concepts(), s.concepts());
    f[i++] = claim.concepts().isEmpty() ? 0 : (double) conceptShared / claim.concepts().size();
    f[i++] = claim.concepts().isEmpty() ? 0 : 1;
    int numShared = shared(claim.numbers(), s.numbers());
    f[i++] = claim.numbers().isEmpty() ? 0 : (double) numShared / claim.numbers().size();
    f[i++] = claim.numbers().isEmpty() ? 0 : 1;
    f[i++] = !claim.numbers().isEmpty() && !s.numbers().isEmpty() && numShared == 0 ? 1 : 0;
    f[i++] = ctx.rank() == 0 ? 1 : 0;
    f[i++] = ctx.rank() == 1 ? 1 : 0;
    f[i++] = ctx.rank() >= 2 ? 1 : 0;
    f[i++] = ctx.topScore() > 0 ? Math.max(0, Math.min(1, ctx.score() / ctx.topScore())) : 0;
    f[i++] = ctx.sentences() <= 1 ? 0 : (double) ctx.position() / (ctx.sentences() - 1);
    f[i++] = ctx.position() == 0 ? 1 : 0;
    f[i++] = ctx.position() == ctx.sentences() - 1 ? 1 : 0;
    f[i++] = ctx.position() >= ctx.sentences() * 2 / 3.0 ? 1 : 0;
    f[i++] = Math.log1p(ctx.sentences());
    f[i++] = Math.log1p(s.words().size());
    f[i++] = s.finding() ? 1 : 0;
    boolean claimScoped = scoped(claim, s.termSet());
    boolean sentScoped = scoped(s, claim.termSet());
    f[i++] = claim.negated() ? 1 : 0;
    f[i++] = s.negated() ? 1 : 0;
    double negXor = claim.negated() != s.negated() ? 1 : 0;
    f[i++] = negXor;
    f[i++] = claimScoped ? 1 : 0;
    f[i++] = sentScoped ? 1 : 0;
    f[i++] = claimScoped != sentScoped ? 1 : 0;
    f[i++] = claim.direction();
    f[i++] = s.direction();
    f[i++] = claim.direction() * s.direction() > 0 ? 1 : 0;
    double disagree = claim.direction() * s.direction() < 0 ? 1 : 0;
    f[i++] = disagree;
    int clash = 0;
    int same = 0;
    for (int side : claim.antonymSides()) {
      if (s.antonymSides().contains(side ^ 1)) {
        clash++;
      }
      if (s.antonymSides().contains(side)) {
        same++;
      }
    }
    f[i++] = Math.min(clash, 2) / 2.0;
    f[i++] = Math.min(same, 2) / 2.0;
    f[i++] = s.hedge() ? 1 : 0;
    f[i++] = claim.hedge() ? 1 : 0;
    f[i++] = s.comparative() ? 1 : 0;
    f[i++] = claim.comparative() ? 1 : 0;
    f[i++] = s.nullResult() ? 1 : 0;
    f[i++] = s.nullResult() && !claim.negated() ? 1 : 0;
    f[i++] = s.nullResult() && claim.negated() ? 1 : 0;
    f[i++] = ov * negXor;
    f[i++] = ov * disagree;
    f[i++] = ov * Math.min(clash, 1);
    f[i++] = claim.nullResult() ? 1 : 0;
    f[i++] = claim.nullResult() && s.nullResult() ? 1 : 0;
    f[i++] = claim.nullResult() != s.nullResult() ? 1 : 0;
    int absShared = shared(claim.termSet(), abs.termSet());
    f[i++] = claim.termSet().isEmpty() ? 0 : (double) absShared / claim.termSet().size();
    int absClash = 0;
    for (int side : claim.antonymSides()) {
      if (abs.antonymSides().contains(side ^ 1) && !abs.antonymSides().contains(side)) {
        absClash++;
      }
    }
    f[i++] = Math.min(absClash, 2) / 2.0;
    f[i++] = claim.up() && abs.up() || claim.down() && abs.down() ? 1 : 0;
    f[i++] = claim.up() && !claim.down() && abs.down() && !abs.up()
        || claim.down() && !claim.up() && abs.up() && !abs.down() ? 1 : 0;
    f[i++] = scoped(abs, claim.termSet()) ? 1 : 0;
    boolean missing = false;
    for (String w : claim.directionWords()) {
      if (!abs.directionWords().contains(w)) {
        missing = true;
      }
    }
    f[i++] = missing ? 1 : 0;
    f[i++] = claim.vector() == null || s.vector() == null ? Double.NaN : dot(claim.vector(), s.vector());
    f[i++] = scoped(claim, s.termSet(), false) != scoped(s, claim.termSet(), false) ? 1 : 0;
    f[i++] = comparisonAgreement(claim.comparison(), s.comparison());
    if (i != f.length) {
      throw new IllegalStateException("feature count " + i + " != " + f.length);
    }
    return f;
  }

  /** Whether a negation cue of {@code t} has, within a few words after it, a term the other text shares. */
  private static boolean scoped(Text t, Set<String> other) {
    return scoped(t, other, true);
  }

  /** As above; without {@code qualifiers}, only cues that deny something, not those that say whom it is about. */
  private static boolean scoped(Text t, Set<String> other, boolean qualifiers) {
    if (t.negationAt().isEmpty()) {
      return false;
    }
    for (int k = 0; k < t.negationAt().size(); k++) {
      if (!qualifiers && t.negationQualifies().get(k)) {
        continue;
      }
      int at = t.negationAt().get(k);
      for (int w = at; w < Math.min(t.words().size(), at + t.negationScope().get(k)); w++) {
        String word = t.words().get(w);
        for (String o : other) {
          if (o.length() >= 4 && word.startsWith(o.substring(0, Math.min(o.length(), 5)))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** How many of {@code a} are in {@code b}. */
  private static int shared(Set<String> a, Set<String> b) {
    int n = 0;
    for (String x : a) {
      if (b.contains(x)) {
        n++;
      }
    }
    return n;
  }

  private static double bigrams(List<String> claim, List<String> sentence) {
    if (claim.size() < 2) {
      return 0;
    }
    Set<String> s = new HashSet<>();
    for (int i = 0; i + 1 < sentence.size(); i++) {
      s.add(sentence.get(i) + " " + sentence.get(i + 1));
    }
    int n = 0;
    for (int i = 0; i + 1 < claim.size(); i++) {
      if (s.contains(claim.get(i) + " " + claim.get(i + 1))) {
        n++;
      }
    }
    return (double) n / (claim.size() - 1);
  }

  private static double dot(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d += a[i] * b[i];
    }
    return d;
  }
}
