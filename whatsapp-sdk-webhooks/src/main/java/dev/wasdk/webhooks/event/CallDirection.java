package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;

/**
 * Who started a call, in the {@code calls} events. Open: values this version does not know map to
 * {@link #UNKNOWN}.
 *
 * <p>Immutable and thread-safe.
 */
public enum CallDirection {
  /** The user called the business. */
  USER_INITIATED,
  /** The business called the user. */
  BUSINESS_INITIATED,
  /** A value this version does not know. */
  UNKNOWN;

  /**
   * Returns the direction for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
   * anything else, including null.
   *
   * @param value the raw value, may be null
   * @return the direction; never null
   */
  public static CallDirection of(String value) {
    return OpenEnums.parse(CallDirection.class, value, UNKNOWN);
  }
}
