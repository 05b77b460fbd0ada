package dev.wasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.ListMessage;
import dev.wasdk.message.ListRow;
import dev.wasdk.message.Message;
import dev.wasdk.message.ReplyButtonsMessage;
import dev.wasdk.message.TextMessage;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.webhooks.SenderFeed;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.ButtonReplyReceived;
import dev.wasdk.webhooks.event.ListReplyReceived;
import dev.wasdk.webhooks.event.TextReceived;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conversation DSL against a small bot on the whole path: signed webhooks to a real endpoint, a
 * router, the pacing sender and the simulated Cloud API.
 */
class SimulatedUserTest {
  private static final String USER = "+5511987654321";

  private WhatsAppSimulator sim;
  private WhatsAppClient wa;
  private MessageSender sender;
  private JdkWebhookServer server;

  @BeforeEach
  void start() {
    sim = WhatsAppSimulator.start();
    wa =
        WhatsAppClient.builder()
            .accessToken(sim.accessToken())
            .phoneNumberId(sim.phoneNumberId())
            .baseUrl(sim.baseUrl())
            .build();
    sender = MessageSender.builder(wa).build();
    WebhookRouter router =
        WebhookRouter.builder()
            .observe(SenderFeed.of(sender))
            .on(TextReceived.class, this::onText)
            .on(ListReplyReceived.class, this::onRow)
            .on(ButtonReplyReceived.class, this::onButton)
            .build();
    server =
        JdkWebhookServer.builder(
                WebhookEndpoint.builder()
                    .appSecret(sim.appSecret())
                    .verifyToken("verify")
                    .router(router)
                    .build())
            .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .path("/webhook")
            .start();
    sim.deliverWebhooksTo(server.uri());
  }

  @AfterEach
  void stop() {
    server.close();
    sender.close();
    wa.close();
    sim.close();
  }

  private void onText(TextReceived text) {
    if (text.body().equalsIgnoreCase("menu")) {
      sender.submit(
          Message.to(text)
              .list()
              .body("Our menu")
              .button("See dishes")
              .section(
                  "Mains", ListRow.of("pizza", "Pizza", "Margherita"), ListRow.of("pasta", "Pasta"))
              .build());
    } else if (!text.body().equals("silence")) {
      sender.submit(Message.to(text).text("Sorry, type MENU."));
    }
  }

  private void onRow(ListReplyReceived row) {
    sender.submit(
        Message.to(row)
            .buttons()
            .body("How many " + row.title() + "?")
            .button("1", "One")
            .button("2", "Two")
            .build());
  }

  private void onButton(ButtonReplyReceived button) {
    sender.submit(Message.to(button).text("Added " + button.buttonId() + "."));
  }

  @Test
  void script_menuRowButton_answersCheckedInOrder() {
    SimulatedUser user = sim.user(USER);

    user.says("menu")
        .expectReply(ListMessage.class, list -> assertThat(list.body()).isEqualTo("Our menu"));
    user.picksRow("Pasta")
        .expectReply(
            ReplyButtonsMessage.class, b -> assertThat(b.body()).isEqualTo("How many Pasta?"));
    user.tapsButton("Two").expectText("Added 2.");
    user.says("hello?").expectText("Sorry, type MENU.");

    assertThat(user.unchecked()).isEmpty();
    assertThat(user.checked()).hasSize(4).noneMatch(SentMessage::failed);
  }

  @Test
  void expectReply_wrongKind_failsNamingBoth() {
    SimulatedUser user = sim.user(USER);

    assertThatThrownBy(() -> user.says("what").expectReply(ListMessage.class, l -> {}))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ListMessage")
        .hasMessageContaining("TextMessage")
        .hasMessageContaining("Sorry, type MENU.");
  }

  @Test
  void expectText_otherText_failsWithBoth() {
    assertThatThrownBy(() -> sim.user(USER).says("x").expectText("Hello"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Hello")
        .hasMessageContaining("Sorry, type MENU.");
  }

  @Test
  void tapsButton_noSuchButtonSoFar_failsAtOnce() {
    SimulatedUser user = sim.user(USER);
    user.says("menu").expectReply(m -> assertThat(m).isInstanceOf(ListMessage.class));

    assertThatThrownBy(() -> user.tapsButton("Three"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Three");
    assertThatThrownBy(() -> user.picksRow("sushi"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("sushi");
  }

  @Test
  void expectReply_botStaysSilent_failsAfterTheTimeout() {
    // The one check that must let time pass: the DSL's own timeout when no answer comes.
    SimulatedUser user = sim.user(USER).within(Duration.ofMillis(200));

    assertThatThrownBy(() -> user.says("silence").expectReply(m -> {}))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no further answer");
  }

  @Test
  void user_answersToOtherUsersOrEarlier_areNotTheirs() {
    sim.user("+16505551234").says("hi").expectText("Sorry, type MENU.");
    SimulatedUser late = sim.user("+16505551234");
    SimulatedUser other = sim.user(USER);

    other.says("menu").expectReply(ListMessage.class, l -> {});
    late.says("again").expectReply(TextMessage.class, t -> {});

    assertThat(late.checked()).hasSize(1);
    assertThat(other.unchecked()).isEmpty();
  }

  @Test
  void user_badNumber_isRefused() {
    assertThatThrownBy(() -> sim.user("12"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 digits");
  }
}
