package dev.wasdk.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Meta's official OpenAPI spec for the Business Messaging API (v23.0, MIT), loaded once from the
 * test resources ({@code openapi/business-messaging-api_v23.0.yaml}), with helpers to reach its
 * examples and schemas. Shared with the other modules' tests through the core test-jar.
 */
public final class OpenApiSpec {
  /** The path of the send-message operation, as the spec spells it. */
  public static final String MESSAGES_PATH = "/{Version}/{Phone-Number-ID}/messages";

  /** The path of the webhook examples, as the spec spells it. */
  public static final String WEBHOOKS_PATH = "/whatsapp/webhooks";

  private static final String RESOURCE = "/openapi/business-messaging-api_v23.0.yaml";
  private static volatile JsonNode root;

  private OpenApiSpec() {}

  /** Returns the whole spec as a tree (loaded once, never modify it). */
  public static JsonNode root() {
    JsonNode r = root;
    if (r == null) {
      synchronized (OpenApiSpec.class) {
        r = root;
        if (r == null) {
          try (InputStream in = OpenApiSpec.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            r = new YAMLMapper().readTree(in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          root = r;
        }
      }
    }
    return r;
  }

  /** Returns the operation object, such as {@code operation(MESSAGES_PATH, "post")}. */
  public static JsonNode operation(String path, String method) {
    JsonNode op = root().path("paths").path(path).path(method);
    if (op.isMissingNode()) {
      throw new IllegalArgumentException("no operation " + method + " " + path + " in the spec");
    }
    return op;
  }

  /** Returns the named request examples of an operation (name → example value), in spec order. */
  public static Map<String, JsonNode> requestExamples(String path, String method) {
    return examples(
        operation(path, "post".equals(method) || "put".equals(method) ? method : method)
            .path("requestBody")
            .path("content")
            .path("application/json")
            .path("examples"));
  }

  /**
   * Returns the named response examples of an operation for one status code, such as {@code "200"}.
   */
  public static Map<String, JsonNode> responseExamples(String path, String method, String status) {
    return examples(
        operation(path, method)
            .path("responses")
            .path(status)
            .path("content")
            .path("application/json")
            .path("examples"));
  }

  /** Returns every response example of every operation under a path, keyed "METHOD STATUS name". */
  public static Map<String, JsonNode> allResponseExamples(String path) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    JsonNode item = root().path("paths").path(path);
    for (String method : item.propertyNames()) {
      JsonNode responses = item.path(method).path("responses");
      for (String status : responses.propertyNames()) {
        examples(responses.path(status).path("content").path("application/json").path("examples"))
            .forEach((k, v) -> out.put(method.toUpperCase() + " " + status + " " + k, v));
      }
    }
    return out;
  }

  /** Returns a schema from {@code components/schemas}. */
  public static JsonNode schema(String name) {
    JsonNode s = root().path("components").path("schemas").path(name);
    if (s.isMissingNode()) {
      throw new IllegalArgumentException("no schema " + name);
    }
    return s;
  }

  /** Returns all path names in the spec. */
  public static List<String> paths() {
    List<String> out = new ArrayList<>();
    root().path("paths").propertyNames().forEach(out::add);
    return out;
  }

  /** Returns a deep copy of a node, safe to modify. */
  public static ObjectNode copy(JsonNode node) {
    return (ObjectNode) node.deepCopy();
  }

  private static Map<String, JsonNode> examples(JsonNode examples) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = examples.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), e.getValue().path("value"));
    }
    return out;
  }
}
