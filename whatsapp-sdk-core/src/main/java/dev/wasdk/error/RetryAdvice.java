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
  RETRY("retry with backoff"),
  /**
   * Retrying can succeed only after a wait or a condition; {@link ErrorCode#retryAfterHint()} or
   * the exception's {@code retryAfter()} says how long when it is known.
   */
  RETRY_LATER("retry later"),
  /** The same request fails again; fix the request, the template, the token or the account. */
  NO("do not retry: fix the request"),
  /**
   * Stop sending: to this recipient (opted out), or from this account until the problem is solved.
   * Retrying harms the number's quality or breaks policy.
   */
  STOP("stop sending");

  private final String words;

  RetryAdvice(String words) {
    this.words = words;
  }

  /**
   * Returns the advice in words, as error messages print it, such as {@code "do not retry: fix the
   * request"}.
   *
   * @return the advice in words
   */
  public String inWords() {
    return words;
  }
}
