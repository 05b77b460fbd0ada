package dev.wasdk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.message.Message;
import dev.wasdk.message.ReplyButtonsMessage;
import dev.wasdk.message.TextMessage;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.event.DeliveryStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

class SpringBootExampleTest {

  @Test
  void converse_textThenButton_botAnswersEachThroughTheStarter() throws Exception {
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        ConfigurableApplicationContext context = SpringBootExample.startOn(sim)) {

      SpringBootExample.converse(sim, context, Duration.ofSeconds(10));

      List<Message> sent = sim.sentMessages().stream().map(SentMessage::message).toList();
      assertThat(sent)
          .extracting(m -> m.getClass().getSimpleName())
          .containsExactly("TextMessage", "ReplyButtonsMessage", "TextMessage");
      assertThat(((TextMessage) sent.get(0)).body()).isEqualTo("You said: Hello bot");
      assertThat(((ReplyButtonsMessage) sent.get(1)).buttons())
          .extracting(b -> b.id())
          .containsExactly(ChatBot.BUTTON_YES, ChatBot.BUTTON_NO);
      assertThat(((TextMessage) sent.get(2)).body()).isEqualTo("Glad to help!");
      assertThat(sim.sentMessages()).noneMatch(SentMessage::failed);
      // every answer goes to the simulated user, from the configured number
      assertThat(sim.sentMessages())
          .allSatisfy(s -> assertThat(s.phoneNumberId()).isEqualTo(sim.phoneNumberId()))
          .allSatisfy(s -> assertThat(s.json()).contains("\"to\":\"+16505551234\""));
      DeliveryReport report = context.getBean(DeliveryReport.class);
      assertThat(report.count(DeliveryStatus.DELIVERED)).isEqualTo(3);
      assertThat(report.count(DeliveryStatus.FAILED)).isZero();
    }
  }
}
