package org.claimcheck.claim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.claimcheck.article.Article;
import org.claimcheck.article.Block;
import org.claimcheck.nlp.Annotator;
import org.claimcheck.nlp.Sentence;

/**
 * One per worker thread (it holds an OpenNLP {@link Annotator}). Turns an article into atomic candidate claims, each
 * scored for check-worthiness with its reasons; every sentence that is not a heading gives at least one candidate.
 *
 * <p>It reads the page's structure: a heading (or a short title-like line) is context for the sentences under it and
 * no claim, save a listicle's numbered heading that states one ("4. Calcium supplements don't prevent fractures"); a
 * lead-in ("Symptoms include:", "It plays a role in:") or a heading that names a category ("Neurological Symptoms of
 * B12 Deficiency") completes the list items under it ("Neurological symptoms of B12 deficiency include numbness"); a
 * "Label: text" item gives the label as the referent of "it" and "this", a definition list's term that of its
 * definition; a pipe table's cell is about its row, named by the row's first cell, and says what its column header
 * names of it ("The maximum daily dose of immediate-release is 2,550 mg"); sources, link lists, comments and author
 * bios are marked as such. Each sentence is then split into atomic claims ({@link Atomizer}) and scored
 * ({@link CheckWorthiness}).
 */
public final class ClaimExtractor {
  private static final Pattern LABEL = Pattern.compile("^[^:.!?]{1,60}:\\s+\\S");
  private static final Pattern TABLE_SEPARATOR = Pattern.compile("^[\\s|:\\-]+$");
  private static final Pattern NUMBERING = Pattern.compile("^\\d{1,2}[.)]\\s+");
  /** First column headers of a table whose columns are the things compared and whose rows say what of them. */
  private static final Set<String> ATTRIBUTE_HEADERS = Set.of("feature", "features", "characteristic",
      "characteristics", "property", "properties", "aspect", "attribute", "criterion", "criteria");
  /** Categories whose members are "of" something: "symptoms of", "benefits of". */
  private static final Set<String> OF_CATEGORIES = Set.of("symptoms", "signs", "causes", "effects", "side effects",
      "complications", "manifestations", "consequences", "benefits", "risks", "triggers", "features",
      "characteristics", "sources");
  /** Categories that belong to a substance's deficiency: "symptoms of B12" means of B12 deficiency. */
  private static final Set<String> DEFICIENCY_CATEGORIES = Set.of("symptom", "symptoms", "sign", "signs",
      "manifestation", "manifestations", "complication", "complications");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern SPACE_BEFORE_PUNCT = Pattern.compile("\\s+([,.;:)])");
  private static final Pattern SPACE_AFTER_PAREN = Pattern.compile("\\(\\s+");
  private static final Pattern TRAILING_PUNCT = Pattern.compile("[\\s,;:\\-\u2013\u2014]+$");

  private final Lexicon lexicon;
  private final Annotator annotator;
  private final Annotator.Lemmas lemmas;

  /** What one article gave: its candidate claims and how many sentences and headings it had. */
  public record Extraction(List<Claim> claims, int sentences, int headings) {
    public Extraction {
      claims = List.copyOf(claims);
    }
  }

  public ClaimExtractor(Lexicon lexicon) {
    this(lexicon, Annotator.Lemmas.VERBS);
  }

  /** An extractor that computes {@code lemmas} (verbs only by default: the rules need no more), for measurements. */
  ClaimExtractor(Lexicon lexicon, Annotator.Lemmas lemmas) {
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    this.annotator = new Annotator();
    this.lemmas = Objects.requireNonNull(lemmas, "lemmas");
  }

  /**
   * Every atomic candidate claim of the article, in reading order, scored. Headings give none but a numbered one that
   * states a claim.
   */
  public List<Claim> extract(Article article) {
    return extractAll(article).claims();
  }

  /** As {@link #extract}, with counts. */
  public Extraction extractAll(Article article) {
    return new Reader(article).read();
  }

  /**
   * A claim given as it is ({@link ClaimsFile#plain}: an id and a text, as {@code verify --claims} reads them) with
   * what extraction marks of a claim: subject, relation, object, negation, hedging, certainty and the lexicon's entities.
   * Its id, text and check-worthiness stay as given. A text that reads as several claims ("B12 causes A and does not
   * prevent B") is negated only when each of them is, hedged when any is, as certain as the least certain, and has no
   * one subject, relation or object; a text that reads as none is returned as it is.
   */
  public Claim analyseGiven(Claim given) {
    String text = withoutControls(given.claim(), false).strip();
    if (text.isEmpty()) {
      return given;
    }
    Article one = new Article("given", "given", "", "", null, null, null, null, null, null, null, 0, "", null, null,
        text, List.of(new Block(Block.Kind.PARAGRAPH, text)));
    List<Claim> parts = extract(one);
    if (parts.isEmpty()) {
      return given;
    }
    Claim first = parts.getFirst();
    boolean single = parts.size() == 1;
    boolean negated = parts.stream().allMatch(Claim::negated);
    boolean hedged = parts.stream().anyMatch(Claim::hedged);
    List<String> order = List.of("certain", "probable", "possible");
    String certainty = parts.stream().map(Claim::certainty).max(java.util.Comparator.comparingInt(order::indexOf))
        .orElse(given.certainty());
    List<String> reasons = new ArrayList<>(given.reasons());
    java.util.LinkedHashSet<String> entities = new java.util.LinkedHashSet<>(given.entities());
    for (Claim c : parts) {
      entities.addAll(c.entities());
      for (String r : c.reasons()) {
        if ((r.startsWith("negated:") && negated || r.startsWith("hedged:") && hedged) && !reasons.contains(r)) {
          reasons.add(r);
        }
      }
    }
    return new Claim(given.id(), given.articleId(), given.articleUrl(), given.articleTitle(), given.sentenceIndex(),
        given.sentence(), given.context(), given.claim(), single ? first.subject() : "",
        single ? first.relation() : "", single ? first.object() : "", negated, hedged, given.checkWorthiness(),
        reasons, List.copyOf(entities), certainty, given.topic());
  }

  /** Reading state for one article. */
  private final class Reader {
    private final Article article;
    private final References refs;
    private final Atomizer atomizer;
    private final Map<String, Claim> claims = new LinkedHashMap<>();
    private final Mention topic;
    private final String title;
    private Mention sectionTopic;
    private Lexicon.Concept placeTopic;
    /** The headings over the text, innermost first, with the concept each names (or null). */
    private final Deque<Place> places = new ArrayDeque<>();
    /** Whether the article's headings carry levels (HTML); a text file's are all of one level. */
    private final boolean leveled;
    private final Lexicon.Concept claimTopic;
    private String heading;
    private Atomizer.Frame headingFrame;
    private Atomizer.Frame subFrame;
    private Atomizer.Frame leadFrame;
    /** The lead-in of {@link #leadFrame} when it ends with "if" or "when": its items are the conditions it reads on. */
    private String leadCondition;
    /** The term (a dt) whose definition (its dd) the list items after it are; null when none. */
    private Mention term;
    private CheckWorthiness.Zone zone = CheckWorthiness.Zone.CONTENT;
    private List<String> tableHeader;
    /** Whether the table's columns are the things compared, decided at its first row (null before it). */
    private Boolean tableByColumn;
    private int sentenceIndex;
    private int sentences;
    private int headings;

