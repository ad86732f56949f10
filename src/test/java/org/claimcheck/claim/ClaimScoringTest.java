package org.claimcheck.claim;

import static org.claimcheck.claim.ClaimExtractorTest.h;
import static org.claimcheck.claim.ClaimExtractorTest.li;
import static org.claimcheck.claim.ClaimExtractorTest.p;
import static org.claimcheck.claim.ClaimExtractorTest.titled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.claimcheck.article.Block;
import org.junit.jupiter.api.Test;

/** Claims and their check-worthiness on the sentence shapes the blind review of ten health pages found misread. */
class ClaimScoringTest {
  private final ClaimExtractor extractor = new ClaimExtractor(Lexicon.builtin());

  private List<Claim> claims(String title, Block... blocks) {
    return extractor.extract(titled(title, blocks));
  }

  private static Claim claim(List<Claim> claims, String text) {
    return claims.stream().filter(c -> c.claim().equals(text)).findFirst()
        .orElseThrow(() -> new AssertionError(text + " not in " + claims.stream().map(Claim::claim).toList()));
  }

  @Test
  void aLeadInWithTwoVerbsFramesItsItemsWithTheClauseTheListCompletes() {
    // The frame was the lead-in's first clause: "Symptoms develop slowly, often over several years tiredness." (0.95)
    // for each item, while the clause before the list, a claim, was capped as an unfinished lead-in.
    List<Claim> c = claims("Hypothyroidism",
        p("Symptoms develop slowly, often over several years, and include:"), li("tiredness"), li("constipation"));
    List<String> t = c.stream().map(Claim::claim).toList();
    assertTrue(t.contains("Symptoms of hypothyroidism include tiredness."), t.toString());
    assertTrue(t.contains("Symptoms of hypothyroidism include constipation."), t.toString());
    assertTrue(t.stream().noneMatch(x -> x.contains("years tiredness") || x.contains("years constipation")),
        t.toString());
    assertTrue(claim(c, "Symptoms develop slowly, often over several years.").checkWorthiness() >= 0.5,
        "a whole clause before the lead-in is a claim");
    assertTrue(claim(c, "Symptoms include.").checkWorthiness() < 0.5, "the unfinished clause is not");
    assertEquals(List.of(), c.stream().filter(x -> x.sentence().equals("tiredness"))
        .filter(x -> x.checkWorthiness() < 0.5).map(Claim::claim).toList());
  }

  @Test
  void anAsideBetweenSubjectAndVerbIsNotTheRelation() {
    // "published" in the aside was the relation head: the finding was capped at 0.30 as "about a study".
    Claim c = claim(claims("Coffee", p("A large analysis of more than 200 studies, published in the BMJ in 2017, found "
        + "that drinking coffee was associated with a lower risk of death.")), "A large analysis of more than 200 "
        + "studies, published in the BMJ in 2017, found that drinking coffee was associated with a lower risk of death.");
    assertTrue(c.reasons().contains("relation: find"), c.reasons().toString());
    assertTrue(c.checkWorthiness() >= 0.5, c.toString());
    c = claims("Aspirin", p("Aspirin, which thins the blood, reduces the risk of stroke.")).getFirst();
    assertTrue(c.reasons().contains("relation: reduce"), c.reasons().toString());
    // Without a verb after the aside it is no aside: the study's own verb still marks a sentence about a study.
    c = claims("Coffee", p("The results, published in 2019, were funded by industry.")).getFirst();
    assertTrue(c.checkWorthiness() < 0.5, c.toString());
  }

