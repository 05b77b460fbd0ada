package dev.wasdk.conversations;

import static dev.wasdk.conversations.Events.USER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.message.Recipient;
import dev.wasdk.webhooks.event.MessageReceived;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConversationsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final InMemoryConversationStore store = ConversationStore.inMemory(clock);
  private final RecordingReplier replier = new RecordingReplier();
  private final List<Throwable> errors = new CopyOnWriteArrayList<>();
  private final List<HandoverEvent> handovers = new CopyOnWriteArrayList<>();
  // Deadlines are minutes away on the fake clock, so this scheduler never fires during a test: the
  // tests move the clock and call runDueTimeouts() themselves.
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private Conversations.Builder bot() {
    return Conversations.builder(replier)
        .store(store)
        .clock(clock)
        .executor(Runnable::run)
        .scheduler(scheduler)
        .deadlinePolling(Duration.ZERO)
        .inactivity(Duration.ofMinutes(30))
        .onError((key, failure) -> errors.add(failure))
        .onHandover(handovers::add);
  }

  private Conversations orderBot() {
    return bot()
        .interrupt(
            MessageReceived.class,
            Filters.keyword("cancel"),
            turn -> {
              turn.end();
              turn.reply("Cancelled.");
            })
        .on(
            MessageReceived.class,
            Filters.keyword("order"),
            turn -> {
              turn.reply("Which size? S, M or L");
              turn.ask("size", Duration.ofMinutes(10), "size-timeout");
            })
        .step(
            "size",
            turn -> {
              turn.put("size", turn.text());
              turn.reply("Size " + turn.text() + ", noted.");
            })
        .step("size-timeout", turn -> turn.reply("No answer; type ORDER to start again."))
        .autoReply(AutoReply.builder().defaultReply("Type ORDER to order.").build())
        .build();
  }

  private boolean send(Conversations bot, MessageReceived m) throws Exception {
    return bot.handle(m).get(10, TimeUnit.SECONDS);
  }

  @Test
  void handle_routeMatches_repliesToTheSender() throws Exception {
    Conversations bot = orderBot();

    assertThat(send(bot, Events.text("Order please"))).isTrue();

    assertThat(replier.texts()).containsExactly("Which size? S, M or L");
    assertThat(replier.messages().get(0).recipient()).isEqualTo(Recipient.waId(USER));
  }

  @Test
  void handle_answerToAsk_goesToTheStepAndKeepsData() throws Exception {
    Conversations bot = orderBot();

    send(bot, Events.text("order"));
    send(bot, Events.text("L"));

    assertThat(replier.texts()).containsExactly("Which size? S, M or L", "Size L, noted.");
    ConversationState state = bot.state(USER).orElseThrow();
    assertThat(state.data()).containsEntry("size", "L");
    assertThat(state.waiting()).isEmpty();
  }

  @Test
  void runDueTimeouts_noAnswerByTheDeadline_runsTheTimeoutStep() throws Exception {
    Conversations bot = orderBot();
    send(bot, Events.text("order"));

    clock.advance(Duration.ofMinutes(9));
    assertThat(bot.runDueTimeouts().get(10, TimeUnit.SECONDS)).isZero();
    clock.advance(Duration.ofMinutes(1));
    assertThat(bot.runDueTimeouts().get(10, TimeUnit.SECONDS)).isEqualTo(1);

    assertThat(replier.texts())
        .containsExactly("Which size? S, M or L", "No answer; type ORDER to start again.");
    assertThat(bot.state(USER).orElseThrow().waiting()).isEmpty();
  }

  @Test
  void runDueTimeouts_answeredInTime_doesNothing() throws Exception {
    Conversations bot = orderBot();
    send(bot, Events.text("order"));
    send(bot, Events.text("M"));

    clock.advance(Duration.ofMinutes(11));

    assertThat(bot.runDueTimeouts().get(10, TimeUnit.SECONDS)).isZero();
    assertThat(replier.texts()).containsExactly("Which size? S, M or L", "Size M, noted.");
  }

  @Test
  void handle_answerAfterTheDeadline_isANewStart() throws Exception {
    Conversations bot = orderBot();
    send(bot, Events.text("order"));
    clock.advance(Duration.ofMinutes(11));

    send(bot, Events.text("L"));

    assertThat(replier.texts()).containsExactly("Which size? S, M or L", "Type ORDER to order.");
  }

  @Test
  void handle_interruptDuringAWait_runsBeforeTheStep() throws Exception {
    Conversations bot = orderBot();
    send(bot, Events.text("order"));

    send(bot, Events.text("Cancel"));
    send(bot, Events.text("L"));

    assertThat(replier.texts())
        .containsExactly("Which size? S, M or L", "Cancelled.", "Type ORDER to order.");
  }

  @Test
  void handle_afterInactivity_theConversationStartsAfresh() throws Exception {
    Conversations bot =
        bot()
            .on(MessageReceived.class, Filters.keyword("order"), turn -> turn.await("size"))
            .step("size", turn -> turn.reply("size step"))
            .autoReply(AutoReply.builder().defaultReply("fresh").build())
            .build();
    send(bot, Events.text("order"));

    clock.advance(Duration.ofMinutes(31));
    send(bot, Events.text("L"));

    assertThat(replier.texts()).containsExactly("fresh");
  }

  @Test
  void handle_handlerThrows_savesNothingSendsNothingAndReports() throws Exception {
    IllegalStateException boom = new IllegalStateException("boom");
    Conversations bot =
        bot()
            .on(
                MessageReceived.class,
                Filters.keyword("crash"),
                turn -> {
                  turn.put("half", "done");
                  turn.reply("never sent");
                  throw boom;
                })
            .on(MessageReceived.class, Filter.any(), turn -> turn.reply("ok"))
            .build();

    assertThat(send(bot, Events.text("crash"))).isFalse();
    assertThat(send(bot, Events.text("hello"))).isTrue();

    assertThat(errors).containsExactly(boom);
    assertThat(replier.texts()).containsExactly("ok");
    assertThat(bot.state(USER).orElseThrow().data()).doesNotContainKey("half");
  }

  @Test
  void handle_stateChangedByAnotherInstanceMeanwhile_conflictSendsNothing() throws Exception {
    Conversations bot =
        bot()
            .on(
                MessageReceived.class,
                Filter.any(),
                turn -> {
                  // Another instance saves this conversation while the turn runs.
                  long version = store.get(USER).map(StoredConversation::version).orElse(0L);
                  store.put(
                      USER, turn.state().withData("other", "1"), version, Duration.ofHours(1));
                  turn.reply("lost");
                })
            .build();

    assertThat(send(bot, Events.text("hi"))).isFalse();

    assertThat(replier.texts()).isEmpty();
    assertThat(errors).singleElement().isInstanceOf(IllegalStateException.class);
    assertThat(bot.state(USER).orElseThrow().data()).containsEntry("other", "1");
  }

  @Test
  void handle_oneUsersMessages_runInOrderOneAtATime() throws Exception {
    var pool = Executors.newFixedThreadPool(4);
    try {
      List<String> seenA = new CopyOnWriteArrayList<>();
      List<String> seenB = new CopyOnWriteArrayList<>();
      int[] inFlight = new int[2];
      int[] maxInFlight = new int[2];
      Conversations bot =
          bot()
              .executor(pool)
              .on(
                  MessageReceived.class,
                  Filter.any(),
                  turn -> {
                    int u = turn.conversation().equals("16505550001") ? 0 : 1;
                    synchronized (inFlight) {
                      inFlight[u]++;
                      maxInFlight[u] = Math.max(maxInFlight[u], inFlight[u]);
                    }
                    (u == 0 ? seenA : seenB).add(turn.text());
                    synchronized (inFlight) {
                      inFlight[u]--;
                    }
                  })
              .build();
      List<java.util.concurrent.CompletableFuture<Boolean>> all = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        expected.add("m" + i);
        all.add(bot.handle(Events.text("16505550001", "m" + i)));
        all.add(bot.handle(Events.text("16505550002", "m" + i)));
      }
      for (var f : all) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isTrue();
      }

      assertThat(seenA).containsExactlyElementsOf(expected);
      assertThat(seenB).containsExactlyElementsOf(expected);
      assertThat(maxInFlight).containsExactly(1, 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void handover_botStaysSilentUntilReleased_andTellsTheInbox() throws Exception {
    Conversations bot =
        bot()
            .interrupt(
                MessageReceived.class,
                Filters.keyword("agent"),
                turn -> {
                  turn.reply("A colleague will answer you here.");
                  turn.handOver("asked for an agent");
                })
            .on(MessageReceived.class, Filter.any(), turn -> turn.reply("bot"))
            .build();

    send(bot, Events.text("AGENT"));
    send(bot, Events.text("where is my order?"));
    assertThat(bot.release(USER).get(10, TimeUnit.SECONDS)).isTrue();
    send(bot, Events.text("thanks"));

    assertThat(replier.texts()).containsExactly("A colleague will answer you here.", "bot");
    assertThat(handovers)
        .extracting(HandoverEvent::kind)
        .containsExactly(
            HandoverEvent.Kind.STARTED, HandoverEvent.Kind.MESSAGE, HandoverEvent.Kind.RELEASED);
    assertThat(handovers.get(0).reason()).isEqualTo("asked for an agent");
    assertThat(handovers.get(1).message().map(m -> m.id()))
        .isPresent()
        .isNotEqualTo(handovers.get(0).message().map(m -> m.id()));
    assertThat(handovers).allMatch(e -> e.conversation().equals(USER));
  }

  @Test
  void handOver_fromOutside_silencesTheBot() throws Exception {
    Conversations bot = bot().on(MessageReceived.class, Filter.any(), t -> t.reply("bot")).build();

    assertThat(bot.handOver(USER, "agent picked it up").get(10, TimeUnit.SECONDS)).isTrue();
    send(bot, Events.text("hello"));

    assertThat(replier.texts()).isEmpty();
    assertThat(handovers)
        .extracting(HandoverEvent::kind)
        .containsExactly(HandoverEvent.Kind.STARTED, HandoverEvent.Kind.MESSAGE);
  }

  @Test
  void handle_groupMessage_isOneConversationAnsweredInTheGroup() throws Exception {
    Conversations bot =
        bot().on(MessageReceived.class, Filter.any(), t -> t.reply("hi all")).build();

    send(bot, Events.groupText(USER, "G123", "hello"));

    assertThat(replier.messages().get(0).recipient()).isEqualTo(Recipient.group("G123"));
    assertThat(bot.state("group:G123")).isPresent();
  }

  @Test
  void handle_userKnownOnlyByUserId_isAnsweredByUserId() throws Exception {
    Conversations bot = bot().on(MessageReceived.class, Filter.any(), t -> t.reply("hi")).build();

    send(bot, Events.textFromUserId("US.13491208655302741918", "hello"));

    assertThat(replier.messages().get(0).recipient())
        .isEqualTo(Recipient.userId("US.13491208655302741918"));
  }

  @Test
  void handle_statusEvent_isIgnored() throws Exception {
    Conversations bot = bot().on(MessageReceived.class, Filter.any(), t -> t.reply("x")).build();

    assertThat(bot.handle(Events.delivered(USER)).get(10, TimeUnit.SECONDS)).isFalse();
    assertThat(replier.messages()).isEmpty();
  }

  @Test
  void handle_waitingForAStepNoLongerRegistered_routesAsUsual() throws Exception {
    store.put(
        USER,
        ConversationState.start(clock.instant())
            .withWaiting(
                java.util.Optional.of(
                    new ConversationState.Wait(
                        "removed-step", java.util.Optional.empty(), java.util.Optional.empty()))),
        0,
        Duration.ofHours(1));
    Conversations bot =
        bot().on(MessageReceived.class, Filter.any(), t -> t.reply("routed")).build();

    send(bot, Events.text("hi"));

    assertThat(replier.texts()).containsExactly("routed");
  }

  @Test
  void handle_unhandled_runsTheHook() throws Exception {
    List<String> unhandled = new CopyOnWriteArrayList<>();
    Conversations bot =
        bot()
            .on(MessageReceived.class, Filters.keyword("menu"), t -> t.reply("menu"))
            .onUnhandled(t -> unhandled.add(t.text()))
            .build();

    send(bot, Events.text("something"));

    assertThat(unhandled).containsExactly("something");
    assertThat(replier.messages()).isEmpty();
  }

  @Test
  void handle_twoInstancesSharingAStore_oneAsksTheOtherTakesTheAnswer() throws Exception {
    Conversations first = orderBot();
    Conversations second = orderBot();

    send(first, Events.text("order"));
    send(second, Events.text("S"));
    clock.advance(Duration.ofMinutes(11));

    // The first instance scheduled the deadline, but the answer already ended that wait.
    assertThat(first.runDueTimeouts().get(10, TimeUnit.SECONDS)).isZero();
    assertThat(replier.texts()).containsExactly("Which size? S, M or L", "Size S, noted.");
    assertThat(second.state(USER).orElseThrow().data()).containsEntry("size", "S");
  }

  @Test
  void handle_storeFails_reportsAndSendsNothing() throws Exception {
    IllegalStateException down = new IllegalStateException("store unavailable");
    ConversationStore failing =
        new ConversationStore() {
          @Override
          public java.util.Optional<StoredConversation> get(String key) {
            return java.util.Optional.empty();
          }

          @Override
          public boolean put(
              String key, ConversationState state, long expectedVersion, Duration ttl) {
            throw down;
          }

          @Override
          public void delete(String key) {}

          @Override
          public java.util.List<String> dueWaits(Instant now, int limit) {
            return java.util.List.of();
          }

          @Override
          public boolean lease(String key, String holder, Duration ttl) {
            return true;
          }

          @Override
          public void release(String key, String holder) {}
        };
    Conversations bot =
        bot().store(failing).on(MessageReceived.class, Filter.any(), t -> t.reply("x")).build();

    assertThat(send(bot, Events.text("hi"))).isFalse();

    assertThat(errors).containsExactly(down);
    assertThat(replier.messages()).isEmpty();
  }
}
