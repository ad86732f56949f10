package org.claimcheck.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.lucene.analysis.Analyzer;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.TextFiles;
import org.claimcheck.Json;
import org.claimcheck.claim.Claim;
import org.claimcheck.claim.ClaimsFile;
import org.claimcheck.index.AbstractSearcher;
import org.claimcheck.index.IndexSchema;
import org.claimcheck.index.SearchHit;
import org.claimcheck.index.SearchPage;
import org.claimcheck.index.SearchRequest;
import org.claimcheck.index.TrecRun;
import org.claimcheck.server.QueryGuard;
import org.jsoup.parser.Parser;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code claimcheck search}: queries the abstract index. */
@Command(name = "search", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {"Searches the abstract index with BM25: one QUERY in Lucene syntax, or a file of queries "
        + "(--queries: BEIR queries.jsonl, SciFact claims .jsonl, or TSV id<TAB>text) searched as plain words. An "
        + "index built with --dense ranks plain-words queries hybrid (BM25 + dense vectors); see --ranking.",
        "Examples:",
        "  claimcheck search 'title:cobalamin AND neuropathy' --year 2010..2024 --humans",
        "  claimcheck search --queries claims.jsonl --hits 100 --format trec --output run.trec"})
public final class SearchCommand implements Callable<Integer> {
  enum Format { text, json, csv, trec }

  enum Syntax { lucene, text }

  /** The CSV columns of search results (new ones go at the end: scripts read them by position). */
  enum Column { query_id, rank, id, score, year, title, best_sentence, url, retracted }

  @Mixin
  CommonOptions common;

  @Mixin
  IndexOption indexOption;

  @Mixin
  Bm25Options bm25;

  @Mixin
  RankingOptions ranking;

  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  QueryInput input;

  static final class QueryInput {
    @Parameters(paramLabel = "QUERY", description = "A query in Lucene syntax.")
    String query;

    @Option(names = "--queries", paramLabel = "FILE", description = "A file of queries, each with an id of its own "
        + "(one word: it is the query id of TREC output).")
    Path queries;
  }

  @Option(names = "--hits", defaultValue = "10", paramLabel = "N", description = "Hits per query, 1 to 10000 "
      + "(default: ${DEFAULT-VALUE}).")
  int hits;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text, json (one object per query per line), csv or trec (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--syntax", paramLabel = "SYNTAX",
      description = "lucene or text; default: lucene for QUERY, text for --queries.")
  Syntax syntax;

  @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of stdout.")
  Path output;

  @Option(names = "--tag", defaultValue = "claimcheck", paramLabel = "TAG",
      description = "Run tag for TREC output: one word (default: ${DEFAULT-VALUE}).")
  String tag;

  @Option(names = "--year", paramLabel = "FROM..TO", description = "Publication years, e.g. 2015..2024, 2015.. or 2020.")
  String year;

  @Option(names = "--pubtype", paramLabel = "TYPE", description = "Publication type, e.g. 'Randomized Controlled "
      + "Trial' (repeat for any of several).")
  List<String> pubTypes = new ArrayList<>();

  @Option(names = "--mesh", paramLabel = "DESCRIPTOR", description = "MeSH descriptor (repeat: all must match).")
  List<String> mesh = new ArrayList<>();

  @Option(names = "--humans", description = "Only records with the MeSH check tag Humans.")
  boolean humans;

  @Option(names = "--animals", description = "Only records with the MeSH check tag Animals.")
  boolean animals;

  @Option(names = "--offset", defaultValue = "0", paramLabel = "N",
      description = "Pass over the N best hits first, 0 to 10000 (default: ${DEFAULT-VALUE}).")
  int offset;

  @Option(names = "--page", paramLabel = "P", description = "Page P (from 1) of --hits hits each; instead of --offset.")
  Integer page;

  @Option(names = "--exclude-retracted", description = "Leave out retracted publications.")
  boolean excludeRetracted;

  @Option(names = "--excel", description = "With --format csv: for spreadsheets, as run --excel writes its reports (a "
      + "UTF-8 byte-order mark; cells that begin with = + - @ get a leading apostrophe, so none runs as a formula).")
  boolean excel;

