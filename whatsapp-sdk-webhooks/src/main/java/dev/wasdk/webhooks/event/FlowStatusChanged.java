package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * A WhatsApp Flow's status changed ({@code flows} field, {@code event: FLOW_STATUS_CHANGE}), such
 * as from {@code PUBLISHED} to {@code THROTTLED} or {@code BLOCKED}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from; its entry time says when
 * @param flowId the flow id; empty if absent
 * @param rawOldStatus the status before, as sent; {@link #oldStatus()} reads it
 * @param rawNewStatus the status now, as sent: {@code DRAFT}, {@code PUBLISHED}, {@code
 *     DEPRECATED}, {@code BLOCKED} or {@code THROTTLED}; {@link #newStatus()} reads it
 * @param message the human-readable description, if given
 * @param rawJson the raw JSON of the change's value
 */
public record FlowStatusChanged(
    EventContext context,
    String flowId,
    Optional<String> rawOldStatus,
    Optional<String> rawNewStatus,
    Optional<String> message,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null. */
  public FlowStatusChanged {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(flowId, "flowId");
    Objects.requireNonNull(rawOldStatus, "rawOldStatus");
    Objects.requireNonNull(rawNewStatus, "rawNewStatus");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the status before; {@link FlowStatus#UNKNOWN} when absent or not known. */
  public FlowStatus oldStatus() {
    return FlowStatus.of(rawOldStatus.orElse(null));
  }

  /** Returns the status now; {@link FlowStatus#UNKNOWN} when absent or not known. */
  public FlowStatus newStatus() {
    return FlowStatus.of(rawNewStatus.orElse(null));
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
