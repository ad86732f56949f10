package org.claimcheck.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One per request. The parameters of a query string, decoded as UTF-8, with typed getters that answer 400 and name the
 * parameter and its allowed values when a value is wrong. Unknown parameters are an error, never silently ignored.
 */
final class Params {
  private static final int MAX_PARAMS = 64;

  private final Map<String, List<String>> values;

  private Params(Map<String, List<String>> values) {
    this.values = values;
  }

  /** Parses {@code rawQuery} (may be null) and checks every name is one of {@code allowed}. */
  static Params parse(String rawQuery, Set<String> allowed) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      String[] pairs = rawQuery.split("&", -1);
      if (pairs.length > MAX_PARAMS) {
        throw ApiException.badRequest("too many parameters", pairs.length + ", at most " + MAX_PARAMS, null);
      }
      for (String pair : pairs) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        if (!allowed.contains(name)) {
          throw ApiException.badRequest("unknown parameter", "'" + Views.clip(name, 40) + "'", allowed.isEmpty()
              ? "This address takes no parameters" : "Use " + String.join(", ", allowed.stream().sorted().toList()));
        }
        values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    return new Params(values);
  }

  /**
   * {@code s} with {@code +} as a space and %-escapes decoded as UTF-8, strictly: a malformed escape or bytes that are
   * not UTF-8 are a 400 (URLDecoder would put U+FFFD in their place and answer a question nobody asked).
   */
  static String decode(String s) {
    return decode(s, true, "malformed query string");
  }

  /**
   * A path segment of the request URI with its %-escapes decoded as UTF-8, as strictly as {@link #decode(String)};
   * {@code +} stays a plus sign, as URIs have it in paths.
   */
  static String decodePath(String s) {
    return decode(s, false, "malformed path");
  }

  private static String decode(String s, boolean plusIsSpace, String error) {
    if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
        int lo = hi < 0 ? -1 : Character.digit(s.charAt(i + 2), 16);
        if (lo < 0) {
          throw ApiException.badRequest(error, "bad %-escape in '" + Views.clip(s, 40) + "'",
              "Percent-encode parameter values as UTF-8");
        }
        bytes.write(hi << 4 | lo);
        i += 2;
        continue;
      }
      flush(bytes, out, s, error);
      out.append(c == '+' && plusIsSpace ? ' ' : c);
    }
    flush(bytes, out, s, error);
    return out.toString();
  }

  private static void flush(java.io.ByteArrayOutputStream bytes, StringBuilder out, String s, String error) {
    if (bytes.size() == 0) {
      return;
    }
    try {
      out.append(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())));
    } catch (java.nio.charset.CharacterCodingException e) {
      throw ApiException.badRequest(error, "%-escapes that are not UTF-8 in '"
          + Views.clip(s, 40) + "'", "Percent-encode parameter values as UTF-8");
    }
    bytes.reset();
  }

  /** The value of a single-valued parameter, or null when absent or blank. */
  String get(String name) {
    List<String> v = values.get(name);
    if (v == null) {
      return null;
    }
    if (v.size() > 1) {
      throw ApiException.badRequest("parameter given more than once", name, "Give " + name + " once");
    }
    String s = v.getFirst().strip();
    return s.isEmpty() ? null : s;
  }

  /** Every value of a repeatable parameter, stripped (blank ones too: the caller says whether they may be). */
  List<String> all(String name) {
    return values.getOrDefault(name, List.of()).stream().map(String::strip).toList();
  }

  /** An integer in {@code [min, max]}, or {@code fallback} when absent. */
  int integer(String name, int fallback, int min, int max) {
    Integer v = optionalInteger(name, min, max);
    return v == null ? fallback : v;
  }

  /** An integer in {@code [min, max]}, or null when absent. */
  Integer optionalInteger(String name, int min, int max) {
    String s = get(name);
    if (s == null) {
      return null;
    }
    int v;
    try {
      v = Integer.parseInt(s);
    } catch (NumberFormatException e) {
      // Digits past int's range are a number still, just far out of range.
      String what = s.matches("[+-]?[0-9]+") ? " out of range" : " must be a whole number";
      throw ApiException.badRequest("parameter " + name + what, "'" + Views.clip(s, 40) + "'",
          "Give a number from " + min + " to " + max);
    }
    if (v < min || v > max) {
      throw ApiException.badRequest("parameter " + name + " out of range", Integer.toString(v),
          "Give a number from " + min + " to " + max);
    }
    return v;
  }

  /** A boolean ({@code true}/{@code false}, also {@code 1}/{@code 0}, {@code on}), or {@code fallback} when absent. */
  boolean bool(String name, boolean fallback) {
    String s = get(name);
    if (s == null) {
      return fallback;
    }
    return switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "on", "yes" -> true;
      case "false", "0", "off", "no" -> false;
      default -> throw ApiException.badRequest("parameter " + name + " must be true or false",
          "'" + Views.clip(s, 40) + "'", null);
    };
  }
}
