package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;
import dev.wasdk.internal.text.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Meta detected a lead or a purchase in a chat that started from a Click-to-WhatsApp ad ({@code
 * automatic_events}; businesses that opted in through Embedded Signup). One event per {@code
 * automatic_events[]} element. Forward it to the Conversions API to measure the ad.
 *
 * <pre>{@code
 * if (e instanceof AutomaticEventDetected a && a.eventName() == AutomaticEventDetected.Name.PURCHASE) {
 *   conversions.send(a.ctwaClid(), a.currency(), a.value());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param messageId the message the event was detected in ({@code id}, a {@code wamid.…}); empty if
 *     absent
 * @param rawEventName the event as sent, such as {@code LeadSubmitted} or {@code Purchase}; {@link
 *     #eventName()} reads it
 * @param timestamp when it happened; {@link Instant#EPOCH} if unreadable
 * @param ctwaClid the click id of the ad ({@code ctwa_clid}), if given
 * @param currency the purchase currency ({@code custom_data.currency}), for purchases
 * @param value the purchase value ({@code custom_data.value}), for purchases
 * @param rawJson the raw JSON of the element ({@code value.automatic_events[]} element)
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/embedded-signup/automatic-events-api">Automatic
 *     events</a>
 */
public record AutomaticEventDetected(
    EventContext context,
    String messageId,
    String rawEventName,
    Instant timestamp,
    Optional<String> ctwaClid,
    Optional<String> currency,
    Optional<BigDecimal> value,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null. */
  public AutomaticEventDetected {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(rawEventName, "rawEventName");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(ctwaClid, "ctwaClid");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the event; {@link Name#UNKNOWN} for values this version does not know. */
  public Name eventName() {
    return Name.of(rawEventName);
  }

  /**
   * Returns {@code "automatic_events:" + messageId + ":" + event}: Meta reports each event of a
   * message once, so this recognizes a redelivery. Empty when the payload lacks either.
   */
  @Override
  public Optional<String> dedupeKey() {
    if (messageId.isEmpty() || rawEventName.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("automatic_events:" + messageId + ":" + rawEventName);
  }

  /**
   * The kind of an {@link AutomaticEventDetected}. Open: values this version does not know map to
   * {@link #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum Name {
    /** The user became a lead ({@code LeadSubmitted}). */
    LEAD_SUBMITTED,
    /** The user bought something ({@code Purchase}). */
    PURCHASE,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Returns the event for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
     * anything else, including null.
     *
     * @param value the raw value, may be null
     * @return the event; never null
     */
    public static Name of(String value) {
      return OpenEnums.parse(Name.class, value, UNKNOWN);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
