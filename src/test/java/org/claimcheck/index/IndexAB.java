package org.claimcheck.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.claimcheck.AtomicFiles;

/**
 * Benchmark main: two or more builds of claimcheck in one JVM, indexing the same file in turn. On a shared machine this
 * is the fairest A/B there is: the builds meet the same neighbours within seconds of each other, and no JVM start or
 * warm-up differs between them. Each build's own classes and resources ({@code org.claimcheck}) come from its classes
 * folder; the libraries (Lucene, OpenNLP, ...) are this JVM's and shared. Each round indexes the whole file into a fresh
 * index with {@link AbstractIndexer} once per build, the order reversed every other round, and counts the process's
 * CPU time (all threads, GC included). Prints every run, then per build the median records per CPU second and, against
 * the first build, the median of the per-round ratios and how many rounds it won.
 *
 * <pre>
 * git worktree add /tmp/base REV &amp;&amp; (cd /tmp/base &amp;&amp; ./mvnw -q compile)
 * ./mvnw -q test-compile exec:java -Dexec.mainClass=org.claimcheck.index.IndexAB \
 *     -Dexec.args="--file /tmp/synth-30k.xml.gz --rounds 12 base=/tmp/base/target/classes new=target/classes"
 * </pre>
 *
 * Options: {@code --file F} (a PubMed file; {@code IndexBench --file F} writes a synthetic one), {@code --rounds R}
 * (12), {@code --warmup W} (2 rounds not counted), {@code --threads T} (processors), {@code --ram-mb M} (256); then
 * {@code name=folder} per build.
 */
public final class IndexAB {
  private IndexAB() {}

