package dev.wasdk.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies as Meta does: HMAC-SHA256 of the exact body bytes with the app secret, as
 * {@code sha256=<lowercase hex>} for the {@code X-Hub-Signature-256} header. Thread-safe.
 */
public final class Hmac {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final SecretKeySpec key;

  /** Creates a signer for an app secret. */
  public Hmac(String appSecret) {
    this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** Returns the header value for a body. */
  public String sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return "sha256=" + hex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** Returns bytes as lowercase hex. */
  public static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[bytes[i] & 0xF];
    }
    return new String(out);
  }

  @Override
  public String toString() {
    return "Hmac[secret=<redacted>]";
  }
}
