package org.claimcheck.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/** Thread-safe (stateless). HTML escaping, safe links and CSP hashes for the report page. */
final class Html {
  private Html() {}

  /**
   * Text or an attribute value with {@code & < > " '} escaped; control characters other than tab and newline go, and
   * the noncharacters U+FFFE and U+FFFF become U+FFFD.
   */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' || c == 0x7f) {
            sb.append(' ');
          } else if (c == '\ufffe' || c == '\uffff') {
            sb.append('\ufffd'); // noncharacters: HTML parsers may stop at U+FFFF (jsoup does)
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /**
   * {@code url} when it is an absolute http, https or file URL (the only kinds a report links to), else null: a
   * {@code javascript:} or {@code data:} URL from a page must never become a link.
   */
  static String safeUrl(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme();
      if (scheme == null) {
        return null;
      }
      String s = scheme.toLowerCase(Locale.ROOT);
      return s.equals("http") || s.equals("https") || s.equals("file") ? uri.toASCIIString() : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** The CSP source expression that allows exactly this inline script or style: {@code 'sha256-<base64>'}. */
  static String cspHash(String content) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(d) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from this JDK", e);
    }
  }
}
