package org.claimcheck.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.claimcheck.TestData;
import org.junit.jupiter.api.Test;

class TextExtractorTest {
  private final TextExtractor extractor = new TextExtractor();

  private static String fixture(String name) throws IOException {
    return Files.readString(TestData.resource("org/claimcheck/article/" + name), StandardCharsets.UTF_8);
  }

  private static List<String> texts(MainText m) {
    return m.blocks().stream().map(Block::text).toList();
  }

  @Test
  void keepsTheArticleAndDropsTheChrome() throws IOException {
    MainText m = extractor.extract(fixture("b12-article.html"), "https://health.example.org/b12-nerves");
    String text = m.text();
    assertTrue(text.contains("Vitamin B12 helps form and maintain the myelin sheath"), text);
    assertTrue(text.contains("B12 has no overdose or toxicity levels"), text);
    for (String chrome : List.of("cookies", "Share on Facebook", "Related posts", "Leave a reply", "Copyright",
        "Shop")) {
      assertFalse(text.contains(chrome), chrome + " leaked into: " + text);
    }
    assertFalse(texts(m).contains("Vitamin B12 and Your Nerves"), "the headline is the title, not article text");
    assertEquals(new Block(Block.Kind.HEADING, "Symptoms of deficiency", 2), // an h2: its level kept
        m.blocks().stream().filter(b -> b.text().startsWith("Symptoms")).findFirst().orElseThrow());
    assertEquals(2, m.blocks().stream().filter(b -> b.kind() == Block.Kind.LIST_ITEM).count());
  }

  @Test
  void aBlockOfASnapshotKeptBeforeHeadingLevelsReadsWithNoLevel() throws IOException {
    assertEquals(new Block(Block.Kind.HEADING, "Symptoms", 0),
        org.claimcheck.Json.MAPPER.readValue("{\"kind\":\"HEADING\",\"text\":\"Symptoms\"}", Block.class));
  }

  /** Every kind of page furniture around one invented article, in a page wrapped in a form (as ASP.NET does). */
  @Test
  void keepsHeadingsListsTablesAndQuotesAndDropsEveryKindOfBoilerplate() throws IOException {
    MainText m = extractor.extract(fixture("complex-article.html"), "https://wellness.example.org/magnesium");
    assertEquals(List.of(
        new Block(Block.Kind.PARAGRAPH, "Magnesium supplements are sold as a natural sleep aid, and sales have "
            + "doubled in five years, according to an invented market report."),
        new Block(Block.Kind.PARAGRAPH, "Small trials in older adults found that taking magnesium in the evening "
            + "shortened the time it took to fall asleep, although the effect was modest and the trials were short."),
        new Block(Block.Kind.HEADING, "What the evidence says", 2),
        new Block(Block.Kind.PARAGRAPH, "A review of three randomised trials concluded that the quality of the "
            + "evidence was low, and that larger studies are needed before magnesium can be recommended for "
            + "insomnia."),
        new Block(Block.Kind.LIST_ITEM, "Magnesium glycinate is the form most often used in sleep studies."),
        new Block(Block.Kind.LIST_ITEM, "Doses above 350 mg a day can cause diarrhoea in adults."),
        new Block(Block.Kind.TABLE_ROW, "| Group | Upper limit |"),
        new Block(Block.Kind.TABLE_ROW, "|---|---|"),
        new Block(Block.Kind.TABLE_ROW, "| Adults | 350 mg |"),
        new Block(Block.Kind.TABLE_ROW, "| Children aged 9 to 13 | 350 mg |"),
        new Block(Block.Kind.PARAGRAPH, "Magnesium before bed changed my life, no kidding."),
        new Block(Block.Kind.PARAGRAPH, "\u2014 Invented Person (@invented) June 1, 2025"),
        new Block(Block.Kind.PARAGRAPH, "People with kidney disease should talk to their doctor before taking "
            + "magnesium, because their kidneys may not clear the excess.")), m.blocks());
    // Dropped: cookie banner, menu, headline, byline, dateline, share bar, caption, ad label, "Related:" link,
    // hidden paragraph, newsletter box, author bio, tags, related posts, comments and their form, sidebar, footer.
  }

