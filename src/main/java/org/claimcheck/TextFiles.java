package org.claimcheck;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Thread-safe (stateless). Text files people write: UTF-8, maybe with the byte-order mark Windows editors save. */
public final class TextFiles {
  /** What to do about a file that is not UTF-8, as every text input says it. */
  private static final String SAVE_AS_UTF8 = "Save it as UTF-8 (Excel: Save As \"CSV UTF-8\"), or convert "
      + "it: iconv -f WINDOWS-1252 -t UTF-8 FILE > NEW";

  private TextFiles() {}

  /**
   * {@code file} as UTF-8 text, past a byte-order mark at its start (Windows editors and Excel write one). Bytes that
   * are not UTF-8 (a Windows-1252 or Latin-1 file: Excel's plain "CSV" export) are a usage error, a
   * {@link ClaimcheckException} thrown by the read that meets them, naming the file and the line.
   */
  public static BufferedReader reader(Path file) throws IOException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    BufferedReader r = new BufferedReader(new Utf8Only(new InputStreamReader(Files.newInputStream(file), decoder),
        file));
    try {
      r.mark(1);
      if (r.read() != '\ufeff') {
        r.reset();
      }
    } catch (IOException | RuntimeException e) {
      r.close(); // a first character that is not UTF-8: the caller never gets the reader to close
      throw e;
    }
    return r;
  }

  /** Fails with {@link #notUtf8} when {@code file} is not UTF-8 text; reads the whole file. */
  public static void requireUtf8(Path file) throws IOException {
    try (BufferedReader r = reader(file)) {
      char[] buf = new char[8192];
      while (r.read(buf) >= 0) {
        // reading is the check
      }
    }
  }

  /**
   * The usage error for {@code file}, which is not UTF-8: "not UTF-8 text (FILE:LINE: byte 0xE9)". Reads the file
   * again to find the first byte that is not UTF-8.
   */
  public static ClaimcheckException notUtf8(Path file) {
    String where = file.toString();
    try (InputStream in = Files.newInputStream(file)) {
      where = file + firstBadByte(in);
    } catch (IOException e) {
      // the file as the place: the line is a help, not a need
    }
    return ClaimcheckException.usage("not UTF-8 text", where, SAVE_AS_UTF8);
  }

  /** ":LINE: byte 0xNN" for the first byte of {@code in} that is not UTF-8, or "" when there is none. */
  private static String firstBadByte(InputStream in) throws IOException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    CharBuffer chars = CharBuffer.allocate(1 << 16);
    long line = 1;
    boolean eof = false;
    while (true) {
      int n = eof ? -1 : in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
      int start = bytes.position();
      CoderResult cr = decoder.decode(bytes, chars, eof);
      for (int i = start; i < bytes.position(); i++) {
        if (bytes.get(i) == '\n') {
          line++;
        }
      }
      if (cr.isError()) {
        return ":" + line + ": byte 0x" + String.format(Locale.ROOT, "%02X", bytes.get(bytes.position()) & 0xff);
      }
      chars.clear();
      bytes.compact();
      if (eof && !cr.isOverflow()) {
        return "";
      }
    }
  }

  /** At most the first 100 characters of {@code s}, for messages that echo what the user gave. */
  public static String clip(String s) {
    if (s.length() <= 100) {
      return s;
    }
    return s.substring(0, Character.isHighSurrogate(s.charAt(96)) ? 96 : 97) + "...";
  }

  /**
   * Turns the decoder's CharacterCodingException into {@link #notUtf8}, which no caller's catch of IOException hides.
   */
  private static final class Utf8Only extends FilterReader {
    private final Path file;

    Utf8Only(Reader in, Path file) {
      super(in);
      this.file = file;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (CharacterCodingException e) {
        throw notUtf8(file);
      }
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      try {
        return super.read(cbuf, off, len);
      } catch (CharacterCodingException e) {
        throw notUtf8(file);
      }
    }
  }
}