  @Test
  void aClaimWhosePronounIsStillUnresolvedIsNotCheckWorthyAsWritten() {
    // Each scored 0.70-0.95: "they", "these", "them", an object "it" with nothing in the claim to stand for.
    for (String s : List.of("At high doses they can cut triglycerides by 20 to 30%.",
        "These can be signs of cauda equina syndrome.",
        "Drinking enough water and getting enough salt can ease them.",
        "Zinc might help you get over it a little faster.",
        "The risk appears highest at doses above 1 gram a day.")) {
      Claim c = claims("Health notes", p(s)).getFirst();
      assertTrue(c.checkWorthiness() < 0.5, c.toString());
      assertTrue(c.reasons().stream().anyMatch(r -> r.startsWith("unresolved reference: ")), c.reasons().toString());
    }
    // Resolved, the pronoun is gone from the claim: no cap.
    List<Claim> c = claims("ADHD medicines", p("Stimulants are the most commonly prescribed ADHD medicines. They "
        + "increase the levels of dopamine in the brain."));
    assertTrue(claim(c, "Stimulants increase the levels of dopamine in the brain.").checkWorthiness() >= 0.5,
        c.toString());
    // An expletive "it", and an object pronoun whose antecedent the claim names, are no unresolved references.
    for (String s : List.of("It is never too late to stop smoking.",
        "It is a common myth that cracking your knuckles causes arthritis.",
        "About 9 in 10 unvaccinated people who are exposed to measles will catch it.",
        "When the body breaks down alcohol, it turns it into a chemical called acetaldehyde.")) {
      Claim x = claims("Health notes", p(s)).getFirst();
      assertTrue(x.reasons().stream().noneMatch(r -> r.startsWith("unresolved reference")), x.reasons().toString());
    }
  }

  @Test
  void pageTalkAnecdotesOrdersAfterAConditionOpinionsAndDisclaimersAreNoClaims() {
    // Each scored 0.70-0.85.
    for (String s : List.of("This leaflet explains what low back pain is and how you can manage it at home.",
        "A friend said she gives her daughter melatonin gummies every night.",
        "Some people swear that gluten-free diets cured their Hashimoto's.",
        "If you're healthy, eat oily fish twice a week rather than buying capsules.",
        "Honestly, the best diet is the one you can stick to.",
        "These statements have not been evaluated by the Food and Drug Administration.")) {
      for (Claim c : claims("Health notes", p(s))) {
        assertTrue(c.checkWorthiness() < 0.5, c.toString());
      }
    }
    // A condition before a statement is no order; a study's people are no acquaintances.
    assertTrue(claims("Aspirin", p("When taken daily, aspirin reduces the risk of a second heart attack."))
        .getFirst().checkWorthiness() >= 0.5);
    assertTrue(claims("Smoking", p("People whose partner smokes have a higher risk of lung cancer."))
        .getFirst().checkWorthiness() >= 0.5);
  }

  @Test
  void aStatementCalledAMythIsDenied() {
    // The whole sentence was the claim, negated=false, subject "... according to an old myth that", relation "has".
    List<Claim> c = claims("Arthritis", p("Cracking your knuckles causes arthritis, according to an old myth that has "
        + "no scientific basis."));
    assertEquals(List.of("Cracking your knuckles causes arthritis."), c.stream().map(Claim::claim).toList());
    assertTrue(c.getFirst().negated(), c.toString());
    assertTrue(c.getFirst().reasons().contains("negated: reported as a myth"), c.toString());
    assertTrue(c.getFirst().checkWorthiness() >= 0.5, c.toString());
    Claim myth = claims("Arthritis", p("It is a common myth that cracking your knuckles causes arthritis."))
        .getFirst();
    assertEquals("It is a common myth that cracking your knuckles causes arthritis.", myth.claim());
    assertTrue(myth.negated(), myth.toString());
    assertEquals("cracking your knuckles", myth.subject());
    assertTrue(claims("Coffee", p("The idea that coffee causes cancer is a myth.")).getFirst().negated());
    // "Little evidence" denies as "no evidence" does; "a little evidence" does not.
    assertTrue(claims("Coffee", p("There is little evidence that coffee causes cancer.")).getFirst().negated());
    assertTrue(claims("Coffee", p("There is no evidence that coffee causes cancer.")).getFirst().negated());
    assertFalse(claims("Zinc", p("There is a little evidence that zinc shortens colds.")).getFirst().negated());
  }

