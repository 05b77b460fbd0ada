package dev.wasdk.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The time range of an analytics query, sent to Meta as whole Unix seconds (any fraction of a
 * second is dropped).
 *
 * <pre>{@code
 * AnalyticsRange lastWeek = AnalyticsRange.ofDays(LocalDate.now().minusDays(7), LocalDate.now().minusDays(1));
 * AnalyticsRange exact = AnalyticsRange.of(Instant.parse("2026-03-01T00:00:00Z"), Instant.now());
 * }</pre>
 *
 * <p>Meta answers at most one year back for messaging and pricing analytics, and 90 days back for
 * template analytics; older ranges fail on Meta's side, not here, since "now" is Meta's.
 *
 * <p>Immutable and thread-safe.
 *
 * @param start the start, inclusive
 * @param end the end, after the start by at least one second
 */
public record AnalyticsRange(Instant start, Instant end) {
  /** Checks that the range is at least one whole second long. */
  public AnalyticsRange {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (start.getEpochSecond() >= end.getEpochSecond()) {
      throw new IllegalArgumentException(
          "start must be before end (in whole seconds), but was " + start + " to " + end);
    }
  }

  /**
   * Returns the range between two instants.
   *
   * @param start the start
   * @param end the end, after the start
   * @return the range
   */
  public static AnalyticsRange of(Instant start, Instant end) {
    return new AnalyticsRange(start, end);
  }

  /**
   * Returns the whole UTC days from {@code first} to {@code last}, both included: from midnight UTC
   * of {@code first} to midnight UTC after {@code last}.
   *
   * @param first the first day
   * @param last the last day, not before {@code first}
   * @return the range
   */
  public static AnalyticsRange ofDays(LocalDate first, LocalDate last) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (last.isBefore(first)) {
      throw new IllegalArgumentException(
          "last must not be before first, but was " + first + " to " + last);
    }
    return new AnalyticsRange(
        first.atStartOfDay().toInstant(ZoneOffset.UTC),
        last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  /** Returns the start in Unix seconds. */
  public long startSeconds() {
    return start.getEpochSecond();
  }

  /** Returns the end in Unix seconds. */
  public long endSeconds() {
    return end.getEpochSecond();
  }
}
