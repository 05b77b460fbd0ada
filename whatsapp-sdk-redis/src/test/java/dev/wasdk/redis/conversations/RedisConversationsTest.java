package dev.wasdk.redis.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.conversations.Conversations;
import dev.wasdk.conversations.Events;
import dev.wasdk.conversations.Filters;
import dev.wasdk.conversations.Journey;
import dev.wasdk.conversations.MutableClock;
import dev.wasdk.conversations.RecordingReplier;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.redis.testing.LocalRedisServer;
import dev.wasdk.webhooks.event.MessageReceived;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two {@link Conversations} instances, each with its own connection, over one Redis key space: the
 * way two app instances share a bot.
 */
class RedisConversationsTest {
  private static final String USER = "16505551234";

  private final String prefix = "conv-bot:" + UUID.randomUUID() + ":";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final RecordingReplier replier = new RecordingReplier();
  private final List<Throwable> errors = new CopyOnWriteArrayList<>();
  private final ExecutorService pool = Executors.newFixedThreadPool(8);
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
    pool.shutdownNow();
    scheduler.shutdownNow();
  }

  private RedisConversationStore store() {
    // tag::store[]
    RedisConversationStore s =
        RedisConversationStore.builder()
            .redisUri(LocalRedisServer.shared().uri()) // such as redis://localhost:6379
            .keyPrefix(prefix) // default wasdk:conv:
            .commandTimeout(Duration.ofSeconds(5)) // default 500 ms
            .clock(clock) // the system clock by default
            .build();
    // end::store[]
    closing.add(s);
    return s;
  }

  private Conversations bot(AtomicInteger turns) {
    Conversations bot =
        Conversations.builder(replier)
            .store(store())
            .clock(clock)
            .executor(pool)
            .scheduler(scheduler)
            .deadlinePolling(Duration.ZERO)
            .onError((k, e) -> errors.add(e))
            .on(
                MessageReceived.class,
                Filters.keyword("order"),
                turn -> {
                  turns.incrementAndGet();
                  turn.reply("Which size?");
                  turn.ask("size", Duration.ofMinutes(10), "size-timeout");
                })
            .on(
                MessageReceived.class,
                Filters.keyword("count"),
                turn -> {
                  turns.incrementAndGet();
                  int n = Integer.parseInt(turn.get("n").orElse("0"));
                  turn.put("n", Integer.toString(n + 1));
                })
            .step(
                "size",
                turn -> {
                  turns.incrementAndGet();
                  turn.reply("Size " + turn.text());
                  turn.end();
                })
            .step("size-timeout", turn -> turn.reply("Type ORDER to start again."))
            .build();
    closing.add(0, bot);
    return bot;
  }

  @Test
  void oneInstanceAsks_theOtherTakesTheAnswer() throws Exception {
    AtomicInteger turnsA = new AtomicInteger();
    AtomicInteger turnsB = new AtomicInteger();
    Conversations a = bot(turnsA);
    Conversations b = bot(turnsB);

    assertThat(a.handle(Events.text(USER, "order")).get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(b.handle(Events.text(USER, "M")).get(10, TimeUnit.SECONDS)).isTrue();

    assertThat(replier.texts()).containsExactly("Which size?", "Size M");
    assertThat(turnsA).hasValue(1);
    assertThat(turnsB).hasValue(1);
    assertThat(errors).isEmpty();
  }

  @Test
  void timeoutSetBeforeARestart_firesOnTheNewInstance_once() throws Exception {
    Conversations before = bot(new AtomicInteger());
    before.handle(Events.text(USER, "order")).get(10, TimeUnit.SECONDS);
    before.close();
    clock.advance(Duration.ofMinutes(11));

    Conversations after = bot(new AtomicInteger());
    Conversations other = bot(new AtomicInteger());
    int fired = after.runDueTimeouts().get(10, TimeUnit.SECONDS);
    int firedElsewhere = other.runDueTimeouts().get(10, TimeUnit.SECONDS);

    assertThat(fired + firedElsewhere).isEqualTo(1);
    assertThat(replier.texts()).containsExactly("Which size?", "Type ORDER to start again.");
    assertThat(after.state(USER).orElseThrow().waiting()).isEmpty();
  }

  @Test
  void messagesOfOneUserSpreadOverTwoInstances_eachTurnSeesThePreviousOne() throws Exception {
    Conversations a = bot(new AtomicInteger());
    Conversations b = bot(new AtomicInteger());
    int messages = 40;
    List<CompletableFuture<Boolean>> turns = new ArrayList<>();
    for (int i = 0; i < messages; i++) {
      turns.add((i % 2 == 0 ? a : b).handle(Events.text(USER, "count")));
    }

    for (CompletableFuture<Boolean> t : turns) {
      assertThat(t.get(30, TimeUnit.SECONDS)).isTrue();
    }

    // Without the lease, turns on the two instances would overlap and conflict on the version.
    assertThat(errors).isEmpty();
    assertThat(a.state(USER).orElseThrow().data()).containsEntry("n", Integer.toString(messages));
  }

  @Test
  void journeyPausedOnOneInstance_resumesOnAnother_onceAcrossBoth() throws Exception {
    Journey shipping =
        Journey.builder("shipping")
            .apiTrigger()
            .template(to -> to.template("order_shipped", "en_US").build())
            .wait(Duration.ofDays(3))
            .template(to -> to.template("order_delivered", "en_US").build())
            .build();
    Conversations a = journeyBot(shipping);
    Conversations b = journeyBot(shipping);

    assertThat(a.startJourney(USER, "shipping").get(10, TimeUnit.SECONDS)).isTrue();
    a.close();
    clock.advance(Duration.ofDays(3));
    Conversations c = journeyBot(shipping);
    int fired =
        b.runDueTimeouts().get(10, TimeUnit.SECONDS) + c.runDueTimeouts().get(10, TimeUnit.SECONDS);

    assertThat(fired).isEqualTo(1);
    assertThat(replier.messages())
        .extracting(m -> ((TemplateMessage) m).name())
        .containsExactly("order_shipped", "order_delivered");
    assertThat(errors).isEmpty();
  }

  private Conversations journeyBot(Journey journey) {
    Conversations bot =
        Conversations.builder(replier)
            .store(store())
            .clock(clock)
            .executor(pool)
            .scheduler(scheduler)
            .deadlinePolling(Duration.ZERO)
            .onError((k, e) -> errors.add(e))
            .journey(journey)
            .build();
    closing.add(0, bot);
    return bot;
  }
}
