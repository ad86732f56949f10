package org.claimcheck.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.claimcheck.article.Article;
import org.claimcheck.article.Block;
import org.junit.jupiter.api.Test;

class ClaimExtractorTest {
  private final ClaimExtractor extractor = new ClaimExtractor(Lexicon.builtin());

  static Article article(Block... blocks) {
    return titled("Test", blocks);
  }

  static Article titled(String title, Block... blocks) {
    return new Article("a1", "test.txt", "file:///test.txt", "file:///test.txt", null, title, null, null, null, null,
        "2026-11-21T00:00:00Z", 0, "hash", null, null, "", List.of(blocks));
  }

  static Block p(String text) {
    return new Block(Block.Kind.PARAGRAPH, text);
  }

  static Block h(String text) {
    return new Block(Block.Kind.HEADING, text);
  }

  static Block li(String text) {
    return new Block(Block.Kind.LIST_ITEM, text);
  }

  private List<Claim> claims(Block... blocks) {
    return extractor.extract(article(blocks));
  }

  private static List<String> texts(List<Claim> claims) {
    return claims.stream().map(Claim::claim).toList();
  }

  /** The best score any claim of a one-sentence paragraph gets. */
  private double score(String sentence) {
    return claims(p(sentence)).stream().mapToDouble(Claim::checkWorthiness).max().orElse(-1);
  }

  private Claim only(String sentence) {
    List<Claim> claims = claims(p(sentence));
    assertEquals(1, claims.size(), claims.toString());
    return claims.getFirst();
  }

  @Test
  void wordsJoinedThousandsOfTimesDoNotOverflowTheStack() {
    // "ab-ab-ab-..." once sent the word pattern's repeated group into a StackOverflowError (ClaimExtractorFuzzTest,
    // seed 14554040863152); a table row or a list item is not cut into 1000-character pieces as prose is.
    String hyphens = "ab-".repeat(20_000) + "b12";
    String apostrophes = "b12'".repeat(20_000) + "s";
    for (Block b : List.of(p(hyphens), li(hyphens + " causes anemia"), new Block(Block.Kind.TABLE_ROW, hyphens),
        p(apostrophes + " causes anemia"), li(apostrophes))) {
      for (Claim c : claims(b)) {
        assertTrue(c.checkWorthiness() >= 0 && c.checkWorthiness() <= 1, c.toString());
      }
    }
  }

  @Test
  void healthStatementsAreCheckWorthyAndChatterIsNot() {
    assertTrue(score("B12 has no overdose or toxicity levels.") >= 0.5);
    assertTrue(score("Vitamin B12 is involved in the synthesis of melatonin.") >= 0.5);
    assertTrue(score("Symptoms tend to be worse at night.") >= 0.5, "health words without a lexicon entity");
    assertTrue(score("Thank you for visiting our site!") < 0.5);
    assertTrue(score("Leave a reply and share this post about vitamin B12.") < 0.5);
    assertTrue(score("We recommend our B12 patches for the whole family.") < 0.5, "first-person marketing");
    assertTrue(score("This article explores the link between B12 and sleep.") < 0.5, "the page about itself");
    assertTrue(score("Further research is needed to confirm the effect of B12 on sleep.") < 0.5, "research agenda");
    assertTrue(score("Results were published in a journal.") < 0.5, "nothing about health");
    assertTrue(score("Jane is a registered dietitian who writes about vitamin B12.") < 0.5, "author bio");
  }

  @Test
  void questionsAndImperativesAreNotClaims() {
    assertTrue(score("Can B12 deficiency cause tremors?") < 0.5);
    assertTrue(score("Consult your doctor before taking supplements.") < 0.5);
    assertTrue(score("Take 1000 mcg of vitamin B12 every day.") < 0.5);
    assertTrue(score("Don't wait another day to test your B12 levels.") < 0.5);
    assertTrue(score("Let's have a look at the symptoms of B12 deficiency.") < 0.5);
    assertTrue(score("It's important to check your vitamin B12 levels every year.") < 0.5);
    assertTrue(only("Can B12 deficiency cause tremors?").reasons().contains("question"));
    assertTrue(only("Consult your doctor before taking vitamin B12.").reasons().contains("imperative"));
  }

  @Test
  void aConditionBeforeAndIsNotAModifierOfTheNextNoun() {
    // "hypercalcemia and kidney stones" gave "High doses of vitamin D can cause hypercalcemia stones".
    assertEquals(List.of("High doses of vitamin D can cause hypercalcemia.",
        "High doses of vitamin D can cause kidney stones."),
        texts(claims(p("High doses of vitamin D can cause hypercalcemia and kidney stones."))));
    // Modifiers still share their head (coordinationsSplitIntoAtomicClaimsBesideTheOriginalSentence).
    assertEquals(List.of("Vitamin D deficiency causes rickets.", "Vitamin D deficiency causes muscle weakness."),
        texts(claims(p("Vitamin D deficiency causes rickets and muscle weakness."))));
  }

  @Test
  void conditionsShareAHeadThatConditionsHave() {
    // "osteoporosis and fracture risk" gave "Low vitamin D raises osteoporosis." (the risk was lost).
    assertEquals(List.of("Low vitamin D raises osteoporosis risk.", "Low vitamin D raises fracture risk."),
        texts(claims(p("Low vitamin D raises osteoporosis and fracture risk."))));
    assertEquals(List.of("Vitamin D may lower psoriasis severity.", "Vitamin D may lower eczema severity."),
        texts(claims(p("Vitamin D may lower psoriasis and eczema severity."))));
    // Beside them, a head that is a thing of its own stays with its own member.
    assertEquals(List.of("Excess calcium can cause hypercalcemia.", "Excess calcium can cause kidney stones."),
        texts(claims(p("Excess calcium can cause hypercalcemia and kidney stones."))));
  }

  @Test
  void coordinationsSplitIntoAtomicClaimsBesideTheOriginalSentence() {
    List<Claim> c = claims(p("B12 has no overdose or toxicity levels."));
    assertEquals(List.of("B12 has no overdose levels.", "B12 has no toxicity levels."), texts(c));
    for (Claim x : c) {
      assertEquals("B12 has no overdose or toxicity levels.", x.sentence());
      assertTrue(x.negated());
      assertEquals("B12", x.subject());
      assertEquals("has", x.relation());
    }
    assertEquals(List.of("Vitamin B12 helps form the myelin sheath.", "Vitamin B12 helps maintain the myelin sheath."),
        texts(claims(p("Vitamin B12 helps form and maintain the myelin sheath."))));
    assertEquals(List.of("Low B12 can cause fatigue.", "Low B12 can cause tingling.", "Low B12 can cause memory loss."),
        texts(claims(p("Low B12 can cause fatigue, tingling and memory loss."))));
    assertEquals(List.of("Chorea is a symptom of Huntington's disease.", "Chorea can also occur in other illnesses."),
        texts(claims(p("Chorea is a symptom of Huntington's disease, but it can also occur in other illnesses."))));
    // A list with a preposition inside stays whole: "numbness in the hands and feet" is one claim.
    assertEquals(1, claims(p("B12 deficiency causes numbness in the hands and feet.")).size());
  }

