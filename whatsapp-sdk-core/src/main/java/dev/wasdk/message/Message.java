package dev.wasdk.message;

import dev.wasdk.error.InvalidMessageException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An outbound WhatsApp message: an {@link Envelope} (recipient and common options) and one kind of
 * content.
 *
 * <p>Every message is an immutable, validated value. A message WhatsApp would refuse for a
 * documented reason fails when it is built, with an {@link dev.wasdk.error.InvalidMessageException}
 * that names the field path, the limit and the actual size, before any I/O. The limits are listed
 * in {@link Limits}.
 *
 * <p>{@link #to(String)} starts every kind. Simple kinds are built by one call; interactive kinds
 * return a builder that checks everything in {@code build()}:
 *
 * <pre>{@code
 * Message hello = Message.to("+16505551234").text("Hello");
 * Message reply = Message.replyTo(inbound).text("Thanks!"); // to the sender, quoting the message
 * Message photo = Message.to("+16505551234").image(MediaRef.id("1037543291543636"), "Your room");
 * Message pick = Message.to("+16505551234").buttons()
 *     .body("Pick one")
 *     .button("yes", "Yes")
 *     .button("no", "No")
 *     .build();
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface Message
    permits TextMessage,
        ImageMessage,
        AudioMessage,
        VideoMessage,
        DocumentMessage,
        StickerMessage,
        LocationMessage,
        ContactsMessage,
        ReactionMessage,
        InteractiveMessage,
        TemplateMessage {

  /** Returns the recipient and the options common to every kind. */
  Envelope envelope();

  /** Returns the recipient. */
  default Recipient recipient() {
    return envelope().recipient();
  }

  /**
   * Starts a message to a phone number or a business-scoped user id.
   *
   * <p>A phone number needs its {@code +} and country code. Digits without {@code +} are refused,
   * even though a WhatsApp id from a webhook looks like that ({@code 5511987654321}): a national
   * number written the same way ({@code 11987654321}) cannot be told apart, and Meta would prepend
   * the business number's own country code to it, reaching someone else. To answer a webhook, use
   * {@link #replyTo(InboundMessage)} or {@link #to(InboundMessage)}; for a stored WhatsApp id, use
   * {@code Message.to(Recipient.waId(id))}.
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
   * Starts a message to the sender of an inbound message, without quoting it. The recipient is the
   * one {@link InboundMessage#replyRecipient()} gives: the group, the WhatsApp id or the
   * business-scoped user id, whichever Meta sent.
   *
   * <pre>{@code
   * Message next = Message.to(text).text("Anything else?");
   * }</pre>
   *
   * @param inbound a message the user sent, such as a {@code TextReceived} webhook event
   * @return a builder that takes the common options and then the content
   * @throws dev.wasdk.error.InvalidMessageException if the message names no id to send to
   */
  static Builder to(InboundMessage inbound) {
    Objects.requireNonNull(inbound, "inbound");
    return new Builder(
        inbound
            .replyRecipient()
            .orElseThrow(
                () ->
                    new InvalidMessageException(
                        "to",
                        "the sender's WhatsApp id or business-scoped user id (the inbound message"
                            + " carried neither)",
                        "absent")));
  }

  /**
   * Starts a reply to an inbound message: to its sender, quoting it ({@code context.message_id}).
   *
   * <pre>{@code
   * Message reply = Message.replyTo(text).text("You said: " + text.body());
   * }</pre>
   *
   * @param inbound a message the user sent, such as a {@code TextReceived} webhook event
   * @return a builder that takes the common options and then the content
   * @throws dev.wasdk.error.InvalidMessageException if the message names no id to send to
   */
  static Builder replyTo(InboundMessage inbound) {
    Builder b = to(inbound);
    String id = inbound.id();
    if (id != null && !id.isEmpty()) {
      b.replyTo(id);
    }
    return b;
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
     * Builds an image message without a caption.
     *
     * @param image the image (JPEG or PNG), by uploaded media id or link
     * @return the message
     */
    public ImageMessage image(MediaRef image) {
      return new ImageMessage(envelope(), image, Optional.empty());
    }

    /**
     * Builds an image message with a caption.
     *
     * @param image the image (JPEG or PNG), by uploaded media id or link
     * @param caption the caption, 1 to {@value Limits#CAPTION_MAX} characters
     * @return the message
     */
    public ImageMessage image(MediaRef image, String caption) {
      return new ImageMessage(envelope(), image, Optional.of(caption));
    }

    /**
     * Builds an audio message. Audio takes no caption.
     *
     * @param audio the audio, by uploaded media id or link
     * @return the message
     */
    public AudioMessage audio(MediaRef audio) {
      return new AudioMessage(envelope(), audio, false);
    }

    /**
     * Builds a voice message: audio that WhatsApp shows as recorded speech ({@code voice: true}).
     * It must be an OGG file with the OPUS codec.
     *
     * @param audio the audio, by uploaded media id or link
     * @return the message
     */
    public AudioMessage voice(MediaRef audio) {
      return new AudioMessage(envelope(), audio, true);
    }

    /**
     * Builds a video message without a caption.
     *
     * @param video the video (MP4 or 3GPP), by uploaded media id or link
     * @return the message
     */
    public VideoMessage video(MediaRef video) {
      return new VideoMessage(envelope(), video, Optional.empty());
    }

    /**
     * Builds a video message with a caption.
     *
     * @param video the video (MP4 or 3GPP), by uploaded media id or link
     * @param caption the caption, 1 to {@value Limits#CAPTION_MAX} characters
     * @return the message
     */
    public VideoMessage video(MediaRef video, String caption) {
      return new VideoMessage(envelope(), video, Optional.of(caption));
    }

    /**
     * Builds a document message without a caption; {@link DocumentMessage#withFilename(String)}
     * adds a file name.
     *
     * @param document the document, by uploaded media id or link
     * @return the message
     */
    public DocumentMessage document(MediaRef document) {
      return new DocumentMessage(envelope(), document, Optional.empty(), Optional.empty());
    }

    /**
     * Builds a document message with a caption; {@link DocumentMessage#withFilename(String)} adds a
     * file name.
     *
     * @param document the document, by uploaded media id or link
     * @param caption the caption, 1 to {@value Limits#CAPTION_MAX} characters
     * @return the message
     */
    public DocumentMessage document(MediaRef document, String caption) {
      return new DocumentMessage(envelope(), document, Optional.of(caption), Optional.empty());
    }

    /**
     * Builds a sticker message. Stickers take no caption.
     *
     * @param sticker the sticker (WebP), by uploaded media id or link
     * @return the message
     */
    public StickerMessage sticker(MediaRef sticker) {
      return new StickerMessage(envelope(), sticker);
    }

    /**
     * Builds a location message without a name or address.
     *
     * @param latitude the latitude in decimal degrees, -90 to 90
     * @param longitude the longitude in decimal degrees, -180 to 180
     * @return the message
     */
    public LocationMessage location(double latitude, double longitude) {
      return new LocationMessage(
          envelope(), latitude, longitude, Optional.empty(), Optional.empty());
    }

    /**
     * Builds a location message with the place's name and address.
     *
     * @param latitude the latitude in decimal degrees, -90 to 90
     * @param longitude the longitude in decimal degrees, -180 to 180
     * @param name the place's name
     * @param address the place's address
     * @return the message
     */
    public LocationMessage location(
        double latitude, double longitude, String name, String address) {
      return new LocationMessage(
          envelope(), latitude, longitude, Optional.of(name), Optional.of(address));
    }

    /**
     * Builds a contacts message.
     *
     * @param contacts the contact cards, {@value Limits#CONTACTS_MIN} to {@value
     *     Limits#CONTACTS_MAX}
     * @return the message
     */
    public ContactsMessage contacts(Contact... contacts) {
      return new ContactsMessage(envelope(), List.of(contacts));
    }

    /**
     * Builds a contacts message.
     *
     * @param contacts the contact cards, {@value Limits#CONTACTS_MIN} to {@value
     *     Limits#CONTACTS_MAX}
     * @return the message
     */
    public ContactsMessage contacts(List<Contact> contacts) {
      return new ContactsMessage(envelope(), contacts);
    }

    /**
     * Builds a reaction to an earlier message. A reaction cannot quote a message, so {@link
     * #replyTo(String)} must not be set.
     *
     * @param wamid the id of the message reacted to
     * @param emoji the emoji, such as {@code "\uD83D\uDC4D"} (thumbs up)
     * @return the message
     */
    public ReactionMessage reaction(String wamid, String emoji) {
      return new ReactionMessage(envelope(), wamid, emoji);
    }

    /**
     * Builds the removal of an earlier reaction (a reaction with an empty emoji).
     *
     * @param wamid the id of the message whose reaction is removed
     * @return the message
     */
    public ReactionMessage removeReaction(String wamid) {
      return new ReactionMessage(envelope(), wamid, "");
    }

    /**
     * Starts a reply-buttons message ({@code interactive.type: button}).
     *
     * @return the builder
     */
    public ReplyButtonsMessage.Builder buttons() {
      return ReplyButtonsMessage.builder(envelope());
    }

    /**
     * Starts a list message ({@code interactive.type: list}).
     *
     * @return the builder
     */
    public ListMessage.Builder list() {
      return ListMessage.builder(envelope());
    }

    /**
     * Starts a call-to-action URL message ({@code interactive.type: cta_url}).
     *
     * @return the builder
     */
    public CtaUrlMessage.Builder ctaUrl() {
      return CtaUrlMessage.builder(envelope());
    }

    /**
     * Starts a flow message ({@code interactive.type: flow}).
     *
     * @return the builder
     */
    public FlowMessage.Builder flow() {
      return FlowMessage.builder(envelope());
    }

    /**
     * Starts a single-product message ({@code interactive.type: product}).
     *
     * @return the builder
     */
    public ProductMessage.Builder product() {
      return ProductMessage.builder(envelope());
    }

    /**
     * Starts a multi-product message ({@code interactive.type: product_list}).
     *
     * @return the builder
     */
    public ProductListMessage.Builder productList() {
      return ProductListMessage.builder(envelope());
    }

    /**
     * Starts a catalog message ({@code interactive.type: catalog_message}).
     *
     * @return the builder
     */
    public CatalogMessage.Builder catalog() {
      return CatalogMessage.builder(envelope());
    }

    /**
     * Builds a location request ({@code interactive.type: location_request_message}): a "Send
     * location" button under a body.
     *
     * @param body the body text, 1 to {@value Limits#INTERACTIVE_BODY_MAX} characters
     * @return the message
     */
    public LocationRequestMessage locationRequest(String body) {
      return new LocationRequestMessage(envelope(), body);
    }

    /**
     * Starts an address message ({@code interactive.type: address_message}; India only).
     *
     * @return the builder
     */
    public AddressMessage.Builder address() {
      return AddressMessage.builder(envelope());
    }

    /**
     * Builds a call permission request ({@code interactive.type: call_permission_request}).
     *
     * @param body the body text, 1 to {@value Limits#INTERACTIVE_BODY_MAX} characters
     * @return the message
     */
    public CallPermissionRequestMessage callPermissionRequest(String body) {
      return new CallPermissionRequestMessage(envelope(), body);
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