  @Test
  void readsMetadataFromMetaTagsAndJsonLd() throws IOException {
    MainText m = extractor.extract(fixture("b12-article.html"), "https://health.example.org/b12-nerves");
    assertEquals("Vitamin B12 and Your Nerves", m.title());
    assertEquals("Dr. Jane Invented", m.author());
    assertEquals("2024-02-03T09:00:00Z", m.published());
    assertEquals("2024-03-01", m.modified());
    assertEquals("en", m.language());
    assertEquals("https://health.example.org/b12-nerves", m.canonicalUrl());

    MainText c = extractor.extract(fixture("complex-article.html"), "https://wellness.example.org/magnesium");
    assertEquals("Does Magnesium Help You Sleep?", c.title());
    assertEquals("Ana Example, Bo Sample", c.author(), "JSON-LD @graph, a list of authors");
    assertEquals("2025-06-01T08:30:00Z", c.published());
    assertEquals("2025-06-02T10:00:00Z", c.modified());
    assertEquals("en-GB", c.language());
    assertEquals(null, c.canonicalUrl());
  }

  @Test
  void controlAndUnicodeSpacesCollapseLikeSpaces() {
    // A paragraph of only a vertical tab once reached Block as a blank line (found by TextExtractorFuzzTest).
    String prose = "Walking every day lowers blood pressure in older adults, according to the invented trial of "
        + "two hundred people.";
    MainText m = extractor.extract("<html><body><article><p>\u000b</p><p>\u001c\u001f\u1680\u2007</p><p>Walking"
        + "\u000bevery\u2005day" + prose.substring("Walking every day".length()) + "</p></article></body></html>",
        "https://example.org/a");
    assertEquals(List.of(new Block(Block.Kind.PARAGRAPH, prose)), m.blocks());
  }

  /** A BEL in a .txt article went into its blocks and on into claims (HTML input had them stripped). */
  @Test
  void plainTextLosesControlCharactersToo() {
    MainText m = extractor.fromPlainText("Vitamin\u0007 B12\n\nB12 deficiency\u0007causes fatigue in older adults who"
        + " eat little meat.\u0085\n", "notes\u0007.txt");
    assertEquals("Vitamin B12", m.title());
    assertEquals("B12 deficiency causes fatigue in older adults who eat little meat.",
        m.blocks().getLast().text());
    assertEquals("notes .txt", extractor.fromPlainText("B12 deficiency causes fatigue in older adults who eat"
        + " little meat.", "notes\u0007.txt").title());
  }

  @Test
  void theArticleIsFoundWhenAdsCutItInPiecesAndTeasersFollowIt() {
    StringBuilder html = new StringBuilder("<html><body><div class='page'>");
    html.append("<div class='story'><p>First part of the story, which says that walking every day lowers blood "
        + "pressure in older adults, according to the invented trial.</p></div>");
    html.append("<div class='dfp'><p>Advertisement</p></div>");
    html.append("<div class='story'><p>Second part of the story, which adds that the effect was larger in people who "
        + "walked briskly, and smaller in those who strolled.</p><p>Third paragraph, with a caveat: the trial lasted "
        + "only twelve weeks, and most of its volunteers were women.</p></div>");
    html.append("<div class='below'>");
    for (int i = 0; i < 6; i++) {
      html.append("<div><h3><a href='/t").append(i).append("'>A teaser headline number ").append(i)
          .append(" about something else</a></h3><p>A blurb that sums up another article in a sentence or two, ")
          .append("to make readers click, number ").append(i).append(".</p></div>");
    }
    html.append("</div></div></body></html>");
    List<String> texts = texts(extractor.extract(html.toString(), ""));
    assertEquals(3, texts.size(), texts.toString());
    assertTrue(texts.get(0).startsWith("First part") && texts.get(2).startsWith("Third paragraph"), texts.toString());
  }