    Reader(Article article) {
      this.article = article;
      this.title = article.title() == null ? null : withoutControls(article.title(), false).strip();
      Mention[] t = topics(article);
      this.topic = t[0];
      this.leveled = article.blocks().stream().anyMatch(b -> b.level() > 0);
      this.claimTopic = claimTopic(article, t[0], leveled);
      this.refs = new References(t[0], t[1], t[2]);
      refs.topicInTitle = claimTopic != null;
      this.atomizer = new Atomizer(refs, this::completeFrame);
    }

    Extraction read() {
      List<Block> blocks = article.blocks();
      for (int b = 0; b < blocks.size(); b++) {
        Block block = blocks.get(b);
        // A .txt article may hold control characters (a BEL, a form feed): none reaches a claim. Line breaks stay
        // until the block is split into sentences.
        String text = withoutControls(block.text(), true).strip();
        boolean labelled = LABEL.matcher(text).find();
        if (block.kind() != Block.Kind.PARAGRAPH || labelled) {
          // A list item or a "Label: text" item starts afresh; plain paragraphs go on from the one before.
          refs.previous = null;
          refs.forgetSentences();
        }
        refs.label = null;
        refs.labelIn = null;
        // A table row (a text file's markdown table, or a page's table as MainContent writes it) before the heading
        // test, which took a header row of capitalised words ("| Trial | Main result |") for a heading.
        if (block.kind() != Block.Kind.HEADING && text.startsWith("|") && text.length() > 1) {
          tableRow(text, b + 1 < blocks.size() ? blocks.get(b + 1).text().strip() : "");
          continue;
        }
        if (block.kind() == Block.Kind.HEADING || block.kind() == Block.Kind.PARAGRAPH && headingLike(text)) {
          heading(text, false, block.level());
          // A page's term (a dt: a heading without a level) over its definition, unless it names a category
          // ("Mild symptoms": its items are members).
          term = leveled && block.kind() == Block.Kind.HEADING && block.level() == 0 && headingFrame == null
              ? mentionOf(withoutControls(text, false)) : null;
          String statement = statementHeading(text);
          if (statement != null) {
            // "7. Smoking and heavy drinking weaken bones": a listicle's heading that states a claim.
            read(sentenceIndex - 1, text, statement, null, null, false, null);
          }
          continue;
        }
        tableHeader = null;
        // "Important: Don't stop taking metformin ...": a callout, not a member of the heading's category.
        boolean callout = labelled && Cues.CALLOUT_LABEL.matcher(
            text.substring(0, text.indexOf(':')).strip().toLowerCase(Locale.ROOT)).matches();
        boolean item = block.kind() == Block.Kind.LIST_ITEM || labelled && !callout
            || NUMBERING.matcher(text).find();
        List<Sentence> ss = annotator.sentences(text);
        boolean definition = term != null && block.kind() == Block.Kind.LIST_ITEM;
        if (!definition) {
          term = null;
        }
        boolean endsWithLeadIn = false;
        for (int k = 0; k < ss.size(); k++) {
          String s = ss.get(k).text();
          if (definition) {
            // The term is what the definition's "they" and "it" mean, and the subject of a definition that is a noun
            // phrase ("Tricyclic antidepressants (TCAs)": "An older type, such as amitriptyline").
            refs.label = term;
            refs.labelIn = null;
            if (k == 0) {
              String defined = definition(term, s);
              if (defined != null) {
                int index = sentenceIndex++;
                sentences++;
                read(index, s, defined, null, null, false, null);
                continue;
              }
            }
          }
          Atomizer.Frame frame = item && !callout
              ? leadFrame != null ? leadFrame : subFrame != null ? subFrame : headingFrame : null;
          boolean leadIn = s.endsWith(":") && k == ss.size() - 1;
          if (leadIn && ss.size() == 1 && subHeading(s)) {
            // "Core Symptoms:", "How B12 Works:": a heading with a colon.
            heading(s.substring(0, s.length() - 1).strip(), true, 0);
            endsWithLeadIn = true;
            continue;
          }
          if (k == 0 && frame != null && frame == leadFrame && leadCondition != null && !leadIn) {
            // "You should not get a flu shot if:" + "you are younger than 6 months": one sentence, the item its
            // source (the item alone said "You are younger than 6 months" as a fact).
            int index = sentenceIndex++;
            sentences++;
            read(index, s, leadCondition + " " + Atomizer.lowerFirst(s), null, null, false, null);
            continue;
          }
          sentence(s, frame, null, leadIn);
          endsWithLeadIn = leadIn;
        }
        if (!item && !endsWithLeadIn) {
          leadFrame = null;
        }
      }
      return new Extraction(new ArrayList<>(claims.values()), sentences, headings);
    }

    private boolean subHeading(String s) {
      String before = s.substring(0, s.length() - 1).strip();
      if (before.isEmpty() || before.split("\\s+").length > 8) {
        return false;
      }
      return headingLike(before) || lexicon.find(before).isEmpty() && !before.contains(" ");
    }


    /**
     * The sentence a heading states, or null when it states none: a numbered heading ("4. Calcium supplements don't
     * prevent fractures in most people") that is a sentence, its subject a noun or pronoun, its verb finite; not a
     * question, a wh-clause ("How measles spreads"), a label ("Myth: ...", "Tip: ...") or a title in capitals.
     */
    private String statementHeading(String text) {
      // Only a numbered one: over the blind sets, the other headings that read as sentences were names ("Serotonin
      // and noradrenaline reuptake inhibitors (SNRIs)"), a page's chatter or a section's gist.
      if (!NUMBERING.matcher(text).find()) {
        return null;
      }
      String bare = clean(withoutControls(stripNumbering(text), false)).strip();
      if (bare.isEmpty() || bare.endsWith("?") || bare.endsWith(":") || bare.contains(":") || headingLike(bare)
          || bare.split("\\s+").length < 3) {
        return null;
      }
      // Parsed as the sentence it would be: without its full stop the tagger reads fewer verbs.
      String sentence = ".!".indexOf(bare.charAt(bare.length() - 1)) >= 0 ? bare : bare + ".";
      Parse p = new Parse(sentence, annotator, lexicon, lemmas);
      if (p.size() < 4 || Cues.QUESTION_OPENERS.contains(p.low[0])) {
        return null;
      }
      Clauses.Clause first = Clauses.of(p, 0, p.size()).getFirst();
      if (first.fragment() || !first.hasSubject()) {
        return null;
      }
      // One word opening a sentence is a noun whatever the tagger says ("Sunlight makes ...": ADJ).
      boolean nounSubject = first.pred() == first.subjFrom() + 1 && !p.tag[first.subjFrom()].equals("DET");
      for (int i = first.subjFrom(); i < first.pred(); i++) {
        nounSubject |= Set.of("NOUN", "PROPN", "PRON").contains(p.tag[i]);
        if (Set.of("that", "which", "who").contains(p.low[i])) {
          return null; // "Foods that may help": a noun phrase
        }
      }
      String verb = p.low[first.pred()];
      if (!nounSubject || verb.endsWith("ing") || first.pred() > 0 && p.low[first.pred() - 1].equals("to")) {
        return null;
      }
      return sentence;
    }

