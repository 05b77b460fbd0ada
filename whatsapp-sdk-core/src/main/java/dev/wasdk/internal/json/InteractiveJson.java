package dev.wasdk.internal.json;

import dev.wasdk.message.AddressMessage;
import dev.wasdk.message.CallPermissionRequestMessage;
import dev.wasdk.message.CatalogMessage;
import dev.wasdk.message.CtaUrlMessage;
import dev.wasdk.message.FlowMessage;
import dev.wasdk.message.InteractiveHeader;
import dev.wasdk.message.InteractiveMessage;
import dev.wasdk.message.ListMessage;
import dev.wasdk.message.ListRow;
import dev.wasdk.message.ListSection;
import dev.wasdk.message.LocationRequestMessage;
import dev.wasdk.message.ProductListMessage;
import dev.wasdk.message.ProductMessage;
import dev.wasdk.message.ProductSection;
import dev.wasdk.message.ReplyButton;
import dev.wasdk.message.ReplyButtonsMessage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;

/** Writes the {@code interactive} object of every interactive message kind. */
final class InteractiveJson {
  private InteractiveJson() {}

  static void write(JsonGenerator g, InteractiveMessage message) {
    g.writeStartObject();
    if (message instanceof ReplyButtonsMessage m) {
      parts(g, "button", m.header(), Optional.of(m.body()), m.footer());
      g.writeObjectPropertyStart("action");
      g.writeArrayPropertyStart("buttons");
      for (ReplyButton b : m.buttons()) {
        g.writeStartObject();
        g.writeStringProperty("type", "reply");
        g.writeObjectPropertyStart("reply");
        g.writeStringProperty("id", b.id());
        g.writeStringProperty("title", b.title());
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } else if (message instanceof ListMessage m) {
      parts(g, "list", textHeader(m.header()), Optional.of(m.body()), m.footer());
      g.writeObjectPropertyStart("action");
      g.writeStringProperty("button", m.button());
      g.writeArrayPropertyStart("sections");
      for (ListSection s : m.sections()) {
        g.writeStartObject();
        MessageJson.optional(g, "title", s.title());
        g.writeArrayPropertyStart("rows");
        for (ListRow r : s.rows()) {
          g.writeStartObject();
          g.writeStringProperty("id", r.id());
          g.writeStringProperty("title", r.title());
          MessageJson.optional(g, "description", r.description());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } else if (message instanceof CtaUrlMessage m) {
      parts(g, "cta_url", m.header(), Optional.of(m.body()), m.footer());
      g.writeObjectPropertyStart("action");
      g.writeStringProperty("name", "cta_url");
      g.writeObjectPropertyStart("parameters");
      g.writeStringProperty("display_text", m.displayText());
      g.writeStringProperty("url", m.url().toString());
      g.writeEndObject();
      g.writeEndObject();
    } else if (message instanceof FlowMessage m) {
      writeFlow(g, m);
    } else if (message instanceof ProductMessage m) {
      parts(g, "product", Optional.empty(), m.body(), m.footer());
      g.writeObjectPropertyStart("action");
      g.writeStringProperty("catalog_id", m.catalogId());
      g.writeStringProperty("product_retailer_id", m.productRetailerId());
      g.writeEndObject();
    } else if (message instanceof ProductListMessage m) {
      parts(
          g,
          "product_list",
          Optional.of(InteractiveHeader.text(m.header())),
          Optional.of(m.body()),
          m.footer());
      g.writeObjectPropertyStart("action");
      g.writeStringProperty("catalog_id", m.catalogId());
      g.writeArrayPropertyStart("sections");
      for (ProductSection s : m.sections()) {
        g.writeStartObject();
        MessageJson.optional(g, "title", s.title());
        g.writeArrayPropertyStart("product_items");
        for (String id : s.productRetailerIds()) {
          g.writeStartObject();
          g.writeStringProperty("product_retailer_id", id);
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } else if (message instanceof CatalogMessage m) {
      parts(g, "catalog_message", Optional.empty(), Optional.of(m.body()), m.footer());
      g.writeObjectPropertyStart("action");
      g.writeStringProperty("name", "catalog_message");
      g.writeObjectPropertyStart("parameters");
      g.writeStringProperty("thumbnail_product_retailer_id", m.thumbnailProductRetailerId());
      g.writeEndObject();
      g.writeEndObject();
    } else if (message instanceof LocationRequestMessage m) {
      parts(
          g, "location_request_message", Optional.empty(), Optional.of(m.body()), Optional.empty());
      g.writeObjectPropertyStart("action");
      g.writeStringProperty("name", "send_location");
      g.writeEndObject();
    } else if (message instanceof AddressMessage m) {
      writeAddress(g, m);
    } else if (message instanceof CallPermissionRequestMessage m) {
      parts(
          g, "call_permission_request", Optional.empty(), Optional.of(m.body()), Optional.empty());
      g.writeObjectPropertyStart("action");
      g.writeStringProperty("name", "call_permission_request");
      g.writeEndObject();
    } else {
      throw new IllegalStateException("no writer for " + message.getClass().getName());
    }
    g.writeEndObject();
  }

  /** Writes {@code type}, and {@code header}, {@code body} and {@code footer} when present. */
  private static void parts(
      JsonGenerator g,
      String type,
      Optional<InteractiveHeader> header,
      Optional<String> body,
      Optional<String> footer) {
    g.writeStringProperty("type", type);
    if (header.isPresent()) {
      writeHeader(g, header.get());
    }
    if (body.isPresent()) {
      g.writeObjectPropertyStart("body");
      g.writeStringProperty("text", body.get());
      g.writeEndObject();
    }
    if (footer.isPresent()) {
      g.writeObjectPropertyStart("footer");
      g.writeStringProperty("text", footer.get());
      g.writeEndObject();
    }
  }

  private static Optional<InteractiveHeader> textHeader(Optional<String> text) {
    return text.map(InteractiveHeader::text);
  }

  private static void writeHeader(JsonGenerator g, InteractiveHeader header) {
    g.writeObjectPropertyStart("header");
    g.writeStringProperty("type", header.type());
    if (header instanceof InteractiveHeader.Text h) {
      g.writeStringProperty("text", h.text());
    } else if (header instanceof InteractiveHeader.Image h) {
      g.writeObjectPropertyStart("image");
      MessageJson.writeMediaRef(g, h.image());
      g.writeEndObject();
    } else if (header instanceof InteractiveHeader.Video h) {
      g.writeObjectPropertyStart("video");
      MessageJson.writeMediaRef(g, h.video());
      g.writeEndObject();
    } else if (header instanceof InteractiveHeader.Document h) {
      g.writeObjectPropertyStart("document");
      MessageJson.writeMediaRef(g, h.document());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void writeFlow(JsonGenerator g, FlowMessage m) {
    parts(g, "flow", m.header(), Optional.of(m.body()), m.footer());
    g.writeObjectPropertyStart("action");
    g.writeStringProperty("name", "flow");
    g.writeObjectPropertyStart("parameters");
    g.writeStringProperty("flow_message_version", FlowMessage.FLOW_MESSAGE_VERSION);
    MessageJson.optional(g, "flow_id", m.flowId());
    MessageJson.optional(g, "flow_name", m.flowName());
    g.writeStringProperty("flow_cta", m.flowCta());
    if (m.mode().isPresent()) {
      g.writeStringProperty("mode", m.mode().get().name().toLowerCase(Locale.ROOT));
    }
    MessageJson.optional(g, "flow_token", m.flowToken());
    if (m.flowAction().isPresent()) {
      g.writeStringProperty("flow_action", m.flowAction().get().name().toLowerCase(Locale.ROOT));
    }
    if (m.screen().isPresent()) {
      g.writeObjectPropertyStart("flow_action_payload");
      g.writeStringProperty("screen", m.screen().get());
      if (!m.data().isEmpty()) {
        g.writeName("data");
        writeValue(g, m.data());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeAddress(JsonGenerator g, AddressMessage m) {
    parts(g, "address_message", textHeader(m.header()), Optional.of(m.body()), m.footer());
    g.writeObjectPropertyStart("action");
    g.writeStringProperty("name", "address_message");
    g.writeObjectPropertyStart("parameters");
    g.writeStringProperty("country", m.country());
    if (!m.values().isEmpty()) {
      g.writeName("values");
      writeValue(g, m.values());
    }
    if (!m.savedAddresses().isEmpty()) {
      g.writeArrayPropertyStart("saved_addresses");
      for (AddressMessage.SavedAddress a : m.savedAddresses()) {
        g.writeStartObject();
        g.writeStringProperty("id", a.id());
        g.writeName("value");
        writeValue(g, a.value());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (!m.validationErrors().isEmpty()) {
      g.writeName("validation_errors");
      writeValue(g, m.validationErrors());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /** Writes JSON-like data that the message already checked: maps, lists, strings, numbers. */
  private static void writeValue(JsonGenerator g, Object value) {
    if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      g.writeNumber(((Number) value).intValue());
    } else if (value instanceof Long l) {
      g.writeNumber(l);
    } else if (value instanceof BigInteger i) {
      g.writeNumber(i);
    } else if (value instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (value instanceof Float f) {
      g.writeNumber(f);
    } else if (value instanceof Double d) {
      g.writeNumber(d);
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeName((String) e.getKey());
        writeValue(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof List<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        writeValue(g, item);
      }
      g.writeEndArray();
    } else {
      throw new IllegalStateException(
          "unexpected value " + (value == null ? "null" : value.getClass().getName()));
    }
  }
}
