package org.claimcheck.claim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.claimcheck.ClaimcheckException;

/**
 * Thread-safe (immutable). A small curated lexicon of health concepts and their synonyms ("vitamin B12" = cobalamin =
 * cyanocobalamin = ...). Claim extraction uses it to find the health entities of a sentence and to normalise them;
 * retrieval uses {@link #expand} to add the synonyms of a claim's concepts to its query.
 *
 * <p>The built-in lexicon is {@code org/claimcheck/claim/lexicon.tsv}; its header says how to extend it.
 */
public final class Lexicon {
  /** Words; a hyphen separates words ("B12-related" names B12), an apostrophe does not ("Parkinson's"). */
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]++(?:['\u2019][\\p{L}\\p{N}]++)*+");

  /** A concept: id, type (substance, condition, ...), preferred name and synonyms. */
  public record Concept(String id, String type, String name, List<String> synonyms) {
    public Concept {
      Objects.requireNonNull(id, "id");
      synonyms = List.copyOf(synonyms);
    }
  }

  /** A concept found in a text: the characters [start, end) matched {@code concept}. */
  public record Match(Concept concept, int start, int end, String text) {}

  private final Map<String, Concept> concepts;
  /** First token of a surface form to the forms that start with it, longest first. */
  private final Map<String, List<Form>> index;

  /**
   * One surface form: its normalised tokens and, for a short abbreviation written with two or more capitals ("MS",
   * "SCD", "5-HT"), the tokens as written: those match only with the same case, so "MS" is not "ms" nor "Ms".
   */
  private record Form(List<String> tokens, List<String> exact, Concept concept) {}

  private Lexicon(Map<String, Concept> concepts) {
    this.concepts = Map.copyOf(concepts);
    Map<String, List<Form>> idx = new HashMap<>();
    for (Concept c : concepts.values()) {
      Set<String> surfaces = new LinkedHashSet<>();
      surfaces.add(c.name());
      surfaces.addAll(c.synonyms());
      for (String s : surfaces) {
        List<String> toks = tokens(s);
        if (!toks.isEmpty()) {
          List<String> exact = caseSensitive(s) ? rawTokens(s) : null;
          idx.computeIfAbsent(toks.getFirst(), k -> new ArrayList<>()).add(new Form(toks, exact, c));
        }
      }
    }
    idx.values().forEach(l -> l.sort((a, b) -> Integer.compare(b.tokens().size(), a.tokens().size())));
    this.index = idx;
  }

  private static final class Builtin {
    static final Lexicon INSTANCE = loadBuiltin();
  }

  /** The lexicon that ships with claimcheck. */
  public static Lexicon builtin() {
    return Builtin.INSTANCE;
  }

  /** The built-in lexicon plus the concepts of {@code file} (same format; a concept id given again replaces it). */
  public static Lexicon withFile(Path file) {
    Map<String, Concept> all = new LinkedHashMap<>(builtin().concepts);
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      all.putAll(parse(r, file.toString()));
    } catch (IOException e) {
      throw ClaimcheckException.usage("cannot read the lexicon", file + ": " + e.getMessage(),
          "Give a UTF-8 tab-separated file: id, type, name, synonyms separated by |");
    }
    return new Lexicon(all);
  }

  public Concept concept(String id) {
    return concepts.get(id);
  }

  public int size() {
    return concepts.size();
  }

  /** Every concept, in file order. */
  public List<Concept> concepts() {
    return List.copyOf(concepts.values());
  }

  /**
   * Concepts found in {@code text}, left to right, longest match first, not overlapping. Matching is on whole tokens,
   * case-insensitive except for short abbreviations (see the lexicon header); the last word of a form also matches its
   * plural ("deficiencies", "neuropathies").
   */
  public List<Match> find(String text) {
    List<int[]> spans = new ArrayList<>();
    List<String> toks = new ArrayList<>();
    List<String> raw = new ArrayList<>();
    var m = TOKEN.matcher(text);
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
      toks.add(normalise(m.group()));
      raw.add(m.group().replace('\u2019', '\''));
    }
    List<Match> out = new ArrayList<>();
    int i = 0;
    while (i < toks.size()) {
      Form hit = longest(index.get(toks.get(i)), toks, raw, i);
      String bare = possessive(toks.get(i));
      if (hit == null && bare != null) {
        hit = longest(index.get(bare), toks, raw, i);
      }
      String singular = singular(toks.get(i));
      if (singular != null) {
        Form other = longest(index.get(singular), toks, raw, i);
        if (other != null && (hit == null || other.tokens().size() > hit.tokens().size())) {
          hit = other;
        }
      }
      if (hit == null) {
        i++;
        continue;
      }
      int start = spans.get(i)[0];
      int end = spans.get(i + hit.tokens().size() - 1)[1];
      out.add(new Match(hit.concept(), start, end, text.substring(start, end)));
      i += hit.tokens().size();
    }
    return out;
  }

  private static Form longest(List<Form> forms, List<String> toks, List<String> raw, int i) {
    if (forms == null) {
      return null;
    }
    for (Form f : forms) {
      int n = f.tokens().size();
      if (i + n > toks.size()) {
        continue;
      }
      boolean ok = true;
      for (int k = 0; k < n && ok; k++) {
        String want = f.tokens().get(k);
        String got = toks.get(i + k);
        if (f.exact() != null) {
          ok = raw.get(i + k).equals(f.exact().get(k));
        } else {
          ok = got.equals(want) || k == n - 1 && (want.equals(singular(got)) || want.equals(possessive(got)));
        }
      }
      if (ok) {
        return f;
      }
    }
    return null;
  }

  /** "caffeine's" to "caffeine"; null when not a possessive. */
  static String possessive(String lower) {
    return lower.endsWith("'s") && lower.length() > 3 ? lower.substring(0, lower.length() - 2) : null;
  }

  /** "deficiencies" to "deficiency", "neuropathies" to "neuropathy", "tremors" to "tremor"; null when not plural. */
  static String singular(String lower) {
    int n = lower.length();
    if (n < 4 || !lower.endsWith("s") || lower.endsWith("ss") || lower.endsWith("us") || lower.endsWith("is")) {
      return null;
    }
    if (lower.endsWith("ies")) {
      return lower.substring(0, n - 3) + "y";
    }
    return lower.substring(0, n - 1);
  }

  /** A short abbreviation written with two or more capitals: matched with its case. */
  static boolean caseSensitive(String form) {
    if (form.length() > 6 || form.indexOf(' ') >= 0) {
      return false;
    }
    int capitals = 0;
    for (int i = 0; i < form.length(); i++) {
      if (Character.isUpperCase(form.charAt(i))) {
        capitals++;
      }
    }
    return capitals >= 2;
  }

  private static List<String> rawTokens(String s) {
    List<String> out = new ArrayList<>();
    var m = TOKEN.matcher(s);
    while (m.find()) {
      out.add(m.group().replace('\u2019', '\''));
    }
    return out;
  }

  /** The synonyms of every concept found in {@code text} that the text does not already say, for query expansion. */
  public List<String> expand(String text) {
    Set<String> out = new LinkedHashSet<>();
    String lower = text.toLowerCase(Locale.ROOT);
    for (Match m : find(text)) {
      Concept c = m.concept();
      if (!lower.contains(c.name().toLowerCase(Locale.ROOT))) {
        out.add(c.name());
      }
      for (String s : c.synonyms()) {
        if (!lower.contains(s.toLowerCase(Locale.ROOT))) {
          out.add(s);
        }
      }
    }
    return List.copyOf(out);
  }

  static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    var m = TOKEN.matcher(s);
    while (m.find()) {
      out.add(normalise(m.group()));
    }
    return out;
  }

  private static String normalise(String token) {
    return token.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
  }

  private static Lexicon loadBuiltin() {
    try (InputStream in = Lexicon.class.getResourceAsStream("lexicon.tsv")) {
      if (in == null) {
        throw new IllegalStateException("lexicon.tsv missing from the claimcheck jar");
      }
      return new Lexicon(parse(new InputStreamReader(in, StandardCharsets.UTF_8), "lexicon.tsv"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the built-in lexicon", e);
    }
  }

  private static Map<String, Concept> parse(Reader reader, String name) throws IOException {
    Map<String, Concept> out = new LinkedHashMap<>();
    BufferedReader r = new BufferedReader(reader);
    int lineNo = 0;
    for (String line; (line = r.readLine()) != null; ) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length < 3 || cols[0].isBlank() || cols[2].isBlank()) {
        throw ClaimcheckException.usage("bad lexicon line", name + ":" + lineNo,
            "Each line needs a concept id, a type and a name, separated by tabs");
      }
      List<String> syn = new ArrayList<>();
      if (cols.length > 3) {
        for (String s : cols[3].split("\\|")) {
          if (!s.isBlank()) {
            syn.add(s.strip());
          }
        }
      }
      out.put(cols[0].strip(), new Concept(cols[0].strip(), cols[1].strip(), cols[2].strip(), syn));
    }
    return out;
  }
}
