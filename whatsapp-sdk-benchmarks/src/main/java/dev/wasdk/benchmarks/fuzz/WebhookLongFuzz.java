package dev.wasdk.benchmarks.fuzz;

import dev.wasdk.webhooks.SignatureVerifier;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookParseException;
import dev.wasdk.webhooks.WebhookParser;
import dev.wasdk.webhooks.WebhookRequest;
import dev.wasdk.webhooks.WebhookResponse;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.WebhookSigner;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives a long run of hostile webhook bodies through {@link WebhookParser} and, signed, through
 * {@link WebhookEndpoint}: byte-mutated and truncated real payloads, payloads reshaped with the
 * right words in the wrong places, payloads moved to another field, deep nesting, huge values and
 * random bytes. It reports how many inputs ran and every outcome other than the documented ones.
 *
 * <p>Documented outcomes: the parser returns events (every accessor of every event then answers
 * without throwing and without null) or throws {@link WebhookParseException}; the endpoint answers
 * 200 when the parser returned events, 400 when it threw {@link WebhookParseException}, and 413 for
 * a body over its limit. Anything else is counted as unexpected; the first inputs that caused one
 * are written to the output directory. The run exits with status 1 if anything unexpected happened,
 * and 2 if one input took longer than the stall limit.
 *
 * <pre>
 * java -cp whatsapp-sdk-benchmarks/target/benchmarks.jar dev.wasdk.benchmarks.fuzz.WebhookLongFuzz \
 *     --inputs 1000000 --seed 1 --seeds whatsapp-sdk-webhooks/src/test/resources/webhooks
 * </pre>
 *
 * <p>Not thread-safe: one run per instance, on the calling thread.
 */
public final class WebhookLongFuzz {
  /** How the inputs are made; the counts in the report are by kind. */
  enum Kind {
    MUTATED,
    TRUNCATED,
    RESHAPED,
    FIELD_MOVED,
    DEEP,
    HUGE,
    RANDOM
  }

  private static final String SECRET = "fuzz-app-secret";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final long STALL_NANOS = 60_000_000_000L;
  private static final int MAX_SAMPLES = 20;

  private static final String[] FIELDS = {
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
    "group_participant_update",
    "group_settings_update",
    "group_status_update",
    "",
    "unknown_field"
  };

  private static final String[] KEYS = {
    "id",
    "type",
    "event",
    "status",
    "timestamp",
    "from",
    "to",
    "wa_id",
    "user_id",
    "group_id",
    "messages",
    "statuses",
    "errors",
    "contacts",
    "calls",
    "groups",
    "history",
    "threads",
    "state_sync",
    "automatic_events",
    "session",
    "sdp",
    "interactive",
    "call_permission_reply",
    "added_participants",
    "removed_participants",
    "failed_participants",
    "metadata",
    "code",
    "duration",
    "direction",
    "recipient_type",
    "recipient_participant_id",
    "custom_data",
    "value"
  };

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

  private final List<byte[]> seeds;
  private final List<JsonNode> trees;
  private final Random random;
  private final Path out;
  private final WebhookParser parser = WebhookParser.create();
  private final WebhookEndpoint endpoint;
  private final WebhookSigner signer = WebhookSigner.of(SECRET);
  private final Map<Class<?>, List<Method>> accessors = new ConcurrentHashMap<>();

  private final Map<Kind, Long> byKind = new EnumMap<>(Kind.class);
  private final Map<String, Long> eventsByType = new TreeMap<>();
  private final Map<Integer, Long> statuses = new TreeMap<>();
  private final List<String> samples = new ArrayList<>();
  private long parsed;
  private long rejected;
  private long unexpected;
  private long bytes;
  private volatile long currentStart;
  private volatile Kind currentKind;

