package dev.wasdk.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator's JSON plumbing: one shared mapper, parsing, and writing through a generator. */
public final class JsonIo {
  /** Thread-safe and immutable. */
  public static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private JsonIo() {}

  /**
   * Parses a request body.
   *
   * @return the tree, or null when the bytes are not JSON
   */
  public static JsonNode parseOrNull(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      return MAPPER.readTree(body);
    } catch (JacksonException e) {
      return null;
    }
  }

  /** Writes one JSON value with a generator and returns the UTF-8 bytes. */
  public static byte[] write(Consumer<JsonGenerator> writer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = MAPPER.createGenerator(out)) {
      writer.accept(g);
    }
    return out.toByteArray();
  }

  /** Returns a tree as compact JSON bytes. */
  public static byte[] bytes(JsonNode node) {
    return MAPPER.writeValueAsBytes(node);
  }

  /** Returns UTF-8 bytes as a string. */
  public static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Converts a JSON value to plain Java data: maps, lists, strings, booleans and numbers. JSON null
   * becomes Java null, which the message model refuses with the value's path.
   */
  public static Object toJava(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        map.put(e.getKey(), toJava(e.getValue()));
      }
      return Collections.unmodifiableMap(map);
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      for (JsonNode item : node) {
        list.add(toJava(item));
      }
      return Collections.unmodifiableList(list);
    }
    if (node.isString()) {
      return node.stringValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      // The narrowest Java type, as a caller building the same data by hand would use.
      BigInteger big = node.asBigInteger();
      if (big.bitLength() < 32) {
        return big.intValue();
      }
      return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }
    if (node.isNumber()) {
      BigDecimal d = node.asDecimal();
      double asDouble = d.doubleValue();
      boolean exact = Double.isFinite(asDouble) && BigDecimal.valueOf(asDouble).compareTo(d) == 0;
      return exact ? (Object) asDouble : d;
    }
    return null;
  }
}
