package dev.wasdk.internal.json;

import dev.wasdk.message.TemplateMessage;
import tools.jackson.core.JsonGenerator;

/** Writes the {@code template} object of a template message. */
final class TemplateJson {
  private TemplateJson() {}

  static void write(JsonGenerator g, TemplateMessage t) {
    g.writeStartObject();
    g.writeStringProperty("name", t.name());
    g.writeName("language");
    g.writeStartObject();
    g.writeStringProperty("code", t.languageCode());
    g.writeEndObject();
    g.writeEndObject();
  }
}
