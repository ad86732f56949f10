package org.claimcheck.nlp;

import static org.claimcheck.nlp.AnnotatorTest.split;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sentence ends after names that end in a capital letter ("vitamin D."), and initials that are not ends. */
class SentenceSplitTest {
  @Test
  void aSentenceEndingInAOneLetterVitaminEnds() {
    // The detector took "D." for an initial and kept going.
    assertEquals(List.of("In winter the sun is too weak for your skin to make vitamin D.",
            "For this reason, adults should take a supplement."),
        split("In winter the sun is too weak for your skin to make vitamin D. For this reason, adults should take "
            + "a supplement."));
    assertEquals(List.of("Oranges are full of vitamin C.", "Kiwis are too."),
        split("Oranges are full of vitamin C. Kiwis are too."));
    assertEquals(List.of("Liver is rich in vitamin A.", "Nuts give vitamin E.", "Greens give vitamin K.", "Done."),
        split("Liver is rich in vitamin A. Nuts give vitamin E. Greens give vitamin K. Done."));
  }

  @Test
  void listsOfLettersAndOtherLetterNamesEndSentencesToo() {
    assertEquals(List.of("Eggs contain vitamins A and D.", "Fish does too."),
        split("Eggs contain vitamins A and D. Fish does too."));
    assertEquals(List.of("Fruit has vitamins A, C, and E.", "Seeds have some."),
        split("Fruit has vitamins A, C, and E. Seeds have some."));
    assertEquals(List.of("The vaccine protects against hepatitis B.", "Ask your nurse."),
        split("The vaccine protects against hepatitis B. Ask your nurse."));
    assertEquals(List.of("Sore throats are often caused by group A.", "Strep spreads easily."),
        split("Sore throats are often caused by group A. Strep spreads easily."));
  }

  @Test
  void nutrientCodesWithDigitsEndSentences() {
    assertEquals(List.of("Bananas are rich in B6.", "Eat them daily."),
        split("Bananas are rich in B6. Eat them daily."));
    assertEquals(List.of("Natto gives you K2.", "Cheese does too."), split("Natto gives you K2. Cheese does too."));
    assertEquals(List.of("Take vitamin D3.", "It is cheap."), split("Take vitamin D3. It is cheap."));
  }

  @Test
  void initialsAndAbbreviationsDoNotEndSentences() {
    assertEquals(List.of("The review by J. Smith and Dr. A. Patel found no effect."),
        split("The review by J. Smith and Dr. A. Patel found no effect."));
    assertEquals(List.of("John F. Kennedy had Addison's disease."), split("John F. Kennedy had Addison's disease."));
    assertEquals(List.of("Take vitamin C.", "Dr. A. Patel agrees."), split("Take vitamin C. Dr. A. Patel agrees."));
    assertEquals(List.of("He took vitamin D. for years."), split("He took vitamin D. for years."));
    assertEquals(List.of("Levels were low, e.g. in winter.", "It helps."),
        split("Levels were low, e.g. in winter. It helps."));
  }
}
