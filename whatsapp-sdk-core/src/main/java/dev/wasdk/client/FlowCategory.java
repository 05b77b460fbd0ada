package dev.wasdk.client;

import dev.wasdk.internal.text.OpenEnums;

/**
 * What a WhatsApp Flow is for; a Flow has one or more categories.
 *
 * @see <a href="https://developers.facebook.com/docs/whatsapp/flows/reference/flowsapi">Flows
 *     API</a>
 */
public enum FlowCategory {
  /** Creating an account. */
  SIGN_UP,
  /** Signing in. */
  SIGN_IN,
  /** Booking an appointment. */
  APPOINTMENT_BOOKING,
  /** Collecting leads. */
  LEAD_GENERATION,
  /** Contacting the business. */
  CONTACT_US,
  /** Customer support. */
  CUSTOMER_SUPPORT,
  /** A survey. */
  SURVEY,
  /** Anything else. */
  OTHER,
  /** A value this version does not know; never sent. */
  UNKNOWN;

  /**
   * Returns the category for Meta's value; {@link #UNKNOWN} for anything else, including null.
   *
   * @param value the raw value, may be null
   */
  public static FlowCategory of(String value) {
    return OpenEnums.parse(FlowCategory.class, value, UNKNOWN);
  }
}
