package org.claimcheck.pubmed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.claimcheck.Json;

/**
 * One per thread. Streams a JSONL corpus: SciFact ({@code doc_id}, {@code title}, {@code abstract} as a list of
 * sentences) or BEIR ({@code _id}, {@code title}, {@code text}). A sentence list is kept exactly as given, so evidence
 * sentence numbers match the corpus. A line that is not a usable document is skipped with its reason.
 *
 * <p>Each non-blank line is one entry: a document, or a skip that names the line (not JSON, not an object, more than
 * one JSON value, no id).
 */
public final class JsonlCorpusReader implements RecordReader {
  private final BufferedReader reader;
  private int lineNo;

  /** Reads {@code in} (decompressed already); takes ownership of it. */
  public JsonlCorpusReader(InputStream in) {
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  @Override
  public Entry next() throws IOException {
    for (String line; (line = reader.readLine()) != null; ) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      return parse(line);
    }
    return null;
  }

  private Entry parse(String line) {
    JsonNode n;
    try (JsonParser p = Json.MAPPER.createParser(line)) {
      n = Json.MAPPER.readTree(p);
      if (n == null) {
        return new Entry.Skip(null, "line " + lineNo + " is not JSON");
      }
      if (p.nextToken() != null) {
        // Two documents on one line (a file that lost a line end, say): each could be guessed at, but the line is not
        // JSONL, so it is reported, and each line stays one entry.
        return new Entry.Skip(idOf(n), "line " + lineNo + " holds more than one JSON value");
      }
    } catch (IOException e) {
      return new Entry.Skip(null, "line " + lineNo + " is not JSON");
    }
    if (!n.isObject()) {
      return new Entry.Skip(null, "line " + lineNo + " is not a JSON object");
    }
    String id = idOf(n);
    if (id == null) {
      return new Entry.Skip(null, "line " + lineNo + " has no doc_id or _id");
    }
    String title = n.path("title").asText("");
    JsonNode body = present(n.get("abstract")) ? n.get("abstract") : n.get("text");
    List<String> sentences = new ArrayList<>();
    List<PubmedRecord.Section> sections = new ArrayList<>();
    if (body != null && body.isArray()) {
      for (JsonNode s : body) {
        sentences.add(s.asText(""));
      }
    } else if (body != null && body.isTextual() && !body.asText().isBlank()) {
      sections.add(new PubmedRecord.Section(null, null, body.asText().strip()));
    }
    if (title.isBlank() && sentences.isEmpty() && sections.isEmpty()) {
      return new Entry.Skip(id, "no title and no text");
    }
    Integer year = null;
    JsonNode meta = n.path("metadata");
    if (meta.has("year") && meta.get("year").canConvertToInt()) {
      year = meta.get("year").asInt();
    }
    return new Entry.Upsert(new PubmedRecord(id, 1, title, sections, sentences, null, null, year, List.of(), null,
        List.of(), List.of(), null, false, false, false, PubmedRecord.CORPUS));
  }

  /** The document's id: {@code doc_id} (SciFact) when it has one, else {@code _id} (BEIR); null when neither does. */
  private static String idOf(JsonNode n) {
    if (n == null || !n.isObject()) {
      return null;
    }
    for (String field : new String[] {"doc_id", "_id"}) {
      JsonNode v = n.get(field);
      if (v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank()) {
        return v.asText().strip();
      }
    }
    return null;
  }

  /** Whether a field is there with a value (JSON null counts as absent). */
  private static boolean present(JsonNode v) {
    return v != null && !v.isNull();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
