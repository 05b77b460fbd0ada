package dev.wasdk.client;

import java.util.Locale;

/**
 * The quality rating of a business phone number or a template, from the last seven days of user
 * feedback.
 *
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/send-messages">Message
 *     quality</a>
 */
public enum QualityRating {
  /** High quality. */
  GREEN,
  /** Medium quality. */
  YELLOW,
  /** Low quality. */
  RED,
  /** Not yet rated. */
  NA,
  /** A value this version does not know, or Meta's own {@code UNKNOWN}. */
  UNKNOWN;

  /**
   * Returns the rating for Meta's value, such as {@code GREEN}; {@link #UNKNOWN} for anything else,
   * including null.
   *
   * @param value the raw value, may be null
   * @return the rating; never null
   */
  public static QualityRating of(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    switch (value.trim().toUpperCase(Locale.ROOT)) {
      case "GREEN":
      case "HIGH":
        return GREEN;
      case "YELLOW":
      case "MEDIUM":
        return YELLOW;
      case "RED":
      case "LOW":
        return RED;
      case "NA":
        return NA;
      default:
        return UNKNOWN;
    }
  }
}
