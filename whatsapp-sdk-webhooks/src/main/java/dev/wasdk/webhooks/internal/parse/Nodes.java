package dev.wasdk.webhooks.internal.parse;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * Tolerant accessors over Jackson trees: a missing or wrong-typed property reads as absent, never
 * as an exception.
 */
final class Nodes {
  // Instant's own range, so Instant.ofEpochSecond never throws.
  private static final long MIN_EPOCH_SECOND = -31557014167219200L;
  private static final long MAX_EPOCH_SECOND = 31556889864403199L;

  private Nodes() {}

  /** Returns the child object, or null if absent or not an object. */
  static JsonNode obj(JsonNode parent, String name) {
    if (parent == null) {
      return null;
    }
    JsonNode n = parent.get(name);
    return n != null && n.isObject() ? n : null;
  }

  /** Returns the elements of the child array; empty if absent or not an array. */
  static Collection<JsonNode> arr(JsonNode parent, String name) {
    if (parent == null) {
      return List.of();
    }
    JsonNode n = parent.get(name);
    return n != null && n.isArray() ? n.values() : List.of();
  }

  /** Returns a scalar child as text (numbers and booleans too), or null. */
  static String text(JsonNode parent, String name) {
    return parent == null ? null : scalar(parent.get(name));
  }

  /** Returns a scalar as text, or null for missing nodes, null, objects and arrays. */
  static String scalar(JsonNode n) {
    if (n == null) {
      return null;
    }
    if (n.isString()) {
      return n.stringValue();
    }
    if (n.isNumber()) {
      // Integer, Long, BigInteger print as plain digits; Double as Double.toString. Never
      // BigDecimal.toPlainString, which a hostile exponent could make enormous.
      return n.numberValue().toString();
    }
    if (n.isBoolean()) {
      return n.booleanValue() ? "true" : "false";
    }
    return null;
  }

  /** Returns a scalar child as text, or "" if absent. */
  static String textOr(JsonNode parent, String name) {
    String s = text(parent, name);
    return s == null ? "" : s;
  }

  /** Returns a scalar child as text. */
  static Optional<String> opt(JsonNode parent, String name) {
    return Optional.ofNullable(text(parent, name));
  }

  /** Returns a scalar child as an id: absent when missing or blank. */
  static Optional<String> id(JsonNode parent, String name) {
    String s = text(parent, name);
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  /** Returns a boolean child: true only for JSON true or the string "true". */
  static boolean flag(JsonNode parent, String name) {
    Optional<Boolean> b = bool(parent, name);
    return b.isPresent() && b.get();
  }

  /** Returns a boolean child, accepting JSON booleans and the strings "true"/"false". */
  static Optional<Boolean> bool(JsonNode parent, String name) {
    if (parent == null) {
      return Optional.empty();
    }
    JsonNode n = parent.get(name);
    if (n == null) {
      return Optional.empty();
    }
    if (n.isBoolean()) {
      return Optional.of(n.booleanValue());
    }
    if (n.isString()) {
      String s = n.stringValue();
      if ("true".equalsIgnoreCase(s)) {
        return Optional.of(Boolean.TRUE);
      }
      if ("false".equalsIgnoreCase(s)) {
        return Optional.of(Boolean.FALSE);
      }
    }
    return Optional.empty();
  }

  /** Returns an integral child (number or numeric string); empty if absent or not integral. */
  static OptionalLong longValue(JsonNode parent, String name) {
    if (parent == null) {
      return OptionalLong.empty();
    }
    return longValue(parent.get(name));
  }

  static OptionalLong longValue(JsonNode n) {
    if (n == null) {
      return OptionalLong.empty();
    }
    if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
    }
    if (n.isNumber()) {
      double d = n.doubleValue();
      if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9.0e18) {
        return OptionalLong.of((long) d);
      }
      return OptionalLong.empty();
    }
    if (n.isString()) {
      return parseLong(n.stringValue().trim());
    }
    return OptionalLong.empty();
  }

  private static OptionalLong parseLong(String s) {
    int len = s.length();
    if (len == 0 || len > 19) {
      return OptionalLong.empty();
    }
    int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
    if (i == len) {
      return OptionalLong.empty();
    }
    for (int j = i; j < len; j++) {
      char c = s.charAt(j);
      if (c < '0' || c > '9') {
        return OptionalLong.empty();
      }
    }
    try {
      return OptionalLong.of(Long.parseLong(s));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** Returns an integral child, or {@code otherwise} if absent or not integral. */
  static long longOr(JsonNode parent, String name, long otherwise) {
    OptionalLong v = longValue(parent, name);
    return v.isPresent() ? v.getAsLong() : otherwise;
  }

  /** Returns a double child (number or numeric string), or NaN. */
  static double doubleOr(JsonNode parent, String name) {
    JsonNode n = parent == null ? null : parent.get(name);
    if (n == null) {
      return Double.NaN;
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isString()) {
      String s = n.stringValue().trim();
      if (s.isEmpty() || s.length() > 64) {
        return Double.NaN;
      }
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  /** Returns a decimal child (number or numeric string) when it is finite and of sane scale. */
  static Optional<BigDecimal> decimal(JsonNode parent, String name) {
    JsonNode n = parent == null ? null : parent.get(name);
    if (n == null) {
      return Optional.empty();
    }
    if (n.isIntegralNumber()) {
      return Optional.of(new BigDecimal(n.bigIntegerValue()));
    }
    double d = doubleOr(parent, name);
    return Double.isFinite(d) ? Optional.of(BigDecimal.valueOf(d)) : Optional.empty();
  }

  /** Returns a Unix-seconds child (number or numeric string) as an instant, or null. */
  static Instant instant(JsonNode parent, String name) {
    return parent == null ? null : instant(parent.get(name));
  }

  /** Returns Unix seconds (number or numeric string) as an instant, or null. */
  static Instant instant(JsonNode n) {
    OptionalLong v = longValue(n);
    if (v.isEmpty()) {
      return null;
    }
    long s = v.getAsLong();
    return s < MIN_EPOCH_SECOND || s > MAX_EPOCH_SECOND ? null : Instant.ofEpochSecond(s);
  }

  /** Returns a Unix-seconds child as an instant, or the epoch. */
  static Instant instantOrEpoch(JsonNode parent, String name) {
    Instant i = instant(parent, name);
    return i == null ? Instant.EPOCH : i;
  }

  /** Returns a Unix-seconds child as an optional instant. */
  static Optional<Instant> optInstant(JsonNode parent, String name) {
    return Optional.ofNullable(instant(parent, name));
  }

  /** Returns the scalar elements of a child array as text. */
  static List<String> texts(JsonNode parent, String name) {
    Collection<JsonNode> items = arr(parent, name);
    if (items.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(items.size());
    for (JsonNode n : items) {
      String s = scalar(n);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }
}
