package org.claimcheck.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.claimcheck.pubmed.PubmedRecord;
import org.junit.jupiter.api.Test;

class StudyDesignTest {
  private static PubmedRecord record(String title, List<String> pubtypes, List<PubmedRecord.Section> sections,
      List<String> sentences) {
    return new PubmedRecord("90000001", 1, title, sections, sentences, "J", "2020", 2020, List.of(), null, List.of(),
        pubtypes, "eng", true, false, false);
  }

  private static StudyDesign of(String title, String... sentences) {
    return StudyDesign.of(record(title, List.of(), List.of(), List.of(sentences)));
  }

  @Test
  void publicationTypesComeFirst() {
    assertEquals(StudyDesign.RCT, StudyDesign.of(record("Aspirin and stroke", List.of("Randomized Controlled Trial"),
        List.of(), List.of("Previous meta-analyses disagreed."))));
  }

  @Test
  void nonRandomisedStudiesAreNotRandomisedTrials() {
    assertEquals(StudyDesign.OTHER, of("Mefloquine and chloroquine",
        "We report an open, nonrandomized study of travellers."));
    assertEquals(StudyDesign.OTHER, of("A non-randomised comparison of two dressings", "Wounds healed."));
    assertEquals(StudyDesign.OTHER, of("Dressings", "In this quasi-randomized study, wounds healed faster."));
    assertEquals(StudyDesign.OTHER, of("Dressings", "Our patients were not randomized."));
    assertEquals(StudyDesign.OTHER, of("Zinc and colds", "Participants were not randomly assigned to zinc or placebo."));
    assertEquals(StudyDesign.OTHER, of("Zinc and colds", "Participants were non-randomly allocated to two groups."));
  }

  @Test
  void earlierWorkInTheBackgroundDoesNotNameTheDesign() {
    assertEquals(StudyDesign.COHORT, of("Vitamin D and falls",
        "Previous meta-analyses suggested that vitamin D prevents falls.",
        "We followed a cohort of 5,000 adults for ten years."));
    assertEquals(StudyDesign.OTHER, of("Vitamin D and falls", "Falls are common.",
        "Randomized controlled trials are needed."));
  }

  @Test
  void theStudysOwnWordsNameIt() {
    assertEquals(StudyDesign.META_ANALYSIS, of("Vitamin D and falls: a systematic review and meta-analysis",
        "Falls are common."));
    assertEquals(StudyDesign.SYSTEMATIC_REVIEW, of("Vitamin D and falls",
        "This systematic review covers 12 trials."));
    assertEquals(StudyDesign.RCT, of("Vitamin D and falls", "Falls are common.",
        "Patients were randomly assigned to vitamin D or placebo."));
    assertEquals(StudyDesign.RCT, of("Vitamin D and falls",
        "In this randomised, double-blind trial, falls were fewer."));
    // "no" speaks of earlier work in most sentences, but not after the study's own "we randomly assigned".
    assertEquals(StudyDesign.RCT, of("Zinc and colds",
        "We randomly assigned 120 adults with colds to zinc lozenges or no treatment."));
  }

  @Test
  void aMethodsSectionSpeaksOfTheStudy() {
    List<PubmedRecord.Section> sections = List.of(
        new PubmedRecord.Section("BACKGROUND", "BACKGROUND", "Meta-analyses of small trials disagreed."),
        new PubmedRecord.Section("METHODS", "METHODS", "A randomised, placebo-controlled trial in 12 centres."));
    assertEquals(StudyDesign.RCT, StudyDesign.of(record("Vitamin D and falls", List.of(), sections, List.of())));
  }

  @Test
  void wordsAreWholeWords() {
    assertEquals(StudyDesign.OTHER, of("Hydrocortisone and cortisol",
        "Pirates used ratsbane; metamorphosis was seen in vitrolife."));
    assertEquals(StudyDesign.ANIMAL, of("Sleep in rats", "Sleep was measured."));
    assertEquals(StudyDesign.IN_VITRO, of("Tumour growth", "Two cell lines were exposed to the drug."));
  }
  @Test
  void aFlattenedAbstractsMethodsAreNotFindings() {
    // SciFact 17973630, shortened: its outcome list was taken as evidence that poor sleep does not cause fatigue.
    PubmedRecord r = record("Mindfulness meditation and sleep", List.of(), List.of(), List.of(
        "IMPORTANCE Sleep disturbances are most prevalent among older adults.",
        "OBJECTIVE To determine the efficacy of mindfulness meditation to promote sleep quality.",
        "DESIGN, SETTING, AND PARTICIPANTS Randomized clinical trial with 2 parallel groups.",
        "MAIN OUTCOMES AND MEASURES The study was powered to detect differences in sleep disturbance.",
        "Secondary outcomes included validated measures of depression and fatigue.",
        "Secondary outcomes included anxiety.   RESULTS Participants in the MAPs group showed significant improvement.",
        "The MAPs group improved on fatigue severity (P < .05).",
        "CONCLUSIONS AND RELEVANCE Mindfulness meditation improved sleep quality."));
    assertEquals(List.of(false, false, true, true, true, false, false, false), asList(StudyDesign.methods(r)));
    // The objective is not the methods; "METHODS AND RESULTS" reports findings; JAMA's title-case headings count; a
    // capitalised acronym is no heading.
    PubmedRecord jama = record("Ovarian reserve", List.of(), List.of(), List.of(
        "Objective To determine the associations between biomarkers and fertility.",
        "Design, Setting, and Participants Prospective cohort study of 981 women without a history of infertility.",
        "AMH was measured in serum.", "Results Low AMH was not associated with reduced fertility.",
        "METHODS AND RESULTS We classified 13 608 subjects by diabetes.", "Prasugrel reduced events.",
        "METHODS Patients were randomly assigned.", "HIV status was recorded."));
    assertEquals(List.of(false, true, true, false, false, false, true, true), asList(StudyDesign.methods(jama)));
  }

  @Test
  void labelledSectionsSayWhichSentencesAreMethods() {
    List<PubmedRecord.Section> sections = List.of(
        new PubmedRecord.Section("BACKGROUND", "BACKGROUND", "Fatigue is common."),
        new PubmedRecord.Section("METHODS", "METHODS", "We measured fatigue. We measured sleep."),
        new PubmedRecord.Section("METHODS AND RESULTS", "METHODS", "Sleep loss raised fatigue."),
        new PubmedRecord.Section("CONCLUSIONS", "CONCLUSIONS", "Sleep matters."));
    PubmedRecord r = record("Sleep and fatigue", List.of(), sections, List.of("Fatigue is common.",
        "We measured fatigue.", "We measured sleep.", "Sleep loss raised fatigue.", "Sleep matters."));
    assertEquals(List.of(false, true, true, false, false), asList(StudyDesign.methods(r)));
  }

  private static List<Boolean> asList(boolean[] a) {
    List<Boolean> out = new java.util.ArrayList<>();
    for (boolean b : a) {
      out.add(b);
    }
    return out;
  }
}
