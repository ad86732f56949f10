package org.claimcheck.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimcheck.index.SentenceSplitter;
import org.claimcheck.pubmed.PubmedRecord;

/**
 * The design of the study behind an abstract, from its publication types and MeSH headings, with the weight its
 * evidence gets in a verdict (the usual evidence pyramid: syntheses over trials over observational studies over case
 * reports, animal and in-vitro work).
 */
public enum StudyDesign {
  META_ANALYSIS("meta-analysis", 1.0),
  SYSTEMATIC_REVIEW("systematic review", 0.95),
  RCT("randomized controlled trial", 0.85),
  CLINICAL_TRIAL("clinical trial", 0.7),
  COHORT("cohort study", 0.6),
  CASE_CONTROL("case-control study", 0.5),
  CROSS_SECTIONAL("cross-sectional study", 0.45),
  REVIEW("review", 0.4),
  CASE_REPORT("case report", 0.25),
  ANIMAL("animal study", 0.2),
  IN_VITRO("in vitro study", 0.15),
  OTHER("other", 0.35);

  private final String label;
  private final double weight;

  StudyDesign(String label, double weight) {
    this.label = label;
    this.weight = weight;
  }

  /** A short label for reports ("randomized controlled trial"). */
  public String label() {
    return label;
  }

  /** The weight of this design's evidence in a verdict, in (0, 1]. */
  public double weight() {
    return weight;
  }

  /** The design of {@code record}, the strongest its publication types and MeSH headings support. */
  public static StudyDesign of(PubmedRecord record) {
    boolean humans = record.humans();
    boolean animals = record.animals();
    StudyDesign best = null;
    for (String t : record.publicationTypes()) {
      StudyDesign d = fromText(t.toLowerCase(Locale.ROOT));
      if (d != null && (best == null || d.ordinal() < best.ordinal())) {
        best = d;
      }
    }
    for (PubmedRecord.MeshHeading h : record.mesh()) {
      StudyDesign d = fromMesh(h.descriptor().toLowerCase(Locale.ROOT));
      if (d != null && (best == null || d.ordinal() < best.ordinal())) {
        best = d;
      }
    }
    if (best != null && best != REVIEW && best != CASE_REPORT) {
      return best;
    }
    if (animals && !humans) {
      return ANIMAL;
    }
    if (best != null) {
      return best;
    }
    return fromWords(record);
  }

  /**
   * The design a record's own words name, for records without publication types or MeSH headings that name one
   * (SciFact's corpus, PubMed records typed only "Journal Article"). A meta-analysis, systematic review or randomised
   * trial counts when the title names it or a sentence of the abstract says it of this study: a sentence that says what
   * this study did ("we conducted", "this review searched", "were randomly assigned"), a methods section (or a sentence
   * opening with such a heading, as flattened abstracts have), or any sentence outside a background section that does
   * not speak of earlier or future work ("previous meta-analyses", "no randomized trials have", "trials are needed").
   * "Nonrandomized", "not randomised" and "quasi-randomized" are not randomised trials. Then in vitro words, animal
   * words (when they are no fewer than the words for people studied: patients, participants, women, ...), cohort
   * words, else {@link #OTHER}.
   */
  static StudyDesign fromWords(PubmedRecord record) {
    String title = record.title().toLowerCase(Locale.ROOT);
    List<String> own = new ArrayList<>();
    own.add(title);
    StringBuilder all = new StringBuilder(title);
    for (String[] sentence : sentences(record)) {
      String s = sentence[1].toLowerCase(Locale.ROOT);
      all.append(' ').append(s);
      boolean background = "background".equals(sentence[0]) || BACKGROUND_HEADING.matcher(sentence[1]).lookingAt();
      if (OWN_STUDY.matcher(s).find() || !background && ("methods".equals(sentence[0])
          || METHODS_HEADING.matcher(sentence[1]).lookingAt() || !EARLIER_OR_FUTURE.matcher(s).find())) {
        own.add(s);
      }
    }
    for (StudyDesign d : new StudyDesign[] {META_ANALYSIS, SYSTEMATIC_REVIEW, RCT}) {
      for (String s : own) {
        if (names(d, s)) {
          return d;
        }
      }
    }
    String text = all.toString();
    if (IN_VITRO_WORDS.matcher(text).find()) {
      return IN_VITRO;
    }
    long animals = ANIMAL_WORDS.matcher(text).results().count();
    if (animals > 0 && animals >= PEOPLE_WORDS.matcher(text).results().count()) {
      return ANIMAL;
    }
    if (COHORT_WORDS.matcher(text).find()) {
      return COHORT;
    }
    return OTHER;
  }

