package org.claimcheck.encoder;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Json;

/**
 * Thread-safe (immutable). The BERT WordPiece tokenizer of a Hugging Face {@code tokenizer.json} (BertNormalizer with
 * lower-casing, BertPreTokenizer, WordPiece with {@code ##} continuations), as used by bge-small-en-v1.5 and
 * claimcheck's stance model. No native code: it reads the vocabulary and applies the same rules as Hugging Face's
 * tokenizers for these settings (text cleaning, CJK spacing, lower case, accents stripped, whitespace and punctuation
 * split, greedy longest-match-first word pieces, {@code [UNK]} for words longer than 100 characters or without a
 * match).
 */
public final class WordPieceTokenizer {
  private final Map<String, Integer> vocab;
  private final int unk;
  private final int cls;
  private final int sep;
  private final int pad;
  private final int maxCharsPerWord;

  private WordPieceTokenizer(Map<String, Integer> vocab, String unkToken, int maxCharsPerWord) {
    this.vocab = Map.copyOf(vocab);
    this.unk = id(unkToken);
    this.cls = id("[CLS]");
    this.sep = id("[SEP]");
    this.pad = id("[PAD]");
    this.maxCharsPerWord = maxCharsPerWord;
  }

  private int id(String token) {
    Integer id = vocab.get(token);
    if (id == null) {
      throw new IllegalArgumentException("the vocabulary has no " + token);
    }
    return id;
  }

