package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;

/**
 * A change this version does not model: a webhook field it does not know (such as {@code
 * group_lifecycle_update} or {@code calls}), a known field whose value is not an object, or an
 * element that could not be read. It carries the field name (in the context) and the raw JSON, so
 * nothing is lost. Inbound messages of unknown types become {@link UnknownMessageReceived} instead.
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where it came from; {@link EventContext#field()} names the field
 * @param rawJson the raw JSON of the change's value, or of the element that could not be read
 */
public record UnknownEvent(EventContext context, String rawJson) implements WebhookEvent {
  /** Checks that no component is null. */
  public UnknownEvent {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the webhook field, such as {@code group_lifecycle_update}. */
  public String field() {
    return context.field();
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
