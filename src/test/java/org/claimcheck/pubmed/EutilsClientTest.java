package org.claimcheck.pubmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Tally;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EutilsClientTest {
  /** Virtual time: sleeping moves the clock on and is logged. */
  static final class VirtualTime {
    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final List<Long> sleeps = new ArrayList<>();

    RateLimiter.Sleeper sleeper() {
      return nanos -> {
        synchronized (sleeps) {
          sleeps.add(nanos);
        }
        now.addAndGet(nanos);
      };
    }
  }

  static EutilsClient client(FakeEutils fake, String key, VirtualTime time) {
    return new EutilsClient(new EutilsClient.Options(fake.base(), key, "dev@claimcheck.invalid", 4,
        Duration.ofSeconds(10)), time.now::get, time.sleeper());
  }

  @Test
  void searchesThenDownloadsInBatchesAndARerunFetchesOnlyWhatIsMissing(@TempDir Path dir) throws IOException {
    try (FakeEutils fake = new FakeEutils().with("vitamin b12", 90001001, 90001025)) {
      VirtualTime time = new VirtualTime();
      EutilsClient client = client(fake, null, time);
      EutilsClient.SearchResult found = client.search("vitamin b12", 100);
      assertEquals(25, found.count());
      assertEquals("90001001", found.pmids().getFirst());
      Path out = dir.resolve("pubmed");
      PubmedDownloads downloads = new PubmedDownloads(client, out);
      Tally t = new Tally("pubmed");
      PubmedDownloads.Result r = downloads.download(found.pmids(), id -> false, 10, t);
      assertEquals(25, r.fetched());
      assertEquals(3, r.files().size());
      assertEquals(25, t.get("OK"));
      assertEquals(3, fake.requests("efetch").size());
      assertEquals(25, downloads.saved().size());
      try (var files = Files.list(out)) {
        assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
      }
      // The saved files are PubMed XML the readers take whole.
      try (RecordReader reader = RecordReaders.open(r.files().getFirst())) {
        PubmedRecord first = ((RecordReader.Entry.Upsert) reader.next()).record();
        assertEquals("90001001", first.id());
        assertEquals("Invented record 90001001 about vitamin B12 and melatonin.", first.title());
        assertEquals("10.0000/ijfr.90001001", first.doi());
      }

      // A rerun asks for nothing; losing one file refetches that batch only.
      PubmedDownloads.Result again = downloads.download(found.pmids(), id -> false, 10, new Tally("pubmed"));
      assertEquals(0, again.fetched());
      assertEquals(25, again.alreadySaved());
      assertEquals(3, fake.requests("efetch").size());
      Files.delete(r.files().get(1));
      PubmedDownloads.Result resumed = downloads.download(found.pmids(), id -> false, 10, new Tally("pubmed"));
      assertEquals(10, resumed.fetched());
      assertEquals(4, fake.requests("efetch").size());
      assertEquals("90001011,90001012,90001013,90001014,90001015,90001016,90001017,90001018,90001019,90001020",
          fake.requests("efetch").get(3).params().get("id"));
    }
  }

  @Test
  void spacesRequestsToNcbiLimitsAndSendsTheKeyAndTool() throws IOException {
    try (FakeEutils fake = new FakeEutils().with("b12", 90001001, 90001003)) {
      for (String key : new String[] {null, "KEY123"}) {
        VirtualTime time = new VirtualTime();
        EutilsClient client = client(fake, key, time);
        for (int i = 0; i < 7; i++) {
          client.search("b12", 5);
        }
        long interval = key == null ? 333_333_334L : 100_000_000L;
        assertEquals(6, time.sleeps.size(), "every request after the first waits its turn");
        for (long s : time.sleeps) {
          assertEquals(interval, s, "request spacing with key " + key);
        }
        var last = fake.requests("esearch").getLast().params();
        assertEquals(key, last.get("api_key"));
        assertEquals("claimcheck", last.get("tool"));
        assertEquals("dev@claimcheck.invalid", last.get("email"));
      }
    }
  }

  @Test
  void retries429And5xxWithBackOffAndRetryAfter(@TempDir Path dir) throws IOException {
    try (FakeEutils fake = new FakeEutils().with("b12", 90001001, 90001003)) {
      VirtualTime time = new VirtualTime();
      EutilsClient client = client(fake, "K", time);
      fake.failures.addAll(List.of(429, 503));
      assertEquals(3, client.search("b12", 5).pmids().size());
      assertEquals(3, fake.requests("esearch").size());
      assertEquals(List.of(1_000_000_000L, 2_000_000_000L), time.sleeps, "back-off 1 s then 2 s");

      fake.retryAfter = "7";
      fake.failures.add(429);
      time.now.addAndGet(1_000_000_000L); // a second later: no wait for the rate limit
      time.sleeps.clear();
      client.search("b12", 5);
      assertEquals(List.of(7_000_000_000L), time.sleeps, "Retry-After is honoured");

      fake.failures.addAll(List.of(500, 500, 500, 500));
      IOException e = assertThrows(IOException.class, () -> client.search("b12", 5));
      assertTrue(e.getMessage().startsWith("E-utilities failed 4 times: HTTP 500"), e.getMessage());

      fake.retryAfter = null;
      fake.failures.add(400);
      int before = fake.requests.size();
      ClaimcheckException bad = assertThrows(ClaimcheckException.class, () -> client.search("b12", 5));
      assertTrue(bad.oneLine().startsWith("E-utilities answered HTTP 400"), bad.oneLine());
      assertEquals(before + 1, fake.requests.size(), "a 400 is not retried");
    }
  }

  @Test
  void unknownPmidsFailedBatchesAndSearchErrorsAreCounted(@TempDir Path dir) throws IOException {
    try (FakeEutils fake = new FakeEutils().with("b12", 90001001, 90001004)) {
      VirtualTime time = new VirtualTime();
      EutilsClient client = client(fake, null, time);
      ClaimcheckException e = assertThrows(ClaimcheckException.class, () -> client.search("(b12", 5));
      assertTrue(e.oneLine().contains("Invalid query: unbalanced parentheses"), e.oneLine());

      PubmedDownloads downloads = new PubmedDownloads(client, dir);
      Tally t = new Tally("pubmed");
      PubmedDownloads.Result r = downloads.download(List.of("90001001", "90001002", "12", "90001003"),
          "90001003"::equals, 2, t);
      assertEquals(2, r.fetched());
      assertEquals(1, r.notReturned());
      assertEquals(1, r.skipped());
      assertEquals(1, t.reasons().get("SKIPPED: not returned by PubMed (unknown or withdrawn PMID)"));

      fake.efetchOverride = "<html><body>Temporarily unavailable</body></html>";
      Tally failed = new Tally("pubmed");
      PubmedDownloads.Result bad = downloads.download(List.of("90001004"), id -> false, 2, failed);
      assertEquals(1, bad.failed());
      assertEquals(1, failed.get("FAILED"));
      assertTrue(failed.reasons().keySet().iterator().next().contains("did not return PubMed XML"),
          failed.reasons().toString());
      assertNull(downloads.saved().contains("90001004") ? "saved" : null);
    }
  }

  @Test
  void theApiKeyNeverShowsInMessagesEvenWhenTheServerRepeatsIt() throws IOException {
    try (FakeEutils fake = new FakeEutils().with("b12", 90001001, 90001002)) {
      EutilsClient client = client(fake, "SECRET+KEY/1", new VirtualTime());
      fake.failureBody = "{\"error\": \"API key invalid\", \"api-key\": \"SECRET+KEY/1\", \"url\": "
          + "\"api_key=SECRET%2BKEY%2F1\"}";
      fake.failures.add(400);
      ClaimcheckException bad = assertThrows(ClaimcheckException.class, () -> client.search("b12", 5));
      assertFalse(bad.oneLine().contains("SECRET"), bad.oneLine());
      assertTrue(bad.oneLine().contains("[api key]") && bad.oneLine().contains("Check the API key"), bad.oneLine());
      fake.failures.addAll(List.of(503, 503, 503, 503));
      IOException e = assertThrows(IOException.class, () -> client.search("b12", 5));
      assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
    }
  }

  @Test
  void aServerThatKeepsFailingIsNotAskedAgainAfterThreeRequests(@TempDir Path dir) throws IOException {
    try (FakeEutils fake = new FakeEutils().with("b12", 90001001, 90001002)) {
      EutilsClient client = client(fake, null, new VirtualTime());
      for (int i = 0; i < 2 * 4; i++) {
        fake.failures.add(503);
      }
      assertThrows(IOException.class, () -> client.search("b12", 5));
      assertThrows(IOException.class, () -> client.search("b12", 5));
      assertEquals(2, client.search("b12", 5).pmids().size(), "an answer starts the count again");
      for (int i = 0; i < 3 * 4; i++) {
        fake.failures.add(503);
      }
      int beforeThree = fake.requests.size();
      for (int i = 0; i < 3; i++) {
        assertThrows(IOException.class, () -> client.search("b12", 5));
      }
      int asked = fake.requests.size();
      // Only a count started again lets the three be sent (4 tries each): before, this test passed without it.
      assertEquals(beforeThree + 3 * 4, asked, "the answer started the count again");
      IOException given = assertThrows(IOException.class, () -> client.search("b12", 5));
      assertTrue(given.getMessage().contains("not asked again in this run"), given.getMessage());
      Tally t = new Tally("pubmed");
      new PubmedDownloads(client, dir).download(List.of("90001001", "90001002"), id -> false, 1, t);
      assertEquals(2, t.get("FAILED"));
      assertEquals(1, t.reasons().size(), "one reason for every batch: " + t.reasons());
      assertEquals(asked, fake.requests.size(), "nothing more was sent");
    }
  }

  @Test
  void retryAfterInSecondsOrAsADateAtMostTwoMinutes() {
    java.time.Instant now = java.time.Instant.parse("2026-12-07T07:28:00Z");
    assertEquals(Optional.of(8_000_000_000L), EutilsClient.retryAfter("Mon, 07 Dec 2026 07:28:08 GMT", now));
    assertEquals(Optional.of(0L), EutilsClient.retryAfter("Mon, 07 Dec 2026 07:27:00 GMT", now), "past");
    assertEquals(Optional.of(120_000_000_000L), EutilsClient.retryAfter("Tue, 08 Dec 2026 07:28:00 GMT", now));
    assertEquals(Optional.of(5_000_000_000L), EutilsClient.retryAfter(" 5 ", now));
    assertEquals(Optional.of(120_000_000_000L), EutilsClient.retryAfter("999999999999999999999", now));
    assertEquals(Optional.empty(), EutilsClient.retryAfter("soon", now));
  }

  @Test
  void aRedirectIsAnErrorThatNamesWhereNotASearchWithoutItsQuery() throws IOException {
    try (FakeEutils fake = new FakeEutils().with("b12", 90001001, 90001002)) {
      EutilsClient client = client(fake, null, new VirtualTime());
      fake.redirectTo = "https://eutils.example/entrez/eutils/esearch.fcgi";
      ClaimcheckException e = assertThrows(ClaimcheckException.class, () -> client.search("b12", 5));
      assertTrue(e.oneLine().contains("redirect") && e.oneLine().contains("https://eutils.example/"), e.oneLine());
      assertEquals(1, fake.requests.size(), "not followed");
    }
  }

  @Test
  void anAnswerThatStallsAfterItsHeadersTimesOut(@TempDir Path dir) throws IOException {
    try (FakeEutils fake = new FakeEutils().with("b12", 90001001, 90001002)) {
      EutilsClient client = new EutilsClient(new EutilsClient.Options(fake.base(), null, null, 1,
          Duration.ofMillis(300)), new VirtualTime().now::get, new VirtualTime().sleeper());
      fake.stallBodyMillis = 3_000;
      long t0 = System.nanoTime();
      IOException e = assertThrows(IOException.class, () -> client.search("b12", 5));
      assertTrue(e.getMessage().contains("no complete answer within"), e.getMessage());
      assertTrue(System.nanoTime() - t0 < 2_500_000_000L, "gave up at twice the timeout, not after the stall");
    }
  }

  @Test
  void anEfetchRefusedWithA4xxFailsItsBatchAndTheOthersGoOn(@TempDir Path dir) throws IOException {
    try (FakeEutils fake = new FakeEutils().with("b12", 90001001, 90001002)) {
      EutilsClient client = client(fake, null, new VirtualTime());
      fake.failures.add(400);
      Tally t = new Tally("pubmed");
      PubmedDownloads.Result r = new PubmedDownloads(client, dir).download(List.of("90001001", "90001002"),
          id -> false, 1, t);
      assertEquals(1, r.failed());
      assertEquals(1, r.fetched());
      assertTrue(t.reasons().keySet().iterator().next().startsWith("FAILED: efetch failed: E-utilities answered HTTP "
          + "400"), t.reasons().toString());
    }
  }

  @Test
  void optionsAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> new EutilsClient.Options(java.net.URI.create("ftp://x/"),
        null, null, 3, Duration.ofSeconds(1)));
    assertEquals(3, EutilsClient.Options.defaults(" ", null).requestsPerSecond(), "a blank key is no key");
    assertEquals(10, EutilsClient.Options.defaults("k", null).requestsPerSecond());
  }

  /**
   * esearch's first Count is the search's: the Counts of its translation stack (one per term) come after it. A search
   * that finds nothing has Count 0, which is an answer, not a missing Count.
   */
  @Test
  void aSearchThatFindsNothingIsAnAnswerAndOnlyTheFirstCountCounts() throws IOException {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<eSearchResult><Count>0</Count><RetMax>0</RetMax>"
        + "<RetStart>0</RetStart><IdList/><TranslationSet/><TranslationStack><TermSet><Term>zinc[tiab]</Term>"
        + "<Field>tiab</Field><Count>5</Count><Explode>N</Explode></TermSet><OP>GROUP</OP></TranslationStack>"
        + "<QueryTranslation>zinc[tiab]</QueryTranslation></eSearchResult>";
    EutilsClient.SearchResult none = EutilsClient.parseSearch(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "zinc");
    assertEquals(0, none.count());
    assertEquals(List.of(), none.pmids());
    String some = xml.replace("<Count>0</Count><RetMax>0</RetMax>", "<Count>2</Count><RetMax>2</RetMax>")
        .replace("<IdList/>", "<IdList><Id>90001002</Id><Id> 90001001 </Id></IdList>");
    EutilsClient.SearchResult two = EutilsClient.parseSearch(some.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "zinc");
    assertEquals(2, two.count());
    assertEquals(List.of("90001002", "90001001"), two.pmids());
    assertThrows(IOException.class, () -> EutilsClient.parseSearch(
        "<eSearchResult><IdList/></eSearchResult>".getBytes(java.nio.charset.StandardCharsets.UTF_8), "zinc"),
        "no Count at all");
  }

  /** Which files a folder of abstracts is read for: records only, gzipped or not; not a README or a page. */
  @Test
  void onlyRecordFilesAreSupported() {
    for (String yes : List.of("a.xml", "a.xml.gz", "c.jsonl", "m.txt", "m.medline", "m.nbib.gz")) {
      assertTrue(RecordReaders.isSupported(Path.of("dir", yes)), yes);
    }
    for (String no : List.of("README.md", "page.html", "notes.csv", "a.xml.bak", "a.gz")) {
      assertFalse(RecordReaders.isSupported(Path.of("dir", no)), no);
    }
  }
}
