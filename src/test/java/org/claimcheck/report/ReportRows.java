package org.claimcheck.report;

import java.util.ArrayList;
import java.util.List;
import org.claimcheck.claim.Claim;
import org.claimcheck.verify.AbstractEvidence;
import org.claimcheck.verify.ClaimVerdict;
import org.claimcheck.verify.EvidenceSentence;
import org.claimcheck.verify.Stance;
import org.claimcheck.verify.StudyDesign;
import org.claimcheck.verify.Verdict;

/** Invented report rows for the report tests, one of each verdict, one of them full of markup. */
final class ReportRows {
  static final String EVIL_TITLE = "</title><script>document.title='pwned'</script>";
  static final String EVIL_CLAIM = "Turmeric <script>document.body.setAttribute('data-pwned','1')</script> cures "
      + "arthritis & \"gout\" in older adults.";
  static final String EVIL_SENTENCE = "<img src=x onerror=\"document.body.setAttribute('data-pwned','2')\"> Turmeric "
      + "did not cure arthritis in older adults.";

  private ReportRows() {}

  static Claim claim(String id, String article, String url, String text, double worthiness) {
    return new Claim(id, "a-" + article.length(), url, article, 1, text, null, text, "", "", "", false, false,
        worthiness, List.of("invented"), List.of(), null);
  }

  static AbstractEvidence evidence(String pmid, StudyDesign design, Stance stance, boolean retracted, String sentence) {
    return new AbstractEvidence(pmid, "An invented study " + pmid, 2021, "Invented Journal",
        "https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/", design, retracted, 3.2, stance, 0.8,
        List.of(new EvidenceSentence(0, sentence, stance, 0.8)));
  }

  static List<ClaimsReport.Row> rows() {
    List<ClaimsReport.Row> rows = new ArrayList<>();
    Claim evil = claim("c0000000000000001", EVIL_TITLE, "javascript:alert(1)", EVIL_CLAIM, 0.9);
    rows.add(new ClaimsReport.Row(evil, new ClaimVerdict(evil, Verdict.CONTRADICTED, 0.8, 0, 1,
        List.of(evidence("91000001", StudyDesign.RCT, Stance.CONTRADICT, false, EVIL_SENTENCE)))));
    Claim zinc = claim("c0000000000000002", "Staying Well Through Winter", "https://example.org/winter",
        "Zinc shortens the duration of the common cold in adults.", 0.7);
    rows.add(new ClaimsReport.Row(zinc, new ClaimVerdict(zinc, Verdict.SUPPORTED, 0.64, 1, 0,
        List.of(evidence("91000002", StudyDesign.META_ANALYSIS, Stance.SUPPORT, false,
            "Zinc shortened the duration of the common cold in adults."),
            evidence("91000006", StudyDesign.OTHER, Stance.SUPPORT, true,
                "Zinc cured colds overnight.")))));
    Claim magnesium = claim("c0000000000000003", "Staying Well Through Winter", "https://example.org/winter",
        "Magnesium improves sleep quality in people with insomnia.", 0.95);
    rows.add(new ClaimsReport.Row(magnesium, new ClaimVerdict(magnesium, Verdict.MIXED, 0.47, 1, 1,
        List.of(evidence("91000003", StudyDesign.RCT, Stance.SUPPORT, false,
            "Magnesium improved sleep quality in elderly people with insomnia."),
            evidence("91000004", StudyDesign.COHORT, Stance.CONTRADICT, false,
                "Magnesium intake was not associated with sleep quality.")))));
    Claim omega = claim("c0000000000000004", "Staying Well Through Winter", "https://example.org/winter",
        "Omega-3 fatty acids reduce fatigue in multiple sclerosis.", 0.6);
    rows.add(new ClaimsReport.Row(omega, new ClaimVerdict(omega, Verdict.INSUFFICIENT_EVIDENCE, 0.5, 0, 0,
        List.of())));
    return rows;
  }
}
