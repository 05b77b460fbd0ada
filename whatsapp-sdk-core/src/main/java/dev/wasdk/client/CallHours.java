package dev.wasdk.client;

import dev.wasdk.internal.text.Values;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When users can call the business: a time zone, weekly opening hours and holiday overrides. Sent
 * in {@link CallingSettings}; an update replaces the previous call hours whole, holidays included.
 *
 * <pre>{@code
 * CallHours hours = CallHours.builder("Europe/Berlin")
 *     .open(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 30))
 *     .open(DayOfWeek.MONDAY, LocalTime.of(14, 0), LocalTime.of(18, 0))
 *     .holiday(LocalDate.of(2026, 12, 25), LocalTime.MIDNIGHT, LocalTime.of(23, 59))
 *     .build();
 * }</pre>
 *
 * <p>Checked when built, as Meta documents: at least one weekly range, at most 2 ranges a day, each
 * opening before it closes and none overlapping, at most 20 holidays. Times are kept to the minute.
 * Immutable and thread-safe.
 *
 * @param status {@link CallingSettings.Status#ENABLED} to apply the hours, {@link
 *     CallingSettings.Status#DISABLED} to take calls around the clock
 * @param timeZoneId the time zone id, such as {@code America/Manaus}; empty when read without one
 * @param weeklyHours the weekly opening ranges
 * @param holidays the holiday overrides
 */
public record CallHours(
    CallingSettings.Status status,
    Optional<String> timeZoneId,
    List<Range> weeklyHours,
    List<Holiday> holidays) {
  /** Shows present values and leaves out empty ones. */
  @Override
  public String toString() {
    return Values.toString(this);
  }

  /** At most this many opening ranges per day of the week. */
  public static final int MAX_RANGES_PER_DAY = 2;

  /** At most this many holiday overrides. */
  public static final int MAX_HOLIDAYS = 20;

  /** Copies the lists and checks for nulls. */
  public CallHours {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(timeZoneId, "timeZoneId");
    weeklyHours = List.copyOf(weeklyHours);
    holidays = List.copyOf(holidays);
  }

  /**
   * Returns call hours that are switched off: users can call at any time.
   *
   * @return the setting
   */
  public static CallHours alwaysOpen() {
    return new CallHours(CallingSettings.Status.DISABLED, Optional.empty(), List.of(), List.of());
  }

  /**
   * Returns a builder of call hours in a time zone.
   *
   * @param timeZoneId the time zone id, such as {@code America/Manaus}
   * @return the builder
   */
  public static Builder builder(String timeZoneId) {
    return new Builder(timeZoneId);
  }

  /**
   * One opening range on a day of the week.
   *
   * @param day the day
   * @param open when the range opens
   * @param close when it closes; after {@code open}
   */
  public record Range(DayOfWeek day, LocalTime open, LocalTime close) {
    /** Checks for nulls. */
    public Range {
      Objects.requireNonNull(day, "day");
      Objects.requireNonNull(open, "open");
      Objects.requireNonNull(close, "close");
    }
  }

  /**
   * A holiday override: on this date, users can call only between the two times.
   *
   * @param date the date
   * @param start when calls are taken from
   * @param end when calls are taken until; after {@code start}
   */
  public record Holiday(LocalDate date, LocalTime start, LocalTime end) {
    /** Checks for nulls. */
    public Holiday {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
    }
  }

  /** Builds {@link CallHours}; not thread-safe. */
  public static final class Builder {
    private final String timeZoneId;
    private final List<Range> weekly = new ArrayList<>();
    private final List<Holiday> holidays = new ArrayList<>();

    private Builder(String timeZoneId) {
      Objects.requireNonNull(timeZoneId, "timeZoneId");
      if (timeZoneId.isBlank()) {
        throw new IllegalArgumentException("timeZoneId must not be blank, e.g. America/Manaus");
      }
      this.timeZoneId = timeZoneId;
    }

    /**
     * Adds an opening range on a day of the week.
     *
     * @param day the day
     * @param open when it opens
     * @param close when it closes
     * @return this builder
     */
    public Builder open(DayOfWeek day, LocalTime open, LocalTime close) {
      weekly.add(new Range(day, minute(open), minute(close)));
      return this;
    }

    /**
     * Adds a holiday override.
     *
     * @param date the date
     * @param start when calls are taken from
     * @param end when calls are taken until
     * @return this builder
     */
    public Builder holiday(LocalDate date, LocalTime start, LocalTime end) {
      holidays.add(new Holiday(date, minute(start), minute(end)));
      return this;
    }

    /**
     * Returns the call hours, checked.
     *
     * @return the call hours
     * @throws IllegalArgumentException if a documented rule is broken
     */
    public CallHours build() {
      if (weekly.isEmpty()) {
        throw new IllegalArgumentException("call hours need at least one weekly opening range");
      }
      for (DayOfWeek day : DayOfWeek.values()) {
        List<Range> ranges =
            weekly.stream()
                .filter(r -> r.day() == day)
                .sorted(Comparator.comparing(Range::open))
                .toList();
        if (ranges.size() > MAX_RANGES_PER_DAY) {
          throw new IllegalArgumentException(
              "call hours allow at most "
                  + MAX_RANGES_PER_DAY
                  + " ranges on "
                  + day
                  + ", got "
                  + ranges.size());
        }
        for (int i = 0; i < ranges.size(); i++) {
          Range r = ranges.get(i);
          if (!r.open().isBefore(r.close())) {
            throw new IllegalArgumentException(
                "a range on " + day + " must open before it closes: " + r.open() + "-" + r.close());
          }
          if (i > 0 && ranges.get(i - 1).close().isAfter(r.open())) {
            throw new IllegalArgumentException("ranges on " + day + " overlap");
          }
        }
      }
      if (holidays.size() > MAX_HOLIDAYS) {
        throw new IllegalArgumentException(
            "call hours allow at most " + MAX_HOLIDAYS + " holidays, got " + holidays.size());
      }
      for (Holiday h : holidays) {
        if (!h.start().isBefore(h.end())) {
          throw new IllegalArgumentException(
              "the holiday " + h.date() + " must start before it ends");
        }
      }
      return new CallHours(
          CallingSettings.Status.ENABLED, Optional.of(timeZoneId), weekly, holidays);
    }

    private static LocalTime minute(LocalTime t) {
      Objects.requireNonNull(t, "time");
      if (t.getSecond() != 0 || t.getNano() != 0) {
        throw new IllegalArgumentException("call hours are set to the minute, got " + t);
      }
      return t;
    }
  }
}
