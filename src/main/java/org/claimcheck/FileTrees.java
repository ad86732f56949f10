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
import java.util.List;
import java.util.Map;

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
   * Whether {@code p} is a better path than {@code had} for the same file: one that bears the file's own name (not
   * "latest.xml" for pubmed-0002.xml, also when both lie in linked folders), else one with fewer links in it.
   */
  private static boolean better(Path dir, Path p, Path had) {
    boolean own = ownName(p);
    if (own != ownName(had)) {
      return own;
    }
    return links(dir, p) < links(dir, had);
  }

  private static boolean ownName(Path p) {
    try {
      return p.getFileName().equals(p.toRealPath().getFileName());
    } catch (IOException e) {
      return false;
    }
  }

  /** How many of the names from {@code dir} down to {@code p} (the file included) are symbolic links. */
  private static int links(Path dir, Path p) {
    int n = 0;
    for (Path at = p; at != null && !at.equals(dir); at = at.getParent()) {
      if (Files.isSymbolicLink(at)) {
        n++;
      }
    }
    return n;
  }

  /**
   * Every regular file under {@code dir} (links followed; a file reached by two paths once: by a path bearing its own
   * name, with the fewest links in it, else the first), and every
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
    // One file reached by two paths (a link to a sibling folder, a link to a file beside it) is listed once: it was
    // read, indexed and reported twice. By the path with the fewest links in it, else the first: "latest.xml ->
    // pubmed-0002.xml" is read where pubmed-0002.xml stands in the name order (an update file read before the file it
    // updates deletes nothing).
    Map<Object, Path> chosen = new HashMap<>();
    for (Path p : out) {
      Object key = keys.get(p);
      if (key == null) {
        continue;
      }
      Path had = chosen.get(key);
      if (had == null || better(dir, p, had)) {
        chosen.put(key, p);
      }
    }
    List<Path> once = new ArrayList<>(out.size());
    for (Path p : out) {
      Object key = keys.get(p);
      if (key == null || chosen.get(key).equals(p)) {
        once.add(p);
      }
    }
    return once;
  }
}
