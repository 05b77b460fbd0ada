package dev.wasdk.micrometer;

import dev.wasdk.observe.GraphCallEvent;
import dev.wasdk.observe.GraphCallStart;
import dev.wasdk.observe.HandlerEvent;
import dev.wasdk.observe.HandlerStart;
import dev.wasdk.observe.LimiterDecisionEvent;
import dev.wasdk.observe.Observation;
import dev.wasdk.observe.SendOutcomeEvent;
import dev.wasdk.observe.StoreCallEvent;
import dev.wasdk.observe.WebhookDeliveryEvent;
import dev.wasdk.observe.WhatsAppObserver;
import dev.wasdk.sender.MessageSender;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Records what wasdk does as Micrometer meters. It is a {@link WhatsAppObserver}: give it to the
 * client's and the webhook endpoint's builders, and {@link #bind} each sender for its gauges.
 *
 * <p><b>Meters.</b> Names follow Micrometer's dot convention; a registry renders them in its own
 * style ({@code whatsapp_graph_requests_seconds} in Prometheus).
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@code whatsapp.graph.requests}</td><td>timer</td>
 *       <td>{@code method}, {@code uri} (path template), {@code outcome}, {@code status},
 *       {@code error.code}</td></tr>
 *   <tr><td>{@code whatsapp.sends}</td><td>counter</td>
 *       <td>{@code phone.number.id}, {@code outcome}, {@code reason}, {@code error.code}</td></tr>
 *   <tr><td>{@code whatsapp.limiter.decisions}</td><td>counter</td>
 *       <td>{@code phone.number.id}, {@code decision}, {@code limit}</td></tr>
 *   <tr><td>{@code whatsapp.sender.queued}, {@code whatsapp.sender.in.flight},
 *       {@code whatsapp.sender.tier.used}, {@code whatsapp.sender.tier.limit},
 *       {@code whatsapp.sender.throughput}</td><td>gauges</td>
 *       <td>{@code phone.number.id}</td></tr>
 *   <tr><td>{@code whatsapp.webhook.deliveries}</td><td>timer</td>
 *       <td>{@code status}, {@code result}</td></tr>
 *   <tr><td>{@code whatsapp.webhook.events}, {@code whatsapp.webhook.duplicates}</td>
 *       <td>counters</td><td>none</td></tr>
 *   <tr><td>{@code whatsapp.webhook.verify}, {@code whatsapp.webhook.parse}</td><td>timers</td>
 *       <td>none</td></tr>
 *   <tr><td>{@code whatsapp.webhook.handlers}</td><td>timer</td>
 *       <td>{@code event.type}, {@code result}: handlers an asynchronous hand-off ran after the
 *       delivery was answered</td></tr>
 *   <tr><td>{@code whatsapp.store.calls}</td><td>timer</td>
 *       <td>{@code store}, {@code operation}, {@code result}</td></tr>
 * </table>
 *
 * <p><b>Cardinality.</b> Every tag takes its values from a small fixed set (a path template, an
 * enum, an HTTP status, a Graph error code) or from the business's own phone number ids; no tag
 * ever holds a user's phone number, a message id or a template parameter. The number of meters
 * therefore stays the same however many users are messaged.
 *
 * <p><b>Thread-safety.</b> Thread-safe; one instance may observe several clients, senders and
 * endpoints. Meters are created on first use and then reused.
 *
 * <pre>{@code
 * WhatsAppMetrics metrics = WhatsAppMetrics.of(registry);
 * WhatsAppClient wa = WhatsAppClient.builder()
 *     .accessToken(token).phoneNumberId(id).observer(metrics).build();
 * MessageSender sender = MessageSender.builder(wa).build();
 * metrics.bind(sender);
 * }</pre>
 */
public final class WhatsAppMetrics implements WhatsAppObserver {
  /** How long one snapshot of a sender's state serves its gauges. */
  static final Duration SNAPSHOT_TTL = Duration.ofSeconds(1);

  private final MeterRegistry registry;
  private final Tags common;
  private final ConcurrentMap<GraphKey, Timer> graphTimers = new ConcurrentHashMap<>();
  private final ConcurrentMap<SendOutcomeEvent, Counter> sendCounters = new ConcurrentHashMap<>();
  private final ConcurrentMap<LimiterDecisionEvent, Counter> decisionCounters =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<WebhookKey, Timer> webhookTimers = new ConcurrentHashMap<>();
  private final ConcurrentMap<StoreKey, Timer> storeTimers = new ConcurrentHashMap<>();
  private final ConcurrentMap<HandlerKey, Timer> handlerTimers = new ConcurrentHashMap<>();
  private final Counter webhookEvents;
  private final Counter webhookDuplicates;
  private final Timer webhookVerify;
  private final Timer webhookParse;