  @Override
  public Integer call() throws Exception {
    if (hits < 1 || hits > 10_000) {
      throw ClaimcheckException.usage("--hits must be between 1 and 10000", Integer.toString(hits), null);
    }
    if (page != null) {
      if (spec.commandLine().getParseResult().hasMatchedOption("--offset")) {
        throw ClaimcheckException.usage("--page and --offset cannot be combined", "--page " + page + " --offset "
            + offset, "Give --page P (hits (P - 1) * --hits + 1 on) or --offset N, not both");
      }
      if (page < 1 || (long) (page - 1) * hits > SearchRequest.MAX_HITS) {
        throw ClaimcheckException.usage("bad --page", Integer.toString(page),
            "Pages start at 1 and must start within the first 10000 hits");
      }
      offset = (page - 1) * hits;
    }
    if (offset < 0 || offset > SearchRequest.MAX_HITS) {
      throw ClaimcheckException.usage("--offset must be between 0 and 10000", Integer.toString(offset), null);
    }
    if (!TrecRun.isField(tag)) {
      throw ClaimcheckException.usage("bad --tag", "'" + TextFiles.clip(tag) + "'",
          "A TREC run tag is one word: not empty, no spaces or control characters");
    }
    if (excel && format != Format.csv) {
      throw ClaimcheckException.usage("--excel needs --format csv", "--format " + format,
          "Add --format csv, or leave out --excel");
    }
    Integer[] years = parseYears(year);
    requireValues("--pubtype", pubTypes, "a publication type, e.g. 'Randomized Controlled Trial'");
    requireValues("--mesh", mesh, "a MeSH descriptor, e.g. Melatonin");
    List<Claim> queries;
    if (input.queries != null) {
      Outputs.requireFile(input.queries, "queries file",
          "Give BEIR queries.jsonl, SciFact claims .jsonl, or TSV id<TAB>text");
      queries = readQueries(input.queries);
    } else {
      queries = List.of(ClaimsFile.plain("1", input.query, 0));
    }
    Outputs.checkWritable(output);
    SearchRequest.Syntax s = syntax != null ? (syntax == Syntax.lucene ? SearchRequest.Syntax.LUCENE
        : SearchRequest.Syntax.TEXT) : input.queries != null ? SearchRequest.Syntax.TEXT : SearchRequest.Syntax.LUCENE;
    List<String> notes = s == SearchRequest.Syntax.LUCENE ? checkLucene(queries) : checkText(queries);
    List<String> warnings;
    try (AbstractSearcher searcher = AbstractSearcher.open(indexOption.index, bm25.bm25(), ranking.settings(), null)) {
      warnings = unmatched(searcher);
      List<Result> results = new ArrayList<>();
      for (Claim q : queries) {
        SearchRequest req = new SearchRequest(q.claim(), s, hits, years[0], years[1], pubTypes, mesh,
            humans ? Boolean.TRUE : null, excludeRetracted, offset, animals ? Boolean.TRUE : null);
        SearchPage found;
        try {
          found = searcher.page(req);
        } catch (ClaimcheckException e) {
          throw clipped(e, q.claim());
        }
        results.add(new Result(q.id(), q.claim(), found.hits(), found.totalHits(), found.totalIsExact()));
      }
      Outputs.write(output, spec.commandLine().getOut(), w -> print(w, results));
    }
    warnings.forEach(n -> spec.commandLine().getErr().println("warning: " + n));
    notes.forEach(n -> spec.commandLine().getErr().println("note: " + n));
    return Main.OK;
  }

  /** A blank value of a filter option is a usage error: it would match no record (the server refuses it too). */
  private static void requireValues(String option, List<String> values, String example) {
    for (String v : values) {
      if (v.isBlank()) {
        throw ClaimcheckException.usage("blank " + option, option + " '" + v + "'",
            "Give " + example + ", or leave out " + option);
      }
    }
  }

  /**
   * Warnings for --pubtype and --mesh values no record of the index holds (a search filtered by one finds nothing
   * there), each with the closest values the index holds.
   */
  private List<String> unmatched(AbstractSearcher searcher) throws IOException {
    List<String> out = new ArrayList<>();
    searcher.unmatchedFilterValues(IndexSchema.PUBTYPE, pubTypes).forEach((v, near) ->
        out.add(unmatchedNote("publication type", v, near)));
    searcher.unmatchedFilterValues(IndexSchema.MESH, mesh).forEach((v, near) ->
        out.add(unmatchedNote("MeSH descriptor", v, near)));
    return out;
  }

  /** What a warning says about a filter value no record holds. */
  private static String unmatchedNote(String what, String value, List<String> closest) {
    return "no record in the index has the " + what + " '" + TextFiles.clip(value) + "'"
        + (closest.isEmpty() ? "" : " (closest: " + String.join("; ", closest) + ")");
  }

