package org.claimcheck.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;

/**
 * One per worker thread (OpenNLP 2.5 {@code *ME} classes are not thread-safe). Splits text into sentences and tags
 * sentences with tokens, Universal Dependencies part-of-speech tags and, on request, lemmas. The models behind it are
 * shared ({@link NlpModels}); creating an annotator is cheap.
 *
 * <p>Sentence splitting is the statistical detector plus two repairs it needs on health pages: a line break always ends
 * a sentence (headings and list items rarely end with a full stop), and a split right after a known abbreviation
 * ("e.g.", "vs.", "et al.", "Fig.") or before a lower-case word is undone.
 */
public final class Annotator {
  private static final Set<String> ABBREVIATIONS = loadAbbreviations();

  private final SentenceDetectorME sentenceDetector;
  private TokenizerME tokenizer;
  private POSTaggerME tagger;
  private LemmatizerME lemmatizer;

  public Annotator() {
    this.sentenceDetector = new SentenceDetectorME(NlpModels.sentenceModel());
  }

  /** The sentences of {@code text}, with offsets into it. Blank lines and surrounding white space are dropped. */
  public List<Sentence> sentences(String text) {
    List<Sentence> out = new ArrayList<>();
    int lineStart = 0;
    int n = text.length();
    while (lineStart < n) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = n;
      }
      splitLine(text, lineStart, lineEnd, out);
      lineStart = lineEnd + 1;
    }
    return out;
  }

  private void splitLine(String text, int from, int to, List<Sentence> out) {
    String line = text.substring(from, to);
    if (line.isBlank()) {
      return;
    }
    Span[] spans = sentenceDetector.sentPosDetect(line);
    List<int[]> merged = new ArrayList<>();
    for (Span s : spans) {
      int start = s.getStart();
      int end = s.getEnd();
      if (!merged.isEmpty() && shouldJoin(line, merged.getLast(), start)) {
        merged.getLast()[1] = end;
      } else {
        merged.add(new int[] {start, end});
      }
    }
    for (int[] m : merged) {
      int start = m[0];
      int end = m[1];
      while (start < end && Character.isWhitespace(line.charAt(start))) {
        start++;
      }
      while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
        end--;
      }
      if (end > start) {
        out.add(new Sentence(line.substring(start, end), from + start, from + end));
      }
    }
  }

  /** Whether the split between {@code previous} and the sentence starting at {@code nextStart} is a false one. */
  static boolean shouldJoin(String line, int[] previous, int nextStart) {
    String prev = line.substring(previous[0], previous[1]).stripTrailing();
    if (!prev.endsWith(".")) {
      return false;
    }
    int i = nextStart;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    if (i >= line.length()) {
      return false;
    }
    char next = line.charAt(i);
    if (Character.isLowerCase(next)) {
      return true;
    }
    String lastWord = lastWord(prev).toLowerCase(Locale.ROOT);
    if (ABBREVIATIONS.contains(lastWord)) {
      return true;
    }
    // "et al." is two words.
    int space = prev.lastIndexOf(' ', prev.length() - lastWord.length() - 1);
    String lastTwo = prev.substring(space + 1).toLowerCase(Locale.ROOT);
    return ABBREVIATIONS.contains(lastTwo);
  }

  private static String lastWord(String s) {
    int i = s.length();
    while (i > 0 && !Character.isWhitespace(s.charAt(i - 1)) && s.charAt(i - 1) != '(') {
      i--;
    }
    return s.substring(i);
  }

  /** Tokens and part-of-speech tags of one sentence; lemmas too when {@code withLemmas}. */
  public Tagged tag(String sentence, boolean withLemmas) {
    if (tokenizer == null) {
      tokenizer = new TokenizerME(NlpModels.tokenizerModel());
      tagger = new POSTaggerME(NlpModels.posModel(), POSTagFormat.UD);
    }
    Span[] spans = tokenizer.tokenizePos(sentence);
    String[] tokens = Span.spansToStrings(spans, sentence);
    String[] tags = tagger.tag(tokens);
    List<Integer> starts = new ArrayList<>(spans.length);
    for (Span s : spans) {
      starts.add(s.getStart());
    }
    List<String> lemmas = List.of();
    if (withLemmas && tokens.length > 0) {
      if (lemmatizer == null) {
        lemmatizer = new LemmatizerME(NlpModels.lemmatizerModel());
      }
      lemmas = Arrays.asList(lemmatizer.lemmatize(tokens, tags));
    }
    return new Tagged(Arrays.asList(tokens), Arrays.asList(tags), starts, lemmas);
  }

  private static Set<String> loadAbbreviations() {
    Set<String> set = new HashSet<>();
    try (InputStream in = Annotator.class.getResourceAsStream("abbreviations.txt")) {
      if (in == null) {
        throw new IllegalStateException("abbreviations.txt missing from the claimcheck jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          set.add(line.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(set);
  }
}
