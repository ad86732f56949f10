package org.claimcheck.batch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The working folder's layout (see {@code ../shared/PIPELINE.md}): {@code corpus/} (sources, inbox, article snapshots,
 * PubMed files, the index), {@code claims/} and {@code reports/}.
 */
public record Workspace(Path root) {
  public Workspace {
    Objects.requireNonNull(root, "root");
    root = root.toAbsolutePath().normalize();
  }

  /** The working folder of this process. */
  public static Workspace current() {
    return new Workspace(Path.of(""));
  }

  public Path corpus() {
    return root.resolve("corpus");
  }

  public Path sourcesFile() {
    return corpus().resolve("sources.txt");
  }

  public Path inbox() {
    return corpus().resolve("inbox");
  }

  public Path articles() {
    return corpus().resolve("articles");
  }

  public Path pubmed() {
    return corpus().resolve("pubmed");
  }

  public Path index() {
    return corpus().resolve("index");
  }

  public Path claims() {
    return root.resolve("claims");
  }

  public Path reports() {
    return root.resolve("reports");
  }
}
