package org.claimcheck.article;

import java.util.Objects;

/**
 * One block of an article's main text: a heading, a paragraph, a list item or a table row, as plain text.
 *
 * @param level a heading's level in the page (1 for an h1 ... 6), 0 when not known (text files, snapshots kept before
 *     2026-12-08) and for other blocks
 */
public record Block(Kind kind, String text, int level) {
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
    if (level < 0 || level > 6 || level > 0 && kind != Kind.HEADING) {
      throw new IllegalArgumentException("a level is 1 to 6 for a heading, else 0: " + level);
    }
  }

  /** A block whose level is not known (or not a heading). */
  public Block(Kind kind, String text) {
    this(kind, text, 0);
  }
}
