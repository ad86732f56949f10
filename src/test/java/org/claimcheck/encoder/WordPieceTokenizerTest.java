package org.claimcheck.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.claimcheck.TestData;
import org.junit.jupiter.api.Test;

class WordPieceTokenizerTest {
  static final WordPieceTokenizer TOKENIZER =
      WordPieceTokenizer.fromClasspath("/org/claimcheck/verify/stance-tokenizer.json");

  @Test
  void reproducesTheReferenceIds() throws IOException {
    List<String> lines = Files.readAllLines(TestData.resource("org/claimcheck/encoder/wordpiece-fixtures.tsv"),
        StandardCharsets.UTF_8);
    int checked = 0;
    for (String line : lines) {
      if (line.startsWith("#")) {
        continue;
      }
      int tab = line.lastIndexOf('\t');
      String text = line.substring(0, tab).replace("\\t", "\t");
      int[] expected = Arrays.stream(line.substring(tab + 1).split(" ")).mapToInt(Integer::parseInt).toArray();
      assertArrayEquals(expected, TOKENIZER.tokenize(text), text);
      checked++;
    }
    assertEquals(12, checked);
  }

  @Test
  void knownBertIds() {
    // BERT uncased: hello 7592, "," 1010, world 2088, "!" 999; una ##ff ##ord ##able.
    assertArrayEquals(new int[] {7592, 1010, 2088, 999}, TOKENIZER.tokenize("Hello, WORLD!"));
    assertArrayEquals(new int[] {14477, 4246, 8551, 3085}, TOKENIZER.tokenize("unaffordable"));
    assertArrayEquals(TOKENIZER.tokenize("cafe naive"), TOKENIZER.tokenize("Café naïve"));
    assertEquals(30522, TOKENIZER.vocabularySize());
  }

  @Test
  void wordsLongerThan100CharactersAreUnknown() {
    assertArrayEquals(new int[] {100}, TOKENIZER.tokenize("a".repeat(101)));
  }

  @Test
  void pairsHaveSeparatorsTypesAndTruncation() {
    Encoding e = TOKENIZER.encodePair("hello world", "hello", 48, 128);
    assertArrayEquals(new int[] {101, 7592, 2088, 102, 7592, 102}, e.ids());
    assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1}, e.typeIds());

    String longText = "word ".repeat(300);
    Encoding t = TOKENIZER.encodePair("claim " + "x ".repeat(100), longText, 48, 128);
    assertEquals(128, t.length());
    assertEquals(102, t.ids()[49], "the claim keeps 48 tokens, then [SEP]");
    assertEquals(102, t.ids()[127]);
    assertTrue(Arrays.stream(t.typeIds()).skip(50).allMatch(x -> x == 1));

    Encoding single = TOKENIZER.encode(longText, 16);
    assertEquals(16, single.length());
    assertEquals(101, single.ids()[0]);
    assertEquals(102, single.ids()[15]);
  }

  @Test
  void rejectsWhatItCannotRead() {
    String bpe = "{\"model\": {\"type\": \"BPE\", \"vocab\": {}}}";
    IOException e = assertThrows(IOException.class,
        () -> WordPieceTokenizer.read(new ByteArrayInputStream(bpe.getBytes(StandardCharsets.UTF_8))));
    assertTrue(e.getMessage().contains("WordPiece"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TOKENIZER.encodePair("a", "b", 48, 2));
  }
}
