package dev.wasdk.conversations;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Says when a business is open: a time zone, a weekly schedule with any number of ranges per day,
 * holidays and one-off closures.
 *
 * <p><b>Wall-clock rule.</b> Every time in the schedule is a wall-clock time in the business's
 * zone, and an instant is open when the zone's clock at that instant shows a time inside a range,
 * outside every holiday and closure. Daylight saving time follows from that rule: on the night the
 * clocks go forward, a range that starts in the skipped hour opens when the clock jumps past its
 * start (a 02:30 opening in Berlin opens at 03:00 CEST); on the night they go back, a range inside
 * the repeated hour is open during both passes, since the clock shows its times twice.
 *
 * <p><b>Ranges.</b> A range {@code [start, end)} includes its start and excludes its end. An end at
 * or before the start runs over midnight into the next day ({@code 22:00–02:00}); {@code
 * 00:00–00:00} is the whole day. Overlapping ranges simply add up.
 *
 * <p><b>Holidays and closures.</b> A holiday closes a whole calendar day, including the part of an
 * overnight range from the evening before that falls on it. A closure closes {@code [from, until)}
 * in wall-clock time and may span midnight or several days.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * BusinessHours hours = BusinessHours.builder(ZoneId.of("Europe/Berlin"))
 *     .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(12, 30))
 *     .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, LocalTime.of(14, 0), LocalTime.of(18, 0))
 *     .open(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(14, 0))
 *     .holiday(LocalDate.of(2026, 12, 25))
 *     .closed(LocalDateTime.of(2026, 12, 31, 20, 0), LocalDateTime.of(2027, 1, 1, 12, 0))
 *     .build();
 * if (!hours.isOpen(clock.instant())) {
 *   hours.formatNextOpening(clock.instant(), Locale.GERMANY).ifPresent(System.out::println);
 * }
 * }</pre>
 */
public final class BusinessHours {
  private final ZoneId zone;
  private final ZoneRules rules;
  private final Map<DayOfWeek, List<Range>> week;
  private final Set<LocalDate> holidays;
  private final List<Closure> closures;
  private final LocalDate lastSpecialDate;

  private record Range(LocalTime start, LocalTime end) {
    boolean overnight() {
      return !end.isAfter(start);
    }
  }

  private record Closure(LocalDateTime from, LocalDateTime until) {
    boolean contains(LocalDateTime t) {
      return !t.isBefore(from) && t.isBefore(until);
    }
  }

  private BusinessHours(Builder b) {
    this.zone = b.zone;
    this.rules = b.zone.getRules();
    EnumMap<DayOfWeek, List<Range>> copy = new EnumMap<>(DayOfWeek.class);
    b.week.forEach((day, ranges) -> copy.put(day, List.copyOf(ranges)));
    this.week = copy;
    this.holidays = Set.copyOf(b.holidays);
    this.closures = List.copyOf(b.closures);
    LocalDate last = LocalDate.MIN;
    for (LocalDate h : holidays) {
      last = h.isAfter(last) ? h : last;
    }
    for (Closure c : closures) {
      LocalDate end = c.until().toLocalDate();
      last = end.isAfter(last) ? end : last;
    }
    this.lastSpecialDate = last;
  }

  /**
   * Returns a builder for hours in the given zone, closed at all times until ranges are added.
   *
   * @param zone the business's time zone, such as {@code Europe/Berlin}; use a region id rather
   *     than a fixed offset so that daylight saving time applies
   * @return the builder
   */
  public static Builder builder(ZoneId zone) {
    return new Builder(Objects.requireNonNull(zone, "zone"));
  }

  /** Returns the business's time zone. */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Returns whether the business is open at an instant.
   *
   * @param at the instant
   * @return true if the zone's clock at {@code at} shows a time inside a range and outside every
   *     holiday and closure
   */
  public boolean isOpen(Instant at) {
    Objects.requireNonNull(at, "at");
    return isOpen(LocalDateTime.ofInstant(at, zone));
  }

