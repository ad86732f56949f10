package org.claimcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {
  @TempDir
  Path dir;

  private List<String> names(Path root) throws IOException {
    return FileTrees.files(root).stream().map(p -> root.relativize(p).toString()).toList();
  }

  @Test
  void linkedFoldersAndFilesAreFollowedAndLoopsAreNot() throws IOException {
    // Files.walk without FOLLOW_LINKS gave a linked folder as one entry that is not a regular file: a run read a
    // linked inbox or update-file folder as empty and said nothing.
    Path real = Files.createDirectories(dir.resolve("elsewhere/pages"));
    Files.writeString(real.resolve("a.txt"), "a");
    Files.writeString(dir.resolve("elsewhere/b.txt"), "b");
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.writeString(root.resolve("own.txt"), "own");
    Files.createSymbolicLink(root.resolve("linked"), real);
    Files.createSymbolicLink(root.resolve("b-link.txt"), dir.resolve("elsewhere/b.txt"));
    Files.createSymbolicLink(root.resolve("gone.txt"), dir.resolve("elsewhere/nothing.txt"));
    Files.createSymbolicLink(real.resolve("loop"), root);
    // linked/loop leads back to root, which the walk is in: not followed again. The broken link is listed, for the
    // reader to report as a file that is not there.
    assertEquals(List.of("b-link.txt", "gone.txt", "linked/a.txt", "own.txt"), names(root));

    // The folder itself may be a link.
    Path link = Files.createSymbolicLink(dir.resolve("pages-link"), real);
    assertEquals(List.of(link.resolve("a.txt")), FileTrees.files(link).stream()
        .filter(p -> !p.toString().contains("loop")).toList());
    assertEquals(List.of(), FileTrees.files(dir.resolve("absent")));

    // A link to a sibling folder (or to a file beside it) reaches the same files twice: listed once, by the first path.
    Path pages = Files.createDirectories(dir.resolve("pages/a"));
    Files.writeString(pages.resolve("x.txt"), "x");
    Files.createSymbolicLink(dir.resolve("pages/b"), pages);
    Files.createSymbolicLink(dir.resolve("pages/y.txt"), pages.resolve("x.txt"));
    assertEquals(List.of("a/x.txt"), names(dir.resolve("pages")));

    // ... by the path without a link, not the first in name order: "latest.xml -> pubmed-0002.xml" read first put an
    // update file before the file it updates, and its deletions applied to nothing.
    Path abs = Files.createDirectories(dir.resolve("abs"));
    Files.writeString(abs.resolve("pubmed-0001.xml"), "1");
    Files.writeString(abs.resolve("pubmed-0002.xml"), "2");
    Files.createSymbolicLink(abs.resolve("latest.xml"), abs.resolve("pubmed-0002.xml"));
    assertEquals(List.of("pubmed-0001.xml", "pubmed-0002.xml"), names(abs));
    // ... also when the numbered files lie in a linked folder (both paths then hold one link).
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("pubmed-0001.xml"), "a");
    Files.writeString(data.resolve("pubmed-0002.xml"), "b");
    Path c = Files.createDirectories(dir.resolve("c"));
    Files.createSymbolicLink(c.resolve("updates"), data);
    Files.createSymbolicLink(c.resolve("latest.xml"), c.resolve("updates/pubmed-0002.xml"));
    assertEquals(List.of("updates/pubmed-0001.xml", "updates/pubmed-0002.xml"), names(c));
  }
}