    /** A heading, or a sub-heading (a short line ending with a colon) that keeps the frame above it. */
    private void heading(String text, boolean sub, int level) {
      sentenceIndex++;
      headings++;
      heading = withoutControls(text, false);
      leadFrame = null;
      tableHeader = null;
      refs.previous = null;
      refs.forgetSentences();
      String bare = stripNumbering(text);
      updateZone(bare, !sub);
      int colon = bare.indexOf(':');
      List<Lexicon.Match> m = lexicon.find(colon > 0 ? bare.substring(0, colon) : bare);
      refs.section = m.isEmpty() ? refs.section : mention(m.getFirst().concept());
      refs.heading = !m.isEmpty() ? refs.section : sub ? refs.heading : null;
      if (!m.isEmpty() && !bare.endsWith("?")) {
        sectionTopic = refs.section;
      }
      // The topic of the claims below (Claim#topic): the concept of the nearest heading over them that names one, a
      // section running over its sub-headings ("Who needs it" under "Iron"); a heading of the same level or above that
      // names none ("Smoking", "Other health facts") leaves the article's topic, not the last section's.
      if (sub) {
        placeTopic = m.isEmpty() ? placeTopic : m.getFirst().concept();
      } else {
        int l = effectiveLevel(level, places.isEmpty() ? 0 : places.peek().level(), leveled);
        while (!places.isEmpty() && places.peek().level() >= l) {
          places.pop();
        }
        places.push(new Place(l, m.isEmpty() ? null : m.getFirst().concept()));
        placeTopic = places.stream().map(Place::concept).filter(Objects::nonNull).findFirst().orElse(null);
      }
      if (sub) {
        subFrame = categoryFrame(bare);
      } else {
        headingFrame = categoryFrame(bare);
        subFrame = null;
      }
    }

    private void updateZone(String text, boolean isHeading) {
      String t = text.replaceAll("[:\\s]+$", "");
      if (Cues.COMMENTS.matcher(t).matches()) {
        zone = CheckWorthiness.Zone.COMMENTS;
      } else if (Cues.ABOUT.matcher(t).matches()) {
        zone = CheckWorthiness.Zone.ABOUT;
      } else if (Cues.REFERENCES.matcher(t).matches()) {
        zone = CheckWorthiness.Zone.REFERENCES;
      } else if (Cues.LINKS.matcher(t).matches()) {
        zone = zone == CheckWorthiness.Zone.CONTENT ? CheckWorthiness.Zone.LINKS : zone;
      } else if (isHeading && (zone == CheckWorthiness.Zone.LINKS || zone == CheckWorthiness.Zone.ABOUT)) {
        zone = CheckWorthiness.Zone.CONTENT;
      }
    }

    /**
     * A markdown table row: the one over the separator row ({@code next} is "|---|---|") gives column headers, the
     * others claims from their cells (a table without headers: its first cell also read when it is a sentence). The
     * row is one sentence: its text, cells between pipes, is the source its claims show. A cell is about its row, whose
     * first cell names it, and its column header says what the cell tells of it ({@link #rowCell}); in a table whose
     * columns are the things compared ("| Feature | B12 deficiency neuropathy |") the column header is the subject.
     */
    private void tableRow(String text, String next) {
      if (TABLE_SEPARATOR.matcher(text).matches()) {
        return;
      }
      List<String> cells = new ArrayList<>();
      for (String c : text.split("\\|")) {
        cells.add(c.strip());
      }
      if (!cells.isEmpty() && cells.getFirst().isEmpty()) {
        cells.removeFirst();
      }
      if (!cells.isEmpty() && cells.getLast().isEmpty()) {
        cells.removeLast();
      }
      if (next.startsWith("|") && TABLE_SEPARATOR.matcher(next).matches()) {
        tableHeader = cells;
        tableByColumn = null;
        sentenceIndex++;
        headings++;
        return;
      }
      String rowLabel = cells.isEmpty() ? null : cells.getFirst().replaceFirst("\\s*:$", "");
      refs.previous = null;
      refs.forgetSentences();
      boolean sentenceFirst = tableHeader == null && rowLabel != null && rowLabel.matches(".*[.!?]");
      int index = sentenceIndex++;
      sentences++;
      String shown = String.join(" | ", cells.stream().filter(c -> !c.isEmpty()).toList());
      for (int j = sentenceFirst ? 0 : 1; j < cells.size(); j++) {
        if (cells.get(j).isEmpty()) {
          continue;
        }
        String header = tableHeader != null && j < tableHeader.size() && !tableHeader.get(j).isEmpty()
            ? tableHeader.get(j) : null;
        // Decided once for the table, at its first row: a row whose label the lexicon knows ("Asthma attacks") in a
        // table of compared medicines was read about its row, the others about their columns.
        if (tableByColumn == null && tableHeader != null) {
          boolean compared = tableHeader.size() > 1;
          for (int k = 1; k < tableHeader.size(); k++) {
            compared &= tableHeader.get(k).isEmpty() || namesConcepts(tableHeader.get(k));
          }
          tableByColumn = compared && lexicon.find(rowLabel).isEmpty()
              || ATTRIBUTE_HEADERS.contains(tableHeader.getFirst().toLowerCase(Locale.ROOT));
        }
        boolean byColumn = header != null && Boolean.TRUE.equals(tableByColumn);
        Mention column = byColumn ? mentionOf(header) : null;
        // A cell with no column header is about its row: the row label is the subject of a cell that is a verb
        // phrase ("| Pioglitazone | Raises the risk of heart failure. |": "Pioglitazone raises ...").
        Mention row = !byColumn && j > 0 && !rowLabel.isEmpty() ? mentionOf(rowLabel) : null;
        refs.label = row != null ? row : column;
        refs.labelIn = null;
        for (Sentence s : annotator.sentences(cells.get(j))) {
          if (byColumn && j > 0 && !rowLabel.isEmpty() && verbless(s.text())) {
            // A value of the row's under the thing compared: "| Stomach upset | Common | Rare |" under "Side effect |
            // Ibuprofen | Paracetamol" says "Stomach upset with ibuprofen is common" (was "Ibuprofen is common").
            // Under "Feature": an attribute of the thing ("Onset of B12 deficiency neuropathy is usually gradual").
            boolean attribute = ATTRIBUTE_HEADERS.contains(tableHeader.getFirst().toLowerCase(Locale.ROOT));
            read(index, shown, rowLabel + (attribute ? " of " : " with ") + Atomizer.lowerFirst(header) + " is "
                + Atomizer.lowerFirst(stripFinal(clean(s.text()))) + ".", null, null, false, null);
          } else if (byColumn) {
            read(index, shown, s.text(), null, column, false, j == 0 ? null : rowLabel);
          } else if (row != null && header != null) {
            // "No benefit; stopped early": two things said of the row.
            for (String part : s.text().split(";\\s+")) {
              read(index, shown, rowCell(rowLabel, header, part), null, null, false, null);
            }
          } else {
            read(index, shown, s.text(), null, row, false, null);
          }
        }
      }
    }

