package org.claimcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Json;
import org.claimcheck.article.Article;
import org.claimcheck.article.FetchResult;
import org.claimcheck.article.Fetcher;
import org.claimcheck.article.Source;
import org.claimcheck.article.Sources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code claimcheck text}: the main text of saved pages, no network. */
@Command(name = "text", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {"Prints the main text of saved web pages (no network): the article without menus, banners, "
        + "share buttons or comments.",
        "Example: claimcheck text --format jsonl corpus/inbox/*.html"})
public final class TextCommand implements Callable<Integer> {
  enum Format { text, json, jsonl }

  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Saved pages: .html, .htm, .html.gz or .txt "
      + "(claimcheck fetch takes URLs).")
  List<String> files;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text, json (one array) or jsonl (one {\"source\",\"title\",\"text\",...} per input; "
          + "\"note\" when the page was cut at 10 MiB). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of stdout.")
  Path output;

  @Override
  public Integer call() throws Exception {
    List<Source> sources = new ArrayList<>();
    for (String f : files) {
      if (f.toLowerCase(Locale.ROOT).matches("^[a-z][a-z0-9+.-]*://.*")) {
        throw ClaimcheckException.usage("text reads saved pages only, not URLs", f,
            "Save the page and name the file, or fetch URLs with claimcheck fetch");
      }
      Path p = Path.of(f);
      if (Files.isDirectory(p)) {
        throw ClaimcheckException.usage("a folder, not a page", f, "Name the page files themselves");
      }
      if (!Files.isRegularFile(p)) {
        throw ClaimcheckException.usage("no such file", f, "Name an existing .html, .htm, .html.gz or .txt file (text "
            + "reads saved pages only; claimcheck fetch takes URLs)");
      }
      sources.addAll(Sources.resolve(List.of(f), Path.of("")));
    }
    Outputs.checkWritable(output);
    List<Map<String, Object>> results = new ArrayList<>();
    int failed = 0;
    List<FetchResult> fetched;
    try (Fetcher fetcher = new Fetcher(Fetcher.Options.defaults(), Clock.systemUTC())) {
      fetched = new ArrayList<>();
      for (Source s : sources) {
        fetched.add(fetcher.fetch(s, null)); // local files only: no network
      }
    }
    for (FetchResult r : fetched) {
      Source s = r.source();
      if (r instanceof FetchResult.Fetched f) {
        results.add(view(f.article(), f.note()));
        if (f.note() != null) {
          spec.commandLine().getErr().println("warning: " + s.name() + ": " + f.note() + ", the text is of the part "
              + "read");
        }
      } else {
        failed++;
        String reason = r instanceof FetchResult.Skipped sk ? sk.reason() : ((FetchResult.Failed) r).reason();
        spec.commandLine().getErr().println("warning: " + r.outcome() + " " + s.name() + ": " + reason);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", s.name());
        m.put("error", reason);
        results.add(m);
      }
    }
    Outputs.write(output, spec.commandLine().getOut(), w -> {
      switch (format) {
        case text -> {
          boolean first = true;
          for (Map<String, Object> m : results) {
            if (!m.containsKey("text")) {
              continue;
            }
            if (!first) {
              w.write("\n");
            }
            first = false;
            if (sources.size() > 1) {
              w.write("==> " + m.get("source") + " <==\n");
            }
            w.write(m.get("text") + "\n");
          }
        }
        case json -> w.write(Json.pretty(results) + "\n");
        case jsonl -> {
          for (Map<String, Object> m : results) {
            w.write(Json.line(m) + "\n");
          }
        }
      }
    });
    return failed == sources.size() ? Main.FAILURE : Main.OK;
  }

  /** The record of one page; {@code note} ("cut at N bytes"), when not null, goes in a {@code note} field. */
  static Map<String, Object> view(Article a, String note) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", a.source());
    m.put("title", a.title());
    m.put("text", a.text());
    m.put("author", a.author());
    m.put("published", a.published());
    m.put("modified", a.modified());
    m.put("language", a.language());
    m.put("canonicalUrl", a.canonicalUrl());
    m.put("blocks", a.blocks());
    if (note != null) {
      m.put("note", note);
    }
    return m;
  }
}
