package dev.wasdk.benchmarks.intake;

import dev.wasdk.redis.RedisDeduplicator;
import dev.wasdk.redis.RedisStreamHandoff;
import dev.wasdk.redis.RedisStreamWorker;
import dev.wasdk.redis.testing.LocalRedisServer;
import dev.wasdk.webhooks.Deduplicator;
import dev.wasdk.webhooks.DispatchMode;
import dev.wasdk.webhooks.QueuedHandoff;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRequest;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.WebhookSigner;
import dev.wasdk.webhooks.event.TextReceived;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures durable webhook intake: signed deliveries through {@link WebhookEndpoint} (verify,
 * parse, leased de-duplication on Redis, hand-off to a Redis stream) and one {@link
 * RedisStreamWorker} that handles and acknowledges them. It reports deliveries per second end to
 * end (until the worker has handled the last one), and the time {@code handle} takes before the 200
 * next to the same endpoint with in-memory de-duplication and a {@link QueuedHandoff}, so the
 * difference is what Redis adds before Meta gets its answer.
 *
 * <pre>
 * java -cp whatsapp-sdk-benchmarks/target/benchmarks.jar \
 *     dev.wasdk.benchmarks.intake.StreamIntakeRun [deliveries] [client threads] [durable]
 * </pre>
 *
 * <p>{@code durable} runs Redis with {@code appendonly yes} and {@code appendfsync always}.
 */
public final class StreamIntakeRun {
  private static final String SECRET = "bench-app-secret-0123456789";

  private StreamIntakeRun() {}

  public static void main(String[] args) throws Exception {
    int deliveries = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    boolean durable = args.length > 2 && args[2].equals("durable");
    List<WebhookRequest> requests = deliveries(deliveries);
    List<WebhookRequest> warmup = deliveries(Math.min(5_000, deliveries));

    try (LocalRedisServer redis =
        durable ? LocalRedisServer.startDurable() : LocalRedisServer.start()) {
      // baseline: the same endpoint with in-memory de-duplication and an in-memory queue
      Result baseline = runInMemory(warmup, clients);
      baseline = runInMemory(requests, clients);
      runRedis(redis.uri(), warmup, clients);
      Result viaRedis = runRedis(redis.uri(), requests, clients);
      System.out.printf(
          Locale.ROOT,
          "stream intake, %,d deliveries of one text message, %d client threads, Redis %s (%s)%n",
          deliveries,
          clients,
          durable ? "appendfsync always" : "no persistence",
          redis.source());
      print("in-memory dedupe + QueuedHandoff", baseline);
      print("Redis dedupe + RedisStreamHandoff + 1 worker", viaRedis);
      System.out.printf(
          Locale.ROOT,
          "added before the 200: p50 %.0f us, p99 %.0f us%n",
          (viaRedis.p50 - baseline.p50) / 1e3,
          (viaRedis.p99 - baseline.p99) / 1e3);
    }
  }

  private record Result(double perSecond, long p50, long p99, long max) {}

  private static void print(String name, Result r) {
    System.out.printf(
        Locale.ROOT,
        "%-46s %,10.0f deliveries/s handled; handle() p50 %,7.0f us, p99 %,7.0f us, max %,7.0f"
            + " us%n",
        name,
        r.perSecond,
        r.p50 / 1e3,
        r.p99 / 1e3,
        r.max / 1e3);
  }

  private static List<WebhookRequest> deliveries(int n) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    WebhookSigner signer = WebhookSigner.of(SECRET);
    List<WebhookRequest> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String json =
          "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
              + "\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
              + "\"metadata\":{\"display_phone_number\":\"15550783881\","
              + "\"phone_number_id\":\"106540352242922\"},\"contacts\":[{\"profile\":"
              + "{\"name\":\"Kerry\"},\"wa_id\":\"16505551234\"}],"
              + "\"messages\":[{\"from\":\"16505551234\",\"id\":\"wamid."
              + run
              + "."
              + i
              + "\",\"timestamp\":\"1739321024\",\"type\":\"text\",\"text\":{\"body\":\"hello\"}}]}}]}]}";
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      out.add(
          WebhookRequest.builder()
              .method("POST")
              .header("Content-Type", "application/json")
              .header("X-Hub-Signature-256", signer.sign(body))
              .body(body)
              .build());
    }
    return out;
  }

  private static Result runInMemory(List<WebhookRequest> requests, int clients) throws Exception {
    CountDownLatch done = new CountDownLatch(requests.size());
    WebhookRouter router =
        WebhookRouter.builder().on(TextReceived.class, t -> done.countDown()).build();
    try (QueuedHandoff handoff =
        QueuedHandoff.builder(router).capacity(requests.size()).workers(1).build()) {
      WebhookEndpoint endpoint =
          WebhookEndpoint.builder()
              .appSecret(SECRET)
              .verifyToken("t")
              .deduplicator(
                  Deduplicator.inMemory(requests.size() * 2, Deduplicator.DEFAULT_HORIZON))
              .dispatch(DispatchMode.asynchronous(handoff))
              .build();
      return drive(endpoint, requests, clients, done);
    }
  }

  private static Result runRedis(String uri, List<WebhookRequest> requests, int clients)
      throws Exception {
    String stream = "bench:" + UUID.randomUUID();
    CountDownLatch done = new CountDownLatch(requests.size());
    WebhookRouter router =
        WebhookRouter.builder().on(TextReceived.class, t -> done.countDown()).build();
    try (RedisDeduplicator dedupe =
            RedisDeduplicator.builder().redisUri(uri).keyPrefix(stream + ":d:").build();
        RedisStreamHandoff handoff =
            RedisStreamHandoff.builder().redisUri(uri).stream(stream).build();
        RedisStreamWorker worker =
            RedisStreamWorker.builder(router).redisUri(uri).stream(stream).batch(64).start()) {
      WebhookEndpoint endpoint =
          WebhookEndpoint.builder()
              .appSecret(SECRET)
              .verifyToken("t")
              .deduplicator(dedupe)
              .dispatch(DispatchMode.asynchronous(handoff))
              .build();
      return drive(endpoint, requests, clients, done);
    }
  }

  private static Result drive(
      WebhookEndpoint endpoint, List<WebhookRequest> requests, int clients, CountDownLatch done)
      throws Exception {
    long[] latencies = new long[requests.size()];
    AtomicLong next = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> work = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      work.add(
          pool.submit(
              () -> {
                int i;
                while ((i = (int) next.getAndIncrement()) < requests.size()) {
                  long t0 = System.nanoTime();
                  int status = endpoint.handle(requests.get(i)).status();
                  latencies[i] = System.nanoTime() - t0;
                  if (status != 200) {
                    throw new IllegalStateException("delivery answered " + status);
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    if (!done.await(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException("not every delivery was handled");
    }
    long elapsed = System.nanoTime() - start;
    pool.shutdown();
    Arrays.sort(latencies);
    int n = latencies.length;
    return new Result(
        n / (elapsed / 1e9),
        latencies[n / 2],
        latencies[Math.min(n - 1, (int) (n * 0.99))],
        latencies[n - 1]);
  }
}