    /**
     * A definition's first sentence as a sentence about its term when it is a noun phrase: "Tricyclic antidepressants
     * (TCAs) are an older type, such as amitriptyline"; "Such as venlafaxine and duloxetine" under "SNRIs" says "SNRIs
     * include venlafaxine and duloxetine". Null when it is a sentence (a participle after an adverb, "The most widely
     * prescribed type", is no verb with a subject).
     */
    private String definition(Mention term, String sentence) {
      String text = clean(withoutControls(sentence, false));
      Parse p = new Parse(text, annotator, lexicon, lemmas);
      if (p.size() < 2 || text.endsWith("?")) {
        return null;
      }
      String t = term.text();
      if (p.low[0].equals("such") && p.low[1].equals("as") || p.low[0].equals("including")) {
        return p.size() > 2 ? t + " include " + p.text.substring(p.start[p.low[0].equals("such") ? 2 : 1]) : null;
      }
      // "These" and a verb (the model tags some as nouns after it; a plural noun ends in -s: "These medicines").
      if (Set.of("these", "this", "they", "it", "those").contains(p.low[0]) && (p.tag[1].equals("VERB")
          || p.tag[1].equals("AUX") || p.tag[1].equals("ADV") || !p.low[1].endsWith("s") && text.endsWith("."))) {
        return null; // a sentence about the term: "These absorb UV light." (was "Chemical sunscreens are these absorb")
      }
      Clauses.Clause first = Clauses.of(p, 0, p.size()).getFirst();
      boolean nounSubject = false;
      for (int i = first.subjFrom(); first.hasSubject() && i < first.pred(); i++) {
        nounSubject |= Set.of("NOUN", "PROPN", "PRON", "NUM").contains(p.tag[i]);
      }
      if (!p.tag[0].equals("DET") && !p.tag[0].equals("ADJ") && !p.tag[0].equals("NOUN")
          || Clauses.strictPredicate(p, 0, p.size()) >= 0 && nounSubject) {
        return null;
      }
      return t + (term.plural() ? " are " : " is ") + Atomizer.lowerFirst(text);
    }

    /** Whether a cell says no verb of its own: a value ("Common", "Possible in overdose", "30 minutes"). */
    private boolean verbless(String cell) {
      Parse p = new Parse(Atomizer.lowerFirst(clean(cell)), annotator, lexicon, lemmas);
      for (int i = 0; i < p.size(); i++) {
        // A participle alone is a value too: "Not reported", "Made without eggs".
        boolean participle = p.tag[i].equals("VERB") && (p.low[i].endsWith("ed") || p.low[i].endsWith("en"))
            && (i == 0 || p.low[i - 1].equals("not"));
        if (p.tag[i].equals("AUX") || p.tag[i].equals("VERB") && !participle) {
          return false;
        }
      }
      return p.size() > 0;
    }

    /** Whether the lexicon's concepts cover every word of {@code text} ("B12 deficiency neuropathy"). */
    private boolean namesConcepts(String text) {
      java.util.BitSet covered = new java.util.BitSet();
      for (Lexicon.Match m : lexicon.find(text)) {
        covered.set(m.start(), m.end());
      }
      for (int i = 0; i < text.length(); i++) {
        if (Character.isLetterOrDigit(text.charAt(i)) && !covered.get(i)) {
          return false;
        }
      }
      return !covered.isEmpty();
    }

    /**
     * A cell's sentence as a sentence about its row ({@code row}, the row's first cell) under the column header
     * {@code header}: a value is what the header names of the row ("| Immediate-release | 2,550 mg |" under "Maximum
     * daily dose": "The maximum daily dose of immediate-release is 2,550 mg"); a verb phrase or an adjective takes the
     * row for its subject ("Contains four times the antigen", "Very rare", "Made without eggs"); an order is the row's
     * ("Nausea: take it with food"); a count of people under "How common" is how many it affects. A header that is a
     * question or a note ("How common", "What to do", "Notes") is never a subject. A cell that is a sentence stays.
     */
    private String rowCell(String row, String header, String cell) {
      // Parsed as it reads after the row's name: a first word in capitals was taken for a name ("Common in ...").
      String text = clean(withoutControls(cell, false));
      Parse p = new Parse(Atomizer.lowerFirst(text), annotator, lexicon, lemmas);
      String value = stripFinal(p.text);
      if (p.size() == 0 || value.isEmpty()) {
        return cell;
      }
      String h = header.toLowerCase(Locale.ROOT).strip();
      boolean note = Cues.TABLE_NOTE_HEADER.matcher(h).matches();
      int k = 0;
      while (k < p.size() && (p.tag[k].equals("ADV") || p.tag[k].equals("PART"))) {
        k++;
      }
      if (k < p.size() && (p.tag[k].equals("VERB") || p.tag[k].equals("AUX"))) {
        boolean base = p.lemma[k].equals(p.low[k]) && !p.low[k].endsWith("ing");
        if (k == 0 && base) {
          return "For " + Atomizer.lowerFirst(row) + ", " + value + "."; // an order: "Take it with food"
        }
        boolean participle = !p.lemma[k].equals(p.low[k]) && !p.low[k].endsWith("s") && !p.low[k].endsWith("ing")
            && (k + 1 == p.size() || p.tag[k + 1].equals("ADP") || p.tag[k + 1].equals("PUNCT"));
        return row + (participle ? " is " : " ") + value + ".";
      }
      if (k < p.size() && (p.tag[k].equals("ADJ") || k > 0 && p.tag[k].equals("ADP"))) {
        // "Very rare", "Not for pregnant people": what the row is.
        return note || Cues.FREQUENCY_HEADER.matcher(h).matches() ? row + " is " + value + "."
            : attribute(row, header) + value + ".";
      }
      Clauses.Clause first = Clauses.of(p, 0, p.size()).getFirst();
      // A sentence of its own, not a value the tagger read as one ("1,200 mg": a number, then "mg" a verb; "No
      // benefit; stopped early").
      if (!first.fragment() && first.hasSubject() && p.indexOf(";", first.subjFrom(), first.pred()) < 0
          && (!p.tag[0].equals("NUM") || ".!?".indexOf(text.charAt(text.length() - 1)) >= 0)) {
        return cell;
      }
      if (Cues.FREQUENCY_HEADER.matcher(h).matches() && Cues.PEOPLE_COUNT.matcher(value).find()) {
        return row + " affects " + value + ".";
      }
      if (!note && value.matches("[\\d,.]+") && header.strip().matches(".*[^s]s")) {
        // "| VITAL | 25,871 |" under "Participants": how many.
        return "The number of " + Atomizer.lowerFirst(Atomizer.sentenceCase(header.strip(), lexicon)) + " in "
            + Atomizer.lowerFirst(row) + " is " + value + ".";
      }
      return note || Cues.FREQUENCY_HEADER.matcher(h).matches() ? row + ": " + value + "."
          : attribute(row, header) + value + ".";
    }

