package dev.wasdk.error;

import dev.wasdk.internal.http.ApiExceptions;
import dev.wasdk.internal.text.Redact;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Thrown when the Graph API answers with an error. It carries Meta's {@link ApiError}, the {@link
 * ErrorCode catalog entry} for its code, and what to do next.
 *
 * <p>Each {@link ErrorCategory family} has a subclass, so callers catch what they handle:
 *
 * <pre>{@code
 * try {
 *   wa.messages().send(message);
 * } catch (RecipientException e) {
 *   if (e.reason() == RecipientReason.WINDOW_CLOSED) { sendTemplateInstead(); }
 * } catch (RateLimitException e) {
 *   scheduleRetry(e.retryAfter().orElse(Duration.ofSeconds(1)));
 * } catch (ApiException e) {
 *   log.warn("WhatsApp refused: {}", e.getMessage()); // code, fbtrace_id, advice; no token
 * }
 * }</pre>
 *
 * <p>A code that is not in the catalog still yields a usable exception: its family then comes from
 * the HTTP status (401 auth, 403 permission, 429 rate limit, 5xx server) or is {@link
 * ErrorCategory#UNKNOWN}, for which this base class itself is thrown.
 *
 * <p>The message names the code and {@code fbtrace_id}; it never carries the access token, and long
 * digit runs (phone numbers) in Meta's texts are masked.
 */
public sealed class ApiException extends WhatsAppException
    permits AuthException,
        PermissionException,
        InvalidRequestException,
        RateLimitException,
        RecipientException,
        TemplateException,
        AccountException,
        ServerException {
  private static final long serialVersionUID = 1L;
  private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (n, v) -> true);

  static {
    ApiExceptions.register(ApiException::create);
  }

  private final transient ApiError error;
  private final transient ErrorCode errorCode;
  private final ErrorCategory category;
  private final RetryAdvice advice;
  private final transient Duration retryAfter;
  private final String appUsage;
  private final String businessUseCaseUsage;

  ApiException(ApiError error, ErrorCategory category, ResponseFacts facts) {
    super(describe(error, category, facts));
    this.error = error;
    this.errorCode = facts.errorCode;
    this.category = category;
    this.advice = facts.advice;
    this.retryAfter = facts.retryAfter;
    this.appUsage = facts.appUsage;
    this.businessUseCaseUsage = facts.businessUseCaseUsage;
  }

  /**
   * Returns the exception of the right family for an error that came without response headers.
   *
   * @param error the error
   * @return the exception; a subclass unless the family is {@link ErrorCategory#UNKNOWN}
   */
  public static ApiException of(ApiError error) {
    return create(error, NO_HEADERS, Instant.EPOCH);
  }

  /**
   * Returns the exception of the right family for an error response. The headers give {@code
   * Retry-After} (seconds or an HTTP date, measured from {@code receivedAt}) and Meta's usage
   * headers {@code X-App-Usage} and {@code X-Business-Use-Case-Usage}. Only the SDK's transport
   * builds exceptions from headers, through {@code dev.wasdk.internal.http.ApiExceptions}.
   */
  static ApiException create(ApiError error, HttpHeaders headers, Instant receivedAt) {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(receivedAt, "receivedAt");
    ErrorCode code = ErrorCode.of(error.code());
    ErrorCategory category = code.isKnown() ? code.category() : categoryOf(error);
    ResponseFacts facts = ResponseFacts.of(error, code, category, headers, receivedAt);
    switch (category) {
      case AUTH:
        return new AuthException(error, facts);
      case PERMISSION:
        return new PermissionException(error, facts);
      case INVALID_REQUEST:
        return new InvalidRequestException(error, facts);
      case RATE_LIMIT:
        return new RateLimitException(error, facts);
      case RECIPIENT:
        return new RecipientException(error, facts);
      case TEMPLATE:
        return new TemplateException(error, facts);
      case ACCOUNT:
        return new AccountException(error, facts);
      case SERVER:
        return new ServerException(error, facts);
      default:
        return new ApiException(error, ErrorCategory.UNKNOWN, facts);
    }
  }

  private static ErrorCategory categoryOf(ApiError error) {
    int s = error.httpStatus();
    if (s == 401) {
      return ErrorCategory.AUTH;
    }
    if (s == 403) {
      return ErrorCategory.PERMISSION;
    }
    if (s == 429) {
      return ErrorCategory.RATE_LIMIT;
    }
    if (s >= 500 && s <= 599) {
      return ErrorCategory.SERVER;
    }
    return ErrorCategory.UNKNOWN;
  }

  /** Returns the error as Meta sent it. */
  public ApiError error() {
    return error;
  }

  /** Returns the catalog entry for the error's code; {@link ErrorCode#isKnown()} may be false. */
  public ErrorCode errorCode() {
    return errorCode;
  }

  /** Returns the family of the error. */
  public ErrorCategory category() {
    return category;
  }

  /**
   * Returns what to do next: the catalog's advice for a known code. For an unknown code it is
   * {@link RetryAdvice#RETRY} when Meta marked the error transient or when a response without a
   * Graph body had status 500, 502, 503 or 504, {@link RetryAdvice#RETRY_LATER} for such a response
   * with status 429, and {@link RetryAdvice#NO} otherwise.
   */
  public RetryAdvice advice() {
    return advice;
  }

  /**
   * Returns how long to wait before retrying, when it is known: from the {@code Retry-After}
   * header; else, for rate limits, from the usage header's {@code estimated_time_to_regain_access};
   * else from the catalog's {@link ErrorCode#retryAfterHint() hint}. A wait from the server is
   * capped at 24 hours: a larger value, or one too large to read as a number, reads as 24 hours.
   *
   * @return the wait, when known; never negative and never more than 24 hours
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Returns the raw {@code X-App-Usage} header (JSON), when the response had one. */
  public Optional<String> appUsage() {
    return Optional.ofNullable(appUsage);
  }

  /** Returns the raw {@code X-Business-Use-Case-Usage} header (JSON), when the response had one. */
  public Optional<String> businessUseCaseUsage() {
    return Optional.ofNullable(businessUseCaseUsage);
  }

  private static String describe(ApiError e, ErrorCategory category, ResponseFacts facts) {
    StringBuilder b = new StringBuilder(160);
    if (e.code() == ApiError.NO_CODE) {
      b.append("HTTP ").append(e.httpStatus()).append(" without a Graph error body");
    } else {
      b.append("WhatsApp API error ").append(e.code());
      e.subcode().ifPresent(s -> b.append('/').append(s));
    }
    b.append(" [").append(category).append(", ").append(facts.advice.inWords());
    b.append(", HTTP ").append(e.httpStatus());
    b.append(", fbtrace_id ").append(e.fbtraceId().orElse("none")).append("]: ");
    String text = e.message().isEmpty() ? facts.errorCode.meaning() : e.message();
    b.append(Redact.maskDigits(text));
    e.details()
        .filter(d -> !d.equals(e.message()))
        .ifPresent(d -> b.append(" (").append(Redact.maskDigits(d)).append(')'));
    if (!facts.errorCode.isKnown() && e.code() != ApiError.NO_CODE) {
      b.append("; code not in wasdk's catalog");
    }
    if (facts.retryAfter != null) {
      b.append("; retry after ").append(facts.retryAfter.toSeconds()).append(" s");
    }
    return b.toString();
  }
}
