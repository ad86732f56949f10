package org.claimcheck.article;

import java.util.Objects;

/** One block of an article's main text: a heading, a paragraph, a list item or a table row, as plain text. */
public record Block(Kind kind, String text) {
  /** What a block is; headings give context to the sentences under them and are not claims themselves. */
  public enum Kind {
    HEADING,
    PARAGRAPH,
    LIST_ITEM,
    TABLE_ROW
  }

  public Block {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    if (text.isBlank() || text.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a block is one non-blank line of text: " + text);
    }
  }
}
