package dev.wasdk.examples.booking;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.examples.BookingFlow;
import dev.wasdk.flows.FlowRouter;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.event.FlowReplyReceived;
import java.net.URI;
import java.security.KeyPair;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * The {@link BookingFlow} example hosted by Spring Boot and {@code
 * whatsapp-sdk-spring-boot-starter} instead of the JDK servers: the starter serves the data
 * endpoint at {@code wasdk.flows.path} from {@code wasdk.flows.private-key} and routes it to the
 * {@link FlowRouter} bean, which is {@link BookingFlow#router(Map)}; the starter's webhook
 * controller publishes the completion as a {@link FlowReplyReceived} event, which {@link
 * #onFlowReply} answers with {@link BookingFlow#confirmation(FlowReplyReceived)}. Only the hosting
 * differs from the plain example.
 *
 * <p>{@link #main} runs the journey against a {@link WhatsAppSimulator} and prints the messages the
 * business sent. Thread-safe.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class SpringBookingFlow {
  /** The webhook path the starter serves. */
  static final String WEBHOOK_PATH = "/webhooks/whatsapp";

  private final Map<String, String> bookings = new ConcurrentHashMap<>();
  private final WhatsAppClient wa;

  /**
   * Creates the application class; Spring does this.
   *
   * @param wa the auto-configured client, which sends the confirmations
   */
  public SpringBookingFlow(WhatsAppClient wa) {
    this.wa = wa;
  }

  // tag::spring[]
  /**
   * The data endpoint's router, shared with the plain example.
   *
   * @return the booking router
   */
  @Bean
  FlowRouter bookingRouter() {
    return BookingFlow.router(bookings);
  }

  /**
   * Confirms a completed booking with a message.
   *
   * @param reply the Flow reply webhook
   */
  @EventListener
  public void onFlowReply(FlowReplyReceived reply) {
    BookingFlow.confirmation(reply).ifPresent(wa.messages()::send);
  }

  // end::spring[]

  /** Returns the bookings made, by flow token. */
  Map<String, String> bookings() {
    return Map.copyOf(bookings);
  }

  /**
   * Starts the application against a simulator on a free loopback port, with the business private
   * key of {@code keys}, and has the simulator deliver its webhooks to it.
   *
   * @param sim the simulator
   * @param keys the business key pair
   * @return the running application; close it to stop
   */
  static ConfigurableApplicationContext startOn(WhatsAppSimulator sim, KeyPair keys) {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(SpringBookingFlow.class)
            .properties(
                "server.address=127.0.0.1",
                "server.port=0",
                "wasdk.base-url=" + sim.baseUrl(),
                "wasdk.access-token=" + sim.accessToken(),
                "wasdk.phone-number-id=" + sim.phoneNumberId(),
                "wasdk.waba-id=" + sim.wabaId(),
                "wasdk.app-secret=" + sim.appSecret(),
                "wasdk.verify-token=booking-verify",
                "wasdk.webhook.path=" + WEBHOOK_PATH,
                "wasdk.flows.private-key=" + BookingFlow.privatePem(keys),
                "wasdk.flows.path=" + BookingFlow.FLOW_PATH,
                "wasdk.flows.flow-name=booking")
            .run();
    sim.deliverWebhooksTo(uri(context, WEBHOOK_PATH));
    return context;
  }

  /** Returns the URL of a path on the running application. */
  static URI uri(ConfigurableApplicationContext context, String path) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /**
   * Runs the journey on the simulator and prints what the business sent.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    KeyPair keys = BookingFlow.keyPair();
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa = BookingFlow.simulatorClient(sim);
        ConfigurableApplicationContext context = startOn(sim, keys)) {
      BookingFlow.Journey j =
          BookingFlow.play(
              sim,
              wa,
              uri(context, BookingFlow.FLOW_PATH),
              BookingFlow.publicPem(keys),
              "+16505551234");
      System.out.println("CONFIRM   -> " + j.confirm().json().orElse(""));
      sim.sentMessages().forEach(s -> System.out.println("business > " + s.json()));
    }
  }
}
