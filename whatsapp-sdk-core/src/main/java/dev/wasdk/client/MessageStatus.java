package dev.wasdk.client;

import java.util.Objects;

/**
 * The {@code message_status} of a send response: whether Meta accepted a template message for
 * delivery now or held it back while it assesses the template's quality (template pacing).
 *
 * <p>Values this version does not know are kept as sent ({@link #isKnown()} is false).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param value the raw value, such as {@code accepted}
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-pacing">Template
 *     pacing</a>
 */
public record MessageStatus(String value) {
  /** Accepted for delivery ({@code accepted}). */
  public static final MessageStatus ACCEPTED = new MessageStatus("accepted");

  /**
   * Held while Meta assesses the template's quality ({@code held_for_quality_assessment}); it is
   * sent later or dropped, and a status webhook reports which.
   */
  public static final MessageStatus HELD_FOR_QUALITY_ASSESSMENT =
      new MessageStatus("held_for_quality_assessment");

  /** Checks that the value is not null. */
  public MessageStatus {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Returns the status for a raw value, reusing the constants for known values.
   *
   * @param value the raw value
   * @return the status
   */
  public static MessageStatus of(String value) {
    switch (value) {
      case "accepted":
        return ACCEPTED;
      case "held_for_quality_assessment":
        return HELD_FOR_QUALITY_ASSESSMENT;
      default:
        return new MessageStatus(value);
    }
  }

  /** Returns whether this version knows the value. */
  public boolean isKnown() {
    return equals(ACCEPTED) || equals(HELD_FOR_QUALITY_ASSESSMENT);
  }

  /** Returns the raw value. */
  @Override
  public String toString() {
    return value;
  }
}