  @Test
  void anArticlesOwnHeaderGivesItsHeadlineAndAHeadingsAnchorIsNoLinkAway() {
    String html = "<html><head><title>Health Network</title></head><body>"
        + "<header><h1>Health Network</h1><nav><a href='/'>Home</a></nav></header>"
        + "<article><header><h1>Salt and blood pressure</h1><p>By A. Writer, March 3, 2024, 8:15 a.m.</p>"
        + "<h5>Medically reviewed by Dr Anne Lee, GP</h5><h6>This post contains affiliate links.</h6></header>"
        + "<p>Cutting down on salt lowers blood pressure within weeks, according to the invented trial of 400 "
        + "adults.</p><p>The effect was larger in people who already had high blood pressure, and it lasted as long "
        + "as they kept to the diet.</p>"
        + "<h2><a href='#potassium' class='anchor'>Potassium</a></h2>"
        + "<p>Potassium-rich foods such as beans and bananas blunt the effect of salt on the arteries.</p>"
        + "<h4><a href='#top'>Back to top</a></h4>"
        + "<p>Most adults eat less potassium than guidelines advise, the authors of the invented trial wrote.</p>"
        + "</article><footer><h2>About us</h2></footer></body></html>";
    List<Block> blocks = extractor.extract(html, "https://health.example.org/salt").blocks();
    assertEquals(new Block(Block.Kind.HEADING, "Salt and blood pressure", 1), blocks.getFirst());
    assertEquals(new Block(Block.Kind.HEADING, "Potassium", 2), blocks.get(3));
    assertEquals(6, blocks.size(), blocks.toString()); // the byline is not article text
  }

  @Test
  void anAsideInsideTheArticleIsItsOwnBoxButRelatedLinksStillGo() {
    String more = "<p>A paragraph of the article says something about kidney stones and water, in a sentence long "
        + "enough to be prose.</p>";
    String html = "<html><body><aside class='sidebar'><p>Our clinic opens at nine, and the parking is free for all "
        + "patients and visitors.</p></aside><article><h1>Kidney stones</h1>"
        + "<p>Drinking enough water is the best way to prevent kidney stones, according to the invented review.</p>"
        + more.repeat(5)
        + "<aside class='callout'><h3>Myth or fact?</h3><p>Most stones are made of calcium oxalate, yet eating "
        + "calcium-rich foods lowers the risk of getting one.</p></aside>"
        + "<p>People who have had one stone have a one in two chance of another within ten years.</p>"
        + more.repeat(5)
        + "<aside><ul><li><a href='/a'>Gout and diet: what to eat</a></li><li><a href='/b'>Ten facts about "
        + "your kidneys</a></li></ul></aside></article></body></html>";
    List<String> texts = texts(extractor.extract(html, ""));
    assertTrue(texts.contains("Most stones are made of calcium oxalate, yet eating calcium-rich foods lowers the "
        + "risk of getting one."), texts.toString());
    assertTrue(texts.stream().noneMatch(t -> t.contains("parking") || t.contains("Gout and diet")), texts.toString());
  }

  /**
   * From the blind review (a menopause page): a footnote marker stayed glued to its sentence ("breast cancer.1 Later
   * ..."), so the sentence had no full stop of its own and the next one was not split from it.
   */
  @Test
  void footnoteAndCitationMarkersGoButSuperscriptsThatAreTextStay() {
    String html = "<html><body><article><h1>Hormone therapy</h1>"
        + "<p>Hormone therapy is the most effective treatment for hot flushes.<sup><a href='#fn1'>1</a></sup> Later "
        + "analyses showed that the risks depend heavily on age.<sup class='fn'><a href='#fn2' id='r2'>2</a></sup>For "
        + "women who start before 60, the benefits outweigh the risks.<sup>3,4</sup></p>"
        + "<p>Oral oestrogen raises the risk of blood clots<sup>5</sup> and stroke<sup>[6]</sup>, the invented "
        + "review found<sup>\u2020</sup>.</p>"
        + "<p>A normal platelet count is 150 to 400 x 10<sup>9</sup>/L, a healthy body mass index is 18.5 to 24.9 "
        + "kg/m<sup>2</sup> and the 1<sup>st</sup> dose is given at 12 years.</p>"
        + "<p>Patches do not seem to raise the risk of clots.[7] Gels may not either [8]. Both are sold in "
        + "pharmacies<a href='#cite-9'>[9]</a> across the country.</p>"
        + "<ol class='notes'><li id='fn1'>Smith J. An invented study. 2002. <a href='#r1'>\u21a9</a></li></ol>"
        + "</article></body></html>";
    List<String> texts = texts(extractor.extract(html, ""));
    assertEquals(List.of("Hormone therapy is the most effective treatment for hot flushes. Later analyses showed "
        + "that the risks depend heavily on age. For women who start before 60, the benefits outweigh the risks.",
        "Oral oestrogen raises the risk of blood clots and stroke, the invented review found.",
        "A normal platelet count is 150 to 400 x 109/L, a healthy body mass index is 18.5 to 24.9 kg/m2 and the 1st "
            + "dose is given at 12 years.",
        "Patches do not seem to raise the risk of clots. Gels may not either. Both are sold in pharmacies across the "
            + "country.",
        "Smith J. An invented study. 2002."), texts.subList(1, texts.size()));
    assertEquals(List.of("Patches help. Gels may not either."),
        texts(extractor.fromPlainText("Patches help.[1] Gels may not either [2,3].", "x")));
  }

