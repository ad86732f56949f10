package org.claimcheck.batch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.claimcheck.AtomicFiles;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Json;
import org.claimcheck.Tally;
import org.claimcheck.claim.Claim;
import org.claimcheck.claim.Lexicon;
import org.claimcheck.pubmed.EutilsClient;
import org.claimcheck.pubmed.PubmedDownloads;

/**
 * One per run. The online abstract acquisition: for each claim about to be verified, a PubMed search (E-utilities
 * esearch, Best Match order) built from the claim's health concepts and their synonyms; the PMIDs found that the index
 * does not hold yet are fetched (efetch, in batches, within NCBI's rate limits) and saved as PubMed XML under
 * {@code corpus/pubmed/eutils/}, and those files go to the index stage.
 *
 * <p>Polite by design: the same query is not searched again for {@link Settings#refreshDays} days (searches are
 * remembered in {@code corpus/state/pubmed-searches.json}), a night makes at most {@link Settings#maxSearches}
 * searches (the rest wait for the next night, counted), and a PMID already downloaded or indexed is never fetched
 * again. A failed search or download is counted and the run goes on with what it has.
 */
public final class EutilsAbstracts implements AbstractAcquisition {
  /**
   * Settings of the online acquisition.
   *
   * @param baseUrl where E-utilities lives (NCBI's servers, a mirror, or a test fake)
   * @param email a contact address NCBI can write to about heavy use, or null
   * @param perClaim PMIDs taken from each claim's search, best matches first
   * @param maxSearches searches made in one night at most
   * @param refreshDays a query searched within this many days is not searched again
   * @param attempts tries per request (retries on 429, 5xx and network errors, with backoff)
   */
  public record Settings(URI baseUrl, String email, int perClaim, int maxSearches, int refreshDays, int attempts) {
    public Settings {
      Objects.requireNonNull(baseUrl, "baseUrl");
      if (perClaim < 1 || perClaim > 200) {
        throw new IllegalArgumentException("perClaim must be 1..200: " + perClaim);
      }
      if (maxSearches < 0 || refreshDays < 0) {
        throw new IllegalArgumentException("maxSearches and refreshDays must be >= 0");
      }
      if (attempts < 1 || attempts > 10) {
        throw new IllegalArgumentException("attempts must be 1..10: " + attempts);
      }
    }

    public static Settings defaults() {
      return new Settings(EutilsClient.DEFAULT_BASE, null, 20, 1000, 7, 5);
    }
  }

  private static final Set<String> GENERIC = Set.of("include", "includes", "including", "level", "levels", "people",
      "person", "body", "also", "many", "often", "much", "more", "most", "less", "help", "helps", "cause", "causes",
      "lead", "leads", "make", "makes", "play", "plays", "role", "part", "important", "known", "well", "good", "best",
      "every", "some", "other", "such", "like", "very", "even", "still", "just", "your", "their", "these", "those",
      "which", "while", "when", "what", "where", "whom", "whose", "have", "has", "been", "being", "does", "could",
      "would", "should", "might", "must", "shall", "will", "than", "then", "there", "here", "into", "onto", "from",
      "about", "over", "under", "after", "before", "without", "within", "through");

  private final Settings settings;
  private final String apiKey;
  private final Lexicon lexicon;
  private final int batchSize;

