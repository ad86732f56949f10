package org.claimcheck.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Tally;
import org.claimcheck.pubmed.PubmedRecord;
import org.claimcheck.pubmed.RecordReader;
import org.claimcheck.pubmed.RecordReaders;

/**
 * Thread-safe. Builds and updates the abstract index. Every entry ends INDEXED (new), REPLACED (an older copy existed),
 * DELETED, or SKIPPED with a reason, counted in the caller's {@link Tally}.
 *
 * <p>Files are read on the calling thread and their records parsed, split into sentences and indexed on worker threads
 * ({@link Options#threads()}); every entry of one id goes to the same worker, so deletions and newer versions apply in
 * file order, files in the order given. Memory stays bounded whatever the file size: at most
 * {@link #MAX_BYTES_IN_FLIGHT} of unparsed records wait for the workers, and the versions seen since the last commit
 * take one byte per PMID ({@link SessionVersions}).
 *
 * <p>Nothing is visible on disk until {@link #commit()}: a run killed part-way leaves the last commit intact. Closing
 * without committing discards what was added since the last commit. Abstracts without a sentence split get one from
 * {@link SentenceSplitter}; sentence lists a corpus gives are kept as they are.
 */
public final class AbstractIndexer implements Closeable {
  /** Outcome names counted per entry. */
  public static final String INDEXED = "INDEXED";
  public static final String REPLACED = "REPLACED";
  public static final String DELETED = "DELETED";
  public static final String SKIPPED = "SKIPPED";

  /** Unparsed record bytes allowed to wait for the workers. */
  static final int MAX_BYTES_IN_FLIGHT = 64 << 20;

  /**
   * How to index.
   *
   * @param threads worker threads that parse and index records (at least 1)
   * @param ramBufferMb memory Lucene buffers before it writes a segment
   */
  public record Options(int threads, int ramBufferMb) {
    public Options {
      if (threads < 1 || threads > 256) {
        throw new IllegalArgumentException("threads must be between 1 and 256: " + threads);
      }
      if (ramBufferMb < 16) {
        throw new IllegalArgumentException("ramBufferMb must be at least 16: " + ramBufferMb);
      }
    }

    /** One worker per processor, 256 MB of indexing buffer. */
    public static Options defaults() {
      return new Options(Runtime.getRuntime().availableProcessors(), 256);
    }
  }

  private final Path path;
  private final Directory directory;
  private final IndexWriter writer;
  private final Options options;
  private final SessionVersions session = new SessionVersions();
  private volatile DirectoryReader committed;
  /** Adds a vector to every document, or null for a BM25-only index. */
  private final DenseVectors dense;

  private AbstractIndexer(Path path, Directory directory, IndexWriter writer, DirectoryReader committed,
      Options options, DenseVectors dense) throws IOException {
    this.path = path;
    this.directory = directory;
    this.writer = writer;
    this.committed = committed;
    this.options = options;
    this.dense = dense;
    this.lastPubmedFile = committed == null ? null
        : committed.getIndexCommit().getUserData().get(LAST_PUBMED_FILE_KEY);
  }

  /**
   * Commit user-data key: the name of the latest PubMed baseline or update file ({@code pubmed25n1400.xml.gz}: the
   * highest year, then number) this index has read whole, so that reading an older one again can be flagged
   * ({@link #olderThanRead}).
   */
  static final String LAST_PUBMED_FILE_KEY = "claimcheck.pubmed.lastFile";

  /**
   * Commit user data naming the run that made the commit ({@link #commit(Map)}): a later commit by anyone else
   * carries its own data, so a marker naming a run recognises that run's commit and no other.
   */
  public static final String RUN_KEY = "claimcheck.run";
  /**
   * A PubMed baseline or update file's name anywhere in a file's name ({@code pubmed26n0001.xml.gz}, also as
   * {@code a__pubmed26n0001.xml} or {@code pubmed26n0001 (1).xml}), the name ending in .xml or .xml.gz.
   */
  private static final Pattern PUBMED_FILE = Pattern.compile(
      "(?<![a-z0-9])pubmed(\\d{2})n(\\d{4,9})(?!\\d)(?=.*\\.xml(?:\\.gz)?$)", Pattern.CASE_INSENSITIVE);
  /** See {@link #LAST_PUBMED_FILE_KEY}; null when none. Written by the reading thread. */
  private volatile String lastPubmedFile;

