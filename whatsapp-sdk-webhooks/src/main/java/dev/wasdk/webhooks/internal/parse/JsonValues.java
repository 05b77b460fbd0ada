package dev.wasdk.webhooks.internal.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

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
    try (JsonParser p = JsonSupport.FACTORY.createParser(ObjectReadContext.empty(), json)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        return Map.of();
      }
      Object root = Dom.read(p, t);
      if (p.nextToken() != null) {
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
  private static Object toValue(Object v) {
    if (v instanceof Dom.Obj) {
      Dom.Obj o = (Dom.Obj) v;
      Map<String, Object> out = new LinkedHashMap<>();
      for (int i = 0; i < o.size(); i++) {
        Object e = toValue(o.value(i));
        if (e != null) {
          out.put(o.name(i), e);
        } else {
          out.remove(o.name(i));
        }
      }
      return Collections.unmodifiableMap(out);
    }
    if (v instanceof Dom.Arr) {
      Dom.Arr a = (Dom.Arr) v;
      List<Object> out = new ArrayList<>(a.size());
      for (Object e : a) {
        Object x = toValue(e);
        if (x != null) {
          out.add(x);
        }
      }
      return Collections.unmodifiableList(out);
    }
    return v == Dom.NULL ? null : v;
  }
}