  /**
   * Which of {@code record}'s sentences ({@link PubmedRecord#sentences()}) say how the study was done (its design,
   * setting, participants, interventions, exposures, outcome measures, methods, search and selection), not what it
   * found: "Secondary outcomes pertained to sleep-related daytime impairment and included validated measures of
   * insomnia symptoms, depression, anxiety, stress, and fatigue" lists what was measured, and was taken as evidence
   * against a claim that poor sleep causes daytime fatigue. From the record's labelled sections (PubMed XML:
   * NlmCategory METHODS, or a label naming methods) or, for a corpus's flattened abstracts (SciFact), from the headings
   * its sentences open with ("DESIGN, SETTING, AND PARTICIPANTS ...", "Main Outcomes and Measures ..."), which hold
   * until the next heading. A section that reports findings too ("METHODS AND RESULTS", "METHODS AND FINDINGS") is
   * not one, nor a sentence into which a findings heading was run ("... NF-kB.   RESULTS Using an intent-to-treat
   * analysis, ..."), nor the objective ("OBJECTIVE To determine whether ..."). All false for an abstract without such
   * headings.
   */
  static boolean[] methods(PubmedRecord record) {
    List<String> sentences = record.sentences();
    boolean[] out = new boolean[sentences.size()];
    int[] places = record.sections().stream().anyMatch(s -> s.label() != null || s.category() != null)
        ? record.sentencePlaces() : null;
    if (places != null) {
      for (int i = 0; i < out.length; i++) {
        PubmedRecord.Section s = record.sections().get(places[2 * i]);
        String category = s.category() == null ? "" : s.category().toUpperCase(Locale.ROOT);
        String label = s.label() == null ? "" : s.label();
        boolean methods = category.equals("METHODS") || METHODS_WORDS.matcher(label).find();
        out[i] = methods && !FINDINGS_HEADING.matcher(label).find()
            && !RUN_IN_FINDINGS.matcher(sentences.get(i)).find();
      }
      return out;
    }
    boolean inMethods = false;
    for (int i = 0; i < out.length; i++) {
      String s = sentences.get(i);
      Matcher h = LEADING_HEADING.matcher(s);
      if (h.lookingAt() || (h = TITLE_CASE_HEADING.matcher(s)).lookingAt()) {
        String heading = h.group(1);
        boolean findings = FINDINGS_HEADING.matcher(heading).find();
        if (findings || METHODS_WORDS.matcher(heading).find()) {
          inMethods = !findings;
        }
      }
      boolean runIn = RUN_IN_FINDINGS.matcher(s).find();
      out[i] = inMethods && !runIn;
      if (runIn) {
        inMethods = false;
      }
    }
    return out;
  }

