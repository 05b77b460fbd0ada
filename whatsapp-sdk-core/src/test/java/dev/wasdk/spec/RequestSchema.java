package dev.wasdk.spec;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates a request body against the JSON request schema an operation of Meta's OpenAPI spec
 * declares inline (the group paths do), with the spec's components alongside for references.
 */
public final class RequestSchema {
  private RequestSchema() {}

  /** Returns the validation errors of {@code json} against the operation's JSON request schema. */
  public static List<String> validate(String path, String method, JsonNode json) {
    JsonNode schema =
        OpenApiSpec.operation(path, method)
            .path("requestBody")
            .path("content")
            .path("application/json")
            .path("schema");
    if (!schema.isObject()) {
      throw new IllegalArgumentException("no JSON request schema for " + method + " " + path);
    }
    ObjectNode doc = (ObjectNode) schema.deepCopy();
    doc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    doc.set("components", OpenApiSpec.root().path("components").deepCopy());
    Schema s = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(doc);
    List<String> out = new ArrayList<>();
    for (Error e : s.validate(json)) {
      out.add(e.getInstanceLocation() + ": " + e.getKeyword() + " " + e.getMessage());
    }
    return out;
  }
}
