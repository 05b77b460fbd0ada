package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;
import dev.wasdk.internal.text.Values;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a business phone number changed ({@code account_settings_update}), including changes
 * the business made itself. Today only calling settings are reported, and only when the calling
 * status, call icon visibility, callback permission, SIP status or SRTP key exchange changes.
 *
 * <pre>{@code
 * if (e instanceof AccountSettingsUpdated s) {
 *   s.calling().ifPresent(c -> callCenter.setOpen(s.phoneNumberId(), c.isEnabled()));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from; its phone number id is the number whose settings
 *     changed
 * @param timestamp when the settings changed, if readable
 * @param rawType the kind of settings as sent, such as {@code PHONE_NUMBER_SETTINGS}; {@link
 *     #type()} reads it
 * @param phoneNumberId the number whose settings changed ({@code
 *     phone_number_settings.phone_number_id}); empty if absent
 * @param calling the calling settings now in force, when given
 * @param rawJson the raw JSON of the change's value
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/calling/call-settings">Call
 *     settings</a>
 */
public record AccountSettingsUpdated(
    EventContext context,
    Optional<Instant> timestamp,
    String rawType,
    String phoneNumberId,
    Optional<CallingSettings> calling,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null. */
  public AccountSettingsUpdated {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(rawType, "rawType");
    Objects.requireNonNull(phoneNumberId, "phoneNumberId");
    Objects.requireNonNull(calling, "calling");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /**
   * Returns the kind of settings; {@link Type#UNKNOWN} for values this version does not know.
   * Square brackets around the value, as some samples show, are ignored.
   */
  public Type type() {
    String t = rawType.trim();
    if (t.length() >= 2 && t.charAt(0) == '[' && t.charAt(t.length() - 1) == ']') {
      t = t.substring(1, t.length() - 1);
    }
    return Type.of(t);
  }

  /**
   * The calling settings of a phone number, each as sent.
   *
   * @param status {@code ENABLED} or {@code DISABLED}
   * @param callIconVisibility {@code DEFAULT} or {@code DISABLE_ALL}
   * @param callbackPermissionStatus {@code ENABLED} or {@code DISABLED}
   * @param sipStatus {@code ENABLED} or {@code DISABLED} ({@code sip.status})
   * @param srtpKeyExchangeProtocol {@code DTLS} or {@code SDES}
   */
  public record CallingSettings(
      Optional<String> status,
      Optional<String> callIconVisibility,
      Optional<String> callbackPermissionStatus,
      Optional<String> sipStatus,
      Optional<String> srtpKeyExchangeProtocol) {
    /** Checks that no component is null. */
    public CallingSettings {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(callIconVisibility, "callIconVisibility");
      Objects.requireNonNull(callbackPermissionStatus, "callbackPermissionStatus");
      Objects.requireNonNull(sipStatus, "sipStatus");
      Objects.requireNonNull(srtpKeyExchangeProtocol, "srtpKeyExchangeProtocol");
    }

    /** Returns whether calling is on: {@code status} is {@code ENABLED}. */
    public boolean isEnabled() {
      return status.filter(s -> s.trim().equalsIgnoreCase("ENABLED")).isPresent();
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * The kind of settings an {@link AccountSettingsUpdated} reports. Open: values this version does
   * not know map to {@link #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum Type {
    /** A phone number's settings. */
    PHONE_NUMBER_SETTINGS,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Returns the type for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
     * anything else, including null.
     *
     * @param value the raw value, may be null
     * @return the type; never null
     */
    public static Type of(String value) {
      return OpenEnums.parse(Type.class, value, UNKNOWN);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
