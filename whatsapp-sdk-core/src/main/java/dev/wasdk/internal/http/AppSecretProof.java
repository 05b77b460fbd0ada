package dev.wasdk.internal.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes Graph's {@code appsecret_proof}: the HMAC-SHA256 of the access token sent with a
 * request, keyed with the app secret, in lower-case hex. Meta requires it on every server call once
 * an app turns on "Require App Secret". Immutable and thread-safe (a {@link Mac} is made per call,
 * which happens only when the token changes); {@link #toString()} never shows the secret.
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/securing-requests">Securing Graph
 *     API requests</a>
 */
public final class AppSecretProof {
  /** The query parameter that carries the proof. */
  public static final String PARAMETER = "appsecret_proof";

  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec key;

  private AppSecretProof(SecretKeySpec key) {
    this.key = key;
  }

  /**
   * Returns a proof maker for an app secret.
   *
   * @param appSecret the app secret from the App Dashboard (Settings, Basic)
   * @return the proof maker
   * @throws IllegalArgumentException if the secret is blank or contains whitespace
   */
  public static AppSecretProof of(String appSecret) {
    Objects.requireNonNull(appSecret, "appSecret");
    if (appSecret.isBlank() || appSecret.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("appSecret must be non-blank, without whitespace");
    }
    return new AppSecretProof(
        new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
  }

  /**
   * Returns the proof for a token.
   *
   * @param accessToken the token the request carries
   * @return 64 lower-case hex digits
   */
  public String proof(String accessToken) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      // Every Java runtime must provide HmacSHA256, so this means a broken runtime.
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** Returns a fixed text without the secret. */
  @Override
  public String toString() {
    return "AppSecretProof[secret=***]";
  }
}