  /**
   * Checks Lucene-syntax queries before any search, as the server checks them (the same fields, in the same words):
   * a usage error for the first that cannot run, naming its line; notes for those that cannot match anything.
   */
  private List<String> checkLucene(List<Claim> queries) {
    List<String> excluding = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      Claim q = queries.get(i);
      QueryGuard.Problem p = QueryGuard.checkTyped(q.claim());
      if (p != null) {
        String where = input.queries == null ? "" : where(input.queries, q, i) + ": ";
        throw ClaimcheckException.usage(p.error(), where + p.detail(), p.hint());
      }
      if (QueryGuard.onlyExcludes(q.claim())) {
        excluding.add(q.id());
      }
    }
    if (excluding.isEmpty()) {
      return List.of();
    }
    return List.of(which(excluding) + " a group of only NOT clauses, which matches nothing in Lucene: give it "
        + "something to match, e.g. *:* NOT x for every record without x");
  }

  /**
   * Notes for plain-words queries with more distinct words than the searcher takes: it searches the first
   * {@link SearchRequest#MAX_TEXT_TERMS} (as analysed: stop words out, stems merged) and passes over the rest.
   */
  private List<String> checkText(List<Claim> queries) {
    List<String> cut = new ArrayList<>();
    try (Analyzer analyzer = IndexSchema.textAnalyzer()) {
      for (Claim q : queries) {
        if (IndexSchema.distinctTerms(analyzer, q.claim(), SearchRequest.MAX_TEXT_TERMS + 1) > SearchRequest.MAX_TEXT_TERMS) {
          cut.add(q.id());
        }
      }
    }
    if (cut.isEmpty()) {
      return List.of();
    }
    return List.of(which(cut) + " more than " + SearchRequest.MAX_TEXT_TERMS + " distinct words; only the first "
        + SearchRequest.MAX_TEXT_TERMS + " were searched");
  }

  /** The subject of a note about the queries {@code ids}: the query, or how many of the file's, the first named. */
  private String which(List<String> ids) {
    if (input.queries == null) {
      return "the query has";
    }
    String first = String.join(", ", ids.subList(0, Math.min(5, ids.size()))) + (ids.size() > 5 ? ", ..." : "");
    return ids.size() == 1 ? "1 query (" + first + ") has" : ids.size() + " queries (" + first + ") have";
  }

  /** {@code e}, a searcher's error, with the query it echoes clipped to {@link TextFiles#clip}'s length. */
  private static ClaimcheckException clipped(ClaimcheckException e, String query) {
    if (e.context() == null || query.length() <= 100 || !e.context().contains(query)) {
      return e;
    }
    String context = e.context().replace(query, TextFiles.clip(query));
    return e.exitCode() == ClaimcheckException.USAGE ? ClaimcheckException.usage(e.what(), context, e.fix())
        : new ClaimcheckException(e.what(), context, e.fix(), e);
  }

  /**
   * The queries of a file ({@link ClaimsFile#read}, which reads past a UTF-8 byte-order mark), each with an id that
   * can stand in a TREC run: not empty, no white space or control characters, not given before. Otherwise, and when
   * the file holds no query, a usage error that names the line.
   */
  static List<Claim> readQueries(Path file) {
    List<Claim> queries = ClaimsFile.read(file);
    if (queries.isEmpty()) {
      throw ClaimcheckException.usage("the queries file holds no query", file.toString(),
          "Give one query per line: BEIR queries.jsonl, SciFact claims .jsonl, or TSV id<TAB>text");
    }
    Map<String, String> seen = new HashMap<>();
    for (int i = 0; i < queries.size(); i++) {
      Claim q = queries.get(i);
      String where = where(file, q, i);
      if (q.id().isEmpty()) {
        throw ClaimcheckException.usage("a query has no id", where,
            "Give every query an id: id<TAB>text in TSV, \"_id\" (BEIR) or \"id\" (SciFact) in JSONL");
      }
      if (!TrecRun.isField(q.id())) {
        throw ClaimcheckException.usage("a query id holds white space or a control character",
            where + ": '" + TextFiles.clip(q.id()) + "'", "Use ids without spaces, e.g. q3 (a TREC run splits lines on spaces)");
      }
      if (q.claim().isBlank()) {
        throw ClaimcheckException.usage("query '" + TextFiles.clip(q.id()) + "' has no text", where,
            "Give every query its words: id<TAB>text in TSV, \"text\" (BEIR) or \"claim\" (SciFact) in JSONL");
      }
      String first = seen.putIfAbsent(q.id(), where);
      if (first != null) {
        throw ClaimcheckException.usage("query id '" + TextFiles.clip(q.id()) + "' given twice", first + " and " + where,
            "Give each query an id of its own");
      }
    }
    return queries;
  }

  /** Where query {@code i} of {@code file} was read: its line, or for claims files from extract its position. */
  private static String where(Path file, Claim q, int i) {
    if (!q.articleId().isEmpty()) {
      return file + ", claim " + (i + 1);
    }
    boolean csv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    // ClaimsFile numbers a plain query by its line (TSV, JSONL) or its record after the header (CSV), from 0.
    return csv ? file + ", record " + (q.sentenceIndex() + 1) : file + ":" + (q.sentenceIndex() + 1);
  }

  record Result(String queryId, String query, List<SearchHit> hits, long total, boolean totalExact) {}

  static Integer[] parseYears(String year) {
    if (year == null) {
      return new Integer[] {null, null};
    }
    var m = java.util.regex.Pattern.compile("^(\\d{4})?(\\.\\.)?(\\d{4})?$").matcher(year.strip());
    if (!m.matches() || (m.group(1) == null && m.group(3) == null)
        || (m.group(2) == null && m.group(3) != null)) {
      throw ClaimcheckException.usage("bad --year", year, "Write a year (2020) or a range (2015..2024, 2015.., ..2020)");
    }
    Integer from = m.group(1) == null ? null : Integer.valueOf(m.group(1));
    Integer to = m.group(2) == null ? from : m.group(3) == null ? null : Integer.valueOf(m.group(3));
    if (from != null && to != null && from > to) {
      throw ClaimcheckException.usage("empty --year range", year, "Put the earlier year first");
    }
    return new Integer[] {from, to};
  }

  private void print(Writer w, List<Result> results) throws IOException {
    switch (format) {
      case text -> {
        for (Result r : results) {
          if (results.size() > 1) {
            w.write("# " + printable(r.queryId() + " " + r.query()) + "\n");
          }
          if (r.hits().isEmpty()) {
            w.write("no hits\n");
          }
          for (SearchHit h : r.hits()) {
            w.write(String.format(Locale.ROOT, "%3d. %-10s %7.3f  %s  %s%s%n", h.rank(), printable(h.id()), h.score(),
                h.record().year() == null ? "----" : h.record().year(), h.record().retracted() ? RETRACTED : "",
                printable(h.record().title())));
            w.write("     " + printable(plain(h.highlight())) + "\n");
          }
        }
      }
      case json -> {
        for (Result r : results) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("queryId", r.queryId());
          m.put("query", r.query());
          m.put("total", r.total());
          m.put("totalIsExact", r.totalExact());
          m.put("offset", offset);
          m.put("hits", r.hits().stream().map(SearchCommand::hitView).toList());
          w.write(Json.line(m) + "\n");
        }
      }
      case csv -> {
        if (excel) {
          w.write('\ufeff');
        }
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(Column.class).get());
        for (Result r : results) {
          for (SearchHit h : r.hits()) {
            Object[] cells = {r.queryId(), h.rank(), h.id(), String.format(Locale.ROOT, "%.4f", h.score()),
                h.record().year(), h.record().title(), plainText(h.highlight()), h.record().pubmedUrl(),
                h.record().retracted()};
            for (Object cell : cells) {
              csv.print(excel ? org.claimcheck.report.ClaimsReport.cell(cell, true) : cell);
            }
            csv.println();
          }
        }
        csv.flush();
      }
      case trec -> {
        for (Result r : results) {
          TrecRun.write(w, r.queryId(), r.hits(), tag);
        }
      }
    }
  }

  /** What text output puts before a retracted record's title. */
  static final String RETRACTED = "[RETRACTED] ";

  static Map<String, Object> hitView(SearchHit h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rank", h.rank());
    m.put("id", h.id());
    m.put("score", h.score());
    m.put("title", h.record().title());
    m.put("year", h.record().year());
    m.put("journal", h.record().journal());
    m.put("pubDate", h.record().pubDate());
    m.put("authors", h.record().authors());
    m.put("doi", h.record().doi());
    m.put("mesh", h.record().mesh().stream().map(x -> x.descriptor()).toList());
    m.put("humans", h.record().humans());
    m.put("animals", h.record().animals());
    m.put("publicationTypes", h.record().publicationTypes());
    m.put("retracted", h.record().retracted());
    m.put("bestSentence", h.bestSentence());
    m.put("highlight", h.highlight());
    m.put("url", h.record().pubmedUrl());
    return m;
  }

  /** The highlight for a terminal: marks as [brackets], entities decoded. */
  static String plain(String html) {
    return Parser.unescapeEntities(html.replace("<mark>", "[").replace("</mark>", "]"), false);
  }

  /**
   * {@code s} for a terminal, one line: line breaks and tabs become spaces; other control characters (ESC and CSI
   * sequences among them) and the characters that reorder text (bidirectional overrides and isolates) become U+FFFD,
   * so that a record can neither break the layout nor drive the terminal.
   */
  static String printable(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f' || c == '\u0085' || c == '\u2028'
          || c == '\u2029') {
        sb.append(' ');
      } else if (Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
        sb.append('\uFFFD');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  static String plainText(String html) {
    return Parser.unescapeEntities(html.replace("<mark>", "").replace("</mark>", ""), false);
  }
}
