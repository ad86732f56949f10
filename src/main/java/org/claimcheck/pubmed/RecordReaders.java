package org.claimcheck.pubmed;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.claimcheck.ClaimcheckException;

/** Thread-safe (stateless). Opens the right {@link RecordReader} for an abstract file by its name. */
public final class RecordReaders {
  private RecordReaders() {}

  /** Whether {@code file} has a name this class can read. */
  public static boolean isSupported(Path file) {
    String n = baseName(file);
    return n.endsWith(".xml") || n.endsWith(".jsonl") || n.endsWith(".txt") || n.endsWith(".medline")
        || n.endsWith(".nbib");
  }

  /**
   * Opens {@code file}: PubMed XML ({@code .xml}), JSONL corpora ({@code .jsonl}) or MEDLINE text ({@code .txt},
   * {@code .medline}, {@code .nbib}), each optionally gzipped ({@code .gz}).
   */
  public static RecordReader open(Path file) throws IOException {
    String n = baseName(file);
    if (!isSupported(file)) {
      throw ClaimcheckException.usage("unsupported abstract file", file.toString(),
          "Give PubMed XML (.xml, .xml.gz), a JSONL corpus (.jsonl) or MEDLINE text (.txt, .medline, .nbib)");
    }
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    try {
      if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
        // No buffer on top: the XML splitter buffers itself, and a BufferedInputStream would drop the last bytes a
        // truncated .gz gives before it fails.
        in = gunzip(in);
      }
      if (n.endsWith(".xml")) {
        return new PubmedXmlReader(in, file.toString());
      }
      if (n.endsWith(".jsonl")) {
        return new JsonlCorpusReader(in);
      }
      return new MedlineReader(in);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** {@code in} decompressed; a gzip header that cannot be read is an IOException that says so. */
  static InputStream gunzip(InputStream in) throws IOException {
    try {
      return new GZIPInputStream(in, 1 << 16);
    } catch (IOException e) {
      throw new IOException("not a readable gzip file: " + (e.getMessage() == null ? "it ends inside its header"
          : e.getMessage()), e);
    }
  }

  private static String baseName(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
  }
}
