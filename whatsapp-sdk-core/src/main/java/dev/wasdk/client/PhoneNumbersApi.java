package dev.wasdk.client;

import dev.wasdk.internal.http.GraphRequest;
import dev.wasdk.internal.http.GraphTransport;
import dev.wasdk.internal.json.AccountAdminJson;
import dev.wasdk.internal.json.PhoneNumbersJson;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads business phone numbers (quality, messaging limit, throughput, name and verification
 * status), registers and deregisters them, requests and verifies codes, sets the identity-change
 * check, the two-step verification PIN, the display name and the conversational components (welcome
 * message, ice breakers, commands). Get it from {@link WhatsAppClient#phoneNumbers()}.
 *
 * <pre>{@code
 * PhoneNumber me = wa.phoneNumbers().get();
 * me.messagingLimit().ifPresent(sender::updateTier);
 * wa.phoneNumbers().register("123456");
 * }</pre>
 *
 * <p>Register and deregister are limited to 10 calls per number in 72 hours (error 133016), so
 * neither is retried once the request may have reached Meta (a timeout, a broken connection, a
 * 5xx); only failures that prove nothing was done are retried. Reads share the management budgets
 * (errors 4 and 80007) and are retried per the {@link RetryPolicy}.
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
    return calls.call(getCall(phoneNumberId, PhoneNumber.DEFAULT_FIELDS));
  }

  /** The async twin of {@link #get()}. */
  public CompletableFuture<PhoneNumber> getAsync() {
    return calls.callAsync(getCall(phoneNumberId, PhoneNumber.DEFAULT_FIELDS));
  }

  /**
   * Returns a phone number with the given fields.
   *
   * @param phoneNumberId the phone number id
   * @param fields comma-separated field names, such as {@code quality_rating,throughput}
   * @return the number; fields not asked for are empty
   */
  public PhoneNumber get(String phoneNumberId, String fields) {
    return calls.call(getCall(phoneNumberId, fields));
  }

  /** The async twin of {@link #get(String, String)}. */
  public CompletableFuture<PhoneNumber> getAsync(String phoneNumberId, String fields) {
    return calls.callAsync(getCall(phoneNumberId, fields));
  }

  private ManagementCalls.Call<PhoneNumber> getCall(String phoneNumberId, String fields) {
    Objects.requireNonNull(fields, "fields");
    return ManagementCalls.json(
        GraphRequest.get(
            calls.uri(GraphTransport.segment(phoneNumberId), Map.of("fields", fields)),
            "get phone number"),
        PhoneNumbersJson::read);
  }

  /**
   * Returns one page of the WABA's phone numbers, with {@link PhoneNumber#DEFAULT_FIELDS}.
   *
   * @param after the cursor of the previous page, or empty
   * @return the page
   */
  public Page<PhoneNumber> list(Optional<String> after) {
    return calls.call(listCall(after));
  }

  /** The async twin of {@link #list(Optional)}. */
  public CompletableFuture<Page<PhoneNumber>> listAsync(Optional<String> after) {
    return calls.callAsync(listCall(after));
  }

  private ManagementCalls.Call<Page<PhoneNumber>> listCall(Optional<String> after) {
    Objects.requireNonNull(after, "after");
    Map<String, String> q = new LinkedHashMap<>();
    q.put("fields", PhoneNumber.DEFAULT_FIELDS);
    after.ifPresent(a -> q.put("after", a));
    return ManagementCalls.json(
        GraphRequest.get(calls.uri(waba() + "/phone_numbers", q), "list phone numbers"),
        PhoneNumbersJson::readPage);
  }

  /** Returns all the WABA's phone numbers as a lazy stream. */
  public Stream<PhoneNumber> stream() {
    waba();
    return Pages.stream(this::list);
  }

  /**
   * Registers this client's number with the Cloud API, setting its two-step verification PIN. Not
   * retried once the request may have reached Meta.
   *
   * @param pin six digits
   */
  public void register(String pin) {
    calls.call(registerCall(pin, Optional.empty()));
  }

  /** The async twin of {@link #register(String)}. */
  public CompletableFuture<Void> registerAsync(String pin) {
    return calls.callAsync(registerCall(pin, Optional.empty()));
  }

  /**
   * Registers this client's number, storing its data at rest in a region.
   *
   * @param pin six digits
   * @param dataLocalizationRegion an ISO 3166 alpha-2 code such as {@code DE}, or empty
   */
  public void register(String pin, Optional<String> dataLocalizationRegion) {
    calls.call(registerCall(pin, dataLocalizationRegion));
  }

  /** The async twin of {@link #register(String, Optional)}. */
  public CompletableFuture<Void> registerAsync(
      String pin, Optional<String> dataLocalizationRegion) {
    return calls.callAsync(registerCall(pin, dataLocalizationRegion));
  }

  private ManagementCalls.Call<Void> registerCall(
      String pin, Optional<String> dataLocalizationRegion) {
    checkPin(pin);
    Objects.requireNonNull(dataLocalizationRegion, "dataLocalizationRegion");
    dataLocalizationRegion.ifPresent(
        r -> {
          if (!REGION.matcher(r).matches()) {
            throw new IllegalArgumentException(
                "dataLocalizationRegion must be an ISO 3166 alpha-2 code such as DE");
          }
        });
    // Not idempotent: each attempt spends one of the 10 registrations allowed in 72 hours.
    return post(
        "register",
        PhoneNumbersJson.register(pin, dataLocalizationRegion),
        false,
        "register phone number");
  }

  /**
   * Deregisters this client's number from the Cloud API. Not retried once it may have been sent.
   */
  public void deregister() {
    calls.call(deregisterCall());
  }

  /** The async twin of {@link #deregister()}. */
  public CompletableFuture<Void> deregisterAsync() {
    return calls.callAsync(deregisterCall());
  }

  private ManagementCalls.Call<Void> deregisterCall() {
    // Not idempotent: each attempt spends one of the 10 registrations allowed in 72 hours.
    return post("deregister", PhoneNumbersJson.deregister(), false, "deregister phone number");
  }

  /**
   * Asks Meta to send a verification code to this client's number. Not retried once the request may
   * have reached Meta (a timeout, a broken connection, a 5xx), since a retry would send a second
   * code; only failures that prove nothing was sent are retried.
   *
   * @param method SMS or voice
   * @param language the language of the message, such as {@code en_US}
   */
  public void requestCode(CodeMethod method, String language) {
    calls.call(requestCodeCall(method, language));
  }

  /** The async twin of {@link #requestCode(CodeMethod, String)}; not retried either. */
  public CompletableFuture<Void> requestCodeAsync(CodeMethod method, String language) {
    return calls.callAsync(requestCodeCall(method, language));
  }

  private ManagementCalls.Call<Void> requestCodeCall(CodeMethod method, String language) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(language, "language");
    // Not idempotent: a resent request texts or calls the user a second code.
    return post(
        "request_code",
        PhoneNumbersJson.requestCode(method, language),
        false,
        "request verification code");
  }

  /**
   * Verifies this client's number with the code it received. Not retried once the request may have
   * reached Meta: the first check spends the code, so a retry would report a false failure.
   *
   * @param code the code, digits only
   */
  public void verifyCode(String code) {
    calls.call(verifyCodeCall(code));
  }

  /** The async twin of {@link #verifyCode(String)}; not retried either. */
  public CompletableFuture<Void> verifyCodeAsync(String code) {
    return calls.callAsync(verifyCodeCall(code));
  }

  private ManagementCalls.Call<Void> verifyCodeCall(String code) {
    Objects.requireNonNull(code, "code");
    if (code.isEmpty() || !code.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("code must be digits only");
    }
    // Not idempotent: a code is spent by its first check, so a resend fails as a wrong code.
    return post("verify_code", PhoneNumbersJson.verifyCode(code), false, "verify code");
  }

  /**
   * Turns the identity-change check on or off: when on, a send that carries a {@code
   * recipient_identity_key_hash} fails (137000) if the user's identity changed since.
   *
   * @param enabled whether to check
   */
  public void identityKeyCheck(boolean enabled) {
    calls.call(identityKeyCheckCall(enabled));
  }

  /** The async twin of {@link #identityKeyCheck(boolean)}. */
  public CompletableFuture<Void> identityKeyCheckAsync(boolean enabled) {
    return calls.callAsync(identityKeyCheckCall(enabled));
  }

  private ManagementCalls.Call<Void> identityKeyCheckCall(boolean enabled) {
    return post(
        "settings",
        PhoneNumbersJson.identityKeyCheck(enabled),
        true,
        "update identity check setting");
  }

  /**
   * Uploads the business public key that encrypts the requests to this phone number's Flow data
   * endpoints ({@code whatsapp_business_encryption}). Each phone number needs its own upload. Meta
   * then signs the key; read the result with {@link #businessPublicKey()}.
   *
   * @param pem the RSA public key (2048 bits) as PEM text, {@code -----BEGIN PUBLIC KEY-----}
   * @throws IllegalArgumentException if the text is not a PEM public key
   */
  public void uploadBusinessPublicKey(String pem) {
    calls.call(uploadBusinessPublicKeyCall(pem));
  }

  /** The async twin of {@link #uploadBusinessPublicKey(String)}. */
  public CompletableFuture<Void> uploadBusinessPublicKeyAsync(String pem) {
    return calls.callAsync(uploadBusinessPublicKeyCall(pem));
  }

  private ManagementCalls.Call<Void> uploadBusinessPublicKeyCall(String pem) {
    Objects.requireNonNull(pem, "pem");
    String key = pem.strip();
    if (!key.startsWith("-----BEGIN PUBLIC KEY-----")
        || !key.endsWith("-----END PUBLIC KEY-----")) {
      throw new IllegalArgumentException(
          "pem must be a public key in PEM text (BEGIN PUBLIC KEY); make it with"
              + " openssl rsa -in private.pem -pubout");
    }
    byte[] form =
        ("business_public_key=" + URLEncoder.encode(key, StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.US_ASCII);
    return ManagementCalls.success(
        new GraphRequest(
            "POST",
            calls.uri(GraphTransport.segment(phoneNumberId) + "/whatsapp_business_encryption"),
            BodyPublishers.ofByteArray(form),
            "application/x-www-form-urlencoded",
            true,
            "upload business public key",
            null,
            null));
  }

  /**
   * Returns the business public key of this phone number and the state of Meta's signature of it.
   *
   * @return the key, with {@link BusinessPublicKey.SignatureStatus#MISMATCH} when it must be
   *     uploaded again
   */
  public BusinessPublicKey businessPublicKey() {
    return calls.call(businessPublicKeyCall());
  }

  /** The async twin of {@link #businessPublicKey()}. */
  public CompletableFuture<BusinessPublicKey> businessPublicKeyAsync() {
    return calls.callAsync(businessPublicKeyCall());
  }

  private ManagementCalls.Call<BusinessPublicKey> businessPublicKeyCall() {
    return ManagementCalls.json(
        GraphRequest.get(
            calls.uri(GraphTransport.segment(phoneNumberId) + "/whatsapp_business_encryption"),
            "get business public key"),
        PhoneNumbersJson::readBusinessPublicKey);
  }

  /**
   * Sets or changes this number's two-step verification PIN. There is no call to turn two-step
   * verification off; a forgotten PIN is reset in WhatsApp Manager. The PIN is never logged nor put
   * in an exception message.
   *
   * @param pin exactly six digits
   */
  public void setTwoStepPin(String pin) {
    calls.call(twoStepPinCall(pin));
  }

  /** The async twin of {@link #setTwoStepPin(String)}. */
  public CompletableFuture<Void> setTwoStepPinAsync(String pin) {
    return calls.callAsync(twoStepPinCall(pin));
  }

  private ManagementCalls.Call<Void> twoStepPinCall(String pin) {
    checkPin(pin);
    return ManagementCalls.success(
        GraphRequest.json(
            "POST",
            calls.uri(GraphTransport.segment(phoneNumberId)),
            AccountAdminJson.pin(pin),
            true,
            "set two-step verification PIN",
            null));
  }

  /**
   * Requests a new display name for this number. The name goes through review: follow it with
   * {@link #displayName()} or the {@code phone_number_name_update} webhook.
   *
   * @param name 2 to 75 characters
   */
  public void updateDisplayName(String name) {
    calls.call(displayNameCall(name));
  }

  /** The async twin of {@link #updateDisplayName(String)}. */
  public CompletableFuture<Void> updateDisplayNameAsync(String name) {
    return calls.callAsync(displayNameCall(name));
  }

  private ManagementCalls.Call<Void> displayNameCall(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.length() < 2 || name.length() > 75) {
      throw new IllegalArgumentException(
          "a display name must be 2 to 75 characters, was " + name.length());
    }
    return ManagementCalls.success(
        GraphRequest.json(
            "POST",
            calls.uri(GraphTransport.segment(phoneNumberId)),
            AccountAdminJson.displayName(name),
            true,
            "update display name",
            null));
  }

  /**
   * Returns this number's display name and the review status of a requested new one.
   *
   * @return the display name
   */
  public DisplayName displayName() {
    return calls.call(displayNameReadCall());
  }

  /** The async twin of {@link #displayName()}. */
  public CompletableFuture<DisplayName> displayNameAsync() {
    return calls.callAsync(displayNameReadCall());
  }

  private ManagementCalls.Call<DisplayName> displayNameReadCall() {
    return ManagementCalls.json(
        GraphRequest.get(
            calls.uri(
                GraphTransport.segment(phoneNumberId),
                Map.of("fields", "verified_name,name_status,new_display_name,new_name_status")),
            "get display name"),
        AccountAdminJson::readDisplayName);
  }

  /**
   * Returns this number's welcome message switch, ice breakers and commands.
   *
   * @return the conversational automation
   */
  public ConversationalAutomation conversationalAutomation() {
    return calls.call(automationReadCall());
  }

  /** The async twin of {@link #conversationalAutomation()}. */
  public CompletableFuture<ConversationalAutomation> conversationalAutomationAsync() {
    return calls.callAsync(automationReadCall());
  }

  private ManagementCalls.Call<ConversationalAutomation> automationReadCall() {
    return ManagementCalls.json(
        GraphRequest.get(
            calls.uri(
                GraphTransport.segment(phoneNumberId),
                Map.of("fields", "conversational_automation")),
            "get conversational automation"),
        AccountAdminJson::readAutomation);
  }

  /**
   * Sets this number's ice breakers and commands, replacing the previous ones, and the welcome
   * message switch when given.
   *
   * @param automation the components, checked against Meta's limits when built
   */
  public void updateConversationalAutomation(ConversationalAutomation automation) {
    calls.call(automationCall(automation));
  }

  /** The async twin of {@link #updateConversationalAutomation(ConversationalAutomation)}. */
  public CompletableFuture<Void> updateConversationalAutomationAsync(
      ConversationalAutomation automation) {
    return calls.callAsync(automationCall(automation));
  }

  private ManagementCalls.Call<Void> automationCall(ConversationalAutomation automation) {
    Objects.requireNonNull(automation, "automation");
    return post(
        "conversational_automation",
        AccountAdminJson.automation(automation),
        "update conversational automation");
  }

  /** Returns the usage reported by the latest management response of this client. */
  public Optional<UsageInfo> lastUsage() {
    return calls.lastUsage();
  }

  private ManagementCalls.Call<Void> post(
      String edge, byte[] body, boolean idempotent, String operation) {
    return ManagementCalls.success(
        GraphRequest.json(
            "POST",
            calls.uri(GraphTransport.segment(phoneNumberId) + "/" + edge),
            body,
            idempotent,
            operation,
            null));
  }

  private ManagementCalls.Call<Void> post(String edge, byte[] body, String operation) {
    return ManagementCalls.success(
        GraphRequest.json(
            "POST",
            calls.uri(GraphTransport.segment(phoneNumberId) + "/" + edge),
            body,
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
}
