package dev.wasdk.redis;

import dev.wasdk.redis.testing.LocalRedisServer;
import dev.wasdk.sender.LimiterStore;
import dev.wasdk.sender.LimiterStoreContract;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the store contract against a store aligned to the server's clock. The contract's times start
 * at {@code T0}, months away from the server's: the store measures that offset once and moves every
 * time by it, so each expectation, exact to the microsecond, must still hold.
 */
class RedisLimiterStoreServerTimeTest extends LimiterStoreContract {
  private static RedisLimiterStore store;

  @BeforeAll
  static void startStore() {
    store =
        RedisLimiterStore.builder()
            .redisUri(LocalRedisServer.shared().uri())
            .keyPrefix("aligned:" + UUID.randomUUID() + ":")
            .alignToServerTime(Clock.fixed(T0, ZoneOffset.UTC))
            .build();
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  @Override
  protected LimiterStore store() {
    return store;
  }
}
