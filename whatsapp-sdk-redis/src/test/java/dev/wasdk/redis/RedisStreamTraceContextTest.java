package dev.wasdk.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.internal.redis.StreamCarrier;
import dev.wasdk.internal.redis.StreamCodec;
import dev.wasdk.observe.CapturedContext;
import dev.wasdk.observe.HandlerEvent;
import dev.wasdk.observe.HandlerStart;
import dev.wasdk.observe.Observation;
import dev.wasdk.observe.WebhookDeliveryEvent;
import dev.wasdk.observe.WhatsAppObserver;
import dev.wasdk.redis.testing.LocalRedisServer;
import dev.wasdk.webhooks.DeduplicatorContract;
import dev.wasdk.webhooks.DispatchMode;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookParser;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.TextReceived;
import dev.wasdk.webhooks.event.WebhookEvent;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery's trace context crosses the stream: the hand-off stores the endpoint observer's
 * propagation fields with each entry, and a worker with its own observer (as another app instance
 * has) runs the handler inside the context rebuilt from them, also after a redelivery and a replay
 * from the dead letters. Against a real redis-server.
 */
class RedisStreamTraceContextTest {
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String stream = "test:trace:" + run;
  private final String uri = LocalRedisServer.shared().uri();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final List<String> seen = new CopyOnWriteArrayList<>();

  /**
   * Stands for a tracer in one app instance: its own "current span", set while a delivery is
   * observed and while a rebuilt context is current, and the fields it writes and reads.
   */
  private class ThreadLocalTracer implements WhatsAppObserver {
    final ThreadLocal<String> current = new ThreadLocal<>();
    final String deliveryName;

    ThreadLocalTracer(String deliveryName) {
      this.deliveryName = deliveryName;
    }

    @Override
    public Observation<WebhookDeliveryEvent> onWebhookStart() {
      current.set(deliveryName);
      return e -> current.remove();
    }

    @Override
    public CapturedContext capture() {
      String taken = current.get();
      return () -> {
        String before = current.get();
        current.set(taken);
        return () -> current.set(before);
      };
    }

    @Override
    public Map<String, String> inject() {
      String c = current.get();
      return c == null ? Map.of() : Map.of("trace", c);
    }

    @Override
    public CapturedContext extract(Map<String, String> fields) {
      String remote = fields.get("trace");
      if (remote == null) {
        return CapturedContext.none();
      }
      return () -> {
        String before = current.get();
        current.set("remote " + remote);
        return () -> current.set(before);
      };
    }

    @Override
    public Observation<HandlerEvent> onHandlerStart(HandlerStart start) {
      seen.add("start " + start.eventType() + " in " + current.get());
      return e -> seen.add("end " + e.result());
    }
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
  }

  private <T extends AutoCloseable> T closeLater(T c) {
    closing.add(c);
    return c;
  }

  private RedisStreamHandoff handoff() {
    return closeLater(RedisStreamHandoff.builder().redisUri(uri).stream(stream).build());
  }

  private WebhookEndpoint endpoint(RedisStreamHandoff handoff, WhatsAppObserver observer) {
    return WebhookEndpoint.builder()
        .appSecret(DeduplicatorContract.APP_SECRET)
        .verifyToken("t")
        .dispatch(DispatchMode.asynchronous(handoff))
        .observer(observer)
        .build();
  }

