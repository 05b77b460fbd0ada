package dev.wasdk.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.webhooks.event.MessageReceived;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Wait deadlines and per-user leases kept in the store: a new {@link Conversations} on the same
 * store (a restart, or another instance) fires the timeout the first one set, and two instances
 * never run turns of one user at the same time.
 */
class ConversationsRestartTest {
  private static final String USER = "16505551234";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final RecordingReplier replier = new RecordingReplier();
  private final List<Throwable> errors = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
    pool.shutdownNow();
  }

  private Conversations.Builder bot(ConversationStore store, Clock clock) {
    return Conversations.builder(replier)
        .store(store)
        .clock(clock)
        .executor(pool)
        .scheduler(scheduler)
        .onError((k, e) -> errors.add(e))
        .on(
            MessageReceived.class,
            Filters.keyword("order"),
            turn -> {
              turn.reply("Which size?");
              turn.ask("size", Duration.ofMinutes(10), "size-timeout");
            })
        .step("size", turn -> turn.reply("Size " + turn.text()))
        .step("size-timeout", turn -> turn.reply("Still there? Type ORDER to start again."));
  }

  @Test
  void timeout_setBeforeARestart_firesOnceOnTheNewInstance() throws Exception {
    InMemoryConversationStore store = ConversationStore.inMemory(clock);
    try (Conversations before = bot(store, clock).deadlinePolling(Duration.ZERO).build()) {
      assertThat(before.handle(Events.text(USER, "order")).get(10, TimeUnit.SECONDS)).isTrue();
    }
    clock.advance(Duration.ofMinutes(11));

    try (Conversations after = bot(store, clock).deadlinePolling(Duration.ZERO).build()) {
      assertThat(after.runDueTimeouts().get(10, TimeUnit.SECONDS)).isEqualTo(1);
      assertThat(after.runDueTimeouts().get(10, TimeUnit.SECONDS)).isZero();
    }

    assertThat(replier.texts())
        .containsExactly("Which size?", "Still there? Type ORDER to start again.");
    assertThat(errors).isEmpty();
  }

  @Test
  void timeout_answeredBeforeTheRestart_doesNotFire() throws Exception {
    InMemoryConversationStore store = ConversationStore.inMemory(clock);
    try (Conversations before = bot(store, clock).deadlinePolling(Duration.ZERO).build()) {
      before.handle(Events.text(USER, "order")).get(10, TimeUnit.SECONDS);
      before.handle(Events.text(USER, "L")).get(10, TimeUnit.SECONDS);
    }
    clock.advance(Duration.ofMinutes(11));

    try (Conversations after = bot(store, clock).deadlinePolling(Duration.ZERO).build()) {
      assertThat(after.runDueTimeouts().get(10, TimeUnit.SECONDS)).isZero();
    }
    assertThat(replier.texts()).containsExactly("Which size?", "Size L");
  }

  @Test
  void deadlinePolling_newInstanceFindsTheOverdueWaitOnItsOwn() throws Exception {
    // On the system clock: the first instance stops before its deadline, and only the second
    // instance's polling of the store can fire it.
    Clock system = Clock.systemUTC();
    InMemoryConversationStore store = ConversationStore.inMemory(system);
    // A scheduler that is already stopped: the first instance cannot fire the deadline itself.
    ScheduledExecutorService stopped = Executors.newSingleThreadScheduledExecutor();
    stopped.shutdownNow();
    Conversations first =
        bot(store, system)
            .deadlinePolling(Duration.ZERO)
            .scheduler(stopped)
            .step("quick", turn -> turn.ask("size", Duration.ofMillis(50), "size-timeout"))
            .on(MessageReceived.class, Filters.keyword("quick"), turn -> turn.await("quick"))
            .build();
    first.handle(Events.text(USER, "quick")).get(10, TimeUnit.SECONDS);
    first.handle(Events.text(USER, "go")).get(10, TimeUnit.SECONDS);
    first.close();

    try (Conversations second = bot(store, system).deadlinePolling(Duration.ofMillis(20)).build()) {
      awaitCondition(() -> replier.texts().contains("Still there? Type ORDER to start again."));
      assertThat(second.state(USER).orElseThrow().waiting()).isEmpty();
    }
  }

  @Test
  void lease_twoInstances_turnsOfOneUserRunOneAtATime() throws Exception {
    AtomicInteger refusals = new AtomicInteger();
    InMemoryConversationStore inner = ConversationStore.inMemory(clock);
    ConversationStore store = new CountingStore(inner, refusals);
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch letFirstFinish = new CountDownLatch(1);
    List<String> order = new CopyOnWriteArrayList<>();
    try (Conversations a =
            bot(store, clock)
                .deadlinePolling(Duration.ZERO)
                .on(
                    1,
                    MessageReceived.class,
                    Filters.keyword("slow"),
                    turn -> {
                      order.add("a-start");
                      firstStarted.countDown();
                      await(letFirstFinish);
                      order.add("a-end");
                      turn.put("a", "done");
                    })
                .build();
        Conversations b =
            bot(store, clock)
                .deadlinePolling(Duration.ZERO)
                .on(
                    1,
                    MessageReceived.class,
                    Filters.keyword("next"),
                    turn -> {
                      order.add("b-start:" + turn.get("a").orElse("none"));
                    })
                .build()) {
      CompletableFuture<Boolean> slow = a.handle(Events.text(USER, "slow"));
      assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Boolean> next = b.handle(Events.text(USER, "next"));
      awaitCondition(() -> refusals.get() > 0);
      assertThat(next).isNotDone();

      letFirstFinish.countDown();

      assertThat(slow.get(10, TimeUnit.SECONDS)).isTrue();
      assertThat(next.get(10, TimeUnit.SECONDS)).isTrue();
      assertThat(order).containsExactly("a-start", "a-end", "b-start:done");
      assertThat(errors).isEmpty();
    }
  }

  @Test
  void lease_heldLongerThanTheWait_turnReportedAndDropped() throws Exception {
    InMemoryConversationStore store = ConversationStore.inMemory(clock);
    store.lease(USER, "crashed-instance", Duration.ofMinutes(1));
    try (Conversations bot =
        bot(store, clock).deadlinePolling(Duration.ZERO).leaseWait(Duration.ZERO).build()) {
      assertThat(bot.handle(Events.text(USER, "order")).get(10, TimeUnit.SECONDS)).isFalse();

      assertThat(replier.messages()).isEmpty();
      assertThat(errors).singleElement().asString().contains("lease wait");

      clock.advance(Duration.ofMinutes(2));
      assertThat(bot.handle(Events.text(USER, "order")).get(10, TimeUnit.SECONDS)).isTrue();
      assertThat(replier.texts()).containsExactly("Which size?");
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(20, TimeUnit.SECONDS)) {
        throw new AssertionError("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Polls a condition until it holds, failing after a generous timeout. */
  static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.sleep(5);
    }
  }

  /** Passes every call through, counting refused leases. */
  private record CountingStore(ConversationStore inner, AtomicInteger refusals)
      implements ConversationStore {
    @Override
    public java.util.Optional<StoredConversation> get(String key) {
      return inner.get(key);
    }

    @Override
    public boolean put(String key, ConversationState state, long expectedVersion, Duration ttl) {
      return inner.put(key, state, expectedVersion, ttl);
    }

    @Override
    public void delete(String key) {
      inner.delete(key);
    }

    @Override
    public List<String> dueWaits(Instant now, int limit) {
      return inner.dueWaits(now, limit);
    }

    @Override
    public boolean lease(String key, String holder, Duration ttl) {
      boolean taken = inner.lease(key, holder, ttl);
      if (!taken) {
        refusals.incrementAndGet();
      }
      return taken;
    }

    @Override
    public void release(String key, String holder) {
      inner.release(key, holder);
    }
  }
}
