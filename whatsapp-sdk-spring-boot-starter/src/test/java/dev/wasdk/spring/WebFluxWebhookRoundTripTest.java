package dev.wasdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.message.Message;
import dev.wasdk.message.Recipient;
import dev.wasdk.message.TextMessage;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.RejectReason;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.spring.internal.ReactiveWebhookController;
import dev.wasdk.spring.internal.WebhookController;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.WebhookSigner;
import dev.wasdk.webhooks.event.DeliveryStatus;
import dev.wasdk.webhooks.event.MessageStatusChanged;
import dev.wasdk.webhooks.event.TextReceived;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole path in a running WebFlux application, as {@link WebhookRoundTripTest} checks it in a
 * servlet one: the simulator's signed webhooks reach {@code EventListener}s through the reactive
 * controller, forged, oversized and malformed ones are refused before any listener runs, and the
 * {@code MessageSender} bean sends to the simulator.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.main.web-application-type=reactive", "wasdk.webhook.max-body-size=64KB"})
class WebFluxWebhookRoundTripTest {
  static final String USER = "+16505551234";
  static final String VERIFY_TOKEN = "test-verify-token";
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** Collects every webhook event the application publishes. */
  static class Inbox {
    final List<WebhookEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(WebhookEvent event) {
      events.add(event);
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(Inbox.class)
  static class TestApp {}

  static final WhatsAppSimulator sim = WhatsAppSimulator.start();

  @DynamicPropertySource
  static void pointAtSimulator(DynamicPropertyRegistry registry) {
    registry.add("wasdk.base-url", () -> sim.baseUrl().toString());
    registry.add("wasdk.access-token", sim::accessToken);
    registry.add("wasdk.phone-number-id", sim::phoneNumberId);
    registry.add("wasdk.waba-id", sim::wabaId);
    registry.add("wasdk.app-secret", sim::appSecret);
    registry.add("wasdk.verify-token", () -> VERIFY_TOKEN);
  }

  @LocalServerPort int port;
  @Autowired MessageSender sender;
  @Autowired Inbox inbox;
  @Autowired ApplicationContext context;

  @BeforeEach
  void deliverWebhooksHere() {
    sim.reset();
    inbox.events.clear();
    sim.deliverWebhooksTo(URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp"));
  }

  @AfterAll
  static void stopSimulator() {
    sim.close();
  }

  @Test
  void webhook_userSendsText_reachesEventListener() {
    String wamid = sim.userSends(USER, "Is the shop open today?");
    assertThat(sim.awaitWebhooks(TIMEOUT)).isTrue();

    assertThat(inbox.events)
        .singleElement()
        .isInstanceOfSatisfying(
            TextReceived.class,
            text -> {
              assertThat(text.id()).isEqualTo(wamid);
              assertThat(text.body()).isEqualTo("Is the shop open today?");
            });
  }

  @Test
  void sender_afterUserWrote_sendsToSimulatorAndStatusesReachListener() throws Exception {
    sim.userSends(USER, "Hello");
    assertThat(sim.awaitWebhooks(TIMEOUT)).isTrue();

    SendOutcome outcome =
        sender
            .submit(Message.to(Recipient.phone(USER)).text("Hello back"))
            .get(10, TimeUnit.SECONDS);

    assertThat(outcome).isInstanceOf(SendOutcome.Sent.class);
    String wamid = ((SendOutcome.Sent) outcome).result().wamid();
    assertThat(sim.sentMessages())
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.wamid()).isEqualTo(wamid);
              assertThat(((TextMessage) sent.message()).body()).isEqualTo("Hello back");
            });
    assertThat(sim.awaitWebhooks(TIMEOUT)).isTrue();
    assertThat(inbox.events)
        .filteredOn(MessageStatusChanged.class::isInstance)
        .map(e -> (MessageStatusChanged) e)
        .allSatisfy(s -> assertThat(s.messageId()).isEqualTo(wamid))
        .extracting(MessageStatusChanged::status)
        .contains(DeliveryStatus.SENT, DeliveryStatus.DELIVERED);
  }

