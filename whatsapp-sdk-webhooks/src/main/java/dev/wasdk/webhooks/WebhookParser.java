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
   * Returns the JSON a durable hand-off stores for an event, so that {@link #rebuild} can give an
   * equal event later. For almost every event it is the event's {@linkplain WebhookEvent#rawJson()
   * raw JSON}. Two events also read parts of their change's value, which are not in their raw JSON:
   * a {@link dev.wasdk.webhooks.event.CallTerminated} with errors ({@code value.errors}) and a
   * {@link dev.wasdk.webhooks.event.GroupParticipantsChanged} with an initiator (which may come
   * from {@code value.initiated_by}). For those it is a small change value holding those parts and
   * the raw JSON, byte for byte, as its one element.
   *
   * <pre>{@code
   * store.put(parser.handoffJson(event), event.context());  // when the delivery is accepted
   * }</pre>
   *
   * @param event an event this parser returned
   * @return the JSON to store; never null
   */
  public String handoffJson(WebhookEvent event) {
    Objects.requireNonNull(event, "event");
    return EventRebuilder.handoffJson(event);
  }

  /**
   * Rebuilds one event from the JSON a durable hand-off stored for it ({@link #handoffJson}) and
   * its {@linkplain WebhookEvent#context() context}: for every event that {@link #parse} returns,
   * {@code rebuild(handoffJson(event), event.context())} equals {@code event}, its raw JSON
   * included. {@code rebuild(event.rawJson(), event.context())} does too, except for the two events
   * {@link #handoffJson} names, which would lose what they read from their change's value.
   *
   * <pre>{@code
   * store.put(parser.handoffJson(event), event.context());  // when the delivery is accepted
   * WebhookEvent again = parser.rebuild(json, context);      // later, in a worker
   * }</pre>
   *
   * <p>The JSON tells where the event came from in its change: a whole change value, or one element
   * of {@code messages}, {@code statuses}, {@code errors}, {@code user_preferences}, {@code
   * message_echoes}, {@code history}, {@code state_sync}, {@code automatic_events}, {@code calls}
   * or {@code groups}. What the parser could not read becomes an {@link
   * dev.wasdk.webhooks.event.UnknownEvent} again.
   *
   * @param rawJson the stored JSON: {@link #handoffJson} of the event, or its raw JSON
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
