package dev.wasdk.internal.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Small tolerant readers and a strict writer helper for the management APIs' JSON. A missing or
 * mistyped optional field reads as absent; only a body that is not JSON at all is an error.
 */
public final class ManagementJson {
  private ManagementJson() {}

  /** Returns a new empty object node. */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** Returns the bytes of a tree. */
  public static byte[] bytes(JsonNode node) {
    return Json.MAPPER.writeValueAsBytes(node);
  }

  /**
   * Parses a body; an empty body reads as an empty object.
   *
   * @throws IllegalArgumentException if the body is not a JSON object
   */
  public static JsonNode tree(byte[] body) {
    if (body.length == 0) {
      return object();
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not JSON (" + body.length + " bytes)", e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    return node;
  }

  /** Returns whether a body says {@code "success": true}. */
  public static boolean success(JsonNode body) {
    JsonNode s = body.get("success");
    return s != null && (s.isBoolean() ? s.booleanValue() : "true".equals(s.asString("")));
  }

  /** Returns a field as text (numbers and booleans as their text), when present and not null. */
  public static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull() || v.isMissingNode() || v.isContainer()) {
      return Optional.empty();
    }
    return Optional.of(v.asString());
  }

  /** Returns a field as text, or the empty string. */
  public static String textOrEmpty(JsonNode node, String field) {
    return text(node, field).orElse("");
  }

  /**
   * Returns a field as a long (numbers or numeric strings), when present and readable; an integer
   * beyond a long's range reads as the nearest long.
   */
  public static Optional<Long> number(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v.isIntegralNumber()) {
      if (!v.canConvertToLong()) { // beyond a long: saturate rather than wrap around
        return Optional.of(v.bigIntegerValue().signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
      }
      return Optional.of(v.longValue());
    }
    if (v.isNumber()) {
      return Optional.of((long) v.doubleValue());
    }
    if (v.isString()) {
      try {
        return Optional.of(Long.parseLong(v.stringValue().trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Returns a field as a double, when present and numeric. */
  public static Optional<Double> decimal(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v.isNumber()) {
      return Optional.of(v.doubleValue());
    }
    if (v.isString()) {
      try {
        return Optional.of(Double.parseDouble(v.stringValue().trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Returns a field as an exact decimal (numbers or numeric strings), when present and readable;
   * used for amounts of money, which a double would round.
   */
  public static Optional<BigDecimal> money(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v.isNumber()) {
      return Optional.of(v.decimalValue());
    }
    if (v.isString()) {
      try {
        return Optional.of(new BigDecimal(v.stringValue().trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Returns a field as a boolean, when present and boolean (or the strings true/false). */
  public static Optional<Boolean> bool(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v.isBoolean()) {
      return Optional.of(v.booleanValue());
    }
    if (v.isString() && ("true".equals(v.stringValue()) || "false".equals(v.stringValue()))) {
      return Optional.of(Boolean.parseBoolean(v.stringValue()));
    }
    return Optional.empty();
  }

  /** Returns the text items of an array field; non-text items are skipped. */
  public static List<String> texts(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    JsonNode v = node == null ? null : node.get(field);
    if (v != null && v.isArray()) {
      for (JsonNode item : v) {
        if (item.isValueNode() && !item.isNull()) {
          out.add(item.asString());
        }
      }
    }
    return out;
  }

  /** Maps the object items of an array field; other items are skipped. */
  public static <T> List<T> objects(JsonNode node, String field, Function<JsonNode, T> reader) {
    List<T> out = new ArrayList<>();
    JsonNode v = node == null ? null : node.get(field);
    if (v != null && v.isArray()) {
      for (JsonNode item : v) {
        if (item.isObject()) {
          out.add(reader.apply(item));
        }
      }
    }
    return out;
  }

  /** Returns {@code paging.cursors.before}, when present. */
  public static Optional<String> before(JsonNode body) {
    return text(body.path("paging").path("cursors"), "before");
  }

  /** Returns {@code paging.cursors.after}, when present. */
  public static Optional<String> after(JsonNode body) {
    return text(body.path("paging").path("cursors"), "after");
  }

  /** Returns the compact JSON text of a node. */
  public static String raw(JsonNode node) {
    return Json.MAPPER.writeValueAsString(node);
  }
}
