package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;

/**
 * The delivery status in a {@link MessageStatusChanged}. Open: values this version does not know
 * map to {@link #UNKNOWN}, and the event keeps the raw value.
 *
 * <p>Immutable and thread-safe.
 */
public enum DeliveryStatus {
  /** WhatsApp accepted the message and sent it. */
  SENT(1),
  /** The message reached the user's device. */
  DELIVERED(2),
  /** The user read the message. */
  READ(3),
  /** The user played a voice message for the first time. */
  PLAYED(4),
  /** The message could not be delivered; the event's errors say why. */
  FAILED(5),
  /** A status this version does not know. */
  UNKNOWN(0);

  private final int rank;

  DeliveryStatus(int rank) {
    this.rank = rank;
  }

  /**
   * Returns the status's place in a message's life: sent &lt; delivered &lt; read &lt; played, with
   * failed terminal (highest) and unknown lowest. Use it to keep the furthest status when webhooks
   * arrive out of order.
   */
  public int rank() {
    return rank;
  }

  /**
   * Returns the status for Meta's value, such as {@code delivered}; {@link #UNKNOWN} for anything
   * else, including null.
   *
   * @param value the raw value, may be null
   * @return the status; never null
   */
  public static DeliveryStatus of(String value) {
    return OpenEnums.parse(DeliveryStatus.class, value, UNKNOWN);
  }
}
