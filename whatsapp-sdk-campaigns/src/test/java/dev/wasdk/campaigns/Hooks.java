package dev.wasdk.campaigns;

import dev.wasdk.webhooks.WebhookParser;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Builds webhook events the way Meta sends them, through the real parser. */
final class Hooks {
  private static final WebhookParser PARSER = WebhookParser.create();

  private Hooks() {}

  static WebhookEvent status(
      String wamid, String status, String to, String callbackData, Instant at, String extra) {
    String value =
        "{\"id\":\""
            + wamid
            + "\",\"status\":\""
            + status
            + "\",\"timestamp\":\""
            + at.getEpochSecond()
            + "\",\"recipient_id\":\""
            + to
            + "\""
            + (callbackData == null ? "" : ",\"biz_opaque_callback_data\":\"" + callbackData + "\"")
            + (extra == null ? "" : "," + extra)
            + "}";
    return one(envelope("\"statuses\":[" + value + "]"));
  }

  static WebhookEvent failed(String wamid, String to, String callbackData, Instant at, int code) {
    return status(
        wamid,
        "failed",
        to,
        callbackData,
        at,
        "\"errors\":[{\"code\":" + code + ",\"title\":\"error " + code + "\"}]");
  }

  static WebhookEvent priced(
      String wamid, String status, String to, String callbackData, Instant at, String category) {
    return status(
        wamid,
        status,
        to,
        callbackData,
        at,
        "\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\",\"type\":\"regular\",\"category\":\""
            + category
            + "\"}");
  }

  static WebhookEvent reply(String from, String answeredWamid, String text, Instant at) {
    String msg =
        "{\"from\":\""
            + from
            + "\",\"id\":\"wamid.in"
            + Math.abs((from + answeredWamid + text).hashCode())
            + "\",\"timestamp\":\""
            + at.getEpochSecond()
            + "\",\"type\":\"text\",\"text\":{\"body\":\""
            + text
            + "\"},\"context\":{\"from\":\"15550783881\",\"id\":\""
            + answeredWamid
            + "\"}}";
    return one(
        envelope(
            "\"contacts\":[{\"profile\":{\"name\":\"A\"},\"wa_id\":\""
                + from
                + "\"}],\"messages\":["
                + msg
                + "]"));
  }

  private static String envelope(String value) {
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
        + "\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":"
        + "{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},"
        + value
        + "},\"field\":\"messages\"}]}]}";
  }

  private static WebhookEvent one(String json) {
    List<WebhookEvent> events = PARSER.parse(json.getBytes(StandardCharsets.UTF_8));
    if (events.size() != 1) {
      throw new AssertionError("expected one event, got " + events);
    }
    return events.get(0);
  }
}