  /**
   * From a re-review: a sup of one number after a word was taken for a footnote marker even when glued to the letter
   * after it, so isotopes lost their mass numbers ("The C-urea breath test", "Patients given I").
   */
  @Test
  void aSuperscriptGluedToTheWordAfterItIsAPrefixNotAMarker() {
    String html = "<html><body><article><h1>Testing for H. pylori</h1>"
        + "<p>The <sup>13</sup>C-urea breath test detects an active H. pylori infection with high accuracy in adults "
        + "and children alike.</p>"
        + "<p>Patients given <sup>131</sup>I usually need thyroid hormone tablets for life, because the treatment "
        + "destroys most of the gland.<sup>4</sup>Later tests are rarely needed, the review found<sup>5</sup> in "
        + "2020.</p></article></body></html>";
    assertEquals(List.of("The 13C-urea breath test detects an active H. pylori infection with high accuracy in adults "
        + "and children alike.", "Patients given 131I usually need thyroid hormone tablets for life, because the "
        + "treatment destroys most of the gland. Later tests are rarely needed, the review found in 2020."),
        texts(extractor.extract(html, "")).subList(1, 3));
  }

  /**
   * From the blind review (a fish-oil page): a page's table rows came out as "VITAL | 2018 | No significant reduction",
   * which the claim extractor, reading markdown tables, did not take for rows; their column headers were lost and the
   * rows read as sentences. A page's table now reads as a markdown table: cells between pipes, the header row over a
   * separator row; an empty cell keeps its column, and so does a cell that spans two.
   */
  @Test
  void aPagesTableReadsAsAMarkdownTable() {
    String prose = "<p>Omega-3 fatty acids are found in oily fish such as salmon and sardines, and they lower "
        + "triglyceride levels in the blood.</p>";
    String html = "<html><body><article>" + prose
        + "<table><thead><tr><th></th><th>Year</th><th>Main result</th></tr></thead><tbody>"
        + "<tr><td>VITAL</td><td>2018</td><td>Fish oil did not reduce major cardiovascular events.</td></tr>"
        + "<tr><td>ASCEND</td><td colspan='2'>Stopped early</td></tr>"
        + "<tr><td>STRENGTH</td><td></td><td>No benefit</td></tr><tr><td></td><td></td><td></td></tr></tbody></table>"
        + "<table><tr><th>Dose</th><th>Effect</th></tr><tr><td>1 g</td><td>None</td></tr></table>"
        + "<table><tr><td>Department:</td><td>Physiotherapy</td></tr></table>" + prose
        + "</article></body></html>";
    assertEquals(List.of("| | Year | Main result |", "|---|---|---|",
        "| VITAL | 2018 | Fish oil did not reduce major cardiovascular events. |", "| ASCEND | Stopped early | |",
        "| STRENGTH | | No benefit |", "| Dose | Effect |", "|---|---|", "| 1 g | None |",
        "| Department: | Physiotherapy |"), texts(extractor.extract(html, "")).subList(1, 10));
  }

