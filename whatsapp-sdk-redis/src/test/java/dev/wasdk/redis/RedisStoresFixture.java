package dev.wasdk.redis;

import dev.wasdk.redis.testing.LocalRedisServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Stores over the shared test Redis under a prefix of their own, and the second instances that
 * {@code reopen()} hands out over the same prefix, all closed together.
 */
final class RedisStoresFixture implements AutoCloseable {
  private final String uri;
  private final String prefix;
  private final List<RedisStores> opened = new ArrayList<>();
  private final RedisStores first;

  RedisStoresFixture() {
    this.uri = LocalRedisServer.shared().uri();
    this.prefix = "stores:" + UUID.randomUUID() + ":";
    this.first = open();
  }

  RedisStores first() {
    return first;
  }

  /** Opens another instance, with its own client and connection, over the same keys. */
  synchronized RedisStores open() {
    RedisStores s = RedisStores.builder().redisUri(uri).keyPrefix(prefix).build();
    opened.add(s);
    return s;
  }

  @Override
  public synchronized void close() {
    opened.forEach(RedisStores::close);
  }
}
