package dev.wasdk.internal.json;

import dev.wasdk.message.AudioMessage;
import dev.wasdk.message.Contact;
import dev.wasdk.message.ContactsMessage;
import dev.wasdk.message.DocumentMessage;
import dev.wasdk.message.Envelope;
import dev.wasdk.message.ImageMessage;
import dev.wasdk.message.InteractiveMessage;
import dev.wasdk.message.LocationMessage;
import dev.wasdk.message.MediaRef;
import dev.wasdk.message.Message;
import dev.wasdk.message.ReactionMessage;
import dev.wasdk.message.Recipient;
import dev.wasdk.message.StickerMessage;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.message.TextMessage;
import dev.wasdk.message.VideoMessage;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;

/**
 * Writes messages as the exact JSON of {@code POST /{phone-number-id}/messages}, straight to bytes.
 * Only documented fields are written, and absent optional values are left out. Thread-safe and
 * stateless.
 */
public final class MessageJson {
  private MessageJson() {}

  /** Returns the request body for a message. */
  public static byte[] toBytes(Message message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = Json.generator(out)) {
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
      g.writeObjectPropertyStart("text");
      // Always written, as in every Meta example; false is WhatsApp's default.
      g.writeBooleanProperty("preview_url", t.previewUrl());
      g.writeStringProperty("body", t.body());
      g.writeEndObject();
    } else if (message instanceof ImageMessage m) {
      writeMedia(g, "image", m.image(), m.caption(), Optional.empty());
    } else if (message instanceof VideoMessage m) {
      writeMedia(g, "video", m.video(), m.caption(), Optional.empty());
    } else if (message instanceof DocumentMessage m) {
      writeMedia(g, "document", m.document(), m.caption(), m.filename());
    } else if (message instanceof AudioMessage m) {
      g.writeStringProperty("type", "audio");
      g.writeObjectPropertyStart("audio");
      writeMediaRef(g, m.audio());
      if (m.voice()) {
        g.writeBooleanProperty("voice", true);
      }
      g.writeEndObject();
    } else if (message instanceof StickerMessage m) {
      g.writeStringProperty("type", "sticker");
      g.writeObjectPropertyStart("sticker");
      writeMediaRef(g, m.sticker());
      g.writeEndObject();
    } else if (message instanceof LocationMessage m) {
      writeLocation(g, m);
    } else if (message instanceof ContactsMessage m) {
      writeContacts(g, m);
    } else if (message instanceof ReactionMessage m) {
      g.writeStringProperty("type", "reaction");
      g.writeObjectPropertyStart("reaction");
      g.writeStringProperty("message_id", m.messageId());
      g.writeStringProperty("emoji", m.emoji());
      g.writeEndObject();
    } else if (message instanceof InteractiveMessage m) {
      g.writeStringProperty("type", "interactive");
      g.writeName("interactive");
      InteractiveJson.write(g, m);
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
      g.writeObjectPropertyStart("context");
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

  private static void writeMedia(
      JsonGenerator g,
      String type,
      MediaRef media,
      Optional<String> caption,
      Optional<String> filename) {
    g.writeStringProperty("type", type);
    g.writeObjectPropertyStart(type);
    writeMediaRef(g, media);
    optional(g, "caption", caption);
    optional(g, "filename", filename);
    g.writeEndObject();
  }

  /** Writes {@code id} or {@code link} into the object being written. */
  static void writeMediaRef(JsonGenerator g, MediaRef media) {
    if (media.id().isPresent()) {
      g.writeStringProperty("id", media.id().get());
    } else {
      g.writeStringProperty("link", media.link().orElseThrow().toString());
    }
  }

  /** Writes a string property only when the value is present. */
  static void optional(JsonGenerator g, String name, Optional<String> value) {
    if (value.isPresent()) {
      g.writeStringProperty(name, value.get());
    }
  }

  private static void writeLocation(JsonGenerator g, LocationMessage m) {
    g.writeStringProperty("type", "location");
    g.writeObjectPropertyStart("location");
    g.writeNumberProperty("latitude", m.latitude());
    g.writeNumberProperty("longitude", m.longitude());
    optional(g, "name", m.name());
    optional(g, "address", m.address());
    g.writeEndObject();
  }

  private static void writeContacts(JsonGenerator g, ContactsMessage m) {
    g.writeStringProperty("type", "contacts");
    g.writeArrayPropertyStart("contacts");
    for (Contact c : m.contacts()) {
      g.writeStartObject();
      if (!c.addresses().isEmpty()) {
        g.writeArrayPropertyStart("addresses");
        for (Contact.Address a : c.addresses()) {
          g.writeStartObject();
          optional(g, "street", a.street());
          optional(g, "city", a.city());
          optional(g, "state", a.state());
          optional(g, "zip", a.zip());
          optional(g, "country", a.country());
          optional(g, "country_code", a.countryCode());
          optional(g, "type", a.type());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      if (c.birthday().isPresent()) {
        g.writeStringProperty(
            "birthday", DateTimeFormatter.ISO_LOCAL_DATE.format(c.birthday().get()));
      }
      if (!c.emails().isEmpty()) {
        g.writeArrayPropertyStart("emails");
        for (Contact.Email e : c.emails()) {
          g.writeStartObject();
          g.writeStringProperty("email", e.email());
          optional(g, "type", e.type());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      Contact.Name n = c.name();
      g.writeObjectPropertyStart("name");
      g.writeStringProperty("formatted_name", n.formattedName());
      optional(g, "first_name", n.firstName());
      optional(g, "last_name", n.lastName());
      optional(g, "middle_name", n.middleName());
      optional(g, "suffix", n.suffix());
      optional(g, "prefix", n.prefix());
      g.writeEndObject();
      if (c.org().isPresent()) {
        Contact.Organization o = c.org().get();
        g.writeObjectPropertyStart("org");
        optional(g, "company", o.company());
        optional(g, "department", o.department());
        optional(g, "title", o.title());
        g.writeEndObject();
      }
      if (!c.phones().isEmpty()) {
        g.writeArrayPropertyStart("phones");
        for (Contact.Phone p : c.phones()) {
          g.writeStartObject();
          g.writeStringProperty("phone", p.phone());
          optional(g, "type", p.type());
          optional(g, "wa_id", p.waId());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      if (!c.urls().isEmpty()) {
        g.writeArrayPropertyStart("urls");
        for (Contact.Url u : c.urls()) {
          g.writeStartObject();
          g.writeStringProperty("url", u.url());
          optional(g, "type", u.type());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