  WebhookLongFuzz(List<byte[]> seeds, long seed, Path out) {
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException(
          "no seed payloads: give a directory of webhook JSON files");
    }
    this.seeds = List.copyOf(seeds);
    List<JsonNode> t = new ArrayList<>();
    for (byte[] s : seeds) {
      try {
        t.add(JSON.readTree(s));
      } catch (RuntimeException e) {
        // A seed that is not JSON still serves the byte-level kinds.
      }
    }
    this.trees = t;
    this.random = new Random(seed);
    this.out = out;
    this.endpoint =
        WebhookEndpoint.builder()
            .appSecret(SECRET)
            .verifyToken("fuzz-verify-token")
            .router(WebhookRouter.builder().onUnhandled(e -> {}).build())
            .build();
  }

  /**
   * Runs the fuzzer.
   *
   * @param args {@code --inputs N} (default 1,000,000), {@code --seed S} (default 1), {@code
   *     --seeds DIR} (default the webhooks module's fixtures), {@code --out DIR} (default {@code
   *     target/fuzz-failures})
   * @throws IOException if the seeds cannot be read
   */
  public static void main(String[] args) throws IOException {
    long inputs = 1_000_000;
    long seed = 1;
    Path seedDir = Paths.get("whatsapp-sdk-webhooks/src/test/resources/webhooks");
    Path out = Paths.get("target/fuzz-failures");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--inputs" -> inputs = Long.parseLong(args[i + 1].replace("_", ""));
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--seeds" -> seedDir = Paths.get(args[i + 1]);
        case "--out" -> out = Paths.get(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    WebhookLongFuzz fuzz = new WebhookLongFuzz(readSeeds(seedDir), seed, out);
    System.out.println(fuzz.run(inputs, true));
    if (fuzz.unexpected() > 0) {
      System.exit(1);
    }
  }

  /** Reads every {@code .json} file under a directory, in name order. */
  static List<byte[]> readSeeds(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("seed directory not found: " + dir.toAbsolutePath());
    }
    List<byte[]> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p :
          files.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList())) {
        out.add(Files.readAllBytes(p));
      }
    }
    return out;
  }

  /** Returns how many inputs had an outcome other than the documented ones. */
  long unexpected() {
    return unexpected;
  }

  /**
   * Runs {@code inputs} inputs and returns the report.
   *
   * @param inputs how many inputs to run
   * @param progress whether to print progress to standard error
   */
  String run(long inputs, boolean progress) {
    Thread watchdog = new Thread(this::watch, "fuzz-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    long start = System.nanoTime();
    for (long i = 0; i < inputs; i++) {
      Kind kind = kind(i);
      byte[] body = make(kind);
      currentKind = kind;
      currentStart = System.nanoTime();
      check(kind, body);
      currentStart = 0;
      byKind.merge(kind, 1L, Long::sum);
      bytes += body.length;
      if (progress && (i + 1) % 100_000 == 0) {
        System.err.printf(
            Locale.ROOT,
            "%,d inputs, %,d unexpected, %.0f s%n",
            i + 1,
            unexpected,
            (System.nanoTime() - start) / 1e9);
      }
    }
    watchdog.interrupt();
    double seconds = (System.nanoTime() - start) / 1e9;
    return report(inputs, seconds);
  }

  private void watch() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        return;
      }
      long s = currentStart;
      if (s != 0 && System.nanoTime() - s > STALL_NANOS) {
        System.err.println("STALL: one " + currentKind + " input ran over 60 s");
        System.exit(2);
      }
    }
  }

  // ------------------------------------------------------------------ the check

  private void check(Kind kind, byte[] body) {
    boolean parsedOk;
    try {
      List<WebhookEvent> events = parser.parse(body);
      parsedOk = true;
      parsed++;
      for (WebhookEvent e : events) {
        eventsByType.merge(e.getClass().getSimpleName(), 1L, Long::sum);
        exercise(e);
      }
    } catch (WebhookParseException e) {
      parsedOk = false;
      rejected++;
    } catch (RuntimeException | StackOverflowError e) {
      record(kind, body, "parser threw " + describe(e));
      return;
    }
    WebhookResponse r =
        endpoint.handle(
            WebhookRequest.builder()
                .method("POST")
                .header(SignatureVerifier.HEADER, signer.sign(body))
                .body(body)
                .build());
    statuses.merge(r.status(), 1L, Long::sum);
    int expected = body.length > endpoint.maxBodyBytes() ? 413 : parsedOk ? 200 : 400;
    if (r.status() != expected) {
      record(kind, body, "endpoint answered " + r.status() + ", expected " + expected);
    }
  }

  /** Calls every public no-argument accessor, so derived values are read too. */
  private void exercise(WebhookEvent e) {
    for (Method m : accessors.computeIfAbsent(e.getClass(), WebhookLongFuzz::accessorsOf)) {
      Object v;
      try {
        v = m.invoke(e);
      } catch (InvocationTargetException ex) {
        throw new IllegalStateException(
            e.getClass().getSimpleName() + "." + m.getName() + " threw " + ex.getCause(),
            ex.getCause());
      } catch (IllegalAccessException ex) {
        throw new IllegalStateException(ex);
      }
      if (v == null) {
        throw new IllegalStateException(e.getClass().getSimpleName() + "." + m.getName() + " null");
      }
    }
  }

  private static List<Method> accessorsOf(Class<?> type) {
    List<Method> out = new ArrayList<>();
    for (Method m : type.getMethods()) {
      if (m.getParameterCount() == 0
          && !Modifier.isStatic(m.getModifiers())
          && m.getDeclaringClass() != Object.class
          && !m.getName().equals("hashCode")
          && !m.getName().equals("getClass")) {
        out.add(m);
      }
    }
    return out;
  }

  private void record(Kind kind, byte[] body, String what) {
    unexpected++;
    if (samples.size() < MAX_SAMPLES) {
      String file = "unexpected-" + samples.size() + ".bin";
      try {
        Files.createDirectories(out);
        Files.write(out.resolve(file), body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      samples.add(kind + " (" + body.length + " bytes, " + out.resolve(file) + "): " + what);
    }
  }

  private static String describe(Throwable e) {
    StringBuilder b = new StringBuilder(e.getClass().getName());
    StackTraceElement[] st = e.getStackTrace();
    for (int i = 0; i < Math.min(5, st.length); i++) {
      b.append(i == 0 ? " at " : " < ").append(st[i]);
    }
    return b.toString();
  }

  private String report(long inputs, double seconds) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "WebhookLongFuzz: %,d inputs in %.1f s (%,.0f/s), %,d MB%n",
            inputs,
            seconds,
            inputs / seconds,
            bytes / (1024 * 1024)));
    b.append("  by kind: ").append(byKind).append('\n');
    b.append(
        String.format(
            Locale.ROOT,
            "  parser: %,d parsed into events, %,d rejected with WebhookParseException%n",
            parsed,
            rejected));
    b.append("  endpoint statuses: ").append(statuses).append('\n');
    b.append("  events by type: ").append(eventsByType).append('\n');
    b.append(String.format(Locale.ROOT, "  unexpected outcomes: %,d%n", unexpected));
    for (String s : samples) {
      b.append("    ").append(s).append('\n');
    }
    return b.toString();
  }

  // ------------------------------------------------------------------ inputs

  private static Kind kind(long i) {
    int slot = (int) (i % 100);
    if (slot < 36) {
      return Kind.MUTATED;
    } else if (slot < 50) {
      return Kind.TRUNCATED;
    } else if (slot < 72) {
      return Kind.RESHAPED;
    } else if (slot < 82) {
      return Kind.FIELD_MOVED;
    } else if (slot < 90) {
      return Kind.DEEP;
    } else if (slot < 92) {
      return Kind.HUGE;
    }
    return Kind.RANDOM;
  }

  private byte[] make(Kind kind) {
    switch (kind) {
      case MUTATED:
        return mutate(seed());
      case TRUNCATED:
        {
          byte[] s = seed();
          return java.util.Arrays.copyOf(s, random.nextInt(s.length + 1));
        }
      case RESHAPED:
        return reshape();
      case FIELD_MOVED:
        return moveField();
      case DEEP:
        return deep();
      case HUGE:
        return huge();
      default:
        return randomBody();
    }
  }

  private byte[] seed() {
    return seeds.get(random.nextInt(seeds.size()));
  }

  private byte[] mutate(byte[] seed) {
    byte[] b = seed.clone();
    int mutations = 1 + random.nextInt(12);
    for (int i = 0; i < mutations && b.length > 0; i++) {
      int pos = random.nextInt(b.length);
      switch (random.nextInt(6)) {
        case 0 -> b[pos] = (byte) random.nextInt(256);
        case 1 -> b[pos] = INTERESTING[random.nextInt(INTERESTING.length)];
        case 2 -> {
          int len = Math.min(b.length - pos, 1 + random.nextInt(40));
          byte[] n = new byte[b.length - len];
          System.arraycopy(b, 0, n, 0, pos);
          System.arraycopy(b, pos + len, n, pos, b.length - pos - len);
          b = n;
        }
        case 3 -> {
          int len = Math.min(b.length - pos, 1 + random.nextInt(200));
          byte[] n = new byte[b.length + len];
          System.arraycopy(b, 0, n, 0, pos + len);
          System.arraycopy(b, pos, n, pos + len, b.length - pos);
          b = n;
        }
        case 4 -> {
          byte[] n = new byte[b.length + 1];
          System.arraycopy(b, 0, n, 0, pos);
          n[pos] = INTERESTING[random.nextInt(INTERESTING.length)];
          System.arraycopy(b, pos, n, pos + 1, b.length - pos);
          b = n;
        }
        default -> {
          int other = random.nextInt(b.length);
          byte t = b[pos];
          b[pos] = b[other];
          b[other] = t;
        }
      }
    }
    return b;
  }

  private JsonNode tree() {
    return trees.get(random.nextInt(trees.size())).deepCopy();
  }

  /** Replaces a few nodes of a real payload with values of another shape or size. */
  private byte[] reshape() {
    JsonNode root = tree();
    int changes = 1 + random.nextInt(4);
    for (int c = 0; c < changes; c++) {
      List<JsonNode> containers = new ArrayList<>();
      collect(root, containers);
      JsonNode target = containers.get(random.nextInt(containers.size()));
      if (target instanceof ObjectNode o) {
        List<String> names = new ArrayList<>(o.propertyNames());
        String name =
            names.isEmpty() || random.nextInt(4) == 0
                ? KEYS[random.nextInt(KEYS.length)]
                : names.get(random.nextInt(names.size()));
        o.set(name, randomValue(root));
      } else if (target instanceof ArrayNode a) {
        if (a.isEmpty() || random.nextBoolean()) {
          a.add(randomValue(root));
        } else {
          a.set(random.nextInt(a.size()), randomValue(root));
        }
      }
    }
    return JSON.writeValueAsBytes(root);
  }

  private static void collect(JsonNode n, List<JsonNode> out) {
    if (n.isContainer()) {
      out.add(n);
      for (JsonNode child : n) {
        collect(child, out);
      }
    }
  }

  private JsonNode randomValue(JsonNode root) {
    switch (random.nextInt(12)) {
      case 0:
        return NODES.nullNode();
      case 1:
        return NODES.booleanNode(random.nextBoolean());
      case 2:
        return NODES.numberNode(random.nextLong());
      case 3:
        return NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(600) - 300));
      case 4:
        return NODES.stringNode(randomText(random.nextInt(40)));
      case 5:
        return NODES.stringNode(Long.toString(random.nextLong()));
      case 6:
        return NODES.objectNode();
      case 7:
        return NODES.arrayNode();
      case 8:
        {
          List<JsonNode> containers = new ArrayList<>();
          collect(root, containers);
          return containers.get(random.nextInt(containers.size())).deepCopy();
        }
      case 9:
        return NODES.stringNode(FIELDS[random.nextInt(FIELDS.length)]);
      case 10:
        {
          ArrayNode a = NODES.arrayNode();
          int n = random.nextInt(5);
          for (int i = 0; i < n; i++) {
            a.add(NODES.stringNode(KEYS[random.nextInt(KEYS.length)]));
          }
          return a;
        }
      default:
        return NODES.stringNode(
            new String[] {
                  "connect",
                  "terminate",
                  "group_create",
                  "accept",
                  "[PHONE_NUMBER_SETTINGS]",
                  "LeadSubmitted",
                  "call_permission_reply",
                  "request_welcome",
                  "group",
                  "RINGING",
                  "media_placeholder",
                  "Needs Connecting",
                  "   ",
                  ""
                }
                [random.nextInt(14)]);
    }
  }

  private String randomText(int len) {
    StringBuilder b = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      switch (random.nextInt(5)) {
        case 0 -> b.append((char) ('a' + random.nextInt(26)));
        case 1 -> b.append((char) random.nextInt(0x80));
        case 2 -> b.append((char) (0x80 + random.nextInt(0x780)));
        case 3 -> b.appendCodePoint(0x1F300 + random.nextInt(0x300));
        default -> b.append(random.nextBoolean() ? '\uD83D' : '"');
      }
    }
    return b.toString();
  }

  /** Moves a real payload's value to another field, or an unknown one. */
  private byte[] moveField() {
    JsonNode root = tree();
    JsonNode entries = root.path("entry");
    for (JsonNode entry : entries) {
      for (JsonNode change : entry.path("changes")) {
        if (change instanceof ObjectNode o) {
          o.put("field", FIELDS[random.nextInt(FIELDS.length)]);
        }
      }
    }
    return JSON.writeValueAsBytes(root);
  }

  /** A valid envelope whose value nests arrays and objects 1 to 300 levels deep. */
  private byte[] deep() {
    int depth = 1 + random.nextInt(300);
    String key = KEYS[random.nextInt(KEYS.length)];
    StringBuilder inner = new StringBuilder();
    StringBuilder close = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      if (random.nextBoolean()) {
        inner.append('[');
        close.insert(0, ']');
      } else {
        inner.append("{\"").append(KEYS[random.nextInt(KEYS.length)]).append("\":");
        close.insert(0, '}');
      }
    }
    inner.append(random.nextBoolean() ? "1" : "\"x\"");
    String body =
        envelope(FIELDS[random.nextInt(FIELDS.length)], "\"" + key + "\":" + inner + close);
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /** A valid envelope with one huge string, number, key or array. */
  private byte[] huge() {
    String field = FIELDS[random.nextInt(FIELDS.length)];
    String value;
    switch (random.nextInt(5)) {
      case 0 -> value = "\"text\":{\"body\":\"" + "x".repeat(1 << (14 + random.nextInt(9))) + "\"}";
      case 1 -> value = "\"timestamp\":" + "9".repeat(100 + random.nextInt(400));
      case 2 -> value = "\"" + "k".repeat(1 << (10 + random.nextInt(10))) + "\":1";
      case 3 -> {
        int n = 1 << (6 + random.nextInt(10));
        StringBuilder b = new StringBuilder("\"messages\":[");
        for (int i = 0; i < n; i++) {
          b.append(i == 0 ? "" : ",")
              .append("{\"id\":\"wamid.")
              .append(i)
              .append("\",\"type\":\"text\",\"from\":\"1\",\"text\":{\"body\":\"hi\"}}");
        }
        value = b.append(']').toString();
      }
      default -> value = "\"event\":\"" + "\\u00e9".repeat(1 << (8 + random.nextInt(12))) + "\"";
    }
    return envelope(field, value).getBytes(StandardCharsets.UTF_8);
  }

  private static String envelope(String field, String valueBody) {
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
        + "\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":"
        + "{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},"
        + valueBody
        + "},\"field\":\""
        + field
        + "\"}]}]}";
  }

  private byte[] randomBody() {
    if (random.nextBoolean()) {
      byte[] b = new byte[random.nextInt(4097)];
      random.nextBytes(b);
      return b;
    }
    String[] tokens = {
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
      "\"calls\"",
      "\"groups\"",
      "\"messages\"",
      "\"statuses\"",
      "\"id\"",
      "\"type\"",
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
      "\""
    };
    StringBuilder b = new StringBuilder();
    int n = random.nextInt(200);
    for (int i = 0; i < n; i++) {
      b.append(tokens[random.nextInt(tokens.length)]);
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }
}
