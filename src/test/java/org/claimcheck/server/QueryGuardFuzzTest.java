package org.claimcheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.claimcheck.Fuzz;
import org.claimcheck.index.SearchRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Query-of-death hunting: any query text, in both syntaxes, is either accepted or refused with a 400 that says why;
 * nothing else escapes {@link QueryGuard#check}, and the checks stay cheap (a hang fails the hang guard). Found the
 * regular-expression repeat bomb that {@link QueryGuard#MAX_REGEX_STATES} now bounds.
 */
class QueryGuardFuzzTest {
  private static final QueryGuard GUARD = new QueryGuard(QueryGuard.Limits.defaults());

  @AfterAll
  static void close() {
    GUARD.close();
  }

  static void checkQuery(byte[] data) {
    String q = new String(data, StandardCharsets.UTF_8);
    for (SearchRequest.Syntax syntax : SearchRequest.Syntax.values()) {
      try {
        GUARD.check(q, syntax);
      } catch (ApiException e) {
        assertEquals(400, e.status(), e.getMessage());
      }
    }
  }

  @Test
  @Timeout(300)
  void everyQueryIsAcceptedOrRefusedWithAReason() {
    Fuzz.run("query-guard", Fuzz.corpus(QueryGuardFuzzTest.class, "query"), Fuzz.dictionary("(", ")", "((((", "))))",
        "\"", "*", "?", "~", "~2", "^3", "/", "/vit", "{1,999}", "{99}", "(a{1,9}){1,9}", "[a-z]", ".*", "|", "&", "~(",
        "<1-99999>", "#", "@", "\\", "AND ", " OR ", " NOT ", "+", "-", "title:", "mesh:", "year:", "author:", "[a TO z]",
        "{a TO z}", "vit*", "vitamin~", "\u0000", "\u00e9", "\ud83d\ude00", " "), Fuzz.inputs(3000),
        QueryGuardFuzzTest::checkQuery);
  }

  @FuzzTest(maxDuration = "5m")
  void query(byte[] data) {
    checkQuery(data);
  }
}
