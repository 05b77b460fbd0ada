package dev.wasdk.internal.json;

import dev.wasdk.message.Envelope;
import dev.wasdk.message.Message;
import dev.wasdk.message.Recipient;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.message.TextMessage;
import java.io.ByteArrayOutputStream;
import tools.jackson.core.JsonGenerator;

/**
 * Writes messages as the exact JSON of {@code POST /{phone-number-id}/messages}, straight to bytes.
 * Thread-safe and stateless.
 */
public final class MessageJson {
  private MessageJson() {}

  /** Returns the request body for a message. */
  public static byte[] toBytes(Message message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
      write(g, message);
    }
    return out.toByteArray();
  }

  /** Writes a message as one JSON object. */
  public static void write(JsonGenerator g, Message message) {
    g.writeStartObject();
    writeEnvelope(g, message.envelope());
    if (message instanceof TextMessage t) {
      g.writeStringProperty("type", "text");
      g.writeName("text");
      g.writeStartObject();
      if (t.previewUrl()) {
        g.writeBooleanProperty("preview_url", true);
      }
      g.writeStringProperty("body", t.body());
      g.writeEndObject();
    } else if (message instanceof TemplateMessage t) {
      g.writeStringProperty("type", "template");
      g.writeName("template");
      TemplateJson.write(g, t);
    } else {
      throw new IllegalStateException("no writer for " + message.getClass().getName());
    }
    g.writeEndObject();
  }

  private static void writeEnvelope(JsonGenerator g, Envelope e) {
    g.writeStringProperty("messaging_product", "whatsapp");
    Recipient r = e.recipient();
    switch (r.kind()) {
      case PHONE:
        g.writeStringProperty("recipient_type", "individual");
        g.writeStringProperty("to", r.value());
        break;
      case USER_ID:
        g.writeStringProperty("recipient_type", "individual");
        g.writeStringProperty("recipient", r.value());
        break;
      case GROUP:
        g.writeStringProperty("recipient_type", "group");
        g.writeStringProperty("to", r.value());
        break;
    }
    if (e.replyTo().isPresent()) {
      g.writeName("context");
      g.writeStartObject();
      g.writeStringProperty("message_id", e.replyTo().get());
      g.writeEndObject();
    }
    if (e.bizOpaqueCallbackData().isPresent()) {
      g.writeStringProperty("biz_opaque_callback_data", e.bizOpaqueCallbackData().get());
    }
    if (e.recipientIdentityKeyHash().isPresent()) {
      g.writeStringProperty("recipient_identity_key_hash", e.recipientIdentityKeyHash().get());
    }
  }
}
