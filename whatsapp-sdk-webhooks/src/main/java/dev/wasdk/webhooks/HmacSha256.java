package dev.wasdk.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one fixed key. Thread-safe: a {@link Mac} is not, so each computation works on
 * a clone of a keyed prototype, which skips the provider lookup and the key schedule.
 */
final class HmacSha256 {
  static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final Mac prototype;
  private final boolean cloneable;
  private final LongAdder computations = new LongAdder();

  HmacSha256(String secret, String what) {
    Objects.requireNonNull(secret, what);
    if (secret.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.prototype = newKeyedMac(key);
    this.cloneable = supportsClone(prototype);
  }

  /** Returns the 32-byte MAC of {@code data}. */
  byte[] compute(byte[] data) {
    computations.increment();
    return mac().doFinal(data);
  }

  /** Returns how many MACs this key computed; tests hold the cost of a request to its bound. */
  long computations() {
    return computations.sum();
  }

  private Mac mac() {
    if (cloneable) {
      try {
        return (Mac) prototype.clone();
      } catch (CloneNotSupportedException e) {
        // checked once in the constructor; a provider that changes its mind falls through
      }
    }
    return newKeyedMac(key);
  }

  private static boolean supportsClone(Mac mac) {
    try {
      mac.clone();
      return true;
    } catch (CloneNotSupportedException e) {
      return false;
    }
  }

  private static Mac newKeyedMac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // every Java SE runtime must provide HmacSHA256
      throw new IllegalStateException("HmacSHA256 is not available in this runtime", e);
    }
  }
}
