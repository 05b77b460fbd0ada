package dev.wasdk.message;

import java.util.Optional;

/**
 * A message a user sent to the business, seen from the side that answers it: its id, to quote it,
 * and the recipient that reaches its sender. Inbound message events from webhooks implement it, so
 * a reply is one expression:
 *
 * <pre>{@code
 * void on(TextReceived text) {
 *   wa.messages().send(Message.replyTo(text).text("You said: " + text.body())); // quotes it
 *   wa.messages().send(Message.to(text).text("Anything else?"));                // does not
 * }
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface InboundMessage {

  /** Returns the message id ({@code wamid.…}), which a reply quotes. */
  String id();

  /**
   * Returns the recipient that reaches the sender: the group for a message sent in a group, else
   * the sender's WhatsApp id (phone number) when Meta sent one, else the business-scoped user id,
   * else the parent business-scoped user id. Empty when the message carries none of them (a user
   * known only by a username, for example): then there is no id to send to.
   *
   * @return the recipient, or empty
   */
  Optional<Recipient> replyRecipient();
}
