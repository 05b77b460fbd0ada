package dev.wasdk.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.redis.testing.LocalRedisServer;
import dev.wasdk.sender.LimiterStore.AdmitResult;
import dev.wasdk.sender.LimiterStore.BucketSpec;
import dev.wasdk.sender.LimiterStore.TakeResult;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two app instances share one Redis, one clock five minutes behind and one five minutes ahead of
 * the machine's. Aligned to the server's time, they behave as one; left as given, the lagging one
 * is starved and the leading one drops window members early.
 */
class RedisLimiterStoreClockSkewTest {
  private static final Duration SKEW = Duration.ofMinutes(5);
  private static final BucketSpec SLOW = new BucketSpec(10, 1, Duration.ofMinutes(1));

  private final Clock lagging = Clock.offset(Clock.systemUTC(), SKEW.negated());
  private final Clock leading = Clock.offset(Clock.systemUTC(), SKEW);
  private String prefix;
  private RedisLimiterStore a;
  private RedisLimiterStore b;

  @BeforeEach
  void open() {
    prefix = "skew:" + UUID.randomUUID() + ":";
  }

  @AfterEach
  void close() {
    a.close();
    b.close();
  }

  private void build(boolean aligned) {
    RedisLimiterStore.Builder ba =
        RedisLimiterStore.builder().redisUri(LocalRedisServer.shared().uri()).keyPrefix(prefix);
    RedisLimiterStore.Builder bb =
        RedisLimiterStore.builder().redisUri(LocalRedisServer.shared().uri()).keyPrefix(prefix);
    if (aligned) {
      ba.alignToServerTime(lagging);
      bb.alignToServerTime(leading);
    }
    a = ba.build();
    b = bb.build();
  }

  @Test
  void tryTake_aligned_laggingInstanceWaitsOnlyForTheRefill() {
    build(true);
    assertThat(b.tryTake("tp", SLOW, 10, leading.instant()).taken()).isTrue();

    TakeResult r = a.tryTake("tp", SLOW, 1, lagging.instant());

    // one token a minute: about a minute at most, as for the instance that emptied it; the second
    // allows for what is left of the skew after alignment (half a round trip each)
    assertThat(r.taken()).isFalse();
    assertThat(r.retryAfter()).isLessThan(Duration.ofMinutes(1).plusSeconds(1));
  }

  @Test
  void tryTake_notAligned_laggingInstanceIsStarvedByTheSkew() {
    build(false);
    b.tryTake("tp", SLOW, 10, leading.instant());

    TakeResult r = a.tryTake("tp", SLOW, 1, lagging.instant());

    assertThat(r.retryAfter()).isGreaterThan(Duration.ofMinutes(10));
  }

  @Test
  void admit_aligned_leadingInstanceKeepsTheOthersMembers() {
    build(true);
    Duration window = Duration.ofMinutes(5);
    assertThat(a.admit("tier", "m1", 2, window, lagging.instant()).admitted()).isTrue();
    assertThat(b.admit("tier", "m2", 2, window, leading.instant()).admitted()).isTrue();

    AdmitResult third = b.admit("tier", "m3", 2, window, leading.instant());

    assertThat(third.admitted()).isFalse();
    assertThat(a.windowSize("tier", window, lagging.instant())).isEqualTo(2);
    assertThat(b.windowSize("tier", window, leading.instant())).isEqualTo(2);
  }

  @Test
  void admit_notAligned_leadingInstancePrunesTheLaggingOnesMember() {
    build(false);
    Duration window = Duration.ofMinutes(5);
    a.admit("tier", "m1", 2, window, lagging.instant());
    b.admit("tier", "m2", 2, window, leading.instant());

    AdmitResult third = b.admit("tier", "m3", 2, window, leading.instant());

    assertThat(third.admitted()).isTrue();
  }

  @Test
  void release_aligned_otherInstanceAdmittedIt_slotGivenBackByTheAdmitter() {
    build(true);
    Duration window = Duration.ofMinutes(5);
    java.time.Instant admittedAt = lagging.instant();
    a.admit("tier", "m1", 1, window, admittedAt);

    assertThat(a.release("tier", "m1", admittedAt)).isTrue();

    assertThat(b.admit("tier", "m2", 1, window, leading.instant()).admitted()).isTrue();
  }

  @Test
  void toString_aligned_saysServerTime() {
    build(true);

    assertThat(a.toString()).endsWith(", failClosed, serverTime]");
  }
}
