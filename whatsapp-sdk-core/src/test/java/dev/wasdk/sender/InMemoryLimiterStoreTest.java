package dev.wasdk.sender;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.sender.LimiterStore.BucketSpec;
import dev.wasdk.sender.LimiterStore.TakeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class InMemoryLimiterStoreTest extends LimiterStoreContract {
  private final InMemoryLimiterStore store = new InMemoryLimiterStore();

  @Override
  protected LimiterStore store() {
    return store;
  }

  @Test
  void inMemory_eachCall_returnsANewEmptyStore() {
    LimiterStore a = LimiterStore.inMemory();
    LimiterStore b = LimiterStore.inMemory();
    a.tryTake("k", PAIR, 45, T0);

    assertThat(a).isInstanceOf(InMemoryLimiterStore.class).isNotSameAs(b);
    assertThat(b.tryTake("k", PAIR, 1, T0).remaining()).isEqualTo(44);
  }

  @Test
  void forgetIdle_bucketFullAgain_isForgottenAndBehavesAsFull() {
    store.tryTake("full-later", PAIR, 45, T0);
    store.tryTake("still-short", PAIR, 45, at(260_000));

    store.forgetIdle(at(270_000));

    // 270 s refill all 45 tokens of the first; the second has had 10 s
    assertThat(store.bucketCount()).isEqualTo(1);
    assertThat(store.tryTake("full-later", PAIR, 45, at(270_000)).taken()).isTrue();
    assertThat(store.tryTake("still-short", PAIR, 2, at(270_000)))
        .isEqualTo(new TakeResult(false, 1, Duration.ofSeconds(2)));
  }

  @Test
  void forgetIdle_windowWithOnlyExpiredMembers_isForgotten() {
    store.admit("old", "a", 10, DAY, T0);
    store.admit("recent", "a", 10, DAY, T0.plus(Duration.ofHours(20)));

    store.forgetIdle(T0.plus(DAY));

    assertThat(store.windowCount()).isEqualTo(1);
    assertThat(store.windowSize("old", DAY, T0.plus(DAY))).isZero();
    assertThat(store.windowSize("recent", DAY, T0.plus(DAY))).isEqualTo(1);
    assertThat(store.admit("old", "b", 1, DAY, T0.plus(DAY)).admitted()).isTrue();
  }

  @Test
  void sweep_manyIdleKeys_memoryStaysBounded() {
    BucketSpec spec = BucketSpec.perSecond(10);
    // every key is used once at its own second and is full again a second later
    for (int i = 0; i < 100_000; i++) {
      store.tryTake("user:" + i, spec, 1, at(i * 1_000L));
      store.admit("tier:" + i, "m", 1, Duration.ofSeconds(1), at(i * 1_000L));
    }

    // the sweep runs on about one call in 64 and looks at 128 entries, twice the arrival rate
    assertThat(store.bucketCount()).isLessThan(20_000);
    assertThat(store.windowCount()).isLessThan(20_000);
  }

  @Test
  void forgetIdle_racingTakesOnAFullBucket_neverOverAdmit() throws Exception {
    BucketSpec spec = BucketSpec.perSecond(50);
    Instant later = at(10_000); // every bucket below is full again by then
    AtomicBoolean done = new AtomicBoolean();
    Thread sweeper =
        new Thread(
            () -> {
              while (!done.get()) {
                store.forgetIdle(later);
              }
            });
    sweeper.start();
    try {
      for (int round = 0; round < 50; round++) {
        String key = "race:" + round;
        store.tryTake(key, spec, 50, T0);

        List<Integer> taken =
            runConcurrently(
                4,
                () -> {
                  int ok = 0;
                  for (int i = 0; i < 30; i++) {
                    if (store.tryTake(key, spec, 1, later).taken()) {
                      ok++;
                    }
                  }
                  return ok;
                });

        assertThat(taken.stream().mapToInt(Integer::intValue).sum())
            .as("round %d", round)
            .isEqualTo(50);
      }
    } finally {
      done.set(true);
      sweeper.join();
    }
  }

  @Test
  void rescale_hugeValues_staysExactOrSaturates() {
    assertThat(InMemoryLimiterStore.rescale(15, 6, 4)).isEqualTo(10);
    assertThat(InMemoryLimiterStore.rescale(1L << 53, 3, 1L << 40)).isEqualTo(Long.MAX_VALUE);
    assertThat(InMemoryLimiterStore.rescale((1L << 53) - 1, 1L << 50, 1L << 52))
        .isEqualTo(((1L << 53) - 1) * 4);
  }

  @Test
  void toString_showsCounts() {
    store.tryTake("a", PAIR, 1, T0);

    assertThat(store).hasToString("InMemoryLimiterStore[buckets=1, windows=0]");
  }
}
