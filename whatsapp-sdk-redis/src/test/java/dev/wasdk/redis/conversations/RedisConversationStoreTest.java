package dev.wasdk.redis.conversations;

import dev.wasdk.conversations.ConversationStore;
import dev.wasdk.conversations.ConversationStoreContract;
import dev.wasdk.conversations.MutableClock;
import dev.wasdk.redis.testing.LocalRedisServer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/**
 * The conversation store contract on a real redis-server, each test under a key prefix of its own.
 */
class RedisConversationStoreTest extends ConversationStoreContract {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final RedisConversationStore store =
      RedisConversationStore.builder()
          .redisUri(LocalRedisServer.shared().uri())
          .keyPrefix("conv-test:" + UUID.randomUUID() + ":")
          .commandTimeout(Duration.ofSeconds(5))
          .clock(clock)
          .build();

  @AfterEach
  void close() {
    store.close();
  }

  @Override
  protected ConversationStore store() {
    return store;
  }

  @Override
  protected void elapse(Duration d) {
    clock.advance(d);
  }
}
