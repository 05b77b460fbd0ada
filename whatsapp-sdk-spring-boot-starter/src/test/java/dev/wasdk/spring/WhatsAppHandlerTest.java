package dev.wasdk.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.conversations.ReplyContext;
import dev.wasdk.message.ReplyButtonsMessage;
import dev.wasdk.testkit.SimulatedUser;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.event.ButtonReplyReceived;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.event.TextReceived;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * {@link WhatsAppHandler} methods in a running application on the development-mode simulator,
 * played by a scripted user: signed webhooks, the starter's endpoint, the router and the sender.
 */
class WhatsAppHandlerTest {
  static final String USER = "+16505551234";

  /** A bot of annotated handlers. */
  public static class Bot {
    @WhatsAppHandler(keyword = "menu")
    public void menu(TextReceived text, ReplyContext ctx) {
      ctx.send(
          to ->
              to.buttons()
                  .body("Pizza or pasta?")
                  .button("pizza", "Pizza")
                  .button("pasta", "Pasta")
                  .build());
    }

    @WhatsAppHandler(
        replyId = {"pizza", "pasta"},
        priority = 5)
    public void pick(ButtonReplyReceived button, ReplyContext ctx) {
      ctx.reply("One " + button.buttonId() + " coming up.");
    }

    @WhatsAppHandler(keyword = "boom")
    public void boom(TextReceived text) {
      throw new IllegalStateException("handler failure");
    }

    @WhatsAppHandler(priority = -10)
    public void anythingElse(MessageReceived message, ReplyContext ctx) {
      ctx.send("Type MENU.");
    }
  }

  /** A handler with a parameter the registry cannot supply. */
  public static class BadBot {
    @WhatsAppHandler
    public void wrong(String text) {}
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(Bot.class)
  static class App {}

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(BadBot.class)
  static class BadApp {}

  private static ConfigurableApplicationContext run(Class<?> app) {
    return new SpringApplicationBuilder(app)
        .properties(
            "spring.config.name=no-such-config", "server.port=0", "wasdk.simulator.enabled=true")
        .run();
  }

  @Test
  void handlers_routeByKeywordReplyIdAndPriority_andAFailureIsIsolated() {
    try (ConfigurableApplicationContext context = run(App.class)) {
      WhatsAppSimulator sim = context.getBean(WhatsAppSimulator.class);
      SimulatedUser user = sim.user(USER);

      user.says("Menu")
          .expectReply(
              ReplyButtonsMessage.class, b -> assertThat(b.body()).isEqualTo("Pizza or pasta?"));
      user.tapsButton("Pasta").expectText("One pasta coming up.");
      assertThat(user.checked().get(1).message().envelope().replyTo()).isPresent();
      user.says("boom");
      user.says("what?").expectText("Type MENU.");
      assertThat(user.unchecked()).isEmpty();
    }
  }

  @Test
  void handler_withAWrongSignature_failsTheStartNamingIt() {
    assertThatThrownBy(() -> run(BadApp.class).close())
        .hasStackTraceContaining("wrong")
        .hasStackTraceContaining("must be a public instance method");
  }
}
