package dev.wasdk.sender;

/**
 * Why the sender did not send a message, or why Meta refused it. Part of {@link
 * SendOutcome.Rejected}.
 */
public enum RejectReason {
  /**
   * A free-form message to a user whose 24-hour customer-service window is closed, refused before
   * the network, or refused by Meta with 131047. Send an approved template instead.
   */
  WINDOW_CLOSED,
  /** A marketing template to a user who has not opted in to marketing messages. */
  NO_CONSENT,
  /** The user opted out of marketing: a stop request, error 131050, or a keyword such as STOP. */
  OPTED_OUT,
  /**
   * The user's marketing messages are capped: Meta held one back (131049, wait 24 hours), or the
   * sender's own per-user frequency cap is reached.
   */
  FREQUENCY_CAPPED,
  /** The messaging-limit tier has no free slot, and the tier policy is to reject. */
  TIER_EXHAUSTED,
  /**
   * A call-permission request to a user who was already asked as often as Meta allows: one request
   * per 24 hours and two per 7 days for each business number and user (Meta's 138009). The
   * outcome's detail says when the next request is allowed.
   */
  CALL_PERMISSION_REQUEST_LIMIT,
  /** The queue was full when the message was submitted. */
  QUEUE_FULL,
  /** The number is not on WhatsApp, or cannot get the message (131026 and similar). */
  UNDELIVERABLE,
  /**
   * Meta answered with a server error (such as 131000 or HTTP 500). It is not retried, because Meta
   * does not promise that the message was not accepted: check its status webhooks before sending it
   * again.
   */
  SERVER_ERROR,
  /** The request was refused for another reason; see the outcome's error. */
  API_ERROR,
  /**
   * The message was provably not accepted (a throughput limit, a connection that never opened) more
   * times than the sender's attempt limit allows.
   */
  ATTEMPTS_EXHAUSTED,
  /**
   * A store the decision depends on (limits, consent, service windows) failed or did not answer
   * within its time budget, and the sender is set to fail closed. The outcome's detail names the
   * store. Nothing was sent.
   */
  STORE_UNAVAILABLE
}
