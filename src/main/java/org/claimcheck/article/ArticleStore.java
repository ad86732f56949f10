package org.claimcheck.article;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  /** Every stored article, sorted by id. */
  public List<Article> all() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Article> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
        Article a = get(p.getFileName().toString().replaceFirst("\\.json$", ""));
        if (a != null) {
          out.add(a);
        }
      }
    } catch (IOException e) {
      throw new ClaimcheckException("cannot list article snapshots", dir + ": " + e.getMessage(),
          "Check the folder's permissions");
    }
    return out;
  }
}
