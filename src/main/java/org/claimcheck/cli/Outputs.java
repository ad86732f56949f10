package org.claimcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.claimcheck.AtomicFiles;
import org.claimcheck.ClaimcheckException;

/** Where a command's data goes: an {@code --output} file, written atomically, or stdout. */
final class Outputs {
  private Outputs() {}

  @FunctionalInterface
  interface Body {
    void write(Writer w) throws IOException;
  }

  /** Fails early, before expensive work, when {@code --output}'s folder cannot be created or written. */
  static void checkWritable(Path output) {
    checkWritable(output, "--output");
  }

  /**
   * Fails early, before expensive work, with a usage error naming {@code option}, when {@code output} is a folder or
   * its folder cannot be created or written: a file is made there and removed, as the atomic write will make one
   * (a permission check alone passes for root in read-only places such as /proc).
   */
  static void checkWritable(Path output, String option) {
    if (output == null) {
      return;
    }
    Path dir = output.toAbsolutePath().getParent();
    String fix = "Give " + option + " a file in a folder you can write";
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw ClaimcheckException.usage("cannot create the output folder", dir.toString(), fix);
    }
    if (Files.isDirectory(output)) {
      throw ClaimcheckException.usage("the output file is a folder", option + " " + output, fix);
    }
    try {
      Files.delete(Files.createTempFile(dir, "." + output.getFileName() + ".", ".tmp"));
    } catch (IOException | SecurityException e) {
      throw ClaimcheckException.usage("cannot write the output file", option + " " + output, fix);
    }
  }

  static void write(Path output, PrintWriter out, Body body) throws IOException {
    if (output == null) {
      body.write(out);
      out.flush();
    } else {
      try {
        AtomicFiles.writeText(output, body::write);
      } catch (IOException e) {
        throw new ClaimcheckException("cannot write the output file", output + ": " + e.getClass().getSimpleName()
            + " " + e.getMessage(), "Check that its folder can be written and the disk has room", e);
      }
    }
  }

  /** Fails with a usage error when {@code file} is not a readable file. */
  static void requireFile(Path file, String what, String fix) {
    if (file == null || !Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw ClaimcheckException.usage("no such " + what, String.valueOf(file), fix);
    }
  }
}