  /** Words of a heading over a study's methods. */
  private static final Pattern METHODS_WORDS = Pattern.compile("\\b(?:design|settings?|participants|patients"
      + "|subjects|population|interventions?|exposures?|measures?|measurements|methods?|methodology|materials"
      + "|procedures?|data sources|study selection|selection criteria|eligibility"
      + "|data extraction|data collection|search(?: strategy| methods)?)\\b", Pattern.CASE_INSENSITIVE);
  /** Words of a heading over what a study found, why, or what it set out to do (not how). */
  private static final Pattern FINDINGS_HEADING = Pattern.compile("\\b(?:results?|findings?|conclusions?|interpretation"
      + "|synthesis|discussion|summary|significance|implications|relevance|background|context|introduction"
      + "|importance|rationale|objectives?|aims?|purpose|goals?|hypothes[ie]s)\\b", Pattern.CASE_INSENSITIVE);
  /** A heading in capitals that a flattened abstract's sentence opens with: "DESIGN, SETTING, AND PARTICIPANTS". */
  private static final Pattern LEADING_HEADING = Pattern.compile("\\s*([A-Z][A-Z&/,\\- ]*[A-Z])(?=:?\\s+\\S)");
  /** A heading in title case, as JAMA writes them: "Design, Setting, and Participants", "Exposures". */
  private static final Pattern TITLE_CASE_HEADING = Pattern.compile("\\s*(Objectives?|Aims?|Purpose|Importance"
      + "|Design(?:, Setting,? and (?:Participants|Patients))?|Setting|Participants|Interventions?|Exposures?"
      + "|Main Outcomes? and Measures?|Methods?|Results|Findings|Conclusions?(?: and Relevance)?|Background"
      + "|Interpretation)(?=:?\\s+[A-Z\\d])");
  /** A findings heading run into the middle of a sentence, after the spaces that stood for a line break. */
  private static final Pattern RUN_IN_FINDINGS = Pattern.compile(
      "\\S\\s{2,}(?:RESULTS?|FINDINGS|CONCLUSIONS?|INTERPRETATION)\\b");

  private static final Pattern META_WORDS = Pattern.compile("\\bmeta[- ]?analy(?:sis|ses|tic)\\b");
  private static final Pattern REVIEW_WORDS = Pattern.compile("\\bsystematic(?:al)?(?:ally)? review");
  /** "randomized", "randomly assigned", with what may stand before them: a "non", "not" or "quasi" undoes them. */
  private static final Pattern RANDOMISED = Pattern.compile(
      "(\\bnon[- ]?|\\bnot |\\bquasi[- ]?|\\b)(?:randomi[sz]ed\\b|randomly (?:assigned|allocated)\\b)");
  private static final Pattern IN_VITRO_WORDS =
      Pattern.compile("\\bin vitro\\b|\\bcell lines?\\b|\\bcultured cells\\b");
  private static final Pattern ANIMAL_WORDS = Pattern.compile("\\b(?:mice|mouse|rats)\\b");
  private static final Pattern COHORT_WORDS = Pattern.compile("\\bcohorts?\\b");
  /** People studied; "human" is not one of them (mouse studies speak of human disease). */
  private static final Pattern PEOPLE_WORDS = Pattern.compile(
      "\\b(?:patients?|participants?|volunteers?|women|men|children|infants)\\b");
  /** An abstract heading flattened into its first sentence ("DESIGN Cluster-randomized controlled trial"). */
  private static final Pattern METHODS_HEADING = Pattern.compile(
      "(?:[A-Z]+[,:]? (?:AND )?)*(?:METHODS?|DESIGN|SETTING|PARTICIPANTS|INTERVENTIONS?|CRITERIA|SEARCH"
      + "|DATA SOURCES|DATA COLLECTION)\\b");
  /** A background heading flattened into its sentence ("BACKGROUND Meta-analyses have disagreed."). */
  private static final Pattern BACKGROUND_HEADING = Pattern.compile("(?:BACKGROUND|INTRODUCTION|CONTEXT|RATIONALE)\\b");
  /** A sentence about earlier work or work still to do: its design words are not this study's. */
  private static final Pattern EARLIER_OR_FUTURE = Pattern.compile("\\b(?:previous(?:ly)?|prior|earlier|recent(?:ly)?"
      + "|published|existing|other|no|few|future|needed|need|lack|will|would|should"
      + "|(?:have|has) (?:been )?(?:shown|suggested|reported|found|assessed|examined|demonstrated))\\b");
  /** A sentence that says what this study did, whatever else it mentions. */
  private static final Pattern OWN_STUDY = Pattern.compile(
      "\\b(?:we|this|the present|the current)\\b(?: [\\w-]+,?){0,4}?"
      + " (?:conducted|performed|carried out|undertook|undertaken|designed|report|present|did|pooled|searched"
      + "|assigned|allocated|randomi[sz]ed|enrolled|recruited)\\b"
      + "|\\b(?:was|were) (?:randomi[sz]ed|randomly|pooled|searched)\\b");

