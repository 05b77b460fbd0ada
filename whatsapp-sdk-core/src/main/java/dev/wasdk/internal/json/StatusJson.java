package dev.wasdk.internal.json;

import java.io.ByteArrayOutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Writes the read-receipt body of {@code POST /{phone-number-id}/messages}, {@code
 * {"messaging_product":"whatsapp","status":"read","message_id":"...","typing_indicator":{"type":
 * "text"}}}, and reads {@code {"success":true}} responses. Thread-safe and stateless.
 */
public final class StatusJson {
  private StatusJson() {}

  /**
   * Returns the body that marks a message read, with a typing indicator when one is given.
   *
   * @param wamid the id of the message to mark read
   * @param typingIndicator the indicator type, such as {@code text}, or null for none
   * @return the JSON bytes
   */
  public static byte[] markRead(String wamid, String typingIndicator) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringProperty("messaging_product", "whatsapp");
      g.writeStringProperty("status", "read");
      g.writeStringProperty("message_id", wamid);
      if (typingIndicator != null) {
        g.writeName("typing_indicator");
        g.writeStartObject();
        g.writeStringProperty("type", typingIndicator);
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  /**
   * Returns whether a response body is an object whose {@code success} is {@code true}.
   *
   * @param body the response body
   * @return true for {@code {"success":true}}
   */
  public static boolean isSuccess(byte[] body) {
    try (JsonParser p = Json.MAPPER.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("success".equals(name)) {
          return value == JsonToken.VALUE_TRUE
              || (value == JsonToken.VALUE_STRING && "true".equals(p.getString()));
        }
        p.skipChildren();
      }
      return false;
    } catch (JacksonException e) {
      return false;
    }
  }
}