  @Test
  void aVerbJoinedByACommaAndKeepsTheAuxiliariesAndTheirHedgeAndNegation() {
    // Once "Magnesium shorten their duration." (certain) and "Iron overload cause diabetes.".
    List<Claim> c = claims(p("Magnesium might ease migraines, and shorten their duration."));
    assertEquals(List.of("Magnesium might ease migraines.", "Magnesium might shorten their duration."), texts(c));
    assertEquals("might shorten", c.get(1).relation());
    assertEquals("possible", c.get(1).certainty());
    assertTrue(c.get(1).hedged());
    assertEquals(List.of("Iron overload can damage the liver.", "Iron overload can cause diabetes."),
        texts(claims(p("Iron overload can damage the liver, and cause diabetes."))));
    // The negation governs both verbs, as in "does not cure or prevent".
    c = claims(p("B12 does not cure anemia, and prevent fatigue."));
    assertEquals(List.of("B12 does not cure anemia.", "B12 does not prevent fatigue."), texts(c));
    assertTrue(c.get(1).negated(), c.toString());
    assertEquals(List.of("Iron is absorbed in the gut.", "Iron is stored in the liver."),
        texts(claims(p("Iron is absorbed in the gut, and stored in the liver."))));
    // A verb with its own tense, or one that "have" cannot govern, takes nothing.
    assertEquals(List.of("Magnesium eases migraines.", "Magnesium shortens their duration."),
        texts(claims(p("Magnesium eases migraines, and shortens their duration."))));
    assertEquals("Studies suggest more.",
        texts(claims(p("Studies have shown benefits, and suggest more."))).get(1));
  }

  @Test
  void whatFollowsAListBelongsToEveryItem() {
    // Once "... like serotonin." and "... like dopamine.": the population and the source were lost. Examples after
    // "like" now stay whole (AtomizerCoordinationTest). A consequence may be the last item's alone ("the liver and
    // the pancreas, causing pancreatitis"): it stays with that item.
    assertEquals(List.of("Low iron can disrupt the balance of chemicals like serotonin and dopamine, leading to "
        + "depression."), texts(claims(p("Low iron can disrupt the balance of chemicals like serotonin and dopamine, "
            + "leading to depression."))));
    assertEquals(List.of("Alcohol damages the liver.", "Alcohol damages the pancreas, causing pancreatitis in heavy "
        + "drinkers."), texts(claims(p("Alcohol damages the liver and the pancreas, causing pancreatitis in heavy "
            + "drinkers."))));
    assertEquals(List.of("Folate deficiency causes anemia, according to a study of 153 patients.",
        "Folate deficiency causes fatigue, according to a study of 153 patients."),
        texts(claims(p("Folate deficiency causes anemia and fatigue, according to a study of 153 patients."))));
    assertEquals(List.of("Folate deficiency causes anemia, especially in pregnant women.",
        "Folate deficiency causes fatigue, especially in pregnant women.",
        "Folate deficiency causes headaches, especially in pregnant women."),
        texts(claims(p("Folate deficiency causes anemia, fatigue, and headaches, especially in pregnant women."))));
    assertEquals(List.of("Low B12 can cause fatigue, which can be serious.", "Low B12 can cause memory loss, which can "
        + "be serious."), texts(claims(p("Low B12 can cause fatigue and memory loss, which can be serious."))));
  }

  @Test
  void aBareSecondMemberSharesTheFirstMembersModifiers() {
    // Once "Proton pump inhibitors reduce storage.".
    assertEquals(List.of("Proton pump inhibitors reduce iron absorption.",
        "Proton pump inhibitors reduce iron storage."),
        texts(claims(p("Proton pump inhibitors reduce iron absorption and storage."))));
    assertEquals(List.of("Chronic alcohol use can impair B12 absorption.", "Chronic alcohol use can impair B12 "
        + "metabolism."), texts(claims(p("Chronic alcohol use can impair B12 absorption and metabolism."))));
    // A member that is a concept of its own, or a head that names no process, keeps nothing.
    assertEquals(List.of("Low iron causes iron deficiency.", "Low iron causes fatigue."),
        texts(claims(p("Low iron causes iron deficiency and fatigue."))));
    assertEquals(List.of("Patients should check iron levels.", "Patients should check symptoms."),
        texts(claims(p("Patients should check iron levels and symptoms."))));
    // Only what the body does with a substance: "bone density and cognition" was "bone cognition".
    assertEquals(List.of("Vitamin D improves bone density.", "Vitamin D improves cognition."),
        texts(claims(p("Vitamin D improves bone density and cognition."))));
    assertEquals(List.of("Low vitamin D impairs calcium absorption.", "Low vitamin D impairs immunity."),
        texts(claims(p("Low vitamin D impairs calcium absorption and immunity."))));
  }

  @Test
  void butAndYetShareAModalNotANegation() {
    // "Exercise will not cure diabetes, but help control blood sugar" gave "Exercise will not help control ...".
    assertEquals(List.of("Exercise will not cure diabetes.", "Exercise will help control blood sugar."),
        texts(claims(p("Exercise will not cure diabetes, but help control blood sugar."))));
    Claim falls = claims(p("Vitamin D can not only strengthen bones, but also reduce falls in older adults."))
        .getLast();
    assertFalse(falls.claim().contains("not"), falls.claim());
    assertFalse(falls.negated());
    assertEquals(List.of("B12 does not cure anemia.", "B12 does not prevent fatigue."),
        texts(claims(p("B12 does not cure anemia, and prevent fatigue."))));
  }

  @Test
  void anAdverbBeforeTheVerbIsTheRelationsNotTheSubjects() {
    // Once the subject "Doctors sometimes" and the relation "misdiagnose".
    Claim c = only("Doctors sometimes misdiagnose B12 deficiency as multiple sclerosis.");
    assertEquals("Doctors", c.subject());
    assertEquals("sometimes misdiagnose", c.relation());
    assertEquals("Doctors sometimes misdiagnose B12 deficiency as multiple sclerosis.", c.claim());
    assertEquals("B12 alone", only("B12 alone cures nothing.").subject());
  }

  @Test
  void inlineListsGiveOneClaimPerItemWithTheSharedSubject() {
    List<Claim> c = extractor.extract(titled("Vitamin B12 deficiency",
        p("Symptoms include: tingling, numbness, and fatigue.")));
    assertEquals(List.of("Symptoms of vitamin B12 deficiency include tingling.",
        "Symptoms of vitamin B12 deficiency include numbness.", "Symptoms of vitamin B12 deficiency include fatigue."),
        texts(c));
    assertTrue(c.stream().allMatch(x -> x.checkWorthiness() >= 0.5), c.toString());
  }

  @Test
  void listItemsUnderALeadInOrACategoryHeadingGetTheirSubject() {
    List<Claim> c = extractor.extract(titled("Vitamin B12 deficiency",
        p("Common signs of low B12 include:"), li("tingling in the feet"), li("Fatigue."),
        h("Symptoms of Iron Deficiency"), li("Pale skin"), li("Shortness of breath")));
    List<String> t = texts(c);
    assertTrue(t.contains("Common signs of low B12 include tingling in the feet."), t.toString());
    assertTrue(t.contains("Common signs of low B12 include fatigue."), t.toString());
    assertTrue(t.contains("Symptoms of iron deficiency include pale skin."), t.toString());
    assertTrue(t.contains("Symptoms of iron deficiency include shortness of breath."), t.toString());
    Claim leadIn = c.stream().filter(x -> x.sentence().equals("Common signs of low B12 include:")).findFirst()
        .orElseThrow();
    assertTrue(leadIn.checkWorthiness() < 0.5, "an unfinished lead-in is not a claim");
    Claim item = c.stream().filter(x -> x.sentence().equals("Pale skin")).findFirst().orElseThrow();
    assertTrue(item.checkWorthiness() >= 0.5);
    assertEquals("Symptoms of Iron Deficiency", item.context());
  }

