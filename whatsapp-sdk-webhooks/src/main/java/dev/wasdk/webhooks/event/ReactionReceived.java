package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * A reaction a user put on, or took off, a message ({@code type: reaction}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param header the parts every inbound message shares
 * @param messageId the id of the message reacted to; empty if absent
 * @param emoji the emoji; empty when the user removed their reaction
 * @param rawJson the raw JSON of the message ({@code value.messages[]} element)
 */
public record ReactionReceived(
    EventContext context,
    MessageHeader header,
    String messageId,
    Optional<String> emoji,
    String rawJson)
    implements MessageReceived {
  /** Checks that no component is null. */
  public ReactionReceived {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(emoji, "emoji");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns whether the user removed their reaction (no emoji). */
  public boolean isRemoval() {
    return emoji.isEmpty() || emoji.get().isEmpty();
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