    /** "The maximum daily dose of immediate-release is ": what a column header names of a row ("for" a group). */
    private String attribute(String row, String header) {
      String h = Atomizer.lowerFirst(Atomizer.sentenceCase(header.strip(), lexicon));
      String last = h.substring(h.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
      boolean plural = last.endsWith("s") && !last.endsWith("ss") && !last.endsWith("us") && !last.endsWith("is");
      // "Healthy adults", "Most children": a group of people after an adjective or a quantifier too.
      String people = row.toLowerCase(Locale.ROOT).replaceFirst("^(?:healthy|most|all|some|many|young|frail|elderly"
          + "|high-risk|at-risk|vulnerable|premature) ", "");
      String of = Cues.PEOPLE_GROUP.matcher(people).lookingAt() ? " for " : " of ";
      return "The " + h + of + Atomizer.lowerFirst(row) + (plural ? " are " : " is ");
    }

    private void sentence(String sentence, Atomizer.Frame frame, Mention defaultSubject, boolean leadIn) {
      sentence(sentence, frame, defaultSubject, leadIn, null);
    }

    private void sentence(String sentence, Atomizer.Frame frame, Mention defaultSubject, boolean leadIn,
        String rowLabel) {
      int index = sentenceIndex++;
      sentences++;
      read(index, null, sentence, frame, defaultSubject, leadIn, rowLabel);
    }

    /**
     * The claims of one sentence, numbered {@code index}; {@code shown} (null: the sentence) is the source the claims
     * give, a table's row for the sentence made of one of its cells.
     */
    private void read(int index, String shown, String sentence, Atomizer.Frame frame, Mention defaultSubject,
        boolean leadIn, String rowLabel) {
      sentence = withoutControls(sentence, false);
      String source = shown == null ? sentence : withoutControls(shown, false);
      String clean = clean(sentence);
      if (clean.isBlank()) {
        clean = sentence;
      }
      Parse p = new Parse(clean, annotator, lexicon, lemmas);
      if (p.size() == 0) {
        return;
      }
      boolean terminal = ".!?:;\"\u201d')]".indexOf(clean.charAt(clean.length() - 1)) >= 0;
      if (zone == CheckWorthiness.Zone.LINKS && terminal && !leadIn && Clauses.predicate(p, 0, p.size()) >= 0) {
        zone = CheckWorthiness.Zone.CONTENT;
      }
      if (leadIn) {
        leadIn(p);
      }
      boolean boilerplate = Cues.BOILERPLATE.matcher(clean.toLowerCase(Locale.ROOT).replace('\u2019', '\''))
          .find();
      boolean incomplete = leadIn && isIncompleteLeadIn(p);
      boolean titleLike = !terminal && frame == null && defaultSubject == null && !leadIn
          && !clean.endsWith(",") && !p.tag[p.size() - 1].equals("CCONJ");
      int[] myth = leadIn ? null : mythStatement(p);
      CheckWorthiness.SentenceFacts facts = new CheckWorthiness.SentenceFacts(sentence, zone, titleLike, incomplete,
          boilerplate, false);
      Mention label = rowLabel != null ? mentionOf(rowLabel) : null;
      boolean whole = clean.endsWith("?") || zone != CheckWorthiness.Zone.CONTENT || boilerplate;
      // Each draft with the parse its tokens index and the facts it is scored with.
      List<Atomizer.Draft> drafts = new ArrayList<>();
      List<Parse> parses = new ArrayList<>();
      List<CheckWorthiness.SentenceFacts> factsOf = new ArrayList<>();
      if (!whole && myth != null) {
        // The statement called a myth is parsed as a sentence of its own: in "The idea that vaccines cause autism is
        // a dangerous myth" the tagger takes "cause" for a noun, as it does not in "Vaccines cause autism."
        Parse statement = new Parse(statementText(p, myth[0], myth[1]), annotator, lexicon, lemmas);
        var mythFacts = new CheckWorthiness.SentenceFacts(sentence, zone, titleLike, incomplete, boilerplate, true);
        for (Atomizer.Draft d : atomizer.atomize(statement, 0, statement.size(), frame, label, defaultSubject)) {
          drafts.add(d);
          parses.add(statement);
          factsOf.add(mythFacts);
        }
        // What the sentence says besides: "..., according to an old myth, but studies show it does not."
        if (myth[2] < p.size()) {
          for (Atomizer.Draft d : atomizer.atomize(p, myth[2], p.size(), frame, label, defaultSubject)) {
            drafts.add(d);
            parses.add(p);
            factsOf.add(facts);
          }
        }
      } else if (!whole) {
        drafts.addAll(atomizer.atomize(p, 0, p.size(), frame, label, defaultSubject));
      }
      refs.read(p);
      if (drafts.isEmpty()) {
        Atomizer.Draft d = new Atomizer.Draft();
        d.text = clean;
        d.fragment = true;
        d.tokens.set(0, p.size());
        d.clauseTo = p.size();
        drafts = List.of(d);
        parses.clear();
        factsOf.clear();
      }
      for (int k = 0; k < drafts.size(); k++) {
        Atomizer.Draft d = drafts.get(k);
        CheckWorthiness.Result r = CheckWorthiness.score(d, k < parses.size() ? parses.get(k) : p,
            k < factsOf.size() ? factsOf.get(k) : facts, lexicon);
        String normalised = normalise(d.text, sentence);
        String id = Claim.idFor(article.id(), normalised);
        if (claims.containsKey(id)) {
          continue;
        }
        claims.put(id, new Claim(id, article.id(), article.url(), title, index, source,
            heading, normalised, d.subject, d.relation, d.object, r.negated(), r.hedged(), r.score(), r.reasons(),
            r.entities(), r.certainty(), topicHere()));
      }
    }

    /**
     * The tokens [from, to) of what a sentence calls a myth: "Coffee stunts children's growth" of "Coffee stunts
     * children's growth, according to an old myth that has no scientific basis" (or "According to an old myth, ...");
     * "coffee dehydrates you" of "The idea that coffee dehydrates you is a myth" and of "Myth: Coffee dehydrates you".
     * Null when it calls nothing a myth.
     */
    private int[] mythStatement(Parse p) {
      // A label that calls what follows it a myth: "Myth: Antidepressants change your personality." (a myth-and-fact
      // box; its "Fact:" is a claim as it is).
      int colon = p.indexOf(":", 1, Math.min(p.size() - 2, 6));
      if (colon > 0 && Clauses.strictPredicate(p, 0, colon) < 0) {
        for (int i = 0; i < colon; i++) {
          if (Cues.MYTH_LABELS.contains(p.low[i])) {
            return new int[] {colon + 1, p.size(), p.size()};
          }
        }
      }
      for (int a = 0; a + 1 < p.size(); a++) {
        if (!p.low[a].equals("according") || !p.low[a + 1].equals("to")
            || !Cues.MYTH_SOURCE.matcher(p.text.substring(p.start[a])).find()) {
          continue;
        }
        if (a > 1 && p.tok[a - 1].equals(",")) {
          return new int[] {0, a - 1, restAfter(p, a + 2)};
        }
        if (a == 0) {
          for (int c = a + 2; c + 1 < p.size(); c++) {
            if (p.tok[c].equals(",")) {
              return new int[] {c + 1, p.size(), p.size()};
            }
          }
        }
        return null;
      }
      var m = Cues.MYTH_STATEMENT.matcher(p.text);
      if (m.find()) {
        int from = 0;
        while (from < p.size() && p.start[from] < m.start(1)) {
          from++;
        }
        int to = from;
        while (to < p.size() && p.start[to] < m.end(1)) {
          // An aside after the statement is not part of it: "The notion that eggs raise cholesterol, once widely
          // held, is now a myth".
          if (p.tok[to].equals(",") && to + 1 < p.size() && MYTH_ASIDE.contains(p.low[to + 1])) {
            break;
          }
          to++;
        }
        return to > from + 1 ? new int[] {from, to, p.size()} : null;
      }
      return null;
    }

    /**
     * Where a clause after the myth's name begins, or the sentence's end: "but studies show it does not" of "Sugar
     * makes children hyperactive, according to an old myth, but studies show it does not" (the first comma after the
     * name, then a word that opens a clause of the page's own).
     */
    private static int restAfter(Parse p, int from) {
      for (int c = from; c + 1 < p.size(); c++) {
        if (p.tok[c].equals(",")) {
          return MYTH_REST.contains(p.low[c + 1]) ? c + 1 : p.size();
        }
      }
      return p.size();
    }

    /** Words that open an aside after a statement called a myth: "eggs raise cholesterol, once widely held,". */
    private static final Set<String> MYTH_ASIDE = Set.of("once", "long", "still", "widely", "commonly");

    /** Words that open the page's own clause after a myth's name: "..., according to an old myth, but studies ...". */
    private static final Set<String> MYTH_REST = Set.of("but", "yet", "however", "although", "though", "whereas",
        "while", "and");

    /** The text of tokens [from, to) as a sentence of its own: capitalised, with a full stop. */
    private static String statementText(Parse p, int from, int to) {
      String text = p.text.substring(p.start[from], p.end[to - 1]);
      text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
      return ".!?".indexOf(text.charAt(text.length() - 1)) >= 0 ? text : text + ".";
    }

    /** The concept a claim here is about by its place: its heading's, else the article's; none when unknown. */
    private List<String> topicHere() {
      if (placeTopic != null) {
        return List.of(placeTopic.id());
      }
      return claimTopic == null ? List.of() : List.of(claimTopic.id());
    }

    /** A sentence ending with a colon sets the frame for the list items after it. */
    private void leadIn(Parse p) {
      int colon = p.size() - 1;
      while (colon > 0 && !p.tok[colon].equals(":")) {
        colon--;
      }
      String before = Atomizer.render(p, 0, colon, Map.of());
      leadCondition = colon > 1 && Cues.CONDITIONS.contains(p.low[colon - 1]) ? before : null;
      if (Clauses.strictPredicate(p, 0, colon) < 0 && colon <= 10) {
        updateZone(before, false);
        leadFrame = categoryFrame(stripNumbering(before));
        return;
      }
      updateZone(before, false);
      if (colon > 0 && Cues.DANGLING.contains(p.low[colon - 1])) {
        // The frame is the clause the list completes, the one ending in the dangling word: "Symptoms develop slowly,
        // often over several years, and include:" frames its items with "Symptoms include", not its first clause.
        List<Atomizer.Draft> all = atomizer.atomize(p, 0, colon, null, null);
        int last = colon - 1;
        List<Atomizer.Draft> ending = all.stream().filter(x -> x.tokens.get(last)).toList();
        List<Atomizer.Draft> d = ending.isEmpty() ? all : ending;
        String text = d.isEmpty() ? before : stripFinal(d.getFirst().text);
        String completed = completeFrame(text);
        // The lead-in's own subject and verb ("Vitamin D" / "plays" / "a key role in"), unless completing it
        // changed its words ("Symptoms include" to "Symptoms of X include": the last word is the verb there).
        leadFrame = d.isEmpty() || !completed.equals(text) ? new Atomizer.Frame(completed, true)
            : new Atomizer.Frame(completed, true, d.getFirst().subject, d.getFirst().relation,
                stripFinal(d.getFirst().object));
      } else {
        leadFrame = null;
      }
    }

    private boolean isIncompleteLeadIn(Parse p) {
      int colon = p.size() - 1;
      while (colon > 0 && !p.tok[colon].equals(":")) {
        colon--;
      }
      return colon == 0 || Cues.DANGLING.contains(p.low[colon - 1]) || Clauses.predicate(p, 0, colon) < 0;
    }

    /**
     * A lead-in whose subject is a bare category ("Symptoms include", "Possible benefits include") gets what the
     * category is of: "Symptoms of vitamin B12 deficiency include". Others are kept as they are.
     */
    private String completeFrame(String frame) {
      int verb = frame.lastIndexOf(' ');
      if (verb <= 0) {
        return frame;
      }
      String subject = frame.substring(0, verb);
      String[] words = subject.toLowerCase(Locale.ROOT).split(" ");
      String head = words[words.length - 1];
      if (words.length > 4 || !OF_CATEGORIES.contains(head) || !lexicon.find(subject).isEmpty()) {
        return frame;
      }
      Mention about = sectionTopic != null ? sectionTopic : topic;
      if (about == null) {
        return frame;
      }
      String aboutText = about.text();
      if (DEFICIENCY_CATEGORIES.contains(head) && about.isA("substance")) {
        if (!References.isNutrient(about.concept())) {
          return frame; // "Symptoms include" under "Metformin": not of a metformin deficiency
        }
        aboutText += " deficiency";
      }
      return subject + " of " + aboutText + frame.substring(verb);
    }

    /**
     * The frame a category heading gives its list items: "Neurological Symptoms of B12 Deficiency" gives
     * "Neurological symptoms of B12 deficiency include"; "Core Symptoms" under a section about RLS gives "Core
     * symptoms of restless legs syndrome include". Null when the heading names no category.
     */
    private Atomizer.Frame categoryFrame(String text) {
      if (text.endsWith("?")) {
        return null;
      }
      String t = text.replaceAll("[:\\s]+$", "");
      int colon = t.indexOf(':');
      List<String> parts = new ArrayList<>();
      if (colon > 0) {
        parts.add(t.substring(0, colon).strip());
        parts.add(t.substring(colon + 1).strip());
      } else {
        parts.add(t);
      }
      for (String part : parts) {
        String[] words = part.split("\\s+");
        for (int i = 0; i < words.length; i++) {
          String w = words[i].toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
          if (!Cues.CATEGORY_NOUNS.contains(w) || i > 0 && words[i - 1].equalsIgnoreCase("of")) {
            continue;
          }
          if (!w.endsWith("s") && i == words.length - 1) {
            // "The Domino Effect" names one thing, not a list of them.
            continue;
          }
          String head = String.join(" ", java.util.Arrays.copyOfRange(words, 0, i + 1));
          head = head.replaceFirst("(?i)^(the|some|other|main|key|common|most common)\\s+(?=\\S)", "$0");
          head = head.replaceFirst("(?i)^the\\s+", "");
          String rest = String.join(" ", java.util.Arrays.copyOfRange(words, i + 1, words.length));
          String plural = w.endsWith("s") ? words[i] : words[i] + "s";
          head = head.substring(0, head.length() - words[i].length()) + plural;
          String restLow = rest.toLowerCase(Locale.ROOT);
          String frame;
          if (!rest.isEmpty() && (restLow.matches("^(of|for|in|from|to|with|that|associated)\\b.*")
              || restLow.matches("^\\S+(ing|ed)\\b.*") || !lexicon.find(rest).isEmpty())) {
            frame = head + " " + rest;
          } else {
            Mention about = sectionTopic != null ? sectionTopic : topic;
            if (about != null && names(head, about, true) && topic != null && !names(head, topic, false)) {
              // "Side effects" is the concept side effects: its items are the article's ("Side effects of
              // metformin"), not "Side effects of side effects".
              about = topic;
            }
            if (about == null) {
              return null;
            }
            // "Metformin side effects" already says whose.
            String aboutText = names(head, about, false) ? null : about.text();
            if (aboutText != null && DEFICIENCY_CATEGORIES.contains(w) && about.isA("substance")
                && !References.isNutrient(about.concept())) {
              aboutText = null; // "Signs" under "Antidepressants": not of an antidepressant deficiency
            } else if (aboutText != null && DEFICIENCY_CATEGORIES.contains(w) && about.isA("substance")) {
              aboutText = aboutText + " deficiency";
            }
            frame = aboutText == null ? head : head + " of " + aboutText;
          }
          Mention deficiency = refs.deficiency(List.of());
          if (deficiency != null) {
            // "Symptoms of deficiency": the deficiency the article is about.
            frame = frame.replaceAll("(?i)\\b(of|in|with|from) deficiency\\b", "$1 " + deficiency.text());
          }
          return new Atomizer.Frame(Atomizer.upperFirst(Atomizer.sentenceCase(frame, lexicon)) + " include", false);
        }
      }
      return null;
    }

    /** Whether {@code text} names the concept of {@code m} ({@code last}: in its last words, "Side effects"). */
    private boolean names(String text, Mention m, boolean last) {
      return m.concept() != null && lexicon.find(text).stream().anyMatch(x -> x.concept().id().equals(m.concept().id())
          && (!last || x.end() >= text.length()));
    }

    private Mention mentionOf(String text) {
      List<Lexicon.Match> m = lexicon.find(text);
      String t = text.strip();
      // "Tricyclic antidepressants (TCAs)" is plural as "Tricyclic antidepressants" is.
      String head = t.replaceFirst("\\s*\\([^()]*\\)$", "").toLowerCase(Locale.ROOT);
      return new Mention(t, m.isEmpty() ? null : m.getFirst().concept(), head.endsWith("s"));
    }
  }

