package org.claimcheck.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.claimcheck.article.Block;
import org.junit.jupiter.api.Test;

/**
 * How coordinations split into claims, on ordinary health prose: two verb phrases are two claims, each with its whole
 * verb phrase; words joined inside a noun phrase, examples of a kind, a colon's clause and hyphenated words stay as
 * they are. Where a split is not sure the sentence stays whole: a garbled claim ("Osteoporosis makes fragile.") is
 * worse.
 */
class AtomizerCoordinationTest {
  private final ClaimExtractor extractor = new ClaimExtractor(Lexicon.builtin());

  private List<Claim> claims(String sentence) {
    return extractor.extract(ClaimExtractorTest.article(new Block(Block.Kind.PARAGRAPH, sentence)));
  }

  private List<String> texts(String sentence) {
    return claims(sentence).stream().map(Claim::claim).toList();
  }

  private Claim only(String sentence) {
    List<Claim> c = claims(sentence);
    assertEquals(1, c.size(), c.toString());
    return c.getFirst();
  }

  @Test
  void twoVerbPhrasesAreTwoClaimsEachWithItsWholeVerbPhrase() {
    // Once "Resistance training builds strength healthy stress on joints." and "... builds puts healthy stress ...":
    // "puts", tagged a noun, made "strength and puts" two modifiers of one head.
    assertEquals(List.of("Resistance training builds strength.", "Resistance training puts healthy stress on joints."),
        texts("Resistance training builds strength and puts healthy stress on joints."));
    assertEquals(List.of("Weight training builds muscle.", "Weight training puts extra load on the bones."),
        texts("Weight training builds muscle and puts extra load on the bones."));
    assertEquals(List.of("Salt raises blood pressure.", "Salt damages the kidneys over time."),
        texts("Salt raises blood pressure and damages the kidneys over time."));
    assertEquals(List.of("Statins lower LDL cholesterol.", "Statins reduce the risk of heart attacks."),
        texts("Statins lower LDL cholesterol and reduce the risk of heart attacks."));
    // The finite verb agrees ("helps ... and improves"); a gerund is a subject ("Smoking damages").
    assertEquals(List.of("Exercise helps lower blood sugar.", "Exercise improves mood."),
        texts("Exercise helps lower blood sugar and improves mood."));
    assertEquals(List.of("Smoking damages the lungs.", "Smoking is a major cause of cancer."),
        texts("Smoking damages the lungs and is a major cause of cancer."));
    assertEquals(List.of("Sleep loss increases appetite.", "Sleep loss raises the risk of obesity."),
        texts("Sleep loss increases appetite and raises the risk of obesity."));
    // The auxiliaries and the negation govern both verbs.
    assertEquals(List.of("Iron is absorbed in the small intestine.", "Iron is stored in the liver."),
        texts("Iron is absorbed in the small intestine and stored in the liver."));
    List<Claim> metformin = claims("Metformin does not cause weight gain or raise the risk of low blood sugar.");
    assertEquals(List.of("Metformin does not cause weight gain.", "Metformin does not raise the risk of low blood "
        + "sugar."), metformin.stream().map(Claim::claim).toList());
    assertTrue(metformin.get(1).negated(), metformin.toString());
    assertEquals(List.of("Drugs such as zoledronic acid slow down bone loss.",
        "Drugs such as zoledronic acid reduce the risk of fractures."),
        texts("Drugs such as zoledronic acid slow down bone loss and reduce the risk of fractures."));
  }

  @Test
  void britishSpellingsAreVerbsToo() {
    // Once "Statins lower cholesterol plaques in the arteries." and "Statins lower stabilise plaques ...": the tagger,
    // taught on American text, took "stabilise" for a noun (and "minimise", "immunise", "optimises" ...).
    assertEquals(List.of("Statins lower cholesterol.", "Statins stabilise plaques in the arteries."),
        texts("Statins lower cholesterol and stabilise plaques in the arteries."));
    assertEquals(List.of("Vaccines minimise the risk of serious illness.", "Vaccines immunise children against measles."),
        texts("Vaccines minimise the risk of serious illness and immunise children against measles."));
    // A verb in -ise / -ize that is not in the verb list, tagged a noun after its subject (0.35: "no verb" before).
    Claim c = only("Regular exercise optimises insulin sensitivity.");
    assertEquals("optimises", c.relation(), c.toString());
    assertTrue(c.checkWorthiness() >= 0.5, c.toString());
  }

