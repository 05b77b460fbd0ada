package dev.wasdk.webhooks;

import dev.wasdk.webhooks.event.EventContext;
import dev.wasdk.webhooks.event.WebhookEvent;
import dev.wasdk.webhooks.internal.parse.EventRebuilder;
import dev.wasdk.webhooks.internal.parse.WebhookReader;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Parses webhook bodies into typed events: one event per inbound message, per status, per user
 * preference, per message echo, per error, and per change of every other field, across all entries
 * and changes of a batch.
 *
 * <pre>{@code
 * WebhookParser parser = WebhookParser.create();
 * for (WebhookEvent event : parser.parse(rawBody)) {
 *   if (event instanceof TextReceived text) {
 *     handleText(text.sender(), text.body());
 *   } else if (event instanceof MessageStatusChanged status) {
 *     track(status.messageId(), status.status());
 *   }
 * }
 * }</pre>
 *
 * <p>Parse the raw bytes of the request, after checking their signature; never a re-encoded string.
 *
 * <p>The parser is a tolerant reader. Unknown properties are ignored; missing or wrong-typed
 * optional properties read as absent; unknown fields become {@link
 * dev.wasdk.webhooks.event.UnknownEvent} and unknown message types {@link
 * dev.wasdk.webhooks.event.UnknownMessageReceived}, each with its raw JSON. A body that is not
 * well-formed JSON, not an object, lacks the {@code entry} array, nests deeper than 64 levels, or
 * holds a number longer than 256 digits is rejected with {@link WebhookParseException}, the only
 * exception {@code parse} throws for bad input.
 *
 * <p>Instances are immutable and thread-safe; create one and share it.
 *
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/overview">Webhooks</a>
 */
public final class WebhookParser {
  private static final WebhookParser INSTANCE = new WebhookParser();

  private WebhookParser() {}

  /** Returns a parser. */
  public static WebhookParser create() {
    return INSTANCE;
  }

  /**
   * Parses a webhook body.
   *
   * @param body the raw request body; read, never modified or retained
   * @return the events, in payload order: by entry, then by change, then messages, statuses and
   *     errors within a {@code messages} change; unmodifiable
   * @throws WebhookParseException if the body is not a well-formed webhook payload; its message
   *     never contains the body's content
   * @throws NullPointerException if {@code body} is null
   */
  public List<WebhookEvent> parse(byte[] body) {
    Objects.requireNonNull(body, "body");
    try {
      // The reader's list is fresh and never shared, so wrapping it is enough.
      return Collections.unmodifiableList(WebhookReader.read(body));
    } catch (WebhookParseException e) {
      throw e;
    } catch (StreamConstraintsException e) {
      // Safe to quote: it names the limit and the size, never content.
      throw new WebhookParseException(
          "webhook body exceeds the parser's limits: " + e.getOriginalMessage(), null);
    } catch (JacksonException e) {
      // Jackson's own message may quote a token of the body; give only where it failed.
      throw new WebhookParseException("webhook body is not valid JSON" + at(e), null);
    } catch (StackOverflowError e) {
      throw new WebhookParseException(
          "webhook body could not be read (" + e.getClass().getSimpleName() + ")", e);
    }
    // Any other exception is a bug in the parser, not bad input: it propagates, and the endpoint
    // answers 500 so that Meta keeps the delivery for a fixed version.
  }

  /**
   * Rebuilds one event from its {@linkplain WebhookEvent#rawJson() raw JSON} and its {@linkplain
   * WebhookEvent#context() context}, as a durable hand-off stores them: for every event that {@link
   * #parse} returns, {@code rebuild(event.rawJson(), event.context())} equals {@code event}.
   *
   * <pre>{@code
   * store.put(event.rawJson(), event.context());        // when the delivery is accepted
   * WebhookEvent again = parser.rebuild(raw, context);  // later, in a worker
   * }</pre>
   *
   * <p>The raw JSON tells where the event came from in its change: a whole change value, or one
   * element of {@code messages}, {@code statuses}, {@code errors}, {@code user_preferences} or
   * {@code message_echoes}. What the parser could not read becomes an {@link
   * dev.wasdk.webhooks.event.UnknownEvent} again.
   *
   * @param rawJson the event's raw JSON
   * @param context the event's context
   * @return the event
   * @throws WebhookParseException if {@code rawJson} is not well-formed JSON or exceeds the
   *     parser's limits
   */
  public WebhookEvent rebuild(String rawJson, EventContext context) {
    Objects.requireNonNull(rawJson, "rawJson");
    Objects.requireNonNull(context, "context");
    try {
      return EventRebuilder.rebuild(rawJson, context);
    } catch (StreamConstraintsException e) {
      throw new WebhookParseException(
          "stored event exceeds the parser's limits: " + e.getOriginalMessage(), null);
    } catch (JacksonException e) {
      throw new WebhookParseException("stored event is not valid JSON" + at(e), null);
    }
  }

  private static String at(JacksonException e) {
    TokenStreamLocation loc = e.getLocation();
    if (loc == null || loc.getLineNr() < 1) {
      return "";
    }
    return " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
  }
}
