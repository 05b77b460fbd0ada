package dev.wasdk.error;

import dev.wasdk.internal.http.ServerWaits;
import dev.wasdk.internal.json.Json;
import dev.wasdk.internal.json.ManagementJson;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** What an error response says beyond its body: retry timing, usage headers and the advice. */
final class ResponseFacts {
  static final String RETRY_AFTER = "Retry-After";
  static final String APP_USAGE = "X-App-Usage";
  static final String BUSINESS_USE_CASE_USAGE = "X-Business-Use-Case-Usage";

  final ErrorCode errorCode;
  final RetryAdvice advice;
  final Duration retryAfter;
  final String appUsage;
  final String businessUseCaseUsage;

  private ResponseFacts(
      ErrorCode errorCode,
      RetryAdvice advice,
      Duration retryAfter,
      String appUsage,
      String businessUseCaseUsage) {
    this.errorCode = errorCode;
    this.advice = advice;
    this.retryAfter = retryAfter;
    this.appUsage = appUsage;
    this.businessUseCaseUsage = businessUseCaseUsage;
  }

  static ResponseFacts of(
      ApiError error,
      ErrorCode code,
      ErrorCategory category,
      HttpHeaders headers,
      Instant receivedAt) {
    String app = headers.firstValue(APP_USAGE).orElse(null);
    String buc = headers.firstValue(BUSINESS_USE_CASE_USAGE).orElse(null);
    Duration wait = retryAfter(headers.firstValue(RETRY_AFTER), receivedAt).orElse(null);
    if (wait == null && category == ErrorCategory.RATE_LIMIT && buc != null) {
      wait = regainAccess(buc).orElse(null);
    }
    if (wait == null) {
      wait = code.retryAfterHint().orElse(null);
    }
    return new ResponseFacts(code, advice(error, code), wait, app, buc);
  }

  private static RetryAdvice advice(ApiError error, ErrorCode code) {
    if (code.isKnown()) {
      return code.advice();
    }
    if (error.isTransient()) {
      return RetryAdvice.RETRY;
    }
    if (error.code() == ApiError.NO_CODE) {
      switch (error.httpStatus()) {
        case 429:
          return RetryAdvice.RETRY_LATER;
        case 500:
        case 502:
        case 503:
        case 504:
          return RetryAdvice.RETRY;
        default:
          return RetryAdvice.NO;
      }
    }
    return RetryAdvice.NO;
  }

  /**
   * Reads {@code Retry-After}: a number of seconds, or an HTTP date measured from {@code now}. A
   * date in the past means no wait; a wait longer than {@link ServerWaits#MAX} is read as that
   * maximum. Anything else is ignored.
   */
  static Optional<Duration> retryAfter(Optional<String> header, Instant now) {
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String v = header.get().trim();
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      try {
        return Optional.of(ServerWaits.ofSeconds(Long.parseLong(v)));
      } catch (NumberFormatException e) {
        return Optional.of(ServerWaits.MAX); // more digits than a long holds: a very long wait
      }
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(ServerWaits.clamp(Duration.between(now, at)));
    } catch (DateTimeParseException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads the largest {@code estimated_time_to_regain_access} (minutes) from an {@code
   * X-Business-Use-Case-Usage} header: {@code {"<id>":[{"type":"whatsapp",...,
   * "estimated_time_to_regain_access":5}]}}, at most {@link ServerWaits#MAX}.
   */
  static Optional<Duration> regainAccess(String businessUseCaseUsage) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(businessUseCaseUsage);
    } catch (JacksonException e) {
      return Optional.empty();
    }
    long minutes = 0;
    for (JsonNode entries : root) {
      for (JsonNode entry : entries) {
        minutes =
            Math.max(
                minutes,
                ManagementJson.number(entry, "estimated_time_to_regain_access").orElse(0L));
      }
    }
    return minutes > 0 ? Optional.of(ServerWaits.ofMinutes(minutes)) : Optional.empty();
  }
}
