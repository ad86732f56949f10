package org.claimcheck.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.claimcheck.Tally;
import org.claimcheck.TestData;
import org.claimcheck.claim.ClaimsFile;
import org.claimcheck.claim.Lexicon;
import org.claimcheck.index.AbstractIndexer;
import org.claimcheck.index.AbstractSearcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierTest {
  @TempDir
  static Path dir;

  @BeforeAll
  static void index() throws IOException {
    try (AbstractIndexer indexer = AbstractIndexer.open(dir)) {
      indexer.index(TestData.resource("org/claimcheck/pubmed/invented-pubmed.xml"), new Tally("index"));
      indexer.commit();
    }
  }

  private ClaimVerdict verify(String claim) throws IOException {
    try (AbstractSearcher s = AbstractSearcher.open(dir, AbstractSearcher.Bm25.DEFAULT)) {
      return new Verifier(s, new RuleStanceModel(), Lexicon.builtin(), Verifier.Options.defaults())
          .verify(ClaimsFile.plain("1", claim, 0));
    }
  }

  @Test
  void supportedClaimsCarryTheirEvidenceAndDesign() throws IOException {
    ClaimVerdict v = verify("Oral vitamin B12 improves peripheral neuropathy in deficient adults.");
    assertEquals(Verdict.SUPPORTED, v.verdict());
    AbstractEvidence best = v.best();
    assertEquals("90000001", best.id());
    assertEquals(StudyDesign.RCT, best.design());
    assertEquals("https://pubmed.ncbi.nlm.nih.gov/90000001/", best.url());
    assertTrue(best.sentences().size() <= 3);
    assertTrue(v.confidence() > 0 && v.confidence() <= 1);
  }

  @Test
  void negationMismatchContradicts() throws IOException {
    ClaimVerdict v = verify("Methylcobalamin changes melatonin synthesis.");
    assertEquals(Verdict.CONTRADICTED, v.verdict());
    assertEquals(StudyDesign.ANIMAL, v.best().design());
  }

  @Test
  void retractedRecordsAreShownButNeverCounted() throws IOException {
    ClaimVerdict v = verify("Vitamin B12 cures restless legs syndrome.");
    assertTrue(v.abstracts().stream().anyMatch(a -> a.id().equals("90000003") && a.retracted()));
    assertTrue(v.evidence().stream().noneMatch(AbstractEvidence::retracted));
    assertEquals(Verdict.INSUFFICIENT_EVIDENCE, v.verdict());
  }

  @Test
  void writesSciFactPredictions() throws IOException {
    ClaimVerdict v = verify("Oral vitamin B12 improves peripheral neuropathy in deficient adults.");
    StringWriter w = new StringWriter();
    Predictions.writeScifact(w, List.of(v));
    String line = w.toString().strip();
    assertTrue(line.startsWith("{\"id\":1,\"evidence\":{\"90000001\":{\"sentences\":["), line);
    assertTrue(line.contains("\"label\":\"SUPPORT\""), line);
  }
}
