package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * A user edited a message they had sent ({@code type: edit}; Coexistence numbers only).
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param header the parts of this edit message; its id is the edit's own id
 * @param originalMessageId the id of the message that was edited; empty if absent
 * @param newMessage the message as it reads now ({@code edit.message}), read like an inbound
 *     message with this header's sender and time; empty if the payload has none
 * @param rawJson the raw JSON of the message ({@code value.messages[]} element)
 */
public record MessageEdited(
    EventContext context,
    MessageHeader header,
    String originalMessageId,
    Optional<MessageReceived> newMessage,
    String rawJson)
    implements MessageReceived {
  /** Checks that no component is null. */
  public MessageEdited {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(originalMessageId, "originalMessageId");
    Objects.requireNonNull(newMessage, "newMessage");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
