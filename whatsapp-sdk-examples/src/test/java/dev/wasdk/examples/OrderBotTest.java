package dev.wasdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.conversations.BusinessHours;
import dev.wasdk.conversations.ConversationStore;
import dev.wasdk.message.ListMessage;
import dev.wasdk.message.Message;
import dev.wasdk.message.ReplyButtonsMessage;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.message.TextMessage;
import dev.wasdk.redis.conversations.RedisConversationStore;
import dev.wasdk.redis.testing.LocalRedisServer;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.SimulatedUser;
import dev.wasdk.testkit.TestClock;
import dev.wasdk.testkit.WhatsAppSimulator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ordering bot, played by a scripted user over signed webhooks and the simulated Cloud API. */
class OrderBotTest {
  private static final String USER = "+16505551234";

  /** Open all day, every day: the conversation tests do not depend on the time they run. */
  private static final BusinessHours ALWAYS =
      BusinessHours.builder(ZoneOffset.UTC)
          .open(DayOfWeek.MONDAY, DayOfWeek.SUNDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
          .build();

  private final TestClock clock = TestClock.now();
  private final WhatsAppSimulator sim = OrderBot.simulator(clock);
  private final WhatsAppClient wa = EchoBot.simulatorClient(sim);

  @AfterEach
  void stop() {
    wa.close();
    sim.close();
  }

  private OrderBot start(ConversationStore store, BusinessHours hours) {
    return OrderBot.start(
        wa,
        sim.appSecret(),
        "verify",
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        clock,
        store,
        hours);
  }

  private static void body(Message m, String expected) {
    String body =
        m instanceof ReplyButtonsMessage b
            ? b.body()
            : m instanceof ListMessage l ? l.body() : ((TextMessage) m).body();
    assertThat(body).isEqualTo(expected);
  }

  @Test
  void order_twoDrinksToConfirmation_thenUpdatesInsideAndOutsideTheWindow() {
    try (OrderBot bot = start(ConversationStore.inMemory(clock), ALWAYS)) {
      sim.deliverWebhooksTo(bot.uri());
      // tag::dsl[]
      SimulatedUser user = sim.user(USER);

      user.says("Hi!").expectReply(ListMessage.class, l -> body(l, "What can we make for you?"));
      user.picksRow("Latte").expectReply(m -> body(m, "How many Latte?"));
      user.tapsButton("2").expectReply(m -> body(m, "Your cart: 2 x Latte."));
      // end::dsl[]
      user.tapsButton("Add more").expectReply(ListMessage.class, l -> {});
      user.picksRow("chai").expectReply(m -> body(m, "How many Chai latte?"));
      user.tapsButton("1").expectReply(m -> body(m, "Your cart: 2 x Latte, 1 x Chai latte."));
      user.tapsButton("Checkout")
          .expectReply(m -> body(m, "Confirm your order: 2 x Latte, 1 x Chai latte?"));
      user.tapsButton("Confirm")
          .expectReply(
              TemplateMessage.class,
              t -> assertThat(t.name()).isEqualTo(OrderBot.CONFIRMATION_TEMPLATE));

      assertThat(bot.order("A1001").orElseThrow().cart()).isEqualTo("2 x Latte, 1 x Chai latte");
      assertThat(bot.updateStatus("A1001", "being made")).isEqualTo(OrderBot.Delivery.TEXT);
      user.expectText("Order A1001: your order is being made.");
      clock.advance(Duration.ofHours(25));
      assertThat(bot.updateStatus("A1001", "ready")).isEqualTo(OrderBot.Delivery.TEMPLATE);
      user.expectReply(
          TemplateMessage.class, t -> assertThat(t.name()).isEqualTo(OrderBot.STATUS_TEMPLATE));

      assertThat(user.unchecked()).isEmpty();
      // The simulator enforces the window as WhatsApp does: nothing failed.
      assertThat(user.checked()).noneMatch(SentMessage::failed);
      assertThat(sim.messagesMarkedRead()).hasSize(8);
    }
  }

  @Test
  void unknownInput_whileAQuestionWaits_isAskedAgain() {
    try (OrderBot bot = start(ConversationStore.inMemory(clock), ALWAYS)) {
      sim.deliverWebhooksTo(bot.uri());
      SimulatedUser user = sim.user(USER);

      user.says("menu").expectReply(ListMessage.class, l -> {});
      user.says("banana")
          .expectText("Please pick a drink from the list.")
          .expectReply(ListMessage.class, l -> {});
      user.picksRow("Flat white").expectReply(m -> body(m, "How many Flat white?"));
      user.says("lots").expectText("Please tap one of the buttons.");
      user.expectReply(m -> body(m, "How many Flat white?"));
      user.says("cancel").expectText("Order cancelled. Type MENU to start again.");
    }
  }

  @Test
  void noAnswerInTenMinutes_theBotStopsAndSaysSo() {
    try (OrderBot bot = start(ConversationStore.inMemory(clock), ALWAYS)) {
      sim.deliverWebhooksTo(bot.uri());
      SimulatedUser user = sim.user(USER);
      user.says("menu").expectReply(ListMessage.class, l -> {});

      clock.advance(Duration.ofMinutes(11));

      assertThat(bot.runDueTimeouts()).isEqualTo(1);
      user.expectText("No answer, so I stopped here. Type MENU to start again.");
      user.says("hello").expectReply(ListMessage.class, l -> {});
    }
  }

  @Test
  void outsideBusinessHours_outOfOfficeOnce_andTheOrderStillTaken() {
    BusinessHours closedToday =
        BusinessHours.builder(ZoneOffset.UTC)
            .open(DayOfWeek.MONDAY, DayOfWeek.SUNDAY, LocalTime.of(9, 0), LocalTime.of(9, 1))
            .holiday(clock.instant().atZone(ZoneOffset.UTC).toLocalDate())
            .build();
    try (OrderBot bot = start(ConversationStore.inMemory(clock), closedToday)) {
      sim.deliverWebhooksTo(bot.uri());
      SimulatedUser user = sim.user(USER);

      user.says("menu")
          .expectReply(TextMessage.class, t -> assertThat(t.body()).startsWith("We are closed now"))
          .expectReply(ListMessage.class, l -> {});
      user.picksRow("Latte").expectReply(m -> body(m, "How many Latte?"));
    }
  }

  @Test
  void twoInstancesOnOneRedis_oneShowsTheMenu_theOtherTakesTheOrder() {
    String prefix = "orderbot:" + UUID.randomUUID() + ":";
    try (RedisConversationStore storeA = redis(prefix);
        RedisConversationStore storeB = redis(prefix);
        OrderBot a = start(storeA, ALWAYS);
        OrderBot b = start(storeB, ALWAYS)) {
      SimulatedUser user = sim.user(USER);
      sim.deliverWebhooksTo(a.uri());
      user.says("menu").expectReply(ListMessage.class, l -> {});
      user.picksRow("Latte").expectReply(m -> body(m, "How many Latte?"));

      sim.deliverWebhooksTo(b.uri());
      user.tapsButton("3").expectReply(m -> body(m, "Your cart: 3 x Latte."));
      user.tapsButton("Checkout").expectReply(m -> body(m, "Confirm your order: 3 x Latte?"));
      user.tapsButton("Confirm").expectReply(TemplateMessage.class, t -> {});

      assertThat(b.order("A1001")).isPresent();
      assertThat(a.order("A1001")).isEmpty();
    }
  }

  private RedisConversationStore redis(String prefix) {
    return RedisConversationStore.builder()
        .redisUri(LocalRedisServer.shared().uri())
        .keyPrefix(prefix)
        .commandTimeout(Duration.ofSeconds(5))
        .clock(clock)
        .build();
  }
}
