package dev.wasdk.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.error.AuthException;
import dev.wasdk.message.Message;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.testkit.PlatformRule;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.DispatchMode;
import dev.wasdk.webhooks.QueuedHandoff;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRequest;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.WebhookSigner;
import dev.wasdk.webhooks.event.MessageStatusChanged;
import dev.wasdk.webhooks.event.WebhookEvent;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The meters, recorded against the simulator in a {@link SimpleMeterRegistry}. */
class WhatsAppMetricsTest {
  private WhatsAppSimulator sim;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final WhatsAppMetrics metrics = WhatsAppMetrics.of(registry);

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

  private WhatsAppClient client(String token) {
    return WhatsAppClient.builder()
        .accessToken(token)
        .phoneNumberId(sim.phoneNumberId())
        .baseUrl(sim.baseUrl())
        .observer(metrics)
        .build();
  }

  private static String user(int i) {
    return String.format("+1650555%04d", i);
  }

  @Test
  void send_thousandDistinctUsers_meterCountStaysConstant() {
    try (WhatsAppClient wa = client(sim.accessToken())) {
      for (int i = 0; i < 100; i++) {
        wa.messages().send(Message.to(user(i)).text("hello " + i));
      }
      int meters = registry.getMeters().size();
      for (int i = 100; i < 1_000; i++) {
        wa.messages().send(Message.to(user(i)).text("hello " + i));
      }

      assertThat(registry.getMeters()).hasSize(meters);
    }
    assertThat(
            registry
                .get("whatsapp.graph.requests")
                .tag("method", "POST")
                .tag("uri", "{id}/messages")
                .tag("outcome", "SUCCESS")
                .tag("status", "200")
                .timer()
                .count())
        .isEqualTo(1_000);
    List<String> tagValues = new ArrayList<>();
    for (Meter m : registry.getMeters()) {
      m.getId().getTags().stream().map(Tag::getValue).forEach(tagValues::add);
    }
    assertThat(String.join(" ", tagValues)).doesNotContain("6505550", "wamid", sim.accessToken());
  }

  @Test
  void send_wrongToken_recordsClientErrorWithCode() {
    try (WhatsAppClient wa = client("not-the-token")) {
      assertThatThrownBy(() -> wa.messages().send(Message.to(user(1)).text("hi")))
          .isInstanceOf(AuthException.class);
    }
    assertThat(
            registry
                .get("whatsapp.graph.requests")
                .tag("outcome", "CLIENT_ERROR")
                .tag("status", "401")
                .tag("error.code", "190")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void sender_outcomesDecisionsGaugesAndStoreCalls() throws Exception {
    try (WhatsAppClient wa = client(sim.accessToken());
        MessageSender sender =
            MessageSender.builder(wa)
                .enforceServiceWindow(false)
                .requireMarketingOptIn(false)
                .build()) {
      metrics.bind(sender);
      List<CompletableFuture<SendOutcome>> outcomes = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        // templates: business-initiated, so each user takes a tier slot
        outcomes.add(sender.submit(Message.to(user(i)).template("hello_world", "en_US").build()));
      }
      for (CompletableFuture<SendOutcome> f : outcomes) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isInstanceOf(SendOutcome.Sent.class);
      }

      String id = sim.phoneNumberId();
      assertThat(
              registry
                  .get("whatsapp.sends")
                  .tag("phone.number.id", id)
                  .tag("outcome", "sent")
                  .counter()
                  .count())
          .isEqualTo(5.0);
      assertThat(
              registry
                  .get("whatsapp.limiter.decisions")
                  .tag("decision", "send")
                  .tag("limit", "none")
                  .counter()
                  .count())
          .isGreaterThanOrEqualTo(5.0);
      assertThat(registry.get("whatsapp.sender.queued").tag("phone.number.id", id).gauge().value())
          .isZero();
      assertThat(registry.get("whatsapp.sender.tier.used").gauge().value()).isEqualTo(5.0);
      assertThat(registry.get("whatsapp.sender.throughput").gauge().value()).isPositive();
      assertThat(registry.get("whatsapp.store.calls").tag("store", "limiter").timers())
          .isNotEmpty()
          .allSatisfy(t -> assertThat(t.count()).isPositive());
    }
  }

