package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;

/**
 * A tap on a reply button of an interactive message ({@code interactive.type: button_reply}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param header the parts every inbound message shares; its message context names the message with
 *     the buttons
 * @param buttonId the id the business gave the button; empty if absent
 * @param title the button's label; empty if absent
 * @param rawJson the raw JSON of the message ({@code value.messages[]} element)
 */
public record ButtonReplyReceived(
    EventContext context, MessageHeader header, String buttonId, String title, String rawJson)
    implements MessageReceived {
  /** Checks that no component is null. */
  public ButtonReplyReceived {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(buttonId, "buttonId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
