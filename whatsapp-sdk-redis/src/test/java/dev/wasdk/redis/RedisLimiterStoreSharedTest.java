package dev.wasdk.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.redis.testing.LocalRedisServer;
import dev.wasdk.sender.LimiterStore.AdmitResult;
import dev.wasdk.sender.LimiterStore.BucketSpec;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two stores with their own Lettuce clients, as two app instances would have, share one Redis and
 * hammer the same bucket and window from several threads each.
 */
class RedisLimiterStoreSharedTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final int THREADS_PER_INSTANCE = 4;

  private RedisClient clientA;
  private RedisClient clientB;
  private RedisLimiterStore instanceA;
  private RedisLimiterStore instanceB;

  @BeforeEach
  void startInstances() {
    LocalRedisServer redis = LocalRedisServer.shared();
    String prefix = "shared:" + UUID.randomUUID() + ":";
    clientA = RedisClient.create(redis.uri());
    clientB = RedisClient.create(redis.uri());
    instanceA = RedisLimiterStore.builder().client(clientA).keyPrefix(prefix).build();
    instanceB = RedisLimiterStore.builder().client(clientB).keyPrefix(prefix).build();
  }

  @AfterEach
  void stopInstances() {
    instanceA.close();
    instanceB.close();
    clientA.shutdown();
    clientB.shutdown();
  }

  @Test
  void tryTake_twoInstancesSameTime_takeExactlyTheCapacity() throws Exception {
    BucketSpec spec = BucketSpec.perSecond(500);
    AtomicInteger attempts = new AtomicInteger();

    int taken =
        hammer(
            store -> {
              int ok = 0;
              for (int i = 0; i < 200; i++) {
                attempts.incrementAndGet();
                if (store.tryTake("tp:1", spec, 1, T0).taken()) {
                  ok++;
                }
              }
              return ok;
            });

    System.out.printf(
        "two instances, %d threads, same time: %d of %d takes succeeded, capacity 500%n",
        2 * THREADS_PER_INSTANCE, taken, attempts.get());
    assertThat(attempts.get()).isEqualTo(1_600);
    assertThat(taken).isEqualTo(500);
  }

  @Test
  void tryTake_twoInstancesAdvancingTime_neverExceedCapacityPlusRefill() throws Exception {
    BucketSpec spec = BucketSpec.perSecond(100);
    AtomicInteger attempts = new AtomicInteger();

    // every thread walks the same fake clock from 0 to 999 ms
    int taken =
        hammer(
            store -> {
              int ok = 0;
              for (int ms = 0; ms < 1_000; ms += 5) {
                attempts.incrementAndGet();
                if (store.tryTake("tp:2", spec, 1, T0.plusMillis(ms)).taken()) {
                  ok++;
                }
              }
              return ok;
            });

    // 100 to start with, plus one every 10 ms over at most 995 ms
    System.out.printf(
        "two instances, %d threads, advancing time: %d of %d takes succeeded, bound 199%n",
        2 * THREADS_PER_INSTANCE, taken, attempts.get());
    assertThat(taken).isBetween(100, 199);
  }

  @Test
  void admit_twoInstances_uniqueCountNeverExceedsLimit() throws Exception {
    AtomicInteger newlyCounted = new AtomicInteger();
    AtomicInteger alreadyCounted = new AtomicInteger();

    int admitted =
        hammer(
            store -> {
              int ok = 0;
              for (int i = 0; i < 150; i++) {
                // 300 distinct users, each tried by every thread
                AdmitResult r =
                    store.admit("tier:1", "user" + i * 2 % 300, 250, Duration.ofHours(24), T0);
                if (r.admitted()) {
                  ok++;
                  (r.alreadyCounted() ? alreadyCounted : newlyCounted).incrementAndGet();
                }
                AdmitResult more =
                    store.admit(
                        "tier:1", "user" + (i * 2 + 1) % 300, 250, Duration.ofHours(24), T0);
                if (more.admitted()) {
                  ok++;
                  (more.alreadyCounted() ? alreadyCounted : newlyCounted).incrementAndGet();
                }
              }
              return ok;
            });

    long size = instanceA.windowSize("tier:1", Duration.ofHours(24), T0);
    System.out.printf(
        "two instances, %d threads: %d admissions (%d new, %d already counted), window holds %d,"
            + " limit 250%n",
        2 * THREADS_PER_INSTANCE, admitted, newlyCounted.get(), alreadyCounted.get(), size);
    assertThat(newlyCounted.get()).isEqualTo(250);
    assertThat(size).isEqualTo(250);
    assertThat(instanceB.windowSize("tier:1", Duration.ofHours(24), T0)).isEqualTo(250);
  }

  private interface Work {
    int run(RedisLimiterStore store) throws Exception;
  }

  /** Runs {@code work} on four threads per instance, released at once; returns the sum. */
  private int hammer(Work work) throws Exception {
    int threads = 2 * THREADS_PER_INSTANCE;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        RedisLimiterStore store = i % 2 == 0 ? instanceA : instanceB;
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return work.run(store);
                }));
      }
      go.countDown();
      int sum = 0;
      for (Future<Integer> f : futures) {
        sum += f.get(60, TimeUnit.SECONDS);
      }
      return sum;
    } finally {
      pool.shutdownNow();
    }
  }
}
