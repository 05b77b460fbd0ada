package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;

/**
 * The kind of a {@link FlowAlertRaised}. Open: values this version does not know map to {@link
 * #UNKNOWN}, and the event keeps the raw value.
 *
 * <p>Immutable and thread-safe.
 */
public enum FlowAlertEvent {
  /** The flow endpoint's error rate crossed a threshold. */
  ENDPOINT_ERROR_RATE,
  /** The flow endpoint's latency crossed a threshold. */
  ENDPOINT_LATENCY,
  /** The flow endpoint's availability fell below a threshold. */
  ENDPOINT_AVAILABILITY,
  /** The rate of errors on users' devices crossed a threshold. */
  CLIENT_ERROR_RATE,
  /** A flow version is about to expire. */
  FLOW_VERSION_EXPIRY_WARNING,
  /** A value this version does not know. */
  UNKNOWN;

  /**
   * Returns the event for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
   * anything else, including null.
   *
   * @param value the raw value, may be null
   * @return the event; never null
   */
  public static FlowAlertEvent of(String value) {
    return OpenEnums.parse(FlowAlertEvent.class, value, UNKNOWN);
  }
}
