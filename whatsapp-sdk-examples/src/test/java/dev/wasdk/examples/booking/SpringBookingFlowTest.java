package dev.wasdk.examples.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.examples.BookingFlow;
import dev.wasdk.flows.FlowEndpoint;
import dev.wasdk.message.FlowMessage;
import dev.wasdk.message.TextMessage;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.WhatsAppSimulator;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The booking Flow's whole journey with Spring Boot hosting its data endpoint and webhooks. */
class SpringBookingFlowTest {
  private static final String USER = "+16505551234";

  @Test
  void journey_throughTheAutoConfiguredServlet_endsWithConfirmationMessage() {
    KeyPair keys = BookingFlow.keyPair();
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa = BookingFlow.simulatorClient(sim);
        ConfigurableApplicationContext context = SpringBookingFlow.startOn(sim, keys)) {

      BookingFlow.Journey j =
          BookingFlow.play(
              sim,
              wa,
              SpringBookingFlow.uri(context, BookingFlow.FLOW_PATH),
              BookingFlow.publicPem(keys),
              USER);

      // The auto-configured endpoint is the one that answered.
      assertThat(context.getBean(FlowEndpoint.class).flowName()).isEqualTo("booking");
      assertThat(sim.flowStatus(j.flowId())).contains("PUBLISHED");
      assertThat(j.ping().data()).containsEntry("status", "active");
      assertThat(j.init().screen()).contains("DETAILS");
      assertThat(j.init().data().get("slots")).asList().hasSize(2);
      assertThat(j.details().screen()).contains("CONFIRM");
      assertThat(j.details().data()).containsEntry("summary", "Table for 4 on 2026-12-24 at 20:30");
      assertThat(j.confirm().screen()).contains("SUCCESS");
      assertThat(j.confirm().completionParams())
          .contains("{\"flow_token\":\"booking-16505551234\",\"booking_id\":\"B-1042\"}");
      assertThat(j.wrongKey().status()).isEqualTo(421);
      assertThat(context.getBean(SpringBookingFlow.class).bookings())
          .isEqualTo(Map.of("booking-16505551234", "B-1042"));

      List<SentMessage> sent = sim.sentMessages();
      assertThat(sent).hasSize(2);
      assertThat(sent.get(0).message()).isInstanceOf(FlowMessage.class);
      assertThat(sent.get(0).wamid()).isEqualTo(j.flowMessageWamid());
      assertThat(sent.get(1).message())
          .isInstanceOfSatisfying(
              TextMessage.class,
              t ->
                  assertThat(t.body())
                      .isEqualTo("You are booked in. Your booking number is B-1042."));
      assertThat(sent.get(1).json()).contains(j.completionWamid());
      assertThat(sent).noneMatch(SentMessage::failed);
    }
  }
}
