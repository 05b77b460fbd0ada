package dev.wasdk.client;

import dev.wasdk.internal.text.OpenEnums;

/**
 * The life-cycle state of a WhatsApp Flow.
 *
 * <p>A Flow starts as {@link #DRAFT} (sendable only with {@code mode: draft}); publishing makes it
 * {@link #PUBLISHED} and immutable; deprecating ends it. Health problems of its endpoint move a
 * published Flow to {@link #THROTTLED} (10 messages an hour, error 132069) and then {@link
 * #BLOCKED} (error 132068), and back as they are fixed.
 *
 * @see <a href="https://developers.facebook.com/docs/whatsapp/flows/reference/flowsapi">Flows
 *     API</a>
 */
public enum FlowStatus {
  /** Editable; sendable only in draft mode. */
  DRAFT,
  /** Published and immutable. */
  PUBLISHED,
  /** No longer sendable or openable. */
  DEPRECATED,
  /** Blocked: neither sendable nor openable. */
  BLOCKED,
  /** Throttled: at most 10 messages with it an hour. */
  THROTTLED,
  /** A value this version does not know. */
  UNKNOWN;

  /**
   * Returns the status for Meta's value; {@link #UNKNOWN} for anything else, including null.
   *
   * @param value the raw value, may be null
   */
  public static FlowStatus of(String value) {
    return OpenEnums.parse(FlowStatus.class, value, UNKNOWN);
  }
}
