package dev.wasdk.sender;

/** Where an opt-in or an opt-out came from, kept with each {@link ConsentRecord}. */
public enum ConsentSource {
  /** The business recorded it through the API, such as a sign-up form's checkbox. */
  API,
  /** The user confirmed an opt-in request in the chat (double opt-in). */
  DOUBLE_OPT_IN,
  /** The user sent one of the opt-out keywords, such as STOP. */
  KEYWORD,
  /** The user's stop or resume in WhatsApp, reported by the {@code user_preferences} webhook. */
  USER_PREFERENCES,
  /** A marketing send failed with error 131050: the user stopped marketing messages. */
  FAILED_131050,
  /** The business's own unsubscribe flow, such as a quick-reply button. */
  BUSINESS
}
