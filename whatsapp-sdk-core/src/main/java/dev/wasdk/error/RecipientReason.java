package dev.wasdk.error;

/** Why a {@link RecipientException} says the recipient cannot get the message. */
public enum RecipientReason {
  /**
   * More than 24 hours passed since the user's last message; only templates may be sent (131047,
   * and the legacy 470).
   */
  WINDOW_CLOSED,
  /** The number is not on WhatsApp, has not accepted the terms, or runs an old client (131026). */
  UNDELIVERABLE,
  /** The user stopped marketing messages from this business (131050). */
  OPTED_OUT,
  /**
   * Meta held the message back to limit how many marketing messages the user receives (131049);
   * wait at least 24 hours.
   */
  FREQUENCY_CAPPED,
  /** The user is part of a marketing-message experiment hold-out (130472). */
  EXPERIMENT,
  /** A test number may only message its allowed list of recipients (131030). */
  NOT_ALLOWED,
  /** The recipient is the sending number itself (131021). */
  SENDER_IS_RECIPIENT,
  /** The user's identity key changed since the hash was read (137000). */
  IDENTITY_CHANGED,
  /** This message cannot be sent to a business-scoped user id; use the phone number (131062). */
  USER_ID_NOT_SUPPORTED
}
