package dev.wasdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.conversations.BusinessHours;
import dev.wasdk.conversations.ConversationStore;
import dev.wasdk.conversations.HandoverEvent;
import dev.wasdk.conversations.InMemoryConversationStore;
import dev.wasdk.message.TextMessage;
import dev.wasdk.testkit.SimulatedUser;
import dev.wasdk.testkit.TestClock;
import dev.wasdk.testkit.WhatsAppSimulator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The auto-reply bot, played by a scripted user over signed webhooks and the simulator. */
class AutoReplyBotTest {
  private static final String USER = "+351912345678";
  private static final BusinessHours ALWAYS =
      BusinessHours.builder(ZoneOffset.UTC)
          .open(DayOfWeek.MONDAY, DayOfWeek.SUNDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
          .build();

  private final TestClock clock = TestClock.now();
  private final WhatsAppSimulator sim = WhatsAppSimulator.builder().clock(clock).start();
  private final WhatsAppClient wa = EchoBot.simulatorClient(sim);
  private final List<HandoverEvent> inbox = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    wa.close();
    sim.close();
  }

  private AutoReplyBot start(ConversationStore store, BusinessHours hours) {
    AutoReplyBot bot =
        AutoReplyBot.start(
            wa,
            sim.appSecret(),
            "verify",
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            clock,
            store,
            hours,
            inbox::add);
    sim.deliverWebhooksTo(bot.uri());
    return bot;
  }

  private BusinessHours closedToday() {
    return BusinessHours.builder(ZoneOffset.UTC)
        .open(DayOfWeek.MONDAY, DayOfWeek.SUNDAY, LocalTime.of(9, 0), LocalTime.of(17, 0))
        .holiday(clock.instant().atZone(ZoneOffset.UTC).toLocalDate())
        .build();
  }

  @Test
  void keywords_answeredEachTime() {
    try (AutoReplyBot bot = start(ConversationStore.inMemory(clock), ALWAYS)) {
      SimulatedUser user = sim.user(USER);

      user.says("Hours?").expectText(AutoReplyBot.HOURS_TEXT);
      user.says("address please").expectText(AutoReplyBot.ADDRESS_TEXT);
      assertThat(user.unchecked()).isEmpty();
    }
  }

  @Test
  void unknownInput_defaultReplyOncePerCoolDown() {
    try (AutoReplyBot bot = start(ConversationStore.inMemory(clock), ALWAYS)) {
      SimulatedUser user = sim.user(USER);

      user.says("hello").expectText(AutoReplyBot.DEFAULT_TEXT);
      // Within the cool-down the default stays quiet: the next answer is the keyword's.
      user.says("anyone there?");
      user.says("hours").expectText(AutoReplyBot.HOURS_TEXT);
      clock.advance(Duration.ofMinutes(11));
      user.says("hello again").expectText(AutoReplyBot.DEFAULT_TEXT);
    }
  }

  @Test
  void outsideHours_outOfOfficeOncePerConversation_evenAcrossARestart() {
    InMemoryConversationStore store = ConversationStore.inMemory(clock);
    SimulatedUser user = sim.user(USER);
    try (AutoReplyBot first = start(store, closedToday())) {
      user.says("hours")
          .expectReply(TextMessage.class, t -> assertThat(t.body()).startsWith("We are closed now"))
          .expectText(AutoReplyBot.HOURS_TEXT);
    }
    try (AutoReplyBot second = start(store, closedToday())) {
      user.says("address").expectText(AutoReplyBot.ADDRESS_TEXT);
      assertThat(user.unchecked()).isEmpty();
    }
  }

  @Test
  void agent_handsOver_botSilentUntilReleased() throws Exception {
    try (AutoReplyBot bot = start(ConversationStore.inMemory(clock), ALWAYS)) {
      SimulatedUser user = sim.user(USER);

      user.says("agent").expectText(AutoReplyBot.AGENT_TEXT);
      user.says("hours");
      ConversationsAwait.until(() -> inbox.size() >= 2);
      assertThat(user.unchecked()).isEmpty();
      assertThat(inbox)
          .extracting(HandoverEvent::kind)
          .containsExactly(HandoverEvent.Kind.STARTED, HandoverEvent.Kind.MESSAGE);

      assertThat(bot.release(inbox.get(0).conversation()).get(10, TimeUnit.SECONDS)).isTrue();
      user.says("hours").expectText(AutoReplyBot.HOURS_TEXT);
    }
  }
}
