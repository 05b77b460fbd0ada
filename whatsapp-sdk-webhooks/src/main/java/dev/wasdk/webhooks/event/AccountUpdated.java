package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;
import dev.wasdk.internal.text.Values;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something changed on the WhatsApp Business Account ({@code account_update}): a policy violation,
 * a ban, a partner added or removed, a volume pricing tier change, and more. Each kind fills the
 * parts that apply; the rest stay empty and remain in {@link #rawJson()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from; its entry time says when
 * @param rawEvent the event as sent, such as {@code ACCOUNT_VIOLATION} or {@code
 *     VOLUME_BASED_PRICING_TIER_UPDATE}; empty if absent; {@link #event()} reads it
 * @param country the country, for {@code BUSINESS_PRIMARY_LOCATION_COUNTRY_UPDATE}
 * @param wabaInfo the account and partner ids ({@code waba_info}), when given
 * @param violationType the violation ({@code violation_info.violation_type}), when given
 * @param banInfo the ban state ({@code ban_info}), when given
 * @param volumeTier the new volume pricing tier ({@code volume_tier_info}), when given
 * @param rawJson the raw JSON of the change's value
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/account_update">Account
 *     update webhook reference</a>
 */
public record AccountUpdated(
    EventContext context,
    String rawEvent,
    Optional<String> country,
    Optional<WabaInfo> wabaInfo,
    Optional<String> violationType,
    Optional<BanInfo> banInfo,
    Optional<VolumeTier> volumeTier,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null. */
  public AccountUpdated {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(rawEvent, "rawEvent");
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(wabaInfo, "wabaInfo");
    Objects.requireNonNull(violationType, "violationType");
    Objects.requireNonNull(banInfo, "banInfo");
    Objects.requireNonNull(volumeTier, "volumeTier");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /**
   * Returns the event; {@link AccountUpdateEvent#UNKNOWN} for values this version does not know.
   */
  public AccountUpdateEvent event() {
    return AccountUpdateEvent.of(rawEvent);
  }

  /** Returns whether the event reports a new volume pricing tier. */
  public boolean isVolumeTierUpdate() {
    return event() == AccountUpdateEvent.VOLUME_BASED_PRICING_TIER_UPDATE;
  }

  /**
   * The account and partner ids of an account update.
   *
   * @param wabaId the WhatsApp Business Account id
   * @param ownerBusinessId the owning business portfolio id
   * @param partnerAppId the partner's app id
   * @param solutionId the multi-partner solution id
   * @param solutionPartnerBusinessIds the business ids of the solution's partners
   */
  public record WabaInfo(
      Optional<String> wabaId,
      Optional<String> ownerBusinessId,
      Optional<String> partnerAppId,
      Optional<String> solutionId,
      List<String> solutionPartnerBusinessIds) {
    /** Checks that no component is null and copies the list. */
    public WabaInfo {
      Objects.requireNonNull(wabaId, "wabaId");
      Objects.requireNonNull(ownerBusinessId, "ownerBusinessId");
      Objects.requireNonNull(partnerAppId, "partnerAppId");
      Objects.requireNonNull(solutionId, "solutionId");
      solutionPartnerBusinessIds = List.copyOf(solutionPartnerBusinessIds);
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * The ban state of an account.
   *
   * @param rawState the state as sent ({@code waba_ban_state}), such as {@code
   *     SCHEDULE_FOR_DISABLE}; {@link #state()} reads it
   * @param date the ban date as sent ({@code waba_ban_date})
   */
  public record BanInfo(Optional<String> rawState, Optional<String> date) {
    /** Checks that no component is null. */
    public BanInfo {
      Objects.requireNonNull(rawState, "rawState");
      Objects.requireNonNull(date, "date");
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }

    /** Returns the state; {@link BanState#UNKNOWN} when absent or not known. */
    public BanState state() {
      return BanState.of(rawState.orElse(null));
    }
  }

  /**
   * The ban state of an account. Open: values this version does not know map to {@link #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum BanState {
    /** The account is scheduled to be disabled. */
    SCHEDULE_FOR_DISABLE,
    /** The account is disabled. */
    DISABLE,
    /** The account was reinstated. */
    REINSTATE,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Returns the state for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
     * anything else, including null.
     *
     * @param value the raw value, may be null
     * @return the state; never null
     */
    public static BanState of(String value) {
      return OpenEnums.parse(BanState.class, value, UNKNOWN);
    }
  }

  /**
   * A volume pricing tier, which lowers utility and authentication rates per market.
   *
   * @param tier the tier as sent
   * @param pricingCategory the pricing category it applies to, such as {@code UTILITY}
   * @param region the market or region
   * @param effectiveMonth the month it applies to, as sent
   * @param updatedAt when the tier changed ({@code tier_update_time})
   */
  public record VolumeTier(
      Optional<String> tier,
      Optional<String> pricingCategory,
      Optional<String> region,
      Optional<String> effectiveMonth,
      Optional<Instant> updatedAt) {
    /** Checks that no component is null. */
    public VolumeTier {
      Objects.requireNonNull(tier, "tier");
      Objects.requireNonNull(pricingCategory, "pricingCategory");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(effectiveMonth, "effectiveMonth");
      Objects.requireNonNull(updatedAt, "updatedAt");
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
}
