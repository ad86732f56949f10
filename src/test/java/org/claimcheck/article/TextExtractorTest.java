package org.claimcheck.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.claimcheck.TestData;
import org.junit.jupiter.api.Test;

class TextExtractorTest {
  private final TextExtractor extractor = new TextExtractor();

  @Test
  void keepsTheArticleAndDropsTheChrome() throws IOException {
    String html = Files.readString(TestData.resource("org/claimcheck/article/b12-article.html"));
    MainText m = extractor.extract(html, "https://health.example.org/b12-nerves");
    String text = m.text();
    assertTrue(text.contains("Vitamin B12 helps form and maintain the myelin sheath"), text);
    assertTrue(text.contains("B12 has no overdose or toxicity levels"), text);
    for (String chrome : List.of("cookies", "Share on Facebook", "Related posts", "Leave a reply", "Copyright",
        "Shop")) {
      assertFalse(text.contains(chrome), chrome + " leaked into: " + text);
    }
    assertEquals(new Block(Block.Kind.HEADING, "Symptoms of deficiency"),
        m.blocks().stream().filter(b -> b.text().startsWith("Symptoms")).findFirst().orElseThrow());
    assertEquals(2, m.blocks().stream().filter(b -> b.kind() == Block.Kind.LIST_ITEM).count());
  }

  @Test
  void readsMetadataFromMetaTagsAndJsonLd() throws IOException {
    String html = Files.readString(TestData.resource("org/claimcheck/article/b12-article.html"));
    MainText m = extractor.extract(html, "https://health.example.org/b12-nerves");
    assertEquals("Vitamin B12 and Your Nerves", m.title());
    assertEquals("Dr. Jane Invented", m.author());
    assertEquals("2024-02-03T09:00:00Z", m.published());
    assertEquals("2024-03-01", m.modified());
    assertEquals("en", m.language());
    assertEquals("https://health.example.org/b12-nerves", m.canonicalUrl());
  }

  @Test
  void plainTextLinesBecomeHeadingsListItemsAndParagraphs() throws IOException {
    String text = Files.readString(TestData.resource("org/claimcheck/article/b12-plain.txt"));
    MainText m = extractor.fromPlainText(text, "fallback");
    assertEquals("Nerve Symptoms of Low B12", m.title());
    assertEquals(List.of(Block.Kind.HEADING, Block.Kind.PARAGRAPH, Block.Kind.HEADING, Block.Kind.LIST_ITEM,
        Block.Kind.LIST_ITEM, Block.Kind.PARAGRAPH), m.blocks().stream().map(Block::kind).toList());
    assertEquals("Pins and needles in the feet", m.blocks().get(3).text());
  }

  @Test
  void emptyAndMalformedPagesGiveNoBlocksRatherThanErrors() {
    assertTrue(extractor.extract("", "").blocks().isEmpty());
    assertTrue(extractor.extract("<html><body><nav>only a menu</nav>", "").blocks().isEmpty());
    assertFalse(extractor.extract("<p>Unclosed <b>bold paragraph about B12 deficiency, and more words", "")
        .blocks().isEmpty());
  }
}
