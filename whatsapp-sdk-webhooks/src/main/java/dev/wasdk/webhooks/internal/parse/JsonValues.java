package dev.wasdk.webhooks.internal.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Turns JSON text into plain Java values (maps, lists, strings, numbers, booleans). */
public final class JsonValues {
  private JsonValues() {}

  /**
   * Parses a JSON object into an unmodifiable map, in property order. JSON nulls are left out.
   * Returns an empty map for anything that is not a well-formed JSON object within the parser's
   * limits. Never throws.
   *
   * @param json the JSON text, may be null
   * @return the map; never null
   */
  public static Map<String, Object> parseObject(String json) {
    if (json == null || json.isEmpty()) {
      return Map.of();
    }
    try {
      JsonNode root = JsonSupport.MAPPER.readTree(json);
      if (root == null || !root.isObject()) {
        return Map.of();
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) toValue(root);
      return map;
    } catch (RuntimeException | StackOverflowError e) {
      return Map.of();
    }
  }

  // Depth is bounded by the parser's nesting limit, so the recursion is too.
  static Object toValue(JsonNode n) {
    if (n.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        Object v = toValue(e.getValue());
        if (v != null) {
          out.put(e.getKey(), v);
        }
      }
      return Collections.unmodifiableMap(out);
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>(n.size());
      for (JsonNode e : n.values()) {
        Object v = toValue(e);
        if (v != null) {
          out.add(v);
        }
      }
      return Collections.unmodifiableList(out);
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
    if (n.isNumber()) {
      return n.doubleValue();
    }
    return null;
  }
}