  private boolean isOpen(LocalDateTime local) {
    LocalDate date = local.toLocalDate();
    if (holidays.contains(date)) {
      return false;
    }
    for (Closure c : closures) {
      if (c.contains(local)) {
        return false;
      }
    }
    LocalTime time = local.toLocalTime();
    for (Range r : week.getOrDefault(date.getDayOfWeek(), List.of())) {
      if (!time.isBefore(r.start()) && (r.overnight() || time.isBefore(r.end()))) {
        return true;
      }
    }
    for (Range r : week.getOrDefault(date.getDayOfWeek().minus(1), List.of())) {
      if (r.overnight() && time.isBefore(r.end())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the first instant at or after {@code from} at which the business is open: {@code from}
   * itself when it is open now.
   *
   * @param from where to start looking
   * @return the next opening, or empty if the schedule never opens again (no ranges, or nothing but
   *     closures from here on)
   */
  public Optional<Instant> nextOpening(Instant from) {
    Objects.requireNonNull(from, "from");
    if (isOpen(from)) {
      return Optional.of(from);
    }
    // The status can only change where the clock shows a range start, the end of a holiday or
    // closure (a midnight or a closure's end), or where the zone's offset changes. Check those
    // candidate instants in order; past the last holiday or closure the week repeats, so eight more
    // days without an opening mean there is none.
    LocalDate day = LocalDateTime.ofInstant(from, zone).toLocalDate().minusDays(1);
    LocalDate horizon = (lastSpecialDate.isAfter(day) ? lastSpecialDate : day).plusDays(9);
    Instant best = null;
    for (; !day.isAfter(horizon); day = day.plusDays(1)) {
      Optional<Instant> found = firstOpenCandidate(day, from);
      if (found.isPresent()) {
        best = found.get();
        // Around a backward transition, the next day's candidates may map to earlier instants.
        Optional<Instant> next = firstOpenCandidate(day.plusDays(1), from);
        if (next.isPresent() && next.get().isBefore(best)) {
          best = next.get();
        }
        break;
      }
    }
    return Optional.ofNullable(best);
  }

  private Optional<Instant> firstOpenCandidate(LocalDate day, Instant after) {
    TreeSet<Instant> candidates = new TreeSet<>();
    addLocal(candidates, day.atStartOfDay());
    for (Range r : week.getOrDefault(day.getDayOfWeek(), List.of())) {
      addLocal(candidates, day.atTime(r.start()));
    }
    for (Closure c : closures) {
      if (c.until().toLocalDate().equals(day)) {
        addLocal(candidates, c.until());
      }
    }
    Instant dayStart = day.atStartOfDay(zone).toInstant();
    Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
    ZoneOffsetTransition t = rules.nextTransition(dayStart.minusSeconds(1));
    while (t != null && t.getInstant().isBefore(dayEnd)) {
      candidates.add(t.getInstant());
      t = rules.nextTransition(t.getInstant());
    }
    for (Instant c : candidates.tailSet(after, false)) {
      if (isOpen(c)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Adds every instant at which the clock shows {@code local}, or the jump over it in a gap. */
  private void addLocal(Set<Instant> out, LocalDateTime local) {
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.isEmpty()) {
      out.add(rules.getTransition(local).getInstant());
      return;
    }
    for (ZoneOffset offset : offsets) {
      out.add(local.toInstant(offset));
    }
  }

  /**
   * Returns the next opening as text for a user, such as {@code Montag, 7. Dezember 2026, 09:00}
   * for {@link Locale#GERMANY}: the full date and the short time, in the business's zone.
   *
   * @param from where to start looking
   * @param locale the user's locale
   * @return the formatted opening, or empty if {@link #nextOpening} is empty
   */
  public Optional<String> formatNextOpening(Instant from, Locale locale) {
    Objects.requireNonNull(locale, "locale");
    DateTimeFormatter format =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(zone);
    return nextOpening(from).map(format::format);
  }

  @Override
  public String toString() {
    return "BusinessHours[zone="
        + zone
        + ", week="
        + week
        + ", holidays="
        + holidays.size()
        + ", closures="
        + closures.size()
        + "]";
  }

  /** Builds {@link BusinessHours}. Not thread-safe. */
  public static final class Builder {
    private final ZoneId zone;
    private final Map<DayOfWeek, List<Range>> week = new EnumMap<>(DayOfWeek.class);
    private final Set<LocalDate> holidays = new HashSet<>();
    private final List<Closure> closures = new ArrayList<>();

    private Builder(ZoneId zone) {
      this.zone = zone;
    }

    /**
     * Adds an opening range on one day of the week.
     *
     * @param day the day the range starts on
     * @param start the opening time, included
     * @param end the closing time, excluded; at or before {@code start} it falls on the next day
     * @return this builder
     * @throws IllegalArgumentException if {@code start} equals {@code end} and is not midnight
     */
    public Builder open(DayOfWeek day, LocalTime start, LocalTime end) {
      Objects.requireNonNull(day, "day");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      if (start.equals(end) && !start.equals(LocalTime.MIDNIGHT)) {
        throw new IllegalArgumentException(
            "an opening range must not start and end at "
                + start
                + "; use 00:00-00:00 for a whole day");
      }
      week.computeIfAbsent(day, d -> new ArrayList<>()).add(new Range(start, end));
      return this;
    }

    /**
     * Adds the same opening range on every day from {@code first} to {@code last}, wrapping past
     * Sunday ({@code FRIDAY..MONDAY} is four days).
     *
     * @param first the first day
     * @param last the last day
     * @param start the opening time, included
     * @param end the closing time, excluded
     * @return this builder
     */
    public Builder open(DayOfWeek first, DayOfWeek last, LocalTime start, LocalTime end) {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(last, "last");
      DayOfWeek d = first;
      while (true) {
        open(d, start, end);
        if (d == last) {
          return this;
        }
        d = d.plus(1);
      }
    }

    /**
     * Closes a whole calendar day in the business's zone.
     *
     * @param date the day
     * @return this builder
     */
    public Builder holiday(LocalDate date) {
      holidays.add(Objects.requireNonNull(date, "date"));
      return this;
    }

    /**
     * Closes several whole days.
     *
     * @param dates the days
     * @return this builder
     */
    public Builder holidays(Collection<LocalDate> dates) {
      dates.forEach(this::holiday);
      return this;
    }

    /**
     * Closes a one-off wall-clock interval {@code [from, until)}, which may span midnight.
     *
     * @param from the first closed moment
     * @param until the first moment open again, if a range covers it
     * @return this builder
     * @throws IllegalArgumentException if {@code until} is not after {@code from}
     */
    public Builder closed(LocalDateTime from, LocalDateTime until) {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(until, "until");
      if (!until.isAfter(from)) {
        throw new IllegalArgumentException(
            "a closure must end after it starts: " + from + " to " + until);
      }
      closures.add(new Closure(from, until));
      return this;
    }

    /** Returns the hours. */
    public BusinessHours build() {
      return new BusinessHours(this);
    }
  }
}
