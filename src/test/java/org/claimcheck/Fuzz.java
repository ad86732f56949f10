package org.claimcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The default suite's fuzzing: seeded mutation of a seed corpus, fed to the same check a Jazzer {@code @FuzzTest}
 * feeds (Jazzer's coverage-guided fuzzing runs on demand; see README "Tests").
 *
 * <p>Each target first replays its corpus (the files of {@code src/test/resources/<package>/<Class>Inputs/<method>/},
 * where Jazzer keeps its seeds and writes the inputs that failed), then checks {@code n} inputs made by stacking one to
 * four mutations on a corpus input: insert a dictionary token, delete, duplicate, repeat a range many times (deep
 * nesting, long runs), overwrite bytes, truncate, splice two inputs. The seed is printed, and
 * {@code -Dclaimcheck.fuzz.seed=S} repeats a run; {@code -Dclaimcheck.fuzz.inputs=N} sets how many inputs each target
 * gets (the long mode). A failing input is written to {@code target/fuzz-failures/} and named in the failure, with the
 * seed and its position.
 */
public final class Fuzz {
  private Fuzz() {}

  /** A check over one input; throws (an AssertionError, or the bug) when the input breaks it. */
  @FunctionalInterface
  public interface Check {
    void check(byte[] input) throws Exception;
  }

  /** What one target's run did. */
  public record Stats(String target, long seed, int corpus, int mutated, long slowestNanos, long totalNanos) {
    public int inputs() {
      return corpus + mutated;
    }
  }

  /** How many mutated inputs a target gets: {@code -Dclaimcheck.fuzz.inputs}, else {@code defaultInputs}. */
  /**
   * The seed of a fuzz run: {@code -Dclaimcheck.fuzz.seed=S} (or {@code random}); otherwise a fresh one in the long
   * mode ({@code -Dclaimcheck.fuzz.inputs} given) and a fixed one per target in the default suite, so that CI checks
   * the same inputs every time and a new finding comes from a long run, not from a build that happened to draw it.
   */
  public static long seed(String target) {
    String given = System.getProperty("claimcheck.fuzz.seed");
    if (given != null && !given.equals("random")) {
      return Long.parseLong(given);
    }
    if (given != null || System.getProperty("claimcheck.fuzz.inputs") != null) {
      return System.nanoTime();
    }
    return target.hashCode();
  }

  public static int inputs(int defaultInputs) {
    return Integer.getInteger("claimcheck.fuzz.inputs", defaultInputs);
  }

  /** The corpus of a Jazzer fuzz test method: the files under its Inputs folder, sorted by name. */
  public static List<byte[]> corpus(Class<?> test, String method) {
    String dir = test.getPackageName().replace('.', '/') + "/" + test.getSimpleName() + "Inputs/" + method;
    Path folder = TestData.resource(dir);
    try (var files = Files.list(folder)) {
      List<byte[]> out = new ArrayList<>();
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.add(Files.readAllBytes(f));
      }
      if (out.isEmpty()) {
        throw new IllegalStateException("empty corpus " + folder);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Dictionary tokens as UTF-8 bytes. */
  public static byte[][] dictionary(String... tokens) {
    byte[][] out = new byte[tokens.length][];
    for (int i = 0; i < tokens.length; i++) {
      out[i] = tokens[i].getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }

  /**
   * Replays {@code corpus}, then checks {@code n} mutated inputs. Prints the seed, the counts and the slowest input's
   * time; throws on the first input that fails its check.
   */
  public static Stats run(String target, List<byte[]> corpus, byte[][] dictionary, int n, Check check) {
    long seed = seed(target);
    Random random = new Random(seed);
    long slowest = 0;
    long total = 0;
    for (int i = 0; i < corpus.size() + n; i++) {
      byte[] input = i < corpus.size() ? corpus.get(i)
          : mutate(random, corpus.get(random.nextInt(corpus.size())), corpus, dictionary);
      long t0 = System.nanoTime();
      try {
        check.check(input);
      } catch (Throwable t) {
        Path saved = save(target, input);
        throw new AssertionError(String.format(Locale.ROOT, "fuzz %s: input %d (%s) failed with seed %d "
            + "(-Dclaimcheck.fuzz.seed=%d repeats it); the input is in %s: %s", target, i,
            i < corpus.size() ? "corpus" : "mutated", seed, seed, saved, t), t);
      }
      long dt = System.nanoTime() - t0;
      slowest = Math.max(slowest, dt);
      total += dt;
    }
    Stats s = new Stats(target, seed, corpus.size(), n, slowest, total);
    System.out.printf(Locale.ROOT, "fuzz %s: seed %d, %d inputs (%d corpus + %d mutated), 0 failures, slowest %.1f ms, "
        + "all %.1f s%n", target, seed, s.inputs(), s.corpus(), s.mutated(), slowest / 1e6, total / 1e9);
    return s;
  }

  /** One to four mutations stacked on {@code base}. */
  public static byte[] mutate(Random r, byte[] base, List<byte[]> corpus, byte[][] dictionary) {
    byte[] b = base;
    for (int k = 0, m = 1 + r.nextInt(4); k < m; k++) {
      int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
      switch (r.nextInt(8)) {
        case 0, 1 -> b = insert(b, at, dictionary[r.nextInt(dictionary.length)]);
        case 2 -> {
          int len = Math.min(b.length - at, 1 + r.nextInt(32));
          b = delete(b, at, len);
        }
        case 3 -> {
          int len = Math.min(b.length - at, 1 + r.nextInt(64));
          b = insert(b, at, Arrays.copyOfRange(b, at, at + len));
        }
        case 4 -> {
          // A short range, or a dictionary token, repeated up to a few thousand times: nesting, long runs, bombs.
          int len = Math.min(b.length - at, 1 + r.nextInt(12));
          byte[] unit = len > 0 && r.nextBoolean() ? Arrays.copyOfRange(b, at, at + len)
              : dictionary[r.nextInt(dictionary.length)];
          int times = 2 + r.nextInt(r.nextInt(8) == 0 ? 5000 : 50);
          byte[] run = new byte[Math.min(unit.length * times, 1 << 20)];
          for (int i = 0; i < run.length; i++) {
            run[i] = unit[i % unit.length];
          }
          b = insert(b, at, run);
        }
        case 5 -> {
          b = b.clone();
          for (int i = 0, c = 1 + r.nextInt(4); i < c && b.length > 0; i++) {
            b[r.nextInt(b.length)] = (byte) r.nextInt(256);
          }
        }
        case 6 -> b = Arrays.copyOf(b, at);
        default -> {
          byte[] other = corpus.get(r.nextInt(corpus.size()));
          int from = other.length == 0 ? 0 : r.nextInt(other.length);
          b = insert(b, at, Arrays.copyOfRange(other, from, Math.min(other.length, from + 1 + r.nextInt(512))));
        }
      }
    }
    return b;
  }

  private static byte[] insert(byte[] b, int at, byte[] piece) {
    byte[] out = new byte[b.length + piece.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(piece, 0, out, at, piece.length);
    System.arraycopy(b, at, out, at + piece.length, b.length - at);
    return out;
  }

  private static byte[] delete(byte[] b, int at, int len) {
    byte[] out = new byte[b.length - len];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(b, at + len, out, at, b.length - at - len);
    return out;
  }

  private static Path save(String target, byte[] input) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
      return Files.write(dir.resolve(target + "-" + Hashes.sha256(input).substring(0, 16)), input);
    } catch (IOException e) {
      return Path.of("(not saved: " + e.getMessage() + "; base64 " + Base64.getEncoder().encodeToString(
          Arrays.copyOf(input, Math.min(input.length, 2048))) + ")");
    }
  }
}
