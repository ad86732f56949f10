package org.claimcheck.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
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
import org.claimcheck.Json;
import org.claimcheck.Tally;
import org.claimcheck.nlp.Annotator;
import org.claimcheck.nlp.Sentence;
import org.claimcheck.pubmed.PubmedRecord;
import org.claimcheck.pubmed.RecordReader;
import org.claimcheck.pubmed.RecordReaders;

/**
 * Thread-safe. Builds and updates the abstract index. Every entry ends INDEXED (new), REPLACED (an older copy existed),
 * DELETED, or SKIPPED with a reason, counted in the caller's {@link Tally}.
 *
 * <p>Nothing is visible on disk until {@link #commit()}: a run killed part-way leaves the last commit intact. Closing
 * without committing discards what was added since the last commit. Abstracts without a sentence split get one from
 * OpenNLP; sentence lists a corpus gives are kept as they are.
 */
public final class AbstractIndexer implements Closeable {
  /** Outcome names counted per entry. */
  public static final String INDEXED = "INDEXED";
  public static final String REPLACED = "REPLACED";
  public static final String DELETED = "DELETED";
  public static final String SKIPPED = "SKIPPED";

  private final Path path;
  private final Directory directory;
  private final IndexWriter writer;
  private final DirectoryReader committed;
  private final Map<String, Integer> session = new ConcurrentHashMap<>();
  private final ThreadLocal<Annotator> annotators = ThreadLocal.withInitial(Annotator::new);

  private AbstractIndexer(Path path, Directory directory, IndexWriter writer, DirectoryReader committed) {
    this.path = path;
    this.directory = directory;
    this.writer = writer;
    this.committed = committed;
  }

  /** Opens the index at {@code dir}, creating it when absent; an index of another schema version is refused. */
  public static AbstractIndexer open(Path dir) {
    Directory directory = null;
    IndexWriter writer = null;
    try {
      Files.createDirectories(dir);
      directory = FSDirectory.open(dir);
      IndexCheck.requireCompatible(directory, dir);
      IndexWriterConfig config = new IndexWriterConfig(IndexSchema.analyzer())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setSimilarity(new BM25Similarity())
          .setRAMBufferSizeMB(256)
          .setCommitOnClose(false);
      writer = new IndexWriter(directory, config);
      DirectoryReader committed = DirectoryReader.indexExists(directory) ? DirectoryReader.open(directory) : null;
      return new AbstractIndexer(dir, directory, writer, committed);
    } catch (IOException e) {
      IOUtils.closeWhileHandlingException(writer, directory);
      throw new ClaimcheckException("cannot open the index for writing", dir + ": " + e.getMessage(),
          "Check the folder's permissions and free disk space; if another claimcheck is indexing, wait for it");
    } catch (RuntimeException e) {
      IOUtils.closeWhileHandlingException(writer, directory);
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
    try (RecordReader reader = RecordReaders.open(file)) {
      for (RecordReader.Entry e; (e = reader.next()) != null; ) {
        apply(e, tally);
      }
    } catch (ClaimcheckException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      tally.count("FAILED", "file unreadable: " + firstLine(e.getMessage()), file.getFileName().toString());
    }
  }

  /** Applies one entry and counts how it ended. */
  public void apply(RecordReader.Entry entry, Tally tally) throws IOException {
    switch (entry) {
      case RecordReader.Entry.Upsert u -> {
        String outcome = upsert(u.record());
        if (outcome.startsWith(SKIPPED)) {
          tally.count(SKIPPED, outcome.substring(SKIPPED.length() + 2), u.record().id());
        } else {
          tally.count(outcome);
        }
      }
      case RecordReader.Entry.Delete d -> {
        if (exists(d.id())) {
          writer.deleteDocuments(new Term(IndexSchema.ID, d.id()));
          session.put(d.id(), -1);
          tally.count(DELETED);
        } else {
          tally.count(SKIPPED, "delete of a record not in the index", d.id());
        }
      }
      case RecordReader.Entry.Skip s -> tally.count(SKIPPED, s.reason(), s.id());
    }
  }

  /** Adds or replaces one record; returns INDEXED, REPLACED or "SKIPPED: reason". */
  public String upsert(PubmedRecord record) throws IOException {
    if (record.title().isBlank() && !record.hasAbstract()) {
      return SKIPPED + ": no title and no abstract";
    }
    Integer existing = version(record.id());
    if (existing != null && existing > record.version()) {
      return SKIPPED + ": version " + record.version() + " older than the indexed version " + existing;
    }
    PubmedRecord withSentences = record.sentences().isEmpty() && !record.sections().isEmpty()
        ? record.withSentences(split(record))
        : record;
    writer.updateDocument(new Term(IndexSchema.ID, record.id()), toDocument(withSentences));
    session.put(record.id(), record.version());
    return existing == null ? INDEXED : REPLACED;
  }

  private List<String> split(PubmedRecord record) {
    Annotator annotator = annotators.get();
    List<String> sentences = new ArrayList<>();
    for (PubmedRecord.Section s : record.sections()) {
      for (Sentence sentence : annotator.sentences(s.text())) {
        sentences.add(sentence.text());
      }
    }
    return sentences;
  }

  static Document toDocument(PubmedRecord r) {
    Document doc = new Document();
    doc.add(new StringField(IndexSchema.ID, r.id(), Field.Store.NO));
    String abstractText = r.sentences().isEmpty() ? r.abstractText() : String.join(" ", r.sentences());
    doc.add(new TextField(IndexSchema.CONTENTS, r.title() + " " + abstractText, Field.Store.NO));
    doc.add(new TextField(IndexSchema.TITLE, r.title(), Field.Store.NO));
    doc.add(new TextField(IndexSchema.ABSTRACT, abstractText, Field.Store.NO));
    if (r.year() != null) {
      doc.add(new IntField(IndexSchema.YEAR, r.year(), Field.Store.NO));
    }
    for (String t : r.publicationTypes()) {
      doc.add(new KeywordField(IndexSchema.PUBTYPE, lower(t), Field.Store.NO));
    }
    for (PubmedRecord.MeshHeading h : r.mesh()) {
      doc.add(new KeywordField(IndexSchema.MESH, lower(h.descriptor()), Field.Store.NO));
      if (h.major()) {
        doc.add(new KeywordField(IndexSchema.MESH_MAJOR, lower(h.descriptor()), Field.Store.NO));
      }
    }
    if (r.language() != null) {
      doc.add(new KeywordField(IndexSchema.LANGUAGE, lower(r.language()), Field.Store.NO));
    }
    if (r.journal() != null) {
      doc.add(new KeywordField(IndexSchema.JOURNAL, lower(r.journal()), Field.Store.NO));
    }
    doc.add(new StringField(IndexSchema.HUMANS, Boolean.toString(r.humans()), Field.Store.NO));
    doc.add(new StringField(IndexSchema.ANIMALS, Boolean.toString(r.animals()), Field.Store.NO));
    doc.add(new StringField(IndexSchema.RETRACTED, Boolean.toString(r.retracted()), Field.Store.NO));
    doc.add(new StoredField(IndexSchema.SOURCE, Json.line(r).getBytes(StandardCharsets.UTF_8)));
    return doc;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT).strip();
  }

