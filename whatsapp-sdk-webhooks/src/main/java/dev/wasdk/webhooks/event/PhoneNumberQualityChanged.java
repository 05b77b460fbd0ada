package dev.wasdk.webhooks.event;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * A business phone number's messaging limit or throughput changed ({@code
 * phone_number_quality_update}): onboarding, a throughput upgrade to 1,000 messages per second, or
 * (before October 2025) a tier upgrade, downgrade or flag.
 *
 * <pre>{@code
 * if (e instanceof PhoneNumberQualityChanged q) {
 *   q.tier().ifPresent(tier -> myLimits.setTier(tier)); // your own state
 *   if (q.isThroughputUpgrade()) {
 *     myLimits.setMessagesPerSecond(1_000);
 *   }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from; its display phone number names the number
 * @param rawEvent the event as sent, such as {@code THROUGHPUT_UPGRADE}; empty if absent
 * @param currentLimit the number's limit ({@code current_limit}); Meta is removing it
 * @param oldLimit the previous limit ({@code old_limit}); Meta is removing it
 * @param maxDailyConversationsPerBusiness the business portfolio's messaging limit ({@code
 *     max_daily_conversations_per_business})
 * @param rawJson the raw JSON of the change's value
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/phone_number_quality_update">Phone
 *     number quality webhook reference</a>
 */
public record PhoneNumberQualityChanged(
    EventContext context,
    String rawEvent,
    Optional<MessagingTier> currentLimit,
    Optional<MessagingTier> oldLimit,
    Optional<MessagingTier> maxDailyConversationsPerBusiness,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null. */
  public PhoneNumberQualityChanged {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(rawEvent, "rawEvent");
    Objects.requireNonNull(currentLimit, "currentLimit");
    Objects.requireNonNull(oldLimit, "oldLimit");
    Objects.requireNonNull(maxDailyConversationsPerBusiness, "maxDailyConversationsPerBusiness");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /**
   * Returns the event; {@link PhoneNumberQualityEvent#UNKNOWN} for values this version does not
   * know.
   */
  public PhoneNumberQualityEvent event() {
    return PhoneNumberQualityEvent.of(rawEvent);
  }

  /**
   * Returns the messaging limit now in force: the portfolio's limit when given, else the number's
   * current limit.
   */
  public Optional<MessagingTier> tier() {
    return maxDailyConversationsPerBusiness.isPresent()
        ? maxDailyConversationsPerBusiness
        : currentLimit;
  }

  /** Returns whether the number was upgraded to the higher throughput (1,000 messages/s). */
  public boolean isThroughputUpgrade() {
    return event() == PhoneNumberQualityEvent.THROUGHPUT_UPGRADE;
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
