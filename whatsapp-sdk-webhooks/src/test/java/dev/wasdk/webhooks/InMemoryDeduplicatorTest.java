package dev.wasdk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryDeduplicatorTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void firstSeen_newThenRepeated_trueThenFalse() {
    Deduplicator d = Deduplicator.inMemory();
    assertThat(d.firstSeen("wamid.A", T0)).isTrue();
    assertThat(d.firstSeen("wamid.A", T0.plusSeconds(5))).isFalse();
    assertThat(d.firstSeen("wamid.B", T0.plusSeconds(5))).isTrue();
  }

  @Test
  void firstSeen_withinHorizon_duplicateAndAtHorizon_newAgain() {
    Deduplicator d = Deduplicator.inMemory(100, Duration.ofDays(7));
    assertThat(d.firstSeen("k", T0)).isTrue();
    assertThat(d.firstSeen("k", T0.plus(Duration.ofDays(7)).minusMillis(1))).isFalse();
    assertThat(d.firstSeen("k", T0.plus(Duration.ofDays(7)))).isTrue();
    // the horizon restarts from the new sighting
    assertThat(d.firstSeen("k", T0.plus(Duration.ofDays(8)))).isFalse();
  }

  @Test
  void firstSeen_afterHorizon_expiredKeysAreDropped() {
    InMemoryDeduplicator d = new InMemoryDeduplicator(100, Duration.ofHours(1));
    for (int i = 0; i < 10; i++) {
      d.firstSeen("old-" + i, T0);
    }
    assertThat(d.size()).isEqualTo(10);
    d.firstSeen("new", T0.plus(Duration.ofHours(1)));
    assertThat(d.size()).isEqualTo(1);
  }

  @Test
  void firstSeen_overMaxKeys_evictsOldestFirst() {
    InMemoryDeduplicator d = new InMemoryDeduplicator(3, Duration.ofDays(7));
    d.firstSeen("k1", T0);
    d.firstSeen("k2", T0.plusSeconds(1));
    d.firstSeen("k3", T0.plusSeconds(2));
    d.firstSeen("k4", T0.plusSeconds(3));
    assertThat(d.size()).isEqualTo(3);
    assertThat(d.firstSeen("k2", T0.plusSeconds(4))).isFalse();
    assertThat(d.firstSeen("k3", T0.plusSeconds(4))).isFalse();
    assertThat(d.firstSeen("k4", T0.plusSeconds(4))).isFalse();
    // k1 was evicted, so it counts as new (and evicts k2, now the oldest)
    assertThat(d.firstSeen("k1", T0.plusSeconds(4))).isTrue();
    assertThat(d.firstSeen("k2", T0.plusSeconds(5))).isTrue();
  }

  @Test
  void firstSeen_manyKeys_neverHoldsMoreThanMax() {
    InMemoryDeduplicator d = new InMemoryDeduplicator(50, Duration.ofDays(7));
    for (int i = 0; i < 1_000; i++) {
      d.firstSeen("k" + i, T0.plusMillis(i));
      if (i % 3 == 0) {
        d.forget("k" + i);
      }
      assertThat(d.size()).isLessThanOrEqualTo(50);
    }
    assertThat(d.firstSeen("k998", T0.plusSeconds(5))).isFalse();
  }

  @Test
  void forget_seenKey_isNewAgain() {
    Deduplicator d = Deduplicator.inMemory();
    d.firstSeen("k", T0);
    d.forget("k");
    assertThat(d.firstSeen("k", T0.plusSeconds(1))).isTrue();
    assertThat(d.firstSeen("k", T0.plusSeconds(2))).isFalse();
    d.forget("never-seen");
  }

  @Test
  void firstSeen_concurrentSameKey_exactlyOneWins() throws Exception {
    Deduplicator d = Deduplicator.inMemory();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 200; round++) {
        String key = "race-" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          Callable<Boolean> call =
              () -> {
                start.await();
                return d.firstSeen(key, T0);
              };
          results.add(pool.submit(call));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> f : results) {
          winners += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(winners).as("round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void inMemory_invalidBounds_throw() {
    assertThatThrownBy(() -> Deduplicator.inMemory(0, Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Deduplicator.inMemory(10, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Deduplicator.inMemory(10, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
