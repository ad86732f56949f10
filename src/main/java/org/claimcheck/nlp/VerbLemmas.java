package org.claimcheck.nlp;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Thread-safe (stateless). Checks the lemmatizer's guesses for a verb form against English inflection. The OpenNLP
 * lemmatizer predicts an edit of the word's ending, and out of context it often cuts too much or too little:
 * "blamed" gave "blam", "watches" "watc", "absorbs" "abso", "improves" "improv", "worsens" "worse", "harmed" stayed
 * "harmed". A form with a regular ending ("-s", "-ed", "-ing") has a few possible bases ("blamed": "blame", not "blam",
 * which would make "blammed"); the lemma is a listed verb among them, else the first guess among them, or else the
 * likeliest by rule. A form without a regular ending ("made", "ran", "led", "has") keeps the model's guess.
 */
final class VerbLemmas {
  private VerbLemmas() {}

  /**
   * The lemma of the lower-case verb form {@code form}, from the lemmatizer's guesses (best first; may be empty) and
   * the verbs known to be verbs ({@code known}, base forms).
   */
  static String choose(String form, List<String> guesses, Set<String> known) {
    String contracted = CONTRACTIONS.get(form);
    if (contracted != null) {
      return contracted;
    }
    if (known.contains(form)) {
      // "lower" (the model gave "low"), "spread".
      return form;
    }
    Set<String> bases = regularBases(form);
    if (bases.isEmpty()) {
      return guesses.isEmpty() || !wordLike(guesses.getFirst()) ? form : guesses.getFirst();
    }
    List<String> clean = guesses.stream().filter(VerbLemmas::wordLike).toList();
    for (String b : bases(form, false)) {
      if (known(b, known)) {
        return b;
      }
    }
    String first = clean.isEmpty() ? null : clean.getFirst();
    if (first != null && bases.contains(first)) {
      return first;
    }
    if (first != null && form.length() <= 4 && !form.startsWith(first) && hasVowel(first)) {
      // A short irregular form that looks regular: "sees" (see), "does" (do).
      return first;
    }
    for (String g : clean) {
      if (bases.contains(g)) {
        return g;
      }
    }
    return bases.iterator().next();
  }

  private static final Pattern COMPOUND_LIE = Pattern.compile("(under|over|out|be)l(?:ies|ying|ied)");

  /** Prefixes a known verb keeps: "unchanged" is "un" + "change", "reprogrammed" "re" + "program". */
  private static final List<String> PREFIXES = List.of("re", "un", "over", "under", "mis", "dis", "pre", "co", "de",
      "out", "up", "counter", "inter", "trans", "sub", "super", "hyper", "hypo", "dys");

