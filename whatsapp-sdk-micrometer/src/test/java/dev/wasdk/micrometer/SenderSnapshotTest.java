package dev.wasdk.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.sender.LimiterStore;
import dev.wasdk.sender.MessageSender;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The sender gauges read one stats snapshot per second, not one per gauge or per scrape. */
class SenderSnapshotTest {

  @Test
  void gauges_shareOneStatsReadPerSecond() {
    AtomicInteger windowReads = new AtomicInteger();
    LimiterStore counting =
        new LimiterStore() {
          private final LimiterStore inner = LimiterStore.inMemory();

          @Override
          public TakeResult tryTake(String key, BucketSpec spec, long tokens, Instant now) {
            return inner.tryTake(key, spec, tokens, now);
          }

          @Override
          public AdmitResult admit(
              String key, String member, long limit, Duration window, Instant now) {
            return inner.admit(key, member, limit, window, now);
          }

          @Override
          public boolean release(String key, String member, Instant admittedAt) {
            return inner.release(key, member, admittedAt);
          }

          @Override
          public long windowSize(String key, Duration window, Instant now) {
            windowReads.incrementAndGet();
            return inner.windowSize(key, window, now);
          }
        };
    MockClock clock = new MockClock();
    SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    // Nothing is submitted, so the client never connects anywhere.
    try (WhatsAppClient wa =
            WhatsAppClient.builder()
                .accessToken("unused-token")
                .phoneNumberId("106540352242922")
                .baseUrl(URI.create("http://127.0.0.1:1"))
                .build();
        MessageSender sender =
            MessageSender.builder(wa).store(counting).tier(MessagingTier.TIER_2K).build()) {
      WhatsAppMetrics.of(registry).bind(sender);

      double limit = registry.get("whatsapp.sender.tier.limit").gauge().value();
      registry.get("whatsapp.sender.tier.used").gauge().value();
      registry.get("whatsapp.sender.queued").gauge().value();
      int afterFirstScrape = windowReads.get();
      clock.add(1_001, TimeUnit.MILLISECONDS);
      registry.get("whatsapp.sender.tier.used").gauge().value();

      assertThat(limit).isEqualTo(2_000.0);
      assertThat(afterFirstScrape).isEqualTo(1);
      assertThat(windowReads).hasValue(2);
    }
  }
}
