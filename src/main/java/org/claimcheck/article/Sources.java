package org.claimcheck.article;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.TextFiles;
import org.claimcheck.Tally;

/**
 * Thread-safe (stateless). Turns what the user named (URLs, files, directories, a sources list) into {@link Source}s.
 * Directories expand to the readable files under them, sorted by path so runs are repeatable; duplicates (the same
 * {@link Source#id}: one file named two ways, one URL with two #fragments) are dropped.
 */
public final class Sources {
  /** A comment in a sources list: {@code #} at the start of a line or after white space (a URL's #fragment is not). */
  private static final Pattern COMMENT = Pattern.compile("(?:^|\\s)#");

  private Sources() {}

  /**
   * Resolves command-line arguments. A missing file or an unsupported URL scheme is a usage error: the user typed it.
   */
  public static List<Source> resolve(List<String> args, Path workdir) {
    Map<String, Source> out = new LinkedHashMap<>();
    for (String arg : args) {
      for (Source s : resolveOne(arg, workdir, null, null)) {
        out.putIfAbsent(s.id(), s);
      }
    }
    return List.copyOf(out.values());
  }

  /**
   * Reads a sources list: one URL or path per line, {@code #} at the start of a line or after a space or tab starts a
   * comment, blank lines are ignored; relative paths are relative to the list's folder. A line that cannot work is
   * counted as SKIPPED in {@code tally} with its reason; the rest are read.
   */
  public static List<Source> readList(Path list, Path workdir, Tally tally) {
    return readList(list, workdir, tally, (line, reason) -> {});
  }

  /**
   * {@link #readList(Path, Path, Tally)}, also handing each line that cannot work to {@code skipped}: where it is
   * ({@code sources.txt:3 ftp://x}) and why, so that a command can list it with the sources.
   */
  public static List<Source> readList(Path list, Path workdir, Tally tally, BiConsumer<String, String> skipped) {
    return readList(list, workdir, tally, skipped, folder -> List.of());
  }

  /**
   * {@link #readList(Path, Path, Tally, BiConsumer)}, where a listed folder that is not there (tonight: a mount
   * missing, a folder moved) gives the sources {@code earlier} knows under it (an absolute, normalised path), whose
   * fetches then fail ("no such file") so that the nightly run keeps their last snapshots, as it does for a listed
   * file that is missing. A missing folder that {@code earlier} knows nothing under is skipped, counted.
   */
  public static List<Source> readList(Path list, Path workdir, Tally tally, BiConsumer<String, String> skipped,
      Function<Path, List<Source>> earlier) {
    List<String> lines;
    try (BufferedReader r = TextFiles.reader(list)) {
      lines = r.lines().toList();
    } catch (IOException | UncheckedIOException e) {
      throw new ClaimcheckException("cannot read the sources list", list + ": " + e.getMessage(),
          "Check that the file exists and is readable UTF-8 text");
    }
    Map<String, Source> out = new LinkedHashMap<>();
    Path base = list.toAbsolutePath().getParent();
    int lineNo = 0;
    for (String raw : lines) {
      lineNo++;
      Matcher comment = COMMENT.matcher(raw);
      String line = (comment.find() ? raw.substring(0, comment.start()) : raw).strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        for (Source s : resolveOne(line, workdir, base, earlier)) {
          out.putIfAbsent(s.id(), s);
        }
      } catch (ClaimcheckException e) {
        String where = list.getFileName() + ":" + lineNo + " " + line;
        tally.count("SKIPPED", e.what(), where);
        skipped.accept(where, e.what());
      }
    }
    return List.copyOf(out.values());
  }

  /** The readable files under a directory (symbolic links followed), sorted; an absent directory gives none. */
  public static List<Source> directory(Path dir, Path workdir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try {
      // Links followed (a linked folder was read as empty); a broken link stays, to fail at fetch as a missing file.
      return org.claimcheck.FileTrees.files(dir).stream()
          .filter(Source::isReadableFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .map(p -> Source.file(p, workdir))
          .toList();
    } catch (IOException e) {
      throw new ClaimcheckException("cannot list the folder", dir + ": " + e.getMessage(),
          "Check the folder's permissions");
    }
  }

  /**
   * The sources one argument or list line names. {@code earlier} is null for a command-line argument, and for a line
   * of a sources list the sources known under a missing folder: a file named in a sources list that is not there
   * (tonight) is still a source, whose fetch fails, so that the nightly run keeps its last snapshot's claims instead of
   * reporting them removed (and new again when the file is back); a missing folder stands for the files known under it.
   */
  private static List<Source> resolveOne(String arg, Path workdir, Path base, Function<Path, List<Source>> earlier) {
    boolean listed = earlier != null;
    String lower = arg.toLowerCase(Locale.ROOT);
    if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
      if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
        throw ClaimcheckException.usage("unsupported URL scheme", arg,
            "Sources must be http:// or https:// URLs, or local files");
      }
      try {
        URI uri = new URI(arg);
        if (uri.getHost() == null) {
          throw new URISyntaxException(arg, "no host");
        }
        return List.of(Source.url(uri));
      } catch (URISyntaxException e) {
        throw ClaimcheckException.usage("malformed URL", arg, "Write the URL in full, e.g. https://example.org/page");
      }
    }
    Path p = base == null ? Path.of(arg) : base.resolve(arg);
    if (Files.isDirectory(p)) {
      return directory(p, workdir);
    }
    if (listed && !Files.exists(p) && Source.isReadableFile(p)) {
      return List.of(Source.file(p, workdir));
    }
    if (listed && !Files.exists(p)) {
      List<Source> known = earlier.apply(p.toAbsolutePath().normalize());
      if (!known.isEmpty()) {
        return known;
      }
    }
    if (!Files.isRegularFile(p)) {
      throw ClaimcheckException.usage("no such file or folder", arg,
          "Name an existing .html, .htm, .html.gz or .txt file, a folder, or an http(s) URL");
    }
    if (!Source.isReadableFile(p)) {
      throw ClaimcheckException.usage("unsupported file type", arg,
          "Articles are read from .html, .htm, .html.gz and .txt files");
    }
    return List.of(Source.file(p, workdir));
  }

  /** The names of sources, for messages. */
  public static List<String> names(List<Source> sources) {
    List<String> names = new ArrayList<>();
    sources.forEach(s -> names.add(s.name()));
    return names;
  }
}
