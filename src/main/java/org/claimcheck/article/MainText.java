package org.claimcheck.article;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link TextExtractor} finds in a page: the article's blocks and its metadata. Metadata fields are null when the
 * page does not say; dates are as the page gives them (ISO 8601 where it does).
 */
public record MainText(
    String title,
    String author,
    String published,
    String modified,
    String language,
    String canonicalUrl,
    List<Block> blocks) {

  public MainText {
    blocks = List.copyOf(blocks);
  }

  /** The main text, one block per line (headings, paragraphs and list items each on their own line). */
  public String text() {
    return blocks.stream().map(Block::text).collect(Collectors.joining("\n"));
  }
}
