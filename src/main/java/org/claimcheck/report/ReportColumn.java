package org.claimcheck.report;

/** The columns of {@code claims-report.csv}, in order; README "Reports" documents each. */
public enum ReportColumn {
  run_date,
  article_url,
  article_title,
  claim_id,
  claim,
  sentence,
  check_worthiness,
  negated,
  hedged,
  verdict,
  confidence,
  supporting,
  contradicting,
  best_pmid,
  best_sentence,
  best_design,
  best_year,
  evidence_pmids,
  pubmed_link,
  retracted_pmids
}
