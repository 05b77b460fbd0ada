package dev.wasdk.client;

import dev.wasdk.internal.text.OpenEnums;
import java.util.Map;

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

  /** Meta's other names for the ratings: HIGH, MEDIUM and LOW. */
  private static final Map<String, QualityRating> ALIASES =
      Map.of("HIGH", GREEN, "MEDIUM", YELLOW, "LOW", RED);

  /**
   * Returns the rating for Meta's value, such as {@code GREEN}; {@link #UNKNOWN} for anything else,
   * including null.
   *
   * @param value the raw value, may be null
   * @return the rating; never null
   */
  public static QualityRating of(String value) {
    return OpenEnums.parse(QualityRating.class, value, UNKNOWN, ALIASES);
  }
}
