package org.claimcheck;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Thread-safe (stateless). SHA-256 in hex: content hashes and the stable ids of articles and claims. */
public final class Hashes {
  private Hashes() {}

  /** SHA-256 of {@code bytes}, 64 lower-case hex digits. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from this JDK", e);
    }
  }

  /** SHA-256 of the UTF-8 bytes of {@code text}. */
  public static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The first 16 hex digits of the SHA-256 of {@code text}: a stable id. */
  public static String id(String text) {
    return sha256(text).substring(0, 16);
  }
}
