package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;

/**
 * The kind of a {@link PhoneNumberSecurityChanged}. Open: values this version does not know map to
 * {@link #UNKNOWN}, and the event keeps the raw value.
 *
 * <p>Immutable and thread-safe.
 */
public enum PhoneNumberSecurityEvent {
  /** The two-step verification PIN was changed. */
  PIN_CHANGED,
  /** A reset of the PIN was requested. */
  PIN_RESET_REQUEST,
  /** The PIN was reset. */
  PIN_REQUEST_SUCCESS,
  /** A value this version does not know. */
  UNKNOWN;

  /**
   * Returns the event for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
   * anything else, including null.
   *
   * @param value the raw value, may be null
   * @return the event; never null
   */
  public static PhoneNumberSecurityEvent of(String value) {
    return OpenEnums.parse(PhoneNumberSecurityEvent.class, value, UNKNOWN);
  }
}
