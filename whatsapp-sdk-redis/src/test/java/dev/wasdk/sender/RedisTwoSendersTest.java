package dev.wasdk.sender;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.redis.RedisLimiterStore;
import dev.wasdk.redis.testing.LocalRedisServer;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two senders, as two app instances would run them, each with its own Lettuce client, share one
 * real Redis: together they keep the number's throughput and the portfolio's unique-user tier.
 */
class RedisTwoSendersTest {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final String PHONE_ID = "106540352242922";

  final FakeTime time = new FakeTime(T0);
  final ScriptedTransport transport = new ScriptedTransport(time);
  RedisClient clientA;
  RedisClient clientB;
  RedisLimiterStore storeA;
  RedisLimiterStore storeB;

  @BeforeEach
  void start() {
    LocalRedisServer redis = LocalRedisServer.shared();
    String prefix = "senders:" + UUID.randomUUID() + ":";
    clientA = RedisClient.create(redis.uri());
    clientB = RedisClient.create(redis.uri());
    storeA = RedisLimiterStore.builder().client(clientA).keyPrefix(prefix).build();
    storeB = RedisLimiterStore.builder().client(clientB).keyPrefix(prefix).build();
  }

  @AfterEach
  void stop() {
    storeA.close();
    storeB.close();
    clientA.shutdown();
    clientB.shutdown();
  }

  MessageSender sender(LimiterStore store) {
    return MessageSender.builder(PHONE_ID, transport)
        .clock(time)
        .scheduler(time)
        .store(store)
        .portfolioId("portfolio-1")
        .throughputPerSecond(80)
        .tier(MessagingTier.TIER_250)
        // Redis is healthy here: the default budget in real time could turn a loaded machine's
        // slow answer into a refusal, which is not what is tested.
        .storeCallBudget(Duration.ofSeconds(30))
        .build();
  }

  static Message utility(int user) {
    return Message.to(String.format("+1650555%04d", user))
        .template("order_update", "en_US")
        .category(TemplateCategory.UTILITY)
        .build();
  }

  @Test
  void submit_twoInstancesOneRedis_combinedRateAndUniqueUsersWithinLimits() {
    MessageSender a = sender(storeA);
    MessageSender b = sender(storeB);
    List<CompletableFuture<SendOutcome>> futures = new ArrayList<>();
    // 200 users each, 50 of them the same: 350 unique users against a tier of 250.
    for (int i = 0; i < 200; i++) {
      futures.add(a.submit(utility(i)));
      futures.add(b.submit(utility(150 + i)));
    }

    time.advance(Duration.ofSeconds(60));

    List<ScriptedTransport.Call> calls = transport.calls();
    Set<String> users = new HashSet<>();
    calls.forEach(c -> users.add(c.to()));
    assertThat(users).hasSize(250);
    // The 50 shared users were reached by both instances at no extra cost.
    assertThat(calls.size()).isGreaterThan(250).isLessThanOrEqualTo(300);
    assertThat(storeA.windowSize("tier:portfolio-1", Duration.ofHours(24), time.instant()))
        .isEqualTo(250);
    // Together never more than 80 in any second, and evenly spaced at 12.5 ms.
    List<Instant> times = calls.stream().map(ScriptedTransport.Call::at).sorted().toList();
    assertThat(MessageSenderTest.maxInAnyWindow(times, Duration.ofSeconds(1)))
        .isLessThanOrEqualTo(80);
    for (int i = 1; i < times.size(); i++) {
      assertThat(Duration.between(times.get(i - 1), times.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofNanos(12_500_000));
    }
    // The rest wait for a slot: nothing is dropped.
    long pending = futures.stream().filter(f -> !f.isDone()).count();
    assertThat(pending + calls.size()).isEqualTo(400);
    assertThat(a.stats().queued() + b.stats().queued()).isEqualTo(pending);
  }

  @Test
  void submit_twoInstancesOneRedis_lateWakeUps_combinedWindowStaysWithinTheLimit() {
    // Both instances wake up late, 0 to 5 ms and one time in ten up to 60 ms, as on busy machines.
    java.util.Random random = new java.util.Random(7);
    java.util.function.Supplier<Duration> late =
        () ->
            Duration.ofNanos(
                random.nextInt(10) == 0 ? random.nextInt(60_000_001) : random.nextInt(5_000_001));
    MessageSender a = late(storeA, late);
    MessageSender b = late(storeB, late);
    for (int i = 0; i < 600; i++) {
      a.submit(utility(i));
      b.submit(utility(5_000 + i));
    }

    time.advance(Duration.ofSeconds(20));

    List<Instant> times =
        transport.calls().stream().map(ScriptedTransport.Call::at).sorted().toList();
    // One budget of 49 per second for the two: 20 s hold at most 981 sends.
    assertThat(times.size()).isBetween(880, 981);
    assertThat(a.stats().sent()).isGreaterThan(200);
    assertThat(b.stats().sent()).isGreaterThan(200);
    // The bound one sender keeps alone holds for the two together.
    assertThat(MessageSenderTest.maxInAnyWindow(times, Duration.ofMillis(1_010)))
        .isLessThanOrEqualTo(50);
  }

  MessageSender late(LimiterStore store, java.util.function.Supplier<Duration> late) {
    return MessageSender.builder(PHONE_ID, transport)
        .clock(time)
        .scheduler(MessageSenderTest.lateBy(time, late))
        .store(store)
        .throughputPerSecond(50)
        .tier(MessagingTier.TIER_UNLIMITED)
        .storeCallBudget(Duration.ofSeconds(30))
        .build();
  }
}
