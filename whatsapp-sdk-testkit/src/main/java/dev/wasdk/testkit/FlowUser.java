package dev.wasdk.testkit;

import dev.wasdk.internal.text.Values;
import dev.wasdk.webhooks.WebhookSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plays the WhatsApp client's side of a Flow against a business's data endpoint, for tests: each
 * request is encrypted as Meta's client does (a fresh AES-128 key wrapped with RSA-OAEP SHA-256
 * under the business public key, AES-GCM with a 16-byte IV), signed with the app secret ({@code
 * X-Hub-Signature-256}) and POSTed; each 200 or 427 answer is decrypted with the inverted IV, and a
 * tampered or wrongly keyed answer fails the call.
 *
 * <p>It can also send a health-check ping, an error notification, and a request encrypted for
 * another key pair (which the endpoint must answer with 421). Finish the journey with {@link
 * WhatsAppSimulator#userCompletesFlow(String, String, String)}, which posts the completion webhook.
 *
 * <p>Thread-safe; each call is independent.
 *
 * <pre>{@code
 * FlowUser user = FlowUser.builder(endpointUri, publicKeyPem).appSecret(appSecret).build();
 * FlowUser.Reply first = user.init("tok-1");
 * FlowUser.Reply next = user.dataExchange("DETAILS", Map.of("slot", "1900"), "tok-1");
 * assertThat(next.screen()).contains("CONFIRM");
 * }</pre>
 */
public final class FlowUser {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final OAEPParameterSpec OAEP =
      new OAEPParameterSpec(
          "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);

  private final URI endpoint;
  private final PublicKey publicKey;
  private final String appSecret;
  private final String version;
  private final HttpClient http;
  private final SecureRandom random = new SecureRandom();

  private FlowUser(Builder b) {
    this.endpoint = b.endpoint;
    this.publicKey = b.publicKey;
    this.appSecret = b.appSecret;
    this.version = b.version;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /**
   * Returns a builder.
   *
   * @param endpoint the data endpoint's URL
   * @param publicKeyPem the business public key, {@code -----BEGIN PUBLIC KEY-----}
   */
  public static Builder builder(URI endpoint, String publicKeyPem) {
    return new Builder(endpoint, readPublicKey(publicKeyPem));
  }

  /** Sends the health check, {@code {"version":..,"action":"ping"}}. */
  public Reply ping() {
    ObjectNode r = request("ping");
    return send(r, publicKey);
  }

  /**
   * Opens the Flow ({@code INIT}).
   *
   * @param flowToken the token the Flow message carried
   */
  public Reply init(String flowToken) {
    ObjectNode r = request("INIT");
    r.put("flow_token", flowToken);
    return send(r, publicKey);
  }

  /**
   * Submits a screen ({@code data_exchange}).
   *
   * @param screen the screen submitted
   * @param data what the Footer's payload resolved to
   * @param flowToken the Flow's token
   */
  public Reply dataExchange(String screen, Map<String, ?> data, String flowToken) {
    ObjectNode r = request("data_exchange");
    r.put("screen", screen);
    r.set("data", MAPPER.valueToTree(data));
    r.put("flow_token", flowToken);
    return send(r, publicKey);
  }

  /**
   * Goes back to a screen with {@code refresh_on_back} ({@code BACK}).
   *
   * @param screen the screen returned to
   * @param flowToken the Flow's token
   */
  public Reply back(String screen, String flowToken) {
    ObjectNode r = request("BACK");
    r.put("screen", screen);
    r.put("flow_token", flowToken);
    return send(r, publicKey);
  }

  /**
   * Reports that the previous answer could not be used.
   *
   * @param screen the screen
   * @param error the error key, such as {@code invalid_screen}
   * @param message its description
   * @param flowToken the Flow's token
   */
  public Reply errorNotification(String screen, String error, String message, String flowToken) {
    ObjectNode r = request("data_exchange");
    r.put("screen", screen);
    r.putObject("data").put("error", error).put("error_message", message);
    r.put("flow_token", flowToken);
    return send(r, publicKey);
  }

  /**
   * Sends an INIT encrypted for a freshly made key pair, as if the business had changed its key;
   * the endpoint should answer 421.
   *
   * @param flowToken the Flow's token
   */
  public Reply initWithWrongKey(String flowToken) {
    ObjectNode r = request("INIT");
    r.put("flow_token", flowToken);
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return send(r, g.generateKeyPair().getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is not available", e);
    }
  }

  private ObjectNode request(String action) {
    ObjectNode r = MAPPER.createObjectNode();
    r.put("version", version);
    r.put("action", action);
    return r;
  }

  private Reply send(ObjectNode request, PublicKey key) {
    byte[] aesKey = new byte[16];
    byte[] iv = new byte[16];
    random.nextBytes(aesKey);
    random.nextBytes(iv);
    byte[] body;
    try {
      Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
      rsa.init(Cipher.ENCRYPT_MODE, key, OAEP);
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, iv));
      ObjectNode envelope = MAPPER.createObjectNode();
      Base64.Encoder b64 = Base64.getEncoder();
      envelope.put(
          "encrypted_flow_data",
          b64.encodeToString(aes.doFinal(MAPPER.writeValueAsBytes(request))));
      envelope.put("encrypted_aes_key", b64.encodeToString(rsa.doFinal(aesKey)));
      envelope.put("initial_vector", b64.encodeToString(iv));
      body = MAPPER.writeValueAsBytes(envelope);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA-OAEP or AES-GCM is not available", e);
    }
    HttpRequest.Builder post =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (appSecret != null) {
      post.header("X-Hub-Signature-256", WebhookSigner.of(appSecret).sign(body));
    }
    HttpResponse<String> response;
    try {
      response = http.send(post.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("the Flow endpoint could not be reached: " + endpoint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling the Flow endpoint", e);
    }
    int status = response.statusCode();
    if (status != 200 && status != 427) {
      return new Reply(status, Optional.empty(), response.body());
    }
    return new Reply(status, Optional.of(open(response.body(), aesKey, iv)), response.body());
  }

  private static String open(String base64, byte[] aesKey, byte[] iv) {
    byte[] flipped = new byte[iv.length];
    for (int i = 0; i < iv.length; i++) {
      flipped[i] = (byte) ~iv[i];
    }
    try {
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(aesKey, "AES"),
          new GCMParameterSpec(128, flipped));
      return new String(
          aes.doFinal(Base64.getDecoder().decode(base64.strip())), StandardCharsets.UTF_8);
    } catch (AEADBadTagException | IllegalArgumentException e) {
      throw new AssertionError(
          "the Flow endpoint's answer is not encrypted with the request's key and inverted IV", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  private static PublicKey readPublicKey(String pem) {
    Objects.requireNonNull(pem, "publicKeyPem");
    String base64 =
        pem.replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("RSA")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("publicKeyPem is not an RSA public key in PEM text", e);
    }
  }

  @Override
  public String toString() {
    return "FlowUser[" + endpoint + "]";
  }

  /**
   * An answer from the data endpoint.
   *
   * @param status the HTTP status
   * @param json the decrypted JSON for 200 and 427; empty otherwise
   * @param rawBody the body as received
   */
  public record Reply(int status, Optional<String> json, String rawBody) {
    /** Checks for nulls. */
    public Reply {
      Objects.requireNonNull(json, "json");
      Objects.requireNonNull(rawBody, "rawBody");
    }

    /** Returns the screen the answer shows, {@code SUCCESS} when it closes the Flow. */
    public Optional<String> screen() {
      return json.map(j -> MAPPER.readTree(j).path("screen"))
          .filter(JsonNode::isString)
          .map(JsonNode::asString);
    }

    /**
     * Returns the answer's {@code data} as plain values (maps, lists, strings, numbers, booleans);
     * empty when it has none.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> data() {
      if (json.isEmpty()) {
        return Map.of();
      }
      JsonNode data = MAPPER.readTree(json.get()).path("data");
      return data.isObject()
          ? Collections.unmodifiableMap(MAPPER.convertValue(data, LinkedHashMap.class))
          : Map.of();
    }

    /**
     * Returns the {@code extension_message_response.params} of a closing answer; empty otherwise.
     * This is what the completion webhook's {@code response_json} carries.
     */
    public Optional<String> completionParams() {
      if (json.isEmpty()) {
        return Optional.empty();
      }
      JsonNode params =
          MAPPER
              .readTree(json.get())
              .path("data")
              .path("extension_message_response")
              .path("params");
      return params.isObject() ? Optional.of(MAPPER.writeValueAsString(params)) : Optional.empty();
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /** Builds a {@link FlowUser}. Not thread-safe. */
  public static final class Builder {
    private final URI endpoint;
    private final PublicKey publicKey;
    private String appSecret;
    private String version = "3.0";

    private Builder(URI endpoint, PublicKey publicKey) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      this.publicKey = publicKey;
    }

    /**
     * Sets the app secret that signs each request. Default: unsigned requests.
     *
     * @param appSecret the secret of the app connected to the Flow
     */
    public Builder appSecret(String appSecret) {
      this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
      return this;
    }

    /**
     * Sets the data API version the requests carry. Default {@code 3.0}.
     *
     * @param version {@code 3.0} or {@code 4.0}
     */
    public Builder version(String version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /** Returns the user. */
    public FlowUser build() {
      return new FlowUser(this);
    }
  }
}
