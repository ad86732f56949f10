package org.claimcheck.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A gerund phrase as the subject: the verb after it is a verb, not a noun. */
class GerundSubjectTest {
  private final Annotator annotator = new Annotator();

  private String tagOf(String sentence, String word) {
    Tagged t = annotator.tag(sentence, List.of(), Annotator.Lemmas.VERBS);
    return t.tags().get(t.tokens().indexOf(word));
  }

  @Test
  void theVerbAfterAGerundSubjectIsAVerb() {
    // An infinitive inside the gerund phrase was taken for the clause's verb.
    assertEquals("VERB", tagOf("Relying on a reliever alone to control asthma raises the risk of a severe attack.",
        "raises"));
    // An adjective before the verb hid the subject.
    assertEquals("VERB", tagOf("Taking aspirin daily lowers the risk of a second heart attack.", "lowers"));
  }

  @Test
  void aPluralHeadBeforeOfAgreesWithTheVerb() {
    // "no verb" kept this claim from being checked: "activity increase" does not agree, "levels ... increase" does.
    assertEquals("VERB", tagOf("Very high levels of physical activity increase mortality.", "increase"));
  }

  @Test
  void aPluralNounAfterAnInfinitiveStaysANoun() {
    assertEquals("NOUN", tagOf("Tips to lower blood pressure spikes in winter.", "spikes"));
  }
}
