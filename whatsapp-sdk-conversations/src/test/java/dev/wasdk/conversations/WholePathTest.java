package dev.wasdk.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.ReplyButtonsMessage;
import dev.wasdk.message.TextMessage;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.SenderFeed;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.ButtonReplyReceived;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A bot on the whole path: the simulated user writes, the simulator posts signed webhooks to a
 * {@link JdkWebhookServer}, the endpoint verifies and routes them to {@link Conversations}, and the
 * replies go through the pacing sender back to the simulator.
 */
class WholePathTest {
  private static final String USER = "+16505551234";

  @Test
  void conversation_overSignedWebhooksAndThePacingSender_asksAndTakesTheAnswer() throws Exception {
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa =
            WhatsAppClient.builder()
                .accessToken(sim.accessToken())
                .phoneNumberId(sim.phoneNumberId())
                .baseUrl(sim.baseUrl())
                .build();
        MessageSender sender = MessageSender.builder(wa).build();
        Conversations bot =
            Conversations.builder(Replier.of(sender))
                .on(
                    MessageReceived.class,
                    Filters.keyword("order"),
                    turn -> {
                      turn.send(
                          to ->
                              to.buttons()
                                  .body("Which size?")
                                  .button("S", "Small")
                                  .button("L", "Large")
                                  .build());
                      turn.ask("size", Duration.ofMinutes(10));
                    })
                .step(
                    "size",
                    turn -> {
                      String size =
                          turn.message() instanceof ButtonReplyReceived b ? b.buttonId() : "?";
                      turn.reply("Size " + size + " it is.");
                    })
                .build();
        JdkWebhookServer server =
            JdkWebhookServer.builder(
                    WebhookEndpoint.builder()
                        .appSecret(sim.appSecret())
                        .verifyToken("verify")
                        .router(
                            WebhookRouter.builder()
                                .observe(SenderFeed.of(sender))
                                .on(MessageReceived.class, bot::handle)
                                .build())
                        .build())
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .path("/webhook")
                .start()) {
      sim.deliverWebhooksTo(server.uri());

      sim.userSends(USER, "Order");
      awaitCondition(() -> sim.sentMessages().size() >= 1);
      SentMessage question = sim.sentMessages().get(0);
      sim.userRepliesWithButton(USER, question.wamid(), "L", "Large");
      awaitCondition(() -> sim.sentMessages().size() >= 2);

      List<SentMessage> sent = sim.sentMessages();
      assertThat(sent).hasSize(2).noneMatch(SentMessage::failed);
      assertThat(sent.get(0).message()).isInstanceOf(ReplyButtonsMessage.class);
      assertThat(((TextMessage) sent.get(1).message()).body()).isEqualTo("Size L it is.");
      assertThat(sent).allMatch(s -> s.message().recipient().value().equals(USER));
    }
  }

  /** Polls a condition until it holds, failing after a generous timeout. */
  private static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.sleep(10);
    }
  }
}
