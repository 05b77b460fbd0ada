package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Meta raised an alert about the business, a phone number or the account ({@code account_alerts}),
 * such as a denied messaging-limit increase or a lost profile picture.
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from; its entry time says when
 * @param entityType what the alert is about, such as {@code BUSINESS} or {@code PHONE_NUMBER}
 * @param entityId the id of that entity
 * @param rawSeverity the severity as sent ({@code alert_info.alert_severity}), such as {@code
 *     CRITICAL}
 * @param alertStatus the alert status as sent, such as {@code ACTIVE}
 * @param alertType the alert type as sent, such as {@code
 *     INCREASED_CAPABILITIES_ELIGIBILITY_DEFERRED}
 * @param description the human-readable description
 * @param rawJson the raw JSON of the change's value
 */
public record AccountAlertRaised(
    EventContext context,
    Optional<String> entityType,
    Optional<String> entityId,
    Optional<String> rawSeverity,
    Optional<String> alertStatus,
    Optional<String> alertType,
    Optional<String> description,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null. */
  public AccountAlertRaised {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(entityType, "entityType");
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(rawSeverity, "rawSeverity");
    Objects.requireNonNull(alertStatus, "alertStatus");
    Objects.requireNonNull(alertType, "alertType");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the severity; {@link Severity#UNKNOWN} when absent or not known. */
  public Severity severity() {
    return Severity.of(rawSeverity.orElse(null));
  }

  /** The severity of an account alert. Open: new values map to {@link #UNKNOWN}. */
  public enum Severity {
    /** Needs action now. */
    CRITICAL,
    /** Needs attention. */
    WARNING,
    /** For information. */
    INFORMATIONAL,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Returns the severity for Meta's value; {@link #UNKNOWN} for anything else, including null.
     *
     * @param value the raw value, may be null
     * @return the severity; never null
     */
    public static Severity of(String value) {
      if (value == null) {
        return UNKNOWN;
      }
      switch (value.toUpperCase(Locale.ROOT)) {
        case "CRITICAL":
          return CRITICAL;
        case "WARNING":
          return WARNING;
        case "INFORMATIONAL":
          return INFORMATIONAL;
        default:
          return UNKNOWN;
      }
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
