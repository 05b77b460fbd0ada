package dev.wasdk.flows.internal;

import dev.wasdk.flows.FlowData;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;

/**
 * Reads JSON into plain Java values (unmodifiable {@code Map}s in property order, {@code List}s,
 * {@code String}, {@code Long}, {@code BigInteger}, {@code BigDecimal}, {@code Boolean}, and {@link
 * #NULL} for JSON null) and writes such values back.
 */
public final class JsonTree {
  /** Stands for JSON {@code null} inside maps and lists. */
  public static final Object NULL = new Object();

  private JsonTree() {}

  /**
   * Parses a JSON object.
   *
   * @throws IllegalArgumentException if the text is not one well-formed JSON object
   */
  public static Map<String, Object> readObject(String json) {
    try (JsonParser p = Json.FACTORY.createParser(ObjectReadContext.empty(), json)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      Object value = read(p, t);
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("text after the JSON object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) value;
      return map;
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not well-formed JSON");
    }
  }

  // Depth is bounded by the factory's nesting limit.
  private static Object read(JsonParser p, JsonToken t) {
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = p.currentName();
          map.put(name, read(p, p.nextToken()));
        }
        return Collections.unmodifiableMap(map);
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
          list.add(read(p, e));
        }
        return Collections.unmodifiableList(list);
      }
      case VALUE_STRING -> {
        return p.getString();
      }
      case VALUE_NUMBER_INT -> {
        return switch (p.getNumberType()) {
          case INT, LONG -> p.getLongValue();
          default -> p.getBigIntegerValue();
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDecimalValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return NULL;
      }
      default -> throw new IllegalArgumentException("unexpected JSON token " + t);
    }
  }

  /**
   * Writes a value as compact JSON.
   *
   * @param value a {@code Map} with string keys, {@code Collection}, {@code String}, {@code
   *     Number}, {@code Boolean}, null or {@link #NULL}
   * @throws IllegalArgumentException for any other type, naming where it sits
   */
  public static String write(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Json.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      write(g, value, "$");
    }
    return out.toString();
  }

  /**
   * Checks that a value can be written, returning an unmodifiable copy.
   *
   * @param path where the value sits, for the error message
   * @throws IllegalArgumentException naming the path of the first unsupported value
   */
  public static Object copy(Object value, String path) {
    if (value == null || value == NULL) {
      return NULL;
    }
    if (value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Number n) {
      return number(n, path);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException(path + ": map keys must be strings");
        }
        out.put(key, copy(e.getValue(), path + "." + key));
      }
      return Collections.unmodifiableMap(out);
    }
    if (value instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      int i = 0;
      for (Object e : c) {
        out.add(copy(e, path + "[" + i++ + "]"));
      }
      return Collections.unmodifiableList(out);
    }
    if (value instanceof FlowData d) {
      return d.asMap();
    }
    throw new IllegalArgumentException(
        path
            + ": "
            + value.getClass().getName()
            + " is not a JSON value; use String, Number, Boolean, Map, List or null");
  }

  private static Number number(Number n, String path) {
    if (n instanceof Double d && (d.isNaN() || d.isInfinite())
        || n instanceof Float f && (f.isNaN() || f.isInfinite())) {
      throw new IllegalArgumentException(path + ": " + n + " is not a JSON number");
    }
    return n;
  }

  private static void write(JsonGenerator g, Object value, String path) {
    if (value == null || value == NULL) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (value instanceof BigInteger i) {
      g.writeNumber(i);
    } else if (value instanceof Double || value instanceof Float) {
      g.writeNumber(number((Number) value, path).doubleValue());
    } else if (value instanceof Number n) {
      g.writeNumber(n.longValue());
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = String.valueOf(e.getKey());
        g.writeName(key);
        write(g, e.getValue(), path + "." + key);
      }
      g.writeEndObject();
    } else if (value instanceof Collection<?> c) {
      g.writeStartArray();
      int i = 0;
      for (Object e : c) {
        write(g, e, path + "[" + i++ + "]");
      }
      g.writeEndArray();
    } else if (value instanceof FlowData d) {
      write(g, d.asMap(), path);
    } else {
      throw new IllegalArgumentException(
          path + ": " + value.getClass().getName() + " is not a JSON value");
    }
  }
}