  @Test
  void sender_userNeverWrote_refusesFreeFormBeforeTheNetwork() throws Exception {
    SendOutcome outcome =
        sender
            .submit(Message.to(Recipient.phone("+16505550000")).text("Unsolicited"))
            .get(10, TimeUnit.SECONDS);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SendOutcome.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(RejectReason.WINDOW_CLOSED));
    assertThat(sim.sentMessages()).isEmpty();
  }

  @Test
  void post_bodyWithUnicodeAndSpacing_signatureVerifiesOverRawBytes() throws Exception {
    byte[] body = textPayload("wamid.RAW1", "Ol\u00e1!  \u2615  caf\u00e9 \\u00e9").getBytes(UTF8);

    HttpResponse<String> response = post(body, WebhookSigner.of(sim.appSecret()).sign(body));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(inbox.events)
        .singleElement()
        .isInstanceOfSatisfying(
            TextReceived.class,
            t -> assertThat(t.body()).isEqualTo("Ol\u00e1!  \u2615  caf\u00e9 \u00e9"));
  }

  @Test
  void post_forgedSignature_403AndNoListenerRuns() throws Exception {
    byte[] body = textPayload("wamid.FORGED", "hello").getBytes(UTF8);

    HttpResponse<String> response = post(body, WebhookSigner.of("not-the-secret").sign(body));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).startsWith("invalid signature");
    assertThat(inbox.events).isEmpty();
  }

  @Test
  void post_noSignature_401AndNoListenerRuns() throws Exception {
    byte[] body = textPayload("wamid.UNSIGNED", "hello").getBytes(UTF8);

    HttpResponse<String> response = post(body, null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(inbox.events).isEmpty();
  }

  @Test
  void post_sameDeliveryTwice_listenerRunsOnce() throws Exception {
    byte[] body = textPayload("wamid.TWICE", "once").getBytes(UTF8);
    String signature = WebhookSigner.of(sim.appSecret()).sign(body);

    assertThat(post(body, signature).statusCode()).isEqualTo(200);
    assertThat(post(body, signature).statusCode()).isEqualTo(200);

    assertThat(inbox.events).hasSize(1);
  }

  @Test
  void post_malformedJson_400AndNoListenerRuns() throws Exception {
    byte[] body = "{\"object\":".getBytes(UTF8);

    HttpResponse<String> response = post(body, WebhookSigner.of(sim.appSecret()).sign(body));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(inbox.events).isEmpty();
  }

  @Test
  void post_bodyOverTheLimit_413AndNoListenerRuns() throws Exception {
    String padding = "x".repeat(70 * 1024);
    byte[] body = textPayload("wamid.BIG", padding).getBytes(UTF8);

    HttpResponse<String> response = post(body, WebhookSigner.of(sim.appSecret()).sign(body));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(inbox.events).isEmpty();
  }

  @Test
  void servedByTheReactiveController() {
    assertThat(context.getBeansOfType(ReactiveWebhookController.class)).hasSize(1);
    assertThat(context.getBeansOfType(WebhookController.class)).isEmpty();
  }

  @Test
  void get_rightVerifyToken_answersChallenge() throws Exception {
    HttpResponse<String> response =
        get("?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=1158201444");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("1158201444");
  }

  @Test
  void get_wrongVerifyToken_403() throws Exception {
    HttpResponse<String> response =
        get("?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).doesNotContain("1158201444", VERIFY_TOKEN);
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private HttpResponse<String> post(byte[] body, String signature) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signature != null) {
      request.header("X-Hub-Signature-256", signature);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String query) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp" + query))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A text-message delivery, written with irregular spacing on purpose. */
  private static String textPayload(String wamid, String text) {
    return "{ \"object\":\"whatsapp_business_account\",\n \"entry\":[{\"id\":\""
        + sim.wabaId()
        + "\",\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
        + "\"metadata\":{\"display_phone_number\":\""
        + sim.displayPhoneNumber()
        + "\",\"phone_number_id\":\""
        + sim.phoneNumberId()
        + "\"},\"contacts\":[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"16505559876\"}],"
        + "\"messages\":[{\"from\":\"16505559876\",\"id\":\""
        + wamid
        + "\",\"timestamp\":\"1750090702\",\"type\":\"text\",\"text\":{\"body\":\""
        + text
        + "\"}}]}}]}]   }";
  }
}
