package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;

/**
 * A user's choice in a {@link UserPreferenceChanged}. Open: values this version does not know map
 * to {@link #UNKNOWN}, and the event keeps the raw value.
 *
 * <p>Immutable and thread-safe.
 */
public enum MarketingPreference {
  /** The user asked to stop the messages. */
  STOP,
  /** The user asked to receive the messages again. */
  RESUME,
  /** A value this version does not know. */
  UNKNOWN;

  /**
   * Returns the preference for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
   * anything else, including null.
   *
   * @param value the raw value, may be null
   * @return the preference; never null
   */
  public static MarketingPreference of(String value) {
    return OpenEnums.parse(MarketingPreference.class, value, UNKNOWN);
  }
}
