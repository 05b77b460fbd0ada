package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import dev.wasdk.webhooks.internal.UserIdHash;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user stopped or resumed marketing messages from the business in WhatsApp ({@code
 * user_preferences}). One event per user preference. After {@code stop}, marketing sends to the
 * user fail with 131050 until they resume.
 *
 * <pre>{@code
 * if (e instanceof UserPreferenceChanged p && p.isMarketing()) {
 *   if (p.isStop()) {
 *     myOptOuts.add(p.user()); // your own suppression list
 *   } else if (p.isResume()) {
 *     myOptOuts.remove(p.user());
 *   }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from; its contact is the user's profile, when given
 * @param user the user's ids ({@code wa_id}, {@code user_id}, {@code parent_user_id})
 * @param rawValue the preference as sent: {@code stop} or {@code resume}; empty if absent; {@link
 *     #value()} reads it
 * @param category what the preference is about, such as {@code marketing_messages}, if given
 * @param detail the human-readable description, if given
 * @param timestamp when the user changed it; {@link Instant#EPOCH} if the payload had no readable
 *     timestamp
 * @param rawJson the raw JSON of the preference ({@code value.user_preferences[]} element)
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/user_preferences">User
 *     preferences webhook reference</a>
 */
public record UserPreferenceChanged(
    EventContext context,
    UserRef user,
    String rawValue,
    Optional<String> category,
    Optional<String> detail,
    Instant timestamp,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null. */
  public UserPreferenceChanged {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(rawValue, "rawValue");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /**
   * Returns the preference; {@link MarketingPreference#UNKNOWN} for values this version does not
   * know.
   */
  public MarketingPreference value() {
    return MarketingPreference.of(rawValue);
  }

  /** Returns whether the user asked to stop the messages. */
  public boolean isStop() {
    return value() == MarketingPreference.STOP;
  }

  /** Returns whether the user asked to receive the messages again. */
  public boolean isResume() {
    return value() == MarketingPreference.RESUME;
  }

  /** Returns whether the preference is about marketing messages, or names no category. */
  public boolean isMarketing() {
    return category.map(c -> c.equals("marketing_messages")).orElse(true);
  }

  /**
   * Returns {@code "user_preferences:" + hash(user) + ":" + value + ":" + epochSecond}: a
   * redelivery carries the same user, value and time. The user's id appears only as a hash (the
   * first 128 bits of its SHA-256, in hex), so a dedupe store holds no phone number in the clear; a
   * hash of a phone number can still be matched by trying numbers, so the store's keys need the
   * same care as the events, for the store's horizon (7 days by default). Empty when the payload
   * names no user or value.
   */
  @Override
  public Optional<String> dedupeKey() {
    Optional<String> id = user.primaryId();
    if (id.isEmpty() || rawValue.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "user_preferences:"
            + UserIdHash.of(id.get())
            + ":"
            + rawValue
            + ":"
            + timestamp.getEpochSecond());
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
