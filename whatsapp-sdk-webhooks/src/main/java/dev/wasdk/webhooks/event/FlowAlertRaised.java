package dev.wasdk.webhooks.event;

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
 *     FLOW_VERSION_EXPIRY_WARNING}; empty if absent
 * @param flowId the flow id; empty if absent
 * @param message the human-readable description, if given
 * @param alertState the alert state as sent, such as {@code ACTIVATED} or {@code DEACTIVATED}
 * @param metrics every numeric property of the alert by name, such as {@code error_rate}, {@code
 *     threshold}, {@code p90_latency} or {@code availability}, in payload order
 * @param rawJson the raw JSON of the change's value
 */
public record FlowAlertRaised(
    EventContext context,
    String rawEvent,
    String flowId,
    Optional<String> message,
    Optional<String> alertState,
    Map<String, Double> metrics,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null and copies the map. */
  public FlowAlertRaised {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(rawEvent, "rawEvent");
    Objects.requireNonNull(flowId, "flowId");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(alertState, "alertState");
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