  /**
   * Where a PubMed baseline or update file comes in PubMed's order, from the PubMed name in its name (renamed or
   * prefixed copies too: {@code b__pubmed26n0001.xml}): the year's baseline and updates by number, a later year's
   * after them all ({@code pubmed26n0001} after {@code pubmed25n1400}); -1 for other names.
   */
  static long pubmedFileOrder(String name) {
    if (name == null) {
      return -1;
    }
    Matcher m = PUBMED_FILE.matcher(name);
    return m.find() ? Long.parseLong(m.group(1)) * 1_000_000_000L + Long.parseLong(m.group(2)) : -1;
  }

  /**
   * A warning when {@code files} read a PubMed file that comes before the latest one read, this index's earlier or
   * before it in {@code files}, and no file as late follows it: the older file's records replace what later update
   * files revised, and records they deleted come back (PubMed keeps the version of a revised record, so the version
   * check cannot tell). Null when there is nothing to warn about.
   */
  public String olderThanRead(List<Path> files) {
    int n = files.size();
    long[] order = new long[n];
    for (int i = 0; i < n; i++) {
      order[i] = pubmedFileOrder(files.get(i).getFileName().toString());
    }
    long[] laterMax = new long[n + 1]; // laterMax[i]: the latest order among files i.. (-1: none)
    laterMax[n] = -1;
    for (int i = n - 1; i >= 0; i--) {
      laterMax[i] = Math.max(order[i], laterMax[i + 1]);
    }
    String latest = lastPubmedFile;
    String committedLatest = latest;
    List<String> older = new ArrayList<>();
    String olderThan = null;
    long highest = pubmedFileOrder(latest);
    for (int i = 0; i < n; i++) {
      if (order[i] < 0) {
        continue;
      }
      if (order[i] >= highest) {
        latest = files.get(i).getFileName().toString();
        highest = order[i];
      } else if (laterMax[i + 1] < highest) {
        older.add(files.get(i).getFileName().toString());
        olderThan = olderThan == null ? latest : olderThan;
      }
    }
    if (older.isEmpty()) {
      return null;
    }
    return (older.size() == 1 ? older.get(0) + " is" : older.size() + " files (" + older.get(0) + ", ...) are")
        + " older than " + olderThan + (olderThan.equals(committedLatest) ? ", which this index has read"
        : ", which is read before it") + ": records that later update files revised go back to the older text and"
        + " records they deleted come back. Index the update files from there on again after it, in order";
  }

  /** Opens the index at {@code dir}, creating it when absent; an index of another schema version is refused. */
  public static AbstractIndexer open(Path dir) {
    return open(dir, Options.defaults());
  }

  /**
   * As {@link #open(Path)}, with options. An index with vectors keeps getting them: the encoder is loaded, with the
   * cache beside the index ({@link DenseVectors#defaultCache}).
   */
  public static AbstractIndexer open(Path dir, Options options) {
    return open(dir, options, null);
  }

  /**
   * As {@link #open(Path, Options)}; with {@code dense} (still the caller's to close) every record gets a vector
   * ({@link IndexSchema#VECTOR}) and {@link #addMissingVectors} gives one to the records indexed without.
   */
  public static AbstractIndexer open(Path dir, Options options, DenseVectors dense) {
    return open(dir, options, dense, false);
  }

  /**
   * Opens the index at {@code dir} to be built again from nothing, whatever it holds (an index this claimcheck
   * refuses included): the first {@link #commit} replaces it, and until then readers see the old one. An index with
   * vectors gets them again, from the model it names.
   */
  public static AbstractIndexer rebuild(Path dir) {
    return open(dir, Options.defaults(), null, true);
  }

  /**
   * Why this claimcheck cannot use the index at {@code dir} (e.g. "schema version 3, this claimcheck needs 4"), or
   * null when it can, or when there is no index there.
   */
  public static String incompatibility(Path dir) {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    try (Directory d = FSDirectory.open(dir)) {
      return IndexCheck.incompatibility(d);
    } catch (IOException e) {
      return "unreadable: " + e.getMessage();
    }
  }

