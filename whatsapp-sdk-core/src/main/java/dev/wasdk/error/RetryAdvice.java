package dev.wasdk.error;

/**
 * What a caller should do after an error, as the {@link ErrorCode} catalog recommends it from
 * Meta's documented solutions.
 *
 * <p>The advice describes the error, not the request: whether wasdk retries a request on its own
 * also depends on whether the request could have been accepted (see {@code
 * dev.wasdk.client.RetryPolicy}).
 */
public enum RetryAdvice {
  /** The error is transient: retrying the same request with backoff can succeed. */
  RETRY,
  /**
   * Retrying can succeed only after a wait or a condition; {@link ErrorCode#retryAfterHint()} or
   * the exception's {@code retryAfter()} says how long when it is known.
   */
  RETRY_LATER,
  /** The same request fails again; fix the request, the template, the token or the account. */
  NO,
  /**
   * Stop sending: to this recipient (opted out), or from this account until the problem is solved.
   * Retrying harms the number's quality or breaks policy.
   */
  STOP
}
