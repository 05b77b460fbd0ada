package dev.wasdk.conversations;

import dev.wasdk.webhooks.WebhookParser;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds webhook events the way the SDK receives them: a payload in Meta's shape, parsed by {@link
 * WebhookParser}. Each message gets a fresh id.
 */
public final class Events {
  private static final WebhookParser PARSER = WebhookParser.create();
  private static final AtomicLong IDS = new AtomicLong();

  /** The default user. */
  public static final String USER = "16505551234";

  private Events() {}

  /** Returns a text message from a user. */
  public static MessageReceived text(String from, String body) {
    return message(from, "\"type\":\"text\",\"text\":{\"body\":" + quote(body) + "}");
  }

  /** Returns a text message from the default user. */
  public static MessageReceived text(String body) {
    return text(USER, body);
  }

  /** Returns a reply-button tap. */
  public static MessageReceived button(String from, String id, String title) {
    return message(
        from,
        "\"context\":{\"from\":\"15550783881\",\"id\":\"wamid.PROMPT\"},\"type\":\"interactive\","
            + "\"interactive\":{\"type\":\"button_reply\",\"button_reply\":{\"id\":"
            + quote(id)
            + ",\"title\":"
            + quote(title)
            + "}}");
  }

  /** Returns a list-row choice. */
  public static MessageReceived listRow(String from, String id, String title) {
    return message(
        from,
        "\"context\":{\"from\":\"15550783881\",\"id\":\"wamid.LIST\"},\"type\":\"interactive\","
            + "\"interactive\":{\"type\":\"list_reply\",\"list_reply\":{\"id\":"
            + quote(id)
            + ",\"title\":"
            + quote(title)
            + "}}");
  }

  /** Returns a template quick-reply tap. */
  public static MessageReceived quickReply(String from, String payload) {
    return message(
        from,
        "\"type\":\"button\",\"button\":{\"payload\":" + quote(payload) + ",\"text\":\"Tap\"}");
  }

  /** Returns an image message. */
  public static MessageReceived image(String from) {
    return message(
        from,
        "\"type\":\"image\",\"image\":{\"mime_type\":\"image/jpeg\",\"sha256\":\"abc\","
            + "\"id\":\"1003383421387256\"}");
  }

  /** Returns a text message in a group. */
  public static MessageReceived groupText(String from, String groupId, String body) {
    return message(
        from,
        "\"group_id\":"
            + quote(groupId)
            + ",\"type\":\"text\",\"text\":{\"body\":"
            + quote(body)
            + "}");
  }

  /** Returns a text message quoting another message. */
  public static MessageReceived replyText(String from, String quotedId, String body) {
    return message(
        from,
        "\"context\":{\"from\":\"15550783881\",\"id\":"
            + quote(quotedId)
            + "},\"type\":\"text\",\"text\":{\"body\":"
            + quote(body)
            + "}");
  }

  /** Returns a text message from a username user known only by business-scoped user id. */
  public static MessageReceived textFromUserId(String userId, String body) {
    String json =
        envelope(
            "\"contacts\":[{\"profile\":{\"name\":\"A\"},\"user_id\":"
                + quote(userId)
                + "}],\"messages\":[{\"from_user_id\":"
                + quote(userId)
                + ",\"id\":\"wamid.U"
                + IDS.incrementAndGet()
                + "\",\"timestamp\":\"1750090702\",\"type\":\"text\",\"text\":{\"body\":"
                + quote(body)
                + "}}]");
    return (MessageReceived) only(json);
  }

  /** Returns a delivery status for a message. */
  public static WebhookEvent delivered(String to) {
    String json =
        envelope(
            "\"statuses\":[{\"id\":\"wamid.S"
                + IDS.incrementAndGet()
                + "\",\"status\":\"delivered\",\"timestamp\":\"1750263773\",\"recipient_id\":"
                + quote(to)
                + "}]");
    return only(json);
  }

  private static MessageReceived message(String from, String fields) {
    String json =
        envelope(
            "\"contacts\":[{\"profile\":{\"name\":\"A\"},\"wa_id\":"
                + quote(from)
                + "}],\"messages\":[{\"from\":"
                + quote(from)
                + ",\"id\":\"wamid.M"
                + IDS.incrementAndGet()
                + "\",\"timestamp\":\"1750090702\","
                + fields
                + "}]");
    return (MessageReceived) only(json);
  }

  private static String envelope(String value) {
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
        + "\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
        + "\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},"
        + value
        + "},\"field\":\"messages\"}]}]}";
  }

  private static WebhookEvent only(String json) {
    List<WebhookEvent> events = PARSER.parse(json.getBytes(StandardCharsets.UTF_8));
    if (events.size() != 1) {
      throw new IllegalStateException("expected one event, got " + events);
    }
    return events.get(0);
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
