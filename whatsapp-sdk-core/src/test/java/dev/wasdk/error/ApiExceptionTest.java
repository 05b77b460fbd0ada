package dev.wasdk.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiExceptionTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static HttpHeaders headers(String name, String value) {
    return HttpHeaders.of(Map.of(name, List.of(value)), (a, b) -> true);
  }

  @Test
  void of_knownCode_picksFamilyAndAdviceFromTheCatalog() {
    ApiException e = ApiException.of(ApiError.builder(131050, 400).fbtraceId("TR1").build());

    assertThat(e).isInstanceOf(RecipientException.class);
    assertThat(((RecipientException) e).reason()).isEqualTo(RecipientReason.OPTED_OUT);
    assertThat(e.advice()).isEqualTo(RetryAdvice.STOP);
    assertThat(e.errorCode()).isEqualTo(ErrorCode.of(131050));
  }

  @Test
  void of_unknownCodeByStatus_picksFamilyFromTheStatus() {
    assertThat(ApiException.of(ApiError.builder(970001, 401).build()))
        .isInstanceOf(AuthException.class);
    assertThat(ApiException.of(ApiError.builder(970001, 403).build()))
        .isInstanceOf(PermissionException.class);
    assertThat(ApiException.of(ApiError.builder(970001, 429).build()))
        .isInstanceOfSatisfying(
            RateLimitException.class, r -> assertThat(r.kind()).isEqualTo(RateLimitKind.OTHER));
    assertThat(ApiException.of(ApiError.builder(970001, 500).build()))
        .isInstanceOf(ServerException.class);
    ApiException plain = ApiException.of(ApiError.builder(970001, 400).build());
    assertThat(plain).isExactlyInstanceOf(ApiException.class);
    assertThat(plain.category()).isEqualTo(ErrorCategory.UNKNOWN);
    assertThat(plain.advice()).isEqualTo(RetryAdvice.NO);
    assertThat(plain.getMessage()).contains("970001").contains("not in wasdk's catalog");
  }

  @Test
  void advice_unknownCodeMarkedTransient_isRetry() {
    ApiException e = ApiException.of(ApiError.builder(970002, 400).isTransient(true).build());

    assertThat(e.advice()).isEqualTo(RetryAdvice.RETRY);
  }

  @Test
  void advice_nonGraphBodies_dependOnTheStatus() {
    assertThat(ApiException.of(ApiError.builder(ApiError.NO_CODE, 503).build()).advice())
        .isEqualTo(RetryAdvice.RETRY);
    assertThat(ApiException.of(ApiError.builder(ApiError.NO_CODE, 429).build()).advice())
        .isEqualTo(RetryAdvice.RETRY_LATER);
    assertThat(ApiException.of(ApiError.builder(ApiError.NO_CODE, 404).build()).advice())
        .isEqualTo(RetryAdvice.NO);
  }

  @Test
  void getMessage_containsCodeTraceAndAdviceButMasksPhoneNumbers() {
    ApiError error =
        ApiError.builder(131026, 400)
            .subcode(2494010)
            .message("(#131026) Message undeliverable")
            .details("Recipient +16505551234 is not a valid WhatsApp user")
            .fbtraceId("AbC-123_xyz")
            .build();

    String message = ApiException.of(error).getMessage();

    assertThat(message)
        .contains("131026/2494010")
        .contains("fbtrace_id AbC-123_xyz")
        .contains("RECIPIENT")
        .contains("do not retry: fix the request")
        .doesNotContain("advice NO")
        .contains("+165*****234")
        .doesNotContain("16505551234");
    assertThat(error.toString()).contains("+165*****234").doesNotContain("16505551234");
  }

  @Test
  void getMessage_withoutMetaText_usesTheCatalogMeaning() {
    String message = ApiException.of(ApiError.builder(131047, 400).build()).getMessage();

    assertThat(message).contains("24 hours").contains("fbtrace_id none");
  }

  @Test
  void retryAfter_headerSeconds_winsOverTheHint() {
    ApiException e =
        ApiException.create(
            ApiError.builder(131057, 500).build(), headers("Retry-After", "7"), NOW);

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(e.getMessage()).contains("retry after 7 s");
  }

  @Test
  void retryAfter_httpDate_isMeasuredFromReceipt() {
    ApiException e =
        ApiException.create(
            ApiError.builder(130429, 429).build(),
            headers("Retry-After", "Sun, 01 Mar 2026 12:00:30 GMT"),
            NOW);

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
  }

  @Test
  void retryAfter_dateInThePast_isZero() {
    ApiException e =
        ApiException.create(
            ApiError.builder(130429, 429).build(),
            headers("Retry-After", "Sun, 01 Mar 2026 11:00:00 GMT"),
            NOW);

    assertThat(e.retryAfter()).contains(Duration.ZERO);
  }

  @Test
  void retryAfter_hugeValues_cappedAtADayInsteadOfOverflowing() {
    ApiError limit = ApiError.builder(130429, 429).build();
    Duration day = Duration.ofHours(24);

    assertThat(
            ApiException.create(limit, headers("Retry-After", "9223372036854775807"), NOW)
                .retryAfter())
        .contains(day);
    assertThat(
            ApiException.create(limit, headers("Retry-After", "99999999999999999999999999"), NOW)
                .retryAfter())
        .contains(day);
    assertThat(
            ApiException.create(limit, headers("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT"), NOW)
                .retryAfter())
        .contains(day);
    assertThat(ApiException.create(limit, headers("Retry-After", "86399"), NOW).retryAfter())
        .contains(Duration.ofSeconds(86_399));
  }

  @Test
  void retryAfter_hugeRegainAccessEstimate_cappedAtADayInsteadOfOverflowing() {
    ApiError limit = ApiError.builder(130429, 429).build();
    String[] estimates = {"9223372036854775807", "100000000000000000000000", "1e300"};

    for (String minutes : estimates) {
      HttpHeaders buc =
          headers(
              "X-Business-Use-Case-Usage",
              "{\"1\":[{\"type\":\"whatsapp\",\"estimated_time_to_regain_access\":"
                  + minutes
                  + "}]}");
      assertThat(ApiException.create(limit, buc, NOW).retryAfter())
          .as(minutes)
          .contains(Duration.ofHours(24));
    }
  }

  @Test
  void factoryWithHeaders_isNotPublic_andTheInternalRouteCannotBeReplaced() {
    assertThat(java.util.Arrays.stream(ApiException.class.getDeclaredMethods()))
        .filteredOn(m -> m.getParameterCount() == 3)
        .isNotEmpty()
        .allSatisfy(
            m -> assertThat(java.lang.reflect.Modifier.isPublic(m.getModifiers())).isFalse());
    assertThat(
            dev.wasdk.internal.http.ApiExceptions.of(
                ApiError.builder(131057, 500).build(), headers("Retry-After", "7"), NOW))
        .isInstanceOf(ServerException.class)
        .satisfies(e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> dev.wasdk.internal.http.ApiExceptions.register((e, h, at) -> null))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void retryAfter_garbageHeader_fallsBackToTheHint() {
    ApiException e =
        ApiException.create(
            ApiError.builder(131057, 500).build(), headers("Retry-After", "soon-ish"), NOW);

    assertThat(e.retryAfter()).contains(Duration.ofMinutes(1));
  }

  @Test
  void retryAfter_usageEstimate_appliesToRateLimitsOnly() {
    HttpHeaders buc =
        headers(
            "X-Business-Use-Case-Usage",
            "{\"1\":[{\"type\":\"whatsapp\",\"estimated_time_to_regain_access\":3},"
                + "{\"type\":\"x\",\"estimated_time_to_regain_access\":12}]}");

    assertThat(ApiException.create(ApiError.builder(4, 400).build(), buc, NOW).retryAfter())
        .contains(Duration.ofMinutes(12));
    assertThat(ApiException.create(ApiError.builder(131000, 500).build(), buc, NOW).retryAfter())
        .isEmpty();
    assertThat(
            ApiException.create(
                    ApiError.builder(4, 400).build(),
                    headers("X-Business-Use-Case-Usage", "not json"),
                    NOW)
                .retryAfter())
        .isEmpty();
  }

  @Test
  void retryAfter_noHeaderNoHint_isEmpty() {
    assertThat(ApiException.of(ApiError.builder(130429, 400).build()).retryAfter()).isEmpty();
  }
}