  @Test
  void aStatementCalledAMythIsParsedAsASentenceOfItsOwn() {
    // Atomized on the whole sentence's parse, the statement's verb kept the noun tag it got there: each was 0.35 "no
    // verb" (0.85-0.95 as the sentence alone).
    for (String s : List.of("The idea that vaccines cause autism is a dangerous myth.",
        "The claim that sugar causes diabetes is a common misconception.",
        "The belief that cold weather causes colds is a myth.",
        "The idea that cracking your knuckles causes arthritis is a myth.",
        "The notion that eggs raise cholesterol, once widely held, is now a myth.")) {
      List<Claim> c = claims("Health notes", p(s));
      assertEquals(1, c.size(), c.toString());
      assertTrue(c.getFirst().negated(), c.toString());
      assertTrue(c.getFirst().checkWorthiness() >= 0.5, c.toString());
      assertFalse(c.getFirst().relation().isEmpty(), c.toString());
    }
    // The page's own clause after the myth's name is kept, and not denied with it.
    List<Claim> c = claims("Sugar", p("Sugar makes children hyperactive, according to an old myth, but studies show "
        + "it does not."));
    assertTrue(claim(c, "Sugar makes children hyperactive.").negated(), c.toString());
    assertTrue(c.size() == 2 && c.get(1).reasons().stream().noneMatch(r -> r.contains("reported as a myth")),
        c.toString());
  }

  @Test
  void anAnecdoteIsAboutTheWritersAcquaintancesNotAGenericPerson() {
    // Each was capped at 0.30 as an anecdote: "a mother", "a father", "a partner" are anyone.
    for (String s : List.of("A mother who smokes during pregnancy raises her baby's risk of sudden infant death.",
        "A father's age affects the risk of autism in his children.",
        "A mother's antibodies protect her baby for the first few months of life.",
        "A sister or brother of someone with type 1 diabetes has a higher risk of developing it.",
        "A partner who smokes doubles your risk of lung cancer.",
        "His father's smoking raises his risk of lung cancer.")) {
      Claim c = claims("Health notes", p(s)).getFirst();
      assertFalse(c.reasons().contains("anecdote"), c.toString());
      assertTrue(c.checkWorthiness() >= 0.5, c.toString());
    }
    for (String s : List.of("My neighbour's son was diagnosed with asthma at age four.",
        "A friend of mine takes melatonin every night.", "A colleague said that ginger cured her nausea.",
        "Her daughter was diagnosed with asthma at age four.", "Our kids take fish oil every day.")) {
      Claim c = claims("Health notes", p(s)).getFirst();
      assertTrue(c.reasons().contains("anecdote"), c.toString());
      assertTrue(c.checkWorthiness() < 0.5, c.toString());
    }
  }

  @Test
  void aPageTalkWordWithAnotherSenseIsNoPageTalk() {
    // Each was capped at 0.10 "about the page".
    for (String s : List.of("Most people recover fully from this episode of vertigo within a few weeks.",
        "Antibiotics will not shorten this episode of bronchitis.",
        "This post-viral fatigue usually improves within six months.")) {
      Claim c = claims("Health notes", p(s)).getFirst();
      assertFalse(c.reasons().contains("about the page"), c.toString());
      assertTrue(c.checkWorthiness() >= 0.5, c.toString());
    }
    for (String s : List.of("In this episode, we talk about how sleep affects memory.",
        "This chapter explains how insulin lowers blood sugar.", "This leaflet explains what low back pain is.")) {
      Claim c = claims("Health notes", p(s)).getFirst();
      assertTrue(c.reasons().contains("about the page"), c.toString());
    }
  }

  @Test
  void thoseBeforeTheWordsThatNameThemIsNoUnresolvedReference() {
    // Each was capped at 0.45 "unresolved reference: those" (0.95 before the cap).
    for (String s : List.of("Screening benefits those with a family history of bowel cancer.",
        "Statins help those with high cholesterol live longer.",
        "Vaccines protect those at highest risk of serious illness.",
        "Vaccines protect those who cannot be vaccinated themselves.",
        "Early treatment helps those recently diagnosed with type 2 diabetes.")) {
      Claim c = claims("Health notes", p(s)).getFirst();
      assertTrue(c.reasons().stream().noneMatch(r -> r.startsWith("unresolved reference")), c.toString());
      assertTrue(c.checkWorthiness() >= 0.5, c.toString());
    }
    Claim c = claims("Health notes", p("Statins can cause muscle aches, but most people tolerate those well.")).getLast();
    assertTrue(c.reasons().contains("unresolved reference: those"), c.toString());
  }

