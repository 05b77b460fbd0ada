package dev.wasdk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.webhooks.Deduplicator.Claim;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryDeduplicatorTest extends DeduplicatorContract {
  private static final Duration LEASE = Duration.ofMinutes(2);

  @Override
  protected Deduplicator newDeduplicator(Duration horizon) {
    return Deduplicator.inMemory(10_000, horizon);
  }

  private static void handle(Deduplicator d, String key, int second) {
    assertThat(d.claim(key, "h", T0.plusSeconds(second), LEASE)).isEqualTo(Claim.CLAIMED);
    d.complete(key, "h", T0.plusSeconds(second));
  }

  @Test
  void claim_overMaxKeys_forgetsTheOldestFirst() {
    InMemoryDeduplicator d = new InMemoryDeduplicator(3, Duration.ofDays(7));
    handle(d, "k1", 0);
    handle(d, "k2", 1);
    handle(d, "k3", 2);
    handle(d, "k4", 3);
    assertThat(d.size()).isEqualTo(3);
    assertThat(d.claim("k2", "x", T0.plusSeconds(4), LEASE)).isEqualTo(Claim.DONE);
    assertThat(d.claim("k4", "x", T0.plusSeconds(4), LEASE)).isEqualTo(Claim.DONE);
    assertThat(d.claim("k1", "x", T0.plusSeconds(4), LEASE)).isEqualTo(Claim.CLAIMED);
  }

  @Test
  void release_manyTimes_neverEvictsLiveKeysEarly() {
    // Releasing and claiming again must not leave records behind that count against the bound.
    InMemoryDeduplicator d = new InMemoryDeduplicator(10, Duration.ofDays(7));
    for (int i = 0; i < 9; i++) {
      handle(d, "live-" + i, i);
    }
    for (int i = 0; i < 1_000; i++) {
      d.claim("flaky", "h" + i, T0.plusSeconds(10), LEASE);
      d.release("flaky", "h" + i);
    }
    assertThat(d.size()).isEqualTo(9);
    for (int i = 0; i < 9; i++) {
      assertThat(d.claim("live-" + i, "x", T0.plusSeconds(11), LEASE)).isEqualTo(Claim.DONE);
    }
  }

  @Test
  void claim_sameMillisecondAfterRelease_keepsTheNewClaim() {
    InMemoryDeduplicator d = new InMemoryDeduplicator(2, Duration.ofDays(7));
    d.claim("k", "h1", T0, LEASE);
    d.release("k", "h1");
    d.claim("k", "h2", T0, LEASE);
    handle(d, "other", 0);
    assertThat(d.claim("k", "h3", T0, LEASE)).isEqualTo(Claim.IN_PROGRESS);
  }

  @Test
  void claim_afterHorizon_expiredKeysAreDropped() {
    InMemoryDeduplicator d = new InMemoryDeduplicator(100, Duration.ofHours(1));
    for (int i = 0; i < 50; i++) {
      handle(d, "old-" + i, 0);
    }
    handle(d, "new", 3600);
    assertThat(d.size()).isEqualTo(1);
  }

  @Test
  void inMemory_badBounds_rejected() {
    assertThatThrownBy(() -> Deduplicator.inMemory(0, Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Deduplicator.inMemory(10, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Deduplicator.inMemory(10, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Deduplicator.inMemory().claim("k", "h", T0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