  @Test
  void labelledItemsNameWhatThisAndItMean() {
    List<Claim> c = claims(p("Myoclonus: This refers to sudden, brief jerks of a muscle. It is a documented symptom "
        + "of B12 deficiency."));
    List<String> t = texts(c);
    assertTrue(t.contains("Myoclonus refers to sudden, brief jerks of a muscle."), t.toString());
    assertTrue(t.contains("Myoclonus is a documented symptom of B12 deficiency."), t.toString());
  }

  @Test
  void aBareDeficiencyIsOfTheNutrientNamedNearNeverOfADrugOrACondition() {
    // A page on several things: the topic the title gives none of, so it was the first heading's ("Metformin"), and
    // every "deficiency" below became "Metformin deficiency".
    List<String> t = texts(extractor.extract(titled("Health notes",
        h("Metformin"), p("Metformin lowers blood sugar in type 2 diabetes."),
        h("Vitamin B12"), p("Vitamin B12 deficiency causes anemia. Deficiency can cause nerve damage."),
        h("Iron"), p("The deficiency often causes fatigue."),
        h("Diet"), p("Many vegans lack zinc. Deficiency slows wound healing."),
        h("Antidepressants"), p("Antidepressants reduce low mood in adults."),
        h("Depression"), p("Deficiency is linked to low mood."),
        h("Caffeine"), p("The deficiency often causes headaches."),
        h("Blood tests"), p("Metformin lowers vitamin B12 and folate levels. Deficiency causes anemia."))));
    // The sentence before names the deficiency, the heading the nutrient, the sentence before one nutrient.
    assertTrue(t.contains("Vitamin B12 deficiency can cause nerve damage."), t.toString());
    assertTrue(t.contains("Iron deficiency often causes fatigue."), t.toString());
    assertTrue(t.contains("Zinc deficiency slows wound healing."), t.toString());
    // A condition, a drug, two nutrients at once: it stays as written.
    assertTrue(t.contains("Deficiency is linked to low mood."), t.toString());
    assertTrue(t.contains("The deficiency often causes headaches."), t.toString());
    assertTrue(t.contains("Deficiency causes anemia."), t.toString());
    assertTrue(t.stream().noneMatch(x -> x.matches("(?i).*(metformin|antidepressants|caffeine|depression) deficiency.*")),
        t.toString());
  }

  @Test
  void underADrugsOrAConditionsHeadingDeficiencyIsNotTheFirstHeadingsNutrient() {
    // The first heading (Vitamin B12) made the article's topic: "Deficiency causes muscle pain" under "Statins" became
    // "Vitamin B12 deficiency causes muscle pain", a claim the page never makes.
    List<Claim> c = extractor.extract(titled("Health notes",
        h("Vitamin B12"), p("Vitamin B12 deficiency causes anemia. Vitamin B12 deficiency is common in vegans."),
        h("Statins"), p("Statins lower LDL cholesterol. Statins may reduce coenzyme Q10 levels. Deficiency causes "
            + "muscle pain."),
        h("Depression"), p("Antidepressants treat depression. Deficiency is linked to low mood."),
        h("HIV"), p("Antiretroviral therapy reduces mortality in people with HIV.")));
    List<String> t = texts(c);
    assertTrue(t.contains("Deficiency causes muscle pain."), t.toString());
    assertTrue(t.contains("Deficiency is linked to low mood."), t.toString());
    // Nor is B12, of one section, the topic of the claims under another heading.
    Claim hiv = c.stream().filter(x -> x.claim().startsWith("Antiretroviral")).findFirst().orElseThrow();
    assertEquals(List.of("hiv"), hiv.topic(), c.toString());
    // A page whose title names it: the deficiency under a condition's heading is the page's.
    List<String> titled = texts(extractor.extract(titled("Vitamin B12 deficiency and the brain",
        h("Depression"), p("Antidepressants treat depression. Deficiency is linked to low mood."))));
    assertTrue(titled.contains("Vitamin B12 deficiency is linked to low mood."), titled.toString());
  }

  @Test
  void anArticleIsAboutWhatItsLeadingHeadingOrItsOtherSectionsDiscuss() {
    // A site-name title with the subject in the h1, or a catchy title with the subject discussed in an untitled
    // section: the topic was lost (the title alone counted), and "Deficiency" stayed bare.
    List<Claim> h1 = extractor.extract(titled("Health A-Z | Example Clinic",
        h("Vitamin B12 deficiency"), p("Vitamin B12 deficiency is common in older adults."),
        h("Complications"), p("Deficiency can cause permanent nerve damage in older adults.")));
    assertTrue(texts(h1).contains("Vitamin B12 deficiency can cause permanent nerve damage in older adults."),
        texts(h1).toString());
    assertEquals(List.of("b12_deficiency"), h1.getLast().topic(), h1.toString());
    List<Claim> catchy = extractor.extract(titled("Tired all the time? Here is what you should know",
        h("What is it"), p("Iron deficiency is the most common nutritional disorder. Iron deficiency often goes "
            + "unnoticed. Iron deficiency is easy to test for."),
        h("Symptoms"), p("Deficiency can impair the immune response in children.")));
    assertTrue(texts(catchy).contains("Iron deficiency can impair the immune response in children."),
        texts(catchy).toString());
    // A heading about a substance that is not a nutrient does not stop the article's deficiency.
    List<String> alcohol = texts(extractor.extract(titled("Vitamin B12 deficiency in older adults",
        h("Alcohol"), p("Heavy drinkers often eat poorly. Deficiency is twice as common in heavy drinkers."))));
    assertTrue(alcohol.contains("Vitamin B12 deficiency is twice as common in heavy drinkers."), alcohol.toString());
    // A section on iron with a sub-heading is still one section's subject, not the page's.
    List<Claim> notes = extractor.extract(titled("Health notes",
        h("Iron"), p("Iron supplements raise hemoglobin in pregnant women."),
        h("Sources of iron"), p("Red meat and lentils are rich in iron."),
        h("HIV"), p("Antiretroviral therapy lowers the viral load within weeks.")));
    assertEquals(List.of("hiv"), notes.getLast().topic(), notes.toString());
  }

  static Block h(int level, String text) {
    return new Block(Block.Kind.HEADING, text, level);
  }

  @Test
  void aPagesH1SaysWhatItIsAboutAndASectionRunsOverItsSubHeadings() {
    // With heading levels: an h1 naming the concept is the page's headline whatever its h2s are ("How is it
    // diagnosed?", "Diet" made the first heading a mere section), and an h3 that does not name it ("Food sources")
    // stays inside the B12 section (its mentions made B12 the topic of the page's HIV section, and "Deficiency" under
    // "Smoking" became "Vitamin B12 deficiency").
    List<Claim> iron = extractor.extract(titled("Patient information | St Mary's Hospital",
        h(1, "Iron deficiency anaemia"), p("Iron deficiency anaemia is common in young women."),
        h(2, "How is it diagnosed?"), p("A blood test measures ferritin in adults."),
        h(2, "Pregnancy"), p("Deficiency in pregnancy increases the risk of premature birth.")));
    assertEquals(List.of("iron_deficiency"), iron.get(1).topic(), "under 'How is it diagnosed?': " + iron);
    List<Claim> notes = extractor.extract(titled("Health notes | Family Practice News",
        h(1, "Health notes"),
        h(2, "Vitamin B12"), p("Vitamin B12 is found in meat, fish and dairy."),
        h(3, "Food sources"), p("Vegans get vitamin B12 from fortified foods. Vitamin B12 supplements are cheap."),
        h(2, "Smoking"), p("Smoking damages blood vessels. Deficiency causes muscle pain."),
        h(2, "HIV"), p("Antiretroviral therapy reduces mortality in people with HIV.")));
    assertTrue(texts(notes).contains("Deficiency causes muscle pain."), texts(notes).toString());
    assertEquals(List.of("hiv"), notes.getLast().topic(), notes.toString());
  }

