package dev.wasdk.testkit.internal;

import java.util.Base64;
import java.util.Locale;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;

/**
 * The content objects of the messages simulated users send ({@code text}, {@code interactive},
 * {@code button}, {@code image}, {@code location}), as Meta's inbound webhooks carry them, and the
 * creation JSON of the simple templates tests register. Stateless.
 */
public final class UserMessages {
  /** A 1×1 PNG, the image a user sends when a test gives none. */
  public static final byte[] TINY_PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNQvZwGAAJ/AV9X3CpyAAAAAElFTkSuQmCC");

  private UserMessages() {}

  /** Returns a {@code text} object. */
  public static Consumer<JsonGenerator> text(String body) {
    return g -> {
      g.writeObjectPropertyStart("text");
      g.writeStringProperty("body", body);
      g.writeEndObject();
    };
  }

  /** Returns an {@code interactive} object of type {@code button_reply}. */
  public static Consumer<JsonGenerator> buttonReply(String id, String title) {
    return g -> {
      g.writeObjectPropertyStart("interactive");
      g.writeStringProperty("type", "button_reply");
      g.writeObjectPropertyStart("button_reply");
      g.writeStringProperty("id", id);
      g.writeStringProperty("title", title);
      g.writeEndObject();
      g.writeEndObject();
    };
  }

  /**
   * Returns an {@code interactive} object of type {@code list_reply}; a null description is left
   * out.
   */
  public static Consumer<JsonGenerator> listReply(String id, String title, String description) {
    return g -> {
      g.writeObjectPropertyStart("interactive");
      g.writeStringProperty("type", "list_reply");
      g.writeObjectPropertyStart("list_reply");
      g.writeStringProperty("id", id);
      g.writeStringProperty("title", title);
      if (description != null) {
        g.writeStringProperty("description", description);
      }
      g.writeEndObject();
      g.writeEndObject();
    };
  }

  /** Returns the {@code button} object of a tapped template quick reply. */
  public static Consumer<JsonGenerator> quickReply(String payload, String text) {
    return g -> {
      g.writeObjectPropertyStart("button");
      g.writeStringProperty("payload", payload);
      g.writeStringProperty("text", text);
      g.writeEndObject();
    };
  }

  /** Returns an {@code interactive} object of type {@code nfm_reply}, a finished Flow. */
  public static Consumer<JsonGenerator> flowCompletion(String responseJson) {
    return g -> {
      g.writeObjectPropertyStart("interactive");
      g.writeStringProperty("type", "nfm_reply");
      g.writeObjectPropertyStart("nfm_reply");
      g.writeStringProperty("name", "flow");
      g.writeStringProperty("body", "Sent");
      g.writeStringProperty("response_json", responseJson);
      g.writeEndObject();
      g.writeEndObject();
    };
  }

  /** Returns an {@code image} object for stored media; a null caption is left out. */
  public static Consumer<JsonGenerator> image(MediaStore.Media m, String caption) {
    return g -> {
      g.writeObjectPropertyStart("image");
      if (caption != null) {
        g.writeStringProperty("caption", caption);
      }
      g.writeStringProperty("mime_type", m.mimeType());
      g.writeStringProperty("sha256", m.sha256Base64());
      g.writeStringProperty("id", m.id());
      g.writeEndObject();
    };
  }

  /** Returns a {@code location} object; a null name or address is left out. */
  public static Consumer<JsonGenerator> location(
      double latitude, double longitude, String name, String address) {
    return g -> {
      g.writeObjectPropertyStart("location");
      if (address != null) {
        g.writeStringProperty("address", address);
      }
      g.writeNumberProperty("latitude", latitude);
      g.writeNumberProperty("longitude", longitude);
      if (name != null) {
        g.writeStringProperty("name", name);
      }
      g.writeEndObject();
    };
  }

  /**
   * Returns the creation JSON of an approved-to-be template with a body of {@code bodyParameters}
   * positional placeholders and no header.
   */
  public static String simpleTemplate(
      String name, String language, String category, int bodyParameters) {
    StringBuilder body = new StringBuilder("Simulated template");
    for (int i = 1; i <= bodyParameters; i++) {
      body.append(" {{").append(i).append("}}");
    }
    return "{\"name\":"
        + quote(name)
        + ",\"language\":"
        + quote(language)
        + ",\"category\":\""
        + category
        + "\",\"components\":[{\"type\":\"BODY\",\"text\":"
        + quote(body.toString())
        + "}]}";
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
