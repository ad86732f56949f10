package org.claimcheck.verify;

import java.util.List;
import java.util.Objects;

/**
 * What one abstract says about a claim: its stance, the sentences behind it, and what readers need to weigh it.
 *
 * @param id the PMID or corpus id
 * @param url the PubMed page, or null for corpus documents
 * @param retrievalScore the abstract's retrieval score
 * @param stance the abstract's stance toward the claim
 * @param probability the probability of that stance
 * @param retracted retracted records are shown, flagged, and never counted
 * @param sentences the rationale sentences (at most three), best first
 */
public record AbstractEvidence(
    String id,
    String title,
    Integer year,
    String journal,
    String url,
    StudyDesign design,
    boolean retracted,
    double retrievalScore,
    Stance stance,
    double probability,
    List<EvidenceSentence> sentences) {

  public AbstractEvidence {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(design, "design");
    Objects.requireNonNull(stance, "stance");
    sentences = List.copyOf(sentences);
  }
}
