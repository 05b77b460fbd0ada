package dev.wasdk.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.redis.testing.LocalRedisServer;
import dev.wasdk.webhooks.Deduplicator;
import dev.wasdk.webhooks.DeduplicatorContract;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisDeduplicatorTest extends DeduplicatorContract {
  private final List<RedisDeduplicator> opened = new ArrayList<>();
  private final String prefix = "test:" + UUID.randomUUID() + ":";

  @Override
  protected Deduplicator newDeduplicator(Duration horizon) {
    RedisDeduplicator d =
        RedisDeduplicator.builder()
            .redisUri(LocalRedisServer.shared().uri())
            .keyPrefix(prefix)
            .horizon(horizon)
            .build();
    opened.add(d);
    return d;
  }

  @AfterEach
  void close() {
    opened.forEach(RedisDeduplicator::close);
  }

  @Test
  void everyWrite_setsATimeToLive() {
    Deduplicator d = newDeduplicator(Duration.ofHours(1));
    d.claim(key("ttl-claim"), "h", T0, Duration.ofMinutes(2));
    d.claim(key("ttl-done"), "h", T0, Duration.ofMinutes(2));
    d.complete(key("ttl-done"), "h", T0);
    d.claim(key("ttl-renew"), "h", T0, Duration.ofMinutes(2));
    d.renew(key("ttl-renew"), "h", T0.plusSeconds(60), Duration.ofMinutes(2));
    RedisClient client = RedisClient.create(LocalRedisServer.shared().uri());
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      long claimTtl = c.sync().pttl(prefix + key("ttl-claim"));
      long doneTtl = c.sync().pttl(prefix + key("ttl-done"));
      long renewTtl = c.sync().pttl(prefix + key("ttl-renew"));
      // lease or horizon plus the one-minute margin
      assertThat(claimTtl).isBetween(120_000L, 180_000L);
      assertThat(doneTtl).isBetween(3_600_000L, 3_660_000L);
      assertThat(renewTtl).isBetween(120_000L, 180_000L);
    } finally {
      client.shutdown();
    }
  }

  @Test
  void claim_redisDown_throwsIllegalState() {
    try (LocalRedisServer own = LocalRedisServer.start()) {
      RedisDeduplicator d =
          RedisDeduplicator.builder()
              .redisUri(own.uri())
              .commandTimeout(Duration.ofMillis(500))
              .build();
      opened.add(d);
      own.stop();
      assertThatThrownBy(() -> d.claim(key("down"), "h", T0, Duration.ofMinutes(2)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Redis de-duplication store");
    }
  }
}
