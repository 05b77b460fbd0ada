package dev.wasdk.conversations;

import dev.wasdk.webhooks.event.MessageReceived;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells the business's inbox that a person took over a conversation, that the user wrote while a
 * person handles it, or that the bot has it back.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * Conversations bot = Conversations.builder(replier)
 *     .onHandover(e -> inbox.post(e.conversation(), e.kind(), e.message()))
 *     .build();
 * }</pre>
 *
 * @param kind what happened
 * @param conversation the conversation key (see {@link Conversations#keyOf})
 * @param message the user's message, for {@link Kind#MESSAGE}; empty otherwise
 * @param reason why the conversation was handed over, as the caller gave it; empty if none
 * @param at when it happened
 */
public record HandoverEvent(
    Kind kind, String conversation, Optional<MessageReceived> message, String reason, Instant at) {

  /** What happened. */
  public enum Kind {
    /** A person took over; the bot stays silent from now on. */
    STARTED,
    /** The user wrote while a person handles the conversation; the bot did not answer. */
    MESSAGE,
    /** The person released the conversation; the bot answers again. */
    RELEASED
  }

  /** Checks that no component is null. */
  public HandoverEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
  }
}
