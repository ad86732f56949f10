package org.claimcheck;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Thread-safe (stateless). The files under a folder as people lay them out: symbolic links followed, to folders (a
 * mounted share linked into {@code corpus/inbox}, {@code abstracts = /data/pubmed/updatefiles}) and to files, the
 * folder itself may be a link, and a link loop is not followed twice. {@code Files.walk} without
 * {@code FOLLOW_LINKS} gave a linked folder as one entry that is not a regular file, so a run read it as empty and
 * said nothing.
 */
public final class FileTrees {
  private FileTrees() {}

  /**
   * Every regular file under {@code dir} (links followed; a file reached by two paths once, by the first), and every
   * link under it whose target is missing (a broken link is the reader's to report: it reads as a file that is not
   * there), sorted by path. An absent folder gives none.
   */
  public static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> out = new ArrayList<>();
    Map<Path, Object> keys = new HashMap<>();
    Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            // With links followed, a link whose target cannot be read is visited with the link's own attributes.
            if (attrs.isRegularFile() || attrs.isSymbolicLink()) {
              out.add(file);
              keys.put(file, attrs.fileKey());
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
              return FileVisitResult.CONTINUE;
            }
            // A folder this process may not read: one line saying which, not an internal error.
            throw new ClaimcheckException("cannot read a folder under " + dir, file + ": "
                + (e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.toString()),
                "Check the folder's permissions, or move it out of " + dir);
          }
        });
    out.sort(Comparator.comparing(Path::toString));
    // One file reached by two paths (a link to a sibling folder, a link to a file beside it) is listed once, by its
    // first path: it was read, indexed and reported twice.
    Set<Object> seen = new HashSet<>();
    List<Path> once = new ArrayList<>(out.size());
    for (Path p : out) {
      Object key = keys.get(p);
      if (key == null || seen.add(key)) {
        once.add(p);
      }
    }
    return once;
  }
}