  @Test
  void aListSubjectIsSharedWholeAndAListOfUnsureStartStaysWhole() {
    // Once "Headache usually pass within a few days.": the shared subject was cut at its first comma, as an aside is.
    assertEquals(List.of("Headache, fatigue and irritability in the first week are common.",
        "Headache, fatigue and irritability in the first week usually pass within a few days."),
        texts("Headache, fatigue and irritability in the first week are common and usually pass within a few days."));
    // Once "Others can cause cancers of the cervix, anus penis." (and "... anus mouth", "... anus throat"): "anus",
    // tagged a conjunction, was no item, and the items after it were glued to it.
    assertEquals(List.of("Others can cause cancers of the cervix, anus, penis, mouth and throat."),
        texts("Others can cause cancers of the cervix, anus, penis, mouth and throat."));
  }

  @Test
  void aClauseThatLeavesOutItsVerbPhraseGetsTheOneBefore() {
    // Once "Oestrogen patches and gels do not seem to.", "Tea does not.": claims that say nothing checkable.
    List<Claim> c = claims("Oral oestrogen raises the risk of blood clots, but oestrogen patches and gels do not seem "
        + "to.");
    assertEquals(List.of("Oral oestrogen raises the risk of blood clots.",
        "Oestrogen patches and gels do not seem to raise the risk of blood clots."),
        c.stream().map(Claim::claim).toList());
    assertTrue(c.getLast().negated(), c.toString());
    assertEquals(List.of("Coffee raises blood pressure.", "Tea does not raise blood pressure."),
        texts("Coffee raises blood pressure, but tea does not."));
    assertEquals(List.of("Coffee is safe in pregnancy.", "Energy drinks are not safe in pregnancy."),
        texts("Coffee is safe in pregnancy, but energy drinks are not."));
    List<Claim> d = claims("Coffee does not cause dehydration, but alcohol does.");
    assertEquals("Alcohol does cause dehydration.", d.getLast().claim());
    assertFalse(d.getLast().negated(), d.toString());
    // Found by the re-review: the first clause's negation is not copied ("Nicotine is not addictive." was the claim of
    // "Coffee is not addictive, but nicotine is."); a statement reported by a verb, a passive, an infinitive after
    // the object, and a condition are left alone or left behind.
    assertEquals(List.of("Coffee is not addictive.", "Nicotine is addictive."),
        texts("Coffee is not addictive, but nicotine is."));
    assertEquals("They do not.", texts("Many parents worry that vaccines cause autism, but they do not.").getLast());
    assertEquals("Paracetamol can.", texts("Aspirin should not be given to children, but paracetamol can.").getLast());
    assertEquals("Many do not.", texts("Doctors advise patients to stop smoking, but many do not.").getLast());
    assertEquals("Adults can take aspirin.",
        texts("You should not take aspirin if you are under 16, but adults can.").getLast());
    assertEquals("Smoothies are.", texts("Fruit juice is no substitute for fruit, but smoothies are.").getLast());
    // A copula's complement is not a verb's: "Tea is not" does not take "raise blood pressure".
    assertEquals(List.of("Coffee raises blood pressure.", "Tea is not."),
        texts("Coffee raises blood pressure, but tea is not."));
  }

  @Test
  void aVerbCoordinationThatIsNotSureStaysWhole() {
    // "slow" tagged an adjective and "loss" a verb: once "... slow down bone loss the risk of hip fractures." and
    // "... slow down bone reduce the risk ..."; two verbs in different forms are not coordinated.
    String medicines = "Medicines such as risedronic acid slow down bone loss and reduce the risk of hip fractures.";
    assertEquals(List.of(medicines), texts(medicines));
    // What the patients do, not the doctors; "it" would lose what it stands for.
    String doctors = "Doctors recommend that patients eat less salt and exercise more.";
    assertEquals(List.of(doctors), texts(doctors));
    String it = "Some medications may worsen the symptoms or even cause it.";
    assertEquals(List.of(it), texts(it));
  }

