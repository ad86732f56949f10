package org.claimcheck.batch;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.TextFiles;
import org.claimcheck.article.Fetcher;

/**
 * Thread-safe (immutable). The nightly job's configuration file ({@code claimcheck.properties} in the working folder,
 * or {@code --config FILE}): Java properties, every key optional, command-line options win. Relative paths are relative
 * to the working folder. Unknown keys are an error, not ignored: a typo must not silently fall back to a default.
 * Secrets (the NCBI API key) come from the environment, never from this file: a key that looks like one is refused.
 * README "Configuration" documents every key.
 *
 * <pre>
 * sources = corpus/sources.txt      # a sources list or a folder of pages
 * offline = false                   # true: only local pages and abstract files
 * abstracts = corpus/extra.xml.gz   # extra abstract files or folders, comma-separated
 * index = corpus/index
 * threshold = 0.5                   # check-worthiness a claim needs to be verified
 * excel = false                     # CSVs with byte-order mark and formula cells neutralised
 * progress = auto                   # auto, bar, plain or none
 * verify.abstracts = 3              # abstracts retrieved per claim
 * verify.sentences = 3              # evidence sentences kept per abstract
 * verify.expand = true              # add the lexicon's synonyms to each claim's query
 * fetch.contact = mailto:desk@example.org   # who site owners can reach; goes into the user agent
 * fetch.threads = 4                 # sources fetched at once (one request per host at a time)
 * fetch.hostDelaySeconds = 1        # least time between two requests to one host
 * fetch.timeoutSeconds = 60         # longest time one source may take, retries included
 * fetch.maxPageMegabytes = 10       # pages are cut at this size
 * fetch.allowPrivateAddresses = false   # true to fetch intranet hosts (loopback, private, link-local)
 * pubmed.email = desk@example.org   # online: a contact address NCBI can write to about heavy use
 * pubmed.perClaim = 20              # online: PubMed best matches taken per claim
 * pubmed.maxSearches = 1000         # online: PubMed searches per night at most
 * pubmed.refreshDays = 7            # online: a claim's search is repeated after this many days
 * pubmed.url = https://eutils.ncbi.nlm.nih.gov/entrez/eutils/   # online: E-utilities (a mirror, a test server)
 * pubmed.attempts = 5              # online: tries per E-utilities request (retries on 429, 5xx, network errors)
 * </pre>
 */
public record RunConfig(Map<String, String> values) {
  /** The keys a configuration file may set. */
  public static final Set<String> KEYS = Set.of("sources", "offline", "abstracts", "index", "threshold", "excel",
      "progress", "verify.abstracts", "verify.sentences", "verify.expand", "fetch.contact", "fetch.threads",
      "fetch.hostDelaySeconds", "fetch.timeoutSeconds", "fetch.maxPageMegabytes", "fetch.allowPrivateAddresses",
      "pubmed.email", "pubmed.perClaim", "pubmed.maxSearches", "pubmed.refreshDays", "pubmed.url",
      "pubmed.attempts");

  /** The default file name, looked for in the working folder. */
  public static final String FILE_NAME = "claimcheck.properties";

  private static final java.util.regex.Pattern SECRET = java.util.regex.Pattern.compile(
      "(?i).*(api[._-]?key|secret|password|passwd|token|credential).*");

  public RunConfig {
    values = Map.copyOf(values);
  }

  public static RunConfig empty() {
    return new RunConfig(Map.of());
  }

