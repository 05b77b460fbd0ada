package dev.wasdk.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Converts between JSON and plain Java values, so that raw Graph calls expose no Jackson type:
 * objects become unmodifiable {@code Map<String, Object>} in document order, arrays unmodifiable
 * {@code List<Object>}, strings {@code String}, integers {@code Long} (or {@code BigInteger} when
 * too large), other numbers {@code Double} (or {@code BigDecimal} when the parser kept one), true
 * and false {@code Boolean}, and JSON null {@code null}. Stateless; thread-safe.
 */
public final class PlainJson {
  private PlainJson() {}

  /**
   * Returns the plain value of a JSON text.
   *
   * @param body the UTF-8 JSON bytes
   * @return the value; null for an empty body or JSON null
   * @throws IllegalArgumentException if the bytes are not JSON
   */
  public static Object read(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not JSON (" + body.length + " bytes)", e);
    }
    return node == null ? null : plain(node);
  }

  /**
   * Returns the JSON bytes of a plain value.
   *
   * @param value maps with string keys, lists, strings, numbers, booleans and nulls, nested
   * @return the compact UTF-8 JSON
   * @throws IllegalArgumentException naming the path of a value of another type
   */
  public static byte[] write(Object value) {
    check(value, "$");
    return Json.MAPPER.writeValueAsBytes(value);
  }

  /**
   * Checks that a text is one JSON value and returns its UTF-8 bytes unchanged.
   *
   * @param json the text
   * @return its bytes
   * @throws IllegalArgumentException if it is not JSON
   */
  public static byte[] checkText(String json) {
    byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try {
      if (Json.MAPPER.readTree(bytes) == null) {
        throw new IllegalArgumentException("the JSON body is empty");
      }
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "the body is not valid JSON: " + e.getOriginalMessage(), e);
    }
    return bytes;
  }

  private static Object plain(JsonNode n) {
    if (n.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        m.put(e.getKey(), plain(e.getValue()));
      }
      return Collections.unmodifiableMap(m);
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>(n.size());
      for (JsonNode x : n) {
        l.add(plain(x));
      }
      return Collections.unmodifiableList(l);
    }
    if (n.isString()) {
      return n.stringValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
    }
    if (n.isBigDecimal()) {
      return n.decimalValue();
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    return null;
  }

  private static void check(Object v, String path) {
    if (v == null
        || v instanceof String
        || v instanceof Boolean
        || v instanceof Integer
        || v instanceof Long
        || v instanceof Short
        || v instanceof Byte
        || v instanceof Double
        || v instanceof Float
        || v instanceof BigInteger
        || v instanceof BigDecimal) {
      return;
    }
    if (v instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String k)) {
          throw new IllegalArgumentException(path + " has a key that is not a String");
        }
        check(e.getValue(), path + "." + k);
      }
      return;
    }
    if (v instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        check(l.get(i), path + "[" + i + "]");
      }
      return;
    }
    throw new IllegalArgumentException(
        path
            + " is a "
            + v.getClass().getName()
            + "; a JSON body holds only maps, lists, strings, numbers, booleans and nulls");
  }
}