  /**
   * From a re-review: a cell spanning rows (rowspan) was written in its own row only, so the rows below it lost their
   * label and their cells shifted a column left ("| 80 mg | 55% |" under "| Statin | Dose | LDL reduction |" gave
   * "80 mg of Dose: 55%."). Each row it spans now repeats it in its column.
   */
  @Test
  void aCellSpanningRowsIsRepeatedInEachRowItSpans() {
    String prose = "<p>Statins lower LDL cholesterol and reduce the risk of heart attacks and strokes in people at "
        + "risk of them.</p>";
    String html = "<html><body><article>" + prose
        + "<table><thead><tr><th>Statin</th><th>Dose</th><th>LDL reduction</th></tr></thead><tbody>"
        + "<tr><td rowspan='2'>Atorvastatin</td><td>10 mg</td><td>37%</td></tr><tr><td>80 mg</td><td>55%</td></tr>"
        + "<tr><td>Simvastatin</td><td>20 mg</td><td rowspan='3'>30%</td></tr><tr><td>Rosuvastatin</td><td>5 mg</td>"
        + "</tr></tbody></table><table><tr><td>Metformin</td><td>Nausea</td></tr><tr><td>Gliclazide</td>"
        + "<td>Low blood sugar</td></tr></table>" + prose + "</article></body></html>";
    assertEquals(List.of("| Statin | Dose | LDL reduction |", "|---|---|---|", "| Atorvastatin | 10 mg | 37% |",
        "| Atorvastatin | 80 mg | 55% |", "| Simvastatin | 20 mg | 30% |", "| Rosuvastatin | 5 mg | 30% |",
        "| Metformin | Nausea |", "| Gliclazide | Low blood sugar |"),
        texts(extractor.extract(html, "")).subList(1, 9));
  }

  /**
   * From the blind review (an ADHD page): a callout aside inside a <main> that holds no <article> was dropped as a
   * sidebar, and with it the page's safety warning. The article's own boxes are kept inside an <article>, a <main> or
   * role "main" holding none, and the element chosen as the article's container (where prose runs on both sides of
   * the box); page furniture in an aside still goes, class or no class.
   */
  @Test
  void anAsideInsideTheMainContentIsItsOwnBoxButFurnitureStillGoes() {
    String p1 = "<p>Stimulants such as methylphenidate are the most commonly prescribed ADHD medicines, and they have "
        + "been studied in many trials.</p>";
    String p2 = "<p>Stimulants raise heart rate and blood pressure a little, and the most common side effects are "
        + "reduced appetite and headaches.</p>";
    String warning = "<aside class='callout'><h3>Warning</h3><p>Stimulant medication taken with MAO inhibitors can "
        + "cause a dangerous rise in blood pressure.</p></aside>";
    String tip = "<aside><h3>Did you know?</h3><p>Stimulants improve attention in people without ADHD too, so they "
        + "have no paradoxical effect.</p></aside>";
    String furniture = "<aside><h3>Get our weekly email</h3><p>The best of our health reporting, straight to your "
        + "inbox every Friday morning.</p><form><input type='email'><button>Go</button></form></aside>"
        + "<aside><p>Our newsletter brings you the latest research on mental health every week, from our editors.</p>"
        + "</aside><aside><p><a href='/author/jane-doe'>Jane Doe</a> is a health journalist who has written about "
        + "mental health for ten years.</p></aside><aside><h4>About the author</h4><p>Jane Doe is a health "
        + "journalist who has written about mental health for ten years.</p></aside>"
        + "<aside><p>Advertisement</p><iframe src='https://ads.example/x'></iframe></aside>"
        + "<aside><p>Try MindCalm Premium: guided meditations from licensed therapists, from $9 a month.</p></aside>"
        + "<aside><h3>Read next</h3><ul><li><a href='/a'>Is it anxiety or ADHD?</a></li><li><a href='/b'>Ten signs "
        + "of burnout in adults</a></li></ul></aside>";
    String sidebar = "<aside><p>Our clinic opens at nine, and parking is free for all patients and visitors to the "
        + "hospital.</p></aside>";
    List<String> article = List.of(p1.substring(3, p1.length() - 4), "Warning",
        "Stimulant medication taken with MAO inhibitors can cause a dangerous rise in blood pressure.",
        p2.substring(3, p2.length() - 4), "Did you know?",
        "Stimulants improve attention in people without ADHD too, so they have no paradoxical effect.",
        p1.substring(3, p1.length() - 4));
    String body = p1 + warning + p2 + tip + p1;
    for (String page : List.of("<main>" + body + furniture + "</main>",
        "<div role='main'>" + body + furniture + "</div>",
        "<main><article>" + body + furniture + "</article>" + sidebar + "</main>",
        "<div class='page'><div class='post-body'>" + body + "</div>" + sidebar + "</div>")) {
      assertEquals(article, texts(extractor.extract("<html><body><nav><a href='/'>Home</a></nav>" + page
          + "</body></html>", "")), page);
    }
  }

