package dev.wasdk.internal.redis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a delivery's trace context (the propagation fields an observer wrote, such as {@code
 * traceparent}) as fields of a stream entry, each name under the prefix {@value #PREFIX} so that it
 * cannot collide with the event's own fields, and reads it back. An entry without such fields,
 * written before carriers existed or when nothing observed, has an empty carrier.
 *
 * <p>A carrier is small: W3C trace context is two fields under 600 characters. One over {@value
 * #MAX_FIELDS} fields or {@value #MAX_CHARS} characters (names and values together) is dropped with
 * a warning, on either side: the event is still handed off and handled, outside the trace. The
 * warning gives counts only, never the fields, which are not ours to log.
 */
public final class StreamCarrier {
  /** The prefix of every carrier field's name in an entry. */
  public static final String PREFIX = "ctx.";

  /** The most fields a carrier may have. */
  public static final int MAX_FIELDS = 32;

  /** The most characters a carrier's names and values may have together. */
  public static final int MAX_CHARS = 4096;

  private static final Logger log = LoggerFactory.getLogger(StreamCarrier.class);

  private StreamCarrier() {}

  /**
   * Returns the carrier as alternating prefixed names and values, to add to each entry of a
   * delivery; empty when the carrier is empty or over the bound.
   */
  public static List<String> encode(Map<String, String> carrier) {
    if (carrier.isEmpty()) {
      return List.of();
    }
    int chars = 0;
    for (Map.Entry<String, String> f : carrier.entrySet()) {
      chars += f.getKey().length() + f.getValue().length();
    }
    if (!withinBound(carrier.size(), chars)) {
      log.warn(
          "A webhook delivery's trace context has {} fields and {} characters, over the bound of {}"
              + " fields and {} characters; its events are handed off without it",
          carrier.size(),
          chars,
          MAX_FIELDS,
          MAX_CHARS);
      return List.of();
    }
    List<String> kv = new ArrayList<>(carrier.size() * 2);
    for (Map.Entry<String, String> f : carrier.entrySet()) {
      kv.add(PREFIX + f.getKey());
      kv.add(f.getValue());
    }
    return kv;
  }

  /**
   * Returns the carrier stored in an entry's fields: empty when the entry has none, or when it is
   * over the bound (an entry written by something else than this hand-off).
   */
  public static Map<String, String> decode(Map<String, String> entry) {
    Map<String, String> carrier = null;
    int chars = 0;
    for (Map.Entry<String, String> f : entry.entrySet()) {
      String name = f.getKey();
      if (name.startsWith(PREFIX) && name.length() > PREFIX.length() && f.getValue() != null) {
        if (carrier == null) {
          carrier = new HashMap<>(4);
        }
        String key = name.substring(PREFIX.length());
        carrier.put(key, f.getValue());
        chars += key.length() + f.getValue().length();
      }
    }
    if (carrier == null) {
      return Map.of();
    }
    if (!withinBound(carrier.size(), chars)) {
      log.warn(
          "A webhook event's stored trace context has {} fields and {} characters, over the bound"
              + " of {} fields and {} characters; it is handled without it",
          carrier.size(),
          chars,
          MAX_FIELDS,
          MAX_CHARS);
      return Map.of();
    }
    return Map.copyOf(carrier);
  }

  private static boolean withinBound(int fields, int chars) {
    return fields <= MAX_FIELDS && chars <= MAX_CHARS;
  }
}
