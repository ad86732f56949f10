package org.claimcheck.article;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Where an article comes from: an http(s) URL or a local file.
 *
 * @param name the stable name the article id is derived from: the URL as given without its #fragment, or the file's
 *     path relative to the working folder (absolute when outside it), with forward slashes
 * @param uri the URL for remote sources (no fragment), null for files
 * @param path the file for local sources, null for URLs
 */
public record Source(String name, URI uri, Path path) {
  public Source {
    Objects.requireNonNull(name, "name");
    if ((uri == null) == (path == null)) {
      throw new IllegalArgumentException("a source is either a URL or a file: " + name);
    }
  }

  /** A URL; its #fragment, never sent, is dropped: {@code page} and {@code page#part} are one source. */
  public static Source url(URI uri) {
    URI page = uri;
    if (uri.getRawFragment() != null) {
      String s = uri.toString();
      page = URI.create(s.substring(0, s.indexOf('#')));
    }
    return new Source(page.toString(), page, null);
  }

  /** A local file, named relative to {@code workdir} when it lies inside it. */
  public static Source file(Path file, Path workdir) {
    Path abs = file.toAbsolutePath().normalize();
    Path base = workdir.toAbsolutePath().normalize();
    Path shown = abs.startsWith(base) ? base.relativize(abs) : abs;
    return new Source(shown.toString().replace('\\', '/'), null, abs);
  }

  public boolean isRemote() {
    return uri != null;
  }

  /** The stable article id: of the URL (without #fragment), or of a file's name. */
  public String id() {
    return Article.idFor(name);
  }

  /** Whether a local file has a name the text stage reads: .html, .htm, .html.gz, .htm.gz, .txt. */
  public static boolean isReadableFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".html.gz") || n.endsWith(".htm.gz")
        || n.endsWith(".txt");
  }

  @Override
  public String toString() {
    return name;
  }
}
