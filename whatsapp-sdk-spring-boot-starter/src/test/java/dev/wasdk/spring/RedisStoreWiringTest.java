package dev.wasdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.redis.RedisLimiterStore;
import dev.wasdk.redis.testing.LocalRedisServer;
import dev.wasdk.sender.LimiterStore;
import dev.wasdk.sender.LimiterStore.BucketSpec;
import dev.wasdk.sender.LimiterStore.TakeResult;
import dev.wasdk.sender.MessageSender;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Redis store the properties describe reaches a real redis-server, under the given prefix. */
class RedisStoreWiringTest {

  @Test
  void limiterStore_redisEnabled_countsInTheConfiguredRedisUnderThePrefix() {
    LocalRedisServer redis = LocalRedisServer.shared();
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(WhatsAppAutoConfiguration.class))
        .withPropertyValues(
            "wasdk.access-token=token",
            "wasdk.phone-number-id=106540352242922",
            "wasdk.webhook.enabled=false",
            "wasdk.redis.enabled=true",
            "wasdk.redis.uri=" + redis.uri(),
            "wasdk.redis.key-prefix=wiring-test:")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              LimiterStore store = context.getBean(LimiterStore.class);
              assertThat(store).isInstanceOf(RedisLimiterStore.class);
              assertThat(context).hasSingleBean(MessageSender.class);

              BucketSpec spec = new BucketSpec(2, 1, Duration.ofMinutes(1));
              Instant now = Instant.parse("2026-01-01T00:00:00Z");
              TakeResult first = store.tryTake("bucket-1", spec, 1, now);
              TakeResult second = store.tryTake("bucket-1", spec, 1, now);
              TakeResult third = store.tryTake("bucket-1", spec, 1, now);

              assertThat(first.taken()).isTrue();
              assertThat(second.taken()).isTrue();
              assertThat(third.taken()).isFalse();
              RedisClient client = RedisClient.create(redis.uri());
              try (StatefulRedisConnection<String, String> c = client.connect()) {
                assertThat(c.sync().keys("wiring-test:*")).isNotEmpty();
              } finally {
                client.shutdown();
              }
            });
  }
}
