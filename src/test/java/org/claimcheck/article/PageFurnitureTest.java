package org.claimcheck.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The forms of page furniture found in the fourth blind page set (and left over from the third) on invented pages:
 * each must leave the main text while the article's sentences around it stay.
 */
class PageFurnitureTest {
  private static final String P1 = "Vitamin D helps the body absorb calcium from food, and most adults in the UK are "
      + "advised to take a supplement in the winter months.";
  private static final String P2 = "Weight-bearing exercise such as walking puts stress on the bones, which makes "
      + "them stronger at any age, a review of forty trials found.";
  private static final String P3 = "Smokers lose bone faster than non-smokers, and drinking more than 14 units of "
      + "alcohol a week raises the risk of a fracture.";

  private static final String STUDY = "Bone density was measured in 800 women for ten years. In our study, women "
      + "who walked every day lost less bone than those who did not.";

  private final TextExtractor extractor = new TextExtractor();

  private List<String> texts(String body) {
    return extractor.extract("<html><head><title>Strong bones</title></head><body>" + body + "</body></html>", "")
        .blocks().stream().map(Block::text).toList();
  }

  private static String p(String s) {
    return "<p>" + s + "</p>";
  }

  /** Blind set 4 and 3: "Reviewed by: ...", "Print this page Last updated ...", "Was this leaflet helpful? Yes No". */
  @Test
  void reviewDatesAndFeedbackPromptsAreNotArticleText() {
    String page = "<main><h1>Strong bones</h1><p class='reviewed'>Reviewed by: Jane Roe, MD &middot; Updated "
        + "February 10, 2025</p><div class='tools'><a href='javascript:print()'>Print this page</a> <span>Last "
        + "updated: January 2025</span></div>" + p(P1) + p(P2) + p(P3)
        + "<p>Last reviewed: June 2025. Next review due: June 2028.</p><div class='feedback'>Was this leaflet "
        + "helpful? <a href='#'>Yes</a> <a href='#'>No</a></div></main>";
    assertEquals(List.of(P1, P2, P3), texts(page));
    for (String s : List.of("Medically reviewed by Dr. Sam Patel, MD \u2014 Updated May 2, 2025",
        "Medically reviewed by Dr. Ana Gomez \u2014 Written by Sarah Lee \u2014 Updated on January 10, 2025",
        "Page last reviewed: 4 June 2024 Next review due: 4 June 2027", "Was this article helpful?",
        "Did you find this page useful?", "Print this article")) {
      assertTrue(BoilerplateText.is(s), s);
    }
    for (String s : List.of("Reviewed studies suggest that zinc shortens a cold by about a day.",
        "Written by hand, prescriptions are often misread.", "Last reviewed in 2019, the guidance is out of date.",
        "Printing this page is not needed.")) {
      assertFalse(BoilerplateText.is(s), s);
    }
  }

  /** Blind set 4 and 3: a hospital leaflet's control fields, its other formats and its authors' credit. */
  @Test
  void aLeafletsControlFieldsFormatsAndCreditAreNotArticleText() {
    String page = "<div id='content' class='leaflet-wrapper'><div class='leaflet-head'><h1>Strong bones</h1>"
        + "<table class='leaflet-meta'><tr><td>Leaflet reference:</td><td>PIL-0999, version 2</td></tr></table>"
        + "</div><div class='leaflet-body'>" + p(P1) + p(P2) + p(P3) + "</div><div class='leaflet-meta'>"
        + "<p>If you would like this leaflet in another language or format, please contact the Patient Advice and "
        + "Liaison Service (PALS).</p><p>Leaflet number: XY-101 | Author: Bone Health Team | Published: March 2024 "
        + "| Review date: March 2027</p><p>This information was written by the Bone Health Team with patients who "
        + "have osteoporosis.</p></div></div>";
    assertEquals(List.of(P1, P2, P3), texts(page));
    for (String s : List.of("If you need this leaflet in another language, large print or Braille, please ask a "
        + "member of staff.", "This leaflet is also available in large print.",
        "Leaflet reference: PIL-0423 | Published: January 2024 | Review date: January 2026")) {
      assertTrue(BoilerplateText.is(s), s);
    }
    for (String s : List.of("If you need help in another language, ask for an interpreter at your appointment.",
        "This information was checked against the 2024 guideline, which recommends a daily supplement.")) {
      assertFalse(BoilerplateText.is(s), s);
    }
  }