  @Test
  void theHeadlineIsTheOneTopHeadingAndSubHeadingsKeepTheirSectionsConcept() {
    // An h1 per section: the first section's subject was taken for the page's (every claim "about" B12, and
    // "Deficiency" under "Smoking" rewritten); an h2 title over h3 sections (its h1 a logo) lost the topic.
    List<Claim> perSection = extractor.extract(titled("Health notes | Family Practice News",
        h(1, "Vitamin B12"), p("Vitamin B12 keeps nerves healthy in older adults."),
        h(1, "Smoking"), p("Smoking damages blood vessels. Deficiency causes muscle pain in heavy smokers."),
        h(1, "HIV"), p("Antiretroviral therapy reduces mortality in people with HIV.")));
    assertEquals(List.of("hiv"), perSection.getLast().topic(), perSection.toString());
    assertTrue(texts(perSection).contains("Deficiency causes muscle pain in heavy smokers."), perSection.toString());
    List<Claim> h2Title = extractor.extract(titled("Healthline Plus",
        h(2, "Magnesium: what the science says"),
        h(3, "Sleep"), p("Magnesium improves sleep quality in older adults."),
        h(3, "Cramps"), p("Deficiency causes muscle cramps in athletes.")));
    assertTrue(texts(h2Title).contains("Magnesium deficiency causes muscle cramps in athletes."), h2Title.toString());
    assertEquals(List.of("magnesium"), h2Title.getLast().topic(), h2Title.toString());
    // A sub-heading naming nothing keeps its section's concept; a dt is a sub-heading too.
    List<Claim> nested = extractor.extract(titled("Wellness roundup | Example",
        h(2, "Wellness roundup"),
        h(3, "Iron"), new Block(Block.Kind.HEADING, "Who needs it"), p("Women with heavy periods often need extra iron."),
        h(3, "HIV"), p("Antiretroviral therapy reduces mortality in people with HIV.")));
    assertEquals(List.of("iron"), nested.getFirst().topic(), nested.toString());
    assertEquals(List.of("hiv"), nested.getLast().topic(), nested.toString());
  }

  @Test
  void aBareSymptomsListIsOfANutrientsDeficiencyNotOfADrugs() {
    List<String> t = texts(extractor.extract(titled("Health notes",
        h("Iron"), p("Symptoms include:"), li("Pale skin"),
        h("Metformin"), p("Symptoms include:"), li("Nausea"),
        h("Antidepressants"), h("Signs"), li("Dry mouth"))));
    assertTrue(t.contains("Symptoms of iron deficiency include pale skin."), t.toString());
    assertTrue(t.contains("Symptoms include nausea."), t.toString());
    assertTrue(t.contains("Signs include dry mouth."), t.toString());
    assertTrue(t.stream().noneMatch(x -> x.matches("(?i).*(metformin|antidepressants) deficiency.*")), t.toString());
  }

  @Test
  void simpleReferencesResolveToTheTopic() {
    List<Claim> c = extractor.extract(titled("Vitamin B12 and your nerves",
        p("This vitamin helps the body make myelin."),
        p("The deficiency often causes numbness."),
        p("Cobalamin protects nerve fibres. It also supports red blood cell production.")));
    List<String> t = texts(c);
    assertTrue(t.contains("Vitamin B12 helps the body make myelin."), t.toString());
    assertTrue(t.contains("Vitamin B12 deficiency often causes numbness."), t.toString());
    assertTrue(t.contains("Cobalamin also supports red blood cell production."), t.toString());
    assertTrue(c.stream().anyMatch(x -> x.reasons().stream().anyMatch(r -> r.startsWith("resolved: "))));
    // "It" that stands for nothing stays.
    assertTrue(texts(claims(p("It is important to note that B12 deficiency causes fatigue.")))
        .contains("B12 deficiency causes fatigue."), "an emphatic framing is dropped");
  }

  @Test
  void itIsTheSubjectBeforeEvenOneTheLexiconDoesNotKnowNeverTheArticlesTopicInstead() {
    // Pages about vitamin B12 and toxicity whose subjects the lexicon does not know: "It" was the article's topic.
    List<String> t = texts(extractor.extract(titled("Vitamin B12 toxicity and other questions",
        p("TB is caused by bacteria. It spreads through the air when people cough."),
        p("Relying on a reliever inhaler alone raises the risk of an attack. It also raises the risk of toxicity."),
        new Block(Block.Kind.HEADING, "Potassium", 2),
        p("It helps your kidneys get rid of sodium."),
        new Block(Block.Kind.HEADING, "Why it matters", 2),
        p("It protects the nerves from damage."))));
    assertTrue(t.contains("TB spreads through the air when people cough."), t.toString());
    // Under a heading naming another substance than the page's, "It" may be either: it stays.
    assertTrue(t.contains("It helps your kidneys get rid of sodium."), t.toString());
    assertTrue(t.contains("It also raises the risk of toxicity."), t.toString()); // not a noun phrase: left as is
    // Under a heading that names nothing, on a page about B12, "It" is still the page's topic.
    assertTrue(t.contains("Vitamin B12 protects the nerves from damage."), t.toString());
    assertTrue(t.stream().noneMatch(x -> x.matches("(?i)(vitamin b12|toxicity) (spreads|helps your).*")),
        t.toString());
  }

  @Test
  void itIsNotAPersonTheBodyAStaleSubjectOrAnAspectHeading() {
    // From a re-review: "Dosage is usually taken ...", "The body must come from food", "Many people can lead to low
    // vitamin C intake", "GPs do not work against viruses", "Alcohol can make symptoms worse" on a page on ibuprofen.
    List<String> t = texts(extractor.extract(titled("Ibuprofen: uses and safety",
        p("Ibuprofen relieves pain and fever."),
        h("Dosage"), p("It is usually taken 3 times a day with food."),
        h("Asthma"), p("It can make symptoms worse in some people with asthma."),
        h("Vitamin C"), p("The body cannot make vitamin C. It must come from food."),
        p("The body cannot store vitamin C. Eat oranges every day. It helps wounds heal faster."),
        p("Many people skip fruit at breakfast. It can lead to low vitamin C intake."),
        p("GPs often prescribe antibiotics for colds. They do not work against viruses."))));
    assertTrue(t.contains("Ibuprofen is usually taken 3 times a day with food."), t.toString());
    assertTrue(t.contains("Ibuprofen can make symptoms worse in some people with asthma."), t.toString());
    assertTrue(t.stream().noneMatch(x -> x.startsWith("The body must") || x.startsWith("The body helps")
        || x.startsWith("Many people can") || x.startsWith("GPs do not") || x.startsWith("Dosage")), t.toString());
  }

  @Test
  void neverSmokersAreNoNegation() {
    assertFalse(only("Current smokers have about four times the risk of bladder cancer of never smokers.").negated());
    assertTrue(only("Vaccines never cause autism in children.").negated());
  }