  private static boolean names(StudyDesign d, String s) {
    return switch (d) {
      case META_ANALYSIS -> META_WORDS.matcher(s).find();
      case SYSTEMATIC_REVIEW -> REVIEW_WORDS.matcher(s).find();
      case RCT -> {
        Matcher m = RANDOMISED.matcher(s);
        while (m.find()) {
          if (m.group(1) == null || m.group(1).isEmpty()) {
            yield true;
          }
        }
        yield false;
      }
      default -> false;
    };
  }

  /** The abstract's sentences as ("methods", "background" or null: the kind of section they are in; text). */
  private static List<String[]> sentences(PubmedRecord record) {
    List<String[]> out = new ArrayList<>();
    if (record.sections().stream().anyMatch(s -> s.label() != null || s.category() != null)) {
      for (PubmedRecord.Section s : record.sections()) {
        String kind = isMethods(s) ? "methods" : isBackground(s) ? "background" : null;
        for (String sentence : SentenceSplitter.split(s.text())) {
          out.add(new String[] {kind, sentence});
        }
      }
    } else if (!record.sentences().isEmpty()) {
      for (String sentence : record.sentences()) {
        out.add(new String[] {null, sentence});
      }
    } else {
      for (String sentence : SentenceSplitter.split(record.abstractText())) {
        out.add(new String[] {null, sentence});
      }
    }
    return out;
  }

  private static boolean isBackground(PubmedRecord.Section s) {
    if ("BACKGROUND".equalsIgnoreCase(s.category())) {
      return true;
    }
    String label = s.label() == null ? "" : s.label().toLowerCase(Locale.ROOT);
    return label.contains("background") || label.contains("introduction") || label.contains("context")
        || label.contains("rationale");
  }

  private static boolean isMethods(PubmedRecord.Section s) {
    if ("METHODS".equalsIgnoreCase(s.category())) {
      return true;
    }
    String label = s.label() == null ? "" : s.label().toLowerCase(Locale.ROOT);
    return label.contains("method") || label.contains("design") || label.contains("intervention");
  }

  private static StudyDesign fromText(String t) {
    return switch (t) {
      case "meta-analysis", "network meta-analysis" -> META_ANALYSIS;
      case "systematic review" -> SYSTEMATIC_REVIEW;
      case "randomized controlled trial", "pragmatic clinical trial", "equivalence trial" -> RCT;
      case "clinical trial", "clinical trial, phase i", "clinical trial, phase ii", "clinical trial, phase iii",
          "clinical trial, phase iv", "controlled clinical trial", "multicenter study" -> CLINICAL_TRIAL;
      case "observational study" -> COHORT;
      case "review", "scoping review" -> REVIEW;
      case "case reports" -> CASE_REPORT;
      default -> null;
    };
  }

  private static StudyDesign fromMesh(String m) {
    return switch (m) {
      case "cohort studies", "prospective studies", "longitudinal studies", "retrospective studies",
          "follow-up studies" -> COHORT;
      case "case-control studies" -> CASE_CONTROL;
      case "cross-sectional studies" -> CROSS_SECTIONAL;
      case "random allocation", "double-blind method" -> RCT;
      case "in vitro techniques", "cells, cultured" -> IN_VITRO;
      default -> null;
    };
  }
}
