package dev.wasdk.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.error.WhatsAppException;
import dev.wasdk.redis.testing.LocalRedisServer;
import dev.wasdk.sender.LimiterStore.BucketSpec;
import dev.wasdk.sender.LimiterUnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the store does when Redis is down, comes back, or was never there. */
class RedisLimiterStoreFailureTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final BucketSpec TEN = new BucketSpec(10, 10, Duration.ofSeconds(1));
  private static final Duration DAY = Duration.ofHours(24);

  @Test
  void tryTake_redisUnreachable_failsClosedWithClearException() throws IOException {
    try (RedisLimiterStore store =
        RedisLimiterStore.builder()
            .redisUri("redis://:s3cret@127.0.0.1:" + deadPort())
            .commandTimeout(Duration.ofMillis(500))
            .build()) {

      assertThatThrownBy(() -> store.tryTake("k", TEN, 1, T0))
          .isInstanceOf(LimiterUnavailableException.class)
          .isInstanceOf(WhatsAppException.class)
          .hasMessageContaining("Redis at 127.0.0.1")
          .hasMessageNotContaining("s3cret");
      // within the reconnect interval, calls fail at once and say why
      assertThatThrownBy(() -> store.admit("w", "a", 1, DAY, T0))
          .isInstanceOf(LimiterUnavailableException.class)
          .hasMessageContaining("last attempt failed");
      assertThatThrownBy(() -> store.release("w", "a", T0))
          .isInstanceOf(LimiterUnavailableException.class);
      assertThatThrownBy(() -> store.refund("k", TEN, 1, T0))
          .isInstanceOf(LimiterUnavailableException.class);
      assertThatThrownBy(() -> store.windowSize("w", DAY, T0))
          .isInstanceOf(LimiterUnavailableException.class);
    }
  }

  @Test
  void tryTake_redisUnreachableWithFallback_usesScaledLocalLimits() throws IOException {
    try (RedisLimiterStore store =
        RedisLimiterStore.builder()
            .redisUri("redis://127.0.0.1:" + deadPort())
            .fallbackToLocal(0.5)
            .build()) {
      int taken = 0;
      for (int i = 0; i < 10; i++) {
        if (store.tryTake("k", TEN, 1, T0).taken()) {
          taken++;
        }
      }
      int admitted = 0;
      for (int i = 0; i < 10; i++) {
        if (store.admit("w", "m" + i, 4, DAY, T0).admitted()) {
          admitted++;
        }
      }

      assertThat(taken).isEqualTo(5);
      // 5 tokens a second at half rate: the next one in 200 ms
      assertThat(store.tryTake("k", TEN, 1, T0).retryAfter()).isEqualTo(Duration.ofMillis(200));
      // a refund goes to the local bucket the tokens came from
      assertThat(store.refund("k", TEN, 1, T0)).isTrue();
      assertThat(store.tryTake("k", TEN, 1, T0).taken()).isTrue();
      assertThat(store.tryTake("k", TEN, 1, T0).taken()).isFalse();
      assertThat(admitted).isEqualTo(2);
      assertThat(store.windowSize("w", DAY, T0)).isEqualTo(2);
      assertThat(store.release("w", "m0", T0)).isTrue();
      assertThat(store.windowSize("w", DAY, T0)).isEqualTo(1);
    }
  }

  @Test
  void tryTake_redisStopsThenRestarts_failsThenRecovers() {
    try (LocalRedisServer redis = LocalRedisServer.start();
        RedisLimiterStore store =
            RedisLimiterStore.builder()
                .redisUri(redis.uri())
                .reconnectInterval(Duration.ZERO)
                .build()) {
      assertThat(store.tryTake("k", TEN, 10, T0).taken()).isTrue();

      redis.stop();
      assertThatThrownBy(() -> store.tryTake("k", TEN, 1, T0))
          .isInstanceOf(LimiterUnavailableException.class);

      redis.restart();
      // the restarted server lost its data (and its scripts): the bucket starts full again
      assertThat(store.tryTake("k", TEN, 1, T0).remaining()).isEqualTo(9);
    }
  }

  @Test
  void fallback_redisComesBack_sharedLimitsApplyAgain() {
    try (LocalRedisServer redis = LocalRedisServer.start();
        RedisLimiterStore store =
            RedisLimiterStore.builder()
                .redisUri(redis.uri())
                .reconnectInterval(Duration.ZERO)
                .fallbackToLocal(0.2)
                .build()) {
      redis.stop();
      assertThat(store.tryTake("k", TEN, 2, T0).remaining()).isZero(); // local: 2 of 10

      redis.restart();

      assertThat(store.tryTake("k", TEN, 2, T0).remaining()).isEqualTo(8); // shared: 10
    }
  }

  @Test
  void close_thenCall_throwsIllegalState() {
    RedisLimiterStore store = RedisLimiterStore.builder().redisUri("redis://127.0.0.1:1").build();
    store.close();
    store.close();

    assertThatThrownBy(() -> store.tryTake("k", TEN, 1, T0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void builder_invalidSettings_throw() {
    assertThatThrownBy(() -> RedisLimiterStore.builder().build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> RedisLimiterStore.builder().fallbackToLocal(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RedisLimiterStore.builder().fallbackToLocal(1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RedisLimiterStore.builder().commandTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RedisLimiterStore.builder().redisUri("redis://:pw@[bad"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("pw");
  }

  /** Returns a loopback port nothing listens on. */
  private static int deadPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
