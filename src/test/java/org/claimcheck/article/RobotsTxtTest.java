package org.claimcheck.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RobotsTxtTest {
  @Test
  void ourGroupWinsOverTheWildcardGroup() {
    String txt = """
        # comments are ignored
        User-agent: *
        Disallow: /

        User-agent: otherbot
        User-agent: ClaimCheck/0.1
        Disallow: /private/
        Allow: /private/open
        Crawl-delay: 2.5
        """;
    RobotsTxt r = RobotsTxt.parse(txt, "claimcheck");
    assertTrue(r.allows("/news/b12"));
    assertFalse(r.allows("/private/page"));
    assertTrue(r.allows("/private/open-letter"), "the longer Allow wins");
    assertEquals(Duration.ofMillis(2500), r.crawlDelay());
    assertFalse(RobotsTxt.parse(txt, "somebot").allows("/news/b12"), "others get the * group");
  }

  @Test
  void wildcardsAnchorsAndTies() {
    RobotsTxt r = RobotsTxt.parse("""
        User-agent: *
        Disallow: /*.pdf$
        Disallow: /search?
        Allow: /page
        Disallow: /page
        Disallow:
        """, "claimcheck");
    assertFalse(r.allows("/files/paper.pdf"));
    assertTrue(r.allows("/files/paper.pdf.html"));
    assertFalse(r.allows("/search?q=b12"));
    assertTrue(r.allows("/search"));
    assertTrue(r.allows("/page"), "Allow wins a tie");
    assertTrue(r.allows("/robots.txt"));
    assertNull(r.crawlDelay());
  }

  /** A Crawl-delay of a day or more was read as none, and the site crawled at the usual rate. */
  @Test
  void aCrawlDelayOfADayOrMoreIsADayNotNone() {
    for (String d : new String[] {"86400", "1e9", "Infinity"}) {
      assertEquals(Duration.ofDays(1), RobotsTxt.parse("User-agent: *\nCrawl-delay: " + d + "\n", "claimcheck")
          .crawlDelay(), d);
    }
    for (String d : new String[] {"-1", "NaN", "soon"}) {
      assertNull(RobotsTxt.parse("User-agent: *\nCrawl-delay: " + d + "\n", "claimcheck").crawlDelay(), d);
    }
  }

  @Test
  void emptyAndClosedSites() {
    assertTrue(RobotsTxt.parse("", "claimcheck").allows("/anything"));
    assertTrue(RobotsTxt.ALLOW_ALL.allows("/anything"));
    RobotsTxt closed = RobotsTxt.disallowAll("robots.txt unavailable, HTTP 503");
    assertFalse(closed.allows("/"));
    assertTrue(closed.allows("/robots.txt"));
    assertEquals("robots.txt unavailable, HTTP 503", closed.origin());
  }

  @Test
  void aByteOrderMarkDoesNotHideTheFirstLine() {
    RobotsTxt r = RobotsTxt.parse("\ufeffUser-agent: *\nDisallow: /\n", "claimcheck");
    assertFalse(r.allows("/ok"), "the BOM is not part of the first field name");
  }

  @Test
  void patternsAndPathsAreComparedInOnePercentEncoding() {
    RobotsTxt r = RobotsTxt.parse("""
        User-agent: *
        Disallow: /ok-%7Eprivate
        Disallow: /ok-caf\u00e9
        Disallow: /a%2fb
        Disallow: /q?x=%3d
        """, "claimcheck");
    assertFalse(r.allows("/ok-~private"), "%7E is the unreserved ~");
    assertFalse(r.allows("/ok-%7eprivate"));
    assertFalse(r.allows("/ok-caf%C3%A9"), "UTF-8 in the file, percent-encoded in the URL");
    assertFalse(r.allows("/ok-caf%c3%a9/page"), "hex case does not matter");
    assertFalse(r.allows("/ok-caf\u00e9"), "a raw non-ASCII path too");
    assertFalse(r.allows("/a%2Fb"));
    assertTrue(r.allows("/a/b"), "an escaped slash is not a slash");
    assertFalse(r.allows("/q?x=%3D"));
    assertTrue(r.allows("/q?x=="), "an escaped reserved character stays escaped");
    assertEquals("/~a%2F%C3%A9%25*$", RobotsTxt.normalise("/%7ea%2f\u00e9%25*$"));
  }
}
