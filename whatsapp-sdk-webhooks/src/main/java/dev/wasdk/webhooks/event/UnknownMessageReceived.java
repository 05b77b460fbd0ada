package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;

/**
 * An inbound message whose type, or interactive reply type, this version does not know. It keeps
 * the raw JSON so nothing is lost, and it is still a {@link MessageReceived}: it names the sender,
 * opens the customer-service window and is de-duplicated by id like any other message.
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param header the parts every inbound message shares; {@link MessageHeader#type()} holds the type
 * @param rawJson the raw JSON of the message ({@code value.messages[]} element)
 */
public record UnknownMessageReceived(EventContext context, MessageHeader header, String rawJson)
    implements MessageReceived {
  /** Checks that no component is null. */
  public UnknownMessageReceived {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