  @Test
  void itIsNeverAPluralSubjectNorTheItOfACommonMyth() {
    List<String> t = texts(claims(p("Some people believe red wine is healthy because it contains antioxidants."),
        p("Some people drink red wine daily. It contains antioxidants."),
        p("Many people think that vaccines cause autism. It is a common myth that cracking your knuckles causes "
            + "arthritis.")));
    assertTrue(t.contains("Some people believe red wine is healthy because it contains antioxidants."),
        t.toString());
    assertTrue(t.contains("It contains antioxidants."), t.toString()); // not "Some people drink contains ..."
    assertTrue(t.contains("It is a common myth that cracking your knuckles causes arthritis."), t.toString());
    // A risk to something is no statement that follows: "It" is still what the sentence before was about.
    assertTrue(texts(claims(p("Smoking harms the unborn baby. It is a major risk to the baby's lungs.")))
        .contains("Smoking is a major risk to the baby's lungs."));
  }

  @Test
  void thisNounNamesTheNounPhraseOfTheSentenceBefore() {
    List<String> t = texts(claims(p("Folate is needed to make neurotransmitters like serotonin and dopamine. "
        + "These neurotransmitters regulate appetite.")));
    assertTrue(t.contains("Neurotransmitters like serotonin and dopamine regulate appetite."), t.toString());
    // A mass noun keeps its modifiers, not the determiner or a quantifier ("several").
    t = texts(claims(p("Zinc shortage can weaken the gut lining, leading to several gut symptoms and chronic "
        + "inflammation. This inflammation may slow wound healing.")));
    assertTrue(t.contains("Chronic inflammation may slow wound healing."), t.toString());
    // Two sentences back is near enough.
    t = texts(claims(p("Copper shortage can cause spinal cord damage. It is rare. This damage can mimic B12 "
        + "deficiency.")));
    assertTrue(t.contains("Spinal cord damage can mimic B12 deficiency."), t.toString());
  }

  @Test
  void anAntecedentInASentenceAboutAConditionSaysTheCondition() {
    List<Claim> c = claims(p("Diabetes is a chronic disease often accompanied by painful foot ulcers. These ulcers "
        + "usually heal slowly."));
    Claim x = c.stream().filter(k -> k.claim().contains("slowly")).findFirst().orElseThrow();
    assertEquals("Painful foot ulcers in diabetes usually heal slowly.", x.claim());
    assertEquals("Painful foot ulcers in diabetes", x.subject());
    assertTrue(x.entities().contains("diabetes"), x.entities().toString());
    assertTrue(x.reasons().contains("resolved: These -> Painful foot ulcers in diabetes"), x.reasons().toString());
    // The phrase names a condition of its own ("tingling"): nothing is added.
    List<String> t = texts(claims(p("Diabetes is a chronic disease often accompanied by painful tingling. This "
        + "tingling usually starts in the toes.")));
    assertTrue(t.contains("Painful tingling usually starts in the toes."), t.toString());
  }

  @Test
  void thisNounStaysWhenNoAntecedentIsSure() {
    // Resolved beside each refusal, so that each test says what the old code did not do.
    List<String> t = texts(claims(p("Vitamin D supports bone mineral density. This density falls with age.")));
    assertTrue(t.contains("Bone mineral density falls with age."), t.toString());
    // No noun phrase with that head nearby (the disruption is the sentence's event): unchanged.
    t = texts(claims(p("Low B12 harms the myelin of nerves. This disruption causes tingling.")));
    assertTrue(t.contains("This disruption causes tingling."), t.toString());
    // The noun is a verb there ("damages"): an event, not a noun phrase.
    t = texts(claims(p("B12 deficiency damages the myelin sheath. This damage slows nerve signals.")));
    assertTrue(t.contains("This damage slows nerve signals."), t.toString());
    // Two different noun phrases with that head: which one is meant is not sure.
    t = texts(claims(p("Mild symptoms include fatigue, while severe symptoms include numbness. These symptoms can "
        + "last for months.")));
    assertTrue(t.contains("These symptoms can last for months."), t.toString());
    // What restricts the antecedent would be lost ("patients" are not "patients with diabetes").
    t = texts(claims(p("Many patients with diabetes develop neuropathy. These patients often report burning pain.")));
    assertTrue(t.contains("These patients often report burning pain."), t.toString());
    // Three sentences back is too far; another list item is another subject.
    t = texts(claims(p("Iron overload causes liver damage. It is rare. It runs in families. This damage can be "
        + "silent.")));
    assertTrue(t.contains("This damage can be silent."), t.toString());
    t = texts(claims(li("Iron overload causes liver damage."), li("This damage can be silent for years.")));
    assertTrue(t.contains("This damage can be silent for years."), t.toString());
  }

  @Test
  void theseNounStaysWhenItsAntecedentIsCounted() {
    // Said without its quantifier the antecedent is all of them: "A few supplements contain lead. These supplements
    // ..." gave "Supplements should be avoided.". Each refusal beside a resolution of the same shape.
    List<String> t = texts(claims(p("A few supplements contain lead. These supplements should be avoided.")));
    assertTrue(t.contains("These supplements should be avoided."), t.toString());
    t = texts(claims(p("Herbal supplements may contain lead. These supplements should be avoided.")));
    assertTrue(t.contains("Herbal supplements should be avoided."), t.toString());

    t = texts(claims(p("Some patients develop neuropathy after surgery. These patients need lifelong B12 "
        + "injections.")));
    assertTrue(t.contains("These patients need lifelong B12 injections."), t.toString());
    t = texts(claims(p("Vegan patients often develop neuropathy. These patients need B12 injections.")));
    assertTrue(t.contains("Vegan patients need B12 injections."), t.toString());

    t = texts(claims(p("Only a small number of trials were randomised. These trials found no benefit of vitamin "
        + "E.")));
    assertTrue(t.contains("These trials found no benefit of vitamin E."), t.toString());
    t = texts(claims(p("Most of the trials were small. These trials found no benefit of vitamin E.")));
    assertTrue(t.contains("These trials found no benefit of vitamin E."), t.toString());
    t = texts(claims(p("Two trials were done in Finland. These trials found no benefit of folic acid.")));
    assertTrue(t.contains("These trials found no benefit of folic acid."), t.toString());
    t = texts(claims(p("Large trials were done in Finland. These trials found no benefit of folic acid.")));
    assertTrue(t.contains("Large trials found no benefit of folic acid."), t.toString());

    t = texts(claims(p("Some studies link low B12 to depression. These studies were small and observational.")));
    assertTrue(t.contains("These studies were small and observational."), t.toString());
    t = texts(claims(p("B12 is involved in the synthesis of several neurotransmitters. These neurotransmitters "
        + "influence mood.")));
    assertTrue(t.contains("These neurotransmitters influence mood."), t.toString());
  }

  @Test
  void anItemsLabelNamesThisNounWithItsHead() {
    List<String> t = texts(extractor.extract(titled("Gout", p("Typical signs:"),
        li("Swelling of the joints: This swelling is often worse in the morning."),
        li("Burning pain in the toes: These pains are usually described as throbbing."),
        li("Cutting back on caffeine and alcohol: These substances can trigger attacks."))));
    assertTrue(t.contains("Swelling of the joints is often worse in the morning."), t.toString());
    assertTrue(t.contains("Caffeine and alcohol can trigger attacks."), t.toString());
    // The label's head is "pain", the reference's "pains": the verb would not agree, and it stays.
    assertTrue(t.contains("These pains are usually described as throbbing."), t.toString());
    // A list of one substance and something else is no antecedent of "these substances".
    t = texts(claims(li("Limiting caffeine and late meals: These substances can disturb sleep.")));
    assertTrue(t.contains("These substances can disturb sleep."), t.toString());
  }

