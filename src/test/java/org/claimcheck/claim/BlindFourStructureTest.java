package org.claimcheck.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.claimcheck.article.Article;
import org.claimcheck.article.Block;
import org.junit.jupiter.api.Test;

/**
 * From the fourth blind review: how a page's structure (tables, inline labels, callouts, lead-ins, definition lists,
 * numbered headings) becomes claims. The pages here are invented in the shape of the reviewed ones.
 */
class BlindFourStructureTest {
  private final ClaimExtractor extractor = new ClaimExtractor(Lexicon.builtin());

  private static Article titled(String title, Block... blocks) {
    return new Article("a1", "test.html", "file:///test.html", "file:///test.html", null, title, null, null, null,
        null, "2026-12-08T00:00:00Z", 0, "hash", null, null, "", List.of(blocks));
  }

  private static Block p(String text) {
    return new Block(Block.Kind.PARAGRAPH, text);
  }

  private static Block h(String text) {
    return new Block(Block.Kind.HEADING, text, 2);
  }

  private static Block row(String text) {
    return new Block(Block.Kind.TABLE_ROW, text);
  }

  private List<Claim> claims(String title, Block... blocks) {
    return extractor.extract(titled(title, blocks));
  }

  private static List<String> texts(List<Claim> claims) {
    return claims.stream().map(Claim::claim).toList();
  }

  private static Claim find(List<Claim> claims, String text) {
    return claims.stream().filter(c -> c.claim().equals(text)).findFirst()
        .orElseThrow(() -> new AssertionError(text + " not in " + texts(claims)));
  }

  /**
   * A table's cells were claims of their own: a value came out as "Tablets of Maximum dose: 1,200 mg." (no verb,
   * 0.35) and a verb phrase took its column header for subject ("What to do usually passes within a week.", "Notes
   * contains a weakened virus."). A cell is about its row: the row's first cell is the subject, the column header what
   * the value is; a header that is a question or a note is never a subject; an order stays an order.
   */
  @Test
  void aTableRowsCellsAreAboutTheRow() {
    List<Claim> c = claims("Ibuprofen guide", p("Ibuprofen is a painkiller that also reduces inflammation and fever."),
        h("Doses"), row("| Form | Usual dose | Maximum daily dose |"), row("|---|---|---|"),
        row("| Tablets | 200 mg to 400 mg three times a day | 1,200 mg |"),
        h("Side effects"), row("| Side effect | How common | What to do |"), row("|---|---|---|"),
        row("| Indigestion | Up to 1 in 5 people | Usually passes within a week |"),
        row("| Rash | Common in the first month | Ask your pharmacist about another painkiller |"),
        h("Vaccines"), row("| Vaccine | Approved ages | Notes |"), row("|---|---|---|"),
        row("| Nasal spray vaccine | 2 to 17 years | Contains a weakened virus |"),
        row("| Adjuvanted vaccine | 65 years and older | Made with an added ingredient |"));
    assertTrue(find(c, "The maximum daily dose of tablets is 1,200 mg.").checkWorthiness() >= 0.5);
    assertTrue(find(c, "Indigestion affects up to 1 in 5 people.").checkWorthiness() >= 0.5);
    assertTrue(find(c, "Indigestion usually passes within a week.").checkWorthiness() >= 0.5);
    assertTrue(find(c, "Rash is common in the first month.").checkWorthiness() >= 0.5);
    assertTrue(find(c, "Nasal spray vaccine contains a weakened virus.").checkWorthiness() >= 0.5);
    find(c, "The approved ages of nasal spray vaccine are 2 to 17 years.");
    find(c, "Adjuvanted vaccine is made with an added ingredient.");
    assertTrue(find(c, "For rash, ask your pharmacist about another painkiller.").checkWorthiness() < 0.5);
    assertTrue(texts(c).stream().noneMatch(t -> t.startsWith("How common") || t.startsWith("What to do")
        || t.startsWith("Notes") || t.contains(" of Maximum")), texts(c).toString());
    // The row is the source its claims show.
    assertEquals("Indigestion | Up to 1 in 5 people | Usually passes within a week",
        find(c, "Indigestion affects up to 1 in 5 people.").sentence());
  }

