package org.claimcheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.claimcheck.AtomicFiles;
import org.claimcheck.Hashes;
import org.claimcheck.Tally;
import org.claimcheck.index.AbstractIndexer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Consecutive nightly runs: unchanged work is reused, changes show up in changes.csv. */
class IncrementalRunTest {
  @Test
  void theSecondRunOnTheSameInputsReprocessesNothingAndReportsNoChanges(@TempDir Path work) {
    RunFixture f = new RunFixture(work);
    RunFixture.Run first = f.run("2026-11-20");
    assertEquals(0, first.code(), first.err());
    assertEquals(2, first.count("extract", "OK"));
    assertEquals(1, first.count("abstracts", "NEW"));
    assertEquals(6, first.count("index", "INDEXED"));
    assertEquals(5, first.count("verify", "VERIFIED"));

    RunFixture.Run second = f.run("2026-11-21");
    assertEquals(0, second.code(), second.err());
    assertEquals(2, second.count("fetch", "UNCHANGED"));
    assertEquals(0, second.count("fetch", "OK"));
    assertEquals(2, second.count("extract", "REUSED"));
    assertEquals(0, second.count("extract", "OK"));
    assertEquals(1, second.count("abstracts", "UNCHANGED"));
    assertEquals(0, second.total("index"), "no abstract file is indexed again");
    assertEquals(5, second.count("verify", "REUSED"));
    assertEquals(0, second.count("verify", "VERIFIED"));
    assertEquals(first.manifest().path("index").path("commit"), second.manifest().path("index").path("commit"),
        "the index was not committed again");
    assertEquals(List.of(), f.rows("2026-11-21", "changes.csv"), "no changes");
    assertTrue(f.output("2026-11-21", "report.html").contains("Nothing changed since 20 November 2026."));
    assertEquals("2026-11-20", second.manifest().path("previousReport").asText());
    assertEquals(f.output("2026-11-20", "claims-report.csv").replace("2026-11-20,", "2026-11-21,"),
        f.output("2026-11-21", "claims-report.csv"), "same verdicts, same report");
    assertTrue(second.err().matches("(?s).*\\nverify\\s+5\\s+0\\s+5\\s+0\\s+0\\s.*"), second.err());
  }

  @Test
  void changedArticlesNewAbstractsAndNewOptionsRedoOnlyWhatTheyTouch(@TempDir Path work) throws IOException {
    RunFixture f = new RunFixture(work);
    assertEquals(0, f.run("2026-11-20").code());

    // A page gains a claim: only that page is extracted again, only the new claim is verified.
    f.addIronClaim();
    RunFixture.Run changed = f.run("2026-11-21");
    assertEquals(0, changed.code(), changed.err());
    assertEquals(1, changed.count("fetch", "OK"));
    assertEquals(1, changed.count("fetch", "UNCHANGED"));
    assertEquals(1, changed.count("extract", "OK"));
    assertEquals(1, changed.count("extract", "REUSED"));
    assertEquals(1, changed.count("verify", "VERIFIED"));
    assertEquals(5, changed.count("verify", "REUSED"));
    List<String> changes = f.rows("2026-11-21", "changes.csv");
    assertEquals(1, changes.size(), String.join("\n", changes));
    assertTrue(changes.getFirst().startsWith("2026-11-21,2026-11-20,NEW,"), changes.getFirst());
    assertTrue(changes.getFirst().contains(",file:///WORK/pages/iron.txt,Iron and Tiredness,"
        + "Iron supplementation causes toxicity in healthy adults.,,INSUFFICIENT_EVIDENCE,"), changes.getFirst());
    assertTrue(f.output("2026-11-21", "report.html").contains("<span class=\"change\">New</span>"));

    // New abstracts change the index: every claim is verified again; the iron claim's verdict changes.
    f.addSecondAbstracts();
    RunFixture.Run reindexed = f.run("2026-11-22");
    assertEquals(0, reindexed.code(), reindexed.err());
    assertEquals(1, reindexed.count("abstracts", "NEW"));
    assertEquals(1, reindexed.count("abstracts", "UNCHANGED"));
    assertEquals(2, reindexed.count("index", "INDEXED"), "only the new file is indexed");
    assertEquals(2, reindexed.count("extract", "REUSED"));
    assertEquals(6, reindexed.count("verify", "VERIFIED"));
    assertEquals(0, reindexed.count("verify", "REUSED"));
    changes = f.rows("2026-11-22", "changes.csv");
    // The new file's abstract changes the iron claim's evidence; the other claims are verified again over an index
    // whose term statistics moved, so a borderline verdict may move too, but no claim is new or removed.
    List<String> iron = changes.stream().filter(r -> r.contains("/iron.txt,")).toList();
    assertEquals(1, iron.size(), String.join("\n", changes));
    assertTrue(iron.getFirst().contains(",VERDICT_CHANGED,"), iron.getFirst());
    assertTrue(iron.getFirst().contains("Iron supplementation reduces fatigue in women with low ferritin.,"
        + "SUPPORTED,MIXED,0.622,0.624,"), iron.getFirst()); // MIXED keeps its raw confidence (was 0.000)
    assertTrue(changes.stream().noneMatch(r -> r.contains(",NEW,") || r.contains(",REMOVED,")),
        String.join("\n", changes));

    // Another verification setting: verdicts are made again, nothing else is redone.
    Files.writeString(work.resolve("claimcheck.properties"), "verify.abstracts = 5\npubmed.perClaim = 7\n"
        + "fetch.maxPageMegabytes = 2\n");
    RunFixture.Run options = f.run("2026-11-23");
    assertEquals(0, options.code(), options.err());
    assertEquals(2, options.count("extract", "REUSED"));
    assertEquals(0, options.total("index"));
    assertEquals(6, options.count("verify", "VERIFIED"));
    assertEquals(5, options.manifest().path("options").path("verify").path("abstracts").asInt());
    // The manifest records the fetch and PubMed settings too (it had none of them).
    assertEquals(7, options.manifest().path("options").path("pubmed").path("perClaim").asInt());
    assertEquals(2 << 20, options.manifest().path("options").path("fetch").path("maxPageBytes").asInt());

    // --full redoes everything, and gives the same report.
    RunFixture.Run full = f.run("2026-11-24", "--full");
    assertEquals(0, full.code(), full.err());
    assertEquals(2, full.count("extract", "OK"));
    assertEquals(2, full.count("abstracts", "REREAD"), "read again, not changed: " + full.err());
    assertEquals(0, full.count("abstracts", "CHANGED"));
    assertTrue(full.manifest().path("abstracts").path("files").toString().contains("\"outcome\":\"REREAD\""));
    assertEquals(6, full.count("verify", "VERIFIED"));
    assertEquals(List.of(), f.rows("2026-11-24", "changes.csv"));

    // A claim that leaves its article is reported as gone.
    Files.writeString(work.resolve("pages/iron.txt"), "Iron and Tiredness\nAsk a pharmacist which form suits you.\n");
    RunFixture.Run removed = f.run("2026-11-25");
    assertEquals(0, removed.code(), removed.err());
    changes = f.rows("2026-11-25", "changes.csv");
    assertEquals(2, changes.size(), String.join("\n", changes));
    assertTrue(changes.stream().allMatch(c -> c.contains(",REMOVED,")), String.join("\n", changes));
    assertTrue(f.output("2026-11-25", "report.html").contains("No longer found since"));
  }

