package dev.wasdk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.spec.OpenApiSpec;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fuzzes {@link WebhookParser}: truncated, byte-mutated and random bodies, random JSON of the right
 * vocabulary inside a valid envelope, deep nesting and huge strings. The parser must either return
 * events or throw {@link WebhookParseException}; nothing else, and never hang. Input sizes are
 * bounded; each parse runs on a worker with a generous deadline that only a hang would miss.
 */
class WebhookParserFuzzTest {
  private static final WebhookParser PARSER = WebhookParser.create();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ExecutorService WORKER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "fuzz-parse");
            t.setDaemon(true);
            return t;
          });
  private static final AtomicLong TRIED = new AtomicLong();
  private static final AtomicLong REJECTED = new AtomicLong();
  private static final Map<String, AtomicLong> SEEN = new ConcurrentSkipListMap<>();
  private static volatile String lastRejection = "";
  private static final List<byte[]> SEEDS = seeds();

  // ------------------------------------------------------------------ the check

  /** Parses on the worker; fails on anything but events or WebhookParseException, or on a hang. */
  private static List<WebhookEvent> check(byte[] body) {
    TRIED.incrementAndGet();
    Future<List<WebhookEvent>> f = WORKER.submit(() -> exercise(PARSER.parse(body)));
    try {
      return f.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebhookParseException) {
        REJECTED.incrementAndGet();
        lastRejection = e.getCause().getMessage();
        assertThat(lastRejection).startsWith("webhook body");
        return null;
      }
      throw new AssertionError("parse threw " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new AssertionError(
          "parse did not finish within 30 s on a " + body.length + "-byte body");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Calls every public no-argument method of every event, so derived values are read too. */
  private static List<WebhookEvent> exercise(List<WebhookEvent> events) throws Exception {
    for (WebhookEvent e : events) {
      SEEN.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
      assertThat(e.rawJson()).isNotNull();
      assertThat(e.dedupeKey()).isNotNull();
      for (Method m : e.getClass().getMethods()) {
        if (m.getParameterCount() == 0
            && !Modifier.isStatic(m.getModifiers())
            && m.getDeclaringClass() != Object.class) {
          try {
            assertThat(m.invoke(e)).as(m.getName()).isNotNull();
          } catch (InvocationTargetException ex) {
            throw new AssertionError(
                e.getClass().getSimpleName() + "." + m.getName() + " threw", ex.getCause());
          }
        }
      }
    }
    return events;
  }

  @AfterContainer
  static void report() {
    WORKER.shutdownNow();
    System.out.println(
        "WebhookParserFuzzTest: "
            + TRIED.get()
            + " inputs tried, "
            + REJECTED.get()
            + " rejected with WebhookParseException, 0 other outcomes; events by type: "
            + SEEN);
  }

  // ------------------------------------------------------------------ seeds

  private static List<byte[]> seeds() {
    List<byte[]> out = new ArrayList<>();
    try {
      Path dir = Paths.get(WebhookParserFuzzTest.class.getResource("/webhooks").toURI());
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p :
            files
                .filter(p -> p.toString().endsWith(".json"))
                .sorted()
                .collect(Collectors.toList())) {
          out.add(Files.readAllBytes(p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    for (JsonNode example :
        OpenApiSpec.requestExamples(OpenApiSpec.WEBHOOKS_PATH, "post").values()) {
      out.add(JSON.writeValueAsBytes(example));
    }
    return out;
  }

  @Provide
  Arbitrary<byte[]> seed() {
    return Arbitraries.of(SEEDS);
  }

  @Property(tries = 100)
  void seeds_allParse(@ForAll("seed") byte[] seed) {
    assertThat(check(seed)).isNotNull().isNotEmpty();
  }

  // ------------------------------------------------------------------ truncated

  @Property(tries = 3000)
  void truncated_validBody_parsesOrThrowsParseException(
      @ForAll("seed") byte[] seed, @ForAll @IntRange(min = 0, max = 1_000_000) int cut) {
    int at = cut % seed.length;
    List<WebhookEvent> events = check(Arrays.copyOf(seed, at));
    int end =
        new String(seed, StandardCharsets.UTF_8)
            .stripTrailing()
            .getBytes(StandardCharsets.UTF_8)
            .length;
    if (at < end) {
      // A proper prefix of an object is never a complete object.
      assertThat(events).isNull();
    }
  }

  // ------------------------------------------------------------------ mutated

  private static final byte[] INTERESTING = {
    '{',
    '}',
    '[',
    ']',
    '"',
    ':',
    ',',
    '\\',
    '0',
    '-',
    'e',
    '.',
    ' ',
    'n',
    't',
    0,
    (byte) 0x80,
    (byte) 0xC3,
    (byte) 0xE2,
    (byte) 0xF0,
    (byte) 0xFF
  };

  @Property(tries = 6000)
  void mutated_validBody_parsesOrThrowsParseException(
      @ForAll("seed") byte[] seed,
      @ForAll long randomSeed,
      @ForAll @IntRange(min = 1, max = 12) int mutations) {
    Random r = new Random(randomSeed);
    byte[] b = seed.clone();
    for (int i = 0; i < mutations && b.length > 0; i++) {
      int pos = r.nextInt(b.length);
      switch (r.nextInt(6)) {
        case 0:
          b[pos] = (byte) r.nextInt(256);
          break;
        case 1:
          b[pos] = INTERESTING[r.nextInt(INTERESTING.length)];
          break;
        case 2:
          { // delete a range
            int len = Math.min(b.length - pos, 1 + r.nextInt(40));
            byte[] n = new byte[b.length - len];
            System.arraycopy(b, 0, n, 0, pos);
            System.arraycopy(b, pos + len, n, pos, b.length - pos - len);
            b = n;
            break;
          }
        case 3:
          { // duplicate a range
            int len = Math.min(b.length - pos, 1 + r.nextInt(200));
            byte[] n = new byte[b.length + len];
            System.arraycopy(b, 0, n, 0, pos + len);
            System.arraycopy(b, pos, n, pos + len, b.length - pos);
            b = n;
            break;
          }
        case 4:
          { // insert an interesting byte
            byte[] n = new byte[b.length + 1];
            System.arraycopy(b, 0, n, 0, pos);
            n[pos] = INTERESTING[r.nextInt(INTERESTING.length)];
            System.arraycopy(b, pos, n, pos + 1, b.length - pos);
            b = n;
            break;
          }
        default:
          { // swap two bytes
            int other = r.nextInt(b.length);
            byte t = b[pos];
            b[pos] = b[other];
            b[other] = t;
          }
      }
    }
    check(b);
  }

  // ------------------------------------------------------------------ random

  @Property(tries = 2000)
  void randomBytes_parseOrThrowParseException(@ForAll @Size(max = 4096) byte[] body) {
    check(body);
  }

  @Property(tries = 3000)
  void randomJsonishText_parsesOrThrowsParseException(@ForAll("jsonish") String text) {
    check(text.getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<String> jsonish() {
    Arbitrary<String> tokens =
        Arbitraries.of(
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            "\"entry\"",
            "\"changes\"",
            "\"value\"",
            "\"field\"",
            "\"messages\"",
            "\"statuses\"",
            "\"id\"",
            "\"type\"",
            "\"text\"",
            "\"x\"",
            "1",
            "-1",
            "1e999",
            "0.5",
            "true",
            "false",
            "null",
            "\"\\u0000\"",
            "\"\\ud83d\"",
            " ",
            "\"");
    return tokens.list().ofMaxSize(200).map(l -> String.join("", l));
  }

  // ------------------------------------------------------------------ structured: right words,
  // wrong shapes

  private static final String[] FIELDS = {
    "messages",
    "messages",
    "messages",
    "user_preferences",
    "smb_message_echoes",
    "message_template_status_update",
    "message_template_quality_update",
    "message_template_components_update",
    "template_category_update",
    "phone_number_quality_update",
    "phone_number_name_update",
    "account_update",
    "account_alerts",
    "account_review_update",
    "business_capability_update",
    "security",
    "flows",
    "calls",
    "history",
    "smb_app_state_sync",
    "account_settings_update",
    "automatic_events",
    "partner_solutions",
    "payment_configuration_update",
    "group_lifecycle_update",
    "group_participants_update",
    "group_settings_update",
    "group_status_update",
    ""
  };
  private static final String[] KEYS = {
    "id",
    "time",
    "field",
    "value",
    "metadata",
    "display_phone_number",
    "phone_number_id",
    "contacts",
    "profile",
    "name",
    "username",
    "wa_id",
    "user_id",
    "parent_user_id",
    "identity_key_hash",
    "from",
    "from_user_id",
    "from_parent_user_id",
    "group_id",
    "timestamp",
    "type",
    "text",
    "body",
    "context",
    "forwarded",
    "frequently_forwarded",
    "referred_product",
    "catalog_id",
    "product_retailer_id",
    "referral",
    "source_url",
    "ctwa_clid",
    "welcome_message",
    "caption",
    "filename",
    "mime_type",
    "sha256",
    "url",
    "voice",
    "animated",
    "latitude",
    "longitude",
    "address",
    "button_reply",
    "list_reply",
    "nfm_reply",
    "response_json",
    "title",
    "description",
    "payload",
    "message_id",
    "emoji",
    "product_items",
    "quantity",
    "item_price",
    "currency",
    "identity",
    "acknowledged",
    "created_timestamp",
    "hash",
    "customer",
    "original_message_id",
    "message",
    "status",
    "recipient_id",
    "recipient_user_id",
    "parent_recipient_user_id",
    "recipient_type",
    "recipient_participant_id",
    "biz_opaque_callback_data",
    "conversation",
    "expiration_timestamp",
    "origin",
    "pricing",
    "billable",
    "pricing_model",
    "category",
    "errors",
    "code",
    "error_data",
    "details",
    "href",
    "event",
    "message_template_id",
    "message_template_name",
    "message_template_language",
    "reason",
    "other_info",
    "rejection_info",
    "disable_info",
    "disable_date",
    "previous_quality_score",
    "new_quality_score",
    "message_template_buttons",
    "message_template_button_type",
    "current_limit",
    "old_limit",
    "max_daily_conversations_per_business",
    "max_daily_conversation_per_phone",
    "max_phone_numbers_per_business",
    "decision",
    "waba_info",
    "ban_info",
    "waba_ban_state",
    "volume_tier_info",
    "violation_info",
    "alert_info",
    "alert_severity",
    "entity_type",
    "requester",
    "to",
    "flow_id",
    "old_status",
    "new_status",
    "error_rate",
    "threshold",
    "previous_category",
    "new_category",
    "correct_category",
    "category_update_timestamp",
    "solution_partner_business_ids",
    "phones",
    "emails",
    "addresses",
    "urls",
    "org",
    "edit",
    "revoke",
    "unsupported",
    "system",
    "order",
    "interactive",
    "location",
    "image",
    "video",
    "audio",
    "document",
    "sticker",
    "reaction",
    "button",
    "calls",
    "session",
    "sdp",
    "sdp_type",
    "direction",
    "duration",
    "start_time",
    "end_time",
    "call_permission_reply",
    "response",
    "is_permanent",
    "response_source",
    "groups",
    "request_id",
    "invite_link",
    "added_participants",
    "removed_participants",
    "failed_participants",
    "initiated_by",
    "join_request_id",
    "group_subject",
    "update_successful",
    "profile_picture",
    "participant_recipient_id",
    "recipient_participant_user_id",
    "history",
    "threads",
    "history_context",
    "phase",
    "chunk_order",
    "progress",
    "state_sync",
    "contact",
    "action",
    "phone_number_settings",
    "calling",
    "automatic_events",
    "event_name",
    "custom_data",
    "solution_id",
    "solution_status",
    "provider_name",
    "configuration_name"
  };
  private static final String[] WORDS = {
    "text",
    "image",
    "video",
    "audio",
    "document",
    "sticker",
    "location",
    "contacts",
    "interactive",
    "button",
    "reaction",
    "order",
    "system",
    "unsupported",
    "edit",
    "revoke",
    "hologram",
    "",
    "button_reply",
    "list_reply",
    "nfm_reply",
    "flow",
    "address_message",
    "sent",
    "delivered",
    "read",
    "failed",
    "played",
    "stop",
    "resume",
    "FLOW_STATUS_CHANGE",
    "TIER_2K",
    "TIER_",
    "TIER_999999999K",
    "0",
    "-1",
    "2000",
    "UNLIMITED",
    "user_changed_number",
    "customer_identity_changed",
    "group",
    "PMP",
    "regular",
    "{\"flow_token\":\"t\"}",
    "{",
    "[[[[",
    "16505551234",
    "US.1349",
    "1750090702",
    "-9999999999999999",
    "NaN",
    "\u0000",
    "\uD83D\uDC4D",
    "request_welcome",
    "media_placeholder",
    "call_permission_reply",
    "connect",
    "terminate",
    "RINGING",
    "USER_INITIATED",
    "BUSINESS_INITIATED",
    "group_create",
    "group_participants_add",
    "group_suspend",
    "LeadSubmitted",
    "[phone_number_settings]",
    "Needs Connecting"
  };
  private static final String[] ARRAYS = {
    "messages", "statuses", "errors", "contacts", "user_preferences", "message_echoes"
  };

  @Property(tries = 4000)
  void randomJsonInValidEnvelope_alwaysParses(@ForAll long randomSeed) {
    Random r = new Random(randomSeed);
    ObjectNode root = NODES.objectNode();
    root.put("object", "whatsapp_business_account");
    ArrayNode entries = root.putArray("entry");
    for (int e = 0, n = 1 + r.nextInt(3); e < n; e++) {
      ObjectNode entry = entries.addObject();
      entry.set("id", r.nextInt(4) == 0 ? value(r, 3) : NODES.stringNode("1023"));
      if (r.nextBoolean()) {
        entry.set("time", r.nextInt(3) == 0 ? value(r, 3) : NODES.numberNode(1750264300L));
      }
      ArrayNode changes = entry.putArray("changes");
      for (int c = 0, m = r.nextInt(4); c < m; c++) {
        ObjectNode change = changes.addObject();
        change.put("field", FIELDS[r.nextInt(FIELDS.length)]);
        change.set("value", r.nextInt(10) == 0 ? value(r, 2) : changeValue(r));
      }
    }
    List<WebhookEvent> events = check(JSON.writeValueAsBytes(root));
    assertThat(events)
        .as("a well-formed envelope must never be rejected, but was: %s", lastRejection)
        .isNotNull();
  }

  private static ObjectNode changeValue(Random r) {
    ObjectNode v = randomObject(r, 1);
    if (r.nextBoolean()) {
      ObjectNode meta = v.putObject("metadata");
      meta.set("phone_number_id", r.nextInt(4) == 0 ? value(r, 3) : NODES.stringNode("1065"));
      meta.put("display_phone_number", "15550783881");
    }
    for (String a : ARRAYS) {
      if (r.nextInt(3) == 0) {
        ArrayNode arr = v.putArray(a);
        for (int i = 0, n = r.nextInt(4); i < n; i++) {
          arr.add(r.nextInt(8) == 0 ? value(r, 3) : element(r));
        }
      }
    }
    return v;
  }

  /** An object shaped like a message, status or change: a type and the object named by it. */
  private static JsonNode element(Random r) {
    ObjectNode o = randomObject(r, 2);
    String type = WORDS[r.nextInt(WORDS.length)];
    o.put("type", type);
    if (r.nextInt(4) > 0) {
      ObjectNode inner = randomObject(r, 3);
      if ("interactive".equals(type) || r.nextInt(4) == 0) {
        String t = WORDS[18 + r.nextInt(3)];
        inner.put("type", t);
        inner.set(t, randomObject(r, 4));
      }
      o.set(type.isEmpty() ? "x" : type, inner);
    }
    return o;
  }

  private static ObjectNode randomObject(Random r, int depth) {
    ObjectNode o = NODES.objectNode();
    for (int i = 0, n = r.nextInt(7); i < n; i++) {
      o.set(KEYS[r.nextInt(KEYS.length)], value(r, depth + 1));
    }
    return o;
  }

  private static JsonNode value(Random r, int depth) {
    int kind = depth > 7 ? r.nextInt(6) : r.nextInt(8);
    switch (kind) {
      case 0:
        return NODES.nullNode();
      case 1:
        return NODES.booleanNode(r.nextBoolean());
      case 2:
        {
          long[] edge = {0, -1, 1, 2000, Long.MAX_VALUE, Long.MIN_VALUE, 1750090702L, 131056};
          return NODES.numberNode(r.nextBoolean() ? edge[r.nextInt(edge.length)] : r.nextLong());
        }
      case 3:
        return NODES.numberNode(new BigInteger(1 + r.nextInt(240) * 3, r).negate());
      case 4:
        {
          double[] edge = {0.0, -0.0, 7.99, 1e308, -1e308, 4.9e-324, 1.5e10, 0.1};
          return NODES.numberNode(
              r.nextBoolean() ? edge[r.nextInt(edge.length)] : r.nextGaussian() * 1e6);
        }
      case 5:
        return NODES.stringNode(
            r.nextInt(3) == 0 ? randomString(r) : WORDS[r.nextInt(WORDS.length)]);
      case 6:
        return randomObject(r, depth);
      default:
        {
          ArrayNode a = NODES.arrayNode();
          for (int i = 0, n = r.nextInt(4); i < n; i++) {
            a.add(value(r, depth + 1));
          }
          return a;
        }
    }
  }

  private static String randomString(Random r) {
    StringBuilder b = new StringBuilder();
    for (int i = 0, n = r.nextInt(40); i < n; i++) {
      char c = (char) (r.nextInt(4) == 0 ? r.nextInt(0x10000) : 0x20 + r.nextInt(0x5f));
      // A lone surrogate cannot be written as UTF-8, so the body would not be JSON at all.
      b.append(Character.isSurrogate(c) ? '?' : c);
    }
    return b.toString();
  }

  // ------------------------------------------------------------------ deep and huge

  @Property(tries = 200)
  void deepNesting_anyDepthAnywhere_parsesOrThrowsParseException(
      @ForAll("seed") byte[] seed,
      @ForAll @IntRange(min = 1, max = 200_000) int depth,
      @ForAll @IntRange(min = 0, max = 1_000_000) int where,
      @ForAll boolean objects,
      @ForAll boolean closed) {
    String open = objects ? "{\"a\":" : "[";
    StringBuilder nest = new StringBuilder(open.repeat(depth));
    if (closed) {
      nest.append('1').append((objects ? "}" : "]").repeat(depth));
    }
    byte[] inner = nest.toString().getBytes(StandardCharsets.UTF_8);
    int at = where % (seed.length + 1);
    byte[] b = new byte[seed.length + inner.length];
    System.arraycopy(seed, 0, b, 0, at);
    System.arraycopy(inner, 0, b, at, inner.length);
    System.arraycopy(seed, at, b, at + inner.length, seed.length - at);
    // Inside a string the brackets are just text, so either outcome may be right here;
    // WebhookParserTest pins the structural cases.
    check(b);
  }

  @Property(tries = 24)
  void hugeStrings_parseOrThrowParseException(
      @ForAll @IntRange(min = 1, max = 9 * 1024 * 1024) int length, @ForAll boolean inBody) {
    String huge = "x".repeat(length);
    String body =
        inBody
            ? "{\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":{\"messages\":"
                + "[{\"id\":\"w\",\"type\":\"text\",\"text\":{\"body\":\""
                + huge
                + "\"}}]}}]}]}"
            : "{\"entry\":[],\""
                + huge.substring(0, Math.min(length, 100_000))
                + "\":\""
                + huge
                + "\"}";
    List<WebhookEvent> events = check(body.getBytes(StandardCharsets.UTF_8));
    if (inBody) {
      assertThat(events == null).isEqualTo(length > 8 * 1024 * 1024);
    }
  }

  @Property(tries = 50)
  void longNumbers_parseOrThrowParseException(
      @ForAll @IntRange(min = 1, max = 20_000) int digits, @ForAll boolean fraction) {
    String n = "9".repeat(digits) + (fraction ? ".5e-7" : "");
    String body =
        "{\"entry\":[{\"id\":"
            + n
            + ",\"time\":"
            + n
            + ",\"changes\":[{\"field\":\"business_capability_update\",\"value\":{"
            + "\"max_daily_conversations_per_business\":"
            + n
            + "}}]}]}";
    List<WebhookEvent> events = check(body.getBytes(StandardCharsets.UTF_8));
    // Jackson's 256-character number limit does not count every character of ".5e-7", so near
    // the limit a number with a fraction may go either way; away from it the outcome is fixed.
    if (n.length() <= 256) {
      assertThat(events).as("a number of %d characters parses", n.length()).isNotNull();
    } else if (digits > 256) {
      assertThat(events).as("a number with %d integer digits is refused", digits).isNull();
    }
  }
}
