package dev.wasdk.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stands in for a user's id inside a de-duplication key, so that a shared dedupe store holds no
 * phone number in the clear: the first 128 bits of the id's SHA-256, in hex. Stable across app
 * instances and restarts, as a dedupe key must be; two ids collide with negligible odds.
 */
public final class UserIdHash {
  private UserIdHash() {}

  /**
   * Returns the hash of a user's id.
   *
   * @param id the id: a WhatsApp id, phone number or business-scoped user id
   * @return 32 hex digits
   */
  public static String of(String id) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this runtime", e);
    }
  }
}
