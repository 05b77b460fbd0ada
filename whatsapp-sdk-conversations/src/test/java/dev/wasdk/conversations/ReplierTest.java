package dev.wasdk.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.TextMessage;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.RejectReason;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.event.MessageReceived;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bot's replies through {@link Replier#of(MessageSender)} to the simulated Cloud API. */
class ReplierTest {

  @Test
  void of_sender_repliesGoThroughThePacingSenderAndItsWindowRule() throws Exception {
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa =
            WhatsAppClient.builder()
                .accessToken(sim.accessToken())
                .phoneNumberId(sim.phoneNumberId())
                .baseUrl(sim.baseUrl())
                .build();
        MessageSender sender = MessageSender.builder(wa).build()) {
      Replier real = Replier.of(sender);
      List<CompletableFuture<SendOutcome>> outcomes = new CopyOnWriteArrayList<>();
      Replier watched =
          message -> {
            CompletableFuture<SendOutcome> f = real.send(message);
            outcomes.add(f);
            return f;
          };
      try (Conversations bot =
          Conversations.builder(watched)
              .on(MessageReceived.class, Filters.keyword("hi"), turn -> turn.reply("Hello!"))
              .build()) {

        // The sender has not seen the user's message: the window is closed on its books.
        bot.handle(Events.text("hi")).get(10, TimeUnit.SECONDS);
        SendOutcome refused = outcomes.get(0).get(10, TimeUnit.SECONDS);
        assertThat(refused.rejectReason()).contains(RejectReason.WINDOW_CLOSED);

        // Once the inbound message is fed to the sender, as SenderFeed does, the reply goes out.
        sim.userSends("+" + Events.USER, "hi");
        sender.onInbound(Events.USER, sim.clock().instant());
        bot.handle(Events.text("hi")).get(10, TimeUnit.SECONDS);
        SendOutcome sent = outcomes.get(1).get(10, TimeUnit.SECONDS);

        assertThat(sent.isSent()).isTrue();
        assertThat(sim.sentMessages()).hasSize(1);
        assertThat(sim.sentMessages().get(0).message()).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) sim.sentMessages().get(0).message()).body()).isEqualTo("Hello!");
        assertThat(sim.sentMessages().get(0).message().recipient().value())
            .isEqualTo("+" + Events.USER);
      }
    }
  }
}