  /** Starts a worker on its own Redis client, as another app instance would. */
  private RedisStreamWorker worker(
      WhatsAppObserver observer, Consumer<TextReceived> handler, int maxDeliveries) {
    return closeLater(
        RedisStreamWorker.builder(WebhookRouter.builder().on(TextReceived.class, handler).build())
            .redisUri(uri)
            .stream(stream)
            .claimIdle(Duration.ofMillis(300))
            .maxDeliveries(maxDeliveries)
            .drainTimeout(Duration.ofSeconds(5))
            .observer(observer)
            .start());
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() < deadline).as("waiting for " + what).isTrue();
      Thread.sleep(10);
    }
  }

  private List<Map<String, String>> entries(String key) {
    RedisClient c = RedisClient.create(uri);
    try (StatefulRedisConnection<String, String> conn = c.connect()) {
      List<Map<String, String>> out = new ArrayList<>();
      for (StreamMessage<String, String> m : conn.sync().xrange(key, Range.create("-", "+"))) {
        out.add(m.getBody());
      }
      return out;
    } finally {
      c.shutdown();
    }
  }

  private static Map<String, String> contextFields(Map<String, String> entry) {
    Map<String, String> out = new LinkedHashMap<>();
    entry.forEach(
        (k, v) -> {
          if (k.startsWith(StreamCarrier.PREFIX)) {
            out.put(k, v);
          }
        });
    return out;
  }

  private long pending() {
    RedisClient c = RedisClient.create(uri);
    try (StatefulRedisConnection<String, String> conn = c.connect()) {
      return conn.sync().xpending(stream, RedisStreamHandoff.DEFAULT_GROUP).getCount();
    } finally {
      c.shutdown();
    }
  }

  @Test
  void endpointWithObserver_entryCarriesTheContext_workerElsewhereHandlesInsideIt()
      throws Exception {
    ThreadLocalTracer receiving = new ThreadLocalTracer("delivery-" + run);
    ThreadLocalTracer handling = new ThreadLocalTracer("unused");
    String id = "wamid." + run + ".traced";
    Map<String, String> handledIn = new ConcurrentHashMap<>();

    assertThat(
            endpoint(handoff(), receiving).handle(DeduplicatorContract.textDelivery(id)).status())
        .isEqualTo(200);
    List<Map<String, String>> stored = entries(stream);
    assertThat(stored).hasSize(1);
    assertThat(contextFields(stored.get(0)))
        .isEqualTo(Map.of(StreamCarrier.PREFIX + "trace", "delivery-" + run));

    worker(
        handling, t -> handledIn.put(t.header().id(), String.valueOf(handling.current.get())), 3);
    await(() -> handledIn.containsKey(id), "the event handled");
    await(() -> pending() == 0, "the entry acknowledged");

    assertThat(handledIn.get(id)).isEqualTo("remote delivery-" + run);
    await(() -> seen.size() == 2, "the handler's end reported");
    assertThat(seen).containsExactly("start TextReceived in remote delivery-" + run, "end HANDLED");
    // the worker's thread keeps nothing current once the handler returned
    assertThat(receiving.current.get()).isNull();
  }

  @Test
  void noObserver_orNothingCaptured_entriesCarryNoContextFields() {
    RedisStreamHandoff handoff = handoff();
    WhatsAppObserver countsOnly = new WhatsAppObserver() {};

    assertThat(
            WebhookEndpoint.builder()
                .appSecret(DeduplicatorContract.APP_SECRET)
                .verifyToken("t")
                .dispatch(DispatchMode.asynchronous(handoff))
                .build()
                .handle(DeduplicatorContract.textDelivery("wamid." + run + ".plain"))
                .status())
        .isEqualTo(200);
    assertThat(
            endpoint(handoff, countsOnly)
                .handle(DeduplicatorContract.textDelivery("wamid." + run + ".counted"))
                .status())
        .isEqualTo(200);

    List<Map<String, String>> stored = entries(stream);
    assertThat(stored).hasSize(2);
    assertThat(stored).allSatisfy(e -> assertThat(contextFields(e)).isEmpty());
    assertThat(stored).allSatisfy(e -> assertThat(e).containsKey(StreamCodec.RAW));
  }

  @Test
  void entryWithoutContext_handlerIsReportedAndRunsOutsideAnyTrace() throws Exception {
    ThreadLocalTracer handling = new ThreadLocalTracer("unused");
    String id = "wamid." + run + ".old";
    Map<String, String> handledIn = new ConcurrentHashMap<>();
    // written as before carriers existed: the event's fields only
    assertThat(handoff().accept(events(id))).isTrue();
    assertThat(contextFields(entries(stream).get(0))).isEmpty();

    worker(
        handling, t -> handledIn.put(t.header().id(), String.valueOf(handling.current.get())), 3);
    await(() -> handledIn.containsKey(id), "the event handled");
    await(() -> pending() == 0, "the entry acknowledged");

    assertThat(handledIn.get(id)).isEqualTo("null");
    await(() -> seen.size() == 2, "the handler's end reported");
    assertThat(seen).containsExactly("start TextReceived in null", "end HANDLED");
  }

  @Test
  void oversizedContext_isDroppedOnWriteAndIgnoredOnRead_eventsStillFlow() throws Exception {
    ThreadLocalTracer handling = new ThreadLocalTracer("unused");
    WhatsAppObserver bloated =
        new ThreadLocalTracer("delivery-" + run) {
          @Override
          public Map<String, String> inject() {
            return Map.of("trace", "x".repeat(StreamCarrier.MAX_CHARS));
          }
        };
    String written = "wamid." + run + ".big-write";
    String stored = "wamid." + run + ".big-read";
    Map<String, String> handledIn = new ConcurrentHashMap<>();

    assertThat(
            endpoint(handoff(), bloated)
                .handle(DeduplicatorContract.textDelivery(written))
                .status())
        .isEqualTo(200);
    assertThat(contextFields(entries(stream).get(0))).isEmpty();
    // an entry that some other writer gave 40 context fields
    addRaw(stored, 40);

    worker(
        handling, t -> handledIn.put(t.header().id(), String.valueOf(handling.current.get())), 3);
    await(() -> handledIn.keySet().containsAll(List.of(written, stored)), "both events handled");
    await(() -> pending() == 0, "both entries acknowledged");

    assertThat(handledIn).containsEntry(written, "null").containsEntry(stored, "null");
  }

  @Test
  void redeliveryAndReplay_keepTheContext() throws Exception {
    ThreadLocalTracer receiving = new ThreadLocalTracer("delivery-" + run);
    ThreadLocalTracer handling = new ThreadLocalTracer("unused");
    RedisStreamHandoff handoff = handoff();
    String id = "wamid." + run + ".poison";
    Set<String> cured = ConcurrentHashMap.newKeySet();
    List<String> attemptsIn = new CopyOnWriteArrayList<>();
    RedisStreamWorker worker =
        worker(
            handling,
            t -> {
              attemptsIn.add(String.valueOf(handling.current.get()));
              if (!cured.contains(id)) {
                throw new IllegalStateException("cannot handle this one yet");
              }
            },
            2);

    assertThat(endpoint(handoff, receiving).handle(DeduplicatorContract.textDelivery(id)).status())
        .isEqualTo(200);
    await(() -> handoff.deadLetters(10).size() == 1, "the event in the dead letters");
    assertThat(worker.deadLetters()).isEqualTo(1);
    // the first delivery and the redelivery after the idle time both ran in the delivery's trace
    assertThat(attemptsIn).containsExactly("remote delivery-" + run, "remote delivery-" + run);
    assertThat(contextFields(entries(RedisStreamHandoff.deadLetterStream(stream)).get(0)))
        .isEqualTo(Map.of(StreamCarrier.PREFIX + "trace", "delivery-" + run));

    cured.add(id);
    assertThat(handoff.replay(handoff.deadLetters(10).get(0).id())).isPresent();
    await(() -> attemptsIn.size() == 3, "the replayed event handled");
    await(() -> pending() == 0, "the replayed entry acknowledged");
    assertThat(attemptsIn.get(2)).isEqualTo("remote delivery-" + run);
  }

  private static List<WebhookEvent> events(String id) {
    return WebhookParser.create().parse(DeduplicatorContract.textDelivery(id).body());
  }

  /** Adds an entry for {@code id} the way the hand-off does, plus {@code n} context fields. */
  private void addRaw(String id, int n) {
    List<String> kv = new ArrayList<>(StreamCodec.encode(events(id).get(0)));
    for (int i = 0; i < n; i++) {
      kv.add(StreamCarrier.PREFIX + "f" + i);
      kv.add("v" + i);
    }
    Map<String, String> body = new LinkedHashMap<>();
    for (int i = 0; i < kv.size(); i += 2) {
      body.put(kv.get(i), kv.get(i + 1));
    }
    RedisClient c = RedisClient.create(uri);
    try (StatefulRedisConnection<String, String> conn = c.connect()) {
      conn.sync().xadd(stream, body);
    } finally {
      c.shutdown();
    }
  }
}
