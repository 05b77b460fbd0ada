package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;
import dev.wasdk.internal.text.Values;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A payment configuration of the business changed ({@code payment_configuration_update}; payments
 * in India and Brazil), such as a payment gateway that was connected and now needs testing.
 *
 * <pre>{@code
 * if (e instanceof PaymentConfigurationChanged p
 *     && p.status() != PaymentConfigurationChanged.Status.ACTIVE) {
 *   checkout.disable(p.configurationName());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from; its entry time says when
 * @param configurationName the configuration's name; empty if absent
 * @param rawProviderName the payment gateway as sent, such as {@code razorpay}; {@link #provider()}
 *     reads it
 * @param providerMid the merchant id at the gateway ({@code provider_mid}), if given
 * @param rawStatus the status as sent, such as {@code Needs Connecting}; {@link #status()} reads it
 * @param createdAt when the configuration was created, if readable
 * @param updatedAt when it last changed, if readable
 * @param rawJson the raw JSON of the change's value
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/payment_configuration_update">Payment
 *     configuration webhook reference</a>
 */
public record PaymentConfigurationChanged(
    EventContext context,
    String configurationName,
    String rawProviderName,
    Optional<String> providerMid,
    String rawStatus,
    Optional<Instant> createdAt,
    Optional<Instant> updatedAt,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null. */
  public PaymentConfigurationChanged {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(configurationName, "configurationName");
    Objects.requireNonNull(rawProviderName, "rawProviderName");
    Objects.requireNonNull(providerMid, "providerMid");
    Objects.requireNonNull(rawStatus, "rawStatus");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /**
   * Returns the payment gateway; {@link Provider#UNKNOWN} for values this version does not know.
   */
  public Provider provider() {
    return Provider.of(rawProviderName);
  }

  /** Returns the status; {@link Status#UNKNOWN} for values this version does not know. */
  public Status status() {
    return Status.of(rawStatus);
  }

  /**
   * A payment gateway. Open: values this version does not know map to {@link #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum Provider {
    /** BillDesk. */
    BILLDESK,
    /** PayU. */
    PAYU,
    /** Razorpay. */
    RAZORPAY,
    /** Zaakpay. */
    ZAAKPAY,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Returns the provider for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
     * anything else, including null.
     *
     * @param value the raw value, may be null
     * @return the provider; never null
     */
    public static Provider of(String value) {
      return OpenEnums.parse(Provider.class, value, UNKNOWN);
    }
  }

  /**
   * The status of a payment configuration. Open: values this version does not know map to {@link
   * #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum Status {
    /** Ready to take payments. */
    ACTIVE,
    /** The gateway must be connected ({@code Needs Connecting}). */
    NEEDS_CONNECTING,
    /** The gateway must be tested ({@code Needs Testing}). */
    NEEDS_TESTING,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Returns the status for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
     * anything else, including null.
     *
     * @param value the raw value, may be null
     * @return the status; never null
     */
    public static Status of(String value) {
      return OpenEnums.parse(Status.class, value, UNKNOWN);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
