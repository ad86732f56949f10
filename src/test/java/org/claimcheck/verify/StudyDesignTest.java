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
}