  private WhatsAppMetrics(MeterRegistry registry, Tags common) {
    this.registry = registry;
    this.common = common;
    this.webhookEvents =
        Counter.builder("whatsapp.webhook.events")
            .description("Events received in webhook deliveries")
            .tags(common)
            .register(registry);
    this.webhookDuplicates =
        Counter.builder("whatsapp.webhook.duplicates")
            .description("Webhook events skipped as already handled")
            .tags(common)
            .register(registry);
    this.webhookVerify =
        Timer.builder("whatsapp.webhook.verify")
            .description("Time to check a webhook delivery's signature")
            .tags(common)
            .register(registry);
    this.webhookParse =
        Timer.builder("whatsapp.webhook.parse")
            .description("Time to parse a webhook delivery's body")
            .tags(common)
            .register(registry);
  }

  /**
   * Returns metrics recorded in {@code registry}.
   *
   * @param registry the registry
   * @return the observer
   */
  public static WhatsAppMetrics of(MeterRegistry registry) {
    return of(registry, Tags.empty());
  }

  /**
   * Returns metrics recorded in {@code registry}, each meter carrying {@code tags} too (an
   * application name, say).
   *
   * @param registry the registry
   * @param tags tags added to every meter
   * @return the observer
   */
  public static WhatsAppMetrics of(MeterRegistry registry, Tags tags) {
    return new WhatsAppMetrics(
        Objects.requireNonNull(registry, "registry"), Objects.requireNonNull(tags, "tags"));
  }

  /**
   * Registers the gauges of a sender: messages queued and in flight, tier slots used and the tier's
   * limit, and the throughput in use. They read one {@link MessageSender#stats()} snapshot at most
   * once a second (it asks the limiter store for the tier usage), and hold the sender weakly.
   *
   * @param sender the sender
   * @return this
   */
  public WhatsAppMetrics bind(MessageSender sender) {
    Objects.requireNonNull(sender, "sender");
    SenderSnapshot snapshot = new SenderSnapshot(sender, registry.config().clock(), SNAPSHOT_TTL);
    Tags tags = common.and("phone.number.id", snapshot.phoneNumberId());
    gauge(
        "whatsapp.sender.queued",
        "Messages waiting in the sender's queue",
        snapshot,
        tags,
        SenderSnapshot::queued);
    gauge(
        "whatsapp.sender.in.flight",
        "Requests sent and not yet answered",
        snapshot,
        tags,
        SenderSnapshot::inFlight);
    gauge(
        "whatsapp.sender.tier.used",
        "Unique users counted in the rolling 24-hour messaging-limit window",
        snapshot,
        tags,
        SenderSnapshot::tierUsed);
    gauge(
        "whatsapp.sender.tier.limit",
        "The messaging-limit tier's unique users per 24 hours (NaN when unlimited)",
        snapshot,
        tags,
        SenderSnapshot::tierLimit);
    gauge(
        "whatsapp.sender.throughput",
        "The throughput in use, messages per second",
        snapshot,
        tags,
        SenderSnapshot::throughput);
    return this;
  }

  private void gauge(
      String name,
      String description,
      SenderSnapshot snapshot,
      Tags tags,
      java.util.function.ToDoubleFunction<SenderSnapshot> value) {
    Gauge.builder(name, snapshot, value)
        .description(description)
        .tags(tags)
        .strongReference(true) // the snapshot is held here; it holds the sender weakly
        .register(registry);
  }

  @Override
  public Observation<GraphCallEvent> onGraphCallStart(GraphCallStart start) {
    return this::recordGraphCall;
  }

