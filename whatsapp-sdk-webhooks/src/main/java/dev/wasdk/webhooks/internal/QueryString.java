package dev.wasdk.webhooks.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decodes raw query strings for the adapters. */
public final class QueryString {
  private QueryString() {}

  /**
   * Decodes {@code a=1&b=2} into a map. The first value of a repeated name wins; pairs with bad
   * percent escapes are skipped.
   *
   * @param raw the raw (still encoded) query, without {@code ?}; null for none
   */
  public static Map<String, String> parse(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        out.putIfAbsent(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException malformed) {
        // a bad escape in one pair leaves the others usable
      }
    }
    return out;
  }
}
