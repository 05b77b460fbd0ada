package dev.wasdk.observe;

import java.util.Objects;

/**
 * How a sender ended one message.
 *
 * @param phoneNumberId the business phone number id that sent it (bounded: one per sender)
 * @param kind the kind of outcome
 * @param rejectReason the name of the {@code RejectReason} for a rejected message, else empty
 * @param errorCode Graph's error code behind a rejection or an unknown outcome, or 0
 * @param attempts how many requests were made
 */
public record SendOutcomeEvent(
    String phoneNumberId, Kind kind, String rejectReason, int errorCode, int attempts) {

  /** The kinds of outcome, one per {@code SendOutcome} type. */
  public enum Kind {
    /** Meta accepted the message. */
    SENT,
    /** Not sent, for a reason. */
    REJECTED,
    /** Its deadline passed while it waited. */
    DEFERRED,
    /** Cancelled, or not sent before the sender closed. */
    CANCELLED,
    /** The request may have reached Meta. */
    UNKNOWN
  }

  /** Checks the arguments. */
  public SendOutcomeEvent {
    Objects.requireNonNull(phoneNumberId, "phoneNumberId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(rejectReason, "rejectReason");
  }
}