  @Test
  void theyAfterAClinicianIsTheClinicianWhenTheVerbIsAClinicians() {
    List<String> t = texts(claims(p("If numbness persists, seeing a doctor is wise. They can order a blood test "
        + "for B12.")));
    assertTrue(t.contains("Doctors can order a blood test for B12."), t.toString());
    // A verb that symptoms or supplements may have too: unchanged.
    t = texts(claims(p("If numbness persists, seeing a doctor is wise. They can be mild at first.")));
    assertTrue(t.contains("They can be mild at first."), t.toString());
    // Two kinds of clinician: unchanged.
    t = texts(claims(p("Ask a physician or a pharmacist about B12 injections. They can recommend a dose.")));
    assertTrue(t.contains("They can recommend a dose."), t.toString());
  }

  @Test
  void theyBeforeAClinicianVerbIsNeverAThing() {
    // Each refusal beside a resolution of the same shape. A clinician the list does not name is a kind too: "A
    // neurologist or a hematologist ... They can perform" gave "Neurologists can perform ...".
    List<String> t = texts(claims(p("A neurologist or a hematologist may be involved in your care. They can perform "
        + "nerve conduction studies.")));
    assertTrue(t.contains("They can perform nerve conduction studies."), t.toString());
    t = texts(claims(p("A hematologist may be involved in your care. They can perform a bone marrow biopsy.")));
    assertTrue(t.contains("Hematologists can perform a bone marrow biopsy."), t.toString());
    // A plural thing near (the page's title, the subject before) is no antecedent of a clinician's verb: these gave
    // "Supplements can diagnose the cause of the pain.", "Supplements can diagnose ...", "Supplements can assess".
    Article page = titled("Supplements: what to know",
        p("A surgeon or a doctor will examine you. They can diagnose the cause of the pain."),
        p("Doctors often miss the early signs. They can diagnose the deficiency with a blood test."),
        p("Your doctor may refer you to a dietitian. They can assess your diet."),
        p("Some brands add sugar. They can cause tooth decay."));
    t = texts(extractor.extract(page));
    assertTrue(t.contains("They can diagnose the cause of the pain."), t.toString());
    assertTrue(t.stream().anyMatch(x -> x.startsWith("Doctors can diagnose")), t.toString());
    assertTrue(t.contains("They can assess your diet."), t.toString());
    assertFalse(t.stream().anyMatch(x -> x.startsWith("Supplements can")
        && !x.startsWith("Supplements can cause")), t.toString());
    // Before a verb anything may have, the antecedent is still resolved as before.
    t = texts(claims(p("Iron tablets are often prescribed. They can cause constipation.")));
    assertTrue(t.contains("Iron tablets can cause constipation."), t.toString());
  }

  @Test
  void negationHasAScope() {
    List<Claim> c = claims(p("Vitamin D does not prevent fractures, but it may reduce falls in older adults."));
    assertEquals(2, c.size(), c.toString());
    assertTrue(c.get(0).negated());
    assertTrue(c.get(0).reasons().contains("negated: not (prevent fractures)"), c.get(0).reasons().toString());
    assertFalse(c.get(1).negated(), "the negation does not reach past 'but'");
    assertFalse(only("Without enough vitamin B12, nerves can be damaged.").negated(),
        "a negation in an opening adverbial does not negate the claim");
    assertTrue(only("None of the patients developed anemia after B12 injections.").negated());
    assertFalse(only("It should come as no surprise that B12 deficiency causes fatigue.").negated(),
        "'no surprise' is a pseudo-negation");
    assertTrue(only("Damage to the myelin is no longer fully reversible after a year.").negated());
  }

  @Test
  void eachClaimKeepsTheTopicOfItsPlace() {
    // The verifier needs what a claim naming one concept or none is about: the section's topic, else the article's.
    List<Claim> c = extractor.extract(titled("Vitamin B12 and the brain",
        p("Short-term memory often suffers when levels fall."),
        h("Restless legs syndrome"),
        p("Other possible causes are kidney disease and iron deficiency."),
        h("Other health facts"),
        p("Smokers often have low vitamin C levels.")));
    assertEquals(List.of("vitamin_b12"), c.getFirst().topic(), c.toString());
    assertEquals(List.of("restless_legs"), c.get(c.size() - 2).topic(), c.toString());
    // A heading that names no concept leaves the article's topic, not the last section's (it was restless legs).
    assertEquals(List.of("vitamin_b12"), c.getLast().topic(), c.toString());
    assertEquals(List.of(), ClaimsFile.plain("1", "Zinc shortens colds.", 0).topic(), "given as text: none");

    // A concept the article mentions once is no topic for its claims (an article on infections with one "heart
    // disease" made the claims under "HIV" need abstracts on heart disease).
    List<Claim> once = extractor.extract(titled("Infections worth knowing",
        h("HIV"), p("Antiretroviral therapy reduces mortality in people with HIV."),
        h("Other risks"), p("Some infections may raise the risk of heart disease in later life.")));
    assertEquals(List.of("hiv"), once.getFirst().topic(), once.toString()); // its heading's, not heart disease
  }

  @Test
  void hedgesSetTheCertainty() {
    Claim may = only("Methylcobalamin may improve sleep in older adults.");
    assertTrue(may.hedged());
    assertEquals("possible", may.certainty());
    assertEquals("vitamin_b12", may.entities().getFirst());
    Claim thought = only("Myoclonus is thought to be related to metabolic imbalances.");
    assertTrue(thought.hedged());
    assertEquals("probable", thought.certainty());
    assertEquals("probable", only("Some studies suggest that folate lowers homocysteine.").certainty());
    Claim plain = only("Low vitamin B12 causes numbness.");
    assertFalse(plain.hedged());
    assertEquals("certain", plain.certainty());
    assertTrue(only("Involuntary movements may or may not be caused by low B12 levels.").checkWorthiness() < 0.5,
        "a hedge that says nothing");
  }

  @Test
  void unitsAndSymbolsStayOnlyPunctuationGoes() {
    // "by 25 %." once gave "by 25.": the trailing "%" (tagged SYM) was trimmed as punctuation, and "°" was dropped as
    // an emoji.
    assertEquals("B12 supplements reduce homocysteine by 25 %.",
        only("B12 supplements reduce homocysteine by 25 %.").claim());
    assertEquals("homocysteine by 25 %", only("B12 supplements reduce homocysteine by 25 %.").object());
    assertEquals("B12 supplements were found to reduce homocysteine by 25 %.",
        only("B12 supplements were found to reduce homocysteine by 25 %.").claim());
    assertEquals("B12 lowers homocysteine to 10 mg/dL.", only("B12 lowers homocysteine to 10 mg/dL.").claim());
    assertEquals("Folate raised the risk by 3 \u2030.", only("Folate raised the risk by 3 \u2030.").claim());
    assertEquals("B12 injections are stored at 4 \u00b0C.", only("B12 injections are stored at 4 \u00b0C.").claim());
    assertEquals("Anemia risk rose 2 \u00d7.", only("Anemia risk rose 2 \u00d7.").claim());
    assertEquals("% of vegans with B12 deficiency is high.",
        only("% of vegans with B12 deficiency is high.").claim());
    // Real punctuation still goes, at either end.
    assertEquals("B12 deficiency causes anemia.", only("B12 deficiency causes anemia ...").claim());
    assertEquals("B12 deficiency causes anemia.", only("B12 deficiency causes anemia!!").claim());
    assertEquals("B12 deficiency causes anemia.", only("\u201cB12 deficiency causes anemia.\u201d").claim());
    assertEquals("B12 deficiency causes anemia.", only("* B12 deficiency causes anemia *").claim());
    assertEquals("B12 deficiency causes anemia.", only("+ B12 deficiency causes anemia.").claim());
  }

