package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message the business sent from the WhatsApp Business app, echoed to the Cloud API ({@code
 * smb_message_echoes}; Coexistence numbers only). One event per echoed message. Record it to keep
 * one conversation history across the app and the API.
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param id the message id ({@code wamid.…}); empty if absent
 * @param from the business phone number that sent it, if given
 * @param to the user it went to ({@code to}, and from 2026 {@code to_user_id} and {@code
 *     to_parent_user_id})
 * @param timestamp when it was sent; {@link Instant#EPOCH} if the payload had no readable timestamp
 * @param type the message type as sent, such as {@code text}; empty if absent
 * @param content the message content, read like an inbound message whose sender is the business
 *     number; empty if the content could not be read
 * @param rawJson the raw JSON of the echo ({@code value.message_echoes[]} element)
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/smb_message_echoes">Message
 *     echoes webhook reference</a>
 */
public record MessageEchoed(
    EventContext context,
    String id,
    Optional<String> from,
    UserRef to,
    Instant timestamp,
    String type,
    Optional<MessageReceived> content,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null. */
  public MessageEchoed {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the text of the message: the body of a text, or the caption of media, if any. */
  public Optional<String> text() {
    if (content.isEmpty()) {
      return Optional.empty();
    }
    MessageReceived m = content.get();
    if (m instanceof TextReceived t) {
      return Optional.of(t.body());
    } else if (m instanceof ImageReceived i) {
      return i.caption();
    } else if (m instanceof VideoReceived v) {
      return v.caption();
    } else if (m instanceof DocumentReceived d) {
      return d.caption();
    }
    return Optional.empty();
  }

  /** Returns {@code "echo:" + id}; empty if the payload had no id. */
  @Override
  public Optional<String> dedupeKey() {
    return id.isEmpty() ? Optional.empty() : Optional.of("echo:" + id);
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
