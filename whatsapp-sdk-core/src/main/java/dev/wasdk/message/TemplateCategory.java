package dev.wasdk.message;

import dev.wasdk.internal.text.OpenEnums;

/**
 * The category of a message template, which decides its price and how it is paced and capped.
 *
 * <p>A template message may declare its category with {@link
 * TemplateMessage.Builder#category(TemplateCategory)} so that a sender can prioritize and pace it
 * (authentication and utility before marketing, marketing only to opted-in users). It is never sent
 * to WhatsApp: Meta knows the category of its approved templates.
 */
public enum TemplateCategory {
  /**
   * Promotions, offers, announcements and other messages that are not utility or authentication.
   */
  MARKETING,
  /** Updates about a transaction or an account the user asked for, such as an order update. */
  UTILITY,
  /** One-time passwords and other codes that verify a user. */
  AUTHENTICATION,
  /** Not declared, or a value this version does not know. */
  UNKNOWN;

  /**
   * Returns the category Meta names, in any letter case; {@link #UNKNOWN} for null or an
   * unrecognized value.
   *
   * @param value the category as Meta writes it, such as {@code MARKETING}
   * @return the category, never null
   */
  public static TemplateCategory fromString(String value) {
    return OpenEnums.parse(TemplateCategory.class, value, UNKNOWN);
  }
}