  @Test
  void unlikelyNegatesAndAHedgingFramingLeavesTheClaimItsOwnSubject() {
    // "It is unlikely that B12 causes acne." was recorded as a probable positive claim with "It" as subject.
    Claim unlikely = only("It is unlikely that B12 causes acne.");
    assertEquals("It is unlikely that B12 causes acne.", unlikely.claim(), "the claim says it is unlikely");
    assertEquals("B12", unlikely.subject());
    assertEquals("causes", unlikely.relation());
    assertEquals("acne", unlikely.object());
    assertTrue(unlikely.negated(), unlikely.reasons().toString());
    assertTrue(unlikely.hedged());
    assertEquals("probable", unlikely.certainty());
    for (String s : List.of("It is not likely that B12 causes acne.", "It's highly unlikely that B12 causes acne.",
        "It is improbable that B12 causes acne.", "It is doubtful whether B12 causes acne.",
        "B12 is unlikely to cause acne.")) {
      Claim c = only(s);
      assertTrue(c.negated(), s + " " + c.reasons());
      assertEquals("probable", c.certainty(), s);
      assertEquals("B12", c.subject(), s);
    }
    Claim likely = only("It is likely that B12 causes acne.");
    assertEquals("B12", likely.subject());
    assertFalse(likely.negated());
    assertEquals("probable", likely.certainty());
    Claim possible = only("It is possible that B12 causes acne.");
    assertEquals("B12", possible.subject());
    assertEquals("possible", possible.certainty());
    assertEquals("probable", only("It is thought that B12 deficiency causes fatigue.").certainty());
    // One article may say all of these: each is a claim of its own.
    assertEquals(
        List.of("B12 causes acne.", "It is unlikely that B12 causes acne.", "It is likely that B12 causes acne."),
        texts(claims(p("B12 causes acne."), p("It is unlikely that B12 causes acne."),
            p("However, it is likely that B12 causes acne."))));
    Claim known = only("It is well known that B12 prevents anemia.");
    assertEquals("B12", known.subject());
    assertEquals("certain", known.certainty());
    Claim twice = only("It is unlikely that B12 does not help nerves.");
    assertFalse(twice.negated(), "a double negation: " + twice.reasons());
    assertFalse(only("B12 is not unlikely to cause acne.").negated(), "'not unlikely' is a pseudo-negation");
    // The framing frames its own clause, not one after ", but" or ", and".
    List<Claim> c = claims(p("It is unlikely that B12 causes acne, but it may cause rashes, and it worsens rosacea."));
    assertEquals(List.of("It is unlikely that B12 causes acne.", "B12 may cause rashes.", "B12 worsens rosacea."),
        texts(c));
    assertTrue(c.get(0).negated());
    assertFalse(c.get(2).negated(), c.get(2).toString());
    assertFalse(c.get(1).negated(), c.get(1).toString());
    assertEquals("possible", c.get(1).certainty());
  }

  @Test
  void aHedgeInsideANounPhraseOrARelativeClauseDoesNotHedgeTheClaim() {
    // "potentially irreversible nerve damage" made "Early B12 treatment prevents ..." a possible claim.
    Claim prevents = only("Early B12 treatment prevents potentially irreversible nerve damage.");
    assertEquals("certain", prevents.certainty());
    assertFalse(prevents.hedged());
    assertEquals("certain", only("Scientists are investigating compounds that could protect neurons from damage "
        + "caused by B12 deficiency, offering hope for more effective treatments in the future.").certainty());
    // The claim's own hedges still count, also where a clause says the claim.
    assertEquals("possible", only("B12 deficiency may cause potentially irreversible nerve damage.").certainty());
    assertEquals("possible", only("Studies have shown that B12 deficiency may cause nerve damage.").certainty());
    assertEquals("probable", only("B12 deficiency is probably the cause of the neuropathy.").certainty());
  }

  @Test
  void aLeadInEndingInIfYouIsCompletedByItsItems() {
    // "You are more likely to get gout if you:" was a claim of its own ("... if you.", 0.85) and its items bare
    // fragments ("Have high blood pressure.", 0.4).
    List<Claim> c = claims(p("You are more likely to get gout if you:"), li("have high blood pressure"),
        li("are overweight"), p("Your risk of melanoma is higher if you have:"), li("many moles"));
    List<String> worthy = c.stream().filter(x -> x.checkWorthiness() >= 0.5).map(Claim::claim).toList();
    assertEquals(List.of("You are more likely to get gout if you have high blood pressure.",
        "You are more likely to get gout if you are overweight.",
        "Your risk of melanoma is higher if you have many moles."), worthy);
  }

  @Test
  void listItemsUnderALeadInTakeItsSubjectAndVerb() {
    // The lead-in's subject and verb were its text split at the last space: "Several other factors are implicated ,"
    // / "including"; "Vitamin B12 plays a vital role" / "in".
    List<Claim> c = claims(p("Several other factors are implicated, including:"), li("Iron deficiency"),
        p("Vitamin B12 plays a vital role in:"), li("Myelin sheath formation"));
    Claim iron = c.stream().filter(x -> x.claim().contains("iron deficiency")).findFirst().orElseThrow();
    assertEquals("Several other factors are implicated, including iron deficiency.", iron.claim());
    assertEquals("Several other factors", iron.subject());
    assertEquals("are implicated", iron.relation());
    assertEquals("including iron deficiency", iron.object());
    Claim myelin = c.stream().filter(x -> x.claim().contains("myelin")).findFirst().orElseThrow();
    assertEquals("Vitamin B12", myelin.subject());
    assertEquals("plays", myelin.relation());
    assertEquals("a vital role in myelin sheath formation", myelin.object());
  }

  @Test
  void anEmphaticFramingAfterAConcessionIsDroppedWithIt() {
    // The claim was "it's essential ...", not negated, possible (from the concession's "may").
    Claim c = only("While vitamin B12 deficiency may play a role in some cases of RLS, it's essential to remember that "
        + "it's not the only contributing factor.");
    assertEquals("Vitamin B12 deficiency is not the only contributing factor.", c.claim());
    assertTrue(c.negated(), c.reasons().toString());
    assertEquals("certain", c.certainty());
    assertEquals("B12 does not cure dementia.",
        only("Although B12 helps many people, it is important to note that B12 does not cure dementia.").claim());
    // A "while" without a verb sets a scope: nothing is dropped.
    assertTrue(only("While pregnant, it's important to remember that B12 needs rise.").claim()
        .startsWith("While pregnant, "));
  }

