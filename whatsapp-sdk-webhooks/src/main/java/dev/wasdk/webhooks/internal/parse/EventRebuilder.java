package dev.wasdk.webhooks.internal.parse;

import dev.wasdk.webhooks.event.ErrorReported;
import dev.wasdk.webhooks.event.EventContext;
import dev.wasdk.webhooks.event.UnknownEvent;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * Rebuilds one event from the raw JSON it was read from and its context, as a durable hand-off
 * stores them. It runs the same mappers as {@link WebhookReader}, with the stored context (its
 * contact included) instead of one read from the envelope, so the result equals the event first
 * parsed.
 *
 * <p>Where an event came from inside its change is told by the raw JSON: for the {@code messages},
 * {@code user_preferences} and {@code smb_message_echoes} fields, a raw value that carries the
 * envelope's own members ({@code metadata}, {@code messaging_product}, {@code contacts} or the
 * element arrays) is a whole change value; otherwise it is one element, and in {@code messages} a
 * status when it has {@code status}, an error when it has {@code code} but no {@code type}, else a
 * message.
 *
 * <p>Stateless and thread-safe.
 */
public final class EventRebuilder {
  private static final List<String> ENVELOPE =
      List.of(
          "metadata",
          "messaging_product",
          "messages",
          "statuses",
          "user_preferences",
          "message_echoes");

  private EventRebuilder() {}

  /**
   * Rebuilds an event.
   *
   * @param raw the event's raw JSON
   * @param ctx the event's context
   * @return the event; an {@link UnknownEvent} where the original was one
   * @throws tools.jackson.core.JacksonException if {@code raw} is not well-formed JSON
   */
  public static WebhookEvent rebuild(String raw, EventContext ctx) {
    Object node;
    try (JsonParser p =
        JsonSupport.FACTORY.createParser(
            ObjectReadContext.empty(), raw.getBytes(StandardCharsets.UTF_8))) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return new UnknownEvent(ctx, raw);
      }
      node = Dom.read(p, t);
    }
    if (!(node instanceof Dom.Obj obj)) {
      return new UnknownEvent(ctx, raw);
    }
    String field = ctx.field();
    try {
      switch (field) {
        case "messages":
          if (envelope(obj)) {
            return new UnknownEvent(ctx, raw);
          }
          if (obj.get("status") != null) {
            return MessageMapper.status(ctx, obj, raw, List.of());
          }
          if (obj.get("code") != null && obj.get("type") == null) {
            return new ErrorReported(ctx, MessageMapper.error(obj), raw);
          }
          return MessageMapper.message(ctx, obj, raw, List.of());
        case "user_preferences":
          return envelope(obj)
              ? new UnknownEvent(ctx, raw)
              : MessageMapper.preference(ctx, obj, raw, List.of());
        case "smb_message_echoes":
          return envelope(obj) ? new UnknownEvent(ctx, raw) : MessageMapper.echo(ctx, obj, raw);
        default:
          return EventMapper.change(ctx, field, obj, raw);
      }
    } catch (RuntimeException e) {
      // The parser made an UnknownEvent of what its mappers could not read; so does a rebuild.
      EventMapper.warn(field, e);
      return new UnknownEvent(ctx, raw);
    }
  }

  private static boolean envelope(Dom.Obj obj) {
    for (String name : ENVELOPE) {
      if (obj.get(name) != null) {
        return true;
      }
    }
    return false;
  }
}
