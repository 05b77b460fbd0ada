package dev.wasdk.flows;

import dev.wasdk.flows.internal.JsonTree;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code data} object of a Flow request: what the user entered on a screen, or what a Flow JSON
 * action sent. It offers typed accessors and the whole tree as plain Java values.
 *
 * <p>Values in {@link #asMap()} are {@code String}, {@code Long}, {@code BigInteger}, {@code
 * BigDecimal}, {@code Boolean}, nested unmodifiable {@code Map}s and {@code List}s; JSON {@code
 * null} members are left out. The typed accessors are tolerant: a missing key or a value of another
 * type gives an empty result, never an exception. WhatsApp sends most form fields as strings.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * String name = request.data().string("name").orElse("");
 * long party = request.data().longValue("party").orElse(1L);
 * List<String> extras = request.data().stringList("extras");
 * }</pre>
 */
public final class FlowData {
  private static final FlowData EMPTY = new FlowData(Map.of());

  private final Map<String, Object> values;

  private FlowData(Map<String, Object> values) {
    this.values = values;
  }

  /** Returns an empty data object. */
  public static FlowData empty() {
    return EMPTY;
  }

  /**
   * Returns a data object holding a copy of a map.
   *
   * @param values string keys to JSON-like values (String, Number, Boolean, Map, List, null)
   * @throws IllegalArgumentException naming the key of a value that is not JSON-like
   */
  public static FlowData of(Map<String, ?> values) {
    Objects.requireNonNull(values, "values");
    @SuppressWarnings("unchecked")
    Map<String, Object> copy = (Map<String, Object>) JsonTree.copy(values, "data");
    return new FlowData(withoutNulls(copy));
  }

  /** Returns a data object for a parsed JSON object, dropping null members. */
  static FlowData fromTree(Map<String, Object> tree) {
    return tree.isEmpty() ? EMPTY : new FlowData(withoutNulls(tree));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withoutNulls(Map<String, Object> tree) {
    Map<String, Object> out = new LinkedHashMap<>();
    tree.forEach(
        (k, v) -> {
          Object clean = clean(v);
          if (clean != null) {
            out.put(k, clean);
          }
        });
    return Collections.unmodifiableMap(out);
  }

  @SuppressWarnings("unchecked")
  private static Object clean(Object v) {
    if (v == JsonTree.NULL) {
      return null;
    }
    if (v instanceof Map<?, ?> m) {
      return withoutNulls((Map<String, Object>) m);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object e : l) {
        Object c = clean(e);
        if (c != null) {
          out.add(c);
        }
      }
      return Collections.unmodifiableList(out);
    }
    return v;
  }

  /** Returns the data as an unmodifiable map in the order received. */
  public Map<String, Object> asMap() {
    return values;
  }

  /** Returns the keys present. */
  public Set<String> keys() {
    return values.keySet();
  }

  /** Returns whether there are no members. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /**
   * Returns whether a key is present with a non-null value.
   *
   * @param key the member name
   */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /**
   * Returns a member's raw value.
   *
   * @param key the member name
   */
  public Optional<Object> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /**
   * Returns a string member; numbers and booleans are not converted.
   *
   * @param key the member name
   */
  public Optional<String> string(String key) {
    return values.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
  }

  /**
   * Returns an integer member, also read from a string of digits (form inputs arrive as strings).
   *
   * @param key the member name
   */
  public Optional<Long> longValue(String key) {
    Object v = values.get(key);
    if (v instanceof Long l) {
      return Optional.of(l);
    }
    if (v instanceof String s) {
      try {
        return Optional.of(Long.parseLong(s.strip()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Returns a number member as a decimal, also read from a numeric string.
   *
   * @param key the member name
   */
  public Optional<BigDecimal> decimal(String key) {
    Object v = values.get(key);
    if (v instanceof Long l) {
      return Optional.of(BigDecimal.valueOf(l));
    }
    if (v instanceof BigInteger i) {
      return Optional.of(new BigDecimal(i));
    }
    if (v instanceof BigDecimal d) {
      return Optional.of(d);
    }
    if (v instanceof String s && s.length() <= 100) {
      try {
        return Optional.of(new BigDecimal(s.strip()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Returns a boolean member, also read from the strings {@code "true"} and {@code "false"}.
   *
   * @param key the member name
   */
  public Optional<Boolean> bool(String key) {
    Object v = values.get(key);
    if (v instanceof Boolean b) {
      return Optional.of(b);
    }
    if ("true".equals(v) || "false".equals(v)) {
      return Optional.of(Boolean.parseBoolean((String) v));
    }
    return Optional.empty();
  }

  /**
   * Returns the strings of an array member (such as a checkbox group's selection); other elements
   * are skipped, and a missing member gives an empty list.
   *
   * @param key the member name
   */
  public List<String> stringList(String key) {
    if (!(values.get(key) instanceof List<?> list)) {
      return List.of();
    }
    List<String> out = new ArrayList<>(list.size());
    for (Object e : list) {
      if (e instanceof String s) {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Returns an object member as data.
   *
   * @param key the member name
   */
  @SuppressWarnings("unchecked")
  public Optional<FlowData> object(String key) {
    return values.get(key) instanceof Map<?, ?> m
        ? Optional.of(new FlowData((Map<String, Object>) m))
        : Optional.empty();
  }

  /** Returns the data as compact JSON. */
  public String toJson() {
    return JsonTree.write(values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FlowData d && d.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** Returns the keys only; values may be personal data and are never shown. */
  @Override
  public String toString() {
    return "FlowData" + values.keySet();
  }
}
