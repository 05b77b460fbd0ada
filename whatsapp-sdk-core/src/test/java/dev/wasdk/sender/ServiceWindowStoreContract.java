package dev.wasdk.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ServiceWindowStore} must have. A store's test extends this class and
 * implements {@link #store()} and {@link #reopen()}; every test here then runs against that store.
 *
 * <p>Times are passed in, never read from a clock. Keys come from {@link #newKey()}, so the tests
 * may share one store, and one backend.
 */
public abstract class ServiceWindowStoreContract {
  /** The start of every test's timeline. */
  protected static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123456789Z");

  /** Threads in the concurrency tests. */
  protected static final int THREADS = 8;

  /**
   * Returns the store under test: the same instance for every call within one test method.
   *
   * @return the store
   */
  protected abstract ServiceWindowStore store();

  /**
   * Returns a new store instance over the same backing state as {@link #store()}, as a restarted
   * app or a second app instance would build it. Both stay usable together. A store whose state
   * lives in the object itself cannot have one: it aborts the calling test with a JUnit assumption
   * that says why.
   *
   * @return a second store over the same state
   */
  protected abstract ServiceWindowStore reopen();

  /**
   * Returns a key no other test uses.
   *
   * @return the key
   */
  protected String newKey() {
    return "window-" + UUID.randomUUID();
  }

  @Test
  void lastInbound_unknownKey_isEmpty() {
    assertThat(store().lastInbound(newKey())).isEmpty();
  }

  @Test
  void recordInbound_once_lastInboundIsExactToTheNanosecond() {
    String key = newKey();

    store().recordInbound(key, T0);

    assertThat(store().lastInbound(key)).contains(T0);
  }

  @Test
  void recordInbound_laterTime_replacesTheEarlier() {
    String key = newKey();
    store().recordInbound(key, T0);

    store().recordInbound(key, T0.plusNanos(1));

    assertThat(store().lastInbound(key)).contains(T0.plusNanos(1));
  }

  @Test
  void recordInbound_earlierTime_neverOverwritesALaterOne() {
    String key = newKey();
    store().recordInbound(key, T0.plusSeconds(60));

    store().recordInbound(key, T0);
    store().recordInbound(key, T0.plusSeconds(60).minusNanos(1));

    assertThat(store().lastInbound(key)).contains(T0.plusSeconds(60));
  }

  @Test
  void recordInbound_sameTimeTwice_keepsIt() {
    String key = newKey();
    store().recordInbound(key, T0);

    store().recordInbound(key, T0);

    assertThat(store().lastInbound(key)).contains(T0);
  }

  @Test
  void recordInbound_toOneKey_leavesOtherKeysAlone() {
    String a = newKey();
    String b = newKey();

    store().recordInbound(a, T0);

    assertThat(store().lastInbound(b)).isEmpty();
  }

  @Test
  void recordInbound_manyThreadsOneKey_keepsTheLatestOfAll() throws Exception {
    String key = newKey();
    int perThread = 30;

    // thread t writes T0 + (i * THREADS + t) ms: the overall latest is written by the last thread
    StoreContractSupport.onManyThreads(
        THREADS,
        thread -> {
          for (int i = perThread - 1; i >= 0; i--) {
            store().recordInbound(key, T0.plusMillis((long) i * THREADS + thread));
          }
          for (int i = 0; i < perThread; i++) {
            store().recordInbound(key, T0.plusMillis((long) i * THREADS + thread));
          }
          return null;
        });

    assertThat(store().lastInbound(key))
        .contains(T0.plusMillis((long) (perThread - 1) * THREADS + THREADS - 1));
  }

  @Test
  void markClosed_seenEqualsRecorded_removesIt() {
    String key = newKey();
    store().recordInbound(key, T0);

    store().markClosed(key, T0);

    assertThat(store().lastInbound(key)).isEmpty();
  }

  @Test
  void markClosed_seenAfterRecorded_removesIt() {
    String key = newKey();
    store().recordInbound(key, T0);

    store().markClosed(key, T0.plusNanos(1));

    assertThat(store().lastInbound(key)).isEmpty();
  }

  @Test
  void markClosed_userWroteAgainAfterSeen_keepsTheLaterTime() {
    String key = newKey();
    store().recordInbound(key, T0.plusNanos(1));

    store().markClosed(key, T0);

    assertThat(store().lastInbound(key)).contains(T0.plusNanos(1));
  }

  @Test
  void markClosed_unknownKey_doesNothing() {
    String key = newKey();

    store().markClosed(key, T0);

    assertThat(store().lastInbound(key)).isEmpty();
    assertThat(store().erase(key)).isFalse();
  }

  @Test
  void recordInbound_afterMarkClosed_opensAgain() {
    String key = newKey();
    store().recordInbound(key, T0);
    store().markClosed(key, T0);

    store().recordInbound(key, T0.minusSeconds(5));

    assertThat(store().lastInbound(key)).contains(T0.minusSeconds(5));
  }

  @Test
  void erase_recorded_returnsTrueAndRemovesIt() {
    String key = newKey();
    String other = newKey();
    store().recordInbound(key, T0);
    store().recordInbound(other, T0);

    assertThat(store().erase(key)).isTrue();

    assertThat(store().lastInbound(key)).isEmpty();
    assertThat(store().erase(key)).isFalse();
    assertThat(store().lastInbound(other)).contains(T0);
  }

  @Test
  void erase_unknownKey_returnsFalse() {
    assertThat(store().erase(newKey())).isFalse();
  }

  @Test
  void calls_nullArguments_throwNullPointerException() {
    assertThatThrownBy(() -> store().recordInbound(null, T0))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store().recordInbound(newKey(), null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store().lastInbound(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store().markClosed(newKey(), null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store().erase(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void reopen_afterRecordInbound_seesTheTime() {
    String key = newKey();
    store().recordInbound(key, T0);

    ServiceWindowStore restarted = reopen();

    assertThat(restarted.lastInbound(key)).contains(T0);
  }

  @Test
  void reopen_twoInstancesAtOnce_seeEachOthersWrites() throws Exception {
    String key = newKey();
    ServiceWindowStore a = store();
    ServiceWindowStore b = reopen();

    a.recordInbound(key, T0);
    assertThat(b.lastInbound(key)).contains(T0);
    b.recordInbound(key, T0.minusSeconds(1));
    assertThat(a.lastInbound(key)).contains(T0);

    // both instances race on one key: the latest of all wins on both
    List<ServiceWindowStore> both = List.of(a, b);
    StoreContractSupport.onManyThreads(
        THREADS,
        thread -> {
          ServiceWindowStore s = both.get(thread % 2);
          for (int i = 0; i < 20; i++) {
            s.recordInbound(key, T0.plusMillis((long) i * THREADS + thread));
          }
          return null;
        });
    Optional<Instant> latest = Optional.of(T0.plusMillis(19L * THREADS + THREADS - 1));
    assertThat(a.lastInbound(key)).isEqualTo(latest);
    assertThat(b.lastInbound(key)).isEqualTo(latest);

    a.markClosed(key, latest.orElseThrow());
    assertThat(b.lastInbound(key)).isEmpty();
  }
}
