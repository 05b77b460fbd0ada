package dev.wasdk.webhooks.internal.parse;

import static dev.wasdk.webhooks.internal.parse.Nodes.arr;
import static dev.wasdk.webhooks.internal.parse.Nodes.id;
import static dev.wasdk.webhooks.internal.parse.Nodes.instantOrEpoch;
import static dev.wasdk.webhooks.internal.parse.Nodes.obj;
import static dev.wasdk.webhooks.internal.parse.Nodes.opt;
import static dev.wasdk.webhooks.internal.parse.Nodes.optInstant;
import static dev.wasdk.webhooks.internal.parse.Nodes.textOr;

import dev.wasdk.webhooks.event.AppStateSynced;
import dev.wasdk.webhooks.event.EventContext;
import dev.wasdk.webhooks.event.HistorySynced;
import dev.wasdk.webhooks.event.MessageHeader;
import dev.wasdk.webhooks.event.MessageReceived;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Maps the Coexistence sync fields: {@code history} and {@code smb_app_state_sync}. */
final class CoexistenceMapper {
  private CoexistenceMapper() {}

  /** Maps one {@code value.history[]} element. */
  static HistorySynced history(EventContext ctx, Dom.Obj h, String raw) {
    Dom.Obj meta = obj(h, "metadata");
    Dom.Arr threads = arr(h, "threads");
    List<HistorySynced.Chat> chats = new ArrayList<>(threads.size());
    for (Object to : threads) {
      if (to instanceof Dom.Obj) {
        Dom.Obj t = (Dom.Obj) to;
        Dom.Arr messages = arr(t, "messages");
        List<HistorySynced.PastMessage> past = new ArrayList<>(messages.size());
        for (Object mo : messages) {
          if (mo instanceof Dom.Obj) {
            past.add(pastMessage(ctx, (Dom.Obj) mo));
          }
        }
        chats.add(new HistorySynced.Chat(textOr(t, "id"), past));
      }
    }
    return new HistorySynced(
        ctx,
        smallInt(Nodes.longValue(meta, "phase")),
        Nodes.longValue(meta, "chunk_order"),
        smallInt(Nodes.longValue(meta, "progress")),
        chats,
        MessageMapper.errors(h),
        raw);
  }

  private static HistorySynced.PastMessage pastMessage(EventContext ctx, Dom.Obj m) {
    String type = textOr(m, "type");
    Optional<String> from = id(m, "from");
    Instant timestamp = instantOrEpoch(m, "timestamp");
    Optional<MessageReceived> content = Optional.empty();
    if (!type.isEmpty() && !"media_placeholder".equals(type)) {
      MessageHeader h =
          new MessageHeader(
              type,
              textOr(m, "id"),
              from,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              timestamp,
              MessageMapper.messageContext(obj(m, "context")),
              Optional.empty(),
              MessageMapper.errors(m));
      // Depth 1: an edit inside history is not unwrapped further.
      content = Optional.of(MessageMapper.content(ctx, h, m, Dom.toJson(m), 1));
    }
    return new HistorySynced.PastMessage(
        textOr(m, "id"),
        from,
        id(m, "to"),
        timestamp,
        type,
        opt(obj(m, "history_context"), "status"),
        content);
  }

  /** Maps one {@code value.state_sync[]} element. */
  static AppStateSynced stateSync(EventContext ctx, Dom.Obj s, String raw) {
    Dom.Obj c = obj(s, "contact");
    Optional<AppStateSynced.Contact> contact =
        c == null
            ? Optional.empty()
            : Optional.of(
                new AppStateSynced.Contact(
                    opt(c, "full_name"), opt(c, "first_name"), id(c, "phone_number")));
    return new AppStateSynced(
        ctx,
        textOr(s, "type"),
        textOr(s, "action"),
        contact,
        optInstant(obj(s, "metadata"), "timestamp"),
        raw);
  }

  private static OptionalInt smallInt(OptionalLong v) {
    if (v.isEmpty() || v.getAsLong() < Integer.MIN_VALUE || v.getAsLong() > Integer.MAX_VALUE) {
      return OptionalInt.empty();
    }
    return OptionalInt.of((int) v.getAsLong());
  }
}
