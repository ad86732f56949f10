package org.claimcheck.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Json;

/**
 * Thread-safe (stateless). Finds the recorded {@link Expectation} for an evaluation run: the built-in one whose suite,
 * input checksums and options all match, or one given explicitly with {@code --expect FILE}.
 */
public final class Expectations {
  private static final String DIR = "/org/claimcheck/eval/";

  private Expectations() {}

  /** Every built-in expectation, in the order of {@code expectations.list}. */
  public static List<Expectation> builtin() {
    List<Expectation> out = new ArrayList<>();
    try (InputStream list = Expectations.class.getResourceAsStream(DIR + "expectations.list")) {
      if (list == null) {
        return out;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        try (InputStream in = Expectations.class.getResourceAsStream(DIR + line)) {
          if (in == null) {
            throw new IllegalStateException("expectations.list names a missing file: " + line);
          }
          out.add(Json.MAPPER.readValue(in, Expectation.class));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Reads an expectation file given by the user. */
  public static Expectation read(Path file) {
    try {
      return Json.MAPPER.readValue(file.toFile(), Expectation.class);
    } catch (IOException e) {
      throw ClaimcheckException.usage("cannot read the expectation file", file + ": " + e.getMessage(),
          "Give a JSON file like those in src/main/resources/org/claimcheck/eval/");
    }
  }

  /**
   * The built-in expectation of {@code suite} for these inputs (role to SHA-256) and options, or null when none was
   * recorded for them. Options compare by their string form, so 0.9 and "0.9" match.
   */
  public static Expectation find(String suite, Map<String, String> inputs, Map<String, ?> options) {
    for (Expectation e : builtin()) {
      if (e.suite().equals(suite) && e.inputs().equals(inputs) && sameOptions(e.options(), options)) {
        return e;
      }
    }
    return null;
  }

  static boolean sameOptions(Map<String, ?> recorded, Map<String, ?> given) {
    if (!recorded.keySet().equals(given.keySet())) {
      return false;
    }
    for (var entry : recorded.entrySet()) {
      if (!Objects.equals(normalise(entry.getValue()), normalise(given.get(entry.getKey())))) {
        return false;
      }
    }
    return true;
  }

  private static String normalise(Object o) {
    if (o instanceof Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
    if (o instanceof String s) {
      try {
        return normalise(Double.parseDouble(s));
      } catch (NumberFormatException e) {
        return s;
      }
    }
    return String.valueOf(o);
  }
}
