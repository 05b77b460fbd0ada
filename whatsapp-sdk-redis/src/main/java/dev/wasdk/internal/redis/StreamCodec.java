package dev.wasdk.internal.redis;

import dev.wasdk.webhooks.WebhookParser;
import dev.wasdk.webhooks.event.ContactProfile;
import dev.wasdk.webhooks.event.EventContext;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an event as the fields of one stream entry, its raw JSON and its context, and rebuilds it
 * from them with {@link WebhookParser#rebuild}. Absent optional parts are absent fields. Where the
 * parser's {@linkplain WebhookParser#handoffJson hand-off JSON} differs from the raw JSON (an event
 * that also read parts of its change's value), it is stored too and rebuilt from; the raw JSON
 * stays as received, for dead letters.
 */
public final class StreamCodec {
  /** The raw JSON of the event. */
  public static final String RAW = "raw";

  /** The simple name of the event's type, for listings; not used to rebuild. */
  public static final String TYPE = "type";

  /** The hand-off JSON of the event, when it is not its raw JSON. */
  private static final String HANDOFF = "handoff";

  private static final String FIELD = "field";
  private static final String WABA = "waba";
  private static final String PHONE_ID = "phone_id";
  private static final String DISPLAY = "display";
  private static final String TIME = "entry_time";
  private static final String CONTACT = "contact";
  private static final String C_NAME = "c_name";
  private static final String C_USERNAME = "c_username";
  private static final String C_WA_ID = "c_wa_id";
  private static final String C_USER_ID = "c_user_id";
  private static final String C_PARENT = "c_parent_user_id";
  private static final String C_HASH = "c_identity_key_hash";

  private StreamCodec() {}

  /** Returns the entry's fields as alternating names and values. */
  public static List<String> encode(WebhookEvent event) {
    List<String> kv = new ArrayList<>(24);
    EventContext c = event.context();
    add(kv, TYPE, event.getClass().getSimpleName());
    add(kv, WABA, c.wabaId());
    add(kv, FIELD, c.field());
    c.phoneNumberId().ifPresent(v -> add(kv, PHONE_ID, v));
    c.displayPhoneNumber().ifPresent(v -> add(kv, DISPLAY, v));
    c.entryTime().ifPresent(v -> add(kv, TIME, v.toString()));
    c.contact()
        .ifPresent(
            p -> {
              add(kv, CONTACT, "1");
              p.name().ifPresent(v -> add(kv, C_NAME, v));
              p.username().ifPresent(v -> add(kv, C_USERNAME, v));
              p.waId().ifPresent(v -> add(kv, C_WA_ID, v));
              p.userId().ifPresent(v -> add(kv, C_USER_ID, v));
              p.parentUserId().ifPresent(v -> add(kv, C_PARENT, v));
              p.identityKeyHash().ifPresent(v -> add(kv, C_HASH, v));
            });
    add(kv, RAW, event.rawJson());
    String handoff = WebhookParser.create().handoffJson(event);
    if (!handoff.equals(event.rawJson())) {
      add(kv, HANDOFF, handoff);
    }
    return kv;
  }

  /**
   * Rebuilds the event of an entry.
   *
   * @throws IllegalArgumentException if the entry lacks its raw JSON or field
   * @throws dev.wasdk.webhooks.WebhookParseException if the raw JSON is not well-formed
   */
  public static WebhookEvent decode(Map<String, String> f, WebhookParser parser) {
    String raw = f.get(RAW);
    String field = f.get(FIELD);
    if (raw == null || field == null) {
      throw new IllegalArgumentException("stream entry lacks its raw JSON or field");
    }
    Optional<ContactProfile> contact =
        f.containsKey(CONTACT)
            ? Optional.of(
                new ContactProfile(
                    opt(f, C_NAME),
                    opt(f, C_USERNAME),
                    opt(f, C_WA_ID),
                    opt(f, C_USER_ID),
                    opt(f, C_PARENT),
                    opt(f, C_HASH)))
            : Optional.empty();
    EventContext ctx =
        new EventContext(
            f.getOrDefault(WABA, ""),
            field,
            opt(f, PHONE_ID),
            opt(f, DISPLAY),
            contact,
            opt(f, TIME).map(Instant::parse));
    return parser.rebuild(f.getOrDefault(HANDOFF, raw), ctx);
  }

  private static Optional<String> opt(Map<String, String> f, String name) {
    return Optional.ofNullable(f.get(name));
  }

  private static void add(List<String> kv, String name, String value) {
    kv.add(name);
    kv.add(value);
  }
}
