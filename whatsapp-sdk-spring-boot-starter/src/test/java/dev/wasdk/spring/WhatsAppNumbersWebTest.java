package dev.wasdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.message.Message;
import dev.wasdk.message.TextMessage;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.testkit.PlatformRule;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.WebhookSigner;
import dev.wasdk.webhooks.event.TextReceived;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two numbers in one running servlet application: each inbound message is answered by the number it
 * arrived on, through that number's own sender, whose service window the event opened.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WhatsAppNumbersWebTest {
  static final String SALES_ID = WhatsAppSimulator.DEFAULT_PHONE_NUMBER_ID;
  static final String SUPPORT_ID = "107655329012345";
  static final String VERIFY_TOKEN = "test-verify-token";

  /** Answers each text from the number it arrived on, and keeps the outcome. */
  static class Replier {
    @Autowired WhatsAppNumbers numbers;
    final Map<String, CompletableFuture<SendOutcome>> outcomes = new ConcurrentHashMap<>();

    @EventListener
    void on(TextReceived text) {
      WhatsAppNumbers.Entry number = numbers.forEvent(text).orElseThrow();
      outcomes.put(
          text.body(), number.sender().submit(Message.replyTo(text).text("from " + number.name())));
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(Replier.class)
  static class TestApp {}

  // The simulator only knows of inbound messages it made, so its window rule is off here; the
  // senders still keep theirs, opened only by the events routed to them.
  static final WhatsAppSimulator sim =
      WhatsAppSimulator.builder()
          .addPhoneNumber(SUPPORT_ID, "15550001111")
          .disable(PlatformRule.SERVICE_WINDOW)
          .start();

  @DynamicPropertySource
  static void pointAtSimulator(DynamicPropertyRegistry registry) {
    registry.add("wasdk.base-url", () -> sim.baseUrl().toString());
    registry.add("wasdk.access-token", sim::accessToken);
    registry.add("wasdk.waba-id", sim::wabaId);
    registry.add("wasdk.app-secret", sim::appSecret);
    registry.add("wasdk.verify-token", () -> VERIFY_TOKEN);
    registry.add("wasdk.numbers.sales.phone-number-id", () -> SALES_ID);
    registry.add("wasdk.numbers.support.phone-number-id", () -> SUPPORT_ID);
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired Replier replier;

  @AfterAll
  static void stopSimulator() {
    sim.close();
  }

  @Test
  void webhook_textsToTwoNumbers_eachAnsweredByItsOwnNumber() throws Exception {
    assertThat(post(inbound(SALES_ID, "+16505550001", "to sales")).statusCode()).isEqualTo(200);
    assertThat(post(inbound(SUPPORT_ID, "+16505550002", "to support")).statusCode()).isEqualTo(200);

    // the synchronous endpoint ran the listener before answering 200
    assertThat(replier.outcomes.get("to sales").get(10, TimeUnit.SECONDS))
        .isInstanceOf(SendOutcome.Sent.class);
    assertThat(replier.outcomes.get("to support").get(10, TimeUnit.SECONDS))
        .isInstanceOf(SendOutcome.Sent.class);
    List<SentMessage> sent = sim.sentMessages();
    Map<String, String> fromByText =
        sent.stream()
            .collect(
                Collectors.toMap(
                    m -> ((TextMessage) m.message()).body(), SentMessage::phoneNumberId));
    assertThat(fromByText)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("from sales", SALES_ID, "from support", SUPPORT_ID));
  }

  private static String inbound(String phoneNumberId, String from, String text) {
    String waId = from.substring(1);
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\""
        + sim.wabaId()
        + "\",\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
        + "\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\""
        + phoneNumberId
        + "\"},\"contacts\":[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\""
        + waId
        + "\"}],\"messages\":[{\"from\":\""
        + waId
        + "\",\"id\":\"wamid.IN-"
        + phoneNumberId
        + "\",\"timestamp\":\""
        + (System.currentTimeMillis() / 1000)
        + "\",\"type\":\"text\",\"text\":{\"body\":\""
        + text
        + "\"}}]}}]}]}";
  }

  private HttpResponse<String> post(String json) throws Exception {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp"))
            .header("Content-Type", "application/json")
            .header("X-Hub-Signature-256", WebhookSigner.of(sim.appSecret()).sign(body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