  /**
   * A myth-and-fact box: "Myth: Antidepressants change your personality." gave the statement as a claim of the page's
   * own (0.85, not negated), to be verified as if the page said it. A label that calls what follows it a myth is read
   * as "X is a myth" is: the statement, negated; the "Fact:" after it is a claim as it is.
   */
  @Test
  void aMythLabelNegatesItsStatement() {
    List<Claim> c = claims("Sleeping pills", p("Sleeping pills are medicines that help people with insomnia sleep."),
        h("Myths and facts"), p("Myth: Sleeping pills cure insomnia."),
        p("Fact: Sleeping pills can help for a few nights but do not treat the cause of insomnia."),
        p("Common misconception: Melatonin causes dependence."));
    assertTrue(find(c, "Sleeping pills cure insomnia.").negated(), texts(c).toString());
    assertTrue(find(c, "Melatonin causes dependence.").negated(), texts(c).toString());
    Claim fact = find(c, "Sleeping pills can help for a few nights.");
    assertTrue(!fact.negated() && fact.checkWorthiness() >= 0.5, fact.toString());
  }

  /**
   * A callout under a category heading: "Important: Don't stop taking metformin ..." under "Side effects" gave "Side
   * effects of side effects include important (Don't stop taking metformin ...)." (0.95): a "Label: text" paragraph
   * was taken for a member of the heading's category, and the category was "of" the concept its own heading names.
   * A callout is read as it is; a heading that names a category concept ("Side effects") frames its items with the
   * article's topic, one that names its owner ("Metformin side effects") with none.
   */
  @Test
  void aCalloutIsNotAMemberOfTheHeadingsCategory() {
    Block item = new Block(Block.Kind.LIST_ITEM, "Diarrhoea and stomach cramps");
    List<Claim> c = claims("Metformin: a patient guide",
        p("Metformin is usually the first medicine prescribed for type 2 diabetes."), h("Metformin side effects"),
        new Block(Block.Kind.LIST_ITEM, "Loss of appetite"), h("Side effects"), item,
        p("Important: Don't stop taking metformin without talking to your care team."),
        p("Note: Metformin rarely causes low blood sugar on its own."));
    find(c, "Metformin side effects include loss of appetite.");
    find(c, "Side effects of metformin include diarrhoea and stomach cramps.");
    assertTrue(find(c, "Don't stop taking metformin without talking to your care team.").checkWorthiness() < 0.5);
    assertTrue(find(c, "Metformin rarely causes low blood sugar on its own.").checkWorthiness() >= 0.5);
    assertTrue(texts(c).stream().noneMatch(t -> t.contains("of side effects") || t.contains("include important")
        || t.contains("include note")), texts(c).toString());
  }

  /**
   * A lead-in ending with "if:" was not joined to its items, each a clause of its own: "You should not get a flu shot
   * if:" + "you have had a severe allergic reaction to a previous dose" gave "You have had a severe allergic reaction
   * to a previous dose of flu vaccine." (0.85), a fact the page never states. The lead-in and its item are one
   * sentence now, the item its source.
   */
  @Test
  void anItemUnderAnIfLeadInIsItsCondition() {
    Block item = new Block(Block.Kind.LIST_ITEM, "you have had a severe allergic reaction to a previous dose");
    List<Claim> c = claims("Shingles vaccine", p("The shingles vaccine lowers the risk of shingles in older adults."),
        p("You should not get the shingles vaccine if:"), new Block(Block.Kind.LIST_ITEM, "you are pregnant"), item);
    find(c, "You should not get the shingles vaccine if you are pregnant.");
    Claim joined = find(c,
        "You should not get the shingles vaccine if you have had a severe allergic reaction to a previous dose.");
    assertEquals(item.text(), joined.sentence());
    assertTrue(texts(c).stream().noneMatch(t -> t.startsWith("You have had") || t.equals("You are pregnant.")),
        texts(c).toString());
  }

  /**
   * A definition list (dt, dd): the definition's "They" was not its term ("They usually cause fewer side effects")
   * and a definition that is a noun phrase was a fragment of its own ("Such as venlafaxine and duloxetine." 0.20),
   * while a term that names a category ("Mild symptoms") completed its definition as a heading's category does. The
   * term is now the definition's "they" and "it", and the subject of a noun-phrase definition.
   */
  @Test
  void aDefinitionIsAboutItsTerm() {
    Block dt = new Block(Block.Kind.HEADING, "Beta blockers (BBs)", 0);
    List<Claim> c = claims("Blood pressure medicines", p("Several kinds of medicine lower blood pressure."),
        h("Types of medicine"), dt,
        new Block(Block.Kind.LIST_ITEM, "An older type, such as atenolol. They slow the heart rate."),
        new Block(Block.Kind.HEADING, "ACE inhibitors", 0),
        new Block(Block.Kind.LIST_ITEM, "Such as ramipril and lisinopril. These can cause a dry cough."));
    find(c, "Beta blockers (BBs) are an older type, such as atenolol.");
    assertTrue(find(c, "Beta blockers (BBs) slow the heart rate.").checkWorthiness() >= 0.5);
    find(c, "ACE inhibitors include ramipril and lisinopril.");
    assertTrue(find(c, "ACE inhibitors can cause a dry cough.").checkWorthiness() >= 0.5);
  }

