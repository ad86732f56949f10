package org.claimcheck.claim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The relation a claim is scored by is its clause's verb, not a gerund or infinitive in its subject. */
class RelationHeadTest {
  private final ClaimExtractor extractor = new ClaimExtractor(Lexicon.builtin());

  private List<String> reasons(String sentence) {
    List<Claim> claims = extractor.extract(ClaimExtractorTest.article(ClaimExtractorTest.p(sentence)));
    assertTrue(claims.size() == 1, claims.toString());
    return claims.getFirst().reasons();
  }

  @Test
  void aGerundSubjectIsNotTheRelation() {
    List<String> r = reasons("Relying on a reliever alone to control asthma raises the risk of a severe attack.");
    assertTrue(r.contains("relation: raise"), r.toString());
    r = reasons("Smoking during pregnancy harms the unborn baby.");
    assertTrue(r.contains("relation: harm"), r.toString());
    r = reasons("That\u2019s why smoking causes lung cancer.");
    assertTrue(r.contains("relation: cause"), r.toString());
  }

  @Test
  void relationsAreWholeWords() {
    List<String> r = reasons("Chocolate is often blamed for migraine attacks.");
    assertTrue(r.contains("relation: blame"), r.toString());
  }
}
