package dev.wasdk.spec;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates JSON against a schema from Meta's OpenAPI spec with a JSON Schema 2020-12 validator,
 * after correcting the spec's documented errata (see {@code openapi/ERRATA.md}):
 *
 * <ol>
 *   <li>{@code allOf} branches that say {@code additionalProperties: false} would reject the other
 *       branches' properties; the flag is moved to the composed schema as {@code
 *       unevaluatedProperties: false}, which is what the spec means.
 *   <li>{@code recipient_type} is not required (it defaults to {@code individual}).
 *   <li>{@code template.language.policy} is not required ({@code deterministic} is implied).
 *   <li>{@code latitude} and {@code longitude}, typed string, also accept numbers.
 *   <li>A template button {@code index}, typed string, also accepts an integer.
 * </ol>
 *
 * Our own output is never loosened: only these spec mistakes are corrected.
 */
public final class MessageSchema {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static volatile ObjectNode corrected;

  private MessageSchema() {}

  /** Returns the validation errors of {@code json} against {@code components/schemas/<name>}. */
  public static List<String> validate(String schemaName, JsonNode json) {
    ObjectNode doc = correctedDocument().deepCopy();
    doc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    doc.put("$ref", "#/components/schemas/" + schemaName);
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(doc);
    List<String> out = new ArrayList<>();
    for (Error e : schema.validate(json)) {
      out.add(
          e.getInstanceLocation()
              + ": "
              + e.getKeyword()
              + (e.getProperty() != null ? " '" + e.getProperty() + "'" : "")
              + " "
              + java.util.Arrays.toString(e.getArguments()));
    }
    return out;
  }

  /** Returns the validation errors of a send-message request body ({@code Message} schema). */
  public static List<String> validateMessage(JsonNode json) {
    return validate("Message", json);
  }

  private static ObjectNode correctedDocument() {
    ObjectNode c = corrected;
    if (c == null) {
      synchronized (MessageSchema.class) {
        c = corrected;
        if (c == null) {
          ObjectNode schemas = (ObjectNode) OpenApiSpec.root().path("components").deepCopy();
          correct(schemas);
          c = F.objectNode();
          c.set("components", schemas);
          corrected = c;
        }
      }
    }
    return c;
  }

  private static void correct(JsonNode node) {
    if (node instanceof ArrayNode a) {
      a.forEach(MessageSchema::correct);
      return;
    }
    if (!(node instanceof ObjectNode o)) {
      return;
    }
    if (o.get("allOf") instanceof ArrayNode all) {
      boolean closed = false;
      for (JsonNode branch : all) {
        if (branch instanceof ObjectNode b
            && b.path("additionalProperties").isBoolean()
            && !b.path("additionalProperties").asBoolean()) {
          b.remove("additionalProperties");
          closed = true;
        }
      }
      if (closed) {
        o.put("unevaluatedProperties", false);
      }
    }
    if (o.get("required") instanceof ArrayNode req) {
      removeText(req, "recipient_type");
      if (o.path("properties").has("policy") && o.path("properties").has("code")) {
        removeText(req, "policy");
      }
    }
    if (o.get("properties") instanceof ObjectNode props) {
      for (String widened : List.of("latitude", "longitude", "index")) {
        if (props.get(widened) instanceof ObjectNode p
            && "string".equals(p.path("type").asString())) {
          ArrayNode types =
              F.arrayNode().add("string").add("index".equals(widened) ? "integer" : "number");
          p.set("type", types);
        }
      }
    }
    Iterator<Map.Entry<String, JsonNode>> it = o.properties().iterator();
    while (it.hasNext()) {
      correct(it.next().getValue());
    }
  }

  private static void removeText(ArrayNode array, String value) {
    for (int i = array.size() - 1; i >= 0; i--) {
      if (value.equals(array.get(i).asString())) {
        array.remove(i);
      }
    }
  }
}