  /** Blind set 4 and 3: a shop's FDA notice, an affiliate notice, "This guide does not replace advice ...". */
  @Test
  void aPagesDisclaimersOfItselfAreNotArticleText() {
    String page = "<article><h1>Strong bones</h1><p class='affiliate-disclosure'><em>This post contains affiliate "
        + "links. We may earn a commission if you buy through them.</em></p><div class='entry-content'>" + p(P1)
        + p(P2) + p(P3) + "<p class='disclaimer'><em>*These statements have not been evaluated by the Food and Drug "
        + "Administration. This product is not intended to diagnose, treat, cure, or prevent any disease.</em></p>"
        + "<p>This guide does not replace advice from your health care provider.</p></div></article>";
    assertEquals(List.of(P1, P2, P3), texts(page));
    for (String s : List.of("This article is for information only and is not medical advice.",
        "The information on this site is not a substitute for professional medical advice.",
        "This content is provided for educational purposes only.")) {
      assertTrue(BoilerplateText.is(s), s);
    }
    for (String s : List.of("This supplement is not a substitute for a varied diet.",
        "The vaccine does not replace screening, which still finds most cancers early.",
        "These statements have not been checked by anyone, the review found.")) {
      assertFalse(BoilerplateText.is(s), s);
    }
  }

  /**
   * Blind set 4 and 3: a forum post's bar of actions ("Like (31) Quote Reply Report"), its mark ("Best answer",
   * "Feb 11, 2025 #2 Accepted answer") and the member's details by a term of furniture ("Joined:" Mar 2019,
   * "Messages:" 1,482).
   */
  @Test
  void aForumPostsActionsMarksAndMembersDetailsAreNotArticleText() {
    StringBuilder page = new StringBuilder("<div class='thread'>");
    for (String post : List.of(P1, P2, P3)) {
      page.append("<article class='message'><div class='message-user'><h4>bone_bob</h4><dl><dt>Joined:</dt>")
          .append("<dd>Mar 2019</dd><dt>Messages:</dt><dd>1,482</dd></dl></div><div class='message-main'>")
          .append("<div class='message-attribution'><time>Feb 11, 2025</time> <span>#2</span> <span>Accepted ")
          .append("answer</span></div><div class='bbWrapper'>").append(post).append("</div><div class='actions'>")
          .append("<span class='likes'>Like (31)</span> <span>Best answer</span> <a href='#'>Quote</a> ")
          .append("<a href='#'>Reply</a> <a href='#'>Report</a></div></div></article>");
    }
    List<String> texts = texts(page.append("</div>").toString());
    assertEquals(List.of(P1, P2, P3), texts.stream().filter(t -> !t.equals("bone_bob")).toList());
    for (String s : List.of("Reply to the consultation by 3 May.", "Solution", "Report", "Quote")) {
      assertFalse(BoilerplateText.is(s), s);
    }
    for (String s : List.of("Like (2)", "Quote Reply", "Like (12) Quote Reply")) {
      assertTrue(BoilerplateText.is(s), s);
    }
    assertEquals(List.of(P1, "Dose", "1,000 mg", P2), texts("<main>" + p(P1) + "<dl><dt>Dose</dt><dd>1,000 mg</dd>"
        + "<dt>Joined:</dt><dd>1 January 2024</dd></dl>" + p(P2) + "</main>"),
        "only the value of a term of furniture goes: a term that is article text keeps its value");
  }

  /**
   * Blind set 4 and 3: a shop's product box inside its blog post (badge, linked name, selling points, stars and
   * reviews, prices, "Add to cart"), found by its control to buy, not by its class.
   */
  @Test
  void aProductBoxInsideAnArticleIsNotArticleText() {
    String box = "<div class='spotlight'><img src='/calcium.jpg' alt='Bottle'><div><span>Bestseller!</span><h3>"
        + "<a href='/products/calcium'>BoneStrong Calcium + D3, 60 tablets</a></h3><p>Supports healthy bones* "
        + "&bull; 1,000 mg calcium per serving &bull; Vegan, gluten-free tablets</p><p>&#9733;&#9733;&#9733;&#9733;"
        + "&#9733; 1,204 reviews</p><p><s>$39.95</s> $29.95</p><button>Add to cart</button></div></div>";
    String page = "<article><h1>Strong bones</h1><div class='entry'>" + p(P1) + box + p(P2) + p(P3)
        + "</div></article>";
    assertEquals(List.of(P1, P2, P3), texts(page));
    for (String s : List.of("4.5 out of 5 stars (210 ratings)", "£12.99", "Sold out", "From $9.99")) {
      assertTrue(BoilerplateText.is(s), s);
    }
    for (String s : List.of("The review pooled 1,204 reviews of trials.", "$5 a day buys a month of tablets.")) {
      assertFalse(BoilerplateText.is(s), s);
    }
    String shortArticle = "<article><h1>Strong bones</h1>" + p(P1) + "<p><a class='btn' href='/shop'>Shop now</a>"
        + "</p></article>";
    assertEquals(List.of(P1), texts(shortArticle), "an article of little text around a button is still the article");
  }