  /** Reads a {@code tokenizer.json} from the classpath, e.g. {@code /org/claimcheck/verify/stance-tokenizer.json}. */
  public static WordPieceTokenizer fromClasspath(String resource) {
    try (InputStream in = WordPieceTokenizer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ClaimcheckException("tokenizer missing from the classpath", resource,
            "Rebuild claimcheck (./mvnw package); the tokenizer ships inside the jar");
      }
      return read(in);
    } catch (IOException e) {
      throw new ClaimcheckException("cannot read the tokenizer", resource + ": " + e.getMessage(),
          "Rebuild claimcheck (./mvnw package)");
    }
  }

  /** Reads a {@code tokenizer.json}; the stream stays open. */
  public static WordPieceTokenizer read(InputStream in) throws IOException {
    JsonNode root = Json.MAPPER.readTree(in);
    JsonNode model = root.path("model");
    if (!"WordPiece".equals(model.path("type").asText())) {
      throw new IOException("not a WordPiece tokenizer.json: model.type = " + model.path("type").asText());
    }
    JsonNode normalizer = root.path("normalizer");
    if (!normalizer.isMissingNode() && !normalizer.isNull()
        && (!"BertNormalizer".equals(normalizer.path("type").asText()) || !normalizer.path("lowercase").asBoolean())) {
      throw new IOException("only lower-casing BertNormalizer tokenizers are supported: " + normalizer);
    }
    Map<String, Integer> vocab = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = model.path("vocab").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      vocab.put(e.getKey(), e.getValue().asInt());
    }
    if (vocab.isEmpty()) {
      throw new IOException("tokenizer.json has an empty vocabulary");
    }
    return new WordPieceTokenizer(vocab, model.path("unk_token").asText("[UNK]"),
        model.path("max_input_chars_per_word").asInt(100));
  }

  public int vocabularySize() {
    return vocab.size();
  }

  public int padId() {
    return pad;
  }

  /** Token ids of {@code text}, without {@code [CLS]} / {@code [SEP]}. */
  public int[] tokenize(String text) {
    List<Integer> ids = new ArrayList<>();
    for (String word : words(text)) {
      wordPieces(word, ids);
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  /** {@code [CLS] text [SEP]}, truncated to {@code maxLength} tokens. */
  public Encoding encode(String text, int maxLength) {
    checkMax(maxLength, 2);
    int[] a = tokenize(text);
    int n = Math.min(a.length, maxLength - 2);
    int[] ids = new int[n + 2];
    ids[0] = cls;
    System.arraycopy(a, 0, ids, 1, n);
    ids[n + 1] = sep;
    return new Encoding(ids, new int[ids.length]);
  }

  /**
   * {@code [CLS] first [SEP] second [SEP]}: {@code first} keeps at most {@code maxFirst} tokens, {@code second}
   * fills the rest up to {@code maxLength}. Token type 0 for the first segment and its separators, 1 for the second.
   */
  public Encoding encodePair(String first, String second, int maxFirst, int maxLength) {
    checkMax(maxLength, 3);
    int[] a = tokenize(first);
    int na = Math.min(a.length, Math.min(maxFirst, maxLength - 3));
    int[] b = tokenize(second);
    int nb = Math.min(b.length, Math.max(0, maxLength - 3 - na));
    int[] ids = new int[na + nb + 3];
    int[] types = new int[ids.length];
    ids[0] = cls;
    System.arraycopy(a, 0, ids, 1, na);
    ids[na + 1] = sep;
    System.arraycopy(b, 0, ids, na + 2, nb);
    ids[ids.length - 1] = sep;
    for (int i = na + 2; i < ids.length; i++) {
      types[i] = 1;
    }
    return new Encoding(ids, types);
  }

  private static void checkMax(int maxLength, int least) {
    if (maxLength < least || maxLength > 512) {
      throw new IllegalArgumentException("maxLength must be " + least + "..512: " + maxLength);
    }
  }

  /** Normalised words and punctuation marks, as BertNormalizer + BertPreTokenizer split them. */
  List<String> words(String text) {
    String s = normalize(text);
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (isWhitespace(cp)) {
        flush(cur, out);
      } else if (isPunctuation(cp)) {
        flush(cur, out);
        out.add(new String(Character.toChars(cp)));
      } else {
        cur.appendCodePoint(cp);
      }
    }
    flush(cur, out);
    return out;
  }

  private static void flush(StringBuilder cur, List<String> out) {
    if (!cur.isEmpty()) {
      out.add(cur.toString());
      cur.setLength(0);
    }
  }

  static String normalize(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == 0 || cp == 0xFFFD) {
        continue;
      }
      if (isWhitespace(cp)) {
        b.append(' ');
        continue;
      }
      int type = Character.getType(cp);
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
          || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
        continue;
      }
      if (isCjk(cp)) {
        b.append(' ').appendCodePoint(cp).append(' ');
        continue;
      }
      b.appendCodePoint(cp);
    }
    String lower = b.toString().toLowerCase(java.util.Locale.ROOT);
    String nfd = Normalizer.normalize(lower, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(nfd.length());
    for (int i = 0; i < nfd.length(); ) {
      int cp = nfd.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.getType(cp) != Character.NON_SPACING_MARK) {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  private static boolean isWhitespace(int cp) {
    return cp == '\t' || cp == '\n' || cp == '\r' || Character.getType(cp) == Character.SPACE_SEPARATOR
        || Character.isWhitespace(cp);
  }

  private static boolean isPunctuation(int cp) {
    if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION -> true;
      default -> false;
    };
  }

  private static boolean isCjk(int cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
        || (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B820 && cp <= 0x2CEAF)
        || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
  }

  private void wordPieces(String word, List<Integer> out) {
    if (word.codePointCount(0, word.length()) > maxCharsPerWord) {
      out.add(unk);
      return;
    }
    int mark = out.size();
    int start = 0;
    while (start < word.length()) {
      int end = word.length();
      Integer found = null;
      while (start < end) {
        String sub = start == 0 ? word.substring(0, end) : "##" + word.substring(start, end);
        found = vocab.get(sub);
        if (found != null) {
          break;
        }
        end = word.offsetByCodePoints(end, -1);
      }
      if (found == null) {
        out.subList(mark, out.size()).clear();
        out.add(unk);
        return;
      }
      out.add(found);
      start = end;
    }
  }
}
