package dev.wasdk.conversations;

import java.util.Objects;

/**
 * A conversation state as a {@link ConversationStore} holds it, with the version that the next
 * {@link ConversationStore#put put} must name.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param state the state
 * @param version the version, 1 or more; each successful put adds one
 */
public record StoredConversation(ConversationState state, long version) {
  /** Checks the arguments. */
  public StoredConversation {
    Objects.requireNonNull(state, "state");
    if (version < 1) {
      throw new IllegalArgumentException("version must be 1 or more: " + version);
    }
  }
}