  private boolean exists(String id) throws IOException {
    return version(id) != null;
  }

  /** The version of {@code id} in this session or the last commit; null when it is not in the index. */
  private Integer version(String id) throws IOException {
    Integer v = session.get(id);
    if (v != null) {
      return v < 0 ? null : v;
    }
    if (committed == null) {
      return null;
    }
    BytesRef term = new BytesRef(id);
    for (LeafReaderContext leaf : committed.leaves()) {
      LeafReader reader = leaf.reader();
      Terms terms = reader.terms(IndexSchema.ID);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      if (!te.seekExact(term)) {
        continue;
      }
      PostingsEnum pe = te.postings(null, PostingsEnum.NONE);
      var live = reader.getLiveDocs();
      for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
        if (live == null || live.get(doc)) {
          BytesRef source = reader.storedFields().document(doc).getBinaryValue(IndexSchema.SOURCE);
          PubmedRecord r = Json.MAPPER.readValue(source.bytes, source.offset, source.length, PubmedRecord.class);
          return r.version();
        }
      }
    }
    return null;
  }

  /** Makes everything added so far durable and visible, atomically, with the schema version in the commit. */
  public void commit() {
    try {
      Map<String, String> data = new HashMap<>();
      data.put(IndexSchema.VERSION_KEY, Integer.toString(IndexSchema.VERSION));
      data.put("claimcheck.analyzer", IndexSchema.textAnalyzer().toString());
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
    } catch (IOException e) {
      throw new ClaimcheckException("cannot commit the index", path + ": " + e.getMessage(),
          "Check free disk space; the previous commit is intact");
    }
  }

  /** Number of live documents, counting what was added since the last commit. */
  public int size() {
    return writer.getDocStats().numDocs;
  }

  /** Closes the index, discarding what was not committed. */
  @Override
  public void close() throws IOException {
    IOUtils.close(committed, () -> writer.rollback(), directory);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