  /** The user data of the latest commit of the index at {@code dir}; empty when there is none or it cannot be read. */
  public static Map<String, String> latestCommitData(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Map.of();
    }
    try (Directory d = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(d) ? SegmentInfos.readLatestCommit(d).getUserData() : Map.of();
    } catch (IOException e) {
      return Map.of();
    }
  }

  /**
   * Refuses, with a message that says what to do, an index folder that is a file, or that holds an index this
   * claimcheck cannot add to (another schema, another Lucene format, a damaged commit). Nothing there yet is fine.
   */
  public static void requireUsable(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw ClaimcheckException.usage("the index must be a folder", dir + " is a file",
          "Give --index a folder (it is created when missing)");
    }
    if (!Files.isDirectory(dir)) {
      return;
    }
    requireIndexOrEmpty(dir);
    try (Directory d = FSDirectory.open(dir)) {
      IndexCheck.requireCompatible(d, dir);
    } catch (IOException e) {
      throw damaged(dir, e);
    }
  }

  /**
   * Refuses a folder that holds files of its own and no index (a claims or reports folder given as --index): Lucene
   * would write its files among them. A missing or empty folder, one with an index (whatever else it holds), and one
   * holding only what Lucene leaves (a lock, the files of a build killed before its first commit) are fine.
   */
  public static void requireIndexOrEmpty(Path dir) {
    List<String> others = IndexCheck.otherFiles(dir);
    if (others.isEmpty()) {
      return;
    }
    try (Directory d = FSDirectory.open(dir)) {
      if (DirectoryReader.indexExists(d)) {
        return;
      }
    } catch (IOException e) {
      return; // what cannot be read is reported by the open that follows
    }
    throw ClaimcheckException.usage("not an index folder", dir + " holds " + IndexCheck.shown(others)
        + " and no index", "Give --index a new or empty folder, or the folder `claimcheck index` built");
  }

  /** A damaged or unreadable index: what Lucene said, and how to rebuild. */
  static ClaimcheckException damaged(Path dir, IOException e) {
    String what = e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
    if (e instanceof java.nio.file.AccessDeniedException) {
      return new ClaimcheckException("cannot open the index for writing", dir + ": permission denied: "
          + e.getMessage(), "Check the folder's permissions");
    }
    return new ClaimcheckException("the index is damaged", dir + ": " + what,
        "Rebuild it: delete the folder " + dir + " and run `claimcheck index` on your abstract files again");
  }

  private static AbstractIndexer open(Path dir, Options options, DenseVectors dense, boolean fresh) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      requireUsable(dir);
    }
    requireIndexOrEmpty(dir);
    Directory directory = null;
    IndexWriter writer = null;
    try {
      Files.createDirectories(dir);
      directory = FSDirectory.open(dir);
      String oldModel = null;
      if (fresh) {
        try {
          oldModel = DenseVectors.indexModel(dir);
        } catch (IOException e) {
          oldModel = null; // an index too damaged or too old to read its commit: rebuilt without vectors
        }
      } else {
        IndexCheck.requireCompatible(directory, dir);
      }
      IndexWriterConfig config = new IndexWriterConfig(IndexSchema.analyzer())
          .setOpenMode(fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setSimilarity(new BM25Similarity())
          .setRAMBufferSizeMB(options.ramBufferMb())
          .setUseCompoundFile(false)
          .setCommitOnClose(false);
      writer = new IndexWriter(directory, config);
      DirectoryReader committed = !fresh && DirectoryReader.indexExists(directory) ? DirectoryReader.open(directory)
          : null;
      dense = fresh ? DenseVectors.forIndexer(dir, oldModel, dense, options.threads(), true)
          : DenseVectors.forIndexer(dir, committed, dense, options.threads());
      return new AbstractIndexer(dir, directory, writer, committed, options, dense);
    } catch (org.apache.lucene.index.CorruptIndexException | org.apache.lucene.index.IndexFormatTooOldException
        | org.apache.lucene.index.IndexFormatTooNewException | java.io.EOFException
        | java.nio.file.NoSuchFileException e) {
      IOUtils.closeWhileHandlingException(writer, directory, dense);
      throw damaged(dir, e);
    } catch (IOException e) {
      IOUtils.closeWhileHandlingException(writer, directory, dense);
      throw new ClaimcheckException("cannot open the index for writing", dir + ": " + e.getMessage(),
          "Check the folder's permissions and free disk space; if another claimcheck is indexing, wait for it");
    } catch (RuntimeException e) {
      IOUtils.closeWhileHandlingException(writer, directory, dense);
      throw e;
    }
  }

  public Path path() {
    return path;
  }

  /**
   * Reads every entry of {@code file} into the index, counting each in {@code tally}. A file that breaks part-way keeps
   * the records read before the break; the break is counted as one FAILED item with its reason.
   */
  public void index(Path file, Tally tally) {
    index(List.of(file), tally);
  }

  /**
   * Reads every entry of {@code files}, in order, into the index, parsing and indexing on worker threads; see
   * {@link #index(Path, Tally)}. A failure to write the index stops everything with a {@link ClaimcheckException}.
   */
  public void index(List<Path> files, Tally tally) {
    index(files, tally, file -> { });
  }

  /**
   * {@link #index(List, Tally)}, calling {@code read} on this thread after each file has been read, its entries all
   * handed to the workers (which may still be applying the last of them), for progress.
   */
  public void index(List<Path> files, Tally tally, Consumer<Path> read) {
    try (Pipeline pipeline = new Pipeline(options.threads(), tally)) {
      for (Path file : files) {
        readInto(file, pipeline, tally);
        read.accept(file);
      }
      pipeline.finish();
    }
  }

  private void readInto(Path file, Pipeline pipeline, Tally tally) {
    String name = file.getFileName().toString();
    try (RecordReader reader = RecordReaders.open(file)) {
      for (RecordReader.Deferred d; (d = reader.nextDeferred()) != null; ) {
        pipeline.submit(d, name);
      }
      if (pubmedFileOrder(name) > pubmedFileOrder(lastPubmedFile)) {
        lastPubmedFile = name; // read whole: a file that failed does not count as read
      }
    } catch (ClaimcheckException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      tally.count("FAILED", "file unreadable: " + firstLine(e.getMessage()), file.getFileName().toString());
    }
  }

  /**
   * Applies one entry of the file named {@code file} and counts how it ended; a skip's example names the record and
   * the file.
   */
  void apply(RecordReader.Entry entry, Tally tally, String file) throws IOException {
    switch (entry) {
      case RecordReader.Entry.Upsert u -> {
        String outcome = upsert(u.record());
        if (outcome.startsWith(SKIPPED)) {
          tally.count(SKIPPED, outcome.substring(SKIPPED.length() + 2), example(u.record().id(), null, file));
        } else {
          tally.count(outcome);
        }
      }
      case RecordReader.Entry.Delete d -> {
        Indexed existing = indexed(d.id());
        if (existing == null) {
          tally.count(SKIPPED, "delete of a record not in the index", example(d.id(), null, file));
        } else if (existing.collection() == IndexSchema.COLLECTION_CORPUS) {
          tally.count(SKIPPED, "delete of a PMID that is a corpus document's id here", example(d.id(), null, file));
        } else {
          writer.deleteDocuments(new Term(IndexSchema.ID, d.id()));
          session.delete(d.id());
          tally.count(DELETED);
        }
      }
      case RecordReader.Entry.Skip s -> tally.count(SKIPPED, s.reason(), example(s.id(), s.where(), file));
    }
  }

  /**
   * How a summary names a record: "12345 (f.xml.gz)", "12345 (f.xml.gz, record 6, line 2 of it: ...)" when the skip
   * says where, "f.xml.gz record 6" when it has no id.
   */
  private static String example(String id, String where, String file) {
    if (id != null) {
      return id + " (" + file + (where == null ? "" : ", " + where) + ")";
    }
    return where == null ? file : file + " " + where;
  }

  /** Adds or replaces one record; returns INDEXED, REPLACED or "SKIPPED: reason". */
  public String upsert(PubmedRecord record) throws IOException {
    if (record.title().isBlank() && !record.hasAbstract()) {
      return SKIPPED + ": no title and no abstract";
    }
    Indexed existing = indexed(record.id());
    int collection = collection(record);
    if (existing != null && existing.collection() != 0 && existing.collection() != collection) {
      return SKIPPED + ": the id is " + (existing.collection() == IndexSchema.COLLECTION_PUBMED
          ? "a PubMed record's" : "a corpus document's") + " in the index (PubMed and corpus ids share one index)";
    }
    if (existing != null && existing.version() > record.version()) {
      return SKIPPED + ": version " + record.version() + " older than the indexed version " + existing.version();
    }
    PubmedRecord withSentences = record.sentences().isEmpty() && !record.sections().isEmpty()
        ? record.withSentences(split(record))
        : record;
    try {
      Document doc = toDocument(withSentences);
      if (dense != null) {
        dense.addTo(doc, withSentences);
      }
      if (existing == null) {
        // New to the index: adding spares Lucene a buffered delete-by-id, which it would look up in every segment at
        // each flush, a cost that grows with the index during a baseline load.
        writer.addDocument(doc);
      } else {
        writer.updateDocument(new Term(IndexSchema.ID, record.id()), doc);
      }
    } catch (IllegalArgumentException e) {
      // Lucene refuses this document alone (e.g. a term too long) and stays usable.
      // Its first sentence: Lucene goes on with the term itself, which would make each such record a reason of its own.
      String m = firstLine(e.getMessage());
      int end = m.indexOf(". ");
      return SKIPPED + ": not indexable: " + (end > 0 ? m.substring(0, end) : m);
    }
    session.put(record.id(), record.version(), collection == IndexSchema.COLLECTION_CORPUS);
    return existing == null ? INDEXED : REPLACED;
  }

  static List<String> split(PubmedRecord record) {
    List<String> sentences = new ArrayList<>();
    for (PubmedRecord.Section s : record.sections()) {
      sentences.addAll(SentenceSplitter.split(s.text()));
    }
    return sentences;
  }

  /** The text analyzer of this thread's documents (analyzers reuse their components per thread). */
  private static final Analyzer TEXT = IndexSchema.bulkTextAnalyzer();

  static Document toDocument(PubmedRecord r) {
    Document doc = new Document();
    doc.add(new StringField(IndexSchema.ID, r.id(), Field.Store.NO));
    doc.add(new NumericDocValuesField(IndexSchema.VERSION_FIELD, r.version()));
    doc.add(new NumericDocValuesField(IndexSchema.COLLECTION, collection(r)));
    String abstractText = r.sentences().isEmpty() ? r.abstractText() : String.join(" ", r.sentences());
    // The title is analysed once and replayed into both fields: the same terms as analysing each field's text. The
    // abstract has no field of its own: its words start at ABSTRACT_POSITION in contents, where abstract: searches
    // look (AbstractFieldQueries).
    AnalyzedText title = AnalyzedText.of(TEXT, IndexSchema.TITLE, r.title());
    AnalyzedText body = AnalyzedText.of(TEXT, IndexSchema.CONTENTS, abstractText);
    doc.add(new Field(IndexSchema.CONTENTS, AnalyzedText.replay(title, body, IndexSchema.ABSTRACT_POSITION),
        TextField.TYPE_NOT_STORED));
    doc.add(new Field(IndexSchema.TITLE, AnalyzedText.replay(title), TextField.TYPE_NOT_STORED));
    if (r.year() != null) {
      doc.add(new IntField(IndexSchema.YEAR, r.year(), Field.Store.NO));
    }
    for (String t : r.publicationTypes()) {
      keyword(doc, IndexSchema.PUBTYPE, t);
    }
    for (PubmedRecord.MeshHeading h : r.mesh()) {
      keyword(doc, IndexSchema.MESH, h.descriptor());
      if (h.major()) {
        keyword(doc, IndexSchema.MESH_MAJOR, h.descriptor());
      }
    }
    keyword(doc, IndexSchema.LANGUAGE, r.language());
    keyword(doc, IndexSchema.JOURNAL, r.journal());
    doc.add(new StringField(IndexSchema.HUMANS, Boolean.toString(r.humans()), Field.Store.NO));
    doc.add(new StringField(IndexSchema.ANIMALS, Boolean.toString(r.animals()), Field.Store.NO));
    doc.add(new StringField(IndexSchema.RETRACTED, Boolean.toString(r.retracted()), Field.Store.NO));
    StoredSource.add(doc, r);
    return doc;
  }

  /** Longer filter values are not indexed as keywords (no real one comes near; Lucene refuses terms over 32 kB). */
  static final int MAX_KEYWORD_CHARS = 1000;

  private static void keyword(Document doc, String field, String value) {
    if (value != null && !value.isBlank() && value.length() <= MAX_KEYWORD_CHARS) {
      doc.add(new StringField(field, lower(value), Field.Store.NO));
    }
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT).strip();
  }

  /** What the index holds for an id: its version and {@link IndexSchema#COLLECTION} (0: not recorded). */
  record Indexed(int version, int collection) {}

  private static int collection(PubmedRecord r) {
    return PubmedRecord.CORPUS.equals(r.collection()) ? IndexSchema.COLLECTION_CORPUS : IndexSchema.COLLECTION_PUBMED;
  }

  /** What this session or the last commit holds for {@code id}; null when it is not in the index. */
  private Indexed indexed(String id) throws IOException {
    Integer v = session.get(id);
    if (v != null) {
      return v < 0 ? null : new Indexed(v & 0xff, (v & SessionVersions.CORPUS) != 0 ? IndexSchema.COLLECTION_CORPUS
          : IndexSchema.COLLECTION_PUBMED);
    }
    DirectoryReader reader = committed;
    return reader == null ? null : committed(reader, id);
  }

  /** What {@code reader} holds for {@code id}, or null when it has no live copy. */
  static Indexed committed(DirectoryReader reader, String id) throws IOException {
    BytesRef term = new BytesRef(id);
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      Terms terms = r.terms(IndexSchema.ID);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      if (!te.seekExact(term)) {
        continue;
      }
      PostingsEnum pe = te.postings(null, PostingsEnum.NONE);
      var live = r.getLiveDocs();
      for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
        if (live == null || live.get(doc)) {
          NumericDocValues versions = r.getNumericDocValues(IndexSchema.VERSION_FIELD);
          NumericDocValues collections = r.getNumericDocValues(IndexSchema.COLLECTION);
          int version = versions != null && versions.advanceExact(doc) ? (int) versions.longValue() : 1;
          int collection = collections != null && collections.advanceExact(doc) ? (int) collections.longValue() : 0;
          return new Indexed(version, collection);
        }
      }
    }
    return null;
  }

  /** Makes everything added so far durable and visible, atomically, with the schema version in the commit. */
  public void commit() {
    commit(Map.of());
  }

  /** {@link #commit()}, with {@code extra} (e.g. {@link #RUN_KEY}) in this commit's user data as well. */
  public void commit(Map<String, String> extra) {
    try {
      Map<String, String> data = new HashMap<>(extra);
      data.put(IndexSchema.VERSION_KEY, Integer.toString(IndexSchema.VERSION));
      data.put("claimcheck.analyzer", IndexSchema.textAnalyzer().toString());
      if (dense != null) {
        data.put(IndexSchema.DENSE_MODEL_KEY, dense.encoder().modelId());
      }
      String last = lastPubmedFile;
      if (last != null) {
        data.put(LAST_PUBMED_FILE_KEY, last);
      }
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
      DirectoryReader old = committed;
      DirectoryReader fresh = old == null ? DirectoryReader.open(directory) : DirectoryReader.openIfChanged(old);
      if (fresh != null) {
        committed = fresh;
        session.clear();
        IOUtils.close(old);
      }
    } catch (IOException e) {
      throw new ClaimcheckException("cannot commit the index", path + ": " + e.getMessage(),
          "Check free disk space; the previous commit is intact");
    }
  }

  /** Whether records get vectors. */
  public boolean dense() {
    return dense != null;
  }

  /** The vectors this indexer adds (encoder and cache), or null. */
  public DenseVectors vectors() {
    return dense;
  }

  /**
   * Gives a vector to every committed record that has none (records indexed before the index was made dense), counted
   * as VECTOR ADDED in {@code tally}; nothing without vectors.
   */
  public void addMissingVectors(Tally tally) throws IOException {
    DirectoryReader reader = committed;
    if (dense == null || reader == null) {
      return;
    }
    DenseVectors.addMissing(reader, r -> {
      Document doc = toDocument(r);
      dense.addTo(doc, r);
      writer.updateDocument(new Term(IndexSchema.ID, r.id()), doc);
      tally.count("VECTOR ADDED");
    });
  }

  /** Number of live documents, counting what was added since the last commit. */
  public int size() {
    return writer.getDocStats().numDocs;
  }

  /** Closes the index, discarding what was not committed. */
  @Override
  public void close() throws IOException {
    IOUtils.close(committed, () -> writer.rollback(), directory, dense);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /**
   * Hands entries to worker threads, each id always to the same worker. With one thread, entries are applied on the
   * caller's thread.
   */
  private final class Pipeline implements AutoCloseable {
    /** An entry and the name of its file. */
    private record Job(RecordReader.Deferred entry, String file) {}

    private static final Job END = new Job(RecordReader.Deferred.of(new RecordReader.Entry.Skip(null, "end")), "");

    private final Tally tally;
    private final List<java.util.concurrent.BlockingQueue<Job>> queues = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(MAX_BYTES_IN_FLIGHT);
    private final java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    private int next;
    private boolean finished;

    Pipeline(int threads, Tally tally) {
      this.tally = tally;
      if (threads == 1) {
        return;
      }
      for (int i = 0; i < threads; i++) {
        var q = new java.util.concurrent.ArrayBlockingQueue<Job>(4096);
        queues.add(q);
        Thread t = Thread.ofPlatform().name("claimcheck-indexer-" + i).daemon().unstarted(() -> work(q));
        workers.add(t);
        t.start();
      }
    }

    void submit(RecordReader.Deferred d, String file) {
      rethrow();
      if (queues.isEmpty()) {
        process(d, file);
        rethrow();
        return;
      }
      int w = weight(d);
      inFlight.acquireUninterruptibly(w);
      String id = d.id();
      int worker = id != null ? Math.floorMod(id.hashCode(), queues.size()) : next++ % queues.size();
      try {
        queues.get(worker).put(new Job(d, file));
      } catch (InterruptedException e) {
        inFlight.release(w);
        Thread.currentThread().interrupt();
        throw new ClaimcheckException("indexing interrupted", path.toString(), "Run it again");
      }
    }

    private int weight(RecordReader.Deferred d) {
      return Math.max(1, Math.min(MAX_BYTES_IN_FLIGHT, d.weight()));
    }

    private void work(java.util.concurrent.BlockingQueue<Job> q) {
      while (true) {
        Job job;
        try {
          job = q.take();
        } catch (InterruptedException e) {
          failure.compareAndSet(null, e);
          return;
        }
        if (job == END) {
          return;
        }
        try {
          if (failure.get() == null) {
            process(job.entry(), job.file());
          }
        } finally {
          inFlight.release(weight(job.entry()));
        }
      }
    }

    private void process(RecordReader.Deferred d, String file) {
      try {
        apply(d.parse(), tally, file);
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    }

    private void rethrow() {
      Throwable t = failure.get();
      if (t == null) {
        return;
      }
      if (t instanceof ClaimcheckException ce) {
        throw ce;
      }
      if (t instanceof Error err) {
        throw err;
      }
      throw new ClaimcheckException("cannot write the index", path + ": " + t,
          "Check free disk space; the previous commit is intact");
    }

    /** Waits for the workers to apply everything submitted; throws the first failure. */
    void finish() {
      stop();
      rethrow();
    }

    private void stop() {
      if (finished) {
        return;
      }
      finished = true;
      boolean interrupted = false;
      for (var q : queues) {
        while (true) {
          try {
            q.put(END);
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      }
      for (Thread t : workers) {
        while (true) {
          try {
            t.join();
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() {
      stop();
    }
  }
}
