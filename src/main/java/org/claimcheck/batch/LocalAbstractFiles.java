package org.claimcheck.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import org.claimcheck.pubmed.RecordReaders;

/**
 * Thread-safe (immutable). The offline abstract acquisition: the abstract files named with {@code --abstracts} (files,
 * or folders searched recursively), then everything under {@code corpus/pubmed/}. Files are PubMed XML
 * ({@code .xml}, {@code .xml.gz}), MEDLINE text or JSONL corpora; hidden files are left out. Within a folder, files
 * come in name order: PubMed names its update files so that name order is publication order.
 */
public final class LocalAbstractFiles implements AbstractAcquisition {
  private final List<Path> given;
  private final Path pubmedDir;

  public LocalAbstractFiles(List<Path> given, Path pubmedDir) {
    this.given = List.copyOf(given);
    this.pubmedDir = pubmedDir;
  }

  @Override
  public String describe() {
    return "local abstract files (--abstracts and " + pubmedDir.getFileName() + "/)";
  }

  @Override
  public List<Path> acquire(Request request) throws IOException {
    LinkedHashSet<Path> files = new LinkedHashSet<>();
    for (Path p : given) {
      if (Files.isDirectory(p)) {
        files.addAll(under(p));
      } else {
        files.add(p.toAbsolutePath().normalize());
      }
    }
    files.addAll(under(pubmedDir));
    return new ArrayList<>(files);
  }

  static List<Path> under(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    // Links followed: a linked folder of update files was read as empty, and its deletions never applied. A broken
    // link stays in the list, so the index stage reports it as a file it cannot read.
    return org.claimcheck.FileTrees.files(dir).stream().filter(RecordReaders::isSupported)
        .filter(p -> !p.getFileName().toString().startsWith("."))
        .map(p -> p.toAbsolutePath().normalize())
        .sorted(Comparator.comparing(Path::toString)).toList();
  }
}
