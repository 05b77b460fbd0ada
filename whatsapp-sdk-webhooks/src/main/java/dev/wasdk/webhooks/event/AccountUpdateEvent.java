package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;

/**
 * The kind of an {@link AccountUpdated}. Open: values this version does not know map to {@link
 * #UNKNOWN}, and the event keeps the raw value.
 *
 * <p>Immutable and thread-safe.
 */
public enum AccountUpdateEvent {
  /** The account was deleted. */
  ACCOUNT_DELETED,
  /** The account broke a policy; the event names the violation. */
  ACCOUNT_VIOLATION,
  /** Features of the account, such as calling, were restricted. */
  ACCOUNT_RESTRICTION,
  /** A WhatsApp Business app number left the Cloud API (Coexistence). */
  ACCOUNT_OFFBOARDED,
  /** A WhatsApp Business app number came back to the Cloud API (Coexistence). */
  ACCOUNT_RECONNECTED,
  /** An ad account was linked to the account. */
  AD_ACCOUNT_LINKED,
  /** Eligibility for international authentication rates changed. */
  AUTH_INTL_PRICE_ELIGIBILITY_UPDATE,
  /** The business's primary country changed; the event names it. */
  BUSINESS_PRIMARY_LOCATION_COUNTRY_UPDATE,
  /** The account's ban state changed; the event carries the ban details. */
  DISABLED_UPDATE,
  /** The Marketing Messages Lite terms were signed. */
  MM_LITE_TERMS_SIGNED,
  /** A solution partner was added to the account. */
  PARTNER_ADDED,
  /** A partner's app was installed on the account. */
  PARTNER_APP_INSTALLED,
  /** A partner's app was removed from the account. */
  PARTNER_APP_UNINSTALLED,
  /** A partner's client certification status changed. */
  PARTNER_CLIENT_CERTIFICATION_STATUS_UPDATE,
  /** A solution partner was removed from the account. */
  PARTNER_REMOVED,
  /** A volume pricing tier changed; the event carries the tier. */
  VOLUME_BASED_PRICING_TIER_UPDATE,
  /** A value this version does not know. */
  UNKNOWN;

  /**
   * Returns the event for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
   * anything else, including null.
   *
   * @param value the raw value, may be null
   * @return the event; never null
   */
  public static AccountUpdateEvent of(String value) {
    return OpenEnums.parse(AccountUpdateEvent.class, value, UNKNOWN);
  }
}