  /**
   * From the blind review (a forum thread): a member's signature became a claim ('Kate, RN | Mom of 2 | "Sleep is the
   * best meditation"'), and the member's details ("Joined:", "Posts:") became headings over the posts.
   */
  @Test
  void aForumsSignaturesMembersDetailsAndQuoteHeadsAreNotArticleText() {
    StringBuilder html = new StringBuilder("<html><body><div class='thread'>");
    for (int i = 1; i <= 3; i++) {
      html.append("<article class='message' id='post-").append(i).append("'><div class='message-user'>")
          .append("<div class='message-userExtras'><dl><dt>Joined:</dt><dd>Mar 2019</dd></dl><dl><dt>Posts:</dt>")
          .append("<dd>1,482</dd></dl></div></div><div class='message-content'><div class='message-date'>Feb 1")
          .append(i).append(", 2025 #").append(i).append("</div><div class='bbWrapper'>")
          .append(i == 3 ? "<blockquote><div class='quote-title'>holistic_hanna said:</div><div>Melatonin is "
              + "addictive!!</div></blockquote>" : "")
          .append("Melatonin is a hormone that the brain makes at night, and short-term use in children appears ")
          .append("to be fairly safe, post ").append(i).append(". It is not addictive in the way sleeping pills are.")
          .append("</div><div class='message-signature'>Kate, RN | ")
          .append("Mom of 2 | \"Sleep is the best meditation\"</div></div></article>");
    }
    List<String> texts = texts(extractor.extract(html.append("</div></body></html>").toString(), ""));
    String post = "Melatonin is a hormone that the brain makes at night, and short-term use in children appears to "
        + "be fairly safe, post %d. It is not addictive in the way sleeping pills are.";
    assertEquals(List.of(post.formatted(1), post.formatted(2), "Melatonin is addictive!!", post.formatted(3)), texts);
    for (String s : List.of("Joined", "Posts:", "holistic_hanna said:", "Originally posted by Kate",
        "Feb 12, 2025 #3", "3 May 2024, 10:15")) {
      assertTrue(BoilerplateText.is(s), s);
    }
    for (String s : List.of("The doctor said: take it with food.", "March 2024 was the warmest month on record.")) {
      assertFalse(BoilerplateText.is(s), s);
    }
  }

