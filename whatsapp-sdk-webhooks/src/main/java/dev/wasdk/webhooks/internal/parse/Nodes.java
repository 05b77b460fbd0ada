package dev.wasdk.webhooks.internal.parse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Tolerant accessors over {@link Dom} trees: a missing or wrong-typed property reads as absent,
 * never as an exception. Every {@code parent} may be null, which reads as an empty object.
 */
final class Nodes {
  // Instant's own range, so Instant.ofEpochSecond never throws.
  private static final long MIN_EPOCH_SECOND = -31557014167219200L;
  private static final long MAX_EPOCH_SECOND = 31556889864403199L;

  private Nodes() {}

  private static Object get(Dom.Obj parent, String name) {
    return parent == null ? null : parent.get(name);
  }

  /** Returns the child object, or null if absent or not an object. */
  static Dom.Obj obj(Dom.Obj parent, String name) {
    Object v = get(parent, name);
    return v instanceof Dom.Obj ? (Dom.Obj) v : null;
  }

  /** Returns the child array; empty if absent or not an array. */
  static Dom.Arr arr(Dom.Obj parent, String name) {
    Object v = get(parent, name);
    return v instanceof Dom.Arr ? (Dom.Arr) v : Dom.EMPTY_ARRAY;
  }

  /** Returns a scalar child as text (numbers and booleans too), or null. */
  static String text(Dom.Obj parent, String name) {
    return scalar(get(parent, name));
  }

  /** Returns a scalar as text, or null for missing values, null, objects and arrays. */
  static String scalar(Object v) {
    if (v instanceof String) {
      return (String) v;
    }
    if (v instanceof Number || v instanceof Boolean) {
      // Long and BigInteger print as plain digits, Double as Double.toString: never a
      // BigDecimal.toPlainString, which a hostile exponent could make enormous.
      return v.toString();
    }
    return null;
  }

  /** Returns a scalar as text, or "" for anything else. */
  static String textOf(Object v) {
    String s = scalar(v);
    return s == null ? "" : s;
  }

  /** Returns a scalar as an id: null when missing, blank, or not a scalar. */
  static String idOf(Object v) {
    String s = scalar(v);
    return s == null || s.isBlank() ? null : s;
  }

  /** Returns the value if it is an object, else null. */
  static Dom.Obj objOf(Object v) {
    return v instanceof Dom.Obj ? (Dom.Obj) v : null;
  }

  /** Returns JSON true or the string "true" as true, anything else as false. */
  static boolean flagOf(Object v) {
    return Boolean.TRUE.equals(v) || (v instanceof String && "true".equalsIgnoreCase((String) v));
  }

  /** Returns a scalar child as text, or "" if absent. */
  static String textOr(Dom.Obj parent, String name) {
    String s = text(parent, name);
    return s == null ? "" : s;
  }

  /** Returns a scalar child as text. */
  static Optional<String> opt(Dom.Obj parent, String name) {
    return Optional.ofNullable(text(parent, name));
  }

