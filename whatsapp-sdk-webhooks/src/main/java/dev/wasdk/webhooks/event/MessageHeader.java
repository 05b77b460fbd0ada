package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts every inbound message shares, whatever its type: who sent it, its id and time, what it
 * replies to, the ad that led to it, and any errors.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param type the message type as sent, such as {@code text} or {@code interactive}; empty if
 *     absent
 * @param id the message id ({@code wamid.…}); empty if absent
 * @param from the sender's WhatsApp id (phone number); absent from 2026 for some username users
 * @param fromUserId the sender's business-scoped user id (from 2026)
 * @param fromParentUserId the sender's parent business-scoped user id (from 2026)
 * @param groupId the group the message was sent in, for group messages
 * @param timestamp when the user sent the message; {@link Instant#EPOCH} if the payload had no
 *     readable timestamp
 * @param messageContext what the message replies to or was forwarded from, if anything
 * @param referral the ad or post that led the user here (click-to-WhatsApp), if any
 * @param errors errors attached to the message, such as 131051 for unsupported types
 */
public record MessageHeader(
    String type,
    String id,
    Optional<String> from,
    Optional<String> fromUserId,
    Optional<String> fromParentUserId,
    Optional<String> groupId,
    Instant timestamp,
    Optional<MessageContext> messageContext,
    Optional<Referral> referral,
    List<WebhookError> errors) {

  /** Checks that no component is null and copies the list. */
  public MessageHeader {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(fromUserId, "fromUserId");
    Objects.requireNonNull(fromParentUserId, "fromParentUserId");
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(messageContext, "messageContext");
    Objects.requireNonNull(referral, "referral");
    errors = List.copyOf(errors);
  }

  /**
   * Returns a header with only a type, an id, a sender and a time, as tests often need.
   *
   * <pre>{@code
   * MessageHeader h = MessageHeader.of("text", "wamid.HBgL…", "16505551234", Instant.now());
   * }</pre>
   *
   * @param type the message type
   * @param id the message id
   * @param from the sender's WhatsApp id
   * @param timestamp when the message was sent
   * @return the header
   */
  public static MessageHeader of(String type, String id, String from, Instant timestamp) {
    return new MessageHeader(
        type,
        id,
        Optional.of(from),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        timestamp,
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
