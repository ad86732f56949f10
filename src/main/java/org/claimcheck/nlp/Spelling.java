package org.claimcheck.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Thread-safe (stateless). British spellings and their American ones. Health pages from the UK, Ireland, Australia, New
 * Zealand and India write "anaemia", "tumour", "randomised", "oestrogen", "fibre"; most abstracts write "anemia",
 * "tumor", "randomized" (in SciFact's corpus a sixth to a third of each word's mentions are British). The tagger,
 * taught on American text, takes most -ise verbs for nouns ({@link #iseToIze}); search matches one spelling against the
 * other only when both are analysed to the same term ({@link #american}).
 */
public final class Spelling {
  /** Endings of British -ise / -yse forms: the character before each is "i" or "y", the one after it "s". */
  private static final String[] ISE_ENDINGS = {"isations", "isation", "ising", "ises", "ised", "ise", "ysing", "ysed",
      "yse"};
  /** Words spelled -ise in American English too (base forms; their -s, -d and -ing forms follow). */
  private static final Set<String> ISE_ALWAYS = Set.of("advertise", "advise", "apprise", "arise", "chastise",
      "circumcise", "comprise", "compromise", "demise", "despise", "devise", "disguise", "enterprise", "excise",
      "exercise", "expertise", "franchise", "improvise", "incise", "merchandise", "premise", "promise", "revise",
      "supervise", "surmise", "surprise", "televise", "otherwise", "likewise", "clockwise", "concise", "precise",
      "paradise", "treatise", "reprise", "appraise", "praise", "bruise", "cruise", "malaise", "mayonnaise",
      "tortoise", "porpoise", "turquoise", "valise", "chemise", "mortise", "noise", "raise", "poise", "guise",
      "anise", "wise", "rise", "prise", "cerise", "sunrise", "upraise", "uprise", "braise", "counterclockwise",
      "anticlockwise", "streetwise", "unwise", "edgewise", "lengthwise", "crosswise", "exorcise", "misadvise",
      "practise");
  /** Parts of words spelled with a digraph in British English: "haemoglobin", "paediatric", "diarrhoea". */
  private static final String[][] INSIDE = {{"haem", "hem"}, {"aemi", "emi"}, {"paed", "ped"}, {"rrhoea", "rrhea"},
      {"pnoea", "pnea"}, {"anaesth", "anesth"}, {"paraesth", "paresth"}, {"gynaec", "gynec"}, {"homoeo", "homeo"},
      {"coeliac", "celiac"}, {"oesophag", "esophag"}, {"manoeuv", "maneuv"}, {"sulph", "sulf"}};
  /** Word openings: "oedema", "oestrogen", "foetus", "faeces", "caesarean", "aetiology". */
  private static final String[][] OPENINGS = {{"oedem", "edem"}, {"oestr", "estr"}, {"foet", "fet"}, {"faec", "fec"},
      {"caesar", "cesar"}, {"caec", "cec"}, {"aetiol", "etiol"}, {"leucocyt", "leukocyt"}};
  /** Words in -our whose American spelling is -or, with what follows ("behavioural", "tumours", "favourable"). */
  private static final String[] OUR_WORDS = {"tumour", "behaviour", "colour", "flavour", "labour", "humour", "odour",
      "vapour", "favour", "rigour", "vigour", "rumour", "neighbour", "honour", "savour", "harbour"};
  /** Whole words spelled otherwise. */
  private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("fibre", "fiber"),
      Map.entry("fibres", "fibers"), Map.entry("centre", "center"), Map.entry("centres", "centers"),
      Map.entry("centred", "centered"), Map.entry("litre", "liter"), Map.entry("litres", "liters"),
      Map.entry("millilitre", "milliliter"), Map.entry("millilitres", "milliliters"), Map.entry("metre", "meter"),
      Map.entry("metres", "meters"), Map.entry("centimetre", "centimeter"), Map.entry("centimetres", "centimeters"),
      Map.entry("theatre", "theater"), Map.entry("theatres", "theaters"), Map.entry("programme", "program"),
      Map.entry("programmes", "programs"), Map.entry("ageing", "aging"), Map.entry("aluminium", "aluminum"),
      Map.entry("mould", "mold"), Map.entry("moulds", "molds"), Map.entry("licence", "license"),
      Map.entry("defence", "defense"), Map.entry("defences", "defenses"), Map.entry("offence", "offense"),
      Map.entry("practise", "practice"), Map.entry("practised", "practiced"), Map.entry("practising", "practicing"),
      Map.entry("judgement", "judgment"), Map.entry("grey", "gray"));

  /** Endings of the whole words {@link #WORDS} changes, for {@link #mayChange}. */
  private static final String[] WORD_ENDINGS = {"bre", "bres", "tre", "tres", "tred", "cence", "fence", "fences",
      "mould", "moulds", "grey"};

  static {
    // mayChange must let every word that american changes through.
    List<String> words = new ArrayList<>(WORDS.keySet());
    for (String[] entry : INSIDE) {
      words.add("x" + entry[0] + "x");
    }
    for (String[] entry : OPENINGS) {
      words.add(entry[0] + "x");
    }
    words.addAll(List.of(OUR_WORDS));
    for (String end : ISE_ENDINGS) {
      words.add("xxxx" + end);
    }
    for (String w : words) {
      if (!mayChange(w.toCharArray(), w.length())) {
        throw new IllegalStateException("Spelling.mayChange misses " + w);
      }
    }
  }

  private Spelling() {}

  /**
   * Whether {@link #american} may change the lower-case word in {@code b[0, n)}: false for most words, found from
   * their letters without allocating (the class checks, when it loads, that every word of its tables gets through).
   */
  public static boolean mayChange(char[] b, int n) {
    if (n < 4) {
      return false;
    }
    for (String end : ISE_ENDINGS) {
      if (endsWith(b, n, end)) {
        return true;
      }
    }
    for (int i = 0; i + 1 < n; i++) {
      char c = b[i];
      char d = b[i + 1];
      if (d == 'e' && (c == 'a' || c == 'o')) {
        // "anaemia", "paediatric", "oedema", "diarrhoea" (and "does", "goes": few words).
        return true;
      }
      if (i + 2 < n && (c == 'o' && d == 'u' && b[i + 2] == 'r' || c == 'l' && d == 'p' && b[i + 2] == 'h'
          || c == 'm' && d == 'm' && b[i + 2] == 'e' || c == 'e' && d == 'i' && b[i + 2] == 'n'
          || c == 'i' && d == 'u' && b[i + 2] == 'm' || c == 'g' && d == 'e' && b[i + 2] == 'm')) {
        // "tumour", "sulphate", "programme", "ageing", "aluminium", "judgement".
        return true;
      }
    }
    // "fibre", "centres", "centred", "licence", "defences", "mould", "grey", "leucocyte".
    for (String end : WORD_ENDINGS) {
      if (endsWith(b, n, end)) {
        return true;
      }
    }
    return b[0] == 'l' && b[1] == 'e' && b[2] == 'u' && b[3] == 'c';
  }

  private static boolean endsWith(char[] b, int n, String end) {
    int k = end.length();
    if (n < k) {
      return false;
    }
    for (int i = 0; i < k; i++) {
      if (b[n - k + i] != end.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A British -ise or -yse spelling's American one ("stabilise" "stabilize", "Minimised" "Minimized", "analysed"
   * "analyzed"), case kept, or the token itself. Words spelled -ise in American English too ("exercise", "advise",
   * "comprise"), words of five letters or fewer ("raise", "noise") and "analyses" (as often the plural of "analysis")
   * stay.
   */
  public static String iseToIze(String token) {
    int n = token.length();
    if (n < 6 || !mayEndInIse(token, n)) {
      return token;
    }
    String lower = token.toLowerCase(Locale.ROOT);
    for (String end : ISE_ENDINGS) {
      if (lower.endsWith(end)) {
        int s = n - end.length() + 1;
        String base = lower.substring(lower.lastIndexOf('-') + 1, s + 1) + "e";
        boolean british = end.charAt(0) == 'i' ? !iseAlways(base) : base.endsWith("lyse");
        if (!british || base.length() < 6) {
          return token;
        }
        return token.substring(0, s) + (Character.isUpperCase(token.charAt(s)) ? 'Z' : 'z') + token.substring(s + 1);
      }
    }
    return token;
  }

  /**
   * Whether a base form in -ise is spelled so in American English too: one of {@link #ISE_ALWAYS} or a word ending in
   * one ("immunocompromise", "unsupervise", "disenfranchise", "imprecise"), an adverb in -wise ("stepwise",
   * "pairwise"), or a name or noun in -uise / -oise / -aise ("Louise", "turquoise", "malaise").
   */
  private static boolean iseAlways(String base) {
    if (ISE_ALWAYS.contains(base) || base.endsWith("wise") || base.endsWith("uise") || base.endsWith("oise")
        || base.endsWith("aise")) {
      return true;
    }
    for (String w : ISE_ALWAYS) {
      if (w.length() >= 6 && base.endsWith(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a token may end like one of {@link #ISE_ENDINGS}, whatever its case, without allocating: the tagger asks
   * this of every token.
   */
  private static boolean mayEndInIse(String token, int n) {
    for (String end : ISE_ENDINGS) {
      if (token.regionMatches(true, n - end.length(), end, 0, end.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A lower-case word in American spelling, or the word itself (the same instance when nothing changes): -ise / -yse
   * ({@link #iseToIze}), "ae" and "oe" ("anaemia", "paediatric", "oedema", "diarrhoea"), -our ("tumour",
   * "behavioural"), -re ("fibre", "centre") and a few words of their own ("programme", "ageing", "practise").
   */
  public static String american(String lower) {
    String w = WORDS.get(lower);
    if (w != null) {
      return w;
    }
    if (lower.length() < 4) {
      return lower;
    }
    w = iseToIze(lower);
    for (String[] o : OPENINGS) {
      if (w.startsWith(o[0])) {
        w = o[1] + w.substring(o[0].length());
        break;
      }
    }
    if (w.indexOf('e') >= 0) {
      for (String[] p : INSIDE) {
        int at = w.indexOf(p[0]);
        if (at >= 0) {
          w = w.substring(0, at) + p[1] + w.substring(at + p[0].length());
        }
      }
    }
    int our = w.indexOf("our");
    if (our > 0) {
      for (String word : OUR_WORDS) {
        int at = w.indexOf(word);
        if (at >= 0) {
          at += word.length() - 3;
          w = w.substring(0, at) + "or" + w.substring(at + 3);
          break;
        }
      }
    }
    return w.equals(lower) ? lower : w;
  }
}