  public static void main(String[] args) throws Exception {
    Path file = null;
    int rounds = 12;
    int warmup = 2;
    int threads = Runtime.getRuntime().availableProcessors();
    int ramMb = 256;
    List<Build> builds = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("--") && i + 1 < args.length) {
        String v = args[++i];
        switch (a) {
          case "--file" -> file = Path.of(v);
          case "--rounds" -> rounds = Integer.parseInt(v);
          case "--warmup" -> warmup = Integer.parseInt(v);
          case "--threads" -> threads = Integer.parseInt(v);
          case "--ram-mb" -> ramMb = Integer.parseInt(v);
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
      } else if (a.indexOf('=') > 0) {
        builds.add(new Build(a.substring(0, a.indexOf('=')), Path.of(a.substring(a.indexOf('=') + 1)), threads, ramMb));
      } else {
        throw new IllegalArgumentException("expected --option value or name=classes-folder: " + a);
      }
    }
    if (file == null || !Files.isRegularFile(file) || builds.size() < 2 || rounds < 1) {
      throw new IllegalArgumentException("usage: --file PUBMED.xml.gz [--rounds R] name=classes name=classes ...");
    }
    int n = builds.size();
    double[][] perCpu = new double[n][rounds];
    Path tmp = Files.createTempDirectory("claimcheck-indexab-");
    try {
      for (int round = -warmup; round < rounds; round++) {
        for (int k = 0; k < n; k++) {
          int b = Math.floorMod(round, 2) == 0 ? k : n - 1 - k;
          Build build = builds.get(b);
          System.gc();
          long cpu0 = IndexBench.processCpuNanos();
          long t0 = System.nanoTime();
          long records = build.index(file, tmp.resolve(build.name + "-" + round));
          double cpu = (IndexBench.processCpuNanos() - cpu0) / 1e9;
          double wall = (System.nanoTime() - t0) / 1e9;
          if (round >= 0) {
            perCpu[b][round] = records / cpu;
          }
          System.out.printf(Locale.ROOT, "%s %s: %d records, %,.0f records/s, %,.0f per CPU second%s%n",
              round < 0 ? "warm-up" : "round " + (round + 1), build.name, records, records / wall, records / cpu,
              load());
        }
      }
    } finally {
      AtomicFiles.deleteRecursively(tmp);
    }
    for (int k = 0; k < n; k++) {
      System.out.printf(Locale.ROOT, "%s: median %,.0f records per CPU second (min %,.0f, max %,.0f)%n",
          builds.get(k).name, median(perCpu[k]), Arrays.stream(perCpu[k]).min().orElse(0),
          Arrays.stream(perCpu[k]).max().orElse(0));
    }
    for (int k = 1; k < n; k++) {
      double[] ratios = new double[rounds];
      int won = 0;
      for (int r = 0; r < rounds; r++) {
        ratios[r] = perCpu[k][r] / perCpu[0][r];
        won += ratios[r] > 1 ? 1 : 0;
      }
      System.out.printf(Locale.ROOT, "%s / %s: median ratio %.3f per CPU second, better in %d of %d rounds%n",
          builds.get(k).name, builds.get(0).name, median(ratios), won, rounds);
    }
  }

  private static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static String load() {
    try {
      return ", load " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** One build's indexer, reached by reflection through the build's own class loader. */
  private static final class Build {
    final String name;
    private final Object options;
    private final Method open;
    private final Method index;
    private final Method commit;
    private final Method get;
    private final Constructor<?> tally;

    Build(String name, Path classes, int threads, int ramMb) throws ReflectiveOperationException {
      if (!Files.isRegularFile(classes.resolve("org/claimcheck/index/AbstractIndexer.class"))) {
        throw new IllegalArgumentException(classes + " holds no compiled claimcheck (run ./mvnw -q compile there)");
      }
      this.name = name;
      ClassLoader loader = new BuildLoader(name, classes, IndexAB.class.getClassLoader());
      Class<?> indexer = loader.loadClass("org.claimcheck.index.AbstractIndexer");
      Class<?> optionsClass = loader.loadClass("org.claimcheck.index.AbstractIndexer$Options");
      Class<?> tallyClass = loader.loadClass("org.claimcheck.Tally");
      options = optionsClass.getConstructor(int.class, int.class).newInstance(threads, ramMb);
      open = indexer.getMethod("open", Path.class, optionsClass);
      index = indexer.getMethod("index", List.class, tallyClass);
      commit = indexer.getMethod("commit");
      get = tallyClass.getMethod("get", String.class);
      tally = tallyClass.getConstructor(String.class);
    }

    /** Indexes {@code file} into a fresh index at {@code dir}, deletes it; returns the records indexed. */
    long index(Path file, Path dir) throws Exception {
      try {
        Object t = tally.newInstance("index");
        try (Closeable indexer = (Closeable) open.invoke(null, dir, options)) {
          index.invoke(indexer, List.of(file), t);
          commit.invoke(indexer);
        }
        return (long) get.invoke(t, AbstractIndexer.INDEXED) + (long) get.invoke(t, AbstractIndexer.REPLACED);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      } finally {
        AtomicFiles.deleteRecursively(dir);
      }
    }
  }

  /** Child first for claimcheck's own classes and resources, from one build's classes folder; the rest from the parent. */
  private static final class BuildLoader extends ClassLoader {
    private final Path classes;

    BuildLoader(String name, Path classes, ClassLoader parent) {
      super(name, parent);
      this.classes = classes;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("org.claimcheck.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          Path f = classes.resolve(name.replace('.', '/') + ".class");
          try {
            byte[] b = Files.readAllBytes(f);
            c = defineClass(name, b, 0, b.length);
          } catch (IOException e) {
            throw new ClassNotFoundException(name + " is not in " + classes, e);
          }
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }

    @Override
    public URL getResource(String name) {
      Path f = classes.resolve(name);
      if (name.startsWith("org/claimcheck/") && Files.isRegularFile(f)) {
        try {
          return f.toUri().toURL();
        } catch (MalformedURLException e) {
          throw new UncheckedIOException(e);
        }
      }
      return super.getResource(name);
    }
  }
}
