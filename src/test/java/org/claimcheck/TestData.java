package org.claimcheck;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find their fixtures and the shared data beside the checkout. */
public final class TestData {
  private TestData() {}

  /** A fixture under src/test/resources, by its resource path (e.g. "org/claimcheck/pubmed/x.xml"). */
  public static Path resource(String name) {
    var url = TestData.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalArgumentException("no test resource " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A path under {@code ../shared/data}; the calling test is skipped (not failed) when the shared data is absent, as on
   * a fresh clone.
   */
  public static Path shared(String relative) {
    String base = System.getProperty("claimcheck.shared.data", "../shared/data");
    Path p = Path.of(base).resolve(relative);
    assumeTrue(Files.exists(p), "shared data absent: " + p);
    return p;
  }

  /** Copies a resource to {@code target}. */
  public static Path copy(String resource, Path target) {
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      return Files.copy(resource(resource), target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
