package dev.wasdk.webhooks;

import java.util.HexFormat;
import java.util.Objects;

/**
 * Signs webhook bodies the way Meta does, producing {@code X-Hub-Signature-256} header values. Use
 * it in tests and simulators to send deliveries that a {@link SignatureVerifier} with the same app
 * secret accepts.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * byte[] body = json.getBytes(StandardCharsets.UTF_8);
 * String header = WebhookSigner.of("test-app-secret").sign(body); // "sha256=9f86..."
 * }</pre>
 */
public final class WebhookSigner {
  private static final String PREFIX = "sha256=";
  private static final HexFormat HEX = HexFormat.of();

  private final HmacSha256 hmac;

  private WebhookSigner(HmacSha256 hmac) {
    this.hmac = hmac;
  }

  /**
   * Returns a signer for an app secret.
   *
   * @param appSecret the app secret; not empty
   * @throws IllegalArgumentException if the secret is empty
   */
  public static WebhookSigner of(String appSecret) {
    return new WebhookSigner(new HmacSha256(appSecret, "appSecret"));
  }

  /**
   * Returns the {@code X-Hub-Signature-256} value for a body: {@code sha256=} and the lowercase hex
   * HMAC-SHA256 of the bytes.
   *
   * @param body the exact bytes that will be sent
   */
  public String sign(byte[] body) {
    Objects.requireNonNull(body, "body");
    return PREFIX + HEX.formatHex(hmac.compute(body));
  }

  @Override
  public String toString() {
    return "WebhookSigner[]";
  }
}
