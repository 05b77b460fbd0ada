package dev.wasdk.testkit.internal;

import dev.wasdk.testkit.AudienceProfile;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The choices an {@link AudienceProfile} makes for one recipient of one template: a fixed function
 * of the seed, the template, the recipient and what is chosen, so that runs repeat.
 */
final class AudienceDraws {
  private AudienceDraws() {}

  /** Returns the error code the message fails with, or 0 when it is delivered. */
  static int failure(AudienceProfile p, String template, String recipient) {
    double u = uniform(p.seed(), template, recipient, 1);
    double at = 0;
    for (Map.Entry<Integer, Double> e : p.failureRates().entrySet()) {
      at += e.getValue();
      if (u < at) {
        return e.getKey();
      }
    }
    return 0;
  }

  /** Returns whether the recipient reads the message. */
  static boolean reads(AudienceProfile p, String template, String recipient) {
    return uniform(p.seed(), template, recipient, 2) < p.readRate();
  }

  /** Returns 1 when the recipient replies, 2 when they tap the button, 0 when neither. */
  static int reaction(AudienceProfile p, String template, String recipient) {
    double u = uniform(p.seed(), template, recipient, 3);
    if (u < p.replyRate()) {
      return 1;
    }
    return u < p.replyRate() + p.buttonTapRate() ? 2 : 0;
  }

  /** Returns whether the recipient clicks the URL button. */
  static boolean clicks(AudienceProfile p, String template, String recipient) {
    return uniform(p.seed(), template, recipient, 4) < p.urlClickRate();
  }

  private static double uniform(long seed, String template, String recipient, int purpose) {
    long h = seed * 0x9E3779B97F4A7C15L + purpose;
    for (byte b : (template + '\u0000' + recipient).getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ b);
    }
    return (mix(h) >>> 11) * 0x1.0p-53;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
