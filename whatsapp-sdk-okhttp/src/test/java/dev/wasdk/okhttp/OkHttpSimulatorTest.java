package dev.wasdk.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.SendResult;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.testkit.PlatformRule;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.WhatsAppSimulator;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A client on the OkHttp transport against the Cloud API simulator, end to end. */
class OkHttpSimulatorTest {
  private WhatsAppSimulator sim;

  @BeforeEach
  void start() {
    sim =
        WhatsAppSimulator.builder()
            .disable(
                PlatformRule.THROUGHPUT,
                PlatformRule.SERVICE_WINDOW,
                PlatformRule.MESSAGING_LIMIT,
                PlatformRule.PAIR_RATE)
            .start();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void send_text_isAcceptedWithAWamidThatTheSimulatorRecorded() {
    String token = sim.accessToken();
    String phoneNumberId = sim.phoneNumberId();
    URI baseUrl = sim.baseUrl();
    List<String> wamids = new ArrayList<>();
    // tag::okhttp-transport[]
    try (OkHttpTransport okhttp = OkHttpTransport.create(); // yours to close, after the client
        WhatsAppClient wa =
            WhatsAppClient.builder()
                .accessToken(token)
                .phoneNumberId(phoneNumberId)
                .baseUrl(baseUrl) // leave it out to reach Meta
                .transport(okhttp)
                .build()) {
      SendResult r = wa.messages().send(Message.to("+16505551234").text("Hello over OkHttp"));
      wamids.add(r.wamid());
    }
    // end::okhttp-transport[]
    assertThat(wamids).singleElement().asString().startsWith("wamid.");
    assertThat(sim.sentMessages()).extracting(SentMessage::wamid).isEqualTo(wamids);
  }

  @Test
  void sendAsync_text_completesOnOkHttpsThreadsWithAWamid() throws Exception {
    try (OkHttpTransport okhttp = OkHttpTransport.create();
        WhatsAppClient wa =
            WhatsAppClient.builder()
                .accessToken(sim.accessToken())
                .phoneNumberId(sim.phoneNumberId())
                .baseUrl(sim.baseUrl())
                .transport(okhttp)
                .build()) {
      SendResult r =
          wa.messages()
              .sendAsync(Message.to("+16505551234").text("Hello again"))
              .get(20, TimeUnit.SECONDS);
      assertThat(r.wamid()).startsWith("wamid.");
      assertThat(sim.sentMessages()).extracting(SentMessage::wamid).containsExactly(r.wamid());
    }
  }
}
