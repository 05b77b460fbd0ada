package dev.wasdk.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.webhooks.event.MessageReceived;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AutoReplyTest {
  // Monday 2026-12-07 10:00 UTC is 11:00 in Berlin.
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final RecordingReplier replier = new RecordingReplier();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  private static final BusinessHours HOURS =
      BusinessHours.builder(ZoneId.of("Europe/Berlin"))
          .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(17, 0))
          .build();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private Conversations.Builder bot() {
    return Conversations.builder(replier)
        .clock(clock)
        .executor(Runnable::run)
        .scheduler(scheduler)
        .inactivity(Duration.ofMinutes(30));
  }

  private static AutoReply rules() {
    return AutoReply.builder()
        .keyword("hours", "Mon-Fri 9-17.")
        .rule("price", Filters.keyword("price", "preço"), "See our prices.")
        .defaultReply("Thanks, we will answer soon.")
        .coolDown(Duration.ofMinutes(10))
        .build();
  }

  private void send(Conversations bot, MessageReceived m) throws Exception {
    bot.handle(m).get(10, TimeUnit.SECONDS);
  }

  @Test
  void keywordRules_andDefault_answer() throws Exception {
    Conversations bot = bot().autoReply(rules()).build();

    send(bot, Events.text("Hours?"));
    send(bot, Events.text("PREÇO"));
    send(bot, Events.text("hello"));

    assertThat(replier.texts())
        .containsExactly("Mon-Fri 9-17.", "See our prices.", "Thanks, we will answer soon.");
  }

  @Test
  void coolDown_sameRuleWithinIt_staysSilent_otherRulesStillAnswer() throws Exception {
    Conversations bot = bot().autoReply(rules()).build();

    for (int i = 0; i < 10; i++) {
      send(bot, Events.text("hours"));
      clock.advance(Duration.ofSeconds(5));
    }
    send(bot, Events.text("price"));

    assertThat(replier.texts()).containsExactly("Mon-Fri 9-17.", "See our prices.");
  }

  @Test
  void coolDown_over_answersAgain() throws Exception {
    Conversations bot = bot().autoReply(rules()).build();

    send(bot, Events.text("hours"));
    clock.advance(Duration.ofMinutes(10));
    send(bot, Events.text("hours"));

    assertThat(replier.texts()).containsExactly("Mon-Fri 9-17.", "Mon-Fri 9-17.");
  }

  @Test
  void coolDown_isPerUser() throws Exception {
    Conversations bot = bot().autoReply(rules()).build();

    send(bot, Events.text("16505550001", "hours"));
    send(bot, Events.text("16505550002", "hours"));

    assertThat(replier.texts()).containsExactly("Mon-Fri 9-17.", "Mon-Fri 9-17.");
  }

  @Test
  void outOfOffice_closed_sentOncePerConversationNamingTheNextOpening() throws Exception {
    clock.set(Instant.parse("2026-12-05T12:00:00Z")); // Saturday 13:00 in Berlin
    Conversations bot =
        bot()
            .autoReply(rules())
            .outOfOffice(HOURS, Locale.GERMANY, opening -> "Geschlossen. Wieder da: " + opening)
            .build();

    send(bot, Events.text("hallo"));
    send(bot, Events.text("hours"));

    assertThat(replier.texts()).hasSize(3);
    assertThat(replier.texts().get(0))
        .startsWith("Geschlossen. Wieder da: ")
        .contains("Montag", "7. Dezember 2026", "09:00");
    assertThat(replier.texts().subList(1, 3))
        .containsExactly("Thanks, we will answer soon.", "Mon-Fri 9-17.");
  }

  @Test
  void outOfOffice_newConversationAfterInactivity_sendsItAgain() throws Exception {
    clock.set(Instant.parse("2026-12-05T12:00:00Z"));
    Conversations bot =
        bot().outOfOffice(HOURS, Locale.US, opening -> "Closed until " + opening).build();

    send(bot, Events.text("hi"));
    clock.advance(Duration.ofMinutes(31));
    send(bot, Events.text("hi again"));

    assertThat(replier.texts()).hasSize(2).allMatch(t -> t.startsWith("Closed until Monday"));
  }

  @Test
  void outOfOffice_open_sendsNothing() throws Exception {
    Conversations bot =
        bot().outOfOffice(HOURS, Locale.US, opening -> "Closed until " + opening).build();

    send(bot, Events.text("hi"));

    assertThat(replier.messages()).isEmpty();
  }

  @Test
  void builder_badRules_areRefused() {
    assertThatThrownBy(() -> AutoReply.builder().keyword("hours", "a").keyword("hours", "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unique");
    assertThatThrownBy(() -> AutoReply.builder().defaultReply(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AutoReply.builder().coolDown(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