  public EutilsAbstracts(Settings settings, String apiKey, Lexicon lexicon) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.apiKey = apiKey;
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    this.batchSize = 200;
  }

  @Override
  public String describe() {
    return "PubMed E-utilities at " + settings.baseUrl() + " (" + settings.perClaim() + " best matches per claim, "
        + (apiKey == null ? "3" : "10") + " requests/s)";
  }

  /**
   * The PubMed query of a claim: its health concepts (up to three), each as its name or a synonym in title or
   * abstract, joined with AND (a claim naming fewer than two: with the concept of its place in the article,
   * {@link Claim#topic()});
   * when fewer than two concepts are in, the claim's longest other content words join in. Null when the claim has
   * nothing searchable.
   */
  public String query(Claim claim) {
    String text = claim.claim();
    List<String> groups = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<int[]> spans = new ArrayList<>();
    for (Lexicon.Match m : lexicon.find(text)) {
      spans.add(new int[] {m.start(), m.end()});
      if (groups.size() < 3 && seen.add(m.concept().id())) {
        groups.add(group(m.concept()));
      }
    }
    // A claim naming fewer than two concepts is searched with its place's topic (the section's or the article's),
    // which the verifier then requires of its evidence.
    if (groups.size() < 2 && org.claimcheck.verify.Verifier.leansOnItsPlace(claim, lexicon)) {
      for (String id : claim.topic()) {
        Lexicon.Concept c = lexicon.concept(id);
        if (c != null && groups.size() < 3 && seen.add(id)) {
          groups.add(group(c));
        }
      }
    }
    if (groups.size() < 2) {
      List<String> words = contentWords(text, spans);
      words.sort((a, b) -> Integer.compare(b.length(), a.length()));
      for (String w : words) {
        if (groups.size() >= 3) {
          break;
        }
        groups.add(w + "[tiab]");
      }
    }
    return groups.isEmpty() ? null : String.join(" AND ", groups);
  }

  /** A concept as PubMed search terms: its name or up to five of its synonyms, in title or abstract. */
  private static String group(Lexicon.Concept concept) {
    Set<String> surfaces = new LinkedHashSet<>();
    surfaces.add(concept.name());
    for (String s : concept.synonyms()) {
      if (surfaces.size() >= 6) {
        break;
      }
      if (s.length() >= 3) {
        surfaces.add(s);
      }
    }
    List<String> terms = new ArrayList<>();
    for (String s : surfaces) {
      terms.add("\"" + s.replace("\"", "") + "\"[tiab]");
    }
    return terms.size() == 1 ? terms.getFirst() : "(" + String.join(" OR ", terms) + ")";
  }

  private static List<String> contentWords(String text, List<int[]> taken) {
    List<String> out = new ArrayList<>();
    var m = java.util.regex.Pattern.compile("[\\p{L}][\\p{L}\\p{N}-]{3,}").matcher(text);
    outer:
    while (m.find()) {
      for (int[] s : taken) {
        if (m.start() < s[1] && m.end() > s[0]) {
          continue outer;
        }
      }
      String w = m.group().toLowerCase(Locale.ROOT);
      if (!EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w) && !GENERIC.contains(w) && !out.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  @Override
  public List<Path> acquire(Request request) throws IOException {
    Tally searches = request.tallies().apply("pubmed search");
    Tally downloads = request.tallies().apply("pubmed fetch");
    Path stateFile = request.workspace().corpus().resolve("state").resolve("pubmed-searches.json");
    Map<String, Remembered> remembered = load(stateFile, request.warnings());
    LocalDate today = request.date();
    EutilsClient client = new EutilsClient(new EutilsClient.Options(settings.baseUrl(), apiKey, settings.email(),
        settings.attempts(), java.time.Duration.ofSeconds(60)));

    Set<String> pmids = new LinkedHashSet<>();
    // Tonight's outcome per query: a claim searched as another claim was counts as that one did (REUSED when it was
    // searched or remembered; the same skip when the budget was spent: a first night showed "61 REUSED").
    Map<String, String> asked = new LinkedHashMap<>();
    int made = 0;
    boolean changed = false;
    for (Claim c : request.claims()) {
      String q = query(c);
      if (q == null) {
        searches.count("SKIPPED", "nothing to search for in the claim", c.id());
        continue;
      }
      String before = asked.get(q);
      if (before != null) {
        if (before.isEmpty()) {
          searches.count("REUSED");
        } else {
          searches.count("SKIPPED", before, c.id());
        }
        continue;
      }
      asked.put(q, "");
      Remembered r = remembered.get(q);
      // Repeated once refreshDays have passed (a search of 7 days ago is due with the default 7), and when it asked
      // for another number of PMIDs than pubmed.perClaim asks now.
      if (r != null && LocalDate.parse(r.date()).plusDays(settings.refreshDays()).isAfter(today)
          && (r.perClaim() == null || r.perClaim() == settings.perClaim())) {
        pmids.addAll(r.pmids());
        searches.count("REUSED");
        continue;
      }
      if (made >= settings.maxSearches()) {
        asked.put(q, "tonight's search budget is spent (pubmed.maxSearches)");
        searches.count("SKIPPED", asked.get(q), c.id());
        if (r != null) {
          pmids.addAll(r.pmids());
        }
        continue;
      }
      made++;
      try {
        EutilsClient.SearchResult found = client.search(q, settings.perClaim(), "relevance");
        remembered.put(q, new Remembered(today.toString(), found.pmids(), settings.perClaim()));
        changed = true;
        pmids.addAll(found.pmids());
        searches.count("OK");
      } catch (IOException | ClaimcheckException e) {
        searches.count("FAILED", "esearch failed: " + firstLine(e.getMessage()), c.id());
        asked.put(q, "the same search failed tonight for another claim");
        if (r != null) {
          pmids.addAll(r.pmids());
        }
      }
    }
    if (changed) {
      Map<String, Remembered> sorted = new TreeMap<>(remembered);
      AtomicFiles.writeString(stateFile, Json.pretty(sorted) + "\n");
    }
    Path dir = request.workspace().pubmed().resolve("eutils");
    Files.createDirectories(dir);
    PubmedDownloads.Result result = new PubmedDownloads(client, dir).download(pmids, request.indexed(), batchSize,
        downloads);
    return result.files();
  }

  /** A search made: when, what it found, and how many PMIDs it asked for (null: remembered before that was kept). */
  record Remembered(String date, List<String> pmids, Integer perClaim) {
    Remembered {
      // Null when the file gave none or a null among them: such an entry is dropped by load, not the whole file.
      pmids = pmids == null || pmids.stream().anyMatch(Objects::isNull) ? null : List.copyOf(pmids);
    }
  }

  /**
   * The searches remembered in {@code file}. A file that cannot be read as a whole is kept beside it as
   * {@code pubmed-searches.json.damaged} and its searches are made again; an entry without a valid date or PMID list
   * is made again. Either is a warning: it costs searches (up to {@code pubmed.maxSearches} a night) that the reader of
   * the manifest should be able to explain.
   */
  static Map<String, Remembered> load(Path file, java.util.function.Consumer<String> warnings) {
    if (!Files.isRegularFile(file)) {
      return new LinkedHashMap<>();
    }
    Map<String, Remembered> read = new LinkedHashMap<>();
    int unreadable = 0;
    try {
      com.fasterxml.jackson.databind.JsonNode tree = Json.MAPPER.readTree(file.toFile());
      if (tree == null || !tree.isObject()) {
        throw new com.fasterxml.jackson.core.JsonParseException(null, "not a JSON object");
      }
      // Entry by entry: one field of the wrong type ("perClaim": "x") drops that search, not all of them.
      for (var e = tree.fields(); e.hasNext(); ) {
        var entry = e.next();
        try {
          read.put(entry.getKey(), Json.MAPPER.treeToValue(entry.getValue(), Remembered.class));
        } catch (IOException | IllegalArgumentException bad) {
          unreadable++;
        }
      }
    } catch (IOException e) {
      Path kept = file.resolveSibling(file.getFileName() + ".damaged");
      String where;
      try {
        Files.copy(file, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        where = "kept as " + kept.getFileName();
      } catch (IOException copy) {
        where = "could not be kept (" + copy.getMessage() + ")";
      }
      warnings.accept("the remembered PubMed searches (" + file + ") are damaged and " + where + ": "
          + firstLine(e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
          : e.getMessage()) + "; every search is due again (at most pubmed.maxSearches a night)");
      return new LinkedHashMap<>();
    }
    Map<String, Remembered> out = new LinkedHashMap<>();
    int dropped = unreadable;
    for (Map.Entry<String, Remembered> e : read.entrySet()) {
      if (e.getValue() != null && valid(e.getValue())) {
        out.put(e.getKey(), e.getValue());
      } else {
        dropped++;
      }
    }
    if (dropped > 0) {
      warnings.accept(dropped + " remembered PubMed search" + (dropped == 1 ? " has" : "es have")
          + " no valid date or PMID list in " + file + ": searched again when due");
    }
    return out;
  }

  private static boolean valid(Remembered r) {
    if (r.date() == null || r.pmids() == null) {
      return false;
    }
    try {
      LocalDate.parse(r.date());
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
