package dev.wasdk.client;

import java.util.Objects;
import java.util.Optional;

/**
 * A business phone number as {@code GET /{phone-number-id}} or {@code GET /{waba-id}/phone_numbers}
 * returns it. Fields not asked for, or not sent, are empty; status-like fields keep Meta's raw
 * value so that new values never break a read.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the phone number id
 * @param displayPhoneNumber the number as shown, such as {@code +1 555-555-5555}
 * @param verifiedName the approved display name
 * @param qualityRating the quality rating; {@link QualityRating#UNKNOWN} when absent or new
 * @param messagingLimit the business portfolio's messaging limit, from {@code
 *     whatsapp_business_manager_messaging_limit} or the older {@code messaging_limit_tier}
 * @param throughputLevel {@code throughput.level}, such as {@code STANDARD} or {@code HIGH}
 * @param nameStatus the display name's review status, such as {@code APPROVED}
 * @param codeVerificationStatus such as {@code VERIFIED} or {@code NOT_VERIFIED}
 * @param platformType such as {@code CLOUD_API}
 * @param status the number's status, such as {@code CONNECTED}
 * @param isOfficialBusinessAccount whether the number has the official business badge
 * @param json the number's JSON as received
 */
public record PhoneNumber(
    String id,
    Optional<String> displayPhoneNumber,
    Optional<String> verifiedName,
    QualityRating qualityRating,
    Optional<MessagingTier> messagingLimit,
    Optional<String> throughputLevel,
    Optional<String> nameStatus,
    Optional<String> codeVerificationStatus,
    Optional<String> platformType,
    Optional<String> status,
    Optional<Boolean> isOfficialBusinessAccount,
    String json) {

  /** The fields asked for by default. */
  public static final String DEFAULT_FIELDS =
      "id,display_phone_number,verified_name,quality_rating,"
          + "whatsapp_business_manager_messaging_limit,messaging_limit_tier,throughput,"
          + "name_status,code_verification_status,platform_type,status,"
          + "is_official_business_account";

  /** Checks that nothing is null. */
  public PhoneNumber {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayPhoneNumber, "displayPhoneNumber");
    Objects.requireNonNull(verifiedName, "verifiedName");
    Objects.requireNonNull(qualityRating, "qualityRating");
    Objects.requireNonNull(messagingLimit, "messagingLimit");
    Objects.requireNonNull(throughputLevel, "throughputLevel");
    Objects.requireNonNull(nameStatus, "nameStatus");
    Objects.requireNonNull(codeVerificationStatus, "codeVerificationStatus");
    Objects.requireNonNull(platformType, "platformType");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(isOfficialBusinessAccount, "isOfficialBusinessAccount");
    Objects.requireNonNull(json, "json");
  }

  /** Returns the id, quality and limit; not the number or the JSON. */
  @Override
  public String toString() {
    return "PhoneNumber[id="
        + id
        + ", qualityRating="
        + qualityRating
        + ", messagingLimit="
        + messagingLimit.map(MessagingTier::toString).orElse("?")
        + "]";
  }
}
