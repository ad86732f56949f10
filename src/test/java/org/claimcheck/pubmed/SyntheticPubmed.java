package org.claimcheck.pubmed;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.claimcheck.Json;
import org.jsoup.nodes.Entities;

/**
 * Writes PubMed baseline-like files for benchmarks: records shaped like the real ones of
 * {@code ../shared/data/pubmed-sample} (each synthetic record is a real record's XML, authors, MeSH, references and
 * all, given a new PMID, another real title and an abstract recombined from real sentences, with a few invented rare
 * tokens so the vocabulary keeps growing as PubMed's does). Nothing is written into the repository.
 */
public final class SyntheticPubmed {
  private static final Pattern PMID = Pattern.compile("<PMID( Version=\"\\d+\")?>\\d+</PMID>");
  private static final Pattern TITLE = Pattern.compile("<ArticleTitle>.*?</ArticleTitle>", Pattern.DOTALL);
  private static final Pattern ABSTRACT_TEXT = Pattern.compile("(<AbstractText(?:\\s[^>]*[^/])?>)(.*?)(</AbstractText>)",
      Pattern.DOTALL);

  private final List<String> templates = new ArrayList<>();
  private final List<String> titles = new ArrayList<>();
  private final List<String> sentences = new ArrayList<>();

  /** Reads the templates from {@code sampleXmlDir} and text from it and, when present, a SciFact corpus. */
  public SyntheticPubmed(Path sampleXmlDir, Path scifactCorpus) throws IOException {
    List<Path> files;
    try (var s = Files.list(sampleXmlDir)) {
      files = s.filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".xml.gz")).sorted().toList();
    }
    for (Path f : files) {
      InputStream in = Files.newInputStream(f);
      if (f.toString().endsWith(".gz")) {
        in = new GZIPInputStream(in);
      }
      try (var splitter = new PubmedXmlSplitter(in, f.toString())) {
        for (PubmedXmlSplitter.Chunk c; (c = splitter.next()) != null; ) {
          if (c.kind() != PubmedXmlSplitter.Kind.ARTICLE || c.problem() != null) {
            continue;
          }
          templates.add(new String(c.bytes(), StandardCharsets.UTF_8));
          if (PubmedXmlReader.parse(c, "UTF-8") instanceof RecordReader.Entry.Upsert u) {
            titles.add(u.record().title());
            for (PubmedRecord.Section s : u.record().sections()) {
              for (String sentence : s.text().split("(?<=\\.) (?=[A-Z])")) {
                sentences.add(sentence);
              }
            }
          }
        }
      }
    }
    if (scifactCorpus != null && Files.isRegularFile(scifactCorpus)) {
      try (BufferedReader r = Files.newBufferedReader(scifactCorpus, StandardCharsets.UTF_8)) {
        for (String line; (line = r.readLine()) != null; ) {
          JsonNode n = Json.MAPPER.readTree(line);
          titles.add(n.path("title").asText());
          n.path("abstract").forEach(x -> sentences.add(x.asText()));
        }
      }
    }
  }

  public int templates() {
    return templates.size();
  }

  /** Writes {@code n} records with PMIDs from {@code firstPmid} to {@code out} (gzipped when it ends with .gz). */
  public long write(Path out, int n, int firstPmid, long seed) throws IOException {
    Random rnd = new Random(seed);
    OutputStream os = Files.newOutputStream(out);
    if (out.toString().endsWith(".gz")) {
      os = new GZIPOutputStream(os, 1 << 16);
    }
    long abstracts = 0;
    try (Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
      w.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle,"
          + " 1st January 2025//EN\" \"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd\">\n"
          + "<PubmedArticleSet>\n");
      for (int i = 0; i < n; i++) {
        String t = templates.get(rnd.nextInt(templates.size()));
        t = PMID.matcher(t).replaceFirst("<PMID Version=\"1\">" + (firstPmid + i) + "</PMID>");
        String title = escape(titles.get(rnd.nextInt(titles.size())));
        t = TITLE.matcher(t).replaceFirst(Matcher.quoteReplacement("<ArticleTitle>" + title + "</ArticleTitle>"));
        Matcher m = ABSTRACT_TEXT.matcher(t);
        StringBuilder sb = new StringBuilder();
        boolean any = false;
        while (m.find()) {
          int count = Math.max(1, m.group(2).split("(?<=\\.) (?=[A-Z])").length);
          StringBuilder text = new StringBuilder();
          for (int k = 0; k < count; k++) {
            if (k > 0) {
              text.append(' ');
            }
            text.append(escape(sentences.get(rnd.nextInt(sentences.size()))));
            if (rnd.nextInt(8) == 0) {
              text.append(" (").append(rareToken(rnd)).append(')');
            }
          }
          m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + text + m.group(3)));
          any = true;
        }
        m.appendTail(sb);
        if (any) {
          abstracts++;
        }
        w.write(sb.toString());
        w.write('\n');
      }
      w.write("</PubmedArticleSet>\n");
    }
    return abstracts;
  }

  private static String rareToken(Random rnd) {
    String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    StringBuilder sb = new StringBuilder();
    for (int i = 0, n = 2 + rnd.nextInt(3); i < n; i++) {
      sb.append(letters.charAt(rnd.nextInt(letters.length())));
    }
    return sb.append(rnd.nextInt(rnd.nextBoolean() ? 100 : 100_000)).toString();
  }

  private static String escape(String s) {
    return Entities.escape(s).replace("&nbsp;", "&#xa0;");
  }
}
