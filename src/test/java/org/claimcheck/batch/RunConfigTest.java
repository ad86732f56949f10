package org.claimcheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimcheck.ClaimcheckException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunConfigTest {
  @Test
  void everyDocumentedKeyReads(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("claimcheck.properties");
    Files.writeString(f, """
        # nightly settings
        sources = corpus/sources.txt
        offline = yes
        abstracts = a.xml, more/
        index = corpus/index
        threshold = 0.6
        excel = true
        progress = plain
        verify.abstracts = 8
        verify.sentences = 2
        verify.expand = false
        fetch.contact = mailto:desk@example.org
        fetch.threads = 2
        fetch.hostDelaySeconds = 3
        fetch.timeoutSeconds = 30
        fetch.maxPageMegabytes = 2
        fetch.allowPrivateAddresses = true
        pubmed.email = desk@example.org
        pubmed.perClaim = 30
        pubmed.maxSearches = 50
        pubmed.refreshDays = 3
        pubmed.url = http://127.0.0.1:8099/eutils/
        pubmed.attempts = 2
        """);
    RunConfig c = RunConfig.load(f);
    assertEquals(RunConfig.KEYS.size(), c.values().size(), "the test sets every key");
    assertEquals(true, c.bool("offline"));
    assertEquals(List.of(Path.of("a.xml"), Path.of("more/")), c.paths("abstracts"));
    assertEquals(0.6, c.number("threshold"));
    assertEquals(8, c.integer("verify.abstracts", 1, 100));
    assertEquals(false, c.bool("verify.expand"));
    assertEquals(null, RunConfig.empty().integer("verify.abstracts", 1, 100));

    var fetch = c.fetchOptions(org.claimcheck.article.Fetcher.Options.defaults());
    assertTrue(fetch.userAgent().contains("(+mailto:desk@example.org; health fact-checking)"), fetch.userAgent());
    assertEquals(2, fetch.threads());
    assertEquals(java.time.Duration.ofSeconds(3), fetch.hostDelay());
    assertEquals(java.time.Duration.ofSeconds(30), fetch.deadline());
    assertEquals(2 * 1024 * 1024, fetch.maxBodyBytes());
    assertTrue(fetch.allowPrivateAddresses());
    assertEquals(org.claimcheck.article.Fetcher.Options.defaults(),
        RunConfig.empty().fetchOptions(org.claimcheck.article.Fetcher.Options.defaults()));
    assertEquals(new EutilsAbstracts.Settings(java.net.URI.create("http://127.0.0.1:8099/eutils/"), "desk@example.org",
        30, 50, 3, 2), c.pubmedSettings(EutilsAbstracts.Settings.defaults()));
  }

  @Test
  void typosSecretsAndBadValuesAreUsageErrors(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("claimcheck.properties");
    Files.writeString(f, "treshold = 0.5\n");
    ClaimcheckException typo = assertThrows(ClaimcheckException.class, () -> RunConfig.load(f));
    assertEquals(2, typo.exitCode());
    assertTrue(typo.getMessage().contains("unknown configuration key 'treshold'"), typo.getMessage());

    Files.writeString(f, "ncbi.api_key = 0123abcd\n");
    ClaimcheckException secret = assertThrows(ClaimcheckException.class, () -> RunConfig.load(f));
    assertTrue(secret.getMessage().startsWith("secrets do not belong in the configuration file"), secret.getMessage());
    assertTrue(secret.getMessage().contains("NCBI_API_KEY"));
    assertTrue(!secret.getMessage().contains("0123abcd"), "the secret is not repeated");

    Files.writeString(f, "verify.abstracts = 500\n");
    assertThrows(ClaimcheckException.class, () -> RunConfig.load(f).integer("verify.abstracts", 1, 100));
  }

  @Test
  void numbersArePlainDecimals() {
    assertEquals(0.6, RunConfig.decimal("0.6"));
    assertEquals(0.5, RunConfig.decimal(".5"));
    assertEquals(1.0, RunConfig.decimal("1."));
    assertEquals(0.1, RunConfig.decimal("1e-1"));
    for (String v : List.of("NaN", "Infinity", "-Infinity", "0x1p-1", "0.5d", "1f", "", "1e999", "0,5")) {
      assertEquals(null, RunConfig.decimal(v), v);
    }
    ClaimcheckException e = assertThrows(ClaimcheckException.class,
        () -> new RunConfig(java.util.Map.of("threshold", "NaN")).number("threshold"));
    assertEquals(ClaimcheckException.USAGE, e.exitCode());
  }

  @Test
  void aFileSavedWithAByteOrderMarkReads(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("claimcheck.properties");
    Files.writeString(f, "\ufeffoffline = true\nthreshold = 0.7\n");
    RunConfig c = RunConfig.load(f);
    assertEquals(true, c.bool("offline"));
    assertEquals(0.7, c.number("threshold"));
    Files.writeString(f, "");
    assertEquals(0, RunConfig.load(f).values().size(), "an empty file is fine");
  }
}
