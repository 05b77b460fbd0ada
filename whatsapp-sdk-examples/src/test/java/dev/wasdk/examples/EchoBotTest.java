package dev.wasdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.ListMessage;
import dev.wasdk.message.Message;
import dev.wasdk.message.ReplyButtonsMessage;
import dev.wasdk.message.TextMessage;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.WhatsAppSimulator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EchoBotTest {
  private static final String USER = "+16505551234";

  @Test
  void converse_textButtonAndListRow_answersEachAndMarksEachRead() {
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa = EchoBot.simulatorClient(sim);
        EchoBot bot =
            EchoBot.start(
                wa,
                sim.appSecret(),
                "verify",
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      sim.deliverWebhooksTo(bot.uri());

      EchoBot.Conversation c = EchoBot.converse(sim, USER, Duration.ofSeconds(5));

      List<Message> sent = sim.sentMessages().stream().map(SentMessage::message).toList();
      assertThat(sent).hasSize(5);
      assertThat(sent)
          .extracting(m -> m.getClass().getSimpleName())
          .containsExactly(
              "TextMessage", "ReplyButtonsMessage", "ListMessage", "TextMessage", "TextMessage");
      assertThat(((TextMessage) sent.get(0)).body()).isEqualTo("You said: Hello bot");
      assertThat(((ReplyButtonsMessage) sent.get(1)).buttons())
          .extracting(b -> b.id())
          .containsExactly(EchoBot.BUTTON_MORE, EchoBot.BUTTON_DONE);
      assertThat(((ListMessage) sent.get(2)).sections()).hasSize(2);
      assertThat(((TextMessage) sent.get(3)).body()).startsWith("Great");
      assertThat(((TextMessage) sent.get(4)).body()).isEqualTo("Good choice: Latte.");
      // Each answer quotes the message it answers.
      assertThat(sim.sentMessages().get(0).json()).contains(c.text());
      assertThat(sim.sentMessages().get(3).json()).contains(c.button());
      assertThat(sim.sentMessages().get(4).json()).contains(c.listRow());
      assertThat(sim.sentMessages()).noneMatch(SentMessage::failed);
      assertThat(sim.messagesMarkedRead()).containsExactly(c.text(), c.button(), c.listRow());
      assertThat(sim.receivedRequests())
          .filteredOn(r -> r.body().contains("\"status\":\"read\""))
          .allSatisfy(r -> assertThat(r.body()).contains("typing_indicator"))
          .hasSize(3);
    }
  }
}
