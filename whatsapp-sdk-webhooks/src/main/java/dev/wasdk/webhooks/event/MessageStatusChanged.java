package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;
import dev.wasdk.internal.text.Values;
import dev.wasdk.webhooks.internal.UserIdHash;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The delivery status of a message the business sent changed ({@code messages} field, {@code
 * value.statuses[]}): sent, delivered, read, played (voice), or failed.
 *
 * <pre>{@code
 * if (e instanceof MessageStatusChanged s && s.status() == DeliveryStatus.FAILED) {
 *   if (s.hasErrorCode(131047)) {
 *     resendAsTemplate(s.recipient());
 *   }
 * }
 * }</pre>
 *
 * <p>Meta does not guarantee order: a {@code read} may come without a {@code delivered}, or before
 * it. Compare {@link DeliveryStatus#rank()} rather than arrival order. Pricing is present on {@code
 * sent} and on one of {@code delivered}/{@code read}. The conversation object is always present up
 * to API v23, and from v24 only for free-entry-point conversations.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param context where the event came from; its contact is the recipient's profile when the payload
 *     includes it (from 2026, for sent, delivered and read)
 * @param messageId the id of the message the business sent ({@code wamid.…}); empty if absent
 * @param rawStatus the status as sent, such as {@code delivered}; empty if absent
 * @param timestamp when the status changed; {@link Instant#EPOCH} if the payload had no readable
 *     timestamp
 * @param recipient the recipient's ids: {@code recipient_id} (phone, or the group id for group
 *     messages), {@code recipient_user_id} and {@code parent_recipient_user_id}
 * @param rawRecipientType {@code group} for group messages, as sent; {@link #recipientType()} reads
 *     it
 * @param participant the group member a {@code delivered} or {@code read} status is about, for
 *     group messages ({@code recipient_participant_id}, {@code recipient_participant_user_id},
 *     {@code recipient_participant_parent_user_id}); no ids otherwise
 * @param groupId the group id, for group messages
 * @param recipientIdentityKeyHash the recipient's identity key hash, when identity checks are on
 * @param bizOpaqueCallbackData the tracking string the business set when sending, if any
 * @param conversation the conversation the message belongs to, if present
 * @param pricing how the message is priced, if present
 * @param errors why the message failed; empty unless the status is {@code failed}
 * @param rawJson the raw JSON of the status ({@code value.statuses[]} element)
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status">Status
 *     webhook reference</a>
 */
public record MessageStatusChanged(
    EventContext context,
    String messageId,
    String rawStatus,
    Instant timestamp,
    UserRef recipient,
    Optional<String> rawRecipientType,
    UserRef participant,
    Optional<String> groupId,
    Optional<String> recipientIdentityKeyHash,
    Optional<String> bizOpaqueCallbackData,
    Optional<Conversation> conversation,
    Optional<Pricing> pricing,
    List<WebhookError> errors,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null and copies the list. */
  public MessageStatusChanged {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(rawStatus, "rawStatus");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(rawRecipientType, "rawRecipientType");
    Objects.requireNonNull(participant, "participant");
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(recipientIdentityKeyHash, "recipientIdentityKeyHash");
    Objects.requireNonNull(bizOpaqueCallbackData, "bizOpaqueCallbackData");
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(pricing, "pricing");
    errors = List.copyOf(errors);
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the status; {@link DeliveryStatus#UNKNOWN} for values this version does not know. */
  public DeliveryStatus status() {
    return DeliveryStatus.of(rawStatus);
  }

  /** Returns the recipient's phone-based WhatsApp id ({@code recipient_id}), if present. */
  public Optional<String> recipientId() {
    return recipient.waId();
  }

  /** Returns whether the message failed. */
  public boolean isFailed() {
    return status() == DeliveryStatus.FAILED;
  }

  /**
   * Returns whom the message went to: {@link RecipientType#INDIVIDUAL} when the payload names no
   * type, {@link RecipientType#UNKNOWN} for a type this version does not know.
   */
  public RecipientType recipientType() {
    return rawRecipientType.isEmpty()
        ? RecipientType.INDIVIDUAL
        : RecipientType.of(rawRecipientType.get());
  }

  /** Returns whether the message went to a group. */
  public boolean isGroup() {
    return groupId.isPresent() || recipientType() == RecipientType.GROUP;
  }

  /** Returns the WhatsApp id of the group member the status is about, for group messages. */
  public Optional<String> recipientParticipantId() {
    return participant.waId();
  }

  /**
   * Returns the code of the first error, such as 131049 (not delivered, per-user marketing limit),
   * 131050 (user stopped marketing), 131056 (pair rate limit) or 131047 (outside the
   * customer-service window); empty when there is no error.
   */
  public OptionalInt errorCode() {
    return errors.isEmpty() ? OptionalInt.empty() : OptionalInt.of(errors.get(0).code());
  }

  /**
   * Returns whether any error has the given code.
   *
   * @param code a Graph error code, such as 131056
   * @return true if an error has that code
   */
  public boolean hasErrorCode(int code) {
    for (WebhookError e : errors) {
      if (e.code() == code) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns {@code messageId + ":" + status}: a message goes through each status once, so this
   * recognizes a redelivered status. A group message is delivered to and read by each member, so
   * its key adds a hash of the member's id (the first 128 bits of its SHA-256, in hex), so that a
   * dedupe store holds no phone number in the clear: {@code messageId + ":" + status + ":" +
   * hash(participant)}. Empty if the payload lacks the id or the status.
   */
  @Override
  public Optional<String> dedupeKey() {
    if (messageId.isEmpty() || rawStatus.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> member = participant.primaryId();
    return Optional.of(
        member.isPresent()
            ? messageId + ":" + rawStatus + ":" + UserIdHash.of(member.get())
            : messageId + ":" + rawStatus);
  }

  /**
   * The conversation a message belongs to (conversation-based accounting).
   *
   * @param id the conversation id; empty if absent
   * @param expiration when the conversation expires; sent with {@code sent} statuses only
   * @param originType how the conversation started, as sent, such as {@code marketing}, {@code
   *     service} or {@code referral_conversion}
   */
  public record Conversation(String id, Optional<Instant> expiration, Optional<String> originType) {
    /** Checks that no component is null. */
    public Conversation {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(expiration, "expiration");
      Objects.requireNonNull(originType, "originType");
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * How a message is priced. Every value is kept as Meta sends it, since Meta adds new ones.
   *
   * @param billable whether the message is charged; Meta is deprecating it in favour of {@code
   *     type} and {@code category}
   * @param pricingModel {@code PMP} (per-message pricing, since July 2025) or {@code CBP}
   *     (conversation-based, earlier webhooks)
   * @param type {@code regular} (charged), {@code free_customer_service} or {@code
   *     free_entry_point}
   * @param category the pricing category, such as {@code marketing}, {@code utility}, {@code
   *     authentication}, {@code authentication-international} or {@code service}
   * @see <a
   *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/pricing">Pricing</a>
   */
  public record Pricing(
      Optional<Boolean> billable,
      Optional<String> pricingModel,
      Optional<String> type,
      Optional<String> category) {
    /** Checks that no component is null. */
    public Pricing {
      Objects.requireNonNull(billable, "billable");
      Objects.requireNonNull(pricingModel, "pricingModel");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(category, "category");
    }

    /** Returns whether the message is priced per message ({@code PMP}). */
    public boolean isPerMessage() {
      return pricingModel.filter("PMP"::equals).isPresent();
    }

    /**
     * Returns whether the message is charged: {@code type} is {@code regular}, or, when the type is
     * absent, {@code billable} is true.
     */
    public boolean isCharged() {
      if (type.isPresent()) {
        return "regular".equals(type.get());
      }
      return billable.orElse(false);
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }

  /**
   * Whom a message went to. Open: values this version does not know map to {@link #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum RecipientType {
    /** One user. */
    INDIVIDUAL,
    /** A group. */
    GROUP,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Returns the recipient type for Meta's text, trimmed and in any letter case; {@link #UNKNOWN}
     * for anything else, including null.
     *
     * @param value the raw value, may be null
     * @return the recipient type; never null
     */
    public static RecipientType of(String value) {
      return OpenEnums.parse(RecipientType.class, value, UNKNOWN);
    }
  }
}
