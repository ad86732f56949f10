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

  /** Fails early, before expensive work, when {@code output}'s folder cannot be created or written. */
  static void checkWritable(Path output) {
    if (output == null) {
      return;
    }
    Path dir = output.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw ClaimcheckException.usage("cannot create the output folder", dir.toString(),
          "Choose an --output path in a folder you can write");
    }
    if (!Files.isWritable(dir) || Files.isDirectory(output)) {
      throw ClaimcheckException.usage("cannot write the output file", output.toString(),
          "Choose an --output path in a folder you can write");
    }
  }

  static void write(Path output, PrintWriter out, Body body) throws IOException {
    if (output == null) {
      body.write(out);
      out.flush();
    } else {
      AtomicFiles.writeText(output, body::write);
    }
  }

  /** Fails with a usage error when {@code file} is not a readable file. */
  static void requireFile(Path file, String what, String fix) {
    if (file == null || !Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw ClaimcheckException.usage("no such " + what, String.valueOf(file), fix);
    }
  }
}
