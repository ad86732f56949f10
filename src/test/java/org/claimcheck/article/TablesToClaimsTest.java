package org.claimcheck.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.claimcheck.claim.Claim;
import org.claimcheck.claim.ClaimExtractor;
import org.claimcheck.claim.Lexicon;
import org.junit.jupiter.api.Test;

/**
 * A table gives the same claims from a page and from a text file: MainContent writes a page's table as the markdown
 * table a text file holds, and the claim extractor reads both with their column headers.
 */
class TablesToClaimsTest {
  private static final String PROSE = "Omega-3 fatty acids are found in oily fish such as salmon and sardines, and "
      + "they lower triglyceride levels in the blood.";

  private final TextExtractor text = new TextExtractor();
  private final ClaimExtractor claims = new ClaimExtractor(Lexicon.builtin());

  private List<String> claimsOf(MainText main) {
    Article a = Article.of("test", "file:///test", "file:///test", "2026-12-08T00:00:00Z", 0, "hash", null, null,
        main);
    return claims.extract(a).stream().map(Claim::claim).toList();
  }

  /**
   * From the blind review: a markdown table whose header row is capitalised ("| Trial | Main result |") gave no claims
   * at all (its header was taken for a heading, the first data row for the header); a page's table gave rows that
   * read as sentences with pipes in them ("VITAL | Fish oil did not ...").
   */
  @Test
  void aTableGivesTheSameClaimsFromAPageAndFromAText() {
    String md = "Fish oil trials\n\n" + PROSE + "\n\n| Trial | Main result |\n|---|---|\n"
        + "| VITAL | Fish oil did not reduce major cardiovascular events. |\n"
        + "| ASCEND | Usually gradual, over months. |\n\n" + PROSE + "\n";
    String html = "<html><head><title>Fish oil trials</title></head><body><article><h1>Fish oil trials</h1><p>"
        + PROSE + "</p><table><thead><tr><th>Trial</th><th>Main result</th></tr></thead><tbody>"
        + "<tr><td>VITAL</td><td>Fish oil did not reduce major cardiovascular events.</td></tr>"
        + "<tr><td>ASCEND</td><td>Usually gradual, over months.</td></tr></tbody></table><p>" + PROSE
        + "</p></article></body></html>";
    List<String> fromText = claimsOf(text.fromPlainText(md, "trials.txt"));
    List<String> fromPage = claimsOf(text.extract(html, ""));
    assertTrue(fromText.contains("Fish oil did not reduce major cardiovascular events."), fromText.toString());
    assertTrue(fromText.contains("The main result of ASCEND is usually gradual, over months."), fromText.toString());
    assertTrue(fromText.stream().noneMatch(c -> c.contains("|")), fromText.toString());
    assertEquals(fromText, fromPage);
  }

  /**
   * From a re-review: a page's table without a header row gave subjectless claims ("Raises the risk of heart failure
   * and bladder cancer."), its rows' labels lost: a cell with no column header is about its row, whose label is the
   * subject of a cell that is a verb phrase.
   */
  @Test
  void aTableWithoutHeadersTakesItsRowLabelsForSubjects() {
    String html = "<html><head><title>Diabetes medicines</title></head><body><article><h1>Diabetes medicines</h1>"
        + "<p>" + PROSE + "</p><table>"
        + "<tr><td>Gliclazide</td><td>Can cause low blood sugar and weight gain.</td></tr>"
        + "<tr><td>Metformin</td><td>Does not cause low blood sugar. Often causes diarrhoea at first.</td></tr>"
        + "<tr><td>Pioglitazone</td><td>Raises the risk of heart failure and bladder cancer.</td></tr>"
        + "</table><p>" + PROSE + "</p></article></body></html>";
    List<String> fromPage = claimsOf(text.extract(html, ""));
    for (String c : List.of("Gliclazide can cause low blood sugar and weight gain.",
        "Metformin does not cause low blood sugar.", "Metformin often causes diarrhoea at first.",
        "Pioglitazone raises the risk of heart failure and bladder cancer.")) {
      assertTrue(fromPage.contains(c), c + " in " + fromPage);
    }
    assertTrue(fromPage.stream().noneMatch(c -> c.startsWith("Raises") || c.startsWith("Can ")),
        fromPage.toString());
  }

  /**
   * From a re-review: a text file taken for hard-wrapped joined a markdown table's rows, which end with a pipe, not a
   * full stop ("| Gliclazide | Can cause ... | | Metformin | Does not ... |"), so one row read the next one's label as
   * a cell ("Gliclazide: Metformin.") and its claims with the wrong subject.
   */
  @Test
  void aTextFilesTableRowsAreNotJoinedAsWrappedLines() {
    String md = "Diabetes medicines\n\nSeveral medicines treat type 2 diabetes.\n\n"
        + "| Gliclazide | Can cause low blood sugar and weight gain. |\n"
        + "| Metformin | Does not cause low blood sugar. |\n"
        + "| Pioglitazone | Raises the risk of heart failure and bladder cancer. |\n";
    List<String> fromText = claimsOf(text.fromPlainText(md, "medicines.txt"));
    assertEquals(List.of("Several medicines treat type 2 diabetes.",
        "Gliclazide can cause low blood sugar and weight gain.", "Metformin does not cause low blood sugar.",
        "Pioglitazone raises the risk of heart failure and bladder cancer."), fromText);
  }
}
