package org.claimcheck.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;

/**
 * One per worker thread (OpenNLP 2.5 {@code *ME} classes are not thread-safe). Splits text into sentences and tags
 * sentences with tokens, Universal Dependencies part-of-speech tags and, on request, lemmas. The models behind it are
 * shared ({@link NlpModels}); creating an annotator is cheap.
 *
 * <p>Sentence splitting is the statistical detector plus the repairs it needs on health pages: a line break always
 * ends a sentence (headings and list items rarely end with a full stop); a bullet inside a line starts a new one;
 * a full stop glued to the next sentence ("ankle.Restless") ends one; so does one after a name that ends in a capital
 * letter ("vitamin D. For this reason", "hepatitis B. Ask"), which the detector takes for an initial; and a split right
 * after a known abbreviation ("e.g.", "vs.", "et al.", "Fig."), an initial ("J. Smith") or before a lower-case word is
 * undone.
 *
 * <p>Tagging: the English UD model mis-tags names it has not seen ("B12" as NUM, ADP or PRON) and, after them, verbs
 * ("Cobalamin cures anemia": "cures" as NOUN). Callers may name the entity spans of a sentence: each is tagged as one
 * noun, and a present-tense verb from a list of common verbs that the model took for a noun right after its subject is
 * re-tagged VERB when the clause has no other verb. {@code PosTaggingAccuracyTest} measures both.
 */
public final class Annotator {
  private static final Set<String> ABBREVIATIONS = loadWords("abbreviations.txt");
  private static final Set<String> VERBS = loadWords("verbs.txt");
  /** Abbreviations that stand before a number; before anything else their full stop ends the sentence. */
  private static final Set<String> NUMBER_ABBREVIATIONS = Set.of("no.", "nos.", "vol.", "vols.", "p.", "pp.",
      "fig.", "figs.", "tab.", "eq.", "eqs.", "ref.", "refs.", "ch.", "sec.");
  /** Bullet characters; inside a line each starts a new sentence (the bullet itself is dropped). */
  private static final String BULLETS = "\u2022\u25aa\u25cf\u25e6\u2023\u2043\u25a0\u25a1\u2219";
  /** A sentence end glued to the next sentence: "ankle.Restless". */
  private static final Pattern GLUED = Pattern.compile("(?<=\\p{Ll}{2}[.!?])(?=\\p{Lu}\\p{Ll})");
  /**
   * Nouns that name things by a capital letter: "vitamin D", "hepatitis B", "group A" (strep), "type O" (blood). The
   * detector reads the letter before a full stop as an initial and keeps going; after these it ends a sentence.
   */
  private static final String LETTER_NAMED =
      "(?:vitamins?|provitamins?|hepatitis|influenza|flu|groups?|types?|strains?|plan|phases?|stages?|grades?"
          + "|class|factor)";
  private static final java.util.regex.Pattern LETTER_NAMED_WORD = java.util.regex.Pattern.compile(LETTER_NAMED);
  /** One letter (or a letter and digits: "B12", "K2") a name ends with. */
  private static final String LETTER_CODE = "\\p{Lu}\\d{0,2}";
  /**
   * The full stop after a letter name ("... to make vitamin D. For this reason", "vitamins A, C and E. Nuts") or a
   * letter-and-digits code ("rich in B6. Bananas") that ends a sentence: a capital opens the next one.
   */
  private static final Pattern LETTER_NAME_END = Pattern.compile("(?:\\b(?i:" + LETTER_NAMED + ")\\s+(?:"
      + LETTER_CODE + "(?:\\s*,\\s*(?:(?:and|or)\\s+)?|\\s+(?:and|or|&)\\s+))*" + LETTER_CODE
      + "|(?<![\\p{L}\\p{N}.\\-])\\p{Lu}\\d{1,2})\\.(?=\\s+[\\p{Lu}\"'(\u201c\u2018])");
  /** A one-word answer that opens a line: "No. A cup of decaf ...". */
  private static final Pattern ANSWER = Pattern.compile("^\\s*((?:Yes|No|Yes indeed|Not really)[.!])\\s+(?=\\p{Lu})");
  /** Leading list markers a sentence does not keep: "- ", "* ", "1. ", "2) ". */
  private static final Pattern LIST_MARKER = Pattern.compile("^(?:[-*\u2013\u2014]|\\d{1,2}[.)])\\s+");
  private static final int LEMMA_CACHE_MAX = 50_000;
  /** How many of the lemmatizer's guesses for a verb form {@link VerbLemmas} checks. */
  private static final int LEMMA_GUESSES = 3;
  /**
   * Longer sentences are cut into pieces of at most this many characters: OpenNLP's tagger takes time quadratic in a
   * sentence's length (a page of 150 kB without a full stop took 11 s as one sentence, 10 MB would take hours). Real
   * sentences are far shorter.
   */
  static final int MAX_SENTENCE_CHARS = 1000;

