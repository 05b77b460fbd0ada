package dev.wasdk.webhooks.internal.parse;

import dev.wasdk.webhooks.event.CallTerminated;
import dev.wasdk.webhooks.event.ErrorReported;
import dev.wasdk.webhooks.event.EventContext;
import dev.wasdk.webhooks.event.GroupParticipantsChanged;
import dev.wasdk.webhooks.event.UnknownEvent;
import dev.wasdk.webhooks.event.WebhookError;
import dev.wasdk.webhooks.event.WebhookEvent;
import dev.wasdk.webhooks.internal.parse.WebhookReader.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * Rebuilds one event from the JSON a durable hand-off stores for it and its context. It runs the
 * same mappers as {@link WebhookReader}, with the stored context (its contact included) instead of
 * one read from the envelope, so the result equals the event first parsed.
 *
 * <p>What a hand-off stores is the event's raw JSON, except for the two events that also read parts
 * of their change's value: a {@link CallTerminated} with errors (from {@code value.errors}) and a
 * {@link GroupParticipantsChanged} with an initiator (which may come from {@code
 * value.initiated_by}). For those, {@link #handoffJson} stores a small change value holding the
 * element's raw JSON, byte for byte, beside those parts; the rebuild reads it as a value and cuts
 * the element's raw JSON out of it again.
 *
 * <p>Where an event came from inside its change is told by the JSON: for each field with element
 * arrays, JSON that carries the value's own members (such as {@code messaging_product}, the element
 * arrays, or {@code metadata} where elements have none) is a whole change value; otherwise it is
 * one element. In {@code messages} an element is a status when it has {@code status}, an error when
 * it has {@code code} but no {@code type}, else a message; a whole value stays an {@link
 * UnknownEvent}. In {@code calls} an element is a call when it has {@code event}, a call status
 * when it has {@code status}, an error when it has {@code code}. A whole value of any other field
 * is mapped as the parser maps it, and gives its one event, or else an {@link UnknownEvent}.
 *
 * <p>Stateless and thread-safe.
 */
public final class EventRebuilder {
  private static final List<String> MESSAGES_ENVELOPE =
      List.of(
          "metadata",
          "messaging_product",
          "messages",
          "statuses",
          "user_preferences",
          "message_echoes");
  // Elements of these fields carry a "metadata" object of their own.
  private static final List<String> HISTORY_VALUE = List.of("messaging_product", "history");
  private static final List<String> STATE_SYNC_VALUE = List.of("messaging_product", "state_sync");
  private static final List<String> AUTOMATIC_VALUE =
      List.of("messaging_product", "metadata", "automatic_events");
  // "errors" is no marker: a call status carries errors of its own.
  private static final List<String> CALLS_VALUE =
      List.of("messaging_product", "metadata", "contacts", "calls", "statuses");
  private static final List<String> GROUPS_VALUE =
      List.of("messaging_product", "metadata", "groups");

  private EventRebuilder() {}

  /**
   * Returns the JSON a hand-off stores for an event, from which {@link #rebuild} gives an equal
   * event: the event's raw JSON, or for the events that read parts of their change's value, a value
   * holding those parts and the raw JSON as its one element.
   */
  public static String handoffJson(WebhookEvent event) {
    if (event instanceof CallTerminated t && !t.errors().isEmpty()) {
      return "{\"calls\":[" + t.rawJson() + "],\"errors\":" + errorsJson(t.errors()) + "}";
    }
    if (event instanceof GroupParticipantsChanged g && g.rawInitiatedBy().isPresent()) {
      return "{\"initiated_by\":"
          + Dom.toJson(g.rawInitiatedBy().get())
          + ",\"groups\":["
          + g.rawJson()
          + "]}";
    }
    return event.rawJson();
  }

