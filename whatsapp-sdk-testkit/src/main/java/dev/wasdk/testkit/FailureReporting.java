package dev.wasdk.testkit;

/**
 * How the simulator reports a message that Meta accepts but then does not deliver for a policy
 * reason: a closed customer-service window (131047), a user who stopped marketing messages (131050)
 * or a reached messaging limit.
 *
 * <p>Meta answers such sends with 200 and a message id, then posts a {@code failed} status webhook
 * with the error; {@link #STATUS_WEBHOOK} does the same and is the default. {@link #ERROR_RESPONSE}
 * answers the send itself with the error instead, which some tests find easier to assert.
 */
public enum FailureReporting {
  /** Accepts the message, then posts a {@code failed} status webhook with the error code. */
  STATUS_WEBHOOK,
  /** Answers the send with Meta's error envelope and HTTP 400. */
  ERROR_RESPONSE
}
