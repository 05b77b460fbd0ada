package dev.wasdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.RetryPolicy;
import dev.wasdk.error.ApiError;
import dev.wasdk.error.ApiException;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.RequestNotSentException;
import dev.wasdk.error.TransportFailure;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetrierTest {
  private static ApiException api(int code, int status) {
    return ApiException.of(ApiError.builder(code, status).build());
  }

  @ParameterizedTest(name = "code {0}: message send {1}, idempotent {2}")
  @CsvSource({
    "130429, true,  true",
    "4,      true,  true",
    "80007,  true,  true",
    "131057, true,  true",
    "2494100, true, true",
    "131056, false, true",
    "1,      false, true",
    "2,      false, true",
    "131000, false, true",
    "131016, false, true",
    "133004, false, true",
    "139103, false, true",
    "131047, false, false",
    "131048, false, false",
    "131050, false, false",
    "100,    false, false",
    "190,    false, false",
    "999999, false, false"
  })
  void retryable_apiErrors_followTheSafetyRules(int code, boolean send, boolean idempotent) {
    assertThat(Retrier.retryable(api(code, 400), false)).isEqualTo(send);
    assertThat(Retrier.retryable(api(code, 400), true)).isEqualTo(idempotent);
  }

  @Test
  void retryable_transportFailures_retryOnlyWhatIsSafe() {
    RequestNotSentException refused =
        new RequestNotSentException("x", TransportFailure.CONNECT_FAILED, null);
    RequestNotSentException badCert =
        new RequestNotSentException("x", TransportFailure.TLS_HANDSHAKE_FAILED, null);
    RequestNotSentException noToken =
        new RequestNotSentException("x", TransportFailure.ACCESS_TOKEN_UNAVAILABLE, null);
    RequestMaybeSentException timeout =
        new RequestMaybeSentException("x", TransportFailure.RESPONSE_TIMEOUT, null);
    RequestMaybeSentException closed =
        new RequestMaybeSentException(
            "x", TransportFailure.CONNECTION_CLOSED_BEFORE_RESPONSE, null);
    RequestMaybeSentException unreadable =
        new RequestMaybeSentException("x", TransportFailure.UNREADABLE_RESPONSE, null);

    assertThat(Retrier.retryable(refused, false)).isTrue();
    assertThat(Retrier.retryable(badCert, false)).isFalse();
    assertThat(Retrier.retryable(noToken, true)).isFalse();
    assertThat(Retrier.retryable(timeout, false)).isFalse();
    assertThat(Retrier.retryable(timeout, true)).isTrue();
    assertThat(Retrier.retryable(closed, false)).isFalse();
    assertThat(Retrier.retryable(closed, true)).isTrue();
    assertThat(Retrier.retryable(unreadable, true)).isFalse();
    assertThat(Retrier.retryable(new IllegalStateException(), true)).isFalse();
  }

  @Test
  void retryable_nonGraphGatewayErrors_retriedOnlyWhenIdempotent() {
    assertThat(Retrier.retryable(api(ApiError.NO_CODE, 502), true)).isTrue();
    assertThat(Retrier.retryable(api(ApiError.NO_CODE, 502), false)).isFalse();
    assertThat(Retrier.retryable(api(ApiError.NO_CODE, 400), true)).isFalse();
  }

  @Test
  void interval_backoff_growsExponentiallyWithJitterUpToTheCap() {
    RetryPolicy p =
        RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(100))
            .maxBackoff(Duration.ofMillis(1000))
            .multiplier(3)
            .jitter(0.5)
            .build();
    Retrier noJitterDrawn = new Retrier(p, () -> 0.0, "t");
    Retrier fullJitterDrawn = new Retrier(p, () -> 1.0, "t");
    RequestNotSentException e =
        new RequestNotSentException("x", TransportFailure.CONNECT_FAILED, null);

    assertThat(List.of(1, 2, 3, 4))
        .map(a -> noJitterDrawn.interval(a, e))
        .containsExactly(100L, 300L, 900L, 1000L);
    assertThat(List.of(1, 2, 3, 4))
        .map(a -> fullJitterDrawn.interval(a, e))
        .containsExactly(50L, 150L, 450L, 500L);
  }

  @Test
  void interval_announcedWait_isUsedExactlyOrEndsRetriesBeyondTheLimit() {
    Retrier r = new Retrier(RetryPolicy.defaults(), () -> 0.5, "t");
    HttpHeaders in10 = HttpHeaders.of(Map.of("Retry-After", List.of("10")), (a, b) -> true);
    HttpHeaders in45 = HttpHeaders.of(Map.of("Retry-After", List.of("45")), (a, b) -> true);
    ApiError throughput = ApiError.builder(130429, 429).build();

    assertThat(r.interval(1, ApiExceptions.of(throughput, in10, Instant.EPOCH))).isEqualTo(10_000);
    assertThat(r.interval(1, ApiExceptions.of(throughput, in45, Instant.EPOCH))).isEqualTo(-1);
  }

  @Test
  void context_countsAttemptsAndStopsAtMaxAttempts() {
    Retrier r = new Retrier(RetryPolicy.builder().maxAttempts(3).build(), () -> 0.0, "t");
    var ctx = r.context(false);
    RequestNotSentException e =
        new RequestNotSentException("x", TransportFailure.CONNECT_FAILED, null);

    assertThat(ctx.onError(e)).isEqualTo(500);
    assertThat(ctx.onError(e)).isEqualTo(1000);
    assertThat(ctx.onError(e)).isEqualTo(-1);
  }

  @Test
  void context_notRetryableFailure_stopsAtOnce() {
    Retrier r = new Retrier(RetryPolicy.defaults(), () -> 0.0, "t");

    assertThat(r.context(false).onError(api(131056, 400))).isEqualTo(-1);
  }
}
