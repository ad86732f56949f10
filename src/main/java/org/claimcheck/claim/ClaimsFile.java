package org.claimcheck.claim;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.claimcheck.AtomicFiles;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.TextFiles;
import org.claimcheck.Json;

/**
 * Thread-safe (stateless). Reads and writes claim files: {@code claims.jsonl} (one {@link Claim} per line),
 * {@code claims.csv} (the columns of {@link Column}), and SciFact-style claim files ({@code {"id", "claim"}} per line)
 * for evaluation.
 */
public final class ClaimsFile {
  /** The columns of {@code claims.csv}, in order. */
  public enum Column {
    claim_id,
    article_id,
    article_url,
    sentence_index,
    sentence,
    claim,
    subject,
    relation,
    object,
    negated,
    hedged,
    check_worthiness,
    reasons,
    certainty,
    entities,
    topic
  }

  private ClaimsFile() {}

  /** Writes {@code claims} to {@code file}: JSONL when it ends with .jsonl, else CSV. Atomic. */
  public static void write(Path file, List<Claim> claims) throws IOException {
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
      AtomicFiles.writeText(file, w -> {
        for (Claim c : claims) {
          w.write(Json.line(c));
          w.write('\n');
        }
      });
    } else {
      AtomicFiles.writeText(file, w -> writeCsv(w, claims));
    }
  }

  private static void writeCsv(Writer w, List<Claim> claims) throws IOException {
    CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(Column.class).get());
    for (Claim c : claims) {
      csv.printRecord(c.id(), c.articleId(), c.articleUrl(), c.sentenceIndex(), c.sentence(), c.claim(), c.subject(),
          c.relation(), c.object(), c.negated(), c.hedged(), String.format(Locale.ROOT, "%.3f", c.checkWorthiness()),
          String.join("; ", c.reasons()), c.certainty(), String.join(" ", c.entities()),
          String.join(" ", c.topic()));
    }
    csv.flush();
  }

  /** A claim and the line of its file it was read from (from 1; a CSV record's first line), to name it by. */
  public record Entry(Claim claim, int line) {}

  /**
   * Reads claims from a claims.jsonl or claims.csv written by claimcheck, a SciFact claims file ({@code id},
   * {@code claim}), a BEIR queries file ({@code _id}, {@code text}), or a TSV of {@code id<TAB>claim}. Ids are kept as
   * the file gives them; a claim without one has the id "" (see {@link #readWithIds}).
   */
  public static List<Claim> read(Path file) {
    return readEntries(file).stream().map(Entry::claim).toList();
  }

  /**
   * {@link #read}, each claim with the line it came from and an id of its own: a claim without an id (an empty or
   * blank {@code id} or {@code _id} in JSONL, id in TSV or {@code claim_id} in CSV) is a usage error naming its line,
   * an id given twice one naming both lines. A CSV without a {@code claim_id} column numbers its records 1, 2, ...
   */
  public static List<Entry> readWithIds(Path file) {
    List<Entry> entries = readEntries(file);
    Map<String, Integer> seen = new HashMap<>();
    for (Entry e : entries) {
      String id = e.claim().id();
      if (id.isBlank()) {
        throw ClaimcheckException.usage("a claim has no id", file + ":" + e.line(), "Give every claim an id: "
            + "id<TAB>claim in TSV, \"id\" (SciFact) or \"_id\" (BEIR) in JSONL, claim_id in CSV");
      }
      Integer first = seen.putIfAbsent(id, e.line());
      if (first != null) {
        throw ClaimcheckException.usage("claim id '" + TextFiles.clip(id) + "' given twice",
            file + ":" + first + " and " + file + ":" + e.line(), "Give each claim an id of its own");
      }
    }
    return entries;
  }

  private static List<Entry> readEntries(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    try {
      if (name.endsWith(".csv")) {
        return readCsv(file);
      }
      if (name.endsWith(".tsv") || name.endsWith(".txt")) {
        return readTsv(file);
      }
      return readJsonl(file);
    } catch (IOException e) {
      throw ClaimcheckException.usage("cannot read the claims file", file + ": " + e.getMessage(),
          "Give a claims.jsonl or claims.csv from `claimcheck extract`, or a SciFact claims .jsonl");
    }
  }

  /** At most the first 100 characters of an id the user gave, for messages. */
  private static List<Entry> readJsonl(Path file) throws IOException {
    List<Entry> out = new ArrayList<>();
    try (BufferedReader r = TextFiles.reader(file)) {
      int lineNo = 0;
      for (String line; (line = r.readLine()) != null; ) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String where = file + ":" + lineNo;
        JsonNode n = jsonLine(line, where);
        if (n.has("articleId")) {
          try {
            out.add(new Entry(Json.MAPPER.treeToValue(n, Claim.class), lineNo));
          } catch (IOException e) {
            throw ClaimcheckException.usage("not a claim of claimcheck's claims.jsonl",
                where + ": " + e.getMessage().lines().findFirst().orElse(""),
                "Give the claims.jsonl that `claimcheck extract` wrote");
          }
        } else if (n.has("claim") || n.has("text")) {
          String field = n.has("claim") ? "claim" : "text";
          JsonNode text = n.get(field);
          if (!text.isTextual()) {
            throw ClaimcheckException.usage("the `" + field + "` of a claim line is " + kind(text) + ", not text",
                where, "Give each claim's words as a JSON string, e.g. {\"id\": 4, \"claim\": \"Zinc cuts colds.\"}");
          }
          out.add(new Entry(plain(id(n, where), text.textValue(), lineNo - 1), lineNo));
        } else {
          throw ClaimcheckException.usage("a claim line has neither `claim` nor `text`", where,
              "Give claimcheck's claims.jsonl, SciFact claims ({\"id\", \"claim\"}) or BEIR queries "
                  + "({\"_id\", \"text\"})");
        }
      }
    }
    return out;
  }

  /**
   * The one JSON object on a line; a usage error naming {@code where} when the line is not JSON, not an object, or
   * holds more than one JSON value (a file that lost a line end: as {@code JsonlCorpusReader} reports it).
   */
  private static JsonNode jsonLine(String line, String where) {
    JsonNode n;
    try (JsonParser p = Json.MAPPER.createParser(line)) {
      n = Json.MAPPER.readTree(p);
      if (n != null && p.nextToken() != null) {
        throw ClaimcheckException.usage("a line holding more than one JSON value", where,
            "Put each claim on a line of its own");
      }
    } catch (IOException e) {
      n = null;
    }
    if (n == null) {
      throw ClaimcheckException.usage("not a JSON line", where, "Each line of a .jsonl claims file is one JSON object");
    }
    if (!n.isObject()) {
      throw ClaimcheckException.usage("a claim line is " + kind(n) + ", not a JSON object", where,
          "Each line of a .jsonl claims file is one JSON object");
    }
    return n;
  }

  /**
   * A plain claim line's id ({@code id}, else BEIR's {@code _id}) exactly as given: a string as it is, a whole number
   * in its digits; empty when the line has none. Any other value (8.0, true, null with no {@code _id}) is refused
   * rather than turned into text that no longer matches the file.
   */
  private static String id(JsonNode n, String where) {
    JsonNode id = n.hasNonNull("id") ? n.get("id") : n.get("_id");
    if (id == null || id.isNull()) {
      return "";
    }
    if (id.isTextual()) {
      return id.textValue();
    }
    if (id.isIntegralNumber()) {
      return id.bigIntegerValue().toString();
    }
    throw ClaimcheckException.usage("a claim id is " + kind(id) + ", not text or a whole number",
        id.isValueNode() ? where + ": " + id : where,
        "Give each claim an id that is a string (\"c7\") or a whole number (7)");
  }

  /** What a JSON value is, for messages: null, a number, an object, ... */
  private static String kind(JsonNode n) {
    return switch (n.getNodeType()) {
      case NULL, MISSING -> "null";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      default -> n.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  private static final String CSV_FIX = "Give a claims.csv written by `claimcheck extract`, or a CSV with a header "
      + "naming a `claim` column (and `claim_id`), a field in quotes when it holds a comma, quote or line break";

  private static List<Entry> readCsv(Path file) throws IOException {
    String text;
    try (BufferedReader r = TextFiles.reader(file)) {
      StringWriter w = new StringWriter();
      r.transferTo(w);
      text = w.toString();
    }
    if (text.isBlank()) {
      return List.of();
    }
    // The lines as the CSV parser counts them (\n, \r\n or \r), to name the line a record starts on.
    List<String> lines = text.lines().toList();
    var format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
        .setIgnoreHeaderCase(true).setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();
    CSVParser csv;
    try {
      csv = format.parse(new StringReader(text));
    } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
      throw ClaimcheckException.usage("malformed claims CSV header", file + ":" + nextRecordLine(lines, 0) + ": "
          + csvProblem(e), CSV_FIX);
    }
    List<Entry> out = new ArrayList<>();
    try (csv) {
      if (!csv.getHeaderMap().containsKey(Column.claim.name())) {
        throw ClaimcheckException.usage("the CSV has no `claim` column", file.toString(), CSV_FIX);
      }
      int columns = csv.getHeaderNames().size();
      Iterator<CSVRecord> records = csv.iterator();
      while (true) {
        int line = nextRecordLine(lines, (int) csv.getCurrentLineNumber());
        CSVRecord rec;
        try {
          if (!records.hasNext()) {
            break;
          }
          rec = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          throw ClaimcheckException.usage("malformed claims CSV", file + ":" + line + ": " + csvProblem(e), CSV_FIX);
        }
        String where = file + ":" + line;
        if (rec.size() != columns) {
          String fields = rec.size() + (rec.size() == 1 ? " field" : " fields");
          throw ClaimcheckException.usage("a claims CSV row has " + fields + " where the header has " + columns, where,
              CSV_FIX);
        }
        try {
          out.add(new Entry(csvClaim(rec), line));
        } catch (IllegalArgumentException e) {
          throw ClaimcheckException.usage("malformed claims CSV", where + ": " + e.getMessage(), CSV_FIX);
        }
      }
    }
    return out;
  }

  /** The claim of a row of a CSV whose header has a `claim` column and as many names as the row has fields. */
  private static Claim csvClaim(CSVRecord rec) {
    String id = rec.isMapped(Column.claim_id.name()) ? rec.get(Column.claim_id) : Long.toString(rec.getRecordNumber());
    if (!rec.isMapped(Column.article_id.name())) {
      return plain(id, rec.get(Column.claim), (int) rec.getRecordNumber() - 1);
    }
    return new Claim(id, rec.get(Column.article_id), rec.get(Column.article_url), null,
        Integer.parseInt(rec.get(Column.sentence_index)), rec.get(Column.sentence), null, rec.get(Column.claim),
        rec.get(Column.subject), rec.get(Column.relation), rec.get(Column.object),
        Boolean.parseBoolean(rec.get(Column.negated)), Boolean.parseBoolean(rec.get(Column.hedged)),
        Double.parseDouble(rec.get(Column.check_worthiness)),
        rec.get(Column.reasons).isEmpty() ? List.of() : List.of(rec.get(Column.reasons).split("; ")),
        optional(rec, Column.entities).isEmpty() ? List.of() : List.of(optional(rec, Column.entities).split(" ")),
        optional(rec, Column.certainty),
        optional(rec, Column.topic).isEmpty() ? List.of() : List.of(optional(rec, Column.topic).split(" ")));
  }

  /**
   * The line (from 1) the CSV record after line {@code after} starts on: the next line that is not empty, as the
   * parser skips empty lines between records.
   */
  private static int nextRecordLine(List<String> lines, int after) {
    int i = after;
    while (i < lines.size() && lines.get(i).isEmpty()) {
      i++;
    }
    return i + 1;
  }

  /** What Commons CSV said was wrong, without the wrapping exception's class. */
  /** What a CSV parser's exception says, without the exception classes it comes wrapped in. */
  public static String csvProblem(Exception e) {
    Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    return String.valueOf(t.getMessage());
  }

  /** A column that older claims files do not have: empty when absent. */
  private static String optional(CSVRecord rec, Column column) {
    return rec.isMapped(column.name()) ? rec.get(column) : "";
  }

  private static List<Entry> readTsv(Path file) throws IOException {
    List<Entry> out = new ArrayList<>();
    int lineNo = 0;
    List<String> lines;
    try (BufferedReader r = TextFiles.reader(file)) {
      lines = r.lines().toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    boolean first = true;
    for (String line : lines) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab < 0) {
        throw ClaimcheckException.usage("a TSV claim line has no tab", file + ":" + lineNo,
            "Write one claim per line as id<TAB>claim");
      }
      String id = line.substring(0, tab).strip();
      String text = line.substring(tab + 1).strip();
      boolean header = first && isTsvHeader(id, text);
      first = false;
      if (!header) {
        out.add(new Entry(plain(id, text, lineNo - 1), lineNo));
      }
    }
    return out;
  }

  /**
   * Whether the first line of a TSV is a header: {@code id<TAB>claim} or {@code id<TAB>text} in any case, more columns
   * after them allowed.
   */
  private static boolean isTsvHeader(String id, String text) {
    String second = text.split("\t", 2)[0].strip();
    return id.equalsIgnoreCase("id") && (second.equalsIgnoreCase("claim") || second.equalsIgnoreCase("text"));
  }

  /** The one reason of a {@link #plain} claim. */
  public static final String GIVEN = "given";

  /**
   * A claim given directly (not extracted from an article): full check-worthiness, no article, nothing marked (see
   * {@link ClaimExtractor#analyseGiven}).
   */
  public static Claim plain(String id, String text, int index) {
    return new Claim(id, "", "", null, Math.max(0, index), text, null, text, "", "", "", false, false, 1.0,
        List.of(GIVEN), List.of(), "certain");
  }
}
