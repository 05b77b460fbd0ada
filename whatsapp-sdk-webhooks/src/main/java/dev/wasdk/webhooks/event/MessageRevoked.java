package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;

/**
 * A user deleted a message they had sent, for everyone ({@code type: revoke}; Coexistence numbers
 * only).
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param header the parts of this revoke message
 * @param originalMessageId the id of the message that was deleted; empty if absent
 * @param rawJson the raw JSON of the message ({@code value.messages[]} element)
 */
public record MessageRevoked(
    EventContext context, MessageHeader header, String originalMessageId, String rawJson)
    implements MessageReceived {
  /** Checks that no component is null. */
  public MessageRevoked {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(originalMessageId, "originalMessageId");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
