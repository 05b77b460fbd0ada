package dev.wasdk.testkit.internal;

import dev.wasdk.error.InvalidMessageException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Typed field access for message bodies: each getter names the JSON path in its error, a missing
 * value is an {@link InvalidMessageException} and a value of the wrong kind a {@link
 * GraphErrorException} with code 100. Stateless.
 */
final class BodyFields {
  private BodyFields() {}

  static InvalidMessageException missing(String path) {
    return new InvalidMessageException(path, "present", "missing");
  }

  static GraphErrorException shape(String path, String expected, String actual) {
    return GraphErrorException.of(100, path + ": must be " + expected + ", but was " + actual);
  }

  private static String kind(JsonNode n) {
    if (n.isString()) {
      return "a string";
    } else if (n.isNumber()) {
      return "a number";
    } else if (n.isBoolean()) {
      return "a boolean";
    } else if (n.isArray()) {
      return "an array";
    } else if (n.isObject()) {
      return "an object";
    }
    return "null";
  }

  static void requireObject(JsonNode n, String path) {
    if (n == null || n.isNull()) {
      throw missing(path);
    }
    if (!n.isObject()) {
      throw shape(path, "an object", kind(n));
    }
  }

  static String str(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw missing(path);
    }
    if (!v.isString()) {
      throw shape(path, "a string", kind(v));
    }
    return v.stringValue();
  }

  static Optional<String> optStr(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isString()) {
      throw shape(path, "a string", kind(v));
    }
    return Optional.of(v.stringValue());
  }

  static Optional<Boolean> optBool(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isBoolean()) {
      throw shape(path, "a boolean", kind(v));
    }
    return Optional.of(v.booleanValue());
  }

  static JsonNode obj(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    requireObject(v, path);
    return v;
  }

  static JsonNode optObject(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    requireObject(v, path);
    return v;
  }

  static JsonNode arr(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw missing(path);
    }
    if (!v.isArray()) {
      throw shape(path, "an array", kind(v));
    }
    return v;
  }

  static JsonNode optArray(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isArray()) {
      throw shape(path, "an array", kind(v));
    }
    return v;
  }

  /** Reads a coordinate given as a number or a decimal string; Meta takes both. */
  static double coordinate(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw missing(path);
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isString()) {
      try {
        return new BigDecimal(v.stringValue().trim()).doubleValue();
      } catch (NumberFormatException e) {
        throw new InvalidMessageException(path, "a decimal number", "not a number");
      }
    }
    throw shape(path, "a number", kind(v));
  }

  static long longValue(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw missing(path);
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.asLong();
    }
    throw shape(path, "an integer", kind(v));
  }

  /** Reads an integer given as a number or a digit string; Meta takes both for button indexes. */
  static int intValue(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw missing(path);
    }
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return v.asInt();
    }
    if (v.isString() && v.stringValue().matches("\\d{1,9}")) {
      return Integer.parseInt(v.stringValue());
    }
    throw shape(path, "an integer", kind(v));
  }

  static Map<String, String> stringMap(JsonNode node, String path) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      JsonNode v = e.getValue();
      if (!v.isString()) {
        throw shape(path + "." + e.getKey(), "a string", kind(v));
      }
      out.put(e.getKey(), v.stringValue());
    }
    return out;
  }

  static <E extends Enum<E>> E enumValue(
      Class<E> type, String value, String path, String expected) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value)) {
        return e;
      }
    }
    throw new InvalidMessageException(path, expected, "'" + clip(value) + "'");
  }

  /** Shortens a value for an error message; values may hold personal data, so keep them short. */
  static String clip(String value) {
    return value.length() <= 24 ? value : value.substring(0, 24) + "…";
  }
}
