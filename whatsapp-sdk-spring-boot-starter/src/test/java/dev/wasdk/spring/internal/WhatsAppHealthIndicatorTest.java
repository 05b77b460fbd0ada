package dev.wasdk.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.sender.LimiterStore;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.Deduplicator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class WhatsAppHealthIndicatorTest {
  private final WhatsAppSimulator sim = WhatsAppSimulator.start();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

  @AfterEach
  void stop() {
    sim.close();
  }

  private WhatsAppClient client(String token) {
    return WhatsAppClient.builder()
        .accessToken(token)
        .phoneNumberId(sim.phoneNumberId())
        .baseUrl(sim.baseUrl())
        .build();
  }

  private WhatsAppHealthIndicator indicator(
      WhatsAppClient client, LimiterStore store, Deduplicator dedupe) {
    return new WhatsAppHealthIndicator(
        client, store, dedupe, null, 10, Duration.ofMinutes(5), Duration.ofSeconds(30), clock);
  }

  @Test
  void health_allAnswering_isUp() {
    Health h =
        indicator(client(sim.accessToken()), LimiterStore.inMemory(), Deduplicator.inMemory())
            .health();

    assertThat(h.getStatus()).isEqualTo(Status.UP);
    assertThat(h.getDetails())
        .containsEntry("token", "accepted")
        .containsEntry("webhookHandoff", "synchronous")
        .containsKeys("limiterStore", "dedupeStore");
  }

  @Test
  void health_rejectedToken_isDownWithoutTheToken() {
    Health h = indicator(client("a-revoked-token-123"), LimiterStore.inMemory(), null).health();

    assertThat(h.getStatus()).isEqualTo(Status.DOWN);
    assertThat(h.getDetails().get("token").toString()).startsWith("rejected by Graph (code 190");
    assertThat(h.toString()).doesNotContain("a-revoked-token-123");
    assertThat(h.getDetails()).doesNotContainKey("dedupeStore");
  }

  @Test
  void health_failingStores_areDown_andChecksAreReusedUntilTheIntervalPasses() {
    AtomicInteger limiterCalls = new AtomicInteger();
    LimiterStore failing =
        new LimiterStore() {
          @Override
          public TakeResult tryTake(String key, BucketSpec spec, long tokens, Instant now) {
            throw new UnsupportedOperationException();
          }

          @Override
          public AdmitResult admit(
              String key, String member, long limit, Duration window, Instant now) {
            throw new UnsupportedOperationException();
          }

          @Override
          public boolean release(String key, String member, Instant admittedAt) {
            throw new UnsupportedOperationException();
          }

          @Override
          public long windowSize(String key, Duration window, Instant now) {
            limiterCalls.incrementAndGet();
            throw new IllegalStateException("connection refused");
          }
        };
    Deduplicator failingDedupe =
        new Deduplicator() {
          @Override
          public Claim claim(String key, String holder, Instant now, Duration lease) {
            throw new IllegalStateException("down");
          }

          @Override
          public boolean renew(String key, String holder, Instant now, Duration lease) {
            return false;
          }

          @Override
          public void complete(String key, String holder, Instant now) {}

          @Override
          public void release(String key, String holder) {}
        };
    WhatsAppHealthIndicator indicator =
        indicator(client(sim.accessToken()), failing, failingDedupe);

    Health first = indicator.health();
    indicator.health();
    clock.advance(Duration.ofSeconds(31));
    indicator.health();

    assertThat(first.getStatus()).isEqualTo(Status.DOWN);
    assertThat(first.getDetails())
        .containsEntry("limiterStore", "failing: IllegalStateException")
        .containsEntry("dedupeStore", "failing: IllegalStateException");
    assertThat(limiterCalls).hasValue(2);
  }

  @Test
  void health_graphUnreachable_isUnknown() {
    int port = sim.port();
    sim.close();
    WhatsAppClient wa =
        WhatsAppClient.builder()
            .accessToken("token")
            .phoneNumberId("106540352242922")
            .baseUrl(java.net.URI.create("http://127.0.0.1:" + port))
            .build();

    Health h = indicator(wa, null, null).health();

    assertThat(h.getStatus()).isEqualTo(Status.UNKNOWN);
    assertThat(h.getDetails().get("token").toString()).startsWith("not checked: ");
  }

  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
