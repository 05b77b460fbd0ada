package dev.wasdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.flows.FlowCipher;
import dev.wasdk.message.FlowMessage;
import dev.wasdk.message.TextMessage;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.WhatsAppSimulator;
import java.net.InetAddress;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The booking Flow's whole journey on the simulator. */
class BookingFlowTest {
  private static final String USER = "+16505551234";

  @Test
  void journey_sendOpenFillConfirmComplete_endsWithConfirmationMessage() {
    KeyPair keys = BookingFlow.keyPair();
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa = BookingFlow.simulatorClient(sim);
        BookingFlow app =
            BookingFlow.start(
                wa,
                FlowCipher.of(keys.getPrivate()),
                sim.appSecret(),
                "verify",
                InetAddress.getLoopbackAddress())) {
      sim.deliverWebhooksTo(app.webhookUri());

      BookingFlow.Journey j =
          BookingFlow.play(sim, wa, app.flowUri(), BookingFlow.publicPem(keys), USER);

      assertThat(sim.flowStatus(j.flowId())).contains("PUBLISHED");
      assertThat(sim.uploadedFlowJson(j.flowId())).contains(BookingFlow.flowJson().toJson());
      assertThat(sim.businessPublicKey()).contains(BookingFlow.publicPem(keys).strip());
      assertThat(sent0Json(sim)).contains("\"flow_id\":\"" + j.flowId() + "\"");
      assertThat(j.ping().status()).isEqualTo(200);
      assertThat(j.ping().data()).containsEntry("status", "active");
      assertThat(j.init().screen()).contains("DETAILS");
      assertThat(j.init().data().get("slots")).asList().hasSize(2);
      assertThat(j.details().screen()).contains("CONFIRM");
      assertThat(j.details().data()).containsEntry("summary", "Table for 4 on 2026-12-24 at 20:30");
      assertThat(j.confirm().screen()).contains("SUCCESS");
      assertThat(j.confirm().completionParams())
          .contains("{\"flow_token\":\"booking-16505551234\",\"booking_id\":\"B-1042\"}");
      assertThat(j.wrongKey().status()).isEqualTo(421);
      assertThat(app.bookings()).isEqualTo(Map.of("booking-16505551234", "B-1042"));

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

  private static String sent0Json(WhatsAppSimulator sim) {
    return sim.sentMessages().get(0).json();
  }

  @Test
  void flowJson_isValidAndDeclaresTheEndpointRoutes() {
    String json = BookingFlow.flowJson().toJson();
    assertThat(json)
        .startsWith(
            "{\"version\":\"7.3\",\"data_api_version\":\"3.0\",\"routing_model\":"
                + "{\"DETAILS\":[\"CONFIRM\"],\"CONFIRM\":[]}");
  }
}
