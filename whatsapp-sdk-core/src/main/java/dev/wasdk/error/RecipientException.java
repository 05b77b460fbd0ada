package dev.wasdk.error;

/**
 * Thrown when the recipient cannot get the message: the customer-service window is closed (131047),
 * the number is undeliverable (131026), the user opted out of marketing (131050), Meta capped the
 * user's marketing messages (131049), and similar. {@link #reason()} tells which.
 *
 * <p>Never retry these automatically: they fail again, and retries to opted-out users break policy.
 */
public final class RecipientException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final RecipientReason reason;

  RecipientException(ApiError error, ResponseFacts facts) {
    super(error, ErrorCategory.RECIPIENT, facts);
    this.reason = facts.errorCode.recipientReason().orElseThrow();
  }

  /** Returns why the recipient cannot get the message. */
  public RecipientReason reason() {
    return reason;
  }
}