  @Test
  void webhook_deliveriesEventsAndDuplicates() {
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(sim.appSecret())
            .verifyToken("verify-me")
            .router(WebhookRouter.builder().on(WebhookEvent.class, e -> {}).build())
            .observer(metrics)
            .build();
    byte[] body = statusBody("wamid.HBgLMTY1MDU1NTAwMDEVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA");
    WebhookRequest post =
        WebhookRequest.builder()
            .method("POST")
            .header("X-Hub-Signature-256", WebhookSigner.of(sim.appSecret()).sign(body))
            .body(body)
            .build();
    WebhookRequest forged =
        WebhookRequest.builder()
            .method("POST")
            .header("X-Hub-Signature-256", WebhookSigner.of("wrong").sign(body))
            .body(body)
            .build();

    assertThat(endpoint.handle(post).status()).isEqualTo(200);
    assertThat(endpoint.handle(post).status()).isEqualTo(200);
    assertThat(endpoint.handle(forged).status()).isEqualTo(403);

    assertThat(
            registry
                .get("whatsapp.webhook.deliveries")
                .tag("status", "200")
                .tag("result", "accepted")
                .timer()
                .count())
        .isEqualTo(2);
    assertThat(
            registry
                .get("whatsapp.webhook.deliveries")
                .tag("result", "bad_signature")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(registry.get("whatsapp.webhook.events").counter().count()).isEqualTo(2.0);
    assertThat(registry.get("whatsapp.webhook.duplicates").counter().count()).isEqualTo(1.0);
    assertThat(registry.get("whatsapp.webhook.verify").timer().count()).isEqualTo(3);
    assertThat(registry.get("whatsapp.webhook.parse").timer().count()).isEqualTo(2);
  }

  @Test
  void webhook_queuedHandlers_timedByEventTypeAndResult() {
    List<String> seen = new ArrayList<>();
    QueuedHandoff handoff =
        QueuedHandoff.builder(
                WebhookRouter.builder()
                    .on(
                        MessageStatusChanged.class,
                        s -> {
                          seen.add(s.rawStatus());
                          if (seen.size() == 2) {
                            throw new IllegalStateException("handler failed");
                          }
                        })
                    .build())
            .workers(1)
            .build();
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(sim.appSecret())
            .verifyToken("verify-me")
            .dispatch(DispatchMode.asynchronous(handoff))
            .observer(metrics)
            .build();
    for (String wamid : List.of("wamid.FIRST", "wamid.SECOND")) {
      byte[] body = statusBody(wamid);
      WebhookRequest post =
          WebhookRequest.builder()
              .method("POST")
              .header("X-Hub-Signature-256", WebhookSigner.of(sim.appSecret()).sign(body))
              .body(body)
              .build();
      assertThat(endpoint.handle(post).status()).isEqualTo(200);
    }
    assertThat(handoff.shutdown(Duration.ofSeconds(30))).as("both handled").isEmpty();

    assertThat(seen).hasSize(2);
    for (String result : List.of("handled", "failed")) {
      assertThat(
              registry
                  .get("whatsapp.webhook.handlers")
                  .tag("event.type", "MessageStatusChanged")
                  .tag("result", result)
                  .timer()
                  .count())
          .as(result)
          .isEqualTo(1);
    }
  }

  private byte[] statusBody(String wamid) {
    String json =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\""
            + sim.wabaId()
            + "\",\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":"
            + "\"whatsapp\",\"metadata\":{\"display_phone_number\":\""
            + sim.displayPhoneNumber()
            + "\",\"phone_number_id\":\""
            + sim.phoneNumberId()
            + "\"},\"statuses\":[{\"id\":\""
            + wamid
            + "\",\"status\":\"delivered\",\"timestamp\":\"1739321024\",\"recipient_id\":"
            + "\"16505550001\"}]}}]}]}";
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
