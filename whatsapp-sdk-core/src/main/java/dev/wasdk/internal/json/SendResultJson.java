package dev.wasdk.internal.json;

import dev.wasdk.client.MessageStatus;
import dev.wasdk.client.SendResult;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads a send response, {@code {"messaging_product":"whatsapp","contacts":[{"input","wa_id",
 * "user_id"}],"messages":[{"id","message_status","group_id"}]}}, from the token stream. Unknown
 * fields are skipped; only the first contact and message are read. Thread-safe and stateless.
 */
public final class SendResultJson {
  private SendResultJson() {}

  /**
   * Returns the result in a send response.
   *
   * @param body the response body
   * @param sentTo the recipient value that was sent, used when the response has no {@code input}
   * @return the result
   * @throws IllegalArgumentException if the body is not JSON or has no message id
   */
  public static SendResult parse(byte[] body, String sentTo) {
    Fields f = new Fields();
    try (JsonParser p = Json.parser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("the send response is not a JSON object");
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (value == JsonToken.START_ARRAY && "contacts".equals(name)) {
          readFirst(p, f, true);
        } else if (value == JsonToken.START_ARRAY && "messages".equals(name)) {
          readFirst(p, f, false);
        } else {
          p.skipChildren();
        }
      }
    } catch (JacksonException e) {
      throw new IllegalArgumentException("the send response is not valid JSON", e);
    }
    if (f.wamid == null || f.wamid.isEmpty()) {
      throw new IllegalArgumentException("the send response has no messages[0].id");
    }
    return new SendResult(
        f.wamid,
        f.input != null ? f.input : sentTo,
        Optional.ofNullable(f.waId),
        Optional.ofNullable(f.userId),
        f.status == null ? Optional.empty() : Optional.of(MessageStatus.of(f.status)),
        Optional.ofNullable(f.groupId));
  }

  private static void readFirst(JsonParser p, Fields f, boolean contact) {
    boolean first = true;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
      if (first && t == JsonToken.START_OBJECT) {
        readObject(p, f, contact);
        first = false;
      } else {
        p.skipChildren();
      }
    }
  }

  private static void readObject(JsonParser p, Fields f, boolean contact) {
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (!value.isScalarValue() || value == JsonToken.VALUE_NULL) {
        p.skipChildren();
        continue;
      }
      String text = p.getValueAsString();
      if (contact) {
        switch (name) {
          case "input":
            f.input = text;
            break;
          case "wa_id":
            f.waId = text;
            break;
          case "user_id":
            f.userId = text;
            break;
          default:
            break;
        }
      } else {
        switch (name) {
          case "id":
            f.wamid = text;
            break;
          case "message_status":
            f.status = text;
            break;
          case "group_id":
            f.groupId = text;
            break;
          default:
            break;
        }
      }
    }
  }

  private static final class Fields {
    String input;
    String waId;
    String userId;
    String wamid;
    String status;
    String groupId;
  }
}
