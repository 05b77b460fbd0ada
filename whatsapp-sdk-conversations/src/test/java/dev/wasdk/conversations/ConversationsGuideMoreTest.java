package dev.wasdk.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.TypingIndicator;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.event.TextReceived;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** More snippets of {@code docs/conversations.md}: reply contexts and journeys, run as tests. */
class ConversationsGuideMoreTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final RecordingReplier replier = new RecordingReplier();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void replyContext() {
    // tag::reply-context[]
    ConversationRouter router =
        ConversationRouter.builder()
            .replier(replier) // Replier.of(sender, wa) in an application
            .onMessage(
                TextReceived.class,
                Filters.keyword("hours"),
                (text, ctx) -> {
                  ctx.markRead(TypingIndicator.TEXT);
                  ctx.reply("We open at 9:00."); // quotes the user's message
                  ctx.sendOrTemplate("Anything else?", "follow_up", "en_US");
                })
            .build();
    // end::reply-context[]

    MessageReceived in = Events.text("hours?");
    assertThat(router.dispatch(in)).isTrue();
    assertThat(replier.messages().get(0).envelope().replyTo()).contains(in.id());
    // RecordingReplier does not track windows, so it counts them open: the free-form text goes.
    assertThat(replier.texts()).containsExactly("We open at 9:00.", "Anything else?");
  }

  @Test
  void journey() throws Exception {
    // tag::journey[]
    Journey feedback =
        Journey.builder("feedback")
            .triggerKeyword("feedback")
            .message(
                to ->
                    to.buttons()
                        .body("Did you enjoy your order?")
                        .button("yes", "Yes")
                        .button("no", "No")
                        .build())
            .awaitAnswer(Duration.ofHours(2))
            .when(Filters.replyId("yes"), "happy")
            .when(Filters.replyId("no"), "sorry")
            .wait(Duration.ofDays(2)) // no answer: remind later, by template
            .template(to -> to.template("feedback_reminder", "en_US").build())
            .end()
            .label("happy")
            .message(to -> to.text("Thank you!"))
            .end()
            .label("sorry")
            .message(to -> to.text("Sorry to hear that. A colleague will call you."))
            .build();
    Conversations bot =
        Conversations.builder(replier)
            .clock(clock)
            .scheduler(scheduler)
            .journey(feedback)
            .journeyStop(Filters.keyword("stop", "unsubscribe"))
            .build();
    // end::journey[]

    bot.handle(Events.text("feedback")).get(10, TimeUnit.SECONDS);
    clock.advance(Duration.ofHours(2));
    assertThat(bot.runDueTimeouts().get(10, TimeUnit.SECONDS)).isEqualTo(1);
    clock.advance(Duration.ofDays(2));
    assertThat(bot.runDueTimeouts().get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(replier.messages()).hasSize(2);
    assertThat(replier.messages().get(1)).isInstanceOf(TemplateMessage.class);
    bot.close();
  }

  @Test
  void journeyRuleAtDefinitionTime() {
    // tag::journey-rule[]
    Journey.Builder tooLate =
        Journey.builder("late")
            .triggerKeyword("promo")
            .wait(Duration.ofDays(2))
            .message(to -> to.text("Still interested?")); // free-form, 2 days later
    // tooLate.build() throws IllegalStateException:
    //   journey 'late': step 1 is a free-form message that can go out 24 hours or more after the
    //   user's last message; use template(...) there
    // end::journey-rule[]

    assertThatThrownBy(tooLate::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "journey 'late': step 1 is a free-form message that can go out 24 hours or more after"
                + " the user's last message; use template(...) there");
  }
}
