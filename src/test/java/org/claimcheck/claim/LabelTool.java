package org.claimcheck.claim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Prints every sentence of the articles in a folder with its index, hash and best score, as a starting point for hand
 * labels ({@link LabelledSet}): {@code file, index, hash, score, sentence, best claim}, tab-separated. Keep the text
 * out of the repository for articles that are not ours: label files hold only file, index, hash and label.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.mainClass=org.claimcheck.claim.LabelTool -Dexec.args=DIR</pre>
 */
public final class LabelTool {
  private LabelTool() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/articles");
    ClaimExtractor extractor = new ClaimExtractor(Lexicon.builtin());
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".html")).sorted().toList();
    }
    for (Path f : files) {
      Map<Integer, Claim> best = LabelledSet.best(extractor.extract(LabelledSet.article(f)));
      for (Map.Entry<Integer, Claim> e : best.entrySet()) {
        Claim c = e.getValue();
        System.out.printf(Locale.ROOT, "%s\t%d\t%s\t%.2f\t%s\t%s%n", f.getFileName(), e.getKey(),
            LabelledSet.hash(c.sentence()), c.checkWorthiness(), c.sentence(), c.claim());
      }
    }
  }
}
