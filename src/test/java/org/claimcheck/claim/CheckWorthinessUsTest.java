package org.claimcheck.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "US", the country in capitals, is not the first-person pronoun "us". */
class CheckWorthinessUsTest {
  private final ClaimExtractor extractor = new ClaimExtractor(Lexicon.builtin());

  private Claim best(String sentence) {
    List<Claim> claims = extractor.extract(ClaimExtractorTest.article(ClaimExtractorTest.p(sentence)));
    assertFalse(claims.isEmpty(), sentence);
    return claims.stream().max((a, b) -> Double.compare(a.checkWorthiness(), b.checkWorthiness())).orElseThrow();
  }

  private static boolean firstPerson(Claim c) {
    return c.reasons().contains("first person");
  }

  @Test
  void theCountryInCapitalsIsNotFirstPerson() {
    Claim us = best("Smoking is the leading cause of lung cancer deaths in the US.");
    Claim states = best("Smoking is the leading cause of lung cancer deaths in the United States.");
    assertFalse(firstPerson(us), us.reasons().toString());
    assertEquals(states.checkWorthiness(), us.checkWorthiness(), 1e-9);
    // At the start of a sentence, and before a noun.
    Claim adults = best("US adults with diabetes have twice the risk of heart disease.");
    assertFalse(firstPerson(adults), adults.reasons().toString());
    assertTrue(adults.checkWorthiness() >= 0.5, adults.toString());
    assertFalse(firstPerson(best("In the US, lung cancer kills more people than any other cancer.")));
  }

  @Test
  void thePronounIsStillFirstPerson() {
    assertTrue(firstPerson(best("Doctors told us that vitamin C cures colds.")));
    assertTrue(firstPerson(best("Us humans need vitamin C from food because our bodies cannot make it.")));
    // A line in capitals throughout cannot tell the country from the pronoun.
    assertEquals("contact us", CheckWorthiness.personalText("CONTACT US"));
    assertEquals("lung cancer in the u.s.", CheckWorthiness.personalText("Lung cancer in the US"));
    assertEquals("lung cancer in the u.s.", CheckWorthiness.personalText("Lung cancer in the U.S."));
  }
}
