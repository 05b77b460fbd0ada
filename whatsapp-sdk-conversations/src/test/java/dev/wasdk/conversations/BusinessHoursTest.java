package dev.wasdk.conversations;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

  private static Instant at(String utc) {
    return Instant.parse(utc);
  }

  private static LocalTime t(int h, int m) {
    return LocalTime.of(h, m);
  }

  // Berlin, 2026-03-29: at 02:00 CET the clocks jump to 03:00 CEST (01:00Z).

  @Test
  void isOpen_berlinSpringForward_rangeStartingInSkippedHourOpensAtTheJump() {
    BusinessHours hours = BusinessHours.builder(BERLIN).open(SUNDAY, t(2, 30), t(4, 0)).build();

    assertThat(hours.isOpen(at("2026-03-29T00:59:00Z"))).isFalse(); // 01:59 CET
    assertThat(hours.isOpen(at("2026-03-29T01:00:00Z"))).isTrue(); // 03:00 CEST
    assertThat(hours.isOpen(at("2026-03-29T01:59:00Z"))).isTrue(); // 03:59 CEST
    assertThat(hours.isOpen(at("2026-03-29T02:00:00Z"))).isFalse(); // 04:00 CEST
    assertThat(hours.nextOpening(at("2026-03-28T23:00:00Z"))).contains(at("2026-03-29T01:00:00Z"));
  }

  @Test
  void nextOpening_berlinAcrossSpringForward_keepsTheWallClockTime() {
    BusinessHours hours =
        BusinessHours.builder(BERLIN).open(MONDAY, FRIDAY, t(9, 0), t(17, 0)).build();

    // Friday 17:00 CET is 16:00Z; Monday 09:00 CEST is 07:00Z, one hour earlier in UTC than before.
    assertThat(hours.nextOpening(at("2026-03-27T16:00:00Z"))).contains(at("2026-03-30T07:00:00Z"));
    assertThat(hours.nextOpening(at("2026-03-26T20:00:00Z"))).contains(at("2026-03-27T08:00:00Z"));
  }

  // Berlin, 2026-10-25: at 03:00 CEST the clocks go back to 02:00 CET (01:00Z); 02:xx repeats.

  @Test
  void isOpen_berlinFallBack_rangeInRepeatedHourIsOpenOnBothPasses() {
    BusinessHours hours = BusinessHours.builder(BERLIN).open(SUNDAY, t(2, 15), t(2, 30)).build();

    assertThat(hours.isOpen(at("2026-10-25T00:15:00Z"))).isTrue(); // 02:15 CEST
    assertThat(hours.isOpen(at("2026-10-25T00:30:00Z"))).isFalse(); // 02:30 CEST
    assertThat(hours.isOpen(at("2026-10-25T01:00:00Z"))).isFalse(); // 02:00 CET
    assertThat(hours.isOpen(at("2026-10-25T01:20:00Z"))).isTrue(); // 02:20 CET
    assertThat(hours.nextOpening(at("2026-10-25T00:30:00Z"))).contains(at("2026-10-25T01:15:00Z"));
  }

  // New York, 2026-03-08: at 02:00 EST the clocks jump to 03:00 EDT (07:00Z).

  @Test
  void nextOpening_newYorkSpringForward_rangeInsideSkippedHourDoesNotOpenThatDay() {
    BusinessHours hours = BusinessHours.builder(NEW_YORK).open(SUNDAY, t(2, 0), t(3, 0)).build();

    assertThat(hours.isOpen(at("2026-03-08T07:00:00Z"))).isFalse(); // 03:00 EDT
    // The next Sunday, 02:00 EDT.
    assertThat(hours.nextOpening(at("2026-03-08T05:00:00Z"))).contains(at("2026-03-15T06:00:00Z"));
  }

  @Test
  void isOpen_newYorkSpringForward_rangeAcrossTheGapLosesTheSkippedHour() {
    BusinessHours hours = BusinessHours.builder(NEW_YORK).open(SUNDAY, t(1, 0), t(4, 0)).build();

    assertThat(hours.isOpen(at("2026-03-08T06:59:00Z"))).isTrue(); // 01:59 EST
    assertThat(hours.isOpen(at("2026-03-08T07:59:00Z"))).isTrue(); // 03:59 EDT
    assertThat(hours.isOpen(at("2026-03-08T08:00:00Z"))).isFalse(); // 04:00 EDT
  }

  // New York, 2026-11-01: at 02:00 EDT the clocks go back to 01:00 EST (06:00Z); 01:xx repeats.

  @Test
  void nextOpening_newYorkFallBack_reopensInTheRepeatedHour() {
    BusinessHours hours = BusinessHours.builder(NEW_YORK).open(SUNDAY, t(1, 30), t(2, 0)).build();

    assertThat(hours.isOpen(at("2026-11-01T05:30:00Z"))).isTrue(); // 01:30 EDT
    assertThat(hours.isOpen(at("2026-11-01T06:00:00Z"))).isFalse(); // 01:00 EST
    assertThat(hours.nextOpening(at("2026-11-01T06:00:00Z"))).contains(at("2026-11-01T06:30:00Z"));
    assertThat(hours.isOpen(at("2026-11-01T07:00:00Z"))).isFalse(); // 02:00 EST
  }

  @Test
  void nextOpening_saoPauloMidnightGap_opensWhenTheDayBegins() {
    // 2018-11-04: Sao Paulo skipped from 00:00 to 01:00, so that day started at 01:00 (03:00Z).
    BusinessHours hours = BusinessHours.builder(SAO_PAULO).open(SUNDAY, t(0, 0), t(8, 0)).build();

    assertThat(hours.nextOpening(at("2018-11-04T02:30:00Z"))).contains(at("2018-11-04T03:00:00Z"));
  }

  @Test
  void nextOpening_holiday_skipsToTheNextWorkingDay() {
    BusinessHours hours =
        BusinessHours.builder(BERLIN)
            .open(MONDAY, FRIDAY, t(9, 0), t(17, 0))
            .holiday(LocalDate.of(2026, 12, 25))
            .build();

    assertThat(hours.isOpen(at("2026-12-25T09:00:00Z"))).isFalse(); // Friday 10:00 CET
    assertThat(hours.isOpen(at("2026-12-24T09:00:00Z"))).isTrue();
    // Thursday 18:00 CET: Friday is a holiday, then the weekend; Monday 28th 09:00 CET.
    assertThat(hours.nextOpening(at("2026-12-24T17:00:00Z"))).contains(at("2026-12-28T08:00:00Z"));
  }

  @Test
  void isOpen_holiday_closesTheOvernightRangeFromTheEveningBefore() {
    BusinessHours hours =
        BusinessHours.builder(BERLIN)
            .open(FRIDAY, t(20, 0), t(2, 0))
            .holiday(LocalDate.of(2026, 12, 26))
            .build();

    assertThat(hours.isOpen(at("2026-12-25T22:00:00Z"))).isTrue(); // Friday 23:00
    assertThat(hours.isOpen(at("2026-12-25T23:30:00Z"))).isFalse(); // Saturday 00:30, holiday
  }

  @Test
  void isOpen_closureSpanningMidnight_closesBothSidesAndReopensAfter() {
    BusinessHours hours =
        BusinessHours.builder(BERLIN)
            .open(FRIDAY, SATURDAY, t(20, 0), t(2, 0))
            .closed(LocalDateTime.of(2026, 12, 4, 22, 0), LocalDateTime.of(2026, 12, 5, 1, 0))
            .build();

    assertThat(hours.isOpen(at("2026-12-04T20:00:00Z"))).isTrue(); // Friday 21:00
    assertThat(hours.isOpen(at("2026-12-04T22:00:00Z"))).isFalse(); // Friday 23:00
    assertThat(hours.isOpen(at("2026-12-04T23:30:00Z"))).isFalse(); // Saturday 00:30
    assertThat(hours.isOpen(at("2026-12-05T00:30:00Z"))).isTrue(); // Saturday 01:30
    assertThat(hours.nextOpening(at("2026-12-04T22:00:00Z"))).contains(at("2026-12-05T00:00:00Z"));
    // Saturday night is not affected.
    assertThat(hours.isOpen(at("2026-12-05T23:30:00Z"))).isTrue();
  }

  @Test
  void nextOpening_openNow_returnsTheSameInstant() {
    BusinessHours hours =
        BusinessHours.builder(BERLIN).open(MONDAY, FRIDAY, t(9, 0), t(17, 0)).build();
    Instant wednesdayNoon = at("2026-12-02T11:00:00Z");

    assertThat(hours.nextOpening(wednesdayNoon)).contains(wednesdayNoon);
  }

  @Test
  void nextOpening_noRanges_isEmpty() {
    BusinessHours hours = BusinessHours.builder(BERLIN).build();

    assertThat(hours.nextOpening(at("2026-12-02T11:00:00Z"))).isEmpty();
    assertThat(hours.formatNextOpening(at("2026-12-02T11:00:00Z"), Locale.US)).isEmpty();
  }

  @Test
  void nextOpening_longClosure_looksPastIt() {
    BusinessHours hours =
        BusinessHours.builder(BERLIN)
            .open(MONDAY, FRIDAY, t(9, 0), t(17, 0))
            .closed(LocalDateTime.of(2026, 7, 1, 0, 0), LocalDateTime.of(2026, 9, 1, 12, 0))
            .build();

    // Tuesday 2026-09-01 12:00 CEST.
    assertThat(hours.nextOpening(at("2026-07-01T08:00:00Z"))).contains(at("2026-09-01T10:00:00Z"));
  }

  @Test
  void formatNextOpening_locales_nameTheDayAndTimeInTheBusinessZone() {
    BusinessHours hours =
        BusinessHours.builder(BERLIN).open(MONDAY, FRIDAY, t(9, 0), t(17, 0)).build();
    Instant saturday = at("2026-12-05T12:00:00Z");

    assertThat(hours.formatNextOpening(saturday, Locale.GERMANY))
        .hasValueSatisfying(s -> assertThat(s).contains("Montag", "7.", "Dezember", "09:00"));
    assertThat(hours.formatNextOpening(saturday, Locale.US))
        .hasValueSatisfying(s -> assertThat(s).contains("Monday", "December 7", "9:00"));
  }

  @Test
  void open_sameStartAndEnd_isRefused() {
    assertThatThrownBy(() -> BusinessHours.builder(BERLIN).open(MONDAY, t(9, 0), t(9, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("00:00-00:00");
  }

  @Test
  void open_midnightToMidnight_isTheWholeDay() {
    BusinessHours hours = BusinessHours.builder(BERLIN).open(MONDAY, t(0, 0), t(0, 0)).build();

    assertThat(hours.isOpen(at("2026-12-06T23:00:00Z"))).isTrue(); // Monday 00:00
    assertThat(hours.isOpen(at("2026-12-07T22:59:00Z"))).isTrue(); // Monday 23:59
    assertThat(hours.isOpen(at("2026-12-07T23:00:00Z"))).isFalse(); // Tuesday 00:00
  }

  @Test
  void closed_endNotAfterStart_isRefused() {
    LocalDateTime noon = LocalDateTime.of(2026, 12, 4, 12, 0);
    assertThatThrownBy(() -> BusinessHours.builder(BERLIN).closed(noon, noon))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must end after it starts");
  }
}