  private static boolean known(String base, Set<String> known) {
    if (known.contains(base)) {
      return true;
    }
    for (String p : PREFIXES) {
      if (base.length() > p.length() + 2 && base.startsWith(p) && known.contains(base.substring(p.length()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Contracted auxiliaries, split from their word by the tagger: the model gave "+be" for "'re" and "+we" for "’s".
   * "'s" and "'d" may be "has" and "had" too; "be" and "would" are the likelier.
   */
  private static final Map<String, String> CONTRACTIONS = Map.of("'s", "be", "'re", "be", "'m", "be", "'ve", "have",
      "'ll", "will", "'d", "would", "ca", "can", "wo", "will", "n't", "not");

  /** A lemma the model did not mangle: not "+be", "e+not", "_" or "O" (its empty class). */
  private static boolean wordLike(String s) {
    return !s.isEmpty() && !s.equals("O") && s.indexOf('+') < 0 && s.indexOf('_') < 0 && s.indexOf(' ') < 0;
  }

  /**
   * The bases {@code form} is a regular inflection of, likeliest first: "watches" gives "watch", "blamed" "blame" (not
   * "blam", which would make "blammed"), "harmed" "harm" and "harme" (spelling cannot tell), "stopping" "stop". Empty
   * when the form has no regular ending ("made", "is", "focus", "bring", "need", "led").
   */
  static Set<String> regularBases(String form) {
    return bases(form, true);
  }

  /**
   * {@link #regularBases}, or with {@code strict} false also the bases spelling rules make unlikely but not impossible
   * ("combat" for "combated", though "-ated" is mostly "-ate"): those a list of known verbs may confirm.
   */
  private static Set<String> bases(String form, boolean strict) {
    Set<String> out = new LinkedHashSet<>();
    int n = form.length();
    if (n < 3 || !form.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
      return out;
    }
    Matcher lie = COMPOUND_LIE.matcher(form);
    if (lie.matches()) {
      // "underlies", "underlying": "underlie", not "underly".
      add(out, lie.group(1) + "lie");
      return out;
    }
    if (form.endsWith("s")) {
      if (form.endsWith("ss") || form.endsWith("us") || form.endsWith("is") || form.endsWith("as")) {
        return out;
      }
      String stem = form.substring(0, n - 1);
      if (form.endsWith("ies") && n > 4) {
        add(out, form.substring(0, n - 3) + "y");
      } else if (form.endsWith("es")) {
        String noEs = form.substring(0, n - 2);
        if (noEs.endsWith("ss") || noEs.endsWith("x") || noEs.endsWith("zz") || noEs.endsWith("sh")) {
          add(out, noEs);
        } else if (noEs.endsWith("o")) {
          // "goes", "undergoes".
          add(out, noEs);
        } else if (noEs.endsWith("ch")) {
          // "watches"; "aches".
          add(out, noEs);
          add(out, stem);
        } else {
          // "causes", "freezes"; "focuses", "biases".
          add(out, stem);
          if (noEs.endsWith("s") || noEs.endsWith("z")) {
            add(out, noEs);
          }
        }
      } else {
        add(out, stem);
      }
      return out;
    }
    String stem;
    if (form.endsWith("eed")) {
      // "need", "exceed", "agreed", "freed": the model tells these apart better than a rule.
      return out;
    } else if (form.endsWith("ied") && n > 4) {
      add(out, form.substring(0, n - 3) + "y");
      return out;
    } else if (form.endsWith("ying") && n == 5) {
      // "dying", "lying", "tying".
      add(out, form.charAt(0) + "ie");
      return out;
    } else if (form.endsWith("ed")) {
      stem = form.substring(0, n - 2);
    } else if (form.endsWith("ing") && n > 4) {
      stem = form.substring(0, n - 3);
    } else {
      return out;
    }
    if (!hasVowel(stem)) {
      // "bring", "string", "shed", "fled", "led": no regular base (and "led", "fled" are irregular).
      return out;
    }
    int m = stem.length();
    char last = stem.charAt(m - 1);
    if (m >= 3 && last == stem.charAt(m - 2) && !isVowel(last) && last != 'y') {
      // A doubled consonant: "stopped" (stop), "compelled" (compel), "killed" (kill), "added" (add), "assessed".
      String single = stem.substring(0, m - 1);
      boolean doubled = endsConsonantVowelConsonant(single)
          && ("sfz".indexOf(last) < 0 && (last != 'l' || syllables(single) > 1))
          || last == 'l' && (single.endsWith("uel") || single.endsWith("ial") || single.endsWith("ual"));
      add(out, doubled ? single : stem);
      if (!strict) {
        add(out, doubled ? stem : single);
      }
      return out;
    }
    if (stem.endsWith("ck") && stem.length() > 4 && syllables(stem) > 1 && stem.charAt(m - 3) == 'i') {
      // "panicked", "mimicking".
      add(out, stem.substring(0, m - 1));
      return out;
    }
    if (needsE(stem)) {
      add(out, stem + "e");
      if (!strict) {
        add(out, stem);
      }
    } else {
      add(out, stem);
      if (!strict || mayTakeE(stem)) {
        add(out, stem + "e");
      }
    }
    return out;
  }

  private static boolean hasVowel(String s) {
    return s.chars().anyMatch(c -> isVowel((char) c) || c == 'y');
  }

  private static void add(Set<String> out, String base) {
    if (base.length() >= 2 && hasVowel(base)) {
      out.add(base);
    }
  }

  /**
   * Whether a stem cannot be a verb without its final "e": "blam" ("blame"; "blam" would double: "blammed"), "typ",
   * "improv", "continu", "induc", "doubl", "caus", "analys", "minimiz", "eliminat", "contribut", "requir", "ensur",
   * "emerg", "manag", "breath", "us".
   */
  private static boolean needsE(String stem) {
    int m = stem.length();
    char last = stem.charAt(m - 1);
    if (isVowel(last) && last != 'u' && last != 'i') {
      return false;
    }
    if (m == 2) {
      // "used", "aged", "owed", "eyed", "dyed".
      return true;
    }
    char before = stem.charAt(m - 2);
    if (endsConsonantVowelConsonant(stem) && syllables(stem) == 1 && "wxy".indexOf(last) < 0) {
      return true;
    }
    boolean vowelBefore = isVowel(before) || before == 'y' && !isVowel(stem.charAt(m - 3));
    switch (last) {
      case 'v', 'u', 'c', 'i' -> {
        return true;
      }
      case 'l' -> {
        return "bcdfgkpstz".indexOf(before) >= 0;
      }
      case 's' -> {
        // "caus", "increas", "analys", "metabolis", "collaps", "rins", "nurs"; not "focus", "bias".
        return "pnrl".indexOf(before) >= 0
            || vowelBefore && !stem.endsWith("ias") && !(stem.endsWith("us") && !isVowel(stem.charAt(m - 3)));
      }
      case 'z' -> {
        return vowelBefore;
      }
      case 'g' -> {
        // "emerg", "judg", "manag", "damag"; not "belong", "chang" (the model knows).
        return before == 'r' || before == 'd' || isVowel(before);
      }
      case 'h' -> {
        // "breath", "sooth", "bath".
        return before == 't' && isVowel(stem.charAt(m - 3));
      }
      case 't' -> {
        // "eliminat", "mediat", "contribut"; not "treat", "float".
        if (before == 'a') {
          return "eoa".indexOf(stem.charAt(m - 3)) < 0;
        }
        return before == 'u' && !isVowel(stem.charAt(m - 3)) && syllables(stem) > 1;
      }
      case 'r' -> {
        // "requir", "acquir", "ensur", "aspir"; not "repair", "pour", "occur" (doubles: "occurred").
        return (before == 'i' || before == 'u') && !vowelAt(stem, m - 3);
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * Whether a verb may end in the stem and an "e" ("harm" + "e" as far as spelling goes): after one consonant behind
   * one vowel, or after "ng", "th", "ach", "ast" ("waste") only; not after two vowels and a consonant ("cook",
   * "boil"; but "create"), "gh", "ck", "sh", "st", "w", "x", "y" or a vowel, nor for stems in "-el", "-er", "-en"
   * or (longer) "-it".
   */
  private static boolean mayTakeE(String stem) {
    int m = stem.length();
    char last = stem.charAt(m - 1);
    if (isVowel(last) || "wxy".indexOf(last) >= 0) {
      return false;
    }
    if (m >= 3 && !isVowel(stem.charAt(m - 3)) && (stem.endsWith("el") || stem.endsWith("er")
        || stem.endsWith("en") && stem.charAt(m - 3) != 'v'
        || stem.endsWith("it") && syllables(stem) > 1)) {
      // "remodel", "differ", "stiffen", "exhibit": verbs in "-ele", "-ere", "-ene" and "-ite" are few ("intervene").
      return false;
    }
    char before = stem.charAt(m - 2);
    if (isVowel(before) || before == 'y' && m >= 3 && !isVowel(stem.charAt(m - 3))) {
      // "cook", "boil": no "e"; "creat" (create) and "treat" both are words.
      return m < 3 || !vowelAt(stem, m - 3) || stem.endsWith("eat");
    }
    String two = stem.substring(m - 2);
    // "chang", "challeng", "plung" take one, "ring", "belong" do not.
    boolean ng = two.equals("ng") && m >= 3 && "aeu".indexOf(stem.charAt(m - 3)) >= 0;
    return ng || two.equals("th") || stem.endsWith("ach") || stem.endsWith("ast");
  }

  private static boolean endsConsonantVowelConsonant(String s) {
    int m = s.length();
    // "y" between consonants is a vowel: "typ", "styl".
    return m >= 3 && !vowelAt(s, m - 3) && s.charAt(m - 3) != 'y'
        && (vowelAt(s, m - 2) || s.charAt(m - 2) == 'y') && !isVowel(s.charAt(m - 1));
  }

  private static int syllables(String s) {
    int groups = 0;
    boolean inVowel = false;
    for (int i = 0; i < s.length(); i++) {
      boolean v = vowelAt(s, i) || s.charAt(i) == 'y' && i > 0;
      if (v && !inVowel) {
        groups++;
      }
      inVowel = v;
    }
    return groups;
  }

  /** A vowel letter at {@code i}, but for the "u" of "qu" and of "gu" before a vowel ("acquir", "equip", "guid"). */
  private static boolean vowelAt(String s, int i) {
    char c = s.charAt(i);
    return isVowel(c) && !(c == 'u' && i > 0 && (s.charAt(i - 1) == 'q'
        || s.charAt(i - 1) == 'g' && i + 1 < s.length() && isVowel(s.charAt(i + 1))));
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }
}
