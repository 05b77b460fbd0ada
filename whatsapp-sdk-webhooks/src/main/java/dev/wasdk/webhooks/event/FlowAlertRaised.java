package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;
import dev.wasdk.internal.text.Values;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Meta raised an alert about a WhatsApp Flow ({@code flows} field, any event other than {@code
 * FLOW_STATUS_CHANGE}): its endpoint's error rate, latency or availability crossed a threshold, its
 * client error rate rose, or a flow version is about to expire.
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from; its entry time says when
 * @param rawEvent the event as sent, such as {@code ENDPOINT_ERROR_RATE}, {@code ENDPOINT_LATENCY},
 *     {@code ENDPOINT_AVAILABILITY}, {@code CLIENT_ERROR_RATE} or {@code
 *     FLOW_VERSION_EXPIRY_WARNING}; empty if absent; {@link #event()} reads it
 * @param flowId the flow id; empty if absent
 * @param message the human-readable description, if given
 * @param rawAlertState the alert state as sent, such as {@code ACTIVATED} or {@code DEACTIVATED};
 *     {@link #alertState()} reads it
 * @param metrics every numeric property of the alert by name, such as {@code error_rate}, {@code
 *     threshold}, {@code p90_latency} or {@code availability}, in payload order
 * @param rawJson the raw JSON of the change's value
 */
public record FlowAlertRaised(
    EventContext context,
    String rawEvent,
    String flowId,
    Optional<String> message,
    Optional<String> rawAlertState,
    Map<String, Double> metrics,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null and copies the map. */
  public FlowAlertRaised {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(rawEvent, "rawEvent");
    Objects.requireNonNull(flowId, "flowId");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(rawAlertState, "rawAlertState");
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the event; {@link FlowAlertEvent#UNKNOWN} for values this version does not know. */
  public FlowAlertEvent event() {
    return FlowAlertEvent.of(rawEvent);
  }

  /** Returns the alert state; {@link AlertState#UNKNOWN} when absent or not known. */
  public AlertState alertState() {
    return AlertState.of(rawAlertState.orElse(null));
  }

  /**
   * The state of a flow alert. Open: values this version does not know map to {@link #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum AlertState {
    /** The alert condition began. */
    ACTIVATED,
    /** The alert condition ended. */
    DEACTIVATED,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Returns the state for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
     * anything else, including null.
     *
     * @param value the raw value, may be null
     * @return the state; never null
     */
    public static AlertState of(String value) {
      return OpenEnums.parse(AlertState.class, value, UNKNOWN);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