  /**
   * A listicle's numbered headings that state its claims ("4. Calcium supplements don't prevent fractures in most
   * people") gave none: headings are context. A numbered heading that is a sentence, its subject a noun or pronoun,
   * now gives its claim; a numbered question or a heading that is a name gives none, as before.
   */
  @Test
  void aListiclesNumberedHeadingStatesItsClaim() {
    List<Claim> c = claims("6 things to know about vitamin D", p("Vitamin D keeps bones and muscles healthy."),
        h("1. Vitamin D supplements don't prevent colds in most people"),
        p("A large review found no effect on colds in people with normal levels."),
        h("2. Sunlight makes vitamin D in the skin"), p("In summer, most people make enough."),
        h("3. How much do you need?"), p("Adults need 10 micrograms a day."), h("4. Oily fish and eggs"),
        p("They contain small amounts."));
    Claim first = find(c, "Vitamin D supplements don't prevent colds in most people.");
    assertTrue(first.negated() && first.checkWorthiness() >= 0.5, first.toString());
    assertEquals("1. Vitamin D supplements don't prevent colds in most people", first.sentence());
    find(c, "Sunlight makes vitamin D in the skin.");
    assertTrue(texts(c).stream().noneMatch(t -> t.startsWith("How much") || t.startsWith("Oily fish and eggs")),
        texts(c).toString());
  }

  @Test
  void aTableOfComparedMedicinesIsReadTheSameWayInEveryRow() {
    // The re-review: rows gave "Ibuprofen is common." and "Ibuprofen rare." (the row label lost), and a row whose
    // label the lexicon knows ("Asthma attacks") switched to the row reading mid-table ("Asthma attacks is not
    // reported."); "Stomach" opening a row was tagged an order.
    List<Claim> c = claims("Ibuprofen or paracetamol?", p("Ibuprofen and paracetamol are common painkillers."),
        row("| Side effect | Ibuprofen | Paracetamol |"), row("|---|---|---|"),
        row("| Stomach upset | Common | Rare |"), row("| Liver damage | Rare | Possible in overdose |"),
        row("| Asthma attacks | Can trigger them in some children | Not reported |"));
    assertTrue(find(c, "Stomach upset with ibuprofen is common.").checkWorthiness() >= 0.5, texts(c).toString());
    assertTrue(find(c, "Liver damage with paracetamol is possible in overdose.").checkWorthiness() >= 0.5);
    Claim none = find(c, "Asthma attacks with paracetamol is not reported.");
    assertTrue(none.negated(), none.toString());
    assertTrue(texts(c).stream().noneMatch(t -> t.equals("Ibuprofen is common.") || t.startsWith("Asthma attacks is")),
        texts(c).toString());
  }

  @Test
  void aDefinitionThatIsASentenceIsNotGluedToItsTerm() {
    // Was "Chemical sunscreens are these absorb UV light." (0.85).
    List<Claim> c = claims("Sunscreen", p("Sunscreens protect the skin from the sun."), h("Types of sunscreen"),
        new Block(Block.Kind.HEADING, "Chemical sunscreens", 0), new Block(Block.Kind.LIST_ITEM,
            "These absorb UV light."));
    assertTrue(texts(c).stream().noneMatch(t -> t.contains("are these")), texts(c).toString());
  }

  @Test
  void aGroupOfPeopleAfterAnAdjectiveIsWhomARowIsFor() {
    // Was "The age of healthy adults is 65 and over." (0.70).
    List<Claim> c = claims("Shingles vaccine", p("The shingles vaccine protects older adults."),
        row("| Group | Age | Doses |"), row("|---|---|---|"), row("| Healthy adults | 65 and over | 2 |"));
    assertTrue(texts(c).stream().noneMatch(t -> t.startsWith("The age of healthy adults")), texts(c).toString());
  }
}
