package dev.wasdk.campaigns;

/**
 * Where one recipient of a campaign stands. Each recipient ends in exactly one final state; only
 * {@link #PENDING} and {@link #CLAIMED} are not final, and a final state changes only when Meta
 * tells more ({@link #SENT} becomes {@link #FAILED} on a failed status; {@link #UNKNOWN} becomes
 * {@link #SENT} or {@link #FAILED} when a status proves the message was accepted).
 */
public enum RecipientState {
  /** Not sent yet. */
  PENDING,
  /** An instance took it and is sending it now; it holds a lease. */
  CLAIMED,
  /** Meta accepted the message: it has a {@code wamid}. Delivery and reads are progress on it. */
  SENT,
  /** Not sent: the sender or Meta refused it (consent, frequency, window, limits). */
  REFUSED,
  /** Meta accepted it, then a status reported it failed. */
  FAILED,
  /**
   * It may have been sent: the request timed out, or the instance sending it stopped before it
   * recorded the outcome and its lease ran out. It is never sent again; it is reported.
   */
  UNKNOWN,
  /** Not sent: the campaign was cancelled first. */
  CANCELLED,
  /** Not sent: the A/B test found no significant winner and the rule was to stop. */
  SKIPPED;

  /** Returns whether the state is final. */
  public boolean isFinal() {
    return this != PENDING && this != CLAIMED;
  }

  /** Returns whether the message reached the sender (so counts as submitted). */
  public boolean isSubmitted() {
    return this == SENT || this == REFUSED || this == FAILED || this == UNKNOWN;
  }
}
