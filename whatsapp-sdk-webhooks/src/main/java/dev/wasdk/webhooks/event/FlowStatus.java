package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;

/**
 * The status of a WhatsApp Flow, in a {@link FlowStatusChanged}. Open: values this version does not
 * know map to {@link #UNKNOWN}, and the event keeps the raw value.
 *
 * <p>Immutable and thread-safe.
 */
public enum FlowStatus {
  /** Not yet published; can be edited. */
  DRAFT,
  /** Published; can be sent. */
  PUBLISHED,
  /** Deprecated; can no longer be sent. */
  DEPRECATED,
  /** Blocked because its endpoint is unhealthy; cannot be sent. */
  BLOCKED,
  /** Throttled because its endpoint is unhealthy; sends are limited. */
  THROTTLED,
  /** A value this version does not know. */
  UNKNOWN;

  /**
   * Returns the status for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
   * anything else, including null.
   *
   * @param value the raw value, may be null
   * @return the status; never null
   */
  public static FlowStatus of(String value) {
    return OpenEnums.parse(FlowStatus.class, value, UNKNOWN);
  }
}
