package dev.wasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TestClockTest {
  private static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

  @Test
  void advance_movesForwardOnly() {
    TestClock clock = TestClock.at(T0);

    clock.advance(Duration.ofHours(25));

    assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofHours(25)));
    assertThat(clock.millis()).isEqualTo(T0.plus(Duration.ofHours(25)).toEpochMilli());
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void set_anyInstant_andZoneViewsShareTime() {
    TestClock clock = TestClock.at(T0);
    var paris = clock.withZone(ZoneId.of("Europe/Paris"));

    clock.set(T0.minusSeconds(60));

    assertThat(paris.instant()).isEqualTo(T0.minusSeconds(60));
    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
  }
}