  private static String stripNumbering(String text) {
    return NUMBERING.matcher(text).replaceFirst("");
  }

  private static String stripFinal(String s) {
    return s.replaceAll("[.:;,\\s]+$", "");
  }

  /** A paragraph that reads as a heading: short, no closing punctuation, mostly capitalised words. */
  static boolean headingLike(String text) {
    if (text.isEmpty() || text.length() > 100 || ".!?:;,\"\u201d".indexOf(text.charAt(text.length() - 1)) >= 0) {
      return false;
    }
    String[] words = text.split("\\s+");
    if (words.length > 12) {
      return false;
    }
    int content = 0;
    int capital = 0;
    for (String w : words) {
      if (w.length() > 3) {
        content++;
        if (Character.isUpperCase(w.codePointAt(0))) {
          capital++;
        }
      }
    }
    return content == 0 || capital * 10 >= content * 6;
  }

  /**
   * {@code s} with each run of C0 and C1 control characters (tabs, a BEL, line breaks unless {@code keepLines}) and
   * the spaces around it as one space, none at the start.
   */
  static String withoutControls(String s, boolean keepLines) {
    if (s.chars().noneMatch(c -> control(c, keepLines))) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    boolean gap = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (control(c, keepLines)) {
        while (!sb.isEmpty() && sb.charAt(sb.length() - 1) == ' ') {
          sb.setLength(sb.length() - 1);
        }
        gap = !sb.isEmpty();
      } else if (!(gap && c == ' ')) {
        if (gap) {
          sb.append(' ');
          gap = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean control(int c, boolean keepLines) {
    return Character.getType(c) == Character.CONTROL && !(keepLines && (c == '\n' || c == '\r'));
  }

  /** Symbols before the arrows block that are marks or emoji, not units: the rest ("°", "℃") stay in claims. */
  private static final String MARKS = "\u00a6\u00a9\u00ae\u2122\u2139";

  /** A sentence as claims say it: emoji, pictographs and marks ("®", "™") out, units kept, spaces collapsed. */
  static String clean(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      int type = Character.getType(cp);
      boolean symbol = type == Character.OTHER_SYMBOL && (cp >= 0x2190 || MARKS.indexOf(cp) >= 0)
          || type == Character.SURROGATE
          || cp == 0xFE0F || cp == 0x200D || cp >= 0x1F000 || cp >= 0x2190 && cp <= 0x21FF
          || cp >= 0x2600 && cp <= 0x27BF;
      sb.appendCodePoint(symbol ? ' ' : cp);
    });
    return SPACES.matcher(sb).replaceAll(" ").strip();
  }

  /** The claim text as stored and hashed: first letter up, one final full stop. */
  static String normalise(String text, String sentence) {
    String t = SPACES.matcher(text.strip()).replaceAll(" ");
    t = SPACE_BEFORE_PUNCT.matcher(t).replaceAll("$1");
    t = SPACE_AFTER_PAREN.matcher(t).replaceAll("(");
    t = TRAILING_PUNCT.matcher(t).replaceAll("");
    if (t.isEmpty()) {
      return sentence.strip();
    }
    t = Atomizer.upperFirst(t);
    if (sentence.strip().endsWith("?") && !t.endsWith("?")) {
      return t + "?";
    }
    return ".!?".indexOf(t.charAt(t.length() - 1)) >= 0 ? t : t + ".";
  }

  /**
   * The article's topic for its claims (Claim#topic; {@code leveled}: its headings carry levels), or null when the
   * article is not about {@code main}: it is when its title or its headline (the one heading of the top level; without
   * levels, {@link #leadingHeadingTitles}) names it, or when it is discussed outside the sections whose headings name it
   * (twice at least). A concept of its own section only is no topic: a page titled "Health notes" with a section on
   * iron (and its sub-headings) made every claim under "HIV" and "Tuberculosis" need an abstract about iron, and one
   * "heart disease" in an article on infections did likewise.
   */
  private Lexicon.Concept claimTopic(Article article, Mention main, boolean leveled) {
    if (main == null || main.concept() == null) {
      return null;
    }
    String id = main.concept().id();
    java.util.function.Predicate<String> names = text -> lexicon.find(text == null ? "" : text).stream()
        .anyMatch(m -> m.concept().id().equals(id));
    List<Block> blocks = article.blocks();
    if (names.test(article.title())) {
      return main.concept();
    }
    // The page's headline is its one heading of the top level (an h1, or an h2 under a logo): what it names, the page
    // is about. Several at the top level (an h1 per section) are sections, not a headline. Without levels (text files),
    // the leading heading by its later ones.
    if (leveled) {
      int top = blocks.stream().filter(b -> b.level() > 0).mapToInt(Block::level).min().orElse(1);
      List<Block> atTop = blocks.stream().filter(b -> b.kind() == Block.Kind.HEADING && b.level() == top).toList();
      if (atTop.size() == 1 && names.test(atTop.getFirst().text())) {
        return main.concept();
      }
    } else if (leadingHeadingTitles(blocks, names)) {
      return main.concept();
    }
    // Mentions outside the sections whose headings name it; a section runs over its sub-headings (a dt, or a heading
    // found by its look, is one level below the heading over it): "Food sources" under "Vitamin B12" is still the B12
    // section.
    Deque<Place> open = new ArrayDeque<>();
    int outside = 0;
    for (Block b : blocks) {
      if (b.kind() == Block.Kind.HEADING) {
        int level = effectiveLevel(b.level(), open.isEmpty() ? 0 : open.peek().level(), leveled);
        while (!open.isEmpty() && open.peek().level() >= level) {
          open.pop();
        }
        open.push(new Place(level, names.test(b.text()) ? main.concept() : null));
        continue;
      }
      if (open.stream().allMatch(x -> x.concept() == null)) {
        for (Lexicon.Match m : lexicon.find(b.text())) {
          if (m.concept().id().equals(id)) {
            outside++;
          }
        }
      }
    }
    return outside >= 2 ? main.concept() : null;
  }

  /** A heading over the text: its level and the concept it names, or null. */
  private record Place(int level, Lexicon.Concept concept) {}

  /**
   * A heading's level for sections: its own (1 to 6); one below the heading over it when unknown in a page whose
   * headings have levels (a dt, a line that looks like a heading); 1, every heading a section of its own, in a text
   * file.
   */
  private static int effectiveLevel(int level, int above, boolean leveled) {
    if (level > 0) {
      return level;
    }
    return leveled ? Math.min(6, above + 1) : 1;
  }

  /**
   * Whether the article's first block is a heading naming the concept and every later heading either names it too or
   * is a section's generic name ("Complications", "Treatment", "What is it"): a page's h1 under a site-name title. A
   * later heading of its own subject ("HIV", "Statins") makes the first one a section of a page on several things.
   */
  private static boolean leadingHeadingTitles(List<Block> blocks, java.util.function.Predicate<String> names) {
    if (blocks.isEmpty() || blocks.getFirst().kind() != Block.Kind.HEADING || !names.test(blocks.getFirst().text())) {
      return false;
    }
    for (Block b : blocks.subList(1, blocks.size())) {
      if (b.kind() == Block.Kind.HEADING && !names.test(b.text()) && !genericHeading(b.text())) {
        return false;
      }
    }
    return true;
  }

  private static boolean genericHeading(String text) {
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (!w.isEmpty() && !GENERIC_HEADING_WORDS.contains(w)) {
        return false;
      }
    }
    return true;
  }

