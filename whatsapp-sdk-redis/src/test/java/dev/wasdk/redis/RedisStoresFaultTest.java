package dev.wasdk.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.redis.testing.LocalRedisServer;
import dev.wasdk.sender.ConsentRecord;
import dev.wasdk.sender.ConsentSource;
import dev.wasdk.sender.StoreUnavailableException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Redis stores when Redis restarts, stalls, or cannot be reached; their keys and lifetimes. */
class RedisStoresFaultTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final ConsentRecord STOP =
      ConsentRecord.optOut(ConsentSource.KEYWORD, "STOP", "wamid.1", T0);

  @Test
  void redisRestart_durableServer_keepsConsentWindowAndIds() {
    try (LocalRedisServer redis = LocalRedisServer.startDurable();
        RedisStores stores =
            RedisStores.builder().redisUri(redis.uri()).reconnectInterval(Duration.ZERO).build()) {
      stores.consent().append("u1", STOP);
      stores.serviceWindows().recordInbound("u1", T0);
      stores.recipientIds().put("dialled1", "u1");

      redis.restart();

      assertThat(stores.consent().history("u1")).containsExactly(STOP);
      assertThat(stores.serviceWindows().lastInbound("u1")).contains(T0);
      assertThat(stores.recipientIds().canonical("dialled1")).contains("u1");
      assertThat(stores.recipientIds().erase("u1")).isTrue();
    }
  }

  @Test
  void redisRestart_appRestartsToo_newStoresSeeTheData() {
    try (LocalRedisServer redis = LocalRedisServer.startDurable()) {
      try (RedisStores before = RedisStores.builder().redisUri(redis.uri()).build()) {
        before.consent().append("u2", STOP);
      }
      redis.restart();
      try (RedisStores after = RedisStores.builder().redisUri(redis.uri()).build()) {
        assertThat(after.consent().history("u2")).containsExactly(STOP);
      }
    }
  }

  @Test
  void redisStopped_callsFailWithStoreUnavailableThenRecover() {
    try (LocalRedisServer redis = LocalRedisServer.startDurable();
        RedisStores stores =
            RedisStores.builder()
                .redisUri(redis.uri())
                .reconnectInterval(Duration.ZERO)
                // Calls before the stop and after the restart must succeed: a budget of seconds
                // keeps a loaded machine's slow answer from failing them.
                .commandTimeout(Duration.ofSeconds(5))
                .build()) {
      stores.serviceWindows().recordInbound("u", T0);
      redis.stop();

      assertThatThrownBy(() -> stores.serviceWindows().lastInbound("u"))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("Redis at 127.0.0.1");

      redis.restart();
      assertThat(stores.serviceWindows().lastInbound("u")).contains(T0);
    }
  }

  @Test
  void redisPaused_callFailsWithinItsBudgetInsteadOfHanging() {
    Duration budget = Duration.ofMillis(200);
    try (LocalRedisServer redis = LocalRedisServer.start();
        RedisStores stores =
            RedisStores.builder().redisUri(redis.uri()).commandTimeout(budget).build()) {
      connect(stores);
      RedisClient admin = RedisClient.create(redis.uri());
      try (StatefulRedisConnection<String, String> c = admin.connect()) {
        // every other client's commands wait 20 s
        c.sync().clientPause(20_000);

        long start = System.nanoTime();
        assertThatThrownBy(() -> stores.consent().history("u"))
            .isInstanceOf(StoreUnavailableException.class)
            .hasMessageContaining("did not answer within 200 ms");
        assertThatThrownBy(() -> stores.serviceWindows().recordInbound("u", T0))
            .isInstanceOf(StoreUnavailableException.class);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        // two calls of 200 ms each, far below the 20 s pause; the bound leaves room for a busy CI
        assertThat(elapsed).isLessThan(Duration.ofSeconds(5));
      } finally {
        admin.shutdown();
      }
    }
  }

  /**
   * Makes a first call succeed, so that the connection is open: the short budget under test could
   * fail it on a loaded machine, so it is retried until it answers, within a generous bound.
   */
  private static void connect(RedisStores stores) {
    long giveUpAt = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        stores.consent().append("u", STOP); // script-free
        return;
      } catch (StoreUnavailableException e) {
        if (System.nanoTime() > giveUpAt) {
          throw e;
        }
      }
    }
  }

  @Test
  void redisUnreachable_failsWithStoreUnavailableAndNoPassword() throws IOException {
    try (RedisStores stores =
        RedisStores.builder()
            .redisUri("redis://:s3cret@127.0.0.1:" + deadPort())
            .commandTimeout(Duration.ofMillis(300))
            .build()) {
      assertThatThrownBy(() -> stores.consent().append("u", STOP))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("Redis at 127.0.0.1")
          .hasMessageNotContaining("s3cret");
      assertThatThrownBy(() -> stores.recipientIds().canonical("d"))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("last attempt failed");
      assertThat(stores.toString()).doesNotContain("s3cret");
    }
  }

  @Test
  void keys_namespacedByPrefix_windowExpiresAfterADayConsentNever() {
    String prefix = "keys:" + UUID.randomUUID() + ":";
    LocalRedisServer redis = LocalRedisServer.shared();
    RedisClient inspector = RedisClient.create(redis.uri());
    try (RedisStores stores =
            RedisStores.builder().redisUri(redis.uri()).keyPrefix(prefix).build();
        StatefulRedisConnection<String, String> c = inspector.connect()) {
      stores.consent().append("u", STOP);
      stores.serviceWindows().recordInbound("u", T0);
      stores.recipientIds().put("d", "u");

      assertThat(c.sync().keys(prefix + "*"))
          .containsExactlyInAnyOrder(
              prefix + "consent:u", prefix + "window:u", prefix + "id:d", prefix + "idr:u");
      assertThat(c.sync().pttl(prefix + "consent:u")).isEqualTo(-1L);
      assertThat(c.sync().pttl(prefix + "window:u"))
          .isBetween(Duration.ofHours(24).toMillis(), RedisStores.WINDOW_TTL.toMillis());
      assertThat(c.sync().pttl(prefix + "id:d")).isEqualTo(-1L);
    } finally {
      inspector.shutdown();
    }
  }

  @Test
  void close_thenCall_throwsIllegalState() {
    RedisStores stores = RedisStores.builder().redisUri("redis://127.0.0.1:1").build();
    stores.close();
    stores.close();

    assertThatThrownBy(() -> stores.consent().history("u"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void builder_invalidSettings_throw() {
    assertThatThrownBy(() -> RedisStores.builder().build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> RedisStores.builder().commandTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RedisStores.builder().redisUri("redis://:pw@[bad"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("pw");
  }

  private static int deadPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