  @Test
  void anOpinionIsASetOffAdverbOrAFramingNotAClinicalTerm() {
    // "Frankly diabetic" is a clinical term: it was capped at 0.40 "opinion" (0.85 before the cap).
    Claim c = claims("Diabetes", p("An HbA1c above 48 mmol/mol is frankly diabetic and needs treatment.")).getFirst();
    assertFalse(c.reasons().contains("opinion"), c.toString());
    assertTrue(c.checkWorthiness() >= 0.5, c.toString());
    // Each passed at 0.85-0.95: an opinion's framing dropped from the claim, "to be honest", a named person's story.
    for (String s : List.of("In my opinion, the keto diet is the best way to reverse diabetes.",
        "To be honest, most supplements are a waste of money.",
        "Sarah, 34, found that cutting out gluten cured her migraines within a month.",
        "The programme was, frankly, a public-health failure.")) {
      for (Claim x : claims("Health notes", p(s))) {
        assertTrue(x.checkWorthiness() < 0.5, x.toString());
      }
    }
  }

  @Test
  void commonHealthWordsMakeASentenceAboutHealth() {
    // The health words were those of B12 and the nerves: these were "no health entity" (0.45), below the threshold.
    List<Claim> c = claims("Notes", p("People are infectious from about four days before the rash appears."),
        p("Most small stones pass on their own within a few weeks."), p("Up to 9 in 10 people do not use their "
            + "inhaler correctly."), p("The train leaves from platform four every morning."));
    assertTrue(claim(c, "People are infectious from about four days before the rash appears.").checkWorthiness()
        >= 0.5, c.toString());
    assertTrue(claim(c, "Most small stones pass on their own within a few weeks.").checkWorthiness() >= 0.5);
    assertTrue(claim(c, "Up to 9 in 10 people do not use their inhaler correctly.").checkWorthiness() >= 0.5);
    assertTrue(claim(c, "The train leaves from platform four every morning.").checkWorthiness() < 0.5,
        "a sentence with no health word is not");
  }

  @Test
  void anOrderWhoseVerbTheModelTookForANameIsAnOrder() {
    // "Hold" and "Rest" opening a list item were tagged PROPN: "Hold an ice pack" was the subject of "wrapped", and
    // once its "it" was resolved the order scored 0.85.
    List<Claim> c = claims("Gout", h("During an attack"), li("Rest the joint and raise it."),
        li("Hold an ice pack wrapped in a towel against it for up to 20 minutes."));
    for (Claim x : c) {
      assertTrue(x.checkWorthiness() < 0.2, x.claim() + " " + x.checkWorthiness() + " " + x.reasons());
    }
  }

  @Test
  void aPronounInsideTheSubjectOrAnOpeningPhraseIsAnUnresolvedReference() {
    // These scored 0.85-0.95 with "it" and "them" standing for nothing the claim names.
    List<Claim> c = claims("Notes", p("The nicotine in them is more addictive than in normal cigarettes."),
        p("For them, aspirin remains a cornerstone of treatment."), p("In older adults, this risk rises sharply."),
        p("Three large trials were published in 2018. None of them found that aspirin reduced deaths."));
    assertTrue(claim(c, "The nicotine in them is more addictive than in normal cigarettes.").checkWorthiness() < 0.5);
    assertTrue(claim(c, "For them, aspirin remains a cornerstone of treatment.").checkWorthiness() < 0.5);
    assertTrue(claim(c, "In older adults, this risk rises sharply.").checkWorthiness() < 0.5);
    // A quantifier's "of them": what they found is the claim.
    assertTrue(claim(c, "None of them found that aspirin reduced deaths.").checkWorthiness() >= 0.5, c.toString());
  }

