package dev.wasdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.message.ReplyButtonsMessage;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.message.TextMessage;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.TestClock;
import dev.wasdk.testkit.WhatsAppSimulator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderBotTest {
  private static final String USER = "+16505551234";

  @Test
  void order_menuSizeAndUpdates_confirmsByTemplateAndUpdatesWithinThenOutsideTheWindow() {
    TestClock clock = TestClock.now();
    try (WhatsAppSimulator sim = OrderBot.simulator(clock);
        WhatsAppClient wa = EchoBot.simulatorClient(sim);
        OrderBot bot =
            OrderBot.start(
                wa,
                sim.appSecret(),
                "verify",
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                clock)) {
      sim.deliverWebhooksTo(bot.uri());

      String orderId = OrderBot.order(sim, USER, Duration.ofSeconds(5));

      assertThat(orderId).isEqualTo("A1001");
      assertThat(bot.order(orderId).orElseThrow())
          .satisfies(o -> assertThat(o.drink()).isEqualTo("Latte"))
          .satisfies(o -> assertThat(o.size()).isEqualTo("medium"));
      assertThat(bot.updateStatus(orderId, "being made")).isEqualTo(OrderBot.Delivery.TEXT);
      clock.advance(Duration.ofHours(25));
      assertThat(bot.updateStatus(orderId, "ready")).isEqualTo(OrderBot.Delivery.TEMPLATE);

      List<SentMessage> sent = sim.sentMessages();
      assertThat(sent)
          .extracting(s -> s.message().getClass().getSimpleName())
          .containsExactly(
              "ListMessage",
              "ReplyButtonsMessage",
              "TemplateMessage",
              "TextMessage",
              "TemplateMessage");
      assertThat(((ReplyButtonsMessage) sent.get(1).message()).body())
          .isEqualTo("What size of Latte?");
      assertThat(((TemplateMessage) sent.get(2).message()).name())
          .isEqualTo(OrderBot.CONFIRMATION_TEMPLATE);
      assertThat(sent.get(2).json()).contains("\"Latte\"", "\"medium\"", "\"A1001\"");
      assertThat(((TextMessage) sent.get(3).message()).body())
          .isEqualTo("Order A1001: your Latte is being made.");
      assertThat(((TemplateMessage) sent.get(4).message()).name())
          .isEqualTo(OrderBot.STATUS_TEMPLATE);
      assertThat(sent.get(4).json()).contains("\"ready\"");
      // The simulator enforces the window as WhatsApp does: nothing failed.
      assertThat(sent).noneMatch(SentMessage::failed);
      assertThat(sim.messagesMarkedRead()).hasSize(3);
    }
  }

  @Test
  void freeFormText_afterTheWindowCloses_failsOnTheSimulator() {
    // Why updateStatus switches to a template: the same text 25 hours later fails with 131047.
    TestClock clock = TestClock.now();
    try (WhatsAppSimulator sim = OrderBot.simulator(clock);
        WhatsAppClient wa = EchoBot.simulatorClient(sim)) {
      sim.userSends(USER, "Hello!");
      clock.advance(Duration.ofHours(25));

      wa.messages().send(Message.to(USER).text("Your latte is ready."));

      assertThat(sim.sentMessages())
          .singleElement()
          .satisfies(s -> assertThat(s.failureCode()).hasValue(131047));
    }
  }
}
