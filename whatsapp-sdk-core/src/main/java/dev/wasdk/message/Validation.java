package dev.wasdk.message;

import dev.wasdk.error.InvalidMessageException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks shared by the message kinds; every failure names the field path as WhatsApp sees it and
 * reports sizes or counts, never the value of free text.
 */
final class Validation {
  private Validation() {}

  /** Requires a non-null string of {@code min..max} UTF-16 code units. */
  static String text(String path, String value, int min, int max) {
    if (value == null) {
      throw new InvalidMessageException(path, "present", "missing");
    }
    int n = value.length();
    if (n < min || n > max) {
      String rule =
          min == max
              ? "exactly " + min + " characters"
              : min <= 0 ? "at most " + max + " characters" : min + " to " + max + " characters";
      throw new InvalidMessageException(path, rule, n + " characters");
    }
    if (min > 0 && value.isBlank()) {
      throw new InvalidMessageException(path, "not blank", "blank");
    }
    return value;
  }

  /** Like {@link #text} but null is allowed and passes through. */
  static String optionalText(String path, String value, int min, int max) {
    return value == null ? null : text(path, value, min, max);
  }

  /** Checks an optional text of {@code 1..max} characters when present. */
  static Optional<String> optionalText(String path, Optional<String> value, int max) {
    Objects.requireNonNull(value, path);
    value.ifPresent(v -> text(path, v, 1, max));
    return value;
  }

  /** Requires a non-null, non-blank string of any length. */
  static String required(String path, String value) {
    return text(path, value, 1, Integer.MAX_VALUE);
  }

  /** Checks an optional non-blank string when present. */
  static Optional<String> optionalRequired(String path, Optional<String> value) {
    return optionalText(path, value, Integer.MAX_VALUE);
  }

  /** Requires a collection of {@code min..max} elements. */
  static <C extends Collection<?>> C count(String path, C values, int min, int max) {
    if (values == null) {
      throw new InvalidMessageException(path, "present", "missing");
    }
    int n = values.size();
    if (n < min || n > max) {
      String rule = min == max ? "exactly " + min + " items" : min + " to " + max + " items";
      throw new InvalidMessageException(path, rule, n + " items");
    }
    return values;
  }

  /**
   * Requires a list of {@code min..max} elements. Too few names the array ({@code sections}); too
   * many names the first element past the limit ({@code sections[10]}), as WhatsApp would.
   */
  static <T> List<T> items(String path, List<T> values, int min, int max) {
    if (values == null) {
      throw new InvalidMessageException(path, "present", "missing");
    }
    int n = values.size();
    String rule = min == max ? "exactly " + min + " items" : min + " to " + max + " items";
    if (n > max) {
      throw new InvalidMessageException(path + "[" + max + "]", rule, n + " items");
    }
    if (n < min) {
      throw new InvalidMessageException(path, rule, n + " items");
    }
    return values;
  }

