package dev.wasdk.sender;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives the pseudonyms the stores keep instead of users' numbers: HMAC-SHA256 of a scope and the
 * user's key under a secret key, cut to 128 bits and Base64url-encoded. Without the secret, a
 * pseudonym cannot be turned back into a phone number by trying every number. Thread-safe.
 *
 * <p>A new key gives every user a new pseudonym: what the stores hold under the old key is then
 * orphaned (see the pacing guide on rotation).
 */
final class Pseudonyms {
  /**
   * The key used when none is configured. It is public, so pseudonyms made with it protect no more
   * than a plain hash: configure a secret key for any store outside this JVM.
   */
  static final Pseudonyms DEFAULT =
      new Pseudonyms("wasdk-default-pseudonym-key".getBytes(StandardCharsets.UTF_8), true);

  private final byte[] key;
  private final boolean isDefault;
  private final ThreadLocal<Mac> mac;

  private Pseudonyms(byte[] key, boolean isDefault) {
    this.key = key.clone();
    this.isDefault = isDefault;
    SecretKeySpec spec = new SecretKeySpec(this.key, "HmacSHA256");
    this.mac =
        ThreadLocal.withInitial(
            () -> {
              try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(spec);
                return m;
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
              }
            });
  }

  /**
   * Returns the pseudonyms under {@code key}.
   *
   * @throws IllegalArgumentException when the key is shorter than 32 bytes
   */
  static Pseudonyms withKey(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length < 32) {
      throw new IllegalArgumentException(
          "the pseudonym key must be at least 32 bytes (256 bits), was " + key.length);
    }
    return new Pseudonyms(key, false);
  }

  boolean isDefault() {
    return isDefault;
  }

  /** Returns the pseudonym of {@code userKey} within {@code scope}. */
  String of(String scope, String userKey) {
    Mac m = mac.get();
    m.reset();
    m.update(scope.getBytes(StandardCharsets.UTF_8));
    m.update((byte) 0);
    byte[] digest = m.doFinal(userKey.getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
  }

  @Override
  public String toString() {
    return isDefault ? "Pseudonyms[default key]" : "Pseudonyms[configured key]";
  }
}