  /**
   * From a re-review: a class-less aside anywhere in a <main> that holds no <article> was kept as the article's box,
   * so the teasers, cookie notice, expert's bio and quiz after the article reached its text ('Why green smoothies cure
   * fatigue.' became a check-worthy claim). Inside a <main> an aside is the article's box only among its prose; and
   * furniture is known by its heading or a site's notice anywhere in it, inside an <article> too.
   */
  @Test
  void asidesAfterTheArticleInAMainAndFurnitureByItsHeadingAreNotArticleText() {
    String p1 = "<p>Iron deficiency anaemia is caused by a lack of iron in the body, and it is the most common type "
        + "of anaemia.</p>";
    String callout = "<aside><h3>Did you know?</h3><p>Vitamin C helps your body absorb iron from plant foods such as "
        + "beans and lentils.</p></aside>";
    String p2 = "<p>Iron tablets usually restore iron levels within a few months, and they can cause constipation "
        + "and stomach pain.</p>";
    String picks = "<aside><h3>Editor's picks</h3><p>Ten superfoods that boost your energy levels and fight "
        + "tiredness naturally every day.</p><p>Why green smoothies cure fatigue and detox your liver in a week.</p>"
        + "</aside>";
    String cookies = "<aside class='site-notice'><p>Thanks for reading our health pages every day, as always. We use "
        + "cookies to give you the best experience on our website, and by continuing to browse you agree.</p></aside>";
    String bio = "<aside><h3>Meet our expert</h3><p>Dr Sarah Jones is a consultant haematologist who has written for "
        + "the site since 2015, and she believes turmeric shots cure anaemia.</p></aside>";
    String quiz = "<aside><h3>Take our quiz</h3><p>Is your tiredness caused by low iron? Find out in two minutes with "
        + "our symptom checker.</p></aside>";
    List<String> article = List.of(p1.substring(3, p1.length() - 4), "Did you know?",
        "Vitamin C helps your body absorb iron from plant foods such as beans and lentils.",
        p2.substring(3, p2.length() - 4), p1.substring(3, p1.length() - 4));
    for (String page : List.of(
        "<main><div class='content'>" + p1 + callout + p2 + p1 + "</div>" + picks + cookies + bio + quiz + "</main>",
        "<main>" + p1 + callout + p2 + p1 + picks + cookies + bio + quiz + "</main>",
        "<article>" + p1 + callout + p2 + picks + cookies + bio + quiz + p1 + "</article>")) {
      assertEquals(article, texts(extractor.extract("<html><body><nav><a href='/'>Home</a></nav>" + page
          + "</body></html>", "")), page);
    }
  }

  @Test
  void theHeadingsBetweenTheParagraphsOfAFlatArticleAreKept() {
    // Two paragraphs side by side, outweighed as a whole by the links around them: the container is one paragraph
    // joined by its sibling, and the heading between them stays.
    String html = "<html><body><article>"
        + "<p>Cutting down on salt lowers blood pressure within weeks, according to the invented trial of 400 "
        + "adults.</p>"
        + "<h2>Potassium</h2>"
        + "<p>Potassium-rich foods such as beans and bananas blunt the effect of salt on the arteries.</p>"
        + "<div class='below'><h3><a href='/other'>A teaser headline about something else entirely</a></h3>"
        + "<h3><a href='/other-2'>Another teaser headline about yet another thing</a></h3>"
        + "<h3><a href='/other-3'>A third teaser headline about one more thing</a></h3></div>"
        + "</article></body></html>";
    assertEquals(List.of("Cutting down on salt lowers blood pressure within weeks, according to the invented "
        + "trial of 400 adults.", "Potassium", "Potassium-rich foods such as beans and bananas blunt the effect of "
        + "salt on the arteries."), texts(extractor.extract(html, "")));
  }

  @Test
  void deeplyNestedPagesAreReadWithoutRecursion() {
    int depth = 20_000;
    String html = "<div>".repeat(depth) + "<p>A paragraph at the bottom of a very deep page, still read.</p>"
        + "</div>".repeat(depth);
    assertEquals(List.of("A paragraph at the bottom of a very deep page, still read."),
        texts(extractor.extract(html, "")));
  }

  /** Found by ReportFuzzTest: jsoup reads U+FFFF as the end of its input, so one such character hid the page after it. */
  @Test
  void aNoncharacterDoesNotHideTheRestOfThePage() {
    String html = "<article><p>Zinc shortens colds in adults, as one invented trial found.</p>\uffff<p>Vitamin D "
        + "lowers the risk of fractures in older adults, another invented trial found.</p></article>";
    assertTrue(extractor.extract(html, "").text().contains("Vitamin D lowers the risk"));
    assertTrue(extractor.extract(html.getBytes(StandardCharsets.UTF_8), "utf-8", "").text()
        .contains("Vitamin D lowers the risk"));
  }

