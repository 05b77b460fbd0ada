package dev.wasdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Test
  void defaults_areTheDocumentedValues() {
    RetryPolicy p = RetryPolicy.defaults();

    assertThat(p.maxAttempts()).isEqualTo(3);
    assertThat(p.initialBackoff()).isEqualTo(Duration.ofMillis(500));
    assertThat(p.maxBackoff()).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.multiplier()).isEqualTo(2.0);
    assertThat(p.jitter()).isEqualTo(0.5);
    assertThat(p.maxRetryAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
  }

  @Test
  void toBuilder_roundTripsAndChangesOneValue() {
    RetryPolicy p = RetryPolicy.defaults().toBuilder().maxAttempts(5).build();

    assertThat(p.maxAttempts()).isEqualTo(5);
    assertThat(p.toBuilder().build()).isEqualTo(p).hasSameHashCodeAs(p);
    assertThat(p).isNotEqualTo(RetryPolicy.defaults());
    assertThat(p.toString()).contains("maxAttempts=5");
  }

  @Test
  void setters_outOfRange_areRejected() {
    RetryPolicy.Builder b = RetryPolicy.builder();

    assertThatThrownBy(() -> b.maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxAttempts(21)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.jitter(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.jitter(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.multiplier(0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.initialBackoff(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxRetryAfter(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                RetryPolicy.builder()
                    .initialBackoff(Duration.ofSeconds(20))
                    .maxBackoff(Duration.ofSeconds(10))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
