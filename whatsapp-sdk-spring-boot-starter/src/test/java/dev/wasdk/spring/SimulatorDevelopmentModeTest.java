package dev.wasdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.event.TextReceived;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * The development mode in a running web application: no credentials, an embedded simulator, its
 * signed webhooks reaching the application's own endpoint, and replies sent to it.
 */
@ExtendWith(OutputCaptureExtension.class)
class SimulatorDevelopmentModeTest {
  static final String USER = "+16505551234";

  /** A bot that answers every text. */
  static class Bot {
    final LinkedBlockingQueue<TextReceived> received = new LinkedBlockingQueue<>();

    @EventListener
    void on(TextReceived text) {
      received.add(text);
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(Bot.class)
  static class App {}

  @Test
  void run_simulatorEnabledWithoutCredentials_sendsAndReceivesThroughTheSimulator(
      CapturedOutput output) throws Exception {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(App.class)
            .properties(
                "spring.config.name=no-such-config",
                "server.port=0",
                "server.servlet.context-path=/shop",
                "wasdk.simulator.enabled=true")
            .run()) {
      WhatsAppSimulator sim = context.getBean(WhatsAppSimulator.class);
      WhatsAppClient client = context.getBean(WhatsAppClient.class);
      assertThat(client.baseUrl()).isEqualTo(sim.baseUrl());
      assertThat(client.phoneNumberId()).isEqualTo(sim.phoneNumberId());
      assertThat(output)
          .contains("DEVELOPMENT MODE")
          .contains("Never enable this in production")
          .contains("posts signed webhooks to http://127.0.0.1:")
          .contains("/shop/webhooks/whatsapp");

      String wamid = sim.userSends(USER, "Hi there");
      TextReceived text = context.getBean(Bot.class).received.poll(30, TimeUnit.SECONDS);
      assertThat(text).as("the simulator's signed webhook reached the listener").isNotNull();
      assertThat(text.id()).isEqualTo(wamid);

      SendOutcome outcome =
          context
              .getBean(MessageSender.class)
              .submit(Message.to(USER).text("Hello from development mode"))
              .get(30, TimeUnit.SECONDS);
      assertThat(outcome.isSent()).as(outcome.toString()).isTrue();
      assertThat(sim.sentMessages())
          .singleElement()
          .satisfies(m -> assertThat(m.wamid()).isEqualTo(outcome.wamid().orElseThrow()));
      assertThat(sim.awaitWebhooks(Duration.ofSeconds(30))).isTrue();
    }
  }

  @Test
  void context_simulatorEnabledWithoutTestkit_failsNamingTheDependency() {
    new ApplicationContextRunner()
        .withClassLoader(new FilteredClassLoader(WhatsAppSimulator.class))
        .withConfiguration(
            AutoConfigurations.of(
                WhatsAppSimulatorAutoConfiguration.class, WhatsAppAutoConfiguration.class))
        .withPropertyValues("wasdk.simulator.enabled=true", "wasdk.webhook.enabled=false")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .isInstanceOf(WhatsAppConfigurationException.class)
                    .hasMessageContaining("wasdk.simulator.enabled is true")
                    .hasMessageContaining("dev.wasdk:whatsapp-sdk-testkit"));
  }

  @Test
  void context_simulatorPropertyAbsent_startsNoSimulator() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                WhatsAppSimulatorAutoConfiguration.class, WhatsAppAutoConfiguration.class))
        .withPropertyValues(
            "wasdk.access-token=EAAG-token",
            "wasdk.phone-number-id=106540352242922",
            "wasdk.webhook.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(WhatsAppSimulator.class);
              assertThat(context.getBean(WhatsAppClient.class).baseUrl().toString())
                  .isEqualTo("https://graph.facebook.com");
            });
  }
}