  @Test
  void plainTextBecomesHeadingsListItemsAndParagraphs() throws IOException {
    MainText m = extractor.fromPlainText(fixture("b12-plain.txt"), "fallback");
    assertEquals("Nerve Symptoms of Low B12", m.title());
    assertEquals(List.of(Block.Kind.HEADING, Block.Kind.PARAGRAPH, Block.Kind.HEADING, Block.Kind.LIST_ITEM,
        Block.Kind.LIST_ITEM), m.blocks().stream().map(Block::kind).toList(), "the closing courtesy is dropped");
    assertEquals("Pins and needles in the feet", m.blocks().get(3).text());

    String wrapped = """
        Vitamin B12 deficiency is common in older adults and in people who have followed a
        vegan diet for years, and it can damage the nerves before anaemia shows up in a
        blood test.

        Leave a reply
        """;
    assertEquals(List.of(new Block(Block.Kind.PARAGRAPH, "Vitamin B12 deficiency is common in older adults and in "
        + "people who have followed a vegan diet for years, and it can damage the nerves before anaemia shows up in a "
        + "blood test.")), extractor.fromPlainText(wrapped, "x").blocks());
    assertEquals("x", extractor.fromPlainText("", "x").title());

    // One paragraph per line: a cited title without a full stop is not glued to the sentence after it.
    String perLine = "Oral cyanocobalamin restores serum levels in elderly patients with low vitamin B12 and mild "
        + "neuropathy: an invented randomised trial of six months\n"
        + "In humans, vitamin B12 can lower homocysteine within weeks of starting supplements, which matters because "
        + "raised homocysteine is linked to nerve damage.\n";
    assertEquals(2, extractor.fromPlainText(perLine, "x").blocks().size());
  }

  @Test
  void emptyAndMalformedPagesGiveNoBlocksRatherThanErrors() {
    assertTrue(extractor.extract("", "").blocks().isEmpty());
    assertTrue(extractor.extract("<html><body><nav>only a menu</nav>", "").blocks().isEmpty());
    assertTrue(extractor.extract(new byte[0], null, null).blocks().isEmpty());
    assertFalse(extractor.extract("<p>Unclosed <b>bold paragraph about B12 deficiency, and more words", "")
        .blocks().isEmpty());
    assertEquals(List.of("Short lines only", "Another short line"),
        texts(extractor.extract("<body><h2>Short lines only</h2><p>Another short line</p></body>", "")),
        "a page without prose keeps what is not boilerplate");
  }

  @Test
  void boilerplateLinesAreRecognised() {
    for (String s : List.of("Advertisement", "ADVERTISEMENT", "Anzeige", "Continue reading below",
        "Follow us on Twitter for more.", "Subscribe to our newsletter", "Read more: how to sleep better",
        "https://example.org/page", "Copyright 2024 Example Ltd.", "\u00a9 2024 Example", "Posted by Jane on May 3",
        "Thank you for visiting our site!", "Follow Newsbeat on Instagram, Facebook and YouTube.",
        "If you enjoyed this article, join our members' club.")) {
      assertTrue(BoilerplateText.is(s), s);
    }
    for (String s : List.of("Posted on social media by the analysts, the port is not entirely smooth on the web.",
        "Advertising revenue fell by a third in 2019.", "Readers who subscribe get the print edition.",
        "Follow the money: where research funding for supplements comes from.")) {
      assertFalse(BoilerplateText.is(s), s);
    }
  }

  @Test
  void classHintsNameBoilerplateAndContent() {
    assertEquals(Hints.BAD, Hints.of(element("<div class='share-buttons'>")));
    assertEquals(Hints.BAD, Hints.of(element("<div id='commentsContainer'>")), "camelCase splits");
    assertEquals(Hints.BAD, Hints.of(element("<div role='navigation'>")));
    assertEquals(Hints.GOOD, Hints.of(element("<div class='entry-content'>")));
    assertEquals(Hints.WEAK, Hints.of(element("<div class='content-with-sidebar'>")), "a wrapper or a part");
    assertEquals(Hints.WEAK, Hints.of(element("<div class='video-container'>")));
    assertEquals(Hints.GOOD, Hints.of(element("<article class='post tag-ads category-comments'>")));
    assertEquals(0, Hints.of(element("<div class='shadow'>")), "no substring matches: 'ad' is not in 'shadow'");
  }

  private static org.jsoup.nodes.Element element(String html) {
    return org.jsoup.Jsoup.parseBodyFragment(html).body().child(0);
  }
}
