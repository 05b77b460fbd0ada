package dev.wasdk.internal.json;

import dev.wasdk.client.LibraryTemplate;
import dev.wasdk.client.LibraryTemplateCreate;
import dev.wasdk.client.TemplateMigration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON of the template library and template migration. */
public final class TemplateLibraryJson {
  private TemplateLibraryJson() {}

  /** Reads one library item. */
  public static LibraryTemplate readTemplate(JsonNode n) {
    return new LibraryTemplate(
        ManagementJson.textOrEmpty(n, "name"),
        ManagementJson.textOrEmpty(n, "language"),
        ManagementJson.textOrEmpty(n, "category"),
        ManagementJson.text(n, "topic"),
        ManagementJson.text(n, "usecase"),
        n.path("industry").isArray()
            ? ManagementJson.texts(n, "industry")
            : ManagementJson.text(n, "industry")
                .map(java.util.List::of)
                .orElse(java.util.List.of()),
        ManagementJson.text(n, "header"),
        ManagementJson.textOrEmpty(n, "body"),
        ManagementJson.raw(n));
  }

  /** Returns the body that creates a template from the library. */
  public static byte[] create(LibraryTemplateCreate t) {
    ObjectNode body = ManagementJson.object();
    body.put("name", t.name());
    body.put("language", t.language());
    body.put("category", t.category().name());
    body.put("library_template_name", t.libraryTemplateName());
    if (!t.bodyInputs().isEmpty()) {
      body.set("library_template_body_inputs", Json.MAPPER.valueToTree(ordered(t.bodyInputs())));
    }
    if (!t.buttonInputs().isEmpty()) {
      body.set(
          "library_template_button_inputs",
          Json.MAPPER.valueToTree(
              t.buttonInputs().stream().map(TemplateLibraryJson::ordered).toList()));
    }
    return ManagementJson.bytes(body);
  }

  private static Map<String, Object> ordered(Map<String, Object> m) {
    return new java.util.TreeMap<>(m);
  }

  /** Returns the body of one migration batch. */
  public static byte[] migrate(String sourceWabaId, int pageNumber) {
    ObjectNode body = ManagementJson.object();
    body.put("source_waba_id", sourceWabaId);
    body.put("page_number", pageNumber);
    return ManagementJson.bytes(body);
  }

  /** Reads a migration answer. */
  public static TemplateMigration readMigration(JsonNode body) {
    Map<String, String> failed = new LinkedHashMap<>();
    JsonNode f = body.path("failed_templates");
    if (f.isObject()) {
      for (Map.Entry<String, JsonNode> e : f.properties()) {
        failed.put(
            e.getKey(),
            e.getValue().isValueNode() ? e.getValue().asString() : e.getValue().toString());
      }
    }
    return new TemplateMigration(ManagementJson.texts(body, "migrated_templates"), failed);
  }
}