  private void recordGraphCall(GraphCallEvent e) {
    GraphCallStart s = e.start();
    GraphKey key =
        new GraphKey(s.method(), s.pathTemplate(), e.outcome(), e.status(), e.errorCode());
    Timer t = graphTimers.get(key);
    if (t == null) {
      t =
          graphTimers.computeIfAbsent(
              key,
              k ->
                  Timer.builder("whatsapp.graph.requests")
                      .description("Graph API requests, one per HTTP attempt")
                      .tags(common)
                      .tag("method", k.method)
                      .tag("uri", k.uri)
                      .tag("outcome", k.outcome.name())
                      .tag("status", k.status == 0 ? "NONE" : Integer.toString(k.status))
                      .tag("error.code", code(k.errorCode))
                      .register(registry));
    }
    t.record(e.duration().toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void onSendOutcome(SendOutcomeEvent e) {
    // attempts is the one field that is not a tag
    SendOutcomeEvent key =
        new SendOutcomeEvent(e.phoneNumberId(), e.kind(), e.rejectReason(), e.errorCode(), 0);
    Counter c = sendCounters.get(key);
    if (c == null) {
      c =
          sendCounters.computeIfAbsent(
              key,
              k ->
                  Counter.builder("whatsapp.sends")
                      .description("Messages a sender ended, by outcome")
                      .tags(common)
                      .tag("phone.number.id", k.phoneNumberId())
                      .tag("outcome", k.kind().name().toLowerCase(Locale.ROOT))
                      .tag("reason", k.rejectReason().isEmpty() ? "none" : k.rejectReason())
                      .tag("error.code", code(k.errorCode()))
                      .register(registry));
    }
    c.increment();
  }

  @Override
  public void onLimiterDecision(LimiterDecisionEvent e) {
    Counter c = decisionCounters.get(e);
    if (c == null) {
      c =
          decisionCounters.computeIfAbsent(
              e,
              k ->
                  Counter.builder("whatsapp.limiter.decisions")
                      .description("What a sender's limits decided for a message")
                      .tags(common)
                      .tag("phone.number.id", k.phoneNumberId())
                      .tag("decision", k.decision().name().toLowerCase(Locale.ROOT))
                      .tag("limit", k.limit().name().toLowerCase(Locale.ROOT))
                      .register(registry));
    }
    c.increment();
  }

  @Override
  public Observation<WebhookDeliveryEvent> onWebhookStart() {
    return this::recordDelivery;
  }

  private void recordDelivery(WebhookDeliveryEvent e) {
    WebhookKey key = new WebhookKey(e.status(), e.result());
    Timer t = webhookTimers.get(key);
    if (t == null) {
      t =
          webhookTimers.computeIfAbsent(
              key,
              k ->
                  Timer.builder("whatsapp.webhook.deliveries")
                      .description("Webhook POSTs answered, by status and result")
                      .tags(common)
                      .tag("status", Integer.toString(k.status))
                      .tag("result", k.result.name().toLowerCase(Locale.ROOT))
                      .register(registry));
    }
    t.record(e.duration().toNanos(), TimeUnit.NANOSECONDS);
    if (e.events() > 0) {
      webhookEvents.increment(e.events());
    }
    if (e.duplicates() > 0) {
      webhookDuplicates.increment(e.duplicates());
    }
    if (e.result() != WebhookDeliveryEvent.Result.TOO_LARGE) {
      webhookVerify.record(e.verifyTime().toNanos(), TimeUnit.NANOSECONDS);
    }
    if (e.events() > 0 || e.result() == WebhookDeliveryEvent.Result.MALFORMED) {
      webhookParse.record(e.parseTime().toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public Observation<HandlerEvent> onHandlerStart(HandlerStart start) {
    return e -> recordHandler(start.eventType(), e);
  }

  private void recordHandler(String eventType, HandlerEvent e) {
    HandlerKey key = new HandlerKey(eventType, e.result());
    Timer t = handlerTimers.get(key);
    if (t == null) {
      t =
          handlerTimers.computeIfAbsent(
              key,
              k ->
                  Timer.builder("whatsapp.webhook.handlers")
                      .description(
                          "Webhook handlers run by an asynchronous hand-off, by event type and"
                              + " result")
                      .tags(common)
                      .tag("event.type", k.eventType)
                      .tag("result", k.result.name().toLowerCase(Locale.ROOT))
                      .register(registry));
    }
    t.record(e.duration().toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void onStoreCall(StoreCallEvent e) {
    StoreKey key = new StoreKey(e.store(), e.operation(), e.result());
    Timer t = storeTimers.get(key);
    if (t == null) {
      t =
          storeTimers.computeIfAbsent(
              key,
              k ->
                  Timer.builder("whatsapp.store.calls")
                      .description("Calls a sender made to its stores")
                      .tags(common)
                      .tag("store", k.store)
                      .tag("operation", k.operation.replace(' ', '_'))
                      .tag("result", k.result.name().toLowerCase(Locale.ROOT))
                      .register(registry));
    }
    t.record(e.duration().toNanos(), TimeUnit.NANOSECONDS);
  }

  private static String code(int code) {
    return code == 0 ? "none" : Integer.toString(code);
  }

  @Override
  public String toString() {
    return "WhatsAppMetrics[" + registry.getClass().getSimpleName() + "]";
  }

  private record GraphKey(
      String method, String uri, GraphCallEvent.Outcome outcome, int status, int errorCode) {}

  private record WebhookKey(int status, WebhookDeliveryEvent.Result result) {}

  private record HandlerKey(String eventType, HandlerEvent.Result result) {}

  private record StoreKey(String store, String operation, StoreCallEvent.Result result) {}
}