  /** Blind set 4 and 3: the entries of a reference list after the article, in Vancouver and APA style. */
  @Test
  void theEntriesOfAReferenceListAreNotArticleText() {
    String page = "<article><h1>Strong bones</h1><div class='body'>" + p(P1) + p(P2) + p(P3) + "</div><section>"
        + "<h2>References</h2><ol><li>Weaver CM, Alexander DD, Boushey CJ, et al. Calcium plus vitamin D "
        + "supplementation and risk of fractures. Osteoporos Int. 2016;27(1):367-76.</li><li>Bolland MJ, et al. "
        + "Calcium intake and risk of fracture: systematic review. BMJ. 2015;351:h4580.</li><li>Kanis, J. A., &amp; "
        + "Harvey, N. C. (2019). Bone health in later life. Journal of Bone Studies, 12(3), 45-67. "
        + "https://doi.org/10.1000/jbs.2019.3</li><li>Maclennan AH, Broadbent JL. Oral oestrogen for hot flushes. "
        + "Cochrane Database Syst Rev. 2004;(4):CD002978.</li></ol></section></article>";
    assertEquals(List.of(P1, P2, P3), texts(page));
    for (String s : List.of("Smith JA, a GP in Leeds, said the 2019 guidance was clear.",
        "Vitamin D. Most adults need 10 micrograms a day, the 2016 report said.")) {
      assertFalse(BoilerplateText.is(s), s);
    }
  }

  /** Blind set 4: a reader's story quoted in a figure, her name in its caption, between the article's paragraphs. */
  @Test
  void aQuoteInAFigureInsideTheArticleIsArticleText() {
    String quote = "\u201cI was scared of breaking a hip. Two years of walking every day, and my last scan was "
        + "normal.\u201d";
    String page = "<article><h1>Strong bones</h1><div class='body'>" + p(P1) + "<figure class='story-quote'>"
        + "<blockquote><p>" + quote + "</p></blockquote><figcaption>Priya, 64</figcaption></figure>" + p(P2) + p(P3)
        + "</div></article>";
    assertEquals(List.of(P1, quote, P2, P3), texts(page));
  }

  /**
   * Blind set 4: a chart's caption that states something, between the article's paragraphs, is article text without
   * its credit; a caption that is only a credit, a few words or a photograph's description is not.
   */
  @Test
  void aCaptionInFullSentencesInsideTheArticleIsArticleTextWithoutItsCredit() {
    String caption = "Figure 1: Fracture risk by daily calcium intake. Risk was lowest at about 700 mg a day.";
    String page = "<article><h1>Strong bones</h1><div class='body'>" + p(P1) + "<figure class='chart'><img src="
        + "'/chart.png' alt='Bar chart'><figcaption>" + caption + " <span class='source'>Source: Weaver et al., "
        + "Osteoporos Int, 2016</span></figcaption></figure>" + p(P2) + "<figure><img src='/walk.jpg' alt='Walkers'>"
        + "<figcaption>Walkers in a park <span class='credit'>Jane Doe</span></figcaption></figure><figure><img "
        + "src='/dog.jpg' alt=''><figcaption>A woman walks her dog along a beach in Cornwall.</figcaption></figure>"
        + "<figure><img "
        + "src='/x.jpg' alt=''><figcaption>Photo: Getty Images</figcaption></figure>" + p(P3) + "</div></article>";
    assertEquals(List.of(P1, caption, P2, P3), texts(page));
  }

  /** Blind set 4: an editor's note on the article's own history is not article text. */
  @Test
  void anEditorsNoteOnTheArticlesHistoryIsNotArticleText() {
    String page = "<article><h1>Strong bones</h1><div class='body'><p class='editor-note'><em>Editor's note: This "
        + "article was updated on March 14 to correct the number of study participants.</em></p>" + p(P1) + p(P2)
        + p(P3) + "</div></article>";
    assertEquals(List.of(P1, P2, P3), texts(page));
    for (String s : List.of("An earlier version of this story misstated the dose of vitamin D.",
        "Correction: the trial enrolled 800 people, not 8,000.", "This page was updated in May 2025.")) {
      assertTrue(BoilerplateText.is(s), s);
    }
    for (String s : List.of("This vaccine was updated in 2023 to match the new strains.",
        "An earlier version of the drug caused more nausea.")) {
      assertFalse(BoilerplateText.is(s), s);
    }
  }

  /**
   * Blind set 4 and 3: a paragraph's last sentence that turns to the site ("Let us know in the comments.", "... with our
   * calculator.") is not article text; the paragraph's other sentences are.
   */
  @Test
  void aParagraphsClosingCallToCommentOrToUseTheSitesToolIsNotArticleText() {
    String page = "<article><h1>Strong bones</h1><div class='body'>" + p(P1 + " Let us know in the comments.")
        + p(P2 + " You can also <a href='/tools/bone'>check your fracture risk with our calculator</a>.") + p(P3)
        + p(STUDY) + "</div></article>";
    assertEquals(List.of(P1, P2, P3, STUDY), texts(page));
  }
}
