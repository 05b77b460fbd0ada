package dev.wasdk.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ConversationStore} must have. A backend's test extends this class,
 * returns a fresh store from {@link #store()}, and makes {@link #elapse} pass time as the store
 * sees it (a fake clock, or waiting on a real server's expiry).
 */
public abstract class ConversationStoreContract {
  private static final Duration TTL = Duration.ofMinutes(30);

  /** Returns the store under test; the same instance for the whole test method. */
  protected abstract ConversationStore store();

  /** Lets {@code d} pass as the store measures time. */
  protected abstract void elapse(Duration d);

  /** Returns a key no other test uses, so that a shared server needs no cleaning. */
  protected String key() {
    return "conv-" + UUID.randomUUID();
  }

  private static ConversationState full() {
    Instant t = Instant.parse("2026-12-07T10:15:30.123Z");
    return new ConversationState(
        Optional.of(
            new ConversationState.Wait(
                "size", Optional.of(t.plusSeconds(300)), Optional.of("nudge"))),
        Map.of("item", "pizza", "note", "ünïcödé \"quoted\" ; = \n"),
        true,
        true,
        Map.of("hours", t.minusSeconds(60), "default", t.minusSeconds(5)),
        t);
  }

  @Test
  void get_absent_isEmpty() {
    assertThat(store().get(key())).isEmpty();
  }

  @Test
  void put_newWithVersionZero_storesVersionOneWithEveryField() {
    String key = key();
    ConversationState state = full();

    assertThat(store().put(key, state, 0, TTL)).isTrue();

    assertThat(store().get(key)).contains(new StoredConversation(state, 1));
  }

  @Test
  void put_emptyState_roundTrips() {
    String key = key();
    ConversationState state = ConversationState.start(Instant.parse("2026-12-07T10:00:00Z"));

    assertThat(store().put(key, state, 0, TTL)).isTrue();

    assertThat(store().get(key)).contains(new StoredConversation(state, 1));
  }

  @Test
  void put_versionZeroWhenPresent_failsAndKeepsTheEntry() {
    String key = key();
    ConversationState first = full();
    store().put(key, first, 0, TTL);

    assertThat(store().put(key, first.withData("x", "y"), 0, TTL)).isFalse();

    assertThat(store().get(key)).contains(new StoredConversation(first, 1));
  }

  @Test
  void put_matchingVersion_replacesAndIncrements() {
    String key = key();
    store().put(key, full(), 0, TTL);
    ConversationState next = full().withData("item", "pasta");

    assertThat(store().put(key, next, 1, TTL)).isTrue();

    assertThat(store().get(key)).contains(new StoredConversation(next, 2));
  }

  @Test
  void put_staleVersion_failsAndChangesNothing() {
    String key = key();
    store().put(key, full(), 0, TTL);
    store().put(key, full().withData("n", "2"), 1, TTL);

    assertThat(store().put(key, full().withData("n", "stale"), 1, TTL)).isFalse();

    assertThat(store().get(key).map(StoredConversation::version)).contains(2L);
    assertThat(store().get(key).map(s -> s.state().data().get("n"))).contains("2");
  }

  @Test
  void put_versionOnAbsentKey_fails() {
    String key = key();

    assertThat(store().put(key, full(), 3, TTL)).isFalse();
    assertThat(store().get(key)).isEmpty();
  }

  @Test
  void delete_removesTheEntry_andAllowsANewOne() {
    String key = key();
    store().put(key, full(), 0, TTL);

    store().delete(key);

    assertThat(store().get(key)).isEmpty();
    assertThat(store().put(key, full(), 0, TTL)).isTrue();
    store().delete(key());
  }

  @Test
  void ttl_elapsed_entryReadsAbsentAndCanBeCreatedAgain() {
    String key = key();
    store().put(key, full(), 0, Duration.ofSeconds(2));

    elapse(Duration.ofSeconds(3));

    assertThat(store().get(key)).isEmpty();
    assertThat(store().put(key, full(), 1, TTL)).isFalse();
    assertThat(store().put(key, full(), 0, TTL)).isTrue();
  }

  @Test
  void ttl_eachPutExtendsTheLife() {
    String key = key();
    store().put(key, full(), 0, Duration.ofSeconds(4));
    elapse(Duration.ofSeconds(2));
    store().put(key, full(), 1, Duration.ofSeconds(4));

    elapse(Duration.ofSeconds(3));

    assertThat(store().get(key).map(StoredConversation::version)).contains(2L);
  }

  @Test
  void keys_areIndependent() {
    String a = key();
    String b = key();
    store().put(a, full(), 0, TTL);

    assertThat(store().get(b)).isEmpty();
    assertThat(store().put(b, full().withData("who", "b"), 0, TTL)).isTrue();
    assertThat(store().get(a).map(s -> s.state().data().get("who"))).isEmpty();
  }

  @Test
  void put_badArguments_areRefused() {
    assertThatThrownBy(() -> store().put(key(), full(), -1, TTL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().put(key(), full(), 0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void put_concurrentWritersOfOneVersion_exactlyOneWins() throws Exception {
    String key = key();
    store().put(key, full(), 0, TTL);
    int writers = 8;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String value = Integer.toString(i);
        Callable<Boolean> write =
            () -> {
              go.await();
              return store().put(key, full().withData("w", value), 1, TTL);
            };
        results.add(pool.submit(write));
      }
      go.countDown();
      int wins = 0;
      for (Future<Boolean> r : results) {
        wins += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
      assertThat(store().get(key).map(StoredConversation::version)).contains(2L);
    } finally {
      pool.shutdownNow();
    }
  }

  private static ConversationState waitingUntil(Instant deadline) {
    return ConversationState.start(deadline.minusSeconds(600))
        .withWaiting(
            Optional.of(
                new ConversationState.Wait(
                    "answer", Optional.of(deadline), Optional.of("answer-timeout"))));
  }

  @Test
  void dueWaits_findsOverdueWaits_earliestFirst_andOnlyThem() {
    Instant t = Instant.parse("2026-12-07T10:00:00.250Z");
    String late = key();
    String early = key();
    String none = key();
    store().put(late, waitingUntil(t.plusSeconds(60)), 0, TTL);
    store().put(early, waitingUntil(t), 0, TTL);
    store().put(none, ConversationState.start(t), 0, TTL);

    assertThat(store().dueWaits(t.minusMillis(1), 10)).isEmpty();
    assertThat(store().dueWaits(t, 10)).containsExactly(early);
    assertThat(store().dueWaits(t.plusSeconds(60), 10)).containsExactly(early, late);
    assertThat(store().dueWaits(t.plusSeconds(60), 1)).containsExactly(early);
  }

  @Test
  void dueWaits_answeredDeletedOrExpired_noLongerDue() {
    Instant t = Instant.parse("2026-12-07T10:00:00Z");
    String answered = key();
    String deleted = key();
    String expiring = key();
    String moved = key();
    store().put(answered, waitingUntil(t), 0, TTL);
    store().put(deleted, waitingUntil(t), 0, TTL);
    store().put(expiring, waitingUntil(t), 0, Duration.ofSeconds(2));
    store().put(moved, waitingUntil(t), 0, TTL);

    store().put(answered, ConversationState.start(t), 1, TTL);
    store().delete(deleted);
    store().put(moved, waitingUntil(t.plusSeconds(300)), 1, TTL);
    elapse(Duration.ofSeconds(3));

    assertThat(store().dueWaits(t.plusSeconds(1), 10)).isEmpty();
    assertThat(store().dueWaits(t.plusSeconds(300), 10)).containsExactly(moved);
  }

  @Test
  void dueWaits_badLimit_isRefused() {
    assertThatThrownBy(() -> store().dueWaits(Instant.EPOCH, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lease_heldByOne_refusedToAnother_untilReleased() {
    String key = key();
    Duration ttl = Duration.ofSeconds(30);

    assertThat(store().lease(key, "a", ttl)).isTrue();
    assertThat(store().lease(key, "b", ttl)).isFalse();
    assertThat(store().lease(key, "a", ttl)).isTrue();
    store().release(key, "b");
    assertThat(store().lease(key, "b", ttl)).isFalse();
    store().release(key, "a");
    assertThat(store().lease(key, "b", ttl)).isTrue();
    assertThat(store().lease(key(), "a", ttl)).isTrue();
  }

  @Test
  void lease_runsOut_thenAnotherHolderTakesIt() {
    String key = key();
    store().lease(key, "a", Duration.ofSeconds(2));

    elapse(Duration.ofSeconds(3));

    assertThat(store().lease(key, "b", Duration.ofSeconds(30))).isTrue();
    assertThat(store().lease(key, "a", Duration.ofSeconds(30))).isFalse();
  }

  @Test
  void lease_concurrentHolders_exactlyOneWins() throws Exception {
    String key = key();
    int holders = 8;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(holders);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < holders; i++) {
        String holder = "h" + i;
        Callable<Boolean> take =
            () -> {
              go.await();
              return store().lease(key, holder, Duration.ofSeconds(30));
            };
        results.add(pool.submit(take));
      }
      go.countDown();
      int wins = 0;
      for (Future<Boolean> r : results) {
        wins += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
