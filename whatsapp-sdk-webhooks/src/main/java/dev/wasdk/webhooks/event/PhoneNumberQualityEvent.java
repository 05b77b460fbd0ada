package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;

/**
 * The event in a {@link PhoneNumberQualityChanged}. Open: values this version does not know map to
 * {@link #UNKNOWN}, and the event keeps the raw value.
 *
 * <p>Immutable and thread-safe.
 */
public enum PhoneNumberQualityEvent {
  /** The number was onboarded; the event carries its starting limit. */
  ONBOARDING,
  /** The number was upgraded to the higher throughput (1,000 messages/s). */
  THROUGHPUT_UPGRADE,
  /** The limit went up a tier (before October 2025). */
  UPGRADE,
  /** The limit went down a tier (before October 2025). */
  DOWNGRADE,
  /** The number was flagged for low quality (before October 2025). */
  FLAGGED,
  /** The number's flag was lifted (before October 2025). */
  UNFLAGGED,
  /** A value this version does not know. */
  UNKNOWN;

  /**
   * Returns the event for Meta's value; {@link #UNKNOWN} for anything else, including null.
   *
   * @param value the raw value, may be null
   * @return the event; never null
   */
  public static PhoneNumberQualityEvent of(String value) {
    return OpenEnums.parse(PhoneNumberQualityEvent.class, value, UNKNOWN);
  }
}