  @Test
  void theTaggersNameForAnOrderAndNounForAVerbAreRepaired() {
    // "Spinach" was tagged VERB (an order, 0.10); "lowers" NOUN because a relative clause's verb came later, which
    // glued "Metformin lowers blood sugar ... your liver" into every subject of the paragraph.
    List<Claim> c = claims("Calcium", p("Spinach contains a lot of calcium."));
    assertTrue(claim(c, "Spinach contains a lot of calcium.").checkWorthiness() >= 0.5, c.toString());
    List<Claim> m = claims("Metformin", p("Metformin lowers blood sugar mainly by reducing the amount of glucose your "
        + "liver makes. It also makes your muscles more sensitive to insulin."));
    assertTrue(m.stream().anyMatch(x -> x.claim().equals("Metformin also makes your muscles more sensitive to "
        + "insulin.")), m.toString());
  }

  @Test
  void studiesHaveLinkedIsAFindingNotAStudysMethod() {
    // "have" was tagged VERB before "linked", so the relation was "have" and "studies have" read as a study's
    // description (0.30).
    List<Claim> c = claims("Sleep", p("Some studies have linked long-term use of benzodiazepines, such as diazepam, "
        + "to a higher risk of dementia."));
    assertTrue(c.getFirst().checkWorthiness() >= 0.5, c.toString());
  }

  @Test
  void aPronounsVerbAndAVerbBeforeAnObjectPronounAreVerbs() {
    // Both were "no verb" (0.35): "accounts" tagged NOUN after "It", "outgrow" ADV before "it".
    List<Claim> c = claims("Diabetes", p("Type 2 diabetes is common. It accounts for about 90% of all diabetes cases."),
        p("About 20% of children with peanut allergy outgrow it."));
    assertTrue(claim(c, "Type 2 diabetes accounts for about 90% of all diabetes cases.").checkWorthiness() >= 0.5,
        c.toString());
    assertTrue(claim(c, "About 20% of children with peanut allergy outgrow it.").checkWorthiness() >= 0.5);
  }

  @Test
  void everyonesAdviceTheSitesToolsAndADiaryAreNotClaims() {
    // 0.85, 0.70 and 0.85 before.
    List<Claim> c = claims("Notes", p("Ideally, everyone should be vaccinated by the end of October."),
        p("You can also check your 10-year heart risk with our calculator."),
        p("Picked up a starter kit today, 20mg nic salts as the shop recommended."),
        p("Everyone needs vitamin D. Reduced the risk of stroke by 20% in the trial."));
    assertTrue(claim(c, "Ideally, everyone should be vaccinated by the end of October.").checkWorthiness() < 0.5);
    assertTrue(claim(c, "You can also check your 10-year heart risk with our calculator.").checkWorthiness() < 0.5);
    assertTrue(claim(c, "Picked up a starter kit today, 20mg nic salts as the shop recommended.").checkWorthiness()
        < 0.5);
    // A statement about everyone, and a subjectless finding with no day of a diary, stay claims.
    assertTrue(claim(c, "Everyone needs vitamin D.").checkWorthiness() >= 0.5);
    assertTrue(claim(c, "Reduced the risk of stroke by 20% in the trial.").checkWorthiness() >= 0.5);
  }

  @Test
  void aPluralHealthWordBeforeThemIsItsAntecedent() {
    // "them" (the bones) was an unresolved reference: bones are no lexicon concept (0.45).
    List<Claim> c = claims("Bones", p("Weight-bearing exercise puts stress on bones, which stimulates them to get "
        + "stronger."), p("Doctors like them."));
    assertTrue(c.getFirst().checkWorthiness() >= 0.5, c.toString());
    assertTrue(c.getLast().checkWorthiness() < 0.5, "nothing before: " + c);
  }

  @Test
  void aBeliefThePageReportsIsNotItsClaim() {
    // "Sugar causes ADHD, according to a popular belief." was the page's claim (0.95), the next sentence denying it.
    List<Claim> c = claims("ADHD", p("Sugar causes ADHD, according to a popular belief. It is widely believed that "
        + "vitamin C cures colds. Vitamin C does not cure colds."));
    assertTrue(claim(c, "Sugar causes ADHD, according to a popular belief.").checkWorthiness() < 0.5, c.toString());
    assertTrue(claim(c, "It is widely believed that vitamin C cures colds.").checkWorthiness() < 0.5);
    assertTrue(claim(c, "Vitamin C does not cure colds.").checkWorthiness() >= 0.5);
  }
}
