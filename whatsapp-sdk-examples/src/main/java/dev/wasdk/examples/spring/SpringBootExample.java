package dev.wasdk.examples.spring;

import dev.wasdk.message.ReplyButtonsMessage;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.WhatsAppSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot 4 chat bot that depends on {@code whatsapp-sdk-spring-boot-starter} alone (and
 * Spring MVC): the starter creates the client, the pacing sender and the webhook controller at
 * {@code /webhooks/whatsapp}; {@link ChatBot} answers texts and button taps from {@code
 * WhatsAppHandler} methods (with {@code whatsapp-sdk-conversations} on the class path), and {@link
 * DeliveryReport} counts the status webhooks from an {@code EventListener}.
 *
 * <p>Its configuration is {@code wasdk-example.properties} ({@code spring.config.name}), which maps
 * {@code WHATSAPP_ACCESS_TOKEN}, {@code WHATSAPP_PHONE_NUMBER_ID}, {@code WHATSAPP_WABA_ID}
 * (optional), {@code WHATSAPP_APP_SECRET} and {@code WHATSAPP_VERIFY_TOKEN} to the {@code wasdk.*}
 * properties. With the first two set, {@link #main} serves Meta's webhooks on {@code
 * WHATSAPP_WEBHOOK_PORT} (default 8080) until stopped. Without them, it starts a {@link
 * WhatsAppSimulator}, points the starter at it, plays a short conversation and prints the bot's
 * answers.
 */
@SpringBootApplication
public class SpringBootExample {
  /** The simulated user of the simulated run. */
  static final String USER = "+16505551234";

  /** Creates the application class; Spring does this. */
  public SpringBootExample() {}

  /**
   * Runs the bot against Meta, or against the simulator when no credentials are set.
   *
   * @param args Spring Boot arguments, such as {@code --server.port=9090}
   * @throws Exception if the simulated conversation fails
   */
  public static void main(String[] args) throws Exception {
    if (System.getenv("WHATSAPP_ACCESS_TOKEN") != null
        && System.getenv("WHATSAPP_PHONE_NUMBER_ID") != null) {
      application().run(args);
    } else {
      runSimulated();
    }
  }

  /** Returns the application, reading {@code wasdk-example.properties}. */
  static SpringApplicationBuilder application() {
    return new SpringApplicationBuilder(SpringBootExample.class)
        .properties("spring.config.name=wasdk-example");
  }

  /**
   * Starts the application against a simulator on a free loopback port, and has the simulator
   * deliver its webhooks to it.
   *
   * @param sim the simulator
   * @return the running application; close it to stop
   */
  static ConfigurableApplicationContext startOn(WhatsAppSimulator sim) {
    ConfigurableApplicationContext context =
        application()
            .run(
                "--server.address=127.0.0.1",
                "--server.port=0",
                "--wasdk.base-url=" + sim.baseUrl(),
                "--wasdk.access-token=" + sim.accessToken(),
                "--wasdk.phone-number-id=" + sim.phoneNumberId(),
                "--wasdk.waba-id=" + sim.wabaId(),
                "--wasdk.app-secret=" + sim.appSecret(),
                "--wasdk.verify-token=example-verify-token");
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    sim.deliverWebhooksTo(URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp"));
    return context;
  }

  /**
   * Plays a conversation: the user writes, the bot echoes and asks with two buttons, the user taps
   * "Yes", the bot thanks. Each step waits for the bot's answers and their status webhooks.
   *
   * @param sim the simulator the application is started on
   * @param context the running application
   * @param timeout the longest wait for each step
   */
  static void converse(
      WhatsAppSimulator sim, ConfigurableApplicationContext context, Duration timeout)
      throws TimeoutException, InterruptedException, ExecutionException {
    ChatBot bot = context.getBean(ChatBot.class);
    sim.userSends(USER, "Hello bot");
    settle(sim, bot, timeout);
    String buttons =
        sim.sentMessages().stream()
            .filter(s -> s.message() instanceof ReplyButtonsMessage)
            .map(SentMessage::wamid)
            .reduce((a, b) -> b)
            .orElseThrow(() -> new IllegalStateException("the bot sent no buttons"));
    sim.userRepliesWithButton(USER, buttons, ChatBot.BUTTON_YES, "Yes");
    settle(sim, bot, timeout);
  }

  /** Waits for the inbound webhook, the bot's answers, and the answers' status webhooks. */
  private static void settle(WhatsAppSimulator sim, ChatBot bot, Duration timeout)
      throws TimeoutException, InterruptedException, ExecutionException {
    awaitWebhooks(sim, timeout);
    bot.awaitAnswers(timeout);
    awaitWebhooks(sim, timeout);
  }

  private static void awaitWebhooks(WhatsAppSimulator sim, Duration timeout)
      throws TimeoutException {
    if (!sim.awaitWebhooks(timeout)) {
      throw new TimeoutException("webhooks still pending after " + timeout);
    }
  }

  private static void runSimulated() throws Exception {
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        ConfigurableApplicationContext context = startOn(sim)) {
      System.out.println("Spring Boot bot talking to the simulator at " + sim.baseUrl());
      converse(sim, context, Duration.ofSeconds(10));
      for (SentMessage s : sim.sentMessages()) {
        System.out.println("bot > " + s.json());
      }
      System.out.printf(
          "%nThe user sent 2 messages; the bot answered with %d. Status webhooks: %s%n",
          sim.sentMessages().size(), context.getBean(DeliveryReport.class));
    }
  }
}
