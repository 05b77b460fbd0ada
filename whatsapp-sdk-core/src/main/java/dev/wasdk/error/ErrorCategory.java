package dev.wasdk.error;

/**
 * The family of a Graph API error. Each category has its own {@link ApiException} subclass, so
 * callers can catch the families they handle.
 */
public enum ErrorCategory {
  /** The access token is invalid or expired ({@link AuthException}). */
  AUTH,
  /** The token lacks a permission or access to an asset ({@link PermissionException}). */
  PERMISSION,
  /** The request is malformed or has an invalid value ({@link InvalidRequestException}). */
  INVALID_REQUEST,
  /** A throughput, pair, spam or management rate limit was hit ({@link RateLimitException}). */
  RATE_LIMIT,
  /**
   * The recipient cannot get this message: window closed, undeliverable, opted out,
   * frequency-capped ({@link RecipientException}).
   */
  RECIPIENT,
  /**
   * A template is missing, paused, or does not match its parameters ({@link TemplateException}).
   */
  TEMPLATE,
  /**
   * The business account or phone number is restricted, unregistered, unpaid or misconfigured
   * ({@link AccountException}).
   */
  ACCOUNT,
  /** Meta could not process the request now ({@link ServerException}). */
  SERVER,
  /** A code wasdk does not know; the base {@link ApiException} is thrown. */
  UNKNOWN
}