  /** Returns a scalar child as an id: absent when missing or blank. */
  static Optional<String> id(Dom.Obj parent, String name) {
    String s = text(parent, name);
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  /** Returns a boolean child: true only for JSON true or the string "true". */
  static boolean flag(Dom.Obj parent, String name) {
    Optional<Boolean> b = bool(parent, name);
    return b.isPresent() && b.get();
  }

  /** Returns a boolean child, accepting JSON booleans and the strings "true"/"false". */
  static Optional<Boolean> bool(Dom.Obj parent, String name) {
    Object v = get(parent, name);
    if (v instanceof Boolean) {
      return Optional.of((Boolean) v);
    }
    if (v instanceof String) {
      String s = (String) v;
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
  static OptionalLong longValue(Dom.Obj parent, String name) {
    return longValue(get(parent, name));
  }

  static OptionalLong longValue(Object v) {
    if (v instanceof Long) {
      return OptionalLong.of((Long) v);
    }
    if (v instanceof BigInteger) {
      BigInteger b = (BigInteger) v;
      return b.bitLength() < 64 ? OptionalLong.of(b.longValue()) : OptionalLong.empty();
    }
    if (v instanceof Double) {
      double d = (Double) v;
      if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9.0e18) {
        return OptionalLong.of((long) d);
      }
      return OptionalLong.empty();
    }
    if (v instanceof String) {
      return parseLong(((String) v).trim());
    }
    return OptionalLong.empty();
  }

  /**
   * Parses an optionally signed decimal integer, or returns empty when it is not one or does not
   * fit a long. One pass, accumulating negatively as {@link Long#parseLong} does, so that {@code
   * Long.MIN_VALUE} fits: every status carries one or two numeric-string timestamps, and the
   * earlier check-then-{@code Long.parseLong} was the thousand-status parse's largest single cost.
   */
  static OptionalLong parseLong(String s) {
    int len = s.length();
    if (len == 0 || len > 20) {
      return OptionalLong.empty();
    }
    char first = s.charAt(0);
    boolean negative = first == '-';
    int i = negative || first == '+' ? 1 : 0;
    if (i == len) {
      return OptionalLong.empty();
    }
    long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
    long limitBeforeMultiply = limit / 10;
    long result = 0;
    for (; i < len; i++) {
      int digit = s.charAt(i) - '0';
      if (digit < 0 || digit > 9 || result < limitBeforeMultiply) {
        return OptionalLong.empty();
      }
      result *= 10;
      if (result < limit + digit) {
        return OptionalLong.empty();
      }
      result -= digit;
    }
    return OptionalLong.of(negative ? result : -result);
  }

  /** Returns an integral child, or {@code otherwise} if absent or not integral. */
  static long longOr(Dom.Obj parent, String name, long otherwise) {
    OptionalLong v = longValue(parent, name);
    return v.isPresent() ? v.getAsLong() : otherwise;
  }

  /** Returns a number child (number or numeric string) as a double, or NaN. */
  static double doubleOr(Dom.Obj parent, String name) {
    Object v = get(parent, name);
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof String) {
      String s = ((String) v).trim();
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

  /** Returns a decimal child (number or numeric string) when it is finite. */
  static Optional<BigDecimal> decimal(Dom.Obj parent, String name) {
    Object v = get(parent, name);
    if (v instanceof Long) {
      return Optional.of(BigDecimal.valueOf((Long) v));
    }
    if (v instanceof BigInteger) {
      return Optional.of(new BigDecimal((BigInteger) v));
    }
    double d = doubleOr(parent, name);
    return Double.isFinite(d) ? Optional.of(BigDecimal.valueOf(d)) : Optional.empty();
  }

  /** Returns a Unix-seconds child (number or numeric string) as an instant, or null. */
  static Instant instant(Dom.Obj parent, String name) {
    return instant(get(parent, name));
  }

  /** Returns Unix seconds (number or numeric string) as an instant, or null. */
  static Instant instant(Object v) {
    OptionalLong s = longValue(v);
    if (s.isEmpty()) {
      return null;
    }
    long sec = s.getAsLong();
    return sec < MIN_EPOCH_SECOND || sec > MAX_EPOCH_SECOND ? null : Instant.ofEpochSecond(sec);
  }

  /** Returns a Unix-seconds child as an instant, or the epoch. */
  static Instant instantOrEpoch(Dom.Obj parent, String name) {
    Instant i = instant(parent, name);
    return i == null ? Instant.EPOCH : i;
  }

  /** Returns a Unix-seconds child as an optional instant. */
  static Optional<Instant> optInstant(Dom.Obj parent, String name) {
    return Optional.ofNullable(instant(parent, name));
  }

  /** Returns the scalar elements of a child array as text. */
  static List<String> texts(Dom.Obj parent, String name) {
    Dom.Arr items = arr(parent, name);
    if (items.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(items.size());
    for (Object v : items) {
      String s = scalar(v);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }
}
