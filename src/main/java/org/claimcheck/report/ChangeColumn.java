package org.claimcheck.report;

/** The columns of {@code changes.csv}, in order; README "Reports" documents each. */
public enum ChangeColumn {
  run_date,
  previous_run_date,
  change,
  claim_id,
  article_url,
  article_title,
  claim,
  old_verdict,
  new_verdict,
  old_confidence,
  new_confidence,
  pubmed_link,
  old_evidence_pmids,
  new_evidence_pmids
}
