package org.claimcheck.article;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import java.util.stream.Stream;
import org.claimcheck.AtomicFiles;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Json;

/**
 * Thread-safe for distinct articles. The article snapshots under {@code corpus/articles/}: for each article id, the raw
 * page ({@code <id>.raw.gz}) and its JSON record ({@code <id>.json}). Both are written atomically, the JSON last, so a
 * record always has its page.
 */
public final class ArticleStore {
  private final Path dir;

  public ArticleStore(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** The stored snapshot of {@code id}, or null when there is none or it cannot be read (it is then refetched). */
  public Article get(String id) {
    Path json = dir.resolve(id + ".json");
    if (!Files.isRegularFile(json)) {
      return null;
    }
    try {
      return Json.MAPPER.readValue(json.toFile(), Article.class);
    } catch (IOException e) {
      return null;
    }
  }

  /** Stores a snapshot: the raw page, then the record. */
  public void put(Article article, byte[] raw) {
    try {
      Files.createDirectories(dir);
      AtomicFiles.writeAtomically(dir.resolve(article.id() + ".raw.gz"), out -> {
        GZIPOutputStream gz = new GZIPOutputStream(out);
        gz.write(raw);
        gz.finish();
      });
      AtomicFiles.writeString(dir.resolve(article.id() + ".json"), Json.pretty(article) + "\n");
    } catch (IOException e) {
      throw new ClaimcheckException("cannot write the article snapshot", dir + ": " + e.getMessage(),
          "Check free disk space and the folder's permissions");
    }
  }

  /**
   * Rewrites the record of a snapshot whose page has not changed (new validators); the raw page stays as it is.
   */
  public void putRecord(Article article) {
    if (!Files.isRegularFile(dir.resolve(article.id() + ".raw.gz"))) {
      throw new IllegalArgumentException("no snapshot to update: " + article.id());
    }
    try {
      AtomicFiles.writeString(dir.resolve(article.id() + ".json"), Json.pretty(article) + "\n");
    } catch (IOException e) {
      throw new ClaimcheckException("cannot write the article snapshot", dir + ": " + e.getMessage(),
          "Check free disk space and the folder's permissions");
    }
  }

  /**
   * What {@link #all} found.
   *
   * @param articles the readable snapshots, sorted by id
   * @param unreadable the {@code .json} files that are not readable snapshots (cut short, damaged, not a snapshot),
   *     file name to why, sorted by name
   */
  public record Snapshots(List<Article> articles, Map<String, String> unreadable) {
    public Snapshots {
      articles = List.copyOf(articles);
      unreadable = Collections.unmodifiableMap(new TreeMap<>(unreadable));
    }
  }

  private static boolean endsTooEarly(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof com.fasterxml.jackson.core.io.JsonEOFException
          || String.valueOf(t.getMessage()).contains("end-of-input")) {
        return true;
      }
    }
    return false;
  }

  /** Every stored article, sorted by id, and every {@code .json} file that is not a readable snapshot, with why. */
  public Snapshots all() {
    if (!Files.isDirectory(dir)) {
      return new Snapshots(List.of(), Map.of());
    }
    List<Article> out = new ArrayList<>();
    Map<String, String> unreadable = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
        String name = p.getFileName().toString();
        String id = name.substring(0, name.length() - ".json".length());
        try {
          Article a = Json.MAPPER.readValue(p.toFile(), Article.class);
          if (a == null || a.id() == null) {
            unreadable.put(name, "not an article snapshot");
          } else if (a.id().equals(id)) {
            out.add(a);
          } else {
            unreadable.put(name, "not a snapshot of this folder (its id is " + a.id() + ")");
          }
        } catch (StreamReadException e) {
          unreadable.put(name, "not valid JSON (cut short or damaged)");
        } catch (DatabindException e) {
          // Jackson reports a file that ends too early as a binding error when it ends inside a value.
          unreadable.put(name, endsTooEarly(e) ? "not valid JSON (cut short or damaged)" : "not an article snapshot");
        } catch (IOException e) {
          unreadable.put(name, "cannot read: " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new ClaimcheckException("cannot list article snapshots", dir + ": " + e.getMessage(),
          "Check the folder's permissions");
    }
    return new Snapshots(out, unreadable);
  }
}
