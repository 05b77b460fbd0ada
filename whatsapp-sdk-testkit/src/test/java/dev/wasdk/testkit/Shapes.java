package dev.wasdk.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Compares a response with a response example of Meta's spec by shape: every property the example
 * has, the response has too, with the same JSON type, recursively (arrays by their first element).
 * Values are not compared: ids and texts differ by design.
 */
final class Shapes {
  private Shapes() {}

  /** Returns the differences, empty when the response has the example's shape. */
  static List<String> missingFrom(JsonNode actual, JsonNode example) {
    List<String> out = new ArrayList<>();
    walk("$", actual, example, out);
    return out;
  }

  private static void walk(String path, JsonNode actual, JsonNode example, List<String> out) {
    if (actual == null || actual.isMissingNode()) {
      out.add(path + ": missing");
      return;
    }
    if (example.isObject()) {
      if (!actual.isObject()) {
        out.add(path + ": expected an object, was " + actual.getNodeType());
        return;
      }
      for (Map.Entry<String, JsonNode> e : example.properties()) {
        walk(path + "." + e.getKey(), actual.get(e.getKey()), e.getValue(), out);
      }
    } else if (example.isArray()) {
      if (!actual.isArray()) {
        out.add(path + ": expected an array, was " + actual.getNodeType());
        return;
      }
      if (!example.isEmpty()) {
        if (actual.isEmpty()) {
          out.add(path + ": empty, the example has elements");
        } else {
          walk(path + "[0]", actual.get(0), example.get(0), out);
        }
      }
    } else if (example.getNodeType() != actual.getNodeType()) {
      out.add(path + ": expected " + example.getNodeType() + ", was " + actual.getNodeType());
    }
  }
}