  /** Which lemmas {@link #tag(String, List, Lemmas)} computes. */
  public enum Lemmas {
    /** None: {@link Tagged#lemma} gives the lower-cased token. */
    NONE,
    /**
     * Verbs and auxiliaries only, one token at a time and memoised: cheap, and all the claim stage needs. The model's
     * guesses are checked against English inflection ({@link VerbLemmas}): out of context it cut "blamed" to "blam".
     */
    VERBS,
    /** Every token, the lemmatizer over the whole sentence: about ten times the cost of tagging. */
    ALL
  }

  /** How entity spans are shown to the tagger (the default is what {@code PosTaggingAccuracyTest} found best). */
  public enum Masking {
    /** The tokens as written; entity tokens get NOUN/PROPN afterwards. */
    NONE,
    /** Each entity span becomes one plain noun ("calcium") while tagging. */
    NOUN,
    /** Like NOUN, but a span that opens a clause becomes "it": the tagger then sees a subject and its verb. */
    SUBJECT_PRONOUN
  }

  private final SentenceDetectorME sentenceDetector;
  private final Masking masking;
  private final boolean verbRepair;
  private TokenizerME tokenizer;
  private POSTaggerME tagger;
  private LemmatizerME lemmatizer;
  private final Map<String, String> verbLemmas = new HashMap<>();

  public Annotator() {
    this(Masking.NOUN, true);
  }

  /** An annotator with a given masking and verb repair, for measurements. */
  public Annotator(Masking masking, boolean verbRepair) {
    this.sentenceDetector = new SentenceDetectorME(NlpModels.sentenceModel());
    this.masking = masking;
    this.verbRepair = verbRepair;
  }

