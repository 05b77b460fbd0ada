package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * A message the Cloud API cannot pass on ({@code type: unsupported}), such as a poll or a message
 * type WhatsApp does not support for businesses. The header's errors carry code 131051.
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param header the parts every inbound message shares
 * @param unsupportedType what the user sent, such as {@code poll_creation}, when Meta says ({@code
 *     unsupported.type})
 * @param rawJson the raw JSON of the message ({@code value.messages[]} element)
 */
public record UnsupportedMessageReceived(
    EventContext context, MessageHeader header, Optional<String> unsupportedType, String rawJson)
    implements MessageReceived {
  /** Checks that no component is null. */
  public UnsupportedMessageReceived {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(unsupportedType, "unsupportedType");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
