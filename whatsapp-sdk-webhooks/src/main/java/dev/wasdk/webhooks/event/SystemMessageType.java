package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;

/**
 * The kind of a {@link SystemMessageReceived}. Open: values this version does not know map to
 * {@link #UNKNOWN}, and the event keeps the raw value.
 *
 * <p>Immutable and thread-safe.
 */
public enum SystemMessageType {
  /** The user changed their phone number; the new WhatsApp id is in the event. */
  USER_CHANGED_NUMBER("user_changed_number"),
  /** The user's business-scoped user id changed (from 2026). */
  USER_CHANGED_USER_ID("user_changed_user_id"),
  /** The user's identity key changed, as when they reinstalled WhatsApp on a new device. */
  CUSTOMER_IDENTITY_CHANGED("customer_identity_changed"),
  /** A value this version does not know. */
  UNKNOWN("");

  private final String value;

  SystemMessageType(String value) {
    this.value = value;
  }

  /** Returns the value as Meta sends it, such as {@code user_changed_number}; empty for UNKNOWN. */
  public String value() {
    return value;
  }

  /**
   * Returns the type for Meta's value; {@link #UNKNOWN} for anything else, including null.
   *
   * @param value the raw value, may be null
   * @return the type; never null
   */
  public static SystemMessageType of(String value) {
    return OpenEnums.parse(SystemMessageType.class, value, UNKNOWN);
  }
}
