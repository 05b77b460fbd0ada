package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;
import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * Meta raised an alert about the business, a phone number or the account ({@code account_alerts}),
 * such as a denied messaging-limit increase or a lost profile picture.
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from; its entry time says when
 * @param rawEntityType what the alert is about, as sent, such as {@code BUSINESS} or {@code
 *     PHONE_NUMBER}; {@link #entityType()} reads it
 * @param entityId the id of that entity
 * @param rawSeverity the severity as sent ({@code alert_info.alert_severity}), such as {@code
 *     CRITICAL}
 * @param rawAlertStatus the alert status as sent, such as {@code ACTIVE}; {@link #alertStatus()}
 *     reads it
 * @param rawAlertType the alert type as sent, such as {@code
 *     INCREASED_CAPABILITIES_ELIGIBILITY_DEFERRED}; {@link #alertType()} reads it
 * @param description the human-readable description
 * @param rawJson the raw JSON of the change's value
 */
public record AccountAlertRaised(
    EventContext context,
    Optional<String> rawEntityType,
    Optional<String> entityId,
    Optional<String> rawSeverity,
    Optional<String> rawAlertStatus,
    Optional<String> rawAlertType,
    Optional<String> description,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null. */
  public AccountAlertRaised {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(rawEntityType, "rawEntityType");
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(rawSeverity, "rawSeverity");
    Objects.requireNonNull(rawAlertStatus, "rawAlertStatus");
    Objects.requireNonNull(rawAlertType, "rawAlertType");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the severity; {@link Severity#UNKNOWN} when absent or not known. */
  public Severity severity() {
    return Severity.of(rawSeverity.orElse(null));
  }

  /** Returns what the alert is about; {@link EntityType#UNKNOWN} when absent or not known. */
  public EntityType entityType() {
    return EntityType.of(rawEntityType.orElse(null));
  }

  /** Returns the alert status; {@link AlertStatus#UNKNOWN} when absent or not known. */
  public AlertStatus alertStatus() {
    return AlertStatus.of(rawAlertStatus.orElse(null));
  }

  /** Returns the alert type; {@link AlertType#UNKNOWN} when absent or not known. */
  public AlertType alertType() {
    return AlertType.of(rawAlertType.orElse(null));
  }

  /**
   * What an account alert is about. Open: values this version does not know map to {@link
   * #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum EntityType {
    /** The business portfolio. */
    BUSINESS,
    /** A business phone number. */
    PHONE_NUMBER,
    /** A status of the account. */
    CURRENT_STATUS_ID,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Returns the entity type for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
     * anything else, including null.
     *
     * @param value the raw value, may be null
     * @return the entity type; never null
     */
    public static EntityType of(String value) {
      return OpenEnums.parse(EntityType.class, value, UNKNOWN);
    }
  }

  /**
   * The status of an account alert. Open: values this version does not know map to {@link
   * #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum AlertStatus {
    /** The alert is active. */
    ACTIVE,
    /** The alert is no longer active. */
    NONE,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Returns the status for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
     * anything else, including null.
     *
     * @param value the raw value, may be null
     * @return the status; never null
     */
    public static AlertStatus of(String value) {
      return OpenEnums.parse(AlertStatus.class, value, UNKNOWN);
    }
  }

  /**
   * The type of an account alert. Open: values this version does not know map to {@link #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum AlertType {
    /** A messaging-limit increase was deferred. */
    INCREASED_CAPABILITIES_ELIGIBILITY_DEFERRED,
    /** A messaging-limit increase was denied. */
    INCREASED_CAPABILITIES_ELIGIBILITY_FAILED,
    /** A messaging-limit increase needs more information. */
    INCREASED_CAPABILITIES_ELIGIBILITY_NEED_MORE_INFO,
    /** The Official Business Account request was approved. */
    OBA_APPROVED,
    /** The Official Business Account request was rejected. */
    OBA_REJECTED,
    /** The profile picture was lost and must be set again. */
    PROFILE_PICTURE_LOST,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Returns the type for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
     * anything else, including null.
     *
     * @param value the raw value, may be null
     * @return the type; never null
     */
    public static AlertType of(String value) {
      return OpenEnums.parse(AlertType.class, value, UNKNOWN);
    }
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
      return OpenEnums.parse(Severity.class, value, UNKNOWN);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
