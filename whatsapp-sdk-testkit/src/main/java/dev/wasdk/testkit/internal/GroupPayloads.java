package dev.wasdk.testkit.internal;

import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * The group webhook objects, request checks (subject and description limits, the body's {@code
 * messaging_product}) and answers of the simulator's Groups API. Stateless.
 */
final class GroupPayloads {
  private GroupPayloads() {}

  static Consumer<JsonGenerator> groupEvent(
      GroupEndpoints.Group g,
      String type,
      String requestId,
      Instant now,
      Consumer<JsonGenerator> extra) {
    return w -> {
      w.writeStringProperty("timestamp", Long.toString(now.getEpochSecond()));
      w.writeStringProperty("group_id", g.id);
      w.writeStringProperty("type", type);
      if (requestId != null) {
        w.writeStringProperty("request_id", requestId);
      }
      extra.accept(w);
    };
  }

  static void changed(JsonGenerator w, String name, String text) {
    w.writeObjectPropertyStart(name);
    w.writeStringProperty("text", text);
    w.writeBooleanProperty("update_successful", true);
    w.writeEndObject();
  }

  static JsonNode body(SimRequest req) {
    JsonNode body = JsonIo.parseOrNull(req.body());
    if (body == null || !body.isObject()) {
      throw GraphErrorException.of(100, "the body must be a JSON object");
    }
    if (!"whatsapp".equals(body.path("messaging_product").asString(""))) {
      throw GraphErrorException.of(100, "messaging_product must be whatsapp");
    }
    return body;
  }

  static String subject(String subject) {
    String s = subject.strip();
    if (s.isEmpty() || s.length() > 128) {
      throw GraphErrorException.of(100, "subject: 1 to 128 characters");
    }
    return s;
  }

  static String description(String d) {
    if (d.length() > 2048) {
      throw GraphErrorException.of(100, "description: at most 2048 characters");
    }
    return d;
  }

  static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  static String requestId() {
    return Ids.numeric();
  }

  static String newLink() {
    byte[] b = new byte[16];
    ThreadLocalRandom.current().nextBytes(b);
    return "https://chat.whatsapp.com/" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static SimResponse requestAnswer(String requestId) {
    return SimResponse.json(
        JsonIo.bytes(
            JsonIo.MAPPER
                .createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("request_id", requestId)));
  }
}
