package org.claimcheck.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;
import org.claimcheck.ClaimcheckException;

/**
 * Thread-safe. The English OpenNLP models, each loaded once from the classpath on first use and shared by all workers.
 *
 * <p>The models come from the Maven artifacts {@code org.apache.opennlp:opennlp-models-*-en}; each jar holds one
 * {@code .bin} at its root. Nothing is ever downloaded: OpenNLP's constructors that take a language name would fetch
 * models from the network behind the user's back, so they are not used. A missing model is a clear error.
 */
public final class NlpModels {
  /** Resource name of the sentence detector (Universal Dependencies English Web Treebank). */
  public static final String SENTENCE_MODEL = "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
  /** Resource name of the tokenizer. */
  public static final String TOKEN_MODEL = "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
  /** Resource name of the part-of-speech tagger (UD tags). */
  public static final String POS_MODEL = "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
  /** Resource name of the lemmatizer. */
  public static final String LEMMA_MODEL = "opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin";

  private NlpModels() {}

  private static final class Sentences {
    static final SentenceModel MODEL = load(SENTENCE_MODEL, SentenceModel::new);
  }

  private static final class Tokens {
    static final TokenizerModel MODEL = load(TOKEN_MODEL, TokenizerModel::new);
  }

  private static final class Pos {
    static final POSModel MODEL = load(POS_MODEL, POSModel::new);
  }

  private static final class Lemmas {
    static final LemmatizerModel MODEL = load(LEMMA_MODEL, LemmatizerModel::new);
  }

  static SentenceModel sentenceModel() {
    return Sentences.MODEL;
  }

  static TokenizerModel tokenizerModel() {
    return Tokens.MODEL;
  }

  static POSModel posModel() {
    return Pos.MODEL;
  }

  static LemmatizerModel lemmatizerModel() {
    return Lemmas.MODEL;
  }

  /** Model names and versions, for run manifests. */
  public static Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("opennlp", opennlp.tools.util.Version.currentVersion().toString());
    m.put("sentence", SENTENCE_MODEL);
    m.put("tokens", TOKEN_MODEL);
    m.put("pos", POS_MODEL);
    m.put("lemmas", LEMMA_MODEL);
    return m;
  }

  @FunctionalInterface
  private interface Loader<T> {
    T load(InputStream in) throws IOException;
  }

  private static <T> T load(String name, Loader<T> loader) {
    try (InputStream in = NlpModels.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new ClaimcheckException("OpenNLP model not found on the classpath", name,
            "Rebuild with ./mvnw package so that the opennlp-models-*-en jars are in target/lib");
      }
      return loader.load(in);
    } catch (IOException e) {
      throw new ClaimcheckException("OpenNLP model could not be read", name + ": " + e.getMessage(),
          "Rebuild with ./mvnw package; the model jar may be damaged", e);
    }
  }
}
