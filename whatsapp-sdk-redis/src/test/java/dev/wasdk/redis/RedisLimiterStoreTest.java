package dev.wasdk.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.redis.testing.LocalRedisServer;
import dev.wasdk.sender.LimiterStore;
import dev.wasdk.sender.LimiterStore.AdmitResult;
import dev.wasdk.sender.LimiterStore.TakeResult;
import dev.wasdk.sender.LimiterStoreContract;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the store contract, and the Redis specifics, against a real redis-server. */
class RedisLimiterStoreTest extends LimiterStoreContract {
  private static LocalRedisServer redis;
  private static RedisLimiterStore store;
  private static RedisClient inspector;
  private static StatefulRedisConnection<String, String> inspection;

  @BeforeAll
  static void startStore() {
    redis = LocalRedisServer.shared();
    System.out.println("redis-server for the tests: " + redis);
    store =
        RedisLimiterStore.builder()
            .redisUri(redis.uri())
            .keyPrefix("contract:" + UUID.randomUUID() + ":")
            .build();
    inspector = RedisClient.create(redis.uri());
    inspection = inspector.connect();
  }

  @AfterAll
  static void closeStore() {
    store.close();
    inspection.close();
    inspector.shutdown();
  }

  @Override
  protected LimiterStore store() {
    return store;
  }

  private static RedisCommands<String, String> redisCommands() {
    return inspection.sync();
  }

  @Test
  void tryTake_anyBucket_keyHasPrefixAndExpiresWhenFullAgain() {
    String prefix = "ttl:" + UUID.randomUUID() + ":";
    try (RedisLimiterStore s =
        RedisLimiterStore.builder().redisUri(redis.uri()).keyPrefix(prefix).build()) {
      s.tryTake("pair", PAIR, 45, T0);

      // 45 tokens at one per 6 s are full again after 270 s; the key lives that long plus a minute
      long ttl = redisCommands().pttl(prefix + "b:pair");
      assertThat(ttl).isBetween(329_000L, 330_000L);
      assertThat(redisCommands().hget(prefix + "b:pair", "u")).isEqualTo("0");
    }
  }

  @Test
  void tryTake_refused_writesNothing() {
    String prefix = "ro:" + UUID.randomUUID() + ":";
    try (RedisLimiterStore s =
        RedisLimiterStore.builder().redisUri(redis.uri()).keyPrefix(prefix).build()) {
      s.tryTake("k", PAIR, 45, T0);
      String before = redisCommands().hget(prefix + "b:k", "t");

      TakeResult refused = s.tryTake("k", PAIR, 1, at(1_000));

      assertThat(refused.taken()).isFalse();
      assertThat(redisCommands().hget(prefix + "b:k", "t")).isEqualTo(before);
    }
  }

  @Test
  void admit_anyWindow_keyExpiresAfterTheWindow() {
    String prefix = "ttlw:" + UUID.randomUUID() + ":";
    try (RedisLimiterStore s =
        RedisLimiterStore.builder().redisUri(redis.uri()).keyPrefix(prefix).build()) {
      s.admit("tier", "16505551234", 10, DAY, T0);

      long ttl = redisCommands().pttl(prefix + "w:tier");
      assertThat(ttl).isBetween(86_459_000L, 86_460_001L);
      assertThat(redisCommands().zscore(prefix + "w:tier", "16505551234"))
          .isEqualTo((double) (T0.getEpochSecond() * 1_000_000L));
    }
  }

  @Test
  void tryTake_scriptsFlushedFromServer_areLoadedAgain() {
    String key = newKey("b");
    store.tryTake(key, PAIR, 1, T0);

    redisCommands().scriptFlush();

    assertThat(store.tryTake(key, PAIR, 1, T0)).isEqualTo(new TakeResult(true, 43, Duration.ZERO));
    assertThat(store.admit(newKey("w"), "a", 1, DAY, T0))
        .isEqualTo(new AdmitResult(true, false, 1, Duration.ZERO));
  }

  @Test
  void builder_keyPrefix_separatesDeployments() {
    try (RedisLimiterStore a =
            RedisLimiterStore.builder()
                .redisUri(redis.uri())
                .keyPrefix("a:" + UUID.randomUUID())
                .build();
        RedisLimiterStore b =
            RedisLimiterStore.builder()
                .redisUri(redis.uri())
                .keyPrefix("b:" + UUID.randomUUID())
                .build()) {
      a.tryTake("same", PAIR, 45, T0);

      assertThat(b.tryTake("same", PAIR, 1, T0).remaining()).isEqualTo(44);
    }
  }

  @Test
  void client_givenByCaller_staysOpenAfterClose() {
    RedisClient own = RedisClient.create(redis.uri());
    try {
      RedisLimiterStore s = RedisLimiterStore.builder().client(own).keyPrefix("own:").build();
      assertThat(s.tryTake(newKey("b"), PAIR, 1, T0).taken()).isTrue();
      s.close();

      try (StatefulRedisConnection<String, String> c = own.connect()) {
        assertThat(c.sync().ping()).isEqualTo("PONG");
      }
    } finally {
      own.shutdown();
    }
  }

  @Test
  void toString_namesHostPortAndPolicyOnly() {
    try (RedisLimiterStore s =
        RedisLimiterStore.builder()
            .redisUri("redis://:s3cret@127.0.0.1:" + redis.port())
            .keyPrefix("x:")
            .build()) {
      assertThat(s.toString())
          .isEqualTo(
              "RedisLimiterStore[Redis at 127.0.0.1:" + redis.port() + ", prefix=x:, failClosed]")
          .doesNotContain("s3cret");
    }
  }
}
