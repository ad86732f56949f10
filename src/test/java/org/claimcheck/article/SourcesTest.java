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
}