  /**
   * The sentences of {@code text}, with offsets into it. Blank lines and surrounding white space are dropped; a
   * sentence longer than {@link #MAX_SENTENCE_CHARS} comes in pieces.
   */
  public List<Sentence> sentences(String text) {
    List<Sentence> out = new ArrayList<>();
    int lineStart = 0;
    int n = text.length();
    while (lineStart < n) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = n;
      }
      int segStart = lineStart;
      for (int i = lineStart; i <= lineEnd; i++) {
        if (i == lineEnd || BULLETS.indexOf(text.charAt(i)) >= 0) {
          splitSegment(text, segStart, i, out);
          segStart = i + 1;
        }
      }
      lineStart = lineEnd + 1;
    }
    return out;
  }

  /** Splits text[from, to) (no line break, no bullet) at glued sentence ends, then with the detector. */
  private void splitSegment(String text, int from, int to, List<Sentence> out) {
    // "No. A cup of decaf still contains caffeine.": a one-word answer is a sentence of its own. A loop, not
    // recursion: "No. No. No. ..." thousands of times overflowed the stack (ClaimExtractorFuzzTest).
    Matcher answer = ANSWER.matcher(text);
    while (from < to && answer.region(from, to).lookingAt()) {
      detect(text, from, answer.end(1), out);
      from = answer.end();
    }
    String seg = text.substring(from, to);
    if (seg.isBlank()) {
      return;
    }
    Matcher m = GLUED.matcher(seg);
    int last = 0;
    while (m.find()) {
      int cut = m.start();
      if (!ABBREVIATIONS.contains(lastWord(seg.substring(0, cut)).toLowerCase(Locale.ROOT))) {
        detectAfterLetterNames(text, from + last, from + cut, out);
        last = cut;
      }
    }
    detectAfterLetterNames(text, from + last, to, out);
  }

  /** Splits text[from, to) after letter names that end a sentence ("vitamin D. For"), then with the detector. */
  private void detectAfterLetterNames(String text, int from, int to, List<Sentence> out) {
    Matcher m = LETTER_NAME_END.matcher(text).region(from, to);
    int last = from;
    while (m.find()) {
      detect(text, last, m.end(), out);
      last = m.end();
    }
    detect(text, last, to, out);
  }

  private void detect(String text, int from, int to, List<Sentence> out) {
    String line = text.substring(from, to);
    if (line.isBlank()) {
      return;
    }
    Span[] spans = sentenceDetector.sentPosDetect(line);
    List<int[]> merged = new ArrayList<>();
    for (Span s : spans) {
      int start = s.getStart();
      int end = s.getEnd();
      if (!merged.isEmpty() && shouldJoin(line, merged.getLast(), start)) {
        merged.getLast()[1] = end;
      } else {
        merged.add(new int[] {start, end});
      }
    }
    for (int[] mm : merged) {
      int start = mm[0];
      int end = mm[1];
      while (start < end && Character.isWhitespace(line.charAt(start))) {
        start++;
      }
      Matcher marker = LIST_MARKER.matcher(line.substring(start, end));
      if (marker.find() && marker.end() < end - start) {
        start += marker.end();
      }
      while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
        end--;
      }
      while (end - start > MAX_SENTENCE_CHARS) {
        // No sentence end in a page's worth of text (a hostile or broken page): pieces, cut at a space.
        int cut = start + MAX_SENTENCE_CHARS;
        int space = cut;
        while (space > start + MAX_SENTENCE_CHARS / 2 && !Character.isWhitespace(line.charAt(space))) {
          space--;
        }
        cut = Character.isWhitespace(line.charAt(space)) ? space
            : Character.isLowSurrogate(line.charAt(cut)) ? cut - 1 : cut;
        int pieceEnd = cut;
        while (pieceEnd > start && Character.isWhitespace(line.charAt(pieceEnd - 1))) {
          pieceEnd--;
        }
        out.add(new Sentence(line.substring(start, pieceEnd), from + start, from + pieceEnd));
        start = cut;
        while (start < end && Character.isWhitespace(line.charAt(start))) {
          start++;
        }
      }
      if (end > start) {
        out.add(new Sentence(line.substring(start, end), from + start, from + end));
      }
    }
  }

  /** Whether the split between {@code previous} and the sentence starting at {@code nextStart} is a false one. */
  static boolean shouldJoin(String line, int[] previous, int nextStart) {
    String prev = line.substring(previous[0], previous[1]).stripTrailing();
    if (!prev.endsWith(".")) {
      return false;
    }
    int i = nextStart;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    if (i >= line.length()) {
      return false;
    }
    char next = line.charAt(i);
    if (Character.isLowerCase(next)) {
      return true;
    }
    String lastWord = lastWord(prev).toLowerCase(Locale.ROOT);
    if (NUMBER_ABBREVIATIONS.contains(lastWord)) {
      // "No. 5", "Fig. 2", "p. 34" join; "No. A cup of decaf ..." is two sentences.
      return Character.isDigit(next) || next == '(';
    }
    if (ABBREVIATIONS.contains(lastWord)) {
      return true;
    }
    if (Character.isUpperCase(next) && isInitial(prev)) {
      return true;
    }
    // "et al." is two words.
    int space = prev.lastIndexOf(' ', prev.length() - lastWord.length() - 1);
    String lastTwo = prev.substring(space + 1).toLowerCase(Locale.ROOT);
    return ABBREVIATIONS.contains(lastTwo);
  }

  /**
   * Whether {@code prev} ends with an initial: a capital and a full stop after a capitalised word, after "by" or alone
   * ("John F.", "by J.", "J."), not after a letter name ("group A.").
   */
  private static boolean isInitial(String prev) {
    String last = lastWord(prev);
    if (last.length() != 2 || !Character.isUpperCase(last.charAt(0)) || last.charAt(1) != '.') {
      return false;
    }
    String rest = prev.substring(0, prev.length() - 2).stripTrailing();
    if (rest.isEmpty() || rest.endsWith("(")) {
      return true;
    }
    String before = lastWord(rest);
    return before.equals("by") || !before.isEmpty() && Character.isUpperCase(before.charAt(0))
        && !before.endsWith(".") && !LETTER_NAMED_WORD.matcher(before.toLowerCase(Locale.ROOT)).matches();
  }

  private static String lastWord(String s) {
    int i = s.length();
    while (i > 0 && !Character.isWhitespace(s.charAt(i - 1)) && s.charAt(i - 1) != '(') {
      i--;
    }
    return s.substring(i);
  }

  /** Tokens and part-of-speech tags of one sentence; all lemmas too when {@code withLemmas}. */
  public Tagged tag(String sentence, boolean withLemmas) {
    return tag(sentence, List.of(), withLemmas ? Lemmas.ALL : Lemmas.NONE);
  }

  /**
   * Tokens and part-of-speech tags of one sentence, each of {@code nouns} (character spans of the sentence, not
   * overlapping) tagged as one noun: PROPN for tokens with a capital or a digit, NOUN otherwise.
   */
  public Tagged tag(String sentence, List<CharSpan> nouns, Lemmas lemmas) {
    if (tokenizer == null) {
      tokenizer = new TokenizerME(NlpModels.tokenizerModel());
      tagger = new POSTaggerME(NlpModels.posModel(), POSTagFormat.UD);
    }
    // The models know contractions with a straight apostrophe only: "can’t", as web pages write it, was one PUNCT
    // token (no negation found). They read the text with straight ones; the tokens keep the page's characters.
    String straight = sentence.replace('\u2019', '\'');
    Span[] spans = tokenizer.tokenizePos(straight);
    String[] tokens = Span.spansToStrings(spans, sentence);
    int[] entity = entityOfToken(spans, nouns);
    String[] forTagger = Span.spansToStrings(spans, straight);
    for (int i = 0; i < forTagger.length; i++) {
      // The model learned American text and took most British -ise verbs for nouns ("Vaccines minimise the risk
      // and immunise children": two nouns); it reads the American spelling, the tokens keep the page's.
      forTagger[i] = Spelling.iseToIze(forTagger[i]);
    }
    String[] tags = tagWithMasks(forTagger, entity);
    for (int i = 0; i < tokens.length; i++) {
      if (entity[i] >= 0) {
        tags[i] = hasCapitalOrDigit(tokens[i]) ? "PROPN" : "NOUN";
      }
    }
    List<Integer> starts = new ArrayList<>(spans.length);
    for (Span s : spans) {
      starts.add(s.getStart());
    }
    if (Arrays.stream(tags).anyMatch(t -> t.indexOf('+') > 0)) {
      // The UD model keeps contractions whole and tags them "AUX+PART" ("isn't") or "PRON+AUX" ("It's"): split them.
      List<String> tk = new ArrayList<>();
      List<String> tg = new ArrayList<>();
      List<Integer> st = new ArrayList<>();
      List<Integer> en = new ArrayList<>();
      for (int i = 0; i < tokens.length; i++) {
        int plus = tags[i].indexOf('+');
        int cut = plus > 0 ? contractionCut(tokens[i]) : -1;
        if (cut > 0) {
          tk.add(tokens[i].substring(0, cut));
          tg.add(tags[i].substring(0, plus));
          st.add(starts.get(i));
          en.add(entity[i]);
          tk.add(tokens[i].substring(cut));
          tg.add(tags[i].substring(plus + 1).replace("+", ""));
          st.add(starts.get(i) + cut);
          en.add(entity[i]);
        } else {
          tk.add(tokens[i]);
          tg.add(plus > 0 ? tags[i].substring(0, plus) : tags[i]);
          st.add(starts.get(i));
          en.add(entity[i]);
        }
      }
      tokens = tk.toArray(new String[0]);
      tags = tg.toArray(new String[0]);
      starts = st;
      entity = en.stream().mapToInt(Integer::intValue).toArray();
    }
    if (verbRepair) {
      repairVerbs(tokens, tags, entity);
    }
    List<String> lemmaList = switch (lemmas) {
      case NONE -> List.of();
      case ALL -> tokens.length == 0 ? List.of() : Arrays.asList(lemmatizer().lemmatize(tokens, tags));
      case VERBS -> verbLemmas(tokens, tags);
    };
    return new Tagged(Arrays.asList(tokens), Arrays.asList(tags), starts, lemmaList);
  }

  private LemmatizerME lemmatizer() {
    if (lemmatizer == null) {
      lemmatizer = new LemmatizerME(NlpModels.lemmatizerModel());
    }
    return lemmatizer;
  }

  private List<String> verbLemmas(String[] tokens, String[] tags) {
    List<String> out = new ArrayList<>(tokens.length);
    for (int i = 0; i < tokens.length; i++) {
      String lower = tokens[i].toLowerCase(Locale.ROOT);
      if (tags[i].equals("VERB") || tags[i].equals("AUX")) {
        // The model knows straight apostrophes only: "’s" gave the lemma "+we".
        String form = lower.replace('\u2019', '\'');
        String key = tags[i] + ' ' + form;
        String lemma = verbLemmas.get(key);
        if (lemma == null) {
          List<String> guesses = new ArrayList<>(LEMMA_GUESSES);
          for (String[] g : lemmatizer().predictLemmas(LEMMA_GUESSES, new String[] {form}, new String[] {tags[i]})) {
            guesses.add(g[0]);
          }
          lemma = VerbLemmas.choose(form, guesses, VERBS);
          if (verbLemmas.size() >= LEMMA_CACHE_MAX) {
            verbLemmas.clear();
          }
          verbLemmas.put(key, lemma);
        }
        out.add(lemma);
      } else {
        out.add(lower);
      }
    }
    return out;
  }

  /** Where a contraction splits: "is|n't", "It|'s", "ca|n't", "you|'re"; -1 when it is not one. */
  static int contractionCut(String token) {
    String t = token.replace('\u2019', '\'');
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.endsWith("n't") && lower.length() > 3) {
      return t.length() - 3;
    }
    int apostrophe = t.lastIndexOf('\'');
    if (apostrophe > 0 && apostrophe < t.length() - 1) {
      String tail = lower.substring(apostrophe);
      if (tail.equals("'s") || tail.equals("'re") || tail.equals("'ve") || tail.equals("'ll") || tail.equals("'d")
          || tail.equals("'m")) {
        return apostrophe;
      }
    }
    return -1;
  }

  /** For each token, the index of the noun span it lies in, or -1. */
  private static int[] entityOfToken(Span[] spans, List<CharSpan> nouns) {
    int[] out = new int[spans.length];
    Arrays.fill(out, -1);
    for (int k = 0; k < nouns.size(); k++) {
      CharSpan n = nouns.get(k);
      for (int i = 0; i < spans.length; i++) {
        if (spans[i].getStart() < n.end() && spans[i].getEnd() > n.start()) {
          out[i] = k;
        }
      }
    }
    return out;
  }

  private String[] tagWithMasks(String[] tokens, int[] entity) {
    if (masking == Masking.NONE || Arrays.stream(entity).allMatch(e -> e < 0)) {
      return tagger.tag(tokens);
    }
    List<String> masked = new ArrayList<>(tokens.length);
    int[] index = new int[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      if (entity[i] >= 0 && i > 0 && entity[i - 1] == entity[i]) {
        index[i] = masked.size() - 1;
        continue;
      }
      index[i] = masked.size();
      if (entity[i] < 0) {
        masked.add(tokens[i]);
      } else {
        boolean clauseStart = i == 0 || isClauseOpener(tokens[i - 1]);
        String mask = masking == Masking.SUBJECT_PRONOUN && clauseStart && opensVerb(tokens, entity, i) ? "it"
            : "calcium";
        masked.add(i == 0 ? Character.toUpperCase(mask.charAt(0)) + mask.substring(1) : mask);
      }
    }
    String[] maskedTags = tagger.tag(masked.toArray(new String[0]));
    String[] tags = new String[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      tags[i] = maskedTags[index[i]];
    }
    return tags;
  }

  private static boolean isClauseOpener(String previous) {
    return previous.equals(",") || previous.equals(":") || previous.equals(";") || previous.equals("(")
        || switch (previous.toLowerCase(Locale.ROOT)) {
          case "and", "but", "or", "that", "when", "if", "while", "because", "although", "since", "as", "so" -> true;
          default -> false;
        };
  }

  /** Whether the token after the span starting at {@code i} is a lower-case word (likely the verb). */
  private static boolean opensVerb(String[] tokens, int[] entity, int i) {
    int j = i;
    while (j < tokens.length && entity[j] == entity[i]) {
      j++;
    }
    return j < tokens.length && Character.isLowerCase(tokens[j].charAt(0));
  }

  /**
   * Re-tags as VERB a token from the verb list that the model tagged NOUN, ADJ or PROPN when it follows a noun or an
   * entity (its subject), precedes an object or a preposition, and its clause has no other verb: "Cobalamin cures
   * anemia", "B12 injections reverse neuropathy".
   */
  private static void repairVerbs(String[] tokens, String[] tags, int[] entity) {
    for (int i = 0; i + 1 < tokens.length; i++) {
      String tag = tags[i];
      if (entity[i] >= 0) {
        continue;
      }
      String word = tokens[i].toLowerCase(Locale.ROOT);
      if (i > 0 && !tag.equals("VERB") && !tag.equals("AUX") && SINGULAR_PRONOUNS.contains(tokens[i - 1])
          && tags[i - 1].equals("PRON") && word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")
          && (tags[i + 1].equals("ADP") || tags[i + 1].equals("DET") || tags[i + 1].equals("NUM"))
          && !clauseHasVerb(tags, tokens, i, false)) {
        // "It accounts for about 90% of cases": a singular pronoun's -s word before a preposition is its verb.
        tags[i] = "VERB";
        continue;
      }
      if (i > 0 && (tag.equals("ADV") || tag.equals("NOUN") || tag.equals("ADJ")) && !word.endsWith("ly")
          && OBJECT_PRONOUNS.contains(tokens[i + 1].toLowerCase(Locale.ROOT)) && tags[i + 1].equals("PRON")
          && (tags[i - 1].equals("NOUN") || tags[i - 1].equals("PROPN") || entity[i - 1] >= 0)
          && !clauseHasVerb(tags, tokens, i, false)) {
        // "About 20% of children with peanut allergy outgrow it": a word between a noun and an object pronoun, in a
        // clause with no verb, is its verb.
        tags[i] = "VERB";
        continue;
      }
      if (tag.equals("VERB") && HAVE.contains(word) && tags[i + 1].equals("VERB")
          && PARTICIPLE.matcher(tokens[i + 1].toLowerCase(Locale.ROOT)).matches()) {
        // "Some studies have linked X to Y": the perfect's auxiliary, not the clause's verb (the relation was "have").
        tags[i] = "AUX";
        continue;
      }
      if (tag.equals("VERB") && STUDY_NOUNS.contains(tokens[i].toLowerCase(Locale.ROOT))
          && (tags[i + 1].equals("VERB") || tags[i + 1].equals("AUX"))) {
        // "..., but studies show it is safe": the noun before the verb, not a second verb of the clause's subject
        // (it made "Coffee studies show it is safe").
        tags[i] = "NOUN";
        continue;
      }
      if (i == 0 || i == 1 && tags[0].equals("ADV")) {
        String first = tokens[i].toLowerCase(Locale.ROOT);
        if (MODALS.contains(first) && !first.equals("to") && !tag.equals("AUX") && (tags[i + 1].equals("VERB")
            || tags[i + 1].equals("AUX") || tags[i + 1].equals("ADV"))) {
          tags[i] = "AUX";
        }
        // A subjectless clause (a table cell, a list item): "Responds well to ...", "Often presents as ...".
        String base = verbBase(first);
        if (base != null && !base.equals(first) && !tag.equals("VERB") && !tag.equals("AUX")
            && (i == 1 || tags[i + 1].equals("ADV"))) {
          tags[i] = "VERB";
        }
        // A noun the model took for an order: before a verb's -s form ("Spinach contains a lot of calcium"), or before
        // its own noun or adjective and the clause's auxiliary ("Stomach upset with ibuprofen is common").
        if (i == 0 && tag.equals("VERB") && base == null && !ORDER_VERBS.contains(first) && !first.endsWith("ing")
            && !first.endsWith("ed") && (tokens.length > 2 && tags[1].equals("VERB") && thirdPerson(tokens[1])
            || (tags[1].equals("NOUN") || tags[1].equals("ADJ")) && auxiliaryNear(tokens, tags))) {
          tags[0] = "NOUN";
        }
        // An order: "Hold an ice pack against it", "Rest the joint": a listed verb's base form that the model took
        // for a name or a noun, before a determiner (a noun is not followed by one).
        if (i == 0 && (first.equals(base) || ORDER_VERBS.contains(first)) && (tag.equals("PROPN") || tag.equals("NOUN"))
            && ORDER_OBJECTS.contains(tokens[1].toLowerCase(Locale.ROOT))) {
          tags[i] = "VERB";
        }
        if (i == 0) {
          continue;
        }
      }
      String lower = tokens[i].toLowerCase(Locale.ROOT);
      // "May occur ...", "Can be sudden": a modal the model took for a name or a noun.
      if (MODALS.contains(lower) && !tag.equals("AUX") && !lower.equals("to") && (tags[i + 1].equals("VERB")
          || tags[i + 1].equals("AUX") || tags[i + 1].equals("ADV") || tokens[i + 1].equalsIgnoreCase("not"))) {
        tags[i] = "AUX";
        continue;
      }
      // "is involved in", "are caused by": a participle after a form of "be" and before a preposition.
      if (tag.equals("ADJ") && lower.endsWith("ed") && BE.contains(tokens[i - 1].toLowerCase(Locale.ROOT))
          && tags[i + 1].equals("ADP")) {
        tags[i] = "VERB";
        continue;
      }
      if (tag.equals("VERB") && NOUN_ENDING.matcher(lower).find() && verbBase(lower) == null) {
        // "Early diagnosis is vital": a noun by its ending, never a verb.
        tags[i] = "NOUN";
        continue;
      }
      if (!(tag.equals("NOUN") || tag.equals("ADJ") || tag.equals("PROPN") || tag.equals("ADV")
          || tag.equals("SCONJ"))) {
        continue;
      }
      String base = verbBase(lower);
      if (base == null) {
        continue;
      }
      // "can damage nerves", "helps form myelin": a listed verb in its base form after a modal or "help".
      String before = tokens[i - 1].toLowerCase(Locale.ROOT);
      if (base.equals(lower) && (MODALS.contains(before) || before.equals("help") || before.equals("helps")
          || before.equals("helped"))) {
        tags[i] = "VERB";
        continue;
      }
      boolean thirdPerson = !base.equals(lower);
      int s = i - 1;
      while (s > 0 && tags[s].equals("ADV")) {
        // "Iron supplements often cause constipation": the subject is before the adverbs.
        s--;
      }
      String prevTag = tags[s];
      boolean subjectBefore = entity[s] >= 0 || prevTag.equals("NOUN") || prevTag.equals("PROPN")
          || prevTag.equals("PRON") && !thirdPerson;
      // "Taking aspirin daily lowers the risk": the gerund phrase before the verb is its subject.
      boolean gerund = thirdPerson && gerundSubject(tokens, tags, i);
      subjectBefore |= gerund;
      if (!subjectBefore || !thirdPerson && !pluralSubject(tokens, tags, entity, s)) {
        continue;
      }
      String nextTag = tags[i + 1];
      boolean objectAfter = entity[i + 1] >= 0 || switch (nextTag) {
        case "DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "ADP", "ADV", "SCONJ" -> true;
        default -> false;
      };
      if (!objectAfter || clauseHasVerb(tags, tokens, i, gerund)) {
        continue;
      }
      tags[i] = "VERB";
    }
  }

  /** Verbs of orders and advice besides the verb list's: "Take", "Keep", "Avoid". */
  private static final Set<String> ORDER_VERBS = Set.of("hold", "rest", "take", "keep", "avoid", "drink", "eat",
      "apply", "wash", "use", "put", "place", "wear", "try", "ask", "see", "call", "check", "choose", "give", "get",
      "make", "follow", "start", "store", "swap", "add", "cover", "book", "tell", "let", "find", "bring", "leave");

  /** Whether a word is a listed verb's -s form ("contains"). */
  private static boolean thirdPerson(String token) {
    String lower = token.toLowerCase(Locale.ROOT);
    String base = verbBase(lower);
    return base != null && !base.equals(lower);
  }

  /** Whether an auxiliary follows the sentence's first two words before a comma, within five more. */
  private static boolean auxiliaryNear(String[] tokens, String[] tags) {
    for (int k = 2; k < Math.min(tokens.length, 7) && !tokens[k].equals(","); k++) {
      if (tags[k].equals("AUX")) {
        return true;
      }
    }
    return false;
  }

  /** What follows an order's verb: "Hold an ice pack", "Rest the joint", "Keep your feet warm". */
  private static final Set<String> ORDER_OBJECTS = Set.of("a", "an", "the", "your", "it", "them", "this", "these",
      "some", "any", "plenty", "yourself");

  private static final Set<String> HAVE = Set.of("have", "has", "had");
  private static final Set<String> SINGULAR_PRONOUNS = Set.of("It", "it", "He", "he", "She", "she", "This", "this");
  private static final Set<String> OBJECT_PRONOUNS = Set.of("it", "them");
  private static final Pattern PARTICIPLE = Pattern.compile("\\p{L}{2,}(?:ed|en|wn)");

  private static final Pattern NOUN_ENDING = Pattern.compile("(tion|sion|sis|ment|ness|ity|ance|ence|ism)s?$");
  private static final Set<String> BE = Set.of("is", "are", "was", "were", "be", "been", "being", "'s", "'re");
  private static final Set<String> MODALS = Set.of("can", "could", "may", "might", "will", "would", "should", "must",
      "does", "do", "did", "to", "cannot");
  private static final Set<String> SUBORDINATORS = Set.of("when", "if", "while", "because", "although", "though",
      "that", "which", "who", "whereas", "since", "unless", "until", "before", "after", "as");

  /** Whether the subject ending at token {@code end} is plural: "injections", "they", "B6 and B12". */
  private static boolean pluralSubject(String[] tokens, String[] tags, int[] entity, int end) {
    String lower = tokens[end].toLowerCase(Locale.ROOT);
    if (entity[end] < 0 && lower.equals("they")) {
      return true;
    }
    if (lower.endsWith("s") && !lower.endsWith("ss") && lower.length() > 3) {
      return true;
    }
    for (int j = end - 1; j >= 0; j--) {
      if (tags[j].equals("VERB") || tags[j].equals("AUX") || tokens[j].equals(",")) {
        return false;
      }
      if (tokens[j].equalsIgnoreCase("and")) {
        return true;
      }
      String w = tokens[j].toLowerCase(Locale.ROOT);
      int kind = w.equals("like") || w.equals("including") ? j - 1
          : w.equals("as") && j > 0 && tokens[j - 1].equalsIgnoreCase("such") ? j - 2 : -1;
      if (kind >= 0 && end - j <= 5) {
        // "Statins such as atorvastatin lower cholesterol": the head is the kind before its examples.
        String head = tokens[kind].toLowerCase(Locale.ROOT);
        return head.endsWith("s") && !head.endsWith("ss") && head.length() > 3;
      }
      if (tokens[j].equalsIgnoreCase("of") && j > 0 && end - j <= 4) {
        // "Very high levels of physical activity increase mortality": the head is before "of".
        String head = tokens[j - 1].toLowerCase(Locale.ROOT);
        return head.endsWith("s") && !head.endsWith("ss") && head.length() > 3 && tags[j - 1].equals("NOUN");
      }
    }
    return false;
  }

  /**
   * Whether the tokens before {@code i} are a gerund phrase that opens the sentence or a clause ("Taking aspirin
   * daily", "..., but eating late"): a verb in "-ing" first, then no finite verb, clause break or subordinator up to
   * {@code i}.
   */
  private static boolean gerundSubject(String[] tokens, String[] tags, int i) {
    for (int j = i - 1; j >= 0; j--) {
      String t = tokens[j];
      String lower = t.toLowerCase(Locale.ROOT);
      boolean opens = j == 0 || isClauseOpener(tokens[j - 1]);
      if (opens && tags[j].equals("VERB") && lower.endsWith("ing") && lower.length() > 4) {
        return true;
      }
      if (t.equals(",") || t.equals(";") || t.equals(":") || tags[j].equals("AUX") || SUBORDINATORS.contains(lower)
          || tags[j].equals("VERB") && !lower.endsWith("ing") && !(j > 0 && tokens[j - 1].equalsIgnoreCase("to"))) {
        return false;
      }
    }
    return false;
  }

  /** Plural nouns of research the model takes for verbs before the verb they are the subject of: "studies show". */
  private static final Set<String> STUDY_NOUNS = Set.of("studies", "trials", "tests", "reviews", "results", "reports",
      "findings", "surveys", "experiments", "analyses", "experts", "researchers", "scientists");

  /** Whether {@code lower} is a verb of {@code verbs.txt} or its -s form ("report", "improves"). */
  public static boolean isListedVerb(String lower) {
    return verbBase(lower) != null;
  }

  /** The base form when {@code lower} is a listed verb or its -s form, else null. */
  static String verbBase(String lower) {
    if (VERBS.contains(lower)) {
      return lower;
    }
    if (lower.endsWith("ies") && VERBS.contains(lower.substring(0, lower.length() - 3) + "y")) {
      return lower.substring(0, lower.length() - 3) + "y";
    }
    if (lower.endsWith("es") && VERBS.contains(lower.substring(0, lower.length() - 2))) {
      return lower.substring(0, lower.length() - 2);
    }
    if (lower.endsWith("s") && VERBS.contains(lower.substring(0, lower.length() - 1))) {
      return lower.substring(0, lower.length() - 1);
    }
    // Verbs made with -ize ("optimizes insulin sensitivity", "minimizes complications"): a word class of its own, few
    // of them nouns ("prize", "oversize": eight letters at least, and the list's exceptions).
    for (String end : IZE_ENDINGS) {
      if (lower.endsWith(end) && lower.length() - end.length() + 3 >= 8 && lower.indexOf('-') < 0) {
        String base = lower.substring(0, lower.length() - end.length()) + "ize";
        if (!NOT_IZE_VERBS.contains(base)) {
          return base;
        }
      }
    }
    String american = Spelling.iseToIze(lower);
    return american.equals(lower) ? null : verbBase(american);
  }

  private static final String[] IZE_ENDINGS = {"ize", "izes"};

  /** Words of eight letters or more in -ize that are not verbs. */
  private static final Set<String> NOT_IZE_VERBS = Set.of("oversize", "undersize", "lifesize");

  private static boolean clauseHasVerb(String[] tags, String[] tokens, int except, boolean gerund) {
    for (int dir = -1; dir <= 1; dir += 2) {
      // Forward, only near: a verb far after is a relative clause's ("Metformin lowers blood sugar mainly by reducing
      // the amount of glucose your liver makes").
      int end = dir > 0 ? Math.min(tags.length, except + 7) : tags.length;
      for (int j = except + dir; j >= 0 && j < end; j += dir) {
        String t = tokens[j];
        if (t.equals(",") || t.equals(";") || t.equals(":") || tags[j].equals("SCONJ") || tags[j].equals("CCONJ")
            || SUBORDINATORS.contains(t.toLowerCase(Locale.ROOT))) {
          break;
        }
        // A gerund or participle ("Relying on ...") is no clause's verb, nor, in a gerund subject, an infinitive
        // ("Relying on a reliever alone to control asthma raises the risk").
        boolean nonFinite = tags[j].equals("VERB") && (t.toLowerCase(Locale.ROOT).endsWith("ing")
            && (j == 0 || !tags[j - 1].equals("AUX")) || gerund && j < except && j > 0
            && tokens[j - 1].equalsIgnoreCase("to"));
        if ((tags[j].equals("VERB") || tags[j].equals("AUX")) && !nonFinite) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasCapitalOrDigit(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (Character.isUpperCase(c) || Character.isDigit(c)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> loadWords(String resource) {
    Set<String> set = new HashSet<>();
    try (InputStream in = Annotator.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " missing from the claimcheck jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          set.add(line.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(set);
  }
}
