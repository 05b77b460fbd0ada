package dev.wasdk.message;

import java.util.Objects;

/**
 * A reaction ({@code type: reaction}): an emoji on an earlier message, or the removal of one.
 *
 * <p>A reaction cannot quote a message, so its envelope must not carry {@code context}. WhatsApp
 * does not deliver a reaction to a message that is older than 30 days, deleted, or itself a
 * reaction; it reports error 131009 in a webhook instead.
 *
 * <pre>{@code
 * Message.to("+16505551234").reaction(wamid, "\uD83D\uDC4D");   // thumbs up
 * Message.to("+16505551234").removeReaction(wamid);
 * }</pre>
 *
 * @param envelope the recipient and common options, without a reply-to
 * @param messageId the id ({@code wamid}) of the message reacted to
 * @param emoji the emoji, or the empty string to remove an earlier reaction
 */
public record ReactionMessage(Envelope envelope, String messageId, String emoji)
    implements Message {
  /** Checks the rules; see the component descriptions. */
  public ReactionMessage {
    Objects.requireNonNull(envelope, "envelope");
    Validation.noContext(envelope, "reaction");
    Validation.required("reaction.message_id", messageId);
    Objects.requireNonNull(emoji, "emoji");
    if (!emoji.isEmpty()) {
      Validation.required("reaction.emoji", emoji);
    }
  }

  /** Returns whether this reaction removes an earlier one (its emoji is empty). */
  public boolean isRemoval() {
    return emoji.isEmpty();
  }
}
