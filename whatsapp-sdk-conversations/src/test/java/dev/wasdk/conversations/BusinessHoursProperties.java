package dev.wasdk.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BusinessHoursProperties {
  /** 2026 with its DST switches in both zones, at minute resolution, around which to probe. */
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"), ZoneId.of("Australia/Sydney"));

  record RangeSpec(DayOfWeek day, int startQuarter, int endQuarter) {}

  record Schedule(ZoneId zone, List<RangeSpec> ranges, List<Integer> holidayDays, int closureDay) {
    BusinessHours build() {
      BusinessHours.Builder b = BusinessHours.builder(zone);
      for (RangeSpec r : ranges) {
        LocalTime s = LocalTime.MIDNIGHT.plusMinutes(15L * r.startQuarter());
        // Equal start and end would be refused unless both are midnight: make it 15 minutes.
        int endQuarter =
            r.endQuarter() == r.startQuarter() && r.startQuarter() != 0
                ? (r.endQuarter() + 1) % 96
                : r.endQuarter();
        b.open(r.day(), s, LocalTime.MIDNIGHT.plusMinutes(15L * endQuarter));
      }
      LocalDate jan1 = LocalDate.of(2026, 1, 1);
      holidayDays.forEach(d -> b.holiday(jan1.plusDays(d)));
      LocalDateTime closureStart = jan1.plusDays(closureDay).atTime(21, 30);
      b.closed(closureStart, closureStart.plusHours(30));
      return b.build();
    }
  }

  @Provide
  Arbitrary<Schedule> schedules() {
    Arbitrary<RangeSpec> range =
        Combinators.combine(
                Arbitraries.of(DayOfWeek.class),
                Arbitraries.integers().between(0, 95),
                Arbitraries.integers().between(0, 95))
            .as(RangeSpec::new);
    return Combinators.combine(
            Arbitraries.of(ZONES),
            range.list().ofMinSize(1).ofMaxSize(6),
            Arbitraries.integers().between(0, 364).list().ofMaxSize(10),
            Arbitraries.integers().between(0, 364))
        .as(Schedule::new);
  }

  @Provide
  Arbitrary<Instant> instants() {
    // Minute offsets into 2026, plus a few seconds so that instants off the minute grid appear.
    return Combinators.combine(
            Arbitraries.longs().between(0, 365L * 24 * 60), Arbitraries.integers().between(0, 59))
        .as((minutes, seconds) -> START.plus(Duration.ofMinutes(minutes)).plusSeconds(seconds));
  }

  @Property(tries = 300)
  void nextOpening_isOpen_andNothingEarlierIsOpen(
      @ForAll("schedules") Schedule schedule, @ForAll("instants") Instant from) {
    BusinessHours hours = schedule.build();

    Optional<Instant> next = hours.nextOpening(from);

    assertThat(next).isPresent();
    Instant opening = next.get();
    assertThat(opening).isAfterOrEqualTo(from);
    assertThat(hours.isOpen(opening)).isTrue();
    // Every schedule boundary lies on the minute grid, so checking each minute in between suffices.
    for (Instant m = from.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        m.isBefore(opening);
        m = m.plus(Duration.ofMinutes(1))) {
      assertThat(hours.isOpen(m)).as("open at %s, before %s", m, opening).isFalse();
    }
    if (!opening.equals(from)) {
      assertThat(hours.isOpen(from)).isFalse();
    }
  }

  @Property(tries = 300)
  void isOpen_agreesWithTheWallClockOfItsZone(
      @ForAll("schedules") Schedule schedule, @ForAll("instants") Instant at) {
    BusinessHours hours = schedule.build();
    LocalDateTime local = LocalDateTime.ofInstant(at, schedule.zone());

    // The same wall-clock time in UTC, with the same holidays and closures, gives the same answer:
    // the schedule depends on what the clock shows, never on the offset.
    BusinessHours inUtc =
        new Schedule(
                ZoneId.of("UTC"), schedule.ranges(), schedule.holidayDays(), schedule.closureDay())
            .build();
    assertThat(hours.isOpen(at)).isEqualTo(inUtc.isOpen(local.toInstant(ZoneOffset.UTC)));
  }
}
