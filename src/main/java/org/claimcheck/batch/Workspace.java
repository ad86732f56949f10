package org.claimcheck.batch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Thread-safe (immutable). The working folder's layout (see {@code ../shared/PIPELINE.md}): {@code corpus/} (sources,
 * inbox, article snapshots, PubMed files, the index, the nightly run's state), {@code claims/} and {@code reports/}.
 */
public record Workspace(Path root) {
  public Workspace {
    Objects.requireNonNull(root, "root");
    root = root.toAbsolutePath().normalize();
  }

  /**
   * {@code p} as a person reads it from this process's folder: relative to it when inside it (reports/2026-11-22/...,
   * as before run printed absolute paths), absolute otherwise. Either way it resolves from where the command started.
   */
  public static Path shown(Path p) {
    Path here = Path.of("").toAbsolutePath().normalize();
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(here) && !abs.equals(here) ? here.relativize(abs) : abs;
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

  /**
   * What the nightly run remembers between runs so that it reprocesses only what changed: claims per article, verdicts,
   * the abstract files already indexed, and the run lock. Deleting it makes the next run a full one.
   */
  public Path state() {
    return corpus().resolve("state");
  }

  /** The lock file that keeps two runs from working in this folder at once. */
  public Path lockFile() {
    return state().resolve("run.lock");
  }

  public Path claims() {
    return root.resolve("claims");
  }

  public Path reports() {
    return root.resolve("reports");
  }
}
