package dev.wasdk.sender;

/**
 * What the sender does with a message that would reach a new user when the messaging-limit tier has
 * no free slot in the rolling 24 hours.
 */
public enum TierExhaustedPolicy {
  /**
   * Keeps the message queued until a slot frees (the oldest user's 24 hours end), or until its
   * deadline, when it ends {@link SendOutcome.Deferred}. The default.
   */
  DEFER,
  /**
   * Ends the message at once as {@link SendOutcome.Rejected} with {@link
   * RejectReason#TIER_EXHAUSTED}.
   */
  REJECT
}
