package dev.wasdk.testkit.internal;

import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;

/**
 * Writes webhook bodies in Meta's envelope: {@code {"object":"whatsapp_business_account",
 * "entry":[{"id":<WABA id>,"changes":[{"value":{…},"field":…}]}]}}. Field names and shapes follow
 * Meta's webhook reference pages and the OpenAPI spec's webhook examples. Stateless and
 * thread-safe.
 */
public final class WebhookPayloads {
  private static final String ERROR_HREF =
      "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/";

  private WebhookPayloads() {}

  /**
   * Writes one change in the envelope.
   *
   * @param wabaId the WhatsApp Business Account id ({@code entry.id})
   * @param field the webhook field
   * @param entryTime the {@code entry.time} in epoch seconds, or -1 to leave it out (the {@code
   *     messages} field has none)
   * @param value writes the members of the {@code value} object
   * @return the body
   */
  public static byte[] envelope(
      String wabaId, String field, long entryTime, Consumer<JsonGenerator> value) {
    return JsonIo.write(
        g -> {
          g.writeStartObject();
          g.writeStringProperty("object", "whatsapp_business_account");
          g.writeArrayPropertyStart("entry");
          g.writeStartObject();
          g.writeStringProperty("id", wabaId);
          if (entryTime >= 0) {
            g.writeNumberProperty("time", entryTime);
          }
          g.writeArrayPropertyStart("changes");
          g.writeStartObject();
          g.writeObjectPropertyStart("value");
          value.accept(g);
          g.writeEndObject();
          g.writeStringProperty("field", field);
          g.writeEndObject();
          g.writeEndArray();
          g.writeEndObject();
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  /** Writes {@code messaging_product} and {@code metadata} of a {@code messages} value. */
  public static void metadata(JsonGenerator g, String displayNumber, String phoneNumberId) {
    g.writeStringProperty("messaging_product", "whatsapp");
    g.writeObjectPropertyStart("metadata");
    g.writeStringProperty("display_phone_number", displayNumber);
    g.writeStringProperty("phone_number_id", phoneNumberId);
    g.writeEndObject();
  }

  /**
   * Describes one status update.
   *
   * @param wamid the message id
   * @param status sent, delivered, read or failed
   * @param timestamp epoch seconds
   * @param recipientField {@code recipient_id}, {@code recipient_user_id} (BSUID) or {@code
   *     recipient_id} with a group
   * @param recipient the recipient's WhatsApp id, BSUID or group id
   * @param group whether the recipient is a group
   * @param bizOpaqueCallbackData the data echoed back, or null
   * @param pricingType {@code regular} or {@code free_customer_service}, or null for no pricing
   * @param pricingCategory the pricing category, such as {@code marketing} or {@code service}
   * @param errorCode the error code of a failed status, or 0
   * @param errorDetails the error details of a failed status
   */
  public record Status(
      String wamid,
      String status,
      long timestamp,
      String recipientField,
      String recipient,
      boolean group,
      String bizOpaqueCallbackData,
      String pricingType,
      String pricingCategory,
      int errorCode,
      String errorDetails) {}

  /** Writes a {@code messages} value with one status. */
  public static Consumer<JsonGenerator> status(
      String displayNumber, String phoneNumberId, Status s) {
    return g -> {
      metadata(g, displayNumber, phoneNumberId);
      g.writeArrayPropertyStart("statuses");
      g.writeStartObject();
      g.writeStringProperty("id", s.wamid());
      g.writeStringProperty("status", s.status());
      g.writeStringProperty("timestamp", Long.toString(s.timestamp()));
      g.writeStringProperty(s.recipientField(), s.recipient());
      if (s.group()) {
        g.writeStringProperty("recipient_type", "group");
      }
      if (s.bizOpaqueCallbackData() != null) {
        g.writeStringProperty("biz_opaque_callback_data", s.bizOpaqueCallbackData());
      }
      if (s.pricingType() != null) {
        g.writeObjectPropertyStart("pricing");
        g.writeBooleanProperty("billable", s.pricingType().equals("regular"));
        g.writeStringProperty("pricing_model", "PMP");
        g.writeStringProperty("type", s.pricingType());
        g.writeStringProperty("category", s.pricingCategory());
        g.writeEndObject();
      }
      if (s.errorCode() != 0) {
        g.writeArrayPropertyStart("errors");
        error(g, s.errorCode(), s.errorDetails());
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeEndArray();
    };
  }

  /** Writes one webhook error object: code, title, message, error_data.details and href. */
  public static void error(JsonGenerator g, int code, String details) {
    ErrorCatalog.Entry e = ErrorCatalog.entry(code);
    g.writeStartObject();
    g.writeNumberProperty("code", code);
    g.writeStringProperty("title", e.title());
    g.writeStringProperty("message", e.title());
    g.writeObjectPropertyStart("error_data");
    g.writeStringProperty("details", details != null ? details : e.details());
    g.writeEndObject();
    g.writeStringProperty("href", ERROR_HREF);
    g.writeEndObject();
  }

  /**
   * Describes one inbound message.
   *
   * @param from the user's WhatsApp id
   * @param profileName the user's profile name
   * @param wamid the message id
   * @param timestamp epoch seconds
   * @param type the message type, such as {@code text}
   * @param contextFrom the business number the quoted message came from, or null
   * @param contextId the id of the quoted message, or null
   * @param content writes the members of the message object after {@code type}, such as {@code
   *     "text":{"body":…}}
   */
  public record Inbound(
      String from,
      String profileName,
      String wamid,
      long timestamp,
      String type,
      String contextFrom,
      String contextId,
      Consumer<JsonGenerator> content) {}

  /** Writes a {@code messages} value with one inbound message and its contact. */
  public static Consumer<JsonGenerator> inbound(
      String displayNumber, String phoneNumberId, Inbound m) {
    return g -> {
      metadata(g, displayNumber, phoneNumberId);
      g.writeArrayPropertyStart("contacts");
      g.writeStartObject();
      g.writeObjectPropertyStart("profile");
      g.writeStringProperty("name", m.profileName());
      g.writeEndObject();
      g.writeStringProperty("wa_id", m.from());
      g.writeEndObject();
      g.writeEndArray();
      g.writeArrayPropertyStart("messages");
      g.writeStartObject();
      if (m.contextId() != null) {
        g.writeObjectPropertyStart("context");
        g.writeStringProperty("from", m.contextFrom());
        g.writeStringProperty("id", m.contextId());
        g.writeEndObject();
      }
      g.writeStringProperty("from", m.from());
      g.writeStringProperty("id", m.wamid());
      g.writeStringProperty("timestamp", Long.toString(m.timestamp()));
      g.writeStringProperty("type", m.type());
      m.content().accept(g);
      g.writeEndObject();
      g.writeEndArray();
    };
  }

  /** Writes a {@code user_preferences} value: a user stopped or resumed marketing messages. */
  public static Consumer<JsonGenerator> userPreference(
      String displayNumber,
      String phoneNumberId,
      String waId,
      String profileName,
      boolean stop,
      long timestamp) {
    return g -> {
      metadata(g, displayNumber, phoneNumberId);
      g.writeArrayPropertyStart("contacts");
      g.writeStartObject();
      g.writeObjectPropertyStart("profile");
      g.writeStringProperty("name", profileName);
      g.writeEndObject();
      g.writeStringProperty("wa_id", waId);
      g.writeEndObject();
      g.writeEndArray();
      g.writeArrayPropertyStart("user_preferences");
      g.writeStartObject();
      g.writeStringProperty("wa_id", waId);
      String detail =
          stop
              ? "User requested to stop marketing messages"
              : "User requested to resume marketing messages";
      g.writeStringProperty("detail", detail);
      g.writeStringProperty("category", "marketing_messages");
      g.writeStringProperty("value", stop ? "stop" : "resume");
      g.writeNumberProperty("timestamp", timestamp);
      g.writeEndObject();
      g.writeEndArray();
    };
  }

  /** Writes a {@code phone_number_quality_update} value. */
  public static Consumer<JsonGenerator> phoneNumberQuality(
      String displayNumber, String event, String tierName) {
    return g -> {
      g.writeStringProperty("display_phone_number", displayNumber);
      g.writeStringProperty("event", event);
      g.writeStringProperty("current_limit", tierName);
      g.writeStringProperty("max_daily_conversations_per_business", tierName);
    };
  }

  /** Writes a {@code business_capability_update} value. */
  public static Consumer<JsonGenerator> businessCapability(long perPhone, String tierName) {
    return g -> {
      g.writeNumberProperty("max_daily_conversation_per_phone", perPhone);
      g.writeStringProperty("max_daily_conversations_per_business", tierName);
    };
  }

  /** Writes a {@code message_template_status_update} value. */
  public static Consumer<JsonGenerator> templateStatus(
      String event, String templateId, String name, String language, String category) {
    return g -> {
      g.writeStringProperty("event", event);
      g.writeNumberProperty("message_template_id", Long.parseLong(templateId));
      g.writeStringProperty("message_template_name", name);
      g.writeStringProperty("message_template_language", language);
      g.writeStringProperty("reason", "NONE");
      g.writeStringProperty("message_template_category", category);
    };
  }
}
