package dev.wasdk.webhooks.event;

import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.message.InboundMessage;
import dev.wasdk.message.Recipient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A message a user sent to the business ({@code messages} field, {@code value.messages[]}). There
 * is one record per message type; switch over them, or register a handler for the type you need.
 *
 * <pre>{@code
 * for (WebhookEvent e : parser.parse(body)) {
 *   if (e instanceof TextReceived t) {
 *     reply(t.sender(), "You said: " + t.body());
 *   } else if (e instanceof MediaMessageReceived m) {
 *     download(m.media().id());
 *   }
 * }
 * }</pre>
 *
 * <p>Any inbound message opens or refreshes the 24-hour customer-service window with its sender,
 * from {@link #timestamp()}. A message whose type (or interactive reply type) this version does not
 * know becomes {@link UnknownMessageReceived}, not {@link UnknownEvent}, so that it still names the
 * sender, still opens the window and is still de-duplicated by id.
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages">Messages
 *     webhook reference</a>
 */
public sealed interface MessageReceived extends WebhookEvent, InboundMessage
    permits TextReceived,
        MediaMessageReceived,
        LocationReceived,
        ContactsReceived,
        ButtonReplyReceived,
        ListReplyReceived,
        FlowReplyReceived,
        CallPermissionReplied,
        QuickReplyReceived,
        ReactionReceived,
        OrderReceived,
        SystemMessageReceived,
        UnsupportedMessageReceived,
        MessageEdited,
        MessageRevoked,
        WelcomeRequestReceived,
        UnknownMessageReceived {

  /** Returns the parts every inbound message shares. */
  MessageHeader header();

  /** Returns the message id ({@code wamid.…}); empty if the payload omitted it. */
  @Override
  default String id() {
    return header().id();
  }

  /** Returns the message type as sent, such as {@code text}. */
  default String type() {
    return header().type();
  }

  /** Returns the sender's WhatsApp id (phone number); absent for some username users from 2026. */
  default Optional<String> from() {
    return header().from();
  }

  /** Returns the sender's business-scoped user id (from 2026). */
  default Optional<String> fromUserId() {
    return header().fromUserId();
  }

  /** Returns the sender's parent business-scoped user id (from 2026). */
  default Optional<String> fromParentUserId() {
    return header().fromParentUserId();
  }

  /** Returns the group the message was sent in, for group messages. */
  default Optional<String> groupId() {
    return header().groupId();
  }

  /**
   * Returns the group member who wrote, for group messages: the {@link #sender()}, since a group
   * message's {@code from} and contact are the member's. Empty for a message sent to the business
   * alone.
   */
  default Optional<UserRef> participant() {
    return groupId().isPresent() ? Optional.of(sender()) : Optional.empty();
  }

  /** Returns when the user sent the message; it opens the 24-hour customer-service window. */
  default Instant timestamp() {
    return header().timestamp();
  }

  /** Returns what the message replies to or was forwarded from, if anything. */
  default Optional<MessageContext> messageContext() {
    return header().messageContext();
  }

  /** Returns the ad or post that led the user here, if any. */
  default Optional<Referral> referral() {
    return header().referral();
  }

  /** Returns the errors attached to the message; usually empty. */
  default List<WebhookError> errors() {
    return header().errors();
  }

  /** Returns the sender's contact profile, when the payload includes it. */
  default Optional<ContactProfile> contact() {
    return context().contact();
  }

  /**
   * Returns the sender's ids: {@code from}, {@code from_user_id} and {@code from_parent_user_id},
   * each completed from the contact profile when the message itself leaves it out.
   */
  default UserRef sender() {
    MessageHeader h = header();
    Optional<ContactProfile> c = context().contact();
    Optional<String> waId = h.from();
    Optional<String> userId = h.fromUserId();
    Optional<String> parent = h.fromParentUserId();
    if (c.isPresent()) {
      ContactProfile p = c.get();
      waId = waId.isPresent() ? waId : p.waId();
      userId = userId.isPresent() ? userId : p.userId();
      parent = parent.isPresent() ? parent : p.parentUserId();
    }
    return new UserRef(waId, userId, parent);
  }

  /**
   * Returns the recipient that reaches the sender, so that {@code Message.replyTo(event)} answers
   * it: the group for a group message, else the WhatsApp id, else the business-scoped user id, else
   * the parent one, each as {@link #sender()} completes it from the contact profile. An id of an
   * unexpected shape is skipped.
   */
  @Override
  default Optional<Recipient> replyRecipient() {
    Optional<String> group = groupId();
    if (group.isPresent() && !group.get().isBlank()) {
      return Optional.of(Recipient.group(group.get()));
    }
    UserRef s = sender();
    List<Supplier<Optional<Recipient>>> candidates =
        List.of(
            () -> s.waId().map(Recipient::waId),
            () -> s.userId().map(Recipient::userId),
            () -> s.parentUserId().map(Recipient::userId));
    for (Supplier<Optional<Recipient>> candidate : candidates) {
      try {
        Optional<Recipient> r = candidate.get();
        if (r.isPresent()) {
          return r;
        }
      } catch (InvalidMessageException e) {
        // tolerant reader: an id Meta sent in a new shape is not one to send to; try the next
      }
    }
    return Optional.empty();
  }

  /** Returns the message id, the key for de-duplication; empty if the payload had no id. */
  @Override
  default Optional<String> dedupeKey() {
    String id = header().id();
    return id.isEmpty() ? Optional.empty() : Optional.of(id);
  }
}
