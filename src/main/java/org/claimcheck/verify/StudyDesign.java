package org.claimcheck.verify;

import java.util.Locale;
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
    String text = (record.title() + " " + record.abstractText()).toLowerCase(Locale.ROOT);
    if (text.contains("meta-analysis") || text.contains("meta analysis")) {
      return META_ANALYSIS;
    }
    if (text.contains("systematic review")) {
      return SYSTEMATIC_REVIEW;
    }
    if (text.contains("randomized") || text.contains("randomised")) {
      return RCT;
    }
    if (text.contains("in vitro") || text.contains("cell line") || text.contains("cultured cells")) {
      return IN_VITRO;
    }
    if (text.contains(" mice ") || text.contains(" rats ") || text.contains(" mouse ")) {
      return ANIMAL;
    }
    if (text.contains("cohort")) {
      return COHORT;
    }
    return OTHER;
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