  @Test
  void itsRoleIsTheSubstancesEvenWhenTheClauseIsAboutItsDeficiency() {
    // "... through B12 deficiency's role in nerve function": a deficiency has no role, the vitamin has.
    assertEquals("B12 deficiency may contribute to RLS through B12's role in nerve function.",
        only("B12 deficiency may contribute to RLS through its role in nerve function.").claim());
    assertEquals("B12 deficiency accelerates decline due to B12's critical role in nerve health.",
        only("B12 deficiency accelerates decline due to its critical role in nerve health.").claim());
    // Its symptoms are the deficiency's.
    assertEquals(List.of("B12 deficiency is common.", "B12 deficiency's symptoms are often missed."),
        texts(claims(p("B12 deficiency is common, and its symptoms are often missed."))));
  }

  @Test
  void contractionsWithACurlyApostropheAreRead() {
    // Web pages write "can’t": the models saw one PUNCT token, so "nerves can’t transmit signals" was not negated
    // and its subject was "nerves can’t".
    Claim c = only("When the myelin sheath is damaged, nerves can’t transmit signals properly.");
    assertEquals("When the myelin sheath is damaged, nerves can’t transmit signals properly.", c.claim(),
        "the page's characters are kept");
    assertTrue(c.negated(), c.reasons().toString());
    assertEquals("nerves", c.subject());
    assertEquals("can’t transmit", c.relation());
    assertTrue(only("B12 doesn’t cause acne.").negated());
    // A verb in a clause that "when" opens after a participle is not the sentence's ("you’re", two words now, gave
    // the fragment a predicate, and the heading no longer completed it in the B12 sample article).
    Parse cramps = new Parse("Leg cramps, usually occurring when you’re in bed.", new org.claimcheck.nlp.Annotator(),
        Lexicon.builtin());
    assertEquals(-1, Clauses.strictPredicate(cramps, 0, cramps.size()));
    Parse worse = new Parse("Cramps get worse when you’re in bed.", new org.claimcheck.nlp.Annotator(),
        Lexicon.builtin());
    assertEquals(1, Clauses.strictPredicate(worse, 0, worse.size()), "the main verb comes first");
    // "There’s evidence suggesting that" frames the claim, whose subject is its own.
    Claim evidence = only("There’s emerging evidence suggesting that B12 deficiency might increase seizure "
        + "frequency.");
    assertEquals("B12 deficiency", evidence.subject());
    assertTrue(evidence.hedged());
  }

  @Test
  void aHedgingFramingInThePastOrAfterASettingLeavesTheClaimItsOwnSubject() {
    // "It was unlikely that B12 caused acne." had subject "It" ("caused" after a noun may be a participle).
    for (String s : List.of("It was unlikely that B12 caused acne.", "It is unlikely that B12 caused acne.")) {
      Claim c = only(s);
      assertEquals(s, c.claim());
      assertEquals("B12", c.subject(), s);
      assertEquals("caused", c.relation(), s);
      assertTrue(c.negated(), s + " " + c.reasons());
      assertEquals("probable", c.certainty(), s);
    }
    // A participle that is not the clause's verb does not count as one.
    assertEquals("It", only("It is likely that patients treated with B12 recover.").subject());
    // A setting before the framing stays in the claim; the subject is the framed clause's. A discourse opener goes.
    Claim older = only("In older adults, it is likely that B12 supplements improve memory.");
    assertEquals("In older adults, it is likely that B12 supplements improve memory.", older.claim());
    assertEquals("B12 supplements", older.subject());
    assertEquals("improve", older.relation());
    assertEquals("It is likely that folate prevents dementia.",
        only("However, it is likely that folate prevents dementia.").claim());
  }

  @Test
  void claimsHoldNoControlCharacters() {
    // A .txt article kept a BEL: it ended up in the claim, subject and sentence (and broke the subject), raw in the CSV.
    List<Claim> c = extractor.extract(titled("B12\u0007 notes", h("Deficiency\u0085 facts"),
        p("B12 deficiency is\u0007 common\tin vegans.\u001b"), p("\u0000B12\u0007deficiency\u009b causes anemia.")));
    assertEquals(2, c.size(), c.toString());
    assertEquals("B12 deficiency is common in vegans.", c.get(0).claim());
    assertEquals("B12 deficiency", c.get(0).subject());
    assertEquals("B12 deficiency is common in vegans.", c.get(0).sentence());
    assertEquals("Deficiency facts", c.get(0).context());
    assertEquals("B12 notes", c.get(0).articleTitle());
    assertEquals("B12 deficiency causes anemia.", c.get(1).claim());
    assertEquals("B12 deficiency causes anemia.", c.get(1).sentence());
    for (Claim x : c) {
      for (String field : new String[] {x.claim(), x.subject(), x.relation(), x.object(), x.sentence(), x.context(),
          x.articleTitle(), String.join(" ", x.reasons())}) {
        assertTrue(field.chars().noneMatch(ch -> Character.getType(ch) == Character.CONTROL), field);
      }
    }
  }

  @Test
  void subjectRelationAndObjectComeFromTheTags() {
    Claim c = only("In older adults, vitamin B12 is involved in the synthesis of melatonin.");
    assertEquals("vitamin B12", c.subject());
    assertEquals("is involved in", c.relation());
    assertEquals("the synthesis of melatonin", c.object());
    assertEquals("In older adults, vitamin B12 is involved in the synthesis of melatonin.", c.claim());
  }

  @Test
  void headingsAreContextNotClaimsAndIdsAreStable() {
    Article a = article(h("Neurological Symptoms of B12 Deficiency"),
        p("Low vitamin B12 causes numbness. It also causes memory loss."),
        p("Why It Matters"));
    List<Claim> claims = extractor.extract(a);
    assertEquals(2, claims.size(), claims.toString());
    assertEquals("Neurological Symptoms of B12 Deficiency", claims.get(0).context());
    assertEquals(1, claims.get(0).sentenceIndex());
    assertEquals(2, claims.get(1).sentenceIndex());
    assertEquals(Claim.idFor("a1", "Low vitamin B12 causes numbness."), claims.get(0).id());
    assertEquals("Low vitamin B12 also causes memory loss.", claims.get(1).claim());
    assertEquals(claims, extractor.extract(a), "same article, same claims");
    ClaimExtractor.Extraction e = extractor.extractAll(a);
    assertEquals(2, e.headings());
    assertEquals(2, e.sentences());
  }

  @Test
  void sourcesLinksAndCommentsAreNotClaims() {
    List<Claim> c = claims(p("Vitamin B12 deficiency causes anemia."), p("Sources:"),
        p("Vitamin B12 deficiency causes anemia in older adults: a review."), h("Leave a Reply"),
        p("Great article, B12 injections cured my fatigue!"));
    List<Double> scores = new ArrayList<>(c.stream().map(Claim::checkWorthiness).toList());
    assertTrue(scores.getFirst() >= 0.5, c.toString());
    assertTrue(scores.subList(1, scores.size()).stream().allMatch(s -> s < 0.5), c.toString());
  }

  @Test
  void pipeTablesGiveCellsTheirColumnAsSubject() {
    List<Claim> c = claims(p("| Feature | B12 deficiency neuropathy |"), p("|---|---|"),
        p("| Onset | Usually gradual, over months. Often accompanied by fatigue. |"));
    List<String> t = texts(c);
    // The value of an attribute under "Feature" keeps the attribute (was "B12 deficiency neuropathy is usually gradual").
    assertTrue(t.contains("Onset of B12 deficiency neuropathy is usually gradual, over months."), t.toString());
    assertTrue(t.contains("B12 deficiency neuropathy is often accompanied by fatigue."), t.toString());
  }
}
