package dev.wasdk.redis;

import dev.wasdk.redis.testing.LocalRedisServer;
import dev.wasdk.sender.SharedSenderStateContract;
import java.util.UUID;

/**
 * Restarts and two app instances over one real redis-server: each instance a {@link RedisStores}
 * with its own client and connection, over the keys of this test.
 */
class RedisSharedSenderStateTest extends SharedSenderStateContract {
  private final String uri = LocalRedisServer.shared().uri();
  private final String prefix = "shared:" + UUID.randomUUID() + ":";

  @Override
  protected Instance open() {
    RedisStores stores = RedisStores.builder().redisUri(uri).keyPrefix(prefix).build();
    return new Instance(
        stores.consent(), stores.serviceWindows(), stores.recipientIds(), stores::close);
  }
}