  /**
   * Requires that {@code key} gives a different value for every element of a list.
   *
   * @param path the array path, such as {@code interactive.action.buttons}
   * @param suffix the key's path inside an element, such as {@code .reply.id}
   * @param what what the uniqueness is among, for the message, such as {@code "button ids"}
   */
  static <T> void unique(
      String path, List<T> values, Function<T, String> key, String suffix, String what) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      Integer first = seen.putIfAbsent(key.apply(values.get(i)), i);
      if (first != null) {
        throw new InvalidMessageException(
            path + "[" + i + "]" + suffix,
            "unique among the " + what,
            "a duplicate of " + path + "[" + first + "]" + suffix);
      }
    }
  }

  /** Requires a value without leading or trailing whitespace. */
  static String noEdgeWhitespace(String path, String value) {
    if (!value.isEmpty()
        && (Character.isWhitespace(value.charAt(0))
            || Character.isWhitespace(value.charAt(value.length() - 1)))) {
      throw new InvalidMessageException(
          path, "without leading or trailing whitespace", "leading or trailing whitespace");
    }
    return value;
  }

  /** Requires a finite number in {@code min..max}; the value itself is not reported. */
  static double range(String path, double value, double min, double max) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new InvalidMessageException(
          path, "a finite number from " + min + " to " + max, "not finite");
    }
    if (value < min || value > max) {
      throw new InvalidMessageException(
          path,
          "a number from " + min + " to " + max,
          value < min ? "less than " + min : "greater than " + max);
    }
    return value;
  }

  /** Requires an absolute {@code http} or {@code https} URL with a host. */
  static URI httpUrl(String path, URI url) {
    if (url == null) {
      throw new InvalidMessageException(path, "present", "missing");
    }
    String scheme = url.getScheme();
    String problem = null;
    if (scheme == null) {
      problem = "no scheme";
    } else if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
      problem = "scheme " + scheme;
    } else if (url.getHost() == null) {
      problem = "no host";
    }
    if (problem != null) {
      throw new InvalidMessageException(path, "an absolute http(s) URL", problem);
    }
    return url;
  }

  /** Parses a URL given as text; a malformed one fails with the field path. */
  static URI parseUrl(String path, String url) {
    Objects.requireNonNull(url, path);
    try {
      return httpUrl(path, new URI(url));
    } catch (URISyntaxException e) {
      throw new InvalidMessageException(path, "an absolute http(s) URL", "not a URL");
    }
  }

  /** Requires an envelope without {@code context}, for kinds that cannot quote a message. */
  static void noContext(Envelope envelope, String kind) {
    if (envelope.replyTo().isPresent()) {
      throw new InvalidMessageException(
          "context", "absent: " + kind + " messages cannot be contextual replies", "present");
    }
  }

  /**
   * Returns an unmodifiable, order-preserving deep copy of JSON-like data: maps with string keys,
   * lists, strings, booleans and numbers. Anything else fails with the path of the offending value.
   */
  static Map<String, Object> jsonObject(String path, Map<String, ?> data) {
    Objects.requireNonNull(data, path);
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : data.entrySet()) {
      if (e.getKey() == null) {
        throw new InvalidMessageException(path, "keys that are strings", "a null key");
      }
      String child = path + "." + e.getKey();
      copy.put(e.getKey(), jsonValue(child, e.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object jsonValue(String path, Object value) {
    if (value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger
        || value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new InvalidMessageException(path, "a finite number", "not finite");
      }
      return value;
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String k)) {
          throw new InvalidMessageException(
              path,
              "keys that are strings",
              e.getKey() == null ? "a null key" : "a non-string key");
        }
        copy.put(k, jsonValue(path + "." + k, e.getValue()));
      }
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) {
        copy.add(jsonValue(path + "[" + i + "]", l.get(i)));
      }
      return Collections.unmodifiableList(copy);
    }
    throw new InvalidMessageException(
        path,
        "a string, number, boolean, list or map",
        value == null ? "null" : value.getClass().getSimpleName());
  }

  /** Returns an unmodifiable, order-preserving copy of a string map with non-null entries. */
  static Map<String, String> stringMap(String path, Map<String, String> map) {
    Objects.requireNonNull(map, path);
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : map.entrySet()) {
      if (e.getKey() == null) {
        throw new InvalidMessageException(path, "keys that are strings", "a null key");
      }
      if (e.getValue() == null) {
        throw new InvalidMessageException(path + "." + e.getKey(), "present", "null");
      }
      copy.put(e.getKey(), e.getValue());
    }
    return Collections.unmodifiableMap(copy);
  }

  static Envelope envelope(Envelope e) {
    e.bizOpaqueCallbackData()
        .ifPresent(
            d -> text("biz_opaque_callback_data", d, 1, Limits.BIZ_OPAQUE_CALLBACK_DATA_MAX));
    e.replyTo().ifPresent(id -> text("context.message_id", id, 1, Integer.MAX_VALUE));
    return e;
  }
}
