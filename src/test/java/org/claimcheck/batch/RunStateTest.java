package org.claimcheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.claimcheck.claim.Claim;
import org.claimcheck.claim.ClaimsFile;
import org.claimcheck.verify.ClaimVerdict;
import org.claimcheck.verify.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStateTest {
  @Test
  void verdictsSurviveAKilledRunAndATornJournalLine(@TempDir Path dir) throws IOException {
    Claim c = ClaimsFile.plain("c1", "Zinc shortens colds.", 0);
    ClaimVerdict v = new ClaimVerdict(c, Verdict.SUPPORTED, 0.642, 1, 0, List.of());
    RunState state = RunState.open(dir);
    state.loadVerdicts();
    state.putVerdict(new RunState.VerdictEntry("k1", "ctx", v));
    state.closeJournal(); // the process dies here: no compaction
    // ... in the middle of writing its next line
    Files.writeString(dir.resolve("verdicts.journal"), "{\"key\":\"k2\",\"cont", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);

    RunState next = RunState.open(dir);
    next.loadVerdicts();
    assertEquals(v, next.verdict("k1"), "exactly as made, doubles included");
    assertNull(next.verdict("k2"));
    next.putVerdict(new RunState.VerdictEntry("k3", "ctx", v));
    next.putVerdict(new RunState.VerdictEntry("old", "another index", v));
    next.compactVerdicts("ctx");
    assertTrue(Files.notExists(dir.resolve("verdicts.journal")));

    RunState third = RunState.open(dir);
    third.loadVerdicts();
    assertNotNull(third.verdict("k1"));
    assertNotNull(third.verdict("k3"), "the line after the torn one was not swallowed");
    assertNull(third.verdict("old"), "verdicts of another context are dropped");
  }

  @Test
  void claimsAndIndexedFilesRoundTripAndDamageMeansRedo(@TempDir Path dir) throws IOException {
    RunState state = RunState.open(dir);
    List<Claim> claims = List.of(ClaimsFile.plain("c1", "Zinc shortens colds.", 0));
    state.putClaims(new RunState.ArticleClaims("a1", "hash", "fp", claims));
    assertEquals(claims, state.claims("a1").claims());
    Files.writeString(dir.resolve("claims/a1.json"), "{\"articleId\":");
    assertNull(state.claims("a1"), "a damaged file is absent: the article is extracted again");

    RunState.IndexedFile f = new RunState.IndexedFile(10, 20, "ab");
    state.putIndexedFiles("/idx", new RunState.IndexedFiles("gen 1 x", Map.of("/a.xml", f)));
    assertEquals(f, state.indexedFiles("/idx").files().get("/a.xml"));
    assertEquals("", state.indexedFiles("/other").fingerprint());
    state.putIndexedFiles("/idx", new RunState.IndexedFiles("gen 1 x", Map.of("/a.xml", f), Map.of("/c.xml", f)));
    assertEquals(f, state.indexedFiles("/idx").failed().get("/c.xml"));
    Files.writeString(dir.resolve("abstract-files.json"),
        "{\"/idx\":{\"fingerprint\":\"gen 1 x\","
            + "\"files\":{\"/a.xml\":{\"size\":10,\"modified\":20,\"sha256\":\"ab\"}}}}");
    assertEquals(Map.of(), state.indexedFiles("/idx").failed(), "recorded before failed files were: none");
    assertEquals(f, state.indexedFiles("/idx").files().get("/a.xml"));
    state.putPending(new RunState.PendingCommit("/idx", "gen 1 x", 2L, Map.of("/b.xml", f)));
    assertEquals("gen 1 x", state.pending().before());
    assertEquals(2L, state.pending().generation());
    Files.writeString(dir.resolve("index-pending.json"), "{\"index\":\"/idx\",\"before\":\"gen 1 x\",\"files\":{}}");
    assertNull(state.pending().generation(), "an older claimcheck's marker names no commit");
    state.clearPending();
    assertNull(state.pending());
  }
}
