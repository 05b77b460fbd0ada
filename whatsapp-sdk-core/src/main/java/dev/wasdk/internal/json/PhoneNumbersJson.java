package dev.wasdk.internal.json;

import dev.wasdk.client.BusinessPublicKey;
import dev.wasdk.client.CodeMethod;
import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.Page;
import dev.wasdk.client.PhoneNumber;
import dev.wasdk.client.QualityRating;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the phone-number requests (registration, verification codes, settings) and reads phone
 * numbers and the business public key.
 */
public final class PhoneNumbersJson {
  private PhoneNumbersJson() {}

  /** Returns the body of {@code register}. */
  public static byte[] register(String pin, Optional<String> dataLocalizationRegion) {
    ObjectNode body = ManagementJson.object();
    body.put("messaging_product", "whatsapp");
    body.put("pin", pin);
    dataLocalizationRegion.ifPresent(r -> body.put("data_localization_region", r));
    return ManagementJson.bytes(body);
  }

  /** Returns the body of {@code deregister}: an empty object. */
  public static byte[] deregister() {
    return ManagementJson.bytes(ManagementJson.object());
  }

  /** Returns the body of {@code request_code}. */
  public static byte[] requestCode(CodeMethod method, String language) {
    ObjectNode body = ManagementJson.object();
    body.put("code_method", method.name());
    body.put("language", language);
    return ManagementJson.bytes(body);
  }

  /** Returns the body of {@code verify_code}. */
  public static byte[] verifyCode(String code) {
    ObjectNode body = ManagementJson.object();
    body.put("code", code);
    return ManagementJson.bytes(body);
  }

  /** Returns the {@code settings} body that turns the identity-change check on or off. */
  public static byte[] identityKeyCheck(boolean enabled) {
    ObjectNode body = ManagementJson.object();
    body.putObject("user_identity_change").put("enable_identity_key_check", enabled);
    return ManagementJson.bytes(body);
  }

  /** Reads one page of phone numbers. */
  public static Page<PhoneNumber> readPage(JsonNode body) {
    return new Page<>(
        ManagementJson.objects(body, "data", PhoneNumbersJson::read),
        ManagementJson.before(body),
        ManagementJson.after(body));
  }

  /** Reads the business public key from {@code data[0]} or the body itself. */
  public static BusinessPublicKey readBusinessPublicKey(JsonNode body) {
    JsonNode data = body.path("data");
    JsonNode n = data.isArray() && data.size() > 0 ? data.get(0) : body;
    return new BusinessPublicKey(
        ManagementJson.text(n, "business_public_key"),
        BusinessPublicKey.SignatureStatus.of(
            ManagementJson.text(n, "business_public_key_signature_status").orElse(null)));
  }

  /** Reads a phone number; the messaging tier is read from any of the three places Meta uses. */
  public static PhoneNumber read(JsonNode n) {
    Optional<MessagingTier> tier =
        ManagementJson.text(n.path("whatsapp_business_manager_messaging_limit"), "current_limit")
            .or(() -> ManagementJson.text(n, "whatsapp_business_manager_messaging_limit"))
            .or(() -> ManagementJson.text(n, "messaging_limit_tier"))
            .filter(s -> !s.isBlank())
            .map(MessagingTier::of);
    return new PhoneNumber(
        ManagementJson.textOrEmpty(n, "id"),
        ManagementJson.text(n, "display_phone_number"),
        ManagementJson.text(n, "verified_name"),
        QualityRating.of(ManagementJson.text(n, "quality_rating").orElse(null)),
        tier,
        ManagementJson.text(n.path("throughput"), "level"),
        ManagementJson.text(n, "name_status"),
        ManagementJson.text(n, "code_verification_status"),
        ManagementJson.text(n, "platform_type").or(() -> ManagementJson.text(n, "host_platform")),
        ManagementJson.text(n, "status"),
        ManagementJson.bool(n, "is_official_business_account"),
        ManagementJson.raw(n));
  }
}
