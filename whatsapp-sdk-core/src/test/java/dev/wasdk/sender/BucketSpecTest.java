package dev.wasdk.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.sender.LimiterStore.BucketSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BucketSpecTest {

  @Test
  void perSecond_rate_isCapacityAndRefillEverySecond() {
    assertThat(BucketSpec.perSecond(80)).isEqualTo(new BucketSpec(80, 80, Duration.ofSeconds(1)));
    assertThat(BucketSpec.perSecond(80).refillPeriodMicros()).isEqualTo(1_000_000);
  }

  @Test
  void new_capacityOrRefillBelowOne_throws() {
    assertThatThrownBy(() -> new BucketSpec(0, 1, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity");
    assertThatThrownBy(() -> new BucketSpec(1, 0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void new_periodNotPositive_throws() {
    assertThatThrownBy(() -> new BucketSpec(1, 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BucketSpec(1, 1, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BucketSpec(1, 1, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void new_periodWithSubMicrosecondPart_throws() {
    assertThatThrownBy(() -> new BucketSpec(1, 1, Duration.ofNanos(1_500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("microseconds");
    assertThat(new BucketSpec(1, 1, Duration.ofNanos(1_000)).refillPeriodMicros()).isEqualTo(1);
  }

  @Test
  void new_capacityTimesPeriodOverTwoToThe53Micros_throws() {
    assertThat(new BucketSpec(1L << 23, 1, Duration.ofSeconds(1L << 10)).capacity())
        .isEqualTo(1L << 23);
    assertThatThrownBy(() -> new BucketSpec(1L << 34, 1, Duration.ofSeconds(1L << 10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2^53");
    assertThatThrownBy(() -> new BucketSpec(1, 1, Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void takeResult_nullRetryAfter_throws() {
    assertThatThrownBy(() -> new LimiterStore.TakeResult(true, 0, null))
        .isInstanceOf(NullPointerException.class);
  }
}
