package dev.wasdk.testkit.internal;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.QualityRating;
import dev.wasdk.message.Recipient;
import dev.wasdk.testkit.PlatformRule;
import dev.wasdk.testkit.RecordedRequest;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.SimulatorStats;
import dev.wasdk.testkit.WebhookDelivery;
import dev.wasdk.webhooks.WebhookSigner;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's state and request handling, independent of the HTTP engine: the engine hands each
 * request to {@link #handle(SimRequest)} and writes back the {@link Outcome}. Thread-safe: the hot
 * path (a message send) takes only short per-bucket locks and lock-free counters.
 */
public final class Simulator implements AutoCloseable {
  static final Pattern VERSION = Pattern.compile("v\\d{1,3}\\.\\d{1,2}");
  static final long DAY_MILLIS = Duration.ofHours(24).toMillis();
  private static final Pattern NON_DIGITS = Pattern.compile("[^0-9]");
  private static final Pattern WA_ID = Pattern.compile("[1-9]\\d{6,14}");
  private static final int MAX_RECORDED_BODY = 16_384;
  private static final Pattern ACCESS_TOKEN_PARAM = Pattern.compile("([?&]access_token=)[^&]*");
  private static final int MAX_INBOUND_IDS = 100_000;
  private static final int PAIR_SWEEP_SIZE = 100_000;

  /**
   * What to answer: a response, and the injected fault that changes how it is sent, if any.
   *
   * @param response the response
   * @param fault the fault, or null
   */
  public record Outcome(SimResponse response, FaultQueue.Spec fault) {}

  /** A business phone number and the per-number state. */
  static final class Phone {
    final String id;
    final String display;
    final String verifiedName;
    volatile QualityRating quality = QualityRating.GREEN;
    volatile int throughput;
    volatile TokenBucket throughputBucket;
    final ConcurrentHashMap<String, TokenBucket> pairBuckets = new ConcurrentHashMap<>();
    volatile int pairCleanupAt = PAIR_SWEEP_SIZE;
    final ConcurrentHashMap<String, Long> lastInbound = new ConcurrentHashMap<>();
    final Set<String> blocked = Collections.synchronizedSet(new LinkedHashSet<>());
    volatile ObjectNode profile;

    Phone(Settings.PhoneNumber p) {
      this.id = p.id();
      this.display = p.displayNumber();
      this.verifiedName = p.verifiedName();
    }
  }

  final Settings settings;
  final Clock clock;
  final Map<String, Phone> phones;
  final Phone primary;
  final TemplateStore templates = new TemplateStore();
  final FlowStore flows = new FlowStore();
  final MediaStore media = new MediaStore(64L * 1024 * 1024);
  final FaultQueue faults;
  final Random random;
  final UniqueUserWindow reach = new UniqueUserWindow(DAY_MILLIS);
  final Set<String> optedOut = ConcurrentHashMap.newKeySet();
  final Map<String, Integer> deliveryFailures = new ConcurrentHashMap<>();
  final Map<String, dev.wasdk.testkit.AudienceProfile> audiences = new ConcurrentHashMap<>();
  final AudienceReactions reactions = new AudienceReactions(this);
  final Map<String, String> inboundIds =
      Collections.synchronizedMap(
          new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
              return size() > MAX_INBOUND_IDS;
            }
          });

  final BoundedLog<SentMessage> sent;
  final BoundedLog<RecordedRequest> requests;
  final BoundedLog<WebhookDelivery> deliveries;
  final BoundedLog<String> markedRead;
  final LongAdder accepted = new LongAdder();
  final ConcurrentHashMap<Integer, LongAdder> rejected = new ConcurrentHashMap<>();
  final ConcurrentHashMap<Integer, LongAdder> failed = new ConcurrentHashMap<>();
  final WebhookDispatcher webhooks;
  final MessagesEndpoint messages;
  final ManagementEndpoints management;
  final MediaEndpoints mediaEndpoints;
  final ProfileEndpoints profileEndpoints;
  final BlockedUserEndpoints blockedUsers;
  final ProductRoutes products = new ProductRoutes(this);
  final AccessTokens tokens;
  final PlatformEvents events = new PlatformEvents(this);

  volatile MessagingTier tier;
  volatile URI webhookUrl;
  volatile String baseUrl = "http://127.0.0.1";

  /** Creates a simulator from its settings; nothing listens until the engine starts. */
  public Simulator(Settings settings) {
    this.settings = settings;
    this.clock = settings.clock();
    this.random = settings.seed() != null ? new Random(settings.seed()) : new Random();
    this.faults = new FaultQueue(random);
    Map<String, Phone> map = new LinkedHashMap<>();
    for (Settings.PhoneNumber p : settings.phoneNumbers()) {
      Phone phone = new Phone(p);
      map.put(phone.id, phone);
    }
    this.phones = Collections.unmodifiableMap(map);
    this.primary = map.values().iterator().next();
    this.tier = settings.tier();
    this.webhookUrl = settings.webhookUrl();
    this.tokens = new AccessTokens(clock, settings.accessToken());
    this.sent = new BoundedLog<>(settings.recordLimit());
    this.requests = new BoundedLog<>(settings.recordLimit());
    this.deliveries = new BoundedLog<>(settings.recordLimit());
    this.markedRead = new BoundedLog<>(settings.recordLimit());
    this.webhooks =
        new WebhookDispatcher(
            // Signs as dev.wasdk.webhooks.WebhookSigner does; either can serve here.
            WebhookSigner.of(settings.appSecret())::sign,
            () -> webhookUrl,
            settings.webhookAttempts(),
            settings.webhookBackoff(),
            settings.duplicateRate(),
            random,
            deliveries);
    this.messages = new MessagesEndpoint(this);
    this.management = new ManagementEndpoints(this);
    this.mediaEndpoints = new MediaEndpoints(this);
    this.profileEndpoints = new ProfileEndpoints(this);
    this.blockedUsers = new BlockedUserEndpoints(this);
    resetLimits();
    for (Phone p : phones.values()) {
      p.profile = ProfileEndpoints.defaultProfile();
    }
    templates.create(
        JsonIo.MAPPER.readTree(
            "{\"name\":\"hello_world\",\"language\":\"en_US\",\"category\":\"MARKETING\","
                + "\"components\":[{\"type\":\"HEADER\",\"format\":\"TEXT\",\"text\":\"Hello"
                + " World\"},{\"type\":\"BODY\",\"text\":\"Welcome and congratulations!! This"
                + " message demonstrates your ability to send a WhatsApp message notification"
                + " from the Cloud API, hosted by Meta. Thank you for taking the time to test"
                + " with us.\"},{\"type\":\"FOOTER\",\"text\":\"WhatsApp Business Platform"
                + " sample message\"}]}"),
        "APPROVED");
  }

  // ---- request handling ------------------------------------------------------------------------

  /** Returns the Calling, Groups and account-administration endpoints. */
  public ProductRoutes products() {
    return products;
  }

  /** Returns the access token checks: the current token, expiry and rotation. */
  public AccessTokens tokens() {
    return tokens;
  }

  /** Returns the operations tests drive: inbound messages, preferences and platform events. */
  public PlatformEvents events() {
    return events;
  }

  /** Returns the Flows and business public keys this simulator holds. */
  public FlowStore flows() {
    return flows;
  }

  /** Handles one request. Never throws. */
  public Outcome handle(SimRequest req) {
    Instant now = clock.instant();
    String path = req.path();
    boolean isMessages = req.method().equals("POST") && path.endsWith("/messages");
    FaultQueue.Spec fault = faults.next(isMessages);
    SimResponse response;
    if (fault != null && fault.kind() == FaultQueue.Kind.ERROR) {
      response = SimResponse.error(GraphErrorException.of(fault.httpStatus(), fault.code(), null));
    } else {
      response = route(req, now);
    }
    if (response.errorCode() != 0) {
      rejected.computeIfAbsent(response.errorCode(), c -> new LongAdder()).increment();
    }
    record(req, response, fault, now);
    return new Outcome(response, fault);
  }

  private SimResponse route(SimRequest req, Instant now) {
    try {
      String path = req.path();
      if (path.startsWith(MediaEndpoints.DOWNLOAD_PATH)) {
        return mediaEndpoints.download(req, now);
      }
      tokens.authenticate(req, now);
      String[] seg = segments(path);
      SimResponse account = products.account.route(seg, req.method(), req, now);
      if (account != null) {
        return account;
      }
      if (seg.length < 2 || seg.length > 3) {
        throw unknownPath(path);
      }
      if (!VERSION.matcher(seg[0]).matches()) {
        throw new GraphErrorException(
            400,
            100,
            null,
            "OAuthException",
            "Invalid version format. Use format like 'v23.0'",
            null);
      }
      String id = seg[1];
      String method = req.method();
      if (flows.has(id)) {
        return seg.length == 2
            ? flows.object(method, id, req, now)
            : flows.edge(method, id, seg[2], req);
      }
      SimResponse product = products.route(seg, method, req, now);
      if (product != null) {
        return product;
      }
      if (seg.length == 2) {
        return management.object(method, id, req, now);
      }
      String edge = seg[2];
      Phone phone = phones.get(id);
      if (phone != null) {
        switch (edge) {
          case "messages":
            requireMethod(method, id, "POST");
            return messages.handle(phone, req, now);
          case "media":
            requireMethod(method, id, "POST");
            return mediaEndpoints.upload(phone, req, now);
          case "whatsapp_business_profile":
            return profileEndpoints.profile(phone, method, req);
          case "block_users":
            return blockedUsers.blockUsers(phone, method, req, now);
          case "whatsapp_business_encryption":
            return flows.encryption(phone.id, method, req);
          default:
            throw nonexistingField(edge, "WhatsAppBusinessPhoneNumber");
        }
      }
      if (id.equals(settings.wabaId())) {
        switch (edge) {
          case "message_templates":
            return management.templates(method, req);
          case "phone_numbers":
            requireMethod(method, id, "GET");
            return management.phoneNumbers(req);
          case "flows":
            return flows.waba(method, req);
          case "migrate_flows":
            return flows.migrate(method, req);
          default:
            throw nonexistingField(edge, "WhatsAppBusinessAccount");
        }
      }
      throw GraphErrorException.unknownObject(method, id);
    } catch (GraphErrorException e) {
      return SimResponse.error(e);
    }
  }

  static String[] segments(String path) {
    List<String> out = new ArrayList<>(4);
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out.toArray(new String[0]);
  }

  static void requireMethod(String method, String id, String... allowed) {
    for (String a : allowed) {
      if (a.equals(method)) {
        return;
      }
    }
    throw GraphErrorException.unknownObject(method, id);
  }

  static GraphErrorException unknownPath(String path) {
    return new GraphErrorException(
        400, 2500, null, "OAuthException", "Unknown path components: " + path, null);
  }

  static GraphErrorException nonexistingField(String field, String nodeType) {
    return new GraphErrorException(
        400,
        100,
        null,
        "OAuthException",
        "(#100) Tried accessing nonexisting field (" + field + ") on node type (" + nodeType + ")",
        null);
  }

  private void record(SimRequest req, SimResponse response, FaultQueue.Spec fault, Instant now) {
    String body;
    List<SimRequest.Part> parts = req.parts();
    if (!parts.isEmpty()) {
      body = "<multipart: " + parts.size() + " parts>";
    } else {
      byte[] raw = req.body();
      String s = raw.length == 0 ? "" : JsonIo.utf8(raw);
      body = s.length() > MAX_RECORDED_BODY ? s.substring(0, MAX_RECORDED_BODY) : s;
    }
    String query = ACCESS_TOKEN_PARAM.matcher(req.rawQuery()).replaceAll("$1<redacted>");
    boolean reset = fault != null && fault.kind() == FaultQueue.Kind.CONNECTION_RESET;
    requests.add(
        new RecordedRequest(
            req.method(),
            req.path() + query,
            body,
            reset ? 0 : response.status(),
            response.errorCode() != 0 ? OptionalInt.of(response.errorCode()) : OptionalInt.empty(),
            fault == null ? "" : fault.kind().name(),
            now));
  }

  // ---- limits ----------------------------------------------------------------------------------

  /** Returns a user's key for windows, opt-outs and pair rates: the WhatsApp id or the user id. */
  static String userKey(Recipient r) {
    // Meta knows a user by their wa_id, whichever form of the number was dialled.
    return r.kind() == Recipient.Kind.PHONE ? WaIds.canonical(r.value().substring(1)) : r.value();
  }

  /**
   * Normalizes a user's phone number as a test gives it: formatting and a leading {@code +}
   * removed.
   */
  static String waId(String phone) {
    String digits = NON_DIGITS.matcher(phone).replaceAll("");
    if (!WA_ID.matcher(digits).matches()) {
      throw new IllegalArgumentException(
          "expected a phone number of 7 to 15 digits with country code, such as +16505551234");
    }
    return digits;
  }

  boolean windowOpen(Phone phone, String user, long nowMillis) {
    Long last = phone.lastInbound.get(user);
    return last != null && nowMillis - last < DAY_MILLIS && nowMillis >= last;
  }

  TokenBucket pairBucket(Phone phone, String user, long nowMillis) {
    TokenBucket b = phone.pairBuckets.get(user);
    if (b != null) {
      return b;
    }
    if (phone.pairBuckets.size() > phone.pairCleanupAt) {
      // Full buckets behave like new ones, so forgetting them changes nothing. The next sweep waits
      // until the map has doubled, so sweeps stay rare when most buckets are in use.
      phone.pairBuckets.values().removeIf(x -> x.isFull(nowMillis));
      phone.pairCleanupAt = Math.max(PAIR_SWEEP_SIZE, 2 * phone.pairBuckets.size());
    }
    long nanosPerToken = settings.pairRefill().toNanos();
    return phone.pairBuckets.computeIfAbsent(
        user, k -> new TokenBucket(settings.pairBurst(), nanosPerToken, nowMillis));
  }

  private void resetLimits() {
    long now = clock.millis();
    for (Phone p : phones.values()) {
      setThroughput(p, p.throughput == 0 ? settings.throughputPerSecond() : p.throughput, now);
      p.pairBuckets.clear();
    }
    reach.clear();
  }

  static void setThroughput(Phone p, int mps, long now) {
    p.throughput = mps;
    p.throughputBucket = TokenBucket.perSecond(mps, now);
  }

  boolean enforces(PlatformRule rule) {
    return settings.enforces(rule);
  }

  void countFailure(int code) {
    failed.computeIfAbsent(code, c -> new LongAdder()).increment();
  }

  // ---- webhooks --------------------------------------------------------------------------------

  void emit(String field, byte[] body) {
    webhooks.sequence(List.of(new WebhookDispatcher.Post(field, body)), List.of(Duration.ZERO));
  }

  void emitMessages(Consumer<JsonGenerator> value) {
    emit("messages", WebhookPayloads.envelope(settings.wabaId(), "messages", -1, value));
  }

  void emitField(String field, Consumer<JsonGenerator> value) {
    emit(
        field,
        WebhookPayloads.envelope(
            settings.wabaId(), field, clock.instant().getEpochSecond(), value));
  }

  // ---- operations for tests --------------------------------------------------------------------

  /** Returns the phone number with an id, or the default one for null. */
  Phone phone(String phoneNumberId) {
    if (phoneNumberId == null) {
      return primary;
    }
    Phone p = phones.get(phoneNumberId);
    if (p == null) {
      throw new IllegalArgumentException("unknown phone number id " + phoneNumberId);
    }
    return p;
  }

  /** Sets the callback URL (null stops webhooks). */
  public void webhookUrl(URI url) {
    this.webhookUrl = url;
  }

  /** Sets the address the engine listens on, for media URLs and paging links. */
  public void baseUrl(String url) {
    this.baseUrl = url;
  }

  /** Returns the fault queue. */
  public FaultQueue faults() {
    return faults;
  }

  /** Returns the sent messages, oldest first. */
  public List<SentMessage> sentMessages() {
    return sent.snapshot();
  }

  /** Returns the received requests, oldest first. */
  public List<RecordedRequest> requests() {
    return requests.snapshot();
  }

  /** Returns the webhook outcomes, oldest first. */
  public List<WebhookDelivery> deliveries() {
    return deliveries.snapshot();
  }

  /** Returns the ids marked as read, oldest first. */
  public List<String> markedRead() {
    return markedRead.snapshot();
  }

  /** Returns how many webhook sequences are still waiting or running. */
  public int pendingWebhooks() {
    return webhooks.pending();
  }

  /** Returns the counters. */
  public SimulatorStats stats() {
    return new SimulatorStats(
        accepted.sum(), sums(rejected), sums(failed), webhooks.delivered(), webhooks.failed());
  }

  private static Map<Integer, Long> sums(Map<Integer, LongAdder> counters) {
    Map<Integer, Long> out = new LinkedHashMap<>();
    counters.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /**
   * Forgets what happened: records, counters, limits, windows, opt-outs, blocks, faults and
   * programmed failures. Templates, media, tier, quality, throughput and the token stay.
   */
  public void reset() {
    sent.clear();
    requests.clear();
    deliveries.clear();
    markedRead.clear();
    accepted.reset();
    rejected.clear();
    failed.clear();
    webhooks.resetCounters();
    faults.clear();
    optedOut.clear();
    deliveryFailures.clear();
    inboundIds.clear();
    flows.resetRecords();
    for (Phone p : phones.values()) {
      p.lastInbound.clear();
      p.blocked.clear();
    }
    resetLimits();
  }

  @Override
  public void close() {
    webhooks.close();
  }
}
