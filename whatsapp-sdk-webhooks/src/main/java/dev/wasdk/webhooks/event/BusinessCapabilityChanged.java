package dev.wasdk.webhooks.event;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The business portfolio's capabilities changed ({@code business_capability_update}), most often
 * its messaging limit after a scaling step.
 *
 * <pre>{@code
 * if (e instanceof BusinessCapabilityChanged c) {
 *   c.tier().ifPresent(tier -> myLimits.setTier(tier)); // your own state
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from; its entry time says when
 * @param maxDailyConversationsPerBusiness the portfolio's messaging limit, sent as {@code TIER_*}
 *     or as a number
 * @param maxDailyConversationPerPhone the per-number limit of the older model ({@code
 *     max_daily_conversation_per_phone}); Meta is removing it
 * @param maxPhoneNumbersPerBusiness how many phone numbers the portfolio may have, when given
 * @param maxPhoneNumbersPerWaba how many phone numbers an account may have, when given
 * @param rawJson the raw JSON of the change's value
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/messaging-limits">Messaging
 *     limits</a>
 */
public record BusinessCapabilityChanged(
    EventContext context,
    Optional<MessagingTier> maxDailyConversationsPerBusiness,
    Optional<MessagingTier> maxDailyConversationPerPhone,
    OptionalLong maxPhoneNumbersPerBusiness,
    OptionalLong maxPhoneNumbersPerWaba,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null. */
  public BusinessCapabilityChanged {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(maxDailyConversationsPerBusiness, "maxDailyConversationsPerBusiness");
    Objects.requireNonNull(maxDailyConversationPerPhone, "maxDailyConversationPerPhone");
    Objects.requireNonNull(maxPhoneNumbersPerBusiness, "maxPhoneNumbersPerBusiness");
    Objects.requireNonNull(maxPhoneNumbersPerWaba, "maxPhoneNumbersPerWaba");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /**
   * Returns the messaging limit now in force: the portfolio's limit when given, else the older
   * per-number limit.
   */
  public Optional<MessagingTier> tier() {
    return maxDailyConversationsPerBusiness.isPresent()
        ? maxDailyConversationsPerBusiness
        : maxDailyConversationPerPhone;
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
