package dev.wasdk.client;

import dev.wasdk.internal.http.GraphRequest;
import dev.wasdk.internal.http.GraphTransport;
import dev.wasdk.internal.json.ManagementJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads business phone numbers (quality, messaging limit, throughput, name and verification
 * status), registers and deregisters them, requests and verifies codes, and sets the
 * identity-change check. Get it from {@link WhatsAppClient#phoneNumbers()}.
 *
 * <pre>{@code
 * PhoneNumber me = wa.phoneNumbers().get();
 * me.messagingLimit().ifPresent(sender::updateTier);
 * wa.phoneNumbers().register("123456");
 * }</pre>
 *
 * <p>Register and deregister are limited to 10 calls per number in 72 hours (error 133016). Reads
 * share the management budgets (errors 4 and 80007) and are retried per the {@link RetryPolicy}.
 *
 * <p>Thread-safe; share one instance.
 *
 * @see <a
 *     href="https://developers.facebook.com/docs/whatsapp/cloud-api/reference/phone-numbers">Phone
 *     numbers</a>
 */
public final class PhoneNumbersApi {
  private static final Pattern PIN = Pattern.compile("[0-9]{6}");
  private static final Pattern REGION = Pattern.compile("[A-Z]{2}");

  private final ManagementCalls calls;
  private final String phoneNumberId;
  private final String wabaId;

  PhoneNumbersApi(ManagementCalls calls, String phoneNumberId, String wabaId) {
    this.calls = calls;
    this.phoneNumberId = phoneNumberId;
    this.wabaId = wabaId;
  }

  /** Returns this client's phone number with {@link PhoneNumber#DEFAULT_FIELDS}. */
  public PhoneNumber get() {
    return get(phoneNumberId, PhoneNumber.DEFAULT_FIELDS);
  }

  /**
   * Returns a phone number with the given fields.
   *
   * @param phoneNumberId the phone number id
   * @param fields comma-separated field names, such as {@code quality_rating,throughput}
   * @return the number; fields not asked for are empty
   */
  public PhoneNumber get(String phoneNumberId, String fields) {
    Objects.requireNonNull(fields, "fields");
    return read(
        calls.get(
            calls.uri(GraphTransport.segment(phoneNumberId), Map.of("fields", fields)),
            "get phone number"));
  }

  /**
   * Returns one page of the WABA's phone numbers, with {@link PhoneNumber#DEFAULT_FIELDS}.
   *
   * @param after the cursor of the previous page, or empty
   * @return the page
   */
  public Page<PhoneNumber> list(Optional<String> after) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("fields", PhoneNumber.DEFAULT_FIELDS);
    after.ifPresent(a -> q.put("after", a));
    JsonNode body = calls.get(calls.uri(waba() + "/phone_numbers", q), "list phone numbers");
    return new Page<>(
        ManagementJson.objects(body, "data", PhoneNumbersApi::read),
        ManagementJson.before(body),
        ManagementJson.after(body));
  }

  /** Returns all the WABA's phone numbers as a lazy stream. */
  public Stream<PhoneNumber> stream() {
    waba();
    return Pages.stream(this::list);
  }

  /**
   * Registers this client's number with the Cloud API, setting its two-step verification PIN.
   *
   * @param pin six digits
   */
  public void register(String pin) {
    register(pin, Optional.empty());
  }

  /**
   * Registers this client's number, storing its data at rest in a region.
   *
   * @param pin six digits
   * @param dataLocalizationRegion an ISO 3166 alpha-2 code such as {@code DE}, or empty
   */
  public void register(String pin, Optional<String> dataLocalizationRegion) {
    checkPin(pin);
    Objects.requireNonNull(dataLocalizationRegion, "dataLocalizationRegion");
    ObjectNode body = ManagementJson.object();
    body.put("messaging_product", "whatsapp");
    body.put("pin", pin);
    dataLocalizationRegion.ifPresent(
        r -> {
          if (!REGION.matcher(r).matches()) {
            throw new IllegalArgumentException(
                "dataLocalizationRegion must be an ISO 3166 alpha-2 code such as DE");
          }
          body.put("data_localization_region", r);
        });
    post("register", body, "register phone number");
  }

  /** Deregisters this client's number from the Cloud API. */
  public void deregister() {
    post("deregister", ManagementJson.object(), "deregister phone number");
  }

  /**
   * Asks Meta to send a verification code to this client's number.
   *
   * @param method SMS or voice
   * @param language the language of the message, such as {@code en_US}
   */
  public void requestCode(CodeMethod method, String language) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(language, "language");
    ObjectNode body = ManagementJson.object();
    body.put("code_method", method.name());
    body.put("language", language);
    post("request_code", body, "request verification code");
  }

  /**
   * Verifies this client's number with the code it received.
   *
   * @param code the code, digits only
   */
  public void verifyCode(String code) {
    Objects.requireNonNull(code, "code");
    if (code.isEmpty() || !code.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("code must be digits only");
    }
    ObjectNode body = ManagementJson.object();
    body.put("code", code);
    post("verify_code", body, "verify code");
  }

  /**
   * Turns the identity-change check on or off: when on, a send that carries a {@code
   * recipient_identity_key_hash} fails (137000) if the user's identity changed since.
   *
   * @param enabled whether to check
   */
  public void identityKeyCheck(boolean enabled) {
    ObjectNode body = ManagementJson.object();
    body.putObject("user_identity_change").put("enable_identity_key_check", enabled);
    post("settings", body, "update identity check setting");
  }

  /** Returns the usage reported by the latest management response of this client. */
  public Optional<UsageInfo> lastUsage() {
    return calls.lastUsage();
  }

  private void post(String edge, ObjectNode body, String operation) {
    calls.expectSuccess(
        GraphRequest.json(
            "POST",
            calls.uri(GraphTransport.segment(phoneNumberId) + "/" + edge),
            ManagementJson.bytes(body),
            true,
            operation,
            null));
  }

  private static void checkPin(String pin) {
    Objects.requireNonNull(pin, "pin");
    if (!PIN.matcher(pin).matches()) {
      throw new IllegalArgumentException("pin must be exactly 6 digits");
    }
  }

  private String waba() {
    if (wabaId == null) {
      throw new IllegalStateException(
          "listing phone numbers needs a WhatsApp Business Account id: set it with"
              + " WhatsAppClient.builder().wabaId(...)");
    }
    return GraphTransport.segment(wabaId);
  }

  static PhoneNumber read(JsonNode n) {
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
