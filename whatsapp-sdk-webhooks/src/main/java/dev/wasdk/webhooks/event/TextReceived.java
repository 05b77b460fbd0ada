package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;

/**
 * A text message from a user ({@code type: text}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param header the parts every inbound message shares
 * @param body the text; empty if the payload omits it
 * @param rawJson the raw JSON of the message ({@code value.messages[]} element)
 */
public record TextReceived(EventContext context, MessageHeader header, String body, String rawJson)
    implements MessageReceived {
  /** Checks that no component is null. */
  public TextReceived {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