  @Test
  void wordsJoinedInsideANounPhraseAreNotLost() {
    // Once "Low oestrogen makes bones thin." and "Low oestrogen makes brittle.", "The pill is approved for women
    // men.", "Yoga reduces stress sugar levels.", "People taking statins should avoid report muscle pain.".
    for (String s : List.of("Low oestrogen makes bones thin and brittle.", "Diabetes makes nerves weak and numb.",
        "The pill is approved for women and transgender men.",
        "People taking statins should avoid grapefruit and report muscle pain.")) {
      assertEquals(List.of(s), texts(s));
    }
    // A second phrase of several words keeps them all: two claims, not "stress sugar levels".
    assertEquals(List.of("Yoga reduces stress.", "Yoga reduces blood sugar levels."),
        texts("Yoga reduces stress and blood sugar levels."));
    assertEquals(List.of("Yoga reduces stress.", "Yoga reduces resting pulse levels."),
        texts("Yoga reduces stress and resting pulse levels."));
    // Modifiers of one head still split.
    assertEquals(List.of("Low vitamin D raises osteoporosis risk.", "Low vitamin D raises fracture risk."),
        texts("Low vitamin D raises osteoporosis and fracture risk."));
  }

  @Test
  void examplesOfAKindStayWithTheirKind() {
    // Once "Good sources include oily fish such as eggs." and "... red meat such as spinach.".
    for (String s : List.of("Good sources include oily fish such as salmon, eggs and fortified cereals.",
        "Good sources of iron include red meat such as beef, lentils and spinach.")) {
      assertEquals(List.of(s), texts(s));
    }
    // A list without examples still splits.
    assertEquals(List.of("Good sources of calcium include milk.", "Good sources of calcium include cheese.",
        "Good sources of calcium include yoghurt."),
        texts("Good sources of calcium include milk, cheese and yoghurt."));
  }

  @Test
  void aClauseAfterAColonKeepsItsOwnSubject() {
    // Once "Avoid alcohol before bed can disturb your sleep.": "it" took the whole advice for its referent.
    assertEquals("Alcohol can disturb your sleep.",
        only("Avoid alcohol before bed: it can disturb your sleep.").claim());
    // A label that is a name stays the referent, its letter a capital (once "Vitamin d helps ...").
    assertEquals("Vitamin D helps the body absorb calcium.", only("Vitamin D: it helps the body absorb calcium.")
        .claim());
    assertEquals("Caffeine and alcohol can worsen sleep.",
        only("Avoidance of caffeine and alcohol: These substances can worsen sleep.").claim());
  }

  @Test
  void hyphenatedWordsAndNamesStayWhole() {
    // Once the subject "called natural cigarettes" ("So" taken for a discourse word), "Multidrug-" with the relation
    // "resistant", "Risedronic" with "acid reduces" ("acid" tagged a verb) and "People who" with "smoke are".
    Claim so = only("So-called natural cigarettes are just as harmful.");
    assertEquals("So-called natural cigarettes are just as harmful.", so.claim());
    assertEquals("So-called natural cigarettes", so.subject());
    Claim tb = only("Multidrug-resistant TB requires treatment for up to two years.");
    assertEquals("Multidrug-resistant TB", tb.subject());
    assertEquals("requires", tb.relation());
    assertEquals("Drug-resistant TB", only("Drug-resistant TB requires treatment for up to two years.").subject());
    Claim acid = only("Risedronic acid reduces the risk of hip fractures.");
    assertEquals("Risedronic acid", acid.subject());
    assertEquals("reduces", acid.relation());
    Claim smokers = only("People who smoke are more likely to develop gum disease.");
    assertEquals("People who smoke", smokers.subject());
    assertEquals("are", smokers.relation());
  }

  @Test
  void aDiscourseWordBeforeTheSubjectGoes() {
    // Once "But, side effects are rare.".
    assertEquals("Side effects are rare.", only("Yes, but side effects are rare.").claim());
    assertEquals("The risk is small.", only("No, but the risk is small.").claim());
  }

  @Test
  void anAsideInTheSubjectKeepsItsClosingComma() {
    // Once "Aerobic exercise, such as brisk walking strengthens the heart.".
    assertEquals("Aerobic exercise, such as brisk walking, strengthens the heart.",
        only("Aerobic exercise, such as brisk walking, strengthens the heart.").claim());
  }
}
