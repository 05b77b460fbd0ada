package dev.wasdk.webhooks;

import dev.wasdk.webhooks.event.EventContext;
import dev.wasdk.webhooks.event.UnknownEvent;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses webhook bodies into typed events. Thread-safe; create one and reuse it.
 *
 * <pre>{@code
 * List<WebhookEvent> events = WebhookParser.create().parse(rawBody);
 * }</pre>
 */
public final class WebhookParser {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private WebhookParser() {}

  /** Returns a parser. */
  public static WebhookParser create() {
    return new WebhookParser();
  }

  /**
   * Parses a webhook body: one event per inbound message, status or change.
   *
   * @param body the raw request body
   * @return the events, in payload order
   * @throws WebhookParseException if the body is not a well-formed webhook payload
   */
  public List<WebhookEvent> parse(byte[] body) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw new WebhookParseException("webhook body is not valid JSON", e);
    }
    List<WebhookEvent> events = new ArrayList<>();
    for (JsonNode entry : root.path("entry")) {
      for (JsonNode change : entry.path("changes")) {
        EventContext ctx =
            new EventContext(
                entry.path("id").asString(""),
                change.path("field").asString(""),
                Optional.empty(),
                Optional.empty());
        events.add(new UnknownEvent(ctx, change.path("value").toString()));
      }
    }
    return events;
  }
}
