package org.claimcheck.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * One per thread. Which record ids an index holds, from its last commit, whatever its schema version (the id has been
 * a keyword field in every version): enough to tell which abstracts need fetching, even from an index this claimcheck
 * will rebuild, and without loading what searching needs (an index with vectors would load the encoder).
 */
public final class IndexIds implements Closeable {
  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  private IndexIds(Directory directory, DirectoryReader reader) {
    this.directory = directory;
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
  }

  /** The ids of the index at {@code dir}, or null when there is none there or its last commit cannot be read. */
  public static IndexIds open(Path dir) {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    Directory d = null;
    try {
      d = FSDirectory.open(dir);
      if (!DirectoryReader.indexExists(d)) {
        d.close();
        return null;
      }
      return new IndexIds(d, DirectoryReader.open(d));
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(d);
      return null;
    }
  }

  /** Whether a live record has id {@code id}. */
  public boolean contains(String id) throws IOException {
    return searcher.count(new TermQuery(new Term(IndexSchema.ID, id))) > 0;
  }

  @Override
  public void close() throws IOException {
    IOUtils.close(reader, directory);
  }
}
