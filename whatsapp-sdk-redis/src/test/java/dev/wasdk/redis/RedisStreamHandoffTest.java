package dev.wasdk.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.redis.testing.LocalRedisServer;
import dev.wasdk.webhooks.DeduplicatorContract;
import dev.wasdk.webhooks.DispatchMode;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookParser;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.CallTerminated;
import dev.wasdk.webhooks.event.GroupParticipantsChanged;
import dev.wasdk.webhooks.event.TextReceived;
import dev.wasdk.webhooks.event.WebhookEvent;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The durable hand-off on Redis Streams, against a real redis-server, faults included. */
class RedisStreamHandoffTest {
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String stream = "test:stream:" + run;
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final Set<String> handled = ConcurrentHashMap.newKeySet();

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

  private RedisStreamHandoff handoff(String uri) {
    return closeLater(RedisStreamHandoff.builder().redisUri(uri).stream(stream).build());
  }

  private RedisStreamWorker worker(String uri, Consumer<TextReceived> handler, int maxDeliveries) {
    return closeLater(
        RedisStreamWorker.builder(WebhookRouter.builder().on(TextReceived.class, handler).build())
            .redisUri(uri)
            .stream(stream)
            .claimIdle(Duration.ofMillis(300))
            .maxDeliveries(maxDeliveries)
            .drainTimeout(Duration.ofSeconds(5))
            .start());
  }

  private static List<WebhookEvent> events(String... ids) {
    List<WebhookEvent> out = new ArrayList<>();
    for (String id : ids) {
      out.addAll(WebhookParser.create().parse(DeduplicatorContract.textDelivery(id).body()));
    }
    return out;
  }