  /** The words of a section's generic name: "Complications", "Who is at risk", "When to see a doctor". */
  private static final Set<String> GENERIC_HEADING_WORDS = Set.of("a", "an", "the", "and", "or", "of", "for", "to",
      "in", "on", "with", "at", "is", "are", "it", "its", "what", "who", "when", "how", "why", "which", "can", "do",
      "does", "you", "your", "about", "more", "complications", "complication", "treatment", "treatments", "treating",
      "symptoms", "symptom", "signs", "sign", "causes", "cause", "diagnosis", "diagnosing", "prevention", "preventing",
      "risk", "risks", "factors", "overview", "summary", "conclusion", "conclusions", "introduction", "background",
      "see", "doctor", "references", "sources", "faq", "faqs", "questions", "frequently", "asked", "key", "takeaways",
      "takeaway", "bottom", "line", "outlook", "prognosis", "management", "tests", "test", "testing", "types", "effects",
      "side", "benefits", "learn", "living", "care", "tips", "next", "steps", "related", "resources", "further",
      "reading", "facts", "myths", "at-risk", "help", "get", "should", "know", "need", "happens", "long", "term",
      "options", "research", "evidence", "studies");

  /** The article's topic, topic substance and topic condition: named in the title, else the most mentioned. */
  private Mention[] topics(Article article) {
    String title = article.title();
    if (title == null || lexicon.find(title).isEmpty()) {
      title = article.blocks().stream().filter(b -> b.kind() == Block.Kind.HEADING).map(Block::text)
          .filter(t -> !lexicon.find(t).isEmpty()).findFirst().orElse("");
    }
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Lexicon.Concept> byId = new LinkedHashMap<>();
    for (Block b : article.blocks()) {
      for (Lexicon.Match m : lexicon.find(b.text())) {
        counts.merge(m.concept().id(), 1, Integer::sum);
        byId.putIfAbsent(m.concept().id(), m.concept());
      }
    }
    List<Lexicon.Match> inTitle = lexicon.find(title);
    Lexicon.Concept main = inTitle.stream().map(Lexicon.Match::concept)
        .filter(c -> c.type().equals("substance") || c.type().equals("condition")).findFirst()
        .orElse(inTitle.isEmpty() ? mostFrequent(byId, counts, null) : inTitle.getFirst().concept());
    Lexicon.Concept substance = inTitle.stream().map(Lexicon.Match::concept).filter(c -> c.type().equals("substance"))
        .findFirst().orElse(mostFrequent(byId, counts, "substance"));
    Lexicon.Concept condition = inTitle.stream().map(Lexicon.Match::concept).filter(c -> c.type().equals("condition"))
        .findFirst().orElse(mostFrequent(byId, counts, "condition"));
    return new Mention[] {mention(main), mention(substance), mention(condition)};
  }

  private static Lexicon.Concept mostFrequent(Map<String, Lexicon.Concept> byId, Map<String, Integer> counts,
      String type) {
    Lexicon.Concept best = null;
    int bestCount = 0;
    for (Lexicon.Concept c : byId.values()) {
      int n = counts.get(c.id());
      if ((type == null || c.type().equals(type)) && n > bestCount) {
        best = c;
        bestCount = n;
      }
    }
    return best;
  }

  private static Mention mention(Lexicon.Concept c) {
    return c == null ? null : new Mention(c.name(), c, false);
  }
}
