package dev.wasdk.message;

import java.util.Objects;

/**
 * An outbound WhatsApp message: an {@link Envelope} (recipient and common options) and one kind of
 * content.
 *
 * <p>Every message is an immutable, validated value. A message WhatsApp would refuse for a
 * documented reason fails when it is built, with an {@link dev.wasdk.error.InvalidMessageException}
 * that names the field path, the limit and the actual size, before any I/O.
 *
 * <pre>{@code
 * Message hello = Message.to("+16505551234").text("Hello");
 * Message reply = Message.to("+16505551234").replyTo(wamid).text("Thanks!");
 * }</pre>
 */
public sealed interface Message permits TextMessage, TemplateMessage {

  /** Returns the recipient and the options common to every kind. */
  Envelope envelope();

  /** Returns the recipient. */
  default Recipient recipient() {
    return envelope().recipient();
  }

  /**
   * Starts a message to a phone number or a business-scoped user id.
   *
   * @param recipient an E.164 phone number ({@code +16505551234}) or a business-scoped user id
   *     ({@code US.13491208655302741918})
   * @return a builder that takes the common options and then the content
   * @throws dev.wasdk.error.InvalidMessageException if the recipient is neither
   */
  static Builder to(String recipient) {
    return new Builder(Recipient.parse(recipient));
  }

  /**
   * Starts a message to a recipient.
   *
   * @param recipient the recipient
   * @return a builder that takes the common options and then the content
   */
  static Builder to(Recipient recipient) {
    return new Builder(Objects.requireNonNull(recipient, "recipient"));
  }

  /**
   * Takes the options common to every message, then the content, which builds the message.
   *
   * <p>Not thread-safe; use one builder per message.
   */
  final class Builder {
    private final Recipient recipient;
    private String replyTo;
    private String bizOpaqueCallbackData;
    private String recipientIdentityKeyHash;

    Builder(Recipient recipient) {
      this.recipient = recipient;
    }

    /**
     * Quotes an earlier message ({@code context.message_id}).
     *
     * @param wamid the id of the message to quote
     * @return this builder
     */
    public Builder replyTo(String wamid) {
      this.replyTo = Objects.requireNonNull(wamid, "wamid");
      return this;
    }

    /**
     * Sets data that WhatsApp echoes back in this message's status webhooks; at most 512
     * characters.
     *
     * @param data the data
     * @return this builder
     */
    public Builder bizOpaqueCallbackData(String data) {
      this.bizOpaqueCallbackData = Objects.requireNonNull(data, "data");
      return this;
    }

    /**
     * Sets the identity-key hash guard: Meta refuses the send (error 137000) if the user's identity
     * key changed since the hash was read from a webhook.
     *
     * @param hash the hash from the user's contact in a webhook
     * @return this builder
     */
    public Builder recipientIdentityKeyHash(String hash) {
      this.recipientIdentityKeyHash = Objects.requireNonNull(hash, "hash");
      return this;
    }

    Envelope envelope() {
      return Validation.envelope(
          new Envelope(recipient, replyTo, bizOpaqueCallbackData, recipientIdentityKeyHash));
    }

    /**
     * Builds a text message.
     *
     * @param body the text, 1 to 4,096 characters
     * @return the message
     */
    public TextMessage text(String body) {
      return new TextMessage(envelope(), body, false);
    }

    /**
     * Builds a text message and asks WhatsApp to render a preview of its first URL.
     *
     * @param body the text, 1 to 4,096 characters
     * @param previewUrl whether to render a link preview
     * @return the message
     */
    public TextMessage text(String body, boolean previewUrl) {
      return new TextMessage(envelope(), body, previewUrl);
    }

    /**
     * Starts a template message.
     *
     * @param name the template's name
     * @param languageCode the template's language code, such as {@code en_US}
     * @return the template builder
     */
    public TemplateMessage.Builder template(String name, String languageCode) {
      return TemplateMessage.builder(envelope(), name, languageCode);
    }
  }
}
