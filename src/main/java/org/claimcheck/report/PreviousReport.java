package org.claimcheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.claimcheck.Json;

/**
 * Thread-safe (immutable). The report a run compares itself with: the most recent report folder dated before the run,
 * skipping folders whose run failed as a whole (their manifest says {@code "status": "FAILED"}) or whose report cannot
 * be read, so that one bad night does not make the next night's changes meaningless.
 *
 * @param date the earlier run's date ({@code YYYY-MM-DD})
 * @param claims its claims-report.csv rows
 */
public record PreviousReport(String date, List<ClaimsReport.ReportedClaim> claims) {
  public PreviousReport {
    Objects.requireNonNull(date, "date");
    claims = List.copyOf(claims);
  }

  /** The most recent usable report in {@code reportsDir} dated before {@code day}, or null when there is none. */
  public static PreviousReport find(Path reportsDir, LocalDate day) throws IOException {
    if (!Files.isDirectory(reportsDir)) {
      return null;
    }
    List<LocalDate> dates;
    try (Stream<Path> list = Files.list(reportsDir)) {
      dates = list.filter(Files::isDirectory).map(p -> parse(p.getFileName().toString()))
          .filter(d -> d != null && d.isBefore(day)).sorted((a, b) -> b.compareTo(a)).toList();
    }
    for (LocalDate d : dates) {
      Path dir = reportsDir.resolve(d.toString());
      Path csv = dir.resolve("claims-report.csv");
      if (!Files.isRegularFile(csv) || failed(dir.resolve("manifest.json"))) {
        continue;
      }
      try {
        return new PreviousReport(d.toString(), ClaimsReport.read(csv));
      } catch (IOException e) {
        // unreadable: try the one before
      }
    }
    return null;
  }

  /**
   * The dates of the usable report folders in {@code reportsDir} (a claims report, a run that did not fail) after
   * {@code day} and not after {@code today}, in order: the nights a run dated {@code day} would come before. A report
   * dated in the future (a test run's) does not count.
   */
  public static List<LocalDate> later(Path reportsDir, LocalDate day, LocalDate today) throws IOException {
    if (!Files.isDirectory(reportsDir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(reportsDir)) {
      return list.filter(Files::isDirectory).filter(p -> Files.isRegularFile(p.resolve("claims-report.csv")))
          .filter(p -> !failed(p.resolve("manifest.json")))
          .map(p -> parse(p.getFileName().toString()))
          .filter(d -> d != null && d.isAfter(day) && !d.isAfter(today)).sorted().toList();
    }
  }

  /** Whether the report folder {@code dir} is one of a run that failed as a whole. */
  public static boolean isFailed(Path dir) {
    return failed(dir.resolve("manifest.json"));
  }

  private static boolean failed(Path manifest) {
    if (!Files.isRegularFile(manifest)) {
      return false;
    }
    try {
      JsonNode m = Json.MAPPER.readTree(manifest.toFile());
      return "FAILED".equals(m.path("status").asText());
    } catch (IOException e) {
      return false;
    }
  }

  private static LocalDate parse(String name) {
    if (!name.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return null;
    }
    try {
      return LocalDate.parse(name);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
