package dev.wasdk.observe;

import java.util.Objects;

/**
 * What a sender's limits decided for one message at one moment.
 *
 * @param phoneNumberId the business phone number id of the sender
 * @param decision the decision
 * @param limit the limit that held the message back ({@link Limit#NONE} when it was sent or ended)
 */
public record LimiterDecisionEvent(String phoneNumberId, Decision decision, Limit limit) {

  /** The decisions. */
  public enum Decision {
    /** Sent now. */
    SEND,
    /** Its user waits (pair rate, tier slot); other users go on. */
    SLEEP,
    /** Every user waits (throughput, a store pause). */
    WAIT,
    /** Ended without a send (window closed, no consent, tier full, store down). */
    FINISH
  }

  /** The limit behind a decision. */
  public enum Limit {
    /** No limit held it back. */
    NONE,
    /** The messaging-limit tier. */
    TIER,
    /** The per-user pair rate. */
    PAIR_RATE,
    /** The per-number throughput. */
    THROUGHPUT,
    /** A store failed or was slow. */
    STORE,
    /** Another rule (service window, consent, marketing cap). */
    OTHER
  }

  /** Checks the arguments. */
  public LimiterDecisionEvent {
    Objects.requireNonNull(phoneNumberId, "phoneNumberId");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(limit, "limit");
  }
}
