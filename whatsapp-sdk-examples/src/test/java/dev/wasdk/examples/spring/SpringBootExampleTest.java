package dev.wasdk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.message.Message;
import dev.wasdk.message.ReplyButtonsMessage;
import dev.wasdk.message.TextMessage;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.SimulatedUser;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.event.DeliveryStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The Spring chat bot on annotated handlers, played by a scripted user on the simulator. */
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
      assertThat(sent.get(0).envelope().replyTo()).isPresent();
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

  @Test
  void unknownInput_aPhoto_getsTheHint() {
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        ConfigurableApplicationContext context = SpringBootExample.startOn(sim)) {
      SimulatedUser user = sim.user(SpringBootExample.USER);

      sim.userSendsImage(SpringBootExample.USER, "look at this");

      user.expectText("I read texts and button taps only. Write me a message!");
      user.says("ok").expectText("You said: ok").expectReply(ReplyButtonsMessage.class, b -> {});
    }
  }

  @Test
  void restartMidConversation_theButtonFromBeforeIsStillAnswered() throws Exception {
    try (WhatsAppSimulator sim = WhatsAppSimulator.start()) {
      SimulatedUser user = sim.user(SpringBootExample.USER);
      try (ConfigurableApplicationContext before = SpringBootExample.startOn(sim)) {
        user.says("Hello")
            .expectText("You said: Hello")
            .expectReply(ReplyButtonsMessage.class, b -> {});
      }
      try (ConfigurableApplicationContext after = SpringBootExample.startOn(sim)) {
        user.tapsButton("No").expectText("Sorry about that. A person will reply soon.");
        assertThat(user.unchecked()).isEmpty();
      }
    }
  }
}
