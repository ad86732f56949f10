package org.claimcheck.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;
import org.claimcheck.claim.ClaimsFile;
import org.junit.jupiter.api.Test;

/** SciFact predictions: ids written as the claims file gave them. */
class PredictionsTest {
  private static String scifact(String... ids) throws Exception {
    StringWriter w = new StringWriter();
    Predictions.writeScifact(w, java.util.Arrays.stream(ids).map(id -> new ClaimVerdict(ClaimsFile.plain(id, "x", 0),
        Verdict.INSUFFICIENT_EVIDENCE, 0.5, 0, 0, List.of())).toList());
    return w.toString();
  }

  @Test
  void onlyACanonicalWholeNumberIdIsWrittenAsANumber() throws Exception {
    assertEquals("""
        {"id":7,"evidence":{}}
        {"id":"007","evidence":{}}
        {"id":0,"evidence":{}}
        {"id":-3,"evidence":{}}
        {"id":"-0","evidence":{}}
        {"id":"+7","evidence":{}}
        {"id":"7.0","evidence":{}}
        {"id":123456789012345678901234,"evidence":{}}
        {"id":"c7","evidence":{}}
        {"id":"","evidence":{}}
        {"id":"-","evidence":{}}
        """, scifact("7", "007", "0", "-3", "-0", "+7", "7.0", "123456789012345678901234", "c7", "", "-"));
  }
}