  public static RunConfig load(Path file) {
    Properties p = new Properties();
    // Past a byte-order mark (Windows editors save one): it would otherwise be part of the first key.
    try (Reader r = TextFiles.reader(file)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      throw ClaimcheckException.usage("cannot read the configuration file", file + ": " + e.getMessage(),
          "Write key = value lines (Java properties, UTF-8)");
    }
    Map<String, String> values = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (SECRET.matcher(key).matches()) {
        throw ClaimcheckException.usage("secrets do not belong in the configuration file (key '" + key + "')",
            file.toString(), "Remove the line and set the environment variable instead, e.g. NCBI_API_KEY");
      }
      if (!KEYS.contains(key)) {
        throw ClaimcheckException.usage("unknown configuration key '" + key + "'", file.toString(),
            "Allowed keys: " + String.join(", ", KEYS.stream().sorted().toList()));
      }
      values.put(key, p.getProperty(key).strip());
    }
    return new RunConfig(values);
  }

  public String get(String key) {
    return values.get(key);
  }

  public Boolean bool(String key) {
    String v = values.get(key);
    if (v == null) {
      return null;
    }
    return switch (v.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw ClaimcheckException.usage("configuration key '" + key + "' must be true or false", v, null);
    };
  }

  /** The decimal number under {@code key} ({@code 0.6}, {@code .5}, {@code 1e-1}), or null when absent. */
  public Double number(String key) {
    String v = values.get(key);
    if (v == null) {
      return null;
    }
    Double d = decimal(v);
    if (d == null) {
      throw ClaimcheckException.usage("configuration key '" + key + "' must be a decimal number", v,
          "Write it like 0.6");
    }
    return d;
  }

  private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile(
      "[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d{1,3})?");

  /**
   * {@code text} as a plain decimal number, or null when it is none: Java's own parser also takes {@code NaN},
   * {@code Infinity}, hexadecimal ({@code 0x1p-1}) and suffixed ({@code 1d}) numbers, which no one means in a setting.
   */
  public static Double decimal(String text) {
    if (text == null || !DECIMAL.matcher(text).matches()) {
      return null;
    }
    double d = Double.parseDouble(text);
    return Double.isFinite(d) ? d : null;
  }

  /** The fetch options these settings give, starting from {@code base}. */
  public Fetcher.Options fetchOptions(Fetcher.Options base) {
    var o = base;
    String contact = get("fetch.contact");
    if (contact != null) {
      if (contact.isBlank() || contact.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
        throw ClaimcheckException.usage("configuration key 'fetch.contact' must be printable ASCII", contact,
            "Give a URL or a mailto: address site owners can reach");
      }
      o = o.withUserAgent(Fetcher.Options.userAgentFor(contact));
    }
    Integer threads = integer("fetch.threads", 1, 64);
    Integer delay = integer("fetch.hostDelaySeconds", 0, 3600);
    if (threads != null || delay != null) {
      o = o.withPoliteness(delay != null ? Duration.ofSeconds(delay) : o.hostDelay(), o.hostConcurrency(),
          threads != null ? threads : o.threads());
    }
    Integer timeout = integer("fetch.timeoutSeconds", 1, 3600);
    if (timeout != null) {
      o = o.withTimeouts(o.connectTimeout(), o.readTimeout(), Duration.ofSeconds(timeout));
    }
    Integer mb = integer("fetch.maxPageMegabytes", 1, 1024);
    if (mb != null) {
      o = o.withMaxBodyBytes(mb * 1024 * 1024);
    }
    Boolean priv = bool("fetch.allowPrivateAddresses");
    if (priv != null) {
      o = o.withAllowPrivateAddresses(priv);
    }
    return o;
  }

  /** The online abstract settings these keys give, starting from {@code base}. */
  public EutilsAbstracts.Settings pubmedSettings(EutilsAbstracts.Settings base) {
    java.net.URI url = base.baseUrl();
    String u = get("pubmed.url");
    if (u != null) {
      try {
        url = java.net.URI.create(u);
      } catch (IllegalArgumentException e) {
        url = null;
      }
      if (url == null || url.getScheme() == null || !url.getScheme().matches("https?") || url.getHost() == null) {
        throw ClaimcheckException.usage("configuration key 'pubmed.url' must be an http(s) URL", u,
            "Leave it out to use NCBI's E-utilities");
      }
    }
    String email = get("pubmed.email") != null ? get("pubmed.email") : base.email();
    Integer perClaim = integer("pubmed.perClaim", 1, 200);
    Integer maxSearches = integer("pubmed.maxSearches", 0, 100_000);
    Integer refresh = integer("pubmed.refreshDays", 0, 3650);
    Integer attempts = integer("pubmed.attempts", 1, 10);
    return new EutilsAbstracts.Settings(url, email, perClaim != null ? perClaim : base.perClaim(),
        maxSearches != null ? maxSearches : base.maxSearches(), refresh != null ? refresh : base.refreshDays(),
        attempts != null ? attempts : base.attempts());
  }

  /** The whole number under {@code key}, or null when absent; outside [min, max] is a usage error. */
  public Integer integer(String key, int min, int max) {
    String v = values.get(key);
    if (v == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw ClaimcheckException.usage("configuration key '" + key + "' must be a whole number from " + min + " to "
          + max, v, null);
    }
  }

  public List<Path> paths(String key) {
    String v = values.get(key);
    List<Path> out = new ArrayList<>();
    if (v != null) {
      for (String s : v.split(",")) {
        if (!s.isBlank()) {
          out.add(Path.of(s.strip()));
        }
      }
    }
    return out;
  }
}
