package org.claimcheck.article;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Thread-safe (immutable). The rules of one site's robots.txt for one crawler, after RFC 9309: the groups whose
 * user-agent line names the crawler's product token (case-insensitively), else the {@code *} groups; the longest
 * matching Allow or Disallow pattern decides ({@code *} wildcards, a final {@code $} anchors), Allow winning a tie; no
 * matching rule allows. {@code /robots.txt} itself is always allowed. Patterns and paths are compared in one
 * percent-encoding (RFC 9309 section 2.2.2, see {@link #normalise}), so {@code /a-%7Ex} matches {@code /a-~x} and
 * {@code /café} matches {@code /caf%C3%A9}. A {@code Crawl-delay} in the chosen groups is kept for the per-host delay.
 */
final class RobotsTxt {
  /** Everything allowed: no robots.txt (404), or one that says nothing to us. */
  static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of(), null, "no rules");

  private record Rule(boolean allow, String pattern, Pattern regex) {}

  private final List<Rule> rules;
  private final Duration crawlDelay;
  private final String origin;

  private RobotsTxt(List<Rule> rules, Duration crawlDelay, String origin) {
    this.rules = List.copyOf(rules);
    this.crawlDelay = crawlDelay;
    this.origin = origin;
  }

  /** Nothing allowed: the robots.txt could not be read (RFC 9309: a server error means complete disallow). */
  static RobotsTxt disallowAll(String why) {
    return new RobotsTxt(List.of(new Rule(false, "/", toRegex("/"))), null, why);
  }

  /** Where these rules come from, for messages ("no rules", "HTTP 503", ...). */
  String origin() {
    return origin;
  }

  /** The site's Crawl-delay for us, or null when it gives none. */
  Duration crawlDelay() {
    return crawlDelay;
  }

  /** Parses a robots.txt for the crawler whose product token is {@code token} (e.g. "claimcheck"). */
  static RobotsTxt parse(String text, String token) {
    String me = token.toLowerCase(Locale.ROOT);
    List<Rule> mine = new ArrayList<>();
    List<Rule> any = new ArrayList<>();
    Duration myDelay = null;
    Duration anyDelay = null;
    boolean matchedMe = false;
    boolean inAgents = false; // reading a run of user-agent lines
    boolean groupMe = false;
    boolean groupAny = false;
    String body = text.startsWith("\ufeff") ? text.substring(1) : text; // a UTF-8 byte-order mark, decoded
    for (String raw : body.split("\r\n|\r|\n")) {
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      switch (field) {
        case "user-agent" -> {
          if (!inAgents) {
            groupMe = false;
            groupAny = false;
          }
          inAgents = true;
          String agent = value.toLowerCase(Locale.ROOT).split("[/ ]", 2)[0]; // "claimcheck/0.1" names us too
          if (agent.equals("*")) {
            groupAny = true;
          } else if (agent.equals(me)) {
            groupMe = true;
            matchedMe = true;
          }
        }
        case "allow", "disallow" -> {
          inAgents = false;
          if (value.isEmpty()) {
            continue; // "Disallow:" with nothing allows everything
          }
          if (!value.startsWith("/") && !value.startsWith("*")) {
            value = "/" + value;
          }
          value = normalise(value);
          Rule rule = new Rule(field.equals("allow"), value, toRegex(value));
          if (groupMe) {
            mine.add(rule);
          }
          if (groupAny) {
            any.add(rule);
          }
        }
        case "crawl-delay" -> {
          inAgents = false;
          Duration d = seconds(value);
          if (d != null && groupMe) {
            myDelay = d;
          }
          if (d != null && groupAny) {
            anyDelay = d;
          }
        }
        default -> inAgents = false; // sitemap and unknown fields end a run of user-agent lines
      }
    }
    return matchedMe ? new RobotsTxt(mine, myDelay, "robots.txt") : new RobotsTxt(any, anyDelay, "robots.txt");
  }

  /** Whether the crawler may fetch {@code pathAndQuery} (the URL's raw path and query, "/" when empty). */
  boolean allows(String pathAndQuery) {
    String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : normalise(pathAndQuery);
    if (path.equals("/robots.txt")) {
      return true;
    }
    Rule best = null;
    for (Rule r : rules) {
      if (r.regex().matcher(path).lookingAt()) {
        if (best == null || r.pattern().length() > best.pattern().length()
            || r.pattern().length() == best.pattern().length() && r.allow() && !best.allow()) {
          best = r;
        }
      }
    }
    return best == null || best.allow();
  }

  /**
   * {@code s} (a pattern or a URL's path and query) in the one form rules and paths are compared in: {@code %XX} of an
   * unreserved character (letters, digits, {@code - . _ ~}) decoded, every other {@code %XX} kept with upper-case hex
   * ({@code %2F} stays an escaped slash), non-ASCII characters encoded as UTF-8 {@code %XX}; ASCII characters,
   * reserved ones and the pattern's {@code *} and {@code $} included, as they are.
   */
  static String normalise(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        int b = hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2));
        if (unreserved(b)) {
          out.append((char) b);
        } else {
          escape(out, b);
        }
        i += 3;
      } else if (c < 0x80) {
        out.append(c);
        i++;
      } else {
        int cp = s.codePointAt(i);
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
          escape(out, b & 0xFF);
        }
        i += Character.charCount(cp);
      }
    }
    return out.toString();
  }

  private static int hex(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10
        : -1;
  }

  private static boolean unreserved(int b) {
    return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '-' || b == '.' || b == '_'
        || b == '~';
  }

  private static void escape(StringBuilder out, int b) {
    out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
  }

  private static Pattern toRegex(String pattern) {
    boolean anchored = pattern.endsWith("$");
    String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
    StringBuilder re = new StringBuilder();
    for (String part : p.split("\\*", -1)) {
      if (!re.isEmpty()) {
        re.append(".*");
      }
      re.append(Pattern.quote(part));
    }
    if (anchored) {
      re.append("$");
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }

  private static Duration seconds(String value) {
    try {
      double s = Double.parseDouble(value);
      if (s >= 86400) {
        return Duration.ofDays(1); // a day or more (Infinity too): longer than any wait allowed, the site is refused
      }
      return s >= 0 ? Duration.ofMillis((long) (s * 1000)) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
