package com.example.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.message.TextMessage;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.WhatsAppSimulator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The Spring Boot guide's application, run as its "Run it locally" section runs it. */
class BotApplicationTest {

  @Test
  void main_developmentMode_answersASimulatedUser() throws Exception {
    try (ConfigurableApplicationContext app =
        SpringApplication.run(
            BotApplication.class,
            "--wasdk.simulator.enabled=true",
            "--server.port=0",
            "--spring.config.name=no-such-config")) {
      WhatsAppSimulator sim = app.getBean(WhatsAppSimulator.class);

      String inbound = sim.userSends("+16505551234", "Hello bot");

      Optional<SentMessage> reply = awaitFirstSent(sim, 30);
      assertThat(reply).as("the bot's answer reached the simulator").isPresent();
      TextMessage text = (TextMessage) reply.get().message();
      assertThat(text.body()).isEqualTo("You said: Hello bot");
      assertThat(text.envelope().replyTo()).contains(inbound);
    }
  }

  /** Polls the simulator's record of sent messages until one appears or the timeout passes. */
  private static Optional<SentMessage> awaitFirstSent(WhatsAppSimulator sim, long seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      List<SentMessage> sent = sim.sentMessages();
      if (!sent.isEmpty()) {
        return Optional.of(sent.get(0));
      }
      Thread.sleep(20);
    }
    return Optional.empty();
  }
}
