package org.claimcheck.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimcheck.Tally;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the user names, turned into sources with stable ids. */
class SourcesTest {
  @Test
  void aFragmentIsNotPartOfAUrlSource(@TempDir Path dir) throws IOException {
    Source page = Source.url(URI.create("http://h.example/page"));
    Source part = Source.url(URI.create("http://h.example/page#frag"));
    assertEquals(page, part);
    assertEquals("http://h.example/page", part.name());
    assertEquals(URI.create("http://h.example/page"), part.uri());
    assertEquals(page.id(), part.id());
    assertEquals(List.of(page), Sources.resolve(List.of("http://h.example/page", "http://h.example/page#frag"), dir));
    Path list = Files.writeString(dir.resolve("sources.txt"), "http://h.example/page\nhttp://h.example/page#frag\n");
    Tally tally = new Tally("sources");
    assertEquals(List.of(page), Sources.readList(list, dir, tally), "fetched and stored once");
    assertEquals(0, tally.total());
  }

  @Test
  void commentsAfterASpaceOrATabAndBadLinesNamedWithTheirPlace(@TempDir Path dir) throws IOException {
    Path list = Files.writeString(dir.resolve("sources.txt"), """
        # watched sites
        http://h.example/a\t# after a tab
        http://h.example/b # after a space
        \t# an indented comment
        http://h.example/c#part
        ftp://h.example/d
        """);
    Tally tally = new Tally("sources");
    List<String> skipped = new java.util.ArrayList<>();
    List<Source> sources = Sources.readList(list, dir, tally, (where, why) -> skipped.add(where + " | " + why));
    assertEquals(List.of("http://h.example/a", "http://h.example/b", "http://h.example/c"),
        Sources.names(sources));
    assertEquals(List.of("sources.txt:6 ftp://h.example/d | unsupported URL scheme"), skipped);
    assertEquals(1, tally.get("SKIPPED"));
  }

  /** A list saved by a Windows editor: its byte-order mark made the first line a missing file. */
  @Test
  void aByteOrderMarkIsNotPartOfTheFirstLine(@TempDir Path dir) throws IOException {
    Path list = dir.resolve("sources.txt");
    Files.write(list, "\ufeff# my sources\r\nhttp://h.example/a\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Tally tally = new Tally("sources");
    assertEquals(List.of("http://h.example/a"), Sources.names(Sources.readList(list, dir, tally)));
    assertEquals(0, tally.total());
    Files.write(list, "\ufeffhttp://h.example/b\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(List.of("http://h.example/b"), Sources.names(Sources.readList(list, dir, tally)));
  }
}
