package org.claimcheck.claim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.claimcheck.AtomicFiles;
import org.claimcheck.ClaimcheckException;
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
    entities
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
          String.join("; ", c.reasons()), c.certainty(), String.join(" ", c.entities()));
    }
    csv.flush();
  }

  /**
   * Reads claims from a claims.jsonl or claims.csv written by claimcheck, a SciFact claims file ({@code id},
   * {@code claim}), a BEIR queries file ({@code _id}, {@code text}), or a TSV of {@code id<TAB>claim}.
   */
  public static List<Claim> read(Path file) {
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

  private static List<Claim> readJsonl(Path file) throws IOException {
    List<Claim> out = new ArrayList<>();
    try (BufferedReader r = reader(file)) {
      int lineNo = 0;
      for (String line; (line = r.readLine()) != null; ) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode n;
        try {
          n = Json.MAPPER.readTree(line);
        } catch (IOException e) {
          throw ClaimcheckException.usage("not a JSON line", file + ":" + lineNo,
              "Each line of a .jsonl claims file is one JSON object");
        }
        if (n.has("articleId")) {
          out.add(Json.MAPPER.treeToValue(n, Claim.class));
        } else if (n.has("claim") || n.has("text")) {
          String id = n.hasNonNull("id") ? n.get("id").asText() : n.path("_id").asText();
          String text = n.has("claim") ? n.get("claim").asText() : n.get("text").asText();
          out.add(plain(id, text, lineNo - 1));
        } else {
          throw ClaimcheckException.usage("a claim line has neither `claim` nor `text`", file + ":" + lineNo,
              "Give claimcheck's claims.jsonl, SciFact claims ({\"id\", \"claim\"}) or BEIR queries ({\"_id\", \"text\"})");
        }
      }
    }
    return out;
  }

  private static List<Claim> readCsv(Path file) throws IOException {
    List<Claim> out = new ArrayList<>();
    try (Reader r = reader(file)) {
      var format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord rec : format.parse(r)) {
        if (!rec.isMapped(Column.claim.name())) {
          throw ClaimcheckException.usage("the CSV has no `claim` column", file.toString(),
              "Give a claims.csv written by `claimcheck extract`");
        }
        String id = rec.isMapped(Column.claim_id.name()) ? rec.get(Column.claim_id) : Long.toString(rec.getRecordNumber());
        if (!rec.isMapped(Column.article_id.name())) {
          out.add(plain(id, rec.get(Column.claim), (int) rec.getRecordNumber() - 1));
          continue;
        }
        out.add(new Claim(id, rec.get(Column.article_id), rec.get(Column.article_url), null,
            Integer.parseInt(rec.get(Column.sentence_index)), rec.get(Column.sentence), null, rec.get(Column.claim),
            rec.get(Column.subject), rec.get(Column.relation), rec.get(Column.object),
            Boolean.parseBoolean(rec.get(Column.negated)), Boolean.parseBoolean(rec.get(Column.hedged)),
            Double.parseDouble(rec.get(Column.check_worthiness)),
            rec.get(Column.reasons).isEmpty() ? List.of() : List.of(rec.get(Column.reasons).split("; ")),
            optional(rec, Column.entities).isEmpty() ? List.of() : List.of(optional(rec, Column.entities).split(" ")),
            optional(rec, Column.certainty)));
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw ClaimcheckException.usage("malformed claims CSV", file + ": " + e.getMessage(),
          "Give a claims.csv written by `claimcheck extract`");
    }
    return out;
  }

  /** A column that older claims files do not have: empty when absent. */
  private static String optional(CSVRecord rec, Column column) {
    return rec.isMapped(column.name()) ? rec.get(column) : "";
  }

  private static List<Claim> readTsv(Path file) throws IOException {
    List<Claim> out = new ArrayList<>();
    int lineNo = 0;
    List<String> lines;
    try (BufferedReader r = reader(file)) {
      lines = r.lines().toList();
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
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
      out.add(plain(line.substring(0, tab).strip(), line.substring(tab + 1).strip(), lineNo - 1));
    }
    return out;
  }

  /** {@code file} as UTF-8 text, past a byte-order mark at its start (Windows editors write one). */
  private static BufferedReader reader(Path file) throws IOException {
    BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    r.mark(1);
    if (r.read() != '\ufeff') {
      r.reset();
    }
    return r;
  }

  /** A claim given directly (not extracted from an article): full check-worthiness, no article. */
  public static Claim plain(String id, String text, int index) {
    return new Claim(id, "", "", null, Math.max(0, index), text, null, text, "", "", "", false, false, 1.0,
        List.of("given"), List.of(), "certain");
  }
}