  /**
   * Rebuilds an event.
   *
   * @param raw the JSON stored for the event: its raw JSON, or what {@link #handoffJson} returned
   * @param ctx the event's context
   * @return the event; an {@link UnknownEvent} where the original was one
   * @throws tools.jackson.core.JacksonException if {@code raw} is not well-formed JSON
   */
  public static WebhookEvent rebuild(String raw, EventContext ctx) {
    byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
    Value value;
    try (JsonParser p = JsonSupport.FACTORY.createParser(ObjectReadContext.empty(), bytes)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        if (t != null) {
          Dom.read(p, t);
        }
        return new UnknownEvent(ctx, raw);
      }
      value = WebhookReader.readObjectValue(p);
    }
    Dom.Obj obj = value.obj();
    String field = ctx.field();
    try {
      switch (field) {
        case "messages":
          if (has(obj, MESSAGES_ENVELOPE)) {
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
          return has(obj, MESSAGES_ENVELOPE)
              ? new UnknownEvent(ctx, raw)
              : MessageMapper.preference(ctx, obj, raw, List.of());
        case "smb_message_echoes":
          return has(obj, MESSAGES_ENVELOPE)
              ? new UnknownEvent(ctx, raw)
              : MessageMapper.echo(ctx, obj, raw);
        case "history":
          return has(obj, HISTORY_VALUE)
              ? whole(ctx, value, bytes, raw)
              : CoexistenceMapper.history(ctx, obj, raw);
        case "smb_app_state_sync":
          return has(obj, STATE_SYNC_VALUE)
              ? whole(ctx, value, bytes, raw)
              : CoexistenceMapper.stateSync(ctx, obj, raw);
        case "automatic_events":
          return has(obj, AUTOMATIC_VALUE)
              ? whole(ctx, value, bytes, raw)
              : BusinessMapper.automaticEvent(ctx, obj, raw);
        case "calls":
          return has(obj, CALLS_VALUE) ? whole(ctx, value, bytes, raw) : callElement(ctx, obj, raw);
        case "group_lifecycle_update":
          return has(obj, GROUPS_VALUE)
              ? whole(ctx, value, bytes, raw)
              : GroupMapper.lifecycle(ctx, obj, raw);
        case "group_participants_update":
        case "group_participant_update":
          return has(obj, GROUPS_VALUE)
              ? whole(ctx, value, bytes, raw)
              : GroupMapper.participants(ctx, obj, raw, Optional.empty());
        case "group_settings_update":
          return has(obj, GROUPS_VALUE)
              ? whole(ctx, value, bytes, raw)
              : GroupMapper.settings(ctx, obj, raw);
        case "group_status_update":
          return has(obj, GROUPS_VALUE)
              ? whole(ctx, value, bytes, raw)
              : GroupMapper.status(ctx, obj, raw);
        default:
          return EventMapper.change(ctx, field, obj, raw);
      }
    } catch (RuntimeException e) {
      // The parser made an UnknownEvent of what its mappers could not read; so does a rebuild.
      EventMapper.warn(field, e);
      return new UnknownEvent(ctx, raw);
    }
  }

  private static WebhookEvent callElement(EventContext ctx, Dom.Obj obj, String raw) {
    if (obj.get("event") == null) {
      if (obj.get("status") != null) {
        return CallMapper.status(ctx, obj, raw, List.of());
      }
      if (obj.get("code") != null) {
        return new ErrorReported(ctx, MessageMapper.error(obj), raw);
      }
    }
    return CallMapper.call(ctx, obj, raw, List.of(), List.of());
  }

  /** Maps a whole change value as the parser does; its one event, or else an UnknownEvent. */
  private static WebhookEvent whole(EventContext ctx, Value value, byte[] bytes, String raw) {
    List<WebhookEvent> out = new ArrayList<>(1);
    EventMapper.value(ctx, ctx.field(), value, bytes, out);
    return out.size() == 1 ? out.get(0) : new UnknownEvent(ctx, raw);
  }

  private static String errorsJson(List<WebhookError> errors) {
    Dom.Arr arr = new Dom.Arr(errors.size());
    for (WebhookError e : errors) {
      Dom.Obj o = new Dom.Obj();
      o.put("code", (long) e.code());
      e.title().ifPresent(v -> o.put("title", v));
      e.message().ifPresent(v -> o.put("message", v));
      e.details()
          .ifPresent(
              v -> {
                Dom.Obj data = new Dom.Obj();
                data.put("details", v);
                o.put("error_data", data);
              });
      e.href().ifPresent(v -> o.put("href", v));
      arr.add(o);
    }
    return Dom.toJson(arr);
  }

  private static boolean has(Dom.Obj obj, List<String> names) {
    for (String name : names) {
      if (obj.get(name) != null) {
        return true;
      }
    }
    return false;
  }
}
