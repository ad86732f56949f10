package org.claimcheck.claim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.claimcheck.Fuzz;
import org.claimcheck.article.Article;
import org.claimcheck.article.Block;
import org.claimcheck.article.MainText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzing the claim extractor on random and damaged text: each line of the input is a block (a leading {@code #} makes
 * a heading, {@code -} a list item; lines starting with {@code |} are table rows). No input may throw, and every
 * article is accounted for: claims come from its sentences (at most {@link Atomizer#MAX_CLAIMS} each, sentence
 * indexes in range), scores lie in [0, 1], and an article with sentences outside its headings gives claims.
 */
class ClaimExtractorFuzzTest {
  private static final ClaimExtractor EXTRACTOR = new ClaimExtractor(Lexicon.builtin());

  static Article article(String text) {
    List<Block> blocks = new ArrayList<>();
    for (String line : text.split("\n")) {
      String t = line.strip();
      if (t.isEmpty()) {
        continue;
      }
      Block.Kind kind = t.startsWith("#") ? Block.Kind.HEADING : t.startsWith("-") ? Block.Kind.LIST_ITEM
          : Block.Kind.PARAGRAPH;
      String body = kind == Block.Kind.PARAGRAPH ? t : t.substring(1).strip();
      if (!body.isEmpty()) {
        blocks.add(new Block(kind, body));
      }
    }
    MainText main = new MainText("A fuzzed article", null, null, null, null, null, blocks);
    return Article.of("fuzz", "https://example.org/fuzz", "https://example.org/fuzz", "2026-11-21T00:00:00Z", 200,
        "0".repeat(64), null, null, main);
  }

  static void checkArticle(byte[] data) {
    Article a = article(new String(data, StandardCharsets.UTF_8));
    ClaimExtractor.Extraction e = EXTRACTOR.extractAll(a);
    int sentences = e.sentences() + e.headings();
    for (Claim c : e.claims()) {
      assertTrue(c.checkWorthiness() >= 0 && c.checkWorthiness() <= 1, "score " + c.checkWorthiness());
      assertTrue(c.sentenceIndex() >= 0 && c.sentenceIndex() < sentences, "sentence index " + c.sentenceIndex());
      assertFalse(c.claim().isBlank(), "a claim has text");
    }
    assertTrue(e.claims().size() <= (long) Atomizer.MAX_CLAIMS * Math.max(e.sentences(), 0),
        e.claims().size() + " claims from " + e.sentences() + " sentences");
    assertTrue(e.sentences() == 0 || !e.claims().isEmpty(), "sentences but no claim");
  }

  @Test
  @Timeout(300)
  void randomAndDamagedTextGivesAccountedClaimsNeverExceptions() {
    Fuzz.run("claims", Fuzz.corpus(ClaimExtractorFuzzTest.class, "article"), Fuzz.dictionary("\n", "\n#", "\n-",
        "\n|", "|", ":", ". ", "? ", "! ", "; ", ", ", " not ", " no ", " may ", " B12 ", " vitamin D ", " causes ",
        " cures ", " include:", "Symptoms of ", " it ", " this ", "(", ")", "\"", "\u201c", "\u2019", "e.g. ",
        "et al. ", "Fig. ", "No. ", "\u2022", "1. ", "\u00a0", "\u200b", "\ud83d\ude00", "\u0000", "\ufffd",
        "http://x.org/a?b=c", "mg/dL", "25(OH)D3", "ApoE-/-", "COVID-19", "--", "...", "\t"),
        Fuzz.inputs(200), ClaimExtractorFuzzTest::checkArticle);
  }

  @FuzzTest(maxDuration = "5m")
  void article(byte[] data) {
    checkArticle(data);
  }
}