  @Test
  void aStageThatFailsAsAWholeExitsOneAndStillReportsWhatItCould(@TempDir Path work) throws IOException {
    RunFixture f = new RunFixture(work);
    // Nothing listens on port 9 of the loopback address: every fetch fails at once. Loopback hosts are refused by
    // default; this test allows them, as an intranet would. The run is online (it fetches URLs): PubMed, out of
    // reach here, is not searched (a night whose every search fails is a failed stage of its own).
    Files.writeString(work.resolve("claimcheck.properties"), "fetch.allowPrivateAddresses = true\n"
        + "pubmed.maxSearches = 0\n");
    Path list = work.resolve("sources.txt");
    Files.writeString(list, "http://127.0.0.1:9/a\nhttp://127.0.0.1:9/b\n");
    RunFixture.Run run = runWithSources(f, list, "2026-11-20");
    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("failed: fetch: sources could not be fetched (2 failed)"), run.err());
    assertEquals("FAILED", run.manifest().path("status").asText());
    assertEquals("fetch", run.manifest().path("failures").path(0).path("stage").asText());
    assertEquals(2, run.manifest().path("failures").path(0).path("count").asInt());

    // One good page among failures is a partial failure: counted, reported, not fatal.
    Files.writeString(list, "http://127.0.0.1:9/a\npages/iron.txt\n");
    RunFixture.Run partial = runWithSources(f, list, "2026-11-21");
    assertEquals(0, partial.code(), partial.err());
    assertEquals(1, partial.count("fetch", "FAILED"));
    assertEquals(1, partial.count("fetch", "OK"));
    assertEquals("OK", partial.manifest().path("status").asText());
    assertEquals("2026-11-21", partial.manifest().path("date").asText());
    assertFalse(partial.manifest().has("previousReport") && !partial.manifest().path("previousReport").isNull(),
        "a report whose run failed is not compared with");
  }

  @Test
  void aPageServedWithoutItsArticleKeepsTheClaimsOfItsLastSnapshot(@TempDir Path work) throws IOException {
    RunFixture f = new RunFixture(work);
    assertEquals(0, f.run("2026-11-20").code());
    Path page = work.resolve("pages/winter-health.html");
    String article = Files.readString(page);
    Files.writeString(page, "<html><head><title>Winter health</title></head><body></body></html>");
    RunFixture.Run empty = f.run("2026-11-21");
    assertEquals(0, empty.code(), empty.err());
    assertEquals(1, empty.count("fetch", "SKIPPED"), empty.err());
    assertTrue(empty.manifest().path("stages").toString()
        .contains("SKIPPED: no article text found in the page (the last snapshot is used)"), empty.err());
    assertEquals(List.of(), f.rows("2026-11-21", "changes.csv"), "its claims did not vanish");
    assertEquals(f.output("2026-11-20", "claims-report.csv").replace("2026-11-20,", "2026-11-21,"),
        f.output("2026-11-21", "claims-report.csv"));

    Files.writeString(page, article);
    RunFixture.Run back = f.run("2026-11-22");
    assertEquals(0, back.code(), back.err());
    assertEquals(List.of(), f.rows("2026-11-22", "changes.csv"), "nor do they come back as new");

    // A page that never had a snapshot is a plain skip.
    Files.writeString(work.resolve("pages/blank.html"), "<html><body></body></html>");
    RunFixture.Run blank = f.run("2026-11-23");
    assertTrue(blank.manifest().path("stages").toString().contains("\"SKIPPED: no article text found in the page\""),
        blank.manifest().path("stages").toString());
  }

  @Test
  void anAbstractFileThatLeavesTheAbstractsIsWarnedAboutUntilTheIndexIsBuiltAnew(@TempDir Path work)
      throws IOException {
    RunFixture f = new RunFixture(work);
    f.addSecondAbstracts();
    assertEquals(0, f.run("2026-11-20").code());
    Files.delete(work.resolve("abstracts/abstracts-2.xml"));
    String gone = "an abstract file indexed on earlier nights is no longer among the abstract files ("
        + work.resolve("abstracts/abstracts-2.xml").toAbsolutePath().normalize() + "): its records stay in the index";
    for (String date : List.of("2026-11-21", "2026-11-22")) {
      RunFixture.Run run = date.equals("2026-11-22") ? f.run(date, "--full") : f.run(date);
      assertEquals(0, run.code(), run.err());
      String warnings = run.manifest().path("warnings").toString();
      assertTrue(warnings.contains(gone), warnings);
      assertTrue(run.err().contains("warning: " + gone), run.err());
      assertEquals(List.of(), f.rows(date, "changes.csv"), "its records are still evidence");
    }

    // Built anew from the current files: the warning stops, and the removed file's evidence is gone.
    Files.move(work.resolve("corpus/index"), work.resolve("index-aside"));
    RunFixture.Run rebuilt = f.run("2026-11-23");
    assertEquals(0, rebuilt.code(), rebuilt.err());
    assertFalse(rebuilt.manifest().path("warnings").toString().contains("no longer among"));
    assertEquals(6, rebuilt.count("index", "INDEXED"));
    RunFixture.Run after = f.run("2026-11-24");
    assertEquals(0, after.manifest().path("warnings").size(), after.manifest().path("warnings").toString());
  }

  @Test
  void anIndexAnOlderClaimcheckBuiltIsBuiltAgainFromTheAbstractFiles(@TempDir Path work) throws IOException {
    RunFixture f = new RunFixture(work);
    assertEquals(0, f.run("2026-11-20").code());
    Path index = work.resolve("corpus/index");
    // What an older claimcheck leaves: the same index under another schema version.
    try (org.apache.lucene.store.Directory d = org.apache.lucene.store.FSDirectory.open(index);
        org.apache.lucene.index.IndexWriter w = new org.apache.lucene.index.IndexWriter(d,
            new org.apache.lucene.index.IndexWriterConfig())) {
      Map<String, String> data = new java.util.HashMap<>(
          org.apache.lucene.index.SegmentInfos.readLatestCommit(d).getUserData());
      data.put(org.claimcheck.index.IndexSchema.VERSION_KEY, "2");
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
    assertEquals("schema version 2, this claimcheck needs " + org.claimcheck.index.IndexSchema.VERSION,
        AbstractIndexer.incompatibility(index));

    RunFixture.Run rebuilt = f.run("2026-11-21");
    assertEquals(0, rebuilt.code(), rebuilt.err());
    assertEquals(1, rebuilt.count("abstracts", "NEW"), "the abstract file is indexed again");
    assertEquals(6, rebuilt.count("index", "INDEXED"));
    assertEquals(5, rebuilt.count("verify", "VERIFIED"));
    assertNull(AbstractIndexer.incompatibility(index));
    String warnings = rebuilt.manifest().path("warnings").toString();
    assertTrue(warnings.contains("cannot be used by this claimcheck (schema version 2"), warnings);
    assertEquals(f.output("2026-11-20", "claims-report.csv").replace("2026-11-20,", "2026-11-21,"),
        f.output("2026-11-21", "claims-report.csv"), "the same verdicts from the rebuilt index");

    RunFixture.Run after = f.run("2026-11-22");
    assertEquals(0, after.total("index"), "and the next run uses it as it is");
    assertEquals(0, after.manifest().path("warnings").size(), after.manifest().path("warnings").toString());
  }

  @Test
  void aKillBetweenAnIndexCommitAndItsRecordIsRecovered(@TempDir Path work) throws IOException {
    RunFixture f = new RunFixture(work);
    assertEquals(0, f.run("2026-11-20").code());
    f.addSecondAbstracts();
    Path index = work.resolve("corpus/index").toAbsolutePath().normalize();
    Path file = work.resolve("abstracts/abstracts-2.xml").toAbsolutePath().normalize();
    RunState state = RunState.open(work.resolve("corpus/state"));

    // A run that dies after marking the commit as pending but before committing: the file is indexed next time.
    state.putPending(new RunState.PendingCommit(index.toString(), Fingerprints.index(index),
        Fingerprints.generation(Fingerprints.index(index)) + 1, Map.of(file.toString(), indexedFile(file))));
    RunFixture.Run notCommitted = f.run("2026-11-21");
    assertEquals(1, notCommitted.count("abstracts", "NEW"), notCommitted.err());
    assertEquals(2, notCommitted.count("index", "INDEXED"));
    assertNull(state.pending());

    // A run that dies between the commit and its record: the commit is recognised, the file is not indexed again.
    Files.copy(file, work.resolve("abstracts/abstracts-3.xml"));
    Path third = work.resolve("abstracts/abstracts-3.xml").toAbsolutePath().normalize();
    state.putPending(new RunState.PendingCommit(index.toString(), Fingerprints.index(index),
        Fingerprints.generation(Fingerprints.index(index)) + 1, Map.of(third.toString(), indexedFile(third)),
        "run-1"));
    try (AbstractIndexer indexer = AbstractIndexer.open(index)) {
      indexer.index(third, new Tally("index"));
      indexer.commit(Map.of(AbstractIndexer.RUN_KEY, "run-1"));
    }
    RunFixture.Run committed = f.run("2026-11-22");
    assertEquals(3, committed.count("abstracts", "UNCHANGED"), committed.err());
    assertEquals(0, committed.total("index"));
    assertEquals(0, committed.manifest().path("warnings").size(), committed.manifest().path("warnings").toString());
    assertNull(state.pending());

    // A run that dies after its marker and before its commit, and then exactly one commit by another writer: that
    // commit has the generation the marker expected but not the run's id, so the file is indexed again.
    Files.copy(file, work.resolve("abstracts/abstracts-4.xml"));
    Path fourth = work.resolve("abstracts/abstracts-4.xml").toAbsolutePath().normalize();
    state.putPending(new RunState.PendingCommit(index.toString(), Fingerprints.index(index),
        Fingerprints.generation(Fingerprints.index(index)) + 1, Map.of(fourth.toString(), indexedFile(fourth)),
        "run-2"));
    try (AbstractIndexer other = AbstractIndexer.open(index)) {
      other.index(third, new Tally("index"));
      other.commit();
    }
    RunFixture.Run foreign = f.run("2026-11-23");
    assertEquals(0, foreign.code(), foreign.err());
    // Taken for this run's commit, every file would be recorded with it and count UNCHANGED; the index changed by
    // another writer instead, so every file is read again (abstracts-4.xml with them).
    assertEquals(0, foreign.count("abstracts", "UNCHANGED"), "abstracts-4.xml is not taken as indexed: "
        + foreign.err());
    assertEquals(4, foreign.count("abstracts", "NEW"), foreign.err());
    assertNull(state.pending());
  }

  @Test
  void aRunThatCannotOpenTheIndexLeavesNoMarkerThatAnotherWritersCommitCouldAnswer(@TempDir Path work)
      throws IOException {
    RunFixture f = new RunFixture(work);
    assertEquals(0, f.run("2026-11-20").code());
    f.addSecondAbstracts();
    Path index = work.resolve("corpus/index");
    RunState state = RunState.open(work.resolve("corpus/state"));

    // Another writer holds the index's write lock: the run cannot index, and fails.
    try (AbstractIndexer other = AbstractIndexer.open(index)) {
      RunFixture.Run locked = f.run("2026-11-21");
      assertEquals(1, locked.code(), locked.err());
      assertTrue(locked.err().contains("cannot open the index for writing"), locked.err());
    }
    assertNull(state.pending(), "no commit of this run is pending");

    // That writer (e.g. `claimcheck index`) then commits a file of its own: abstracts-2.xml is still to be indexed.
    Path elsewhere = work.resolve("elsewhere.xml");
    Files.writeString(elsewhere, Files.readString(work.resolve("abstracts/abstracts-1.xml"))
        .replace("<PMID Version=\"1\">", "<PMID Version=\"1\">9"));
    try (AbstractIndexer other = AbstractIndexer.open(index)) {
      Tally tally = new Tally("index");
      other.index(elsewhere, tally);
      other.commit();
      assertTrue(tally.get("INDEXED") > 0, tally.toString());
    }
    RunFixture.Run next = f.run("2026-11-22");
    assertEquals(0, next.code(), next.err());
    assertEquals(2, next.count("index", "INDEXED"), "abstracts-2.xml is indexed: " + next.err());

    // A marker an older claimcheck left behind (no commit generation) is not taken for a commit either.
    Path third = work.resolve("abstracts/abstracts-3.xml");
    Files.copy(work.resolve("abstracts/abstracts-2.xml"), third);
    Path indexKey = index.toAbsolutePath().normalize();
    Path thirdKey = third.toAbsolutePath().normalize();
    state.putPending(new RunState.PendingCommit(indexKey.toString(), Fingerprints.index(index), null,
        Map.of(thirdKey.toString(), indexedFile(thirdKey))));
    try (AbstractIndexer other = AbstractIndexer.open(index)) {
      other.index(elsewhere, new Tally("index"));
      other.commit();
    }
    RunFixture.Run after = f.run("2026-11-23");
    assertEquals(0, after.code(), after.err());
    assertEquals(0, after.count("abstracts", "UNCHANGED"), "every file is indexed again: " + after.err());
    assertEquals(10, after.count("index", "INDEXED") + after.count("index", "REPLACED"),
        "the three files' records (abstracts-3.xml's among them) are read: " + after.err());
    assertNull(state.pending());
  }

  @Test
  void aListedFileMissingForANightKeepsItsClaims(@TempDir Path work) throws IOException {
    // A page named in a sources list that was not there one night (a mount not there) was dropped at the sources
    // stage: its claims were reported REMOVED, and NEW the next night. It fails to fetch now, like a flaky site.
    RunFixture f = new RunFixture(work);
    Path list = work.resolve("sources.txt");
    Files.writeString(list, "pages/winter-health.html\npages/iron.txt\n");
    RunFixture.Run first = listed(f, "2026-11-20", list);
    assertEquals(0, first.code(), first.err());
    assertEquals(2, first.count("fetch", "OK"), first.err());
    List<String> rows = f.rows("2026-11-20", "claims-report.csv");

    Path aside = work.resolve("iron.txt.aside");
    Files.move(work.resolve("pages/iron.txt"), aside);
    RunFixture.Run missing = listed(f, "2026-11-21", list);
    assertEquals(0, missing.code(), "one of two pages failed: " + missing.err());
    assertEquals(0, missing.count("sources", "SKIPPED"), missing.err());
    assertEquals(1, missing.count("fetch", "FAILED"), missing.err());
    assertTrue(missing.err().contains("FAILED: no such file (the last snapshot is used)"), missing.err());
    assertEquals(rows.size(), f.rows("2026-11-21", "claims-report.csv").size(), "the page's claims stay");
    assertEquals(List.of(), f.rows("2026-11-21", "changes.csv"));

    Files.move(aside, work.resolve("pages/iron.txt"));
    RunFixture.Run back = listed(f, "2026-11-22", list);
    assertEquals(2, back.count("fetch", "UNCHANGED"), back.err());
    assertEquals(List.of(), f.rows("2026-11-22", "changes.csv"));

    // A missing file given on the command line is still a usage error.
    RunFixture.Run arg = listed(f, "2026-11-23", work.resolve("pages/nothing.html"));
    assertEquals(2, arg.code(), arg.err());
  }

  @Test
  void aListedFolderMissingForANightKeepsItsPagesClaims(@TempDir Path work) throws IOException {
    // A folder named in a sources list that was not there one night (a mount missing) was skipped: its pages' claims
    // were reported REMOVED, and NEW the next night. Its pages known from earlier nights fail to fetch now.
    RunFixture f = new RunFixture(work);
    Files.createDirectories(work.resolve("more/sub"));
    Files.copy(work.resolve("pages/iron.txt"), work.resolve("more/sub/iron-again.txt"));
    Path list = work.resolve("sources.txt");
    Files.writeString(list, "pages/winter-health.html\nmore\nnever-there/\n");
    RunFixture.Run first = listed(f, "2026-11-20", list);
    assertEquals(0, first.code(), first.err());
    assertEquals(2, first.count("fetch", "OK"), first.err());
    assertEquals(1, first.count("sources", "SKIPPED"), "a folder never seen is skipped, counted: " + first.err());
    List<String> rows = f.rows("2026-11-20", "claims-report.csv");

    Files.move(work.resolve("more"), work.resolve("more.aside"));
    RunFixture.Run missing = listed(f, "2026-11-21", list);
    assertEquals(0, missing.code(), "one of two pages failed: " + missing.err());
    assertEquals(1, missing.count("sources", "SKIPPED"), missing.err());
    assertEquals(1, missing.count("fetch", "FAILED"), missing.err());
    assertTrue(missing.err().contains("FAILED: no such file (the last snapshot is used)"), missing.err());
    assertEquals(rows.size(), f.rows("2026-11-21", "claims-report.csv").size(), "the folder's page's claims stay");
    assertEquals(List.of(), f.rows("2026-11-21", "changes.csv"));

    Files.move(work.resolve("more.aside"), work.resolve("more"));
    RunFixture.Run back = listed(f, "2026-11-22", list);
    assertEquals(2, back.count("fetch", "UNCHANGED"), back.err());
    assertEquals(List.of(), f.rows("2026-11-22", "changes.csv"));
  }

  @Test
  void linkedFoldersOfPagesAndAbstractsAreRead(@TempDir Path work) throws IOException {
    // A folder of pages or abstract files that is a symbolic link (a mounted share linked into place) was read as
    // empty: every claim REMOVED, an update file's deletions never applied, and the run exited 0.
    RunFixture f = new RunFixture(work);
    Files.move(work.resolve("pages"), work.resolve("pages-real"));
    Files.createSymbolicLink(work.resolve("pages"), work.resolve("pages-real"));
    Files.move(work.resolve("abstracts"), work.resolve("abstracts-real"));
    Files.createDirectories(work.resolve("abstracts"));
    Files.createSymbolicLink(work.resolve("abstracts/linked"), work.resolve("abstracts-real"));
    RunFixture.Run linked = f.run("2026-11-20");
    assertEquals(0, linked.code(), linked.err());
    assertEquals(2, linked.count("fetch", "OK"), linked.err());
    assertEquals(1, linked.count("abstracts", "NEW"), linked.err());
    assertTrue(linked.count("index", "INDEXED") > 0, linked.err());

    // A link whose target is gone is reported as an abstract file that cannot be read, not passed over.
    Files.createSymbolicLink(work.resolve("abstracts/gone.xml"), work.resolve("nothing.xml"));
    RunFixture.Run broken = f.run("2026-11-21");
    assertEquals(1, broken.count("index", "FAILED") + broken.count("abstracts", "FAILED"), broken.err());
    assertTrue(broken.err().contains("gone.xml"), broken.err());
  }

  @Test
  void aBackDatedRunDoesNotReplaceTheReportOfANightBeforeTheLatest(@TempDir Path work) throws IOException {
    // It replaced that night's report, silently, with what the run saw days later.
    RunFixture f = new RunFixture(work);
    assertEquals(0, f.run("2026-11-20").code());
    assertEquals(0, f.run("2026-11-22").code());
    byte[] before = Files.readAllBytes(work.resolve("reports/2026-11-20/claims-report.csv"));
    RunFixture.Run again = f.run("2026-11-20");
    assertEquals(2, again.code(), again.err());
    assertTrue(again.err().contains("a later report exists (2026-11-22)"), again.err());
    assertEquals(1, again.err().strip().lines().filter(l -> l.startsWith("error:")).count(), again.err());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(work.resolve("reports/2026-11-20/claims-report.csv"))));

    // A skipped night may be filled, with a warning; the latest night may be run again as before.
    RunFixture.Run skipped = f.run("2026-11-21");
    assertEquals(0, skipped.code(), skipped.err());
    assertTrue(skipped.err().contains("before the latest report (2026-11-22)"), skipped.err());
    assertEquals(0, f.run("2026-11-22").code());

    // A failed night may be run again, and a report dated in the future (a test run's) blocks nothing.
    Files.writeString(work.resolve("reports/2026-11-21/manifest.json"), "{\"status\": \"FAILED\"}");
    assertEquals(0, f.run("2026-11-21").code());
    assertEquals(0, f.run("2099-01-01").code());
    RunFixture.Run latest = f.run("2026-11-22");
    assertEquals(0, latest.code(), latest.err());
    assertFalse(latest.err().contains("before the latest report"), latest.err());
  }

  @Test
  void aMissingFolderDoesNotBringBackPagesDeletedFromItBefore(@TempDir Path work) throws IOException {
    // The folder stood for every snapshot ever kept from it: a page deleted on an earlier night came back as NEW.
    RunFixture f = new RunFixture(work);
    Path list = work.resolve("sources.txt");
    Files.writeString(list, "pages\n");
    assertEquals(0, listed(f, "2026-11-20", list).code());
    Files.delete(work.resolve("pages/iron.txt"));
    RunFixture.Run deleted = listed(f, "2026-11-21", list);
    assertTrue(f.rows("2026-11-21", "changes.csv").stream().allMatch(r -> r.contains(",REMOVED,")), deleted.err());
    List<String> rows = f.rows("2026-11-21", "claims-report.csv");

    Files.move(work.resolve("pages"), work.resolve("pages.aside"));
    RunFixture.Run missing = listed(f, "2026-11-22", list);
    assertEquals(1, missing.count("fetch", "FAILED"), "only the page the last report had: " + missing.err());
    assertEquals(List.of(), f.rows("2026-11-22", "changes.csv"));
    assertEquals(rows.size(), f.rows("2026-11-22", "claims-report.csv").size());
  }

  @Test
  void aLinkedInboxWhoseTargetIsMissingKeepsItsPagesClaims(@TempDir Path work) throws IOException {
    RunFixture f = new RunFixture(work);
    Files.createDirectories(work.resolve("corpus"));
    Files.createSymbolicLink(work.resolve("corpus/inbox"), work.resolve("pages"));
    List<String> args = new java.util.ArrayList<>(f.args("2026-11-20"));
    int at = args.indexOf("--sources");
    args.remove(at);
    args.remove(at);
    RunFixture.Run first = f.run("2026-11-20", args);
    assertEquals(0, first.code(), first.err());
    assertEquals(2, first.count("fetch", "OK"), first.err());

    Files.move(work.resolve("pages"), work.resolve("pages.aside"));
    args.set(args.indexOf("2026-11-20"), "2026-11-21");
    RunFixture.Run missing = f.run("2026-11-21", args);
    assertTrue(missing.err().contains("links to a folder that is not there"), missing.err());
    assertEquals(List.of(), f.rows("2026-11-21", "changes.csv"), missing.err());
  }

  @Test
  void aClaimUnderAnotherTopicIsVerifiedAgain(@TempDir Path work) throws IOException {
    // The verdict was reused after the claim's section (and so its topic) changed: the key was its text alone.
    RunFixture f = new RunFixture(work);
    Path page = work.resolve("pages/iron.txt");
    String text = Files.readString(page);
    Files.writeString(page, text + "\nRestless legs syndrome\n\nOther possible causes are diabetes and kidney disease.\n");
    RunFixture.Run first = f.run("2026-11-20");
    assertEquals(0, first.code(), first.err());
    Files.writeString(page, text + "\nMigraine\n\nOther possible causes are diabetes and kidney disease.\n");
    RunFixture.Run moved = f.run("2026-11-21");
    assertEquals(0, moved.code(), moved.err());
    assertTrue(moved.count("verify", "VERIFIED") >= 2, "the two claims under the new heading: " + moved.err());
  }

  @Test
  void theCachedClaimsOfAPageThatLeftTheSourcesAreRemoved(@TempDir Path work) throws IOException {
    // They were kept forever (a week's soak: 7 files for 4 live pages).
    RunFixture f = new RunFixture(work);
    assertEquals(0, f.run("2026-11-20").code());
    Path claims = work.resolve("corpus/state/claims");
    try (var files = Files.list(claims)) {
      assertEquals(2, files.count());
    }
    Files.delete(work.resolve("pages/iron.txt"));
    assertEquals(0, f.run("2026-11-21").code());
    try (var files = Files.list(claims)) {
      assertEquals(1, files.count(), "only the page still read");
    }
  }

  /** A run of {@code f} for {@code date} with {@code sources} instead of the fixture's pages folder. */
  private static RunFixture.Run listed(RunFixture f, String date, Path sources) {
    List<String> args = new java.util.ArrayList<>(f.args(date));
    args.set(args.indexOf("--sources") + 1, sources.toString());
    return f.run(date, args);
  }

  @Test
  void anAbstractFileThatCannotBeReadIsTriedAndReportedAgainEachNight(@TempDir Path work) throws IOException {
    RunFixture f = new RunFixture(work);
    Files.writeString(work.resolve("abstracts/junk.xml"), "hello\n");
    RunFixture.Run first = f.run("2026-11-20");
    assertEquals(0, first.code(), "one good file among broken ones is a partial failure: " + first.err());
    assertEquals(1, first.count("index", "FAILED"), first.err());
    assertEquals(6, first.count("index", "INDEXED"));

    RunFixture.Run second = f.run("2026-11-21");
    assertEquals(0, second.code(), second.err());
    assertEquals(1, second.count("abstracts", "RETRIED"), "junk.xml was not recorded as indexed: " + second.err());
    assertEquals(1, second.count("abstracts", "UNCHANGED"));
    assertEquals(1, second.count("index", "FAILED"), "and its failure is reported again: " + second.err());
    assertEquals("junk.xml", second.manifest().path("failures").path(0).path("examples").path(0).asText());
    assertEquals(first.manifest().path("index").path("commit"), second.manifest().path("index").path("commit"),
        "nothing was read: no commit, and every verdict stands");
    assertEquals(5, second.count("verify", "REUSED"));
    assertEquals(List.of(), f.rows("2026-11-21", "changes.csv"));

    // A file cut short: the records before the break are indexed, the break is reported, each night.
    String whole = Files.readString(work.resolve("abstracts/abstracts-1.xml"));
    Files.writeString(work.resolve("abstracts/cut.xml"),
        whole.substring(0, whole.indexOf("<PMID Version=\"1\">91000003"))
            .replace("<PMID Version=\"1\">910", "<PMID Version=\"1\">920"));
    RunFixture.Run cut = f.run("2026-11-22");
    assertEquals(2, cut.count("index", "FAILED"), cut.err());
    assertEquals(2, cut.count("index", "INDEXED"), cut.err());
    RunFixture.Run again = f.run("2026-11-23");
    assertEquals(2, again.count("abstracts", "RETRIED"), again.err());
    assertEquals(2, again.count("index", "FAILED"), again.err());
    assertEquals(2, again.count("index", "REPLACED"), again.err());
    // Broken where it broke before, the file gave the records the index holds: no new commit, every verdict stands.
    assertEquals(cut.manifest().path("index").path("commit"), again.manifest().path("index").path("commit"),
        again.err());
    assertEquals(cut.count("verify", "VERIFIED") + cut.count("verify", "REUSED"), again.count("verify", "REUSED"),
        again.err());

    // Made whole, it is a new file: read, committed, recorded.
    Files.writeString(work.resolve("abstracts/cut.xml"), whole.replace("<PMID Version=\"1\">910",
        "<PMID Version=\"1\">920"));
    RunFixture.Run whole2 = f.run("2026-11-23");
    assertEquals(1, whole2.count("abstracts", "NEW"), whole2.err());
    assertEquals(1, whole2.count("abstracts", "RETRIED"), "junk.xml: " + whole2.err());
    assertEquals(1, whole2.count("index", "FAILED"), whole2.err());
    assertTrue(whole2.count("index", "INDEXED") > 0, whole2.err());
    assertNotEquals(again.manifest().path("index").path("commit"), whole2.manifest().path("index").path("commit"));

    // Once the file reads, it is recorded like any other.
    Files.delete(work.resolve("abstracts/junk.xml"));
    Files.delete(work.resolve("abstracts/cut.xml"));
    RunFixture.Run fixed = f.run("2026-11-24");
    assertEquals(0, fixed.total("index"), fixed.err());
    assertEquals("OK", fixed.manifest().path("status").asText());

    // Only broken files, and nothing indexed on earlier nights: the stage fails as a whole, night after night.
    RunFixture fresh = new RunFixture(work.resolve("fresh"));
    Files.delete(fresh.work.resolve("abstracts/abstracts-1.xml"));
    Files.writeString(fresh.work.resolve("abstracts/junk.xml"), "hello\n");
    for (String date : List.of("2026-11-25", "2026-11-26")) {
      RunFixture.Run run = fresh.run(date);
      assertEquals(1, run.code(), run.err());
      assertEquals("FAILED", run.manifest().path("status").asText(), date);
      assertEquals(1, run.count("index", "FAILED"), run.err());
    }
  }

  @Test
  void aReportsFolderTheReportCannotGoToIsRefusedBeforeAnyWork(@TempDir Path work) throws IOException {
    RunFixture f = new RunFixture(work);
    Files.writeString(work.resolve("reports"), "not a folder");
    RunFixture.Run file = f.run("2026-11-20");
    assertEquals(1, file.code(), file.err());
    assertTrue(file.err().startsWith("error: the reports folder is not a folder (" + work.resolve("reports")),
        file.err());
    assertFalse(file.err().contains("internal error"), file.err());
    assertFalse(Files.exists(work.resolve("claims/claims.jsonl")), "refused before the pipeline ran");
    Files.delete(work.resolve("reports"));

    // A stray file where the report folder goes is not deleted by the report replacing it.
    Files.createDirectories(work.resolve("reports"));
    Files.writeString(work.resolve("reports/2026-11-20"), "notes");
    RunFixture.Run stray = f.run("2026-11-20");
    assertEquals(1, stray.code(), stray.err());
    assertTrue(stray.err().contains("error: the report's place is taken by something that is not a report folder ("
        + work.resolve("reports/2026-11-20") + ")"), stray.err());
    assertEquals("notes", Files.readString(work.resolve("reports/2026-11-20")));
    assertFalse(Files.exists(work.resolve("claims/claims.jsonl")), "refused before the pipeline ran");

    // Nor is a folder there holding anything but a report (an editor's notes): replacing it would delete them.
    Files.delete(work.resolve("reports/2026-11-20"));
    Files.createDirectories(work.resolve("reports/2026-11-20"));
    Files.writeString(work.resolve("reports/2026-11-20/notes.txt"), "notes");
    RunFixture.Run notes = f.run("2026-11-20");
    assertEquals(1, notes.code(), notes.err());
    assertTrue(notes.err().contains("not a report folder"), notes.err());
    assertEquals("notes", Files.readString(work.resolve("reports/2026-11-20/notes.txt")));
    Files.delete(work.resolve("reports/2026-11-20/notes.txt"));
    // An empty folder, or one that holds a report, is replaced (a second run on the same day).
    assertEquals(0, f.run("2026-11-20").code());
    RunFixture.Run again = f.run("2026-11-20");
    assertEquals(0, again.code(), again.err());
    AtomicFiles.deleteRecursively(work.resolve("reports/2026-11-20"));
  }

  /**
   * A reports folder this user cannot write to. It was checked after an assumption that the user is not root, which
   * aborted the whole test above on every machine of the project (root everywhere, CI too): root writes anywhere, so
   * there the folder is a link to one that refuses everyone's new files.
   */
  @Test
  void aReportsFolderThatCannotBeWrittenToIsRefusedBeforeAnyWork(@TempDir Path work) throws IOException {
    RunFixture f = new RunFixture(work);
    Path reports = work.resolve("reports");
    Files.createDirectories(reports);
    Files.setPosixFilePermissions(reports, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      if (Files.isWritable(reports)) { // root
        Files.setPosixFilePermissions(reports, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.delete(reports);
        Path refusing = Path.of("/proc/self");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(refusing), "no /proc (not Linux)");
        Files.createSymbolicLink(reports, refusing);
      }
      RunFixture.Run readOnly = f.run("2026-11-20");
      assertEquals(1, readOnly.code(), readOnly.err());
      assertTrue(readOnly.err().startsWith("error: cannot write to the reports folder (" + reports), readOnly.err());
      assertFalse(Files.exists(work.resolve("claims/claims.jsonl")), "refused before the pipeline ran");
    } finally {
      if (Files.isSymbolicLink(reports)) {
        Files.delete(reports);
      } else {
        Files.setPosixFilePermissions(reports, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
  }

  @Test
  void whatAKilledRunLeftInReportsIsTidied(@TempDir Path work) throws IOException {
    RunFixture f = new RunFixture(work);
    assertEquals(0, f.run("2026-11-19").code());
    // Killed between the two renames of a same-day rerun: the old folder is aside, the new one not yet in place.
    Files.move(work.resolve("reports/2026-11-19"), work.resolve("reports/.2026-11-19.old-123"));
    Files.createDirectories(work.resolve("reports/.2026-11-20.partial"));
    Files.writeString(work.resolve("reports/.2026-11-20.partial/claims-report.csv"), "half");
    assertEquals(0, f.run("2026-11-20").code());
    try (var files = Files.list(work.resolve("reports"))) {
      assertEquals(List.of("2026-11-19", "2026-11-20"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertTrue(Files.exists(work.resolve("reports/2026-11-19/claims-report.csv")), "put back");
  }

  private static RunState.IndexedFile indexedFile(Path file) throws IOException {
    return new RunState.IndexedFile(Files.size(file), Files.getLastModifiedTime(file).toMillis(),
        Hashes.sha256(Files.readAllBytes(file)));
  }

  private static RunFixture.Run runWithSources(RunFixture f, Path list, String date) {
    List<String> args = new ArrayList<>(f.args(date));
    args.remove("--offline"); // the URLs are fetched, and fail
    args.set(args.indexOf("--sources") + 1, list.toString());
    return f.run(date, args);
  }
}
