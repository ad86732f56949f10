package org.claimcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.claimcheck.AtomicFiles;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Tally;
import org.claimcheck.batch.Progress;
import org.claimcheck.encoder.OnnxModel;
import org.claimcheck.index.AbstractIndexer;
import org.claimcheck.index.AbstractSearcher;
import org.claimcheck.index.DenseVectors;
import org.claimcheck.pubmed.RecordReaders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code claimcheck index}: builds or updates the abstract index. */
@Command(name = "index", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {"Builds or updates the Lucene index of abstracts from PubMed XML (.xml, .xml.gz), MEDLINE text "
        + "(.txt, .medline, .nbib) and SciFact/BEIR JSONL corpora (.jsonl), each also gzipped (.gz). Re-indexing a "
        + "record replaces it; DeleteCitation removes records; files apply in the order given (folders in name "
        + "order). With --dense every abstract also gets a bge-small-en-v1.5 vector for hybrid search (minutes per 10,000 abstracts on 2 cores: BM25 alone "
        + "suits PubMed-scale indexes); an index with vectors keeps getting them.",
        "Examples: claimcheck index --index corpus/index corpus/pubmed/",
        "          claimcheck index --dense --index corpus/scifact scifact/corpus.jsonl"})
public final class IndexCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Mixin
  IndexOption indexOption;

  @Mixin
  ProgressOption progressOption;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "INPUT",
      description = "Abstract files or folders of them (none with --dense: only add vectors to the index).")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--dense", description = "Add dense vectors (bge-small-en-v1.5) to every abstract, those already "
      + "in the index included, for hybrid search.")
  boolean dense;

  @Option(names = "--embedding-cache", paramLabel = "DIR", description = "Where computed vectors are kept, so that "
      + "no text is embedded twice (default: <index>-embeddings beside the index).")
  Path embeddingCache;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads that parse and index (default: one per processor).")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    List<Path> files = new ArrayList<>();
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        // Links followed (a linked folder was "no abstract files found"); a broken link is reported by the indexer.
        org.claimcheck.FileTrees.files(p).stream().filter(RecordReaders::isSupported)
            .sorted(Comparator.comparing(Path::toString)).forEach(files::add);
      } else if (!Files.isRegularFile(p)) {
        throw ClaimcheckException.usage("no such abstract file", p.toString(),
            "Give PubMed XML (.xml, .xml.gz), MEDLINE text (.txt, .medline, .nbib) or a JSONL corpus (.jsonl)");
      } else if (!RecordReaders.isSupported(p)) {
        throw ClaimcheckException.usage("unsupported abstract file", p.toString(),
            "Give PubMed XML (.xml, .xml.gz), MEDLINE text (.txt, .medline, .nbib) or a JSONL corpus (.jsonl)");
      } else {
        files.add(p);
      }
    }
    if (files.isEmpty() && !(dense && inputs.isEmpty())) {
      throw ClaimcheckException.usage("no abstract files found", String.join(" ", inputs.stream().map(Path::toString)
          .toList()), "Folders must hold .xml, .txt, .medline, .nbib or .jsonl files (or those gzipped)");
    }
    if (files.isEmpty() && AbstractIndexer.latestCommitData(indexOption.index).isEmpty()) {
      // index --dense without files adds vectors to an index; a mistyped --index made an empty one.
      throw ClaimcheckException.usage("no index to add vectors to", indexOption.index.toString(),
          "Name an existing index, or give abstract files to index with --dense");
    }
    AbstractIndexer.Options options = AbstractIndexer.Options.defaults();
    if (threads != null) {
      if (threads < 1 || threads > 256) {
        throw ClaimcheckException.usage("--threads must be between 1 and 256", Integer.toString(threads), null);
      }
      options = new AbstractIndexer.Options(threads, options.ramBufferMb());
    }
    Tally tally = new Tally("index");
    var err = spec.commandLine().getErr();
    long t0 = System.nanoTime();
    int size;
    boolean nothingMade = false;
    AbstractIndexer.requireUsable(indexOption.index);
    // When every input failed and there was no index before, none is made: a folder this command makes (the
    // index's, or a missing folder above it) is removed again, and an empty folder is left empty. An empty index
    // would be taken for a built one.
    boolean noIndexBefore = !AbstractSearcher.exists(indexOption.index);
    Path made = firstMissing(indexOption.index);
    boolean withVectors = dense || DenseVectors.indexModel(indexOption.index) != null;
    Path cache = embeddingCache != null ? embeddingCache : DenseVectors.defaultCache(indexOption.index);
    Path cacheMade = withVectors ? firstMissing(cache) : null;
    long embedded = 0;
    long cached = 0;
    long damaged = 0;
    boolean kept = true;
    // ONNX Runtime gets the cores the indexing workers leave, so that they do not fight over them.
    int onnxThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / options.threads());
    try (DenseVectors vectors = withVectors ? DenseVectors.open(cache, new OnnxModel.Options(onnxThreads, 1), "")
        : null;
        AbstractIndexer indexer = AbstractIndexer.open(indexOption.index, options, vectors)) {
      if (vectors != null) {
        if (!dense) {
          err.println("index: the index has dense vectors: new records get them too (cache " + cache + ")");
        }
        indexer.addMissingVectors(tally);
      }
      String older = indexer.olderThanRead(files);
      if (older != null) {
        err.println("warning: " + older);
      }
      try (Progress.Stage p = progressOption.progress(err).start("index", files.size(), "files")) {
        indexer.index(files, tally, f -> p.step());
      }
      nothingMade = noIndexBefore && tally.get("FAILED") > 0 && !anyGood(tally);
      if (!nothingMade) {
        indexer.commit();
      }
      size = indexer.size();
      if (vectors != null) {
        embedded = vectors.embedded();
        cached = vectors.cache().hits();
        damaged = vectors.cache().damaged();
        kept = vectors.cache().writable();
      }
    }
    if (nothingMade && made != null) {
      AtomicFiles.deleteRecursively(made);
    } else if (nothingMade) {
      Files.deleteIfExists(indexOption.index.resolve("write.lock"));
    }
    if (nothingMade && cacheMade != null) {
      AtomicFiles.deleteRecursively(cacheMade); // nothing was embedded: its folder holds no vector
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    tally.print(err);
    if (withVectors) {
      err.printf(Locale.ROOT, "vectors: %d texts embedded, %d read from the cache %s%s%s%n", embedded, cached, cache,
          damaged == 0 ? "" : "; " + damaged + " damaged cache entries embedded again",
          kept || embedded == 0 ? "" : "; the cache is not writable (another process holds it, or its folder cannot "
              + "be written): the new vectors were not kept");
    }
    long written = tally.get(AbstractIndexer.INDEXED) + tally.get(AbstractIndexer.REPLACED);
    err.printf(Locale.ROOT, "%d file%s, %d records in %.1f s (%,.0f records/s indexed, %d threads); %s%n",
        files.size(), files.size() == 1 ? "" : "s", tally.total() - tally.get("FAILED"), secs,
        written / Math.max(secs, 1e-9), options.threads(), nothingMade ? "no index was made in " + indexOption.index
            + ": nothing could be indexed" : "the index holds " + size + " abstracts");
    return anyGood(tally) || tally.get("FAILED") == 0 ? Main.OK : Main.FAILURE;
  }

  private static boolean anyGood(Tally tally) {
    return tally.get(AbstractIndexer.INDEXED) + tally.get(AbstractIndexer.REPLACED)
        + tally.get(AbstractIndexer.DELETED) > 0;
  }

  /** The outermost folder of {@code dir}'s path (itself included) that does not exist yet, or null when it exists. */
  private static Path firstMissing(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    Path missing = null;
    for (Path p = abs; p != null && !Files.exists(p); p = p.getParent()) {
      missing = p;
    }
    return missing;
  }
}
