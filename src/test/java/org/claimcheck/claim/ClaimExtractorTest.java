package org.claimcheck.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.claimcheck.article.Article;
import org.claimcheck.article.Block;
import org.junit.jupiter.api.Test;

class ClaimExtractorTest {
  private final ClaimExtractor extractor = new ClaimExtractor(Lexicon.builtin());

  static Article article(Block... blocks) {
    return new Article("a1", "test.txt", "file:///test.txt", "file:///test.txt", null, "Test", null, null, null, null,
        "2026-11-21T00:00:00Z", 0, "hash", null, null, "", List.of(blocks));
  }

  private Claim only(String sentence) {
    List<Claim> claims = extractor.extract(article(new Block(Block.Kind.PARAGRAPH, sentence)));
    assertEquals(1, claims.size(), claims.toString());
    return claims.getFirst();
  }

  @Test
  void healthStatementsAreCheckWorthyAndChatterIsNot() {
    assertTrue(only("B12 has no overdose or toxicity levels.").checkWorthiness() >= 0.5);
    assertTrue(only("Vitamin B12 is involved in the synthesis of melatonin.").checkWorthiness() >= 0.5);
    assertTrue(only("Consult your doctor before taking supplements.").checkWorthiness() < 0.5);
    assertTrue(only("Can B12 deficiency cause tremors?").checkWorthiness() < 0.5);
    assertTrue(only("Thank you for visiting our site!").checkWorthiness() < 0.5);
    assertTrue(only("Leave a reply and share this post about vitamin B12.").checkWorthiness() < 0.5);
  }

  @Test
  void marksNegationAndHedging() {
    Claim negated = only("B12 has no overdose or toxicity levels.");
    assertTrue(negated.negated());
    assertFalse(negated.hedged());
    Claim hedged = only("Methylcobalamin may improve sleep in older adults.");
    assertTrue(hedged.hedged());
    assertFalse(hedged.negated());
    assertEquals("vitamin_b12", hedged.entities().getFirst());
  }

  @Test
  void headingsAreContextNotClaimsAndIdsAreStable() {
    Article a = article(new Block(Block.Kind.HEADING, "Neurological Symptoms of B12 Deficiency"),
        new Block(Block.Kind.PARAGRAPH, "Low vitamin B12 causes numbness. It also causes memory loss."));
    List<Claim> claims = extractor.extract(a);
    assertEquals(2, claims.size());
    assertEquals("Neurological Symptoms of B12 Deficiency", claims.get(0).context());
    assertEquals(1, claims.get(0).sentenceIndex());
    assertEquals(2, claims.get(1).sentenceIndex());
    assertEquals(Claim.idFor("a1", "Low vitamin B12 causes numbness."), claims.get(0).id());
    assertEquals(claims, extractor.extract(a), "same article, same claims");
  }
}