  private List<String> ids(String prefix, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add("wamid." + run + "." + prefix + i);
    }
    return ids;
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() < deadline).as("waiting for " + what).isTrue();
      Thread.sleep(10);
    }
  }

  private static long pending(String uri, String stream) {
    RedisClient c = RedisClient.create(uri);
    try (StatefulRedisConnection<String, String> conn = c.connect()) {
      return conn.sync().xpending(stream, RedisStreamHandoff.DEFAULT_GROUP).getCount();
    } finally {
      c.shutdown();
    }
  }

  @Test
  void endpoint_acceptsIntoTheStream_workerHandlesAndAcknowledgesEveryEvent() throws Exception {
    String uri = LocalRedisServer.shared().uri();
    RedisStreamHandoff handoff = handoff(uri);
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(DeduplicatorContract.APP_SECRET)
            .verifyToken("t")
            .dispatch(DispatchMode.asynchronous(handoff))
            .build();
    List<String> ids = ids("e", 30);
    for (String id : ids) {
      assertThat(endpoint.handle(DeduplicatorContract.textDelivery(id)).status()).isEqualTo(200);
    }
    assertThat(handoff.length()).isEqualTo(30);
    worker(uri, t -> handled.add(t.header().id()), 3);
    await(() -> handled.containsAll(ids), "every event handled");
    await(() -> pending(uri, stream) == 0, "every entry acknowledged");
  }

  @Test
  void rebuiltEvent_equalsTheAcceptedOne() throws Exception {
    String uri = LocalRedisServer.shared().uri();
    List<WebhookEvent> accepted = events("wamid." + run + ".same");
    handoff(uri).accept(accepted);
    List<WebhookEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    closeLater(
        RedisStreamWorker.builder(WebhookRouter.builder().on(WebhookEvent.class, seen::add).build())
            .redisUri(uri)
            .stream(stream)
            .start());
    await(() -> seen.size() == 1, "the event");
    assertThat(seen).containsExactlyElementsOf(accepted);
  }

  @Test
  void rebuiltEvents_withContactEntryTimeAndStatus_equalTheAcceptedOnes() throws Exception {
    String uri = LocalRedisServer.shared().uri();
    String json =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
            + "\"time\":1739321024,\"changes\":[{\"field\":\"messages\",\"value\":{"
            + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
            + "\"15550783881\",\"phone_number_id\":\"106540352242922\"},\"contacts\":[{"
            + "\"profile\":{\"name\":\"Kerry \u00e9\"},\"wa_id\":\"16505551234\","
            + "\"user_id\":\"US.1349\"}],\"messages\":[{\"from\":\"16505551234\",\"id\":"
            + "\"wamid."
            + run
            + ".c\",\"timestamp\":\"1739321024\",\"type\":\"text\",\"text\":{\"body\":"
            + "\"h\u00e9llo\"}}],\"statuses\":[{\"id\":\"wamid."
            + run
            + ".s\",\"status\":\"failed\",\"timestamp\":\"1739321024\",\"recipient_id\":"
            + "\"16505551234\",\"errors\":[{\"code\":131049,\"title\":\"t\"}]}]}}]}]}";
    List<WebhookEvent> accepted =
        WebhookParser.create().parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(accepted).hasSize(2);
    assertThat(accepted.get(0).context().contact()).isPresent();
    assertThat(accepted.get(0).context().entryTime()).isPresent();
    handoff(uri).accept(accepted);
    List<WebhookEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    closeLater(
        RedisStreamWorker.builder(WebhookRouter.builder().on(WebhookEvent.class, seen::add).build())
            .redisUri(uri)
            .stream(stream)
            .start());
    await(() -> seen.size() == 2, "both events");
    assertThat(seen).containsExactlyElementsOf(accepted);
  }

  @Test
  void rebuiltEvents_readingPartsOfTheirChangesValue_equalTheAcceptedOnes() throws Exception {
    String uri = LocalRedisServer.shared().uri();
    String json =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
            + "\"changes\":[{\"field\":\"calls\",\"value\":{\"messaging_product\":\"whatsapp\","
            + "\"metadata\":{\"phone_number_id\":\"106540352242922\"},\"calls\":[{\"id\":"
            + "\"wacid."
            + run
            + "\",\"to\":\"16505551234\",\"from\":\"15550783881\",\"event\":\"terminate\","
            + "\"direction\":\"BUSINESS_INITIATED\",\"timestamp\":\"1750272000\","
            + "\"status\":\"FAILED\"}],\"errors\":[{\"code\":138021,\"title\":\"Media\","
            + "\"error_data\":{\"details\":\"No media for 20 s\"}}]}},"
            + "{\"field\":\"group_participants_update\",\"value\":{\"messaging_product\":"
            + "\"whatsapp\",\"metadata\":{\"phone_number_id\":\"106540352242922\"},"
            + "\"groups\":[{\"timestamp\":\"1750272000\",  \"group_id\":\"g."
            + run
            + "\",\"type\":\"group_participants_remove\",\"removed_participants\":[{"
            + "\"wa_id\":\"16505559876\"}]}],\"initiated_by\":\"business\"}}]}]}";
    List<WebhookEvent> accepted =
        WebhookParser.create().parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(accepted).hasSize(2);
    assertThat(((CallTerminated) accepted.get(0)).errors()).hasSize(1);
    assertThat(((GroupParticipantsChanged) accepted.get(1)).rawInitiatedBy()).hasValue("business");
    handoff(uri).accept(accepted);
    List<WebhookEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    closeLater(
        RedisStreamWorker.builder(WebhookRouter.builder().on(WebhookEvent.class, seen::add).build())
            .redisUri(uri)
            .stream(stream)
            .start());
    await(() -> seen.size() == 2, "both events");
    assertThat(seen).containsExactlyElementsOf(accepted);
  }

  @Test
  void workerKilledMidHandler_anotherWorkerHandlesItsEvents() throws Exception {
    String uri = LocalRedisServer.shared().uri();
    RedisStreamHandoff handoff = handoff(uri);
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    Set<String> byFirst = ConcurrentHashMap.newKeySet();
    RedisStreamWorker first =
        worker(
            uri,
            t -> {
              entered.countDown();
              try {
                never.await(); // stuck until killed
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("killed");
              }
              byFirst.add(t.header().id());
            },
            5);
    List<String> ids = ids("k", 10);
    handoff.accept(events(ids.toArray(String[]::new)));
    assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
    first.kill();

    worker(uri, t -> handled.add(t.header().id()), 5);
    await(() -> handled.containsAll(ids), "the second worker to handle every event");
    assertThat(byFirst).isEmpty();
    await(() -> pending(uri, stream) == 0, "every entry acknowledged");
  }

  @Test
  void redisCrashesBetweenAddAndAck_nothingIsLost() throws Exception {
    try (LocalRedisServer redis = LocalRedisServer.startDurable()) {
      String uri = redis.uri();
      RedisStreamHandoff handoff = handoff(uri);
      List<String> ids = ids("r", 20);
      assertThat(handoff.accept(events(ids.toArray(String[]::new)))).isTrue();
      // Accepted, not yet read by anyone: the crash must keep them.
      redis.crashAndRestart();

      CountDownLatch entered = new CountDownLatch(1);
      CountDownLatch proceed = new CountDownLatch(1);
      worker(
          uri,
          t -> {
            entered.countDown();
            try {
              proceed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            handled.add(t.header().id());
          },
          10);
      assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
      // Read and being handled, not yet acknowledged: the crash must keep them pending.
      redis.crashAndRestart();
      proceed.countDown();

      await(() -> handled.containsAll(ids), "every event handled after two crashes");
      await(() -> pending(uri, stream) == 0, "every entry acknowledged");
    }
  }

  @Test
  void poisonEvent_goesToTheDeadLetterStreamAfterNTries_othersKeepFlowing() throws Exception {
    String uri = LocalRedisServer.shared().uri();
    RedisStreamHandoff handoff = handoff(uri);
    String poison = "wamid." + run + ".poison";
    Set<String> cured = ConcurrentHashMap.newKeySet();
    java.util.concurrent.atomic.AtomicInteger poisonTries =
        new java.util.concurrent.atomic.AtomicInteger();
    RedisStreamWorker worker =
        worker(
            uri,
            t -> {
              if (t.header().id().equals(poison) && !cured.contains(poison)) {
                poisonTries.incrementAndGet();
                throw new IllegalStateException("cannot handle this one");
              }
              handled.add(t.header().id());
            },
            3);
    List<String> before = ids("a", 10);
    List<String> after = ids("b", 10);
    handoff.accept(events(before.toArray(String[]::new)));
    handoff.accept(events(poison));
    handoff.accept(events(after.toArray(String[]::new)));

    await(() -> handled.containsAll(before) && handled.containsAll(after), "the others");
    await(() -> handoff.deadLetters(10).size() == 1, "the poison event in the dead letters");
    RedisStreamHandoff.DeadLetter letter = handoff.deadLetters(10).get(0);
    assertThat(letter.deliveries()).isEqualTo(3);
    assertThat(letter.eventType()).isEqualTo("TextReceived");
    assertThat(letter.rawJson()).contains(poison);
    assertThat(letter.toString()).doesNotContain(poison);
    assertThat(poisonTries.get()).isEqualTo(3);
    assertThat(worker.deadLetters()).isEqualTo(1);
    assertThat(handled).doesNotContain(poison);

    cured.add(poison);
    assertThat(handoff.replay(letter.id())).isPresent();
    await(() -> handled.contains(poison), "the replayed event");
    assertThat(handoff.deadLetters(10)).isEmpty();
    assertThat(handoff.replay(letter.id())).isEmpty();
  }

  @Test
  void accept_redisDown_throwsSoTheEndpointAnswers503() {
    try (LocalRedisServer redis = LocalRedisServer.start()) {
      RedisStreamHandoff handoff =
          closeLater(
              RedisStreamHandoff.builder().redisUri(redis.uri()).stream(stream)
                  .commandTimeout(Duration.ofMillis(500))
                  .build());
      redis.stop();
      WebhookEndpoint endpoint =
          WebhookEndpoint.builder()
              .appSecret(DeduplicatorContract.APP_SECRET)
              .verifyToken("t")
              .dispatch(DispatchMode.asynchronous(handoff))
              .build();
      assertThat(endpoint.handle(DeduplicatorContract.textDelivery("wamid." + run)).status())
          .isEqualTo(503);
      assertThatThrownBy(() -> handoff.accept(events("wamid.x" + run)))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void accept_manyEvents_lengthStaysNearTheBound() {
    String uri = LocalRedisServer.shared().uri();
    RedisStreamHandoff handoff =
        closeLater(
            RedisStreamHandoff.builder().redisUri(uri).stream(stream).maxLength(100).build());
    List<WebhookEvent> one = events("wamid." + run + ".t");
    for (int i = 0; i < 300; i++) {
      handoff.accept(one);
    }
    // Trimming is approximate: Redis drops whole nodes of up to 100 entries.
    assertThat(handoff.length()).isBetween(100L, 200L);
  }
}
