package dev.wasdk.sender;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.message.Message;
import dev.wasdk.redis.RedisLimiterStore;
import dev.wasdk.redis.testing.LocalRedisServer;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Call-permission requests counted in a real Redis: what one app instance sent counts against the
 * other, so together they keep Meta's 1 per 24 hours and 2 per 7 days for a user.
 */
class RedisCallPermissionTest {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final String PHONE_ID = "106540352242922";
  static final String USER = "+16505550001";

  final FakeTime time = new FakeTime(T0);
  final ScriptedTransport transport = new ScriptedTransport(time);
  RedisClient clientA;
  RedisClient clientB;
  RedisLimiterStore storeA;
  RedisLimiterStore storeB;

  @BeforeEach
  void start() {
    LocalRedisServer redis = LocalRedisServer.shared();
    String prefix = "callperm:" + UUID.randomUUID() + ":";
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
        .tier(MessagingTier.TIER_UNLIMITED)
        .throughputPerSecond(80)
        .enforceServiceWindow(false)
        .build();
  }

  SendOutcome send(MessageSender sender) {
    CompletableFuture<SendOutcome> f =
        sender.submit(Message.to(USER).callPermissionRequest("May we call you?"));
    time.advance(Duration.ofSeconds(1));
    assertThat(f).isDone();
    return f.join();
  }

  static RejectReason reason(SendOutcome o) {
    assertThat(o).isInstanceOf(SendOutcome.Rejected.class);
    return ((SendOutcome.Rejected) o).reason();
  }

  @Test
  void twoInstancesOneRedis_shareTheDailyAndWeeklyCount() {
    MessageSender a = sender(storeA);
    MessageSender b = sender(storeB);
    assertThat(send(a)).isInstanceOf(SendOutcome.Sent.class);
    assertThat(reason(send(b))).isEqualTo(RejectReason.CALL_PERMISSION_REQUEST_LIMIT);

    time.advance(Duration.ofDays(1));
    assertThat(send(b)).isInstanceOf(SendOutcome.Sent.class);
    time.advance(Duration.ofDays(1));
    SendOutcome third = send(a);
    assertThat(reason(third)).isEqualTo(RejectReason.CALL_PERMISSION_REQUEST_LIMIT);
    assertThat(((SendOutcome.Rejected) third).detail()).contains("2 per 7 days");
    assertThat(transport.calls()).hasSize(2);
    a.close(Duration.ofSeconds(1));
    b.close(Duration.ofSeconds(1));
  }
}
