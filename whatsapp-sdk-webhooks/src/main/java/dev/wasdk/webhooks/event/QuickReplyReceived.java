package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;

/**
 * A tap on a quick-reply button of a template message ({@code type: button}). Marketing templates
 * often carry an "Unsubscribe" quick reply; treat such a payload as an opt-out.
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param header the parts every inbound message shares; its message context names the template
 *     message
 * @param payload the payload the business set on the button; empty if absent
 * @param text the button's label; empty if absent
 * @param rawJson the raw JSON of the message ({@code value.messages[]} element)
 */
public record QuickReplyReceived(
    EventContext context, MessageHeader header, String payload, String text, String rawJson)
    implements MessageReceived {
  /** Checks that no component is null. */
  public QuickReplyReceived {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
