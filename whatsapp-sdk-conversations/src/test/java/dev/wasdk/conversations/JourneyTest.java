package dev.wasdk.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.TransportFailure;
import dev.wasdk.message.Message;
import dev.wasdk.message.ReplyButtonsMessage;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.message.TextMessage;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.webhooks.event.MessageReceived;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JourneyTest {
  private static final String USER = "16505551234";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final InMemoryConversationStore store = ConversationStore.inMemory(clock);
  private final List<Message> sent = new CopyOnWriteArrayList<>();
  private final List<Throwable> errors = new CopyOnWriteArrayList<>();
  // Never fires within a test: deadlines are hours away in real time; tests call runDueTimeouts.
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final List<Conversations> bots = new ArrayList<>();

  /** Sends nothing; every outcome is Unknown, as after a timeout once the request was written. */
  private final Replier replier =
      message -> {
        sent.add(message);
        return CompletableFuture.completedFuture(
            new SendOutcome.Unknown(
                message,
                new RequestMaybeSentException(
                    "timed out", TransportFailure.RESPONSE_TIMEOUT, null)));
      };

  @AfterEach
  void stop() {
    bots.forEach(Conversations::close);
    scheduler.shutdownNow();
  }

  private static Journey feedback() {
    return Journey.builder("feedback")
        .triggerKeyword("feedback")
        .message(
            to ->
                to.buttons()
                    .body("Did you enjoy it?")
                    .button("yes", "Yes")
                    .button("no", "No")
                    .build())
        .awaitAnswer(Duration.ofHours(2))
        .when(Filters.replyId("yes"), "happy")
        .when(Filters.replyId("no"), "sorry")
        .wait(Duration.ofDays(2))
        .template(to -> to.template("feedback_reminder", "en_US").build())
        .end()
        .label("happy")
        .message(to -> to.text("Thank you!"))
        .end()
        .label("sorry")
        .message(to -> to.text("Sorry to hear that."))
        .build();
  }

  private static Journey shipping() {
    return Journey.builder("shipping")
        .apiTrigger()
        .template(to -> to.template("order_shipped", "en_US").build())
        .wait(Duration.ofDays(3))
        .template(to -> to.template("order_delivered", "en_US").build())
        .build();
  }

  private Conversations bot(Journey... journeys) {
    Conversations.Builder b =
        Conversations.builder(replier)
            .store(store)
            .clock(clock)
            .executor(Runnable::run)
            .scheduler(scheduler)
            .deadlinePolling(Duration.ZERO)
            .onError((k, e) -> errors.add(e))
            .on(
                MessageReceived.class,
                Filters.keyword("stop"),
                t -> t.reply("You will get no more."))
            .on(MessageReceived.class, Filter.any(), t -> t.reply("Type FEEDBACK."));
    for (Journey j : journeys) {
      b.journey(j);
    }
    Conversations bot = b.build();
    bots.add(bot);
    return bot;
  }

  private static boolean send(Conversations bot, MessageReceived m) throws Exception {
    return bot.handle(m).get(10, TimeUnit.SECONDS);
  }

  private static int due(Conversations bot) throws Exception {
    return bot.runDueTimeouts().get(10, TimeUnit.SECONDS);
  }

  private List<String> kinds() {
    List<String> out = new ArrayList<>();
    for (Message m : sent) {
      if (m instanceof TextMessage t) {
        out.add(t.body());
      } else if (m instanceof TemplateMessage t) {
        out.add("template:" + t.name());
      } else if (m instanceof ReplyButtonsMessage b) {
        out.add("buttons:" + b.body());
      } else {
        out.add(m.getClass().getSimpleName());
      }
    }
    return out;
  }

  // ---- definition time ----------------------------------------------------------------------

  @Test
  void build_freeFormMessageAfterAWaitOfADay_failsNamingTheStep() {
    Journey.Builder b =
        Journey.builder("late")
            .triggerKeyword("go")
            .message(to -> to.text("hi"))
            .wait(Duration.ofHours(24))
            .message(to -> to.text("too late"));

    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("step 2")
        .hasMessageContaining("template");
  }

  @Test
  void build_templateAfterTheWindow_andMessagesWithinIt_areAccepted() {
    Journey j =
        Journey.builder("ok")
            .triggerKeyword("go")
            .message(to -> to.text("now"))
            .wait(Duration.ofHours(23))
            .message(to -> to.text("still inside"))
            .wait(Duration.ofHours(2))
            .template(to -> to.template("later", "en_US").build())
            .build();

    assertThat(j.name()).isEqualTo("ok");
  }

  @Test
  void build_answerOpensANewWindow_butItsTimeoutPathDoesNot() {
    Journey.Builder answered =
        Journey.builder("a")
            .triggerKeyword("go")
            .wait(Duration.ofHours(30))
            .template(to -> to.template("ask", "en_US").build())
            .awaitAnswer(Duration.ofHours(1))
            .when(Filters.replyId("yes"), "yes")
            .end()
            .label("yes")
            .message(to -> to.text("free-form after the answer"));
    assertThat(answered.build().name()).isEqualTo("a");

    Journey.Builder timedOut =
        Journey.builder("b")
            .triggerKeyword("go")
            .awaitAnswer(Duration.ofHours(25))
            .message(to -> to.text("reached on timeout too"));
    assertThatThrownBy(timedOut::build).hasMessageContaining("step 1");
  }

  @Test
  void build_apiTriggeredJourney_mustOpenWithATemplate() {
    assertThatThrownBy(
            () -> Journey.builder("api").apiTrigger().message(to -> to.text("hello")).build())
        .hasMessageContaining("step 0");
  }

  @Test
  void build_loopBackWithAWait_isCheckedToo() {
    Journey.Builder loop =
        Journey.builder("loop")
            .triggerKeyword("go")
            .label("top")
            .message(to -> to.text("ping"))
            .wait(Duration.ofHours(13))
            .goTo("top");

    assertThatThrownBy(loop::build).hasMessageContaining("step 0");
  }

  @Test
  void build_badShapes_fail() {
    assertThatThrownBy(() -> Journey.builder("x").message(to -> to.text("a")).build())
        .hasMessageContaining("no trigger");
    assertThatThrownBy(() -> Journey.builder("x").triggerKeyword("x").goTo("nowhere").build())
        .hasMessageContaining("nowhere");
    assertThatThrownBy(() -> Journey.builder("x").triggerKeyword("x").when(Filter.any(), "a"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Journey.builder("a:b")).isInstanceOf(IllegalArgumentException.class);
  }

  // ---- running ------------------------------------------------------------------------------

  @Test
  void keyword_answerYes_takesTheBranch() throws Exception {
    Conversations bot = bot(feedback());

    assertThat(send(bot, Events.text(USER, "Feedback"))).isTrue();
    assertThat(send(bot, Events.button(USER, "yes", "Yes"))).isTrue();

    assertThat(kinds()).containsExactly("buttons:Did you enjoy it?", "Thank you!");
    clock.advance(Duration.ofDays(3));
    assertThat(due(bot)).isZero();
    assertThat(errors).isEmpty();
  }

  @Test
  void noAnswer_skipsTheBranches_andTheReminderGoesOutAfterTheWait() throws Exception {
    Conversations bot = bot(feedback());
    send(bot, Events.text(USER, "feedback"));

    clock.advance(Duration.ofHours(2));
    assertThat(due(bot)).isEqualTo(1);
    clock.advance(Duration.ofDays(1));
    assertThat(due(bot)).isZero();
    clock.advance(Duration.ofDays(1));
    assertThat(due(bot)).isEqualTo(1);

    assertThat(kinds()).containsExactly("buttons:Did you enjoy it?", "template:feedback_reminder");
    // The answer wait is over: a later message is routed as usual.
    send(bot, Events.text(USER, "yes"));
    assertThat(kinds()).last().isEqualTo("Type FEEDBACK.");
  }

  @Test
  void unexpectedAnswer_goesOnAfterTheBranches() throws Exception {
    Conversations bot = bot(feedback());
    send(bot, Events.text(USER, "feedback"));

    send(bot, Events.text(USER, "maybe"));
    clock.advance(Duration.ofDays(2));
    assertThat(due(bot)).isEqualTo(1);

    assertThat(kinds()).containsExactly("buttons:Did you enjoy it?", "template:feedback_reminder");
  }

  @Test
  void stop_leavesEveryJourney_andTheAppsOwnRouteStillRuns() throws Exception {
    Conversations bot = bot(feedback(), shipping());
    send(bot, Events.text(USER, "feedback"));
    assertThat(bot.startJourney(USER, "shipping").get(10, TimeUnit.SECONDS)).isTrue();

    send(bot, Events.text(USER, "STOP"));
    clock.advance(Duration.ofDays(5));

    assertThat(due(bot)).isZero();
    assertThat(kinds())
        .containsExactly(
            "buttons:Did you enjoy it?", "template:order_shipped", "You will get no more.");
  }

  @Test
  void restart_pausedJourneyResumesOnTheNewInstance_andNoStepIsSentTwice() throws Exception {
    Conversations before = bot(shipping());
    before.startJourney(USER, "shipping").get(10, TimeUnit.SECONDS);
    before.close();
    clock.advance(Duration.ofDays(3));

    Conversations after = bot(shipping());
    Conversations other = bot(shipping());
    assertThat(due(after)).isEqualTo(1);
    assertThat(due(other)).isZero();
    assertThat(due(after)).isZero();

    // Both steps had Unknown outcomes: neither is sent again.
    assertThat(kinds()).containsExactly("template:order_shipped", "template:order_delivered");
  }

  @Test
  void startJourney_unknownOrNotApiTriggered_isRefused() {
    Conversations bot = bot(feedback());

    assertThatThrownBy(() -> bot.startJourney(USER, "nope"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bot.startJourney(USER, "feedback"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiTrigger");
  }

  @Test
  void apiStartedJourneyAwaitingAnAnswer_takesTheUsersNextMessage() throws Exception {
    Journey survey =
        Journey.builder("survey")
            .apiTrigger()
            .template(to -> to.template("survey_invite", "en_US").build())
            .awaitAnswer(Duration.ofDays(1))
            .when(Filters.keyword("ok"), "thanks")
            .end()
            .label("thanks")
            .message(to -> to.text("Thanks for answering."))
            .build();
    Conversations bot = bot(survey);

    bot.startJourney(USER, "survey").get(10, TimeUnit.SECONDS);
    send(bot, Events.text(USER, "ok"));

    assertThat(kinds()).containsExactly("template:survey_invite", "Thanks for answering.");
  }
}
