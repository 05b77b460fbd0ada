package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;

/**
 * A user opened a chat with the business for the first time ({@code type: request_welcome}), when
 * welcome messages are enabled in the number's conversational automation. It carries no content;
 * answer with a welcome message. Like any inbound message, it opens the customer-service window.
 *
 * <pre>{@code
 * router.on(WelcomeRequestReceived.class, w -> wa.messages().send(welcome(w.sender())));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param header the parts every inbound message shares
 * @param rawJson the raw JSON of the message ({@code value.messages[]} element)
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/conversational-components">Conversational
 *     components</a>
 */
public record WelcomeRequestReceived(EventContext context, MessageHeader header, String rawJson)
    implements MessageReceived {
  /** Checks that no component is null. */
  public WelcomeRequestReceived {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
