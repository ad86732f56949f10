package org.claimcheck;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Thread-safe (stateless). Text files people write: UTF-8, maybe with the byte-order mark Windows editors save. */
public final class TextFiles {
  private TextFiles() {}

  /** {@code file} as UTF-8 text, past a byte-order mark at its start (Windows editors and Excel write one). */
  public static BufferedReader reader(Path file) throws IOException {
    BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    r.mark(1);
    if (r.read() != '\ufeff') {
      r.reset();
    }
    return r;
  }

  /** At most the first 100 characters of {@code s}, for messages that echo what the user gave. */
  public static String clip(String s) {
    if (s.length() <= 100) {
      return s;
    }
    return s.substring(0, Character.isHighSurrogate(s.charAt(96)) ? 96 : 97) + "...";
  }
}
